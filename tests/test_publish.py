"""A build that never loses the site: `make build` stages both editions and publishes them together, so
whatever fails, and whenever, the last good site (English and zh/) stays byte for byte as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from build_pages import publish
from tests.sites import ROOT, copy_project

VENV = Path(sys.prefix)  # the Makefile's .venv: this interpreter's


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("publish")
    project = copy_project(base / "project")
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)  # copy2: the install stamp stays newer than pyproject.toml
    if (ROOT / ".chart-cache").is_dir():  # same inputs, same keys: start warm
        shutil.copytree(ROOT / ".chart-cache", base / "cache")
    return project


def make(project: Path, *args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "SITE_URL_ZH")}
    env = base | {"SOURCE_DATE_EPOCH": "1767225600", "MW_CACHE_DIR": str(project.parent / "cache")} | (env or {})
    return subprocess.run(
        ["make", "-s", "-C", str(project), f"VENV={VENV}", *args], capture_output=True, text=True, env=env, **kw
    )


@pytest.fixture(scope="module")
def good(project) -> dict[str, str]:
    r = make(project, "build")
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-3000:]
    assert "published" in r.stdout
    site = tree(project / "site")
    assert "index.html" in site and "zh/index.html" in site
    return site


def edit(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return lambda: path.write_text(text, encoding="utf-8")


FAULTS = {
    # the Chinese build fails after the English one has been staged
    "unknown chart id in a Chinese page": (
        "docs-zh/07-epilogue.md",
        "[[chart pdd_vs_alibaba]]",
        "[[chart pdd_vs_alibab]]",
    ),
    "a near miss in an English page": ("docs/07-epilogue.md", "[[chart pdd_vs_alibaba]]", "[[Chart pdd_vs_alibaba]]"),
    "marker text in a page": ("docs-zh/09-about.md", "\n\n", "\n\n@@mw:csp@@\n\n"),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_failed_build_leaves_both_editions_as_they_were(project, good, fault):
    name, old, new = FAULTS[fault]
    undo = edit(project / name, old, new)
    try:
        r = make(project, "build")
    finally:
        undo()
    assert r.returncode != 0
    assert name.split("/")[-1] in r.stderr, r.stderr[-2000:]  # the error names the page
    assert tree(project / "site") == good


def test_a_page_saved_as_windows_1252_names_its_line_and_loses_nothing(project, good):
    page = project / "docs" / "09-about.md"
    text = page.read_bytes()
    page.write_bytes(text + "\nCaf\u00e9\n".encode("cp1252"))
    try:
        r = make(project, "build")
    finally:
        page.write_bytes(text)
    assert r.returncode != 0 and "09-about.md:" in r.stderr and "not UTF-8" in r.stderr
    assert tree(project / "site") == good


def test_a_build_killed_midway_loses_nothing_and_the_next_one_publishes(project, good):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", MW_CACHE_DIR=str(project.parent / "cache"))
    proc = subprocess.Popen(
        ["make", "-s", "-C", str(project), f"VENV={VENV}", "build"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    staging = project / ".site-staging"
    deadline = time.monotonic() + 120
    while not (staging / "index.html").exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # polling a condition (the English edition staged), not waiting for time
    assert proc.poll() is None, "the build ended before it could be stopped"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert tree(project / "site") == good
    r = make(project, "build")
    assert r.returncode == 0, r.stderr[-2000:]
    assert tree(project / "site") == good  # reproducible: the same site again


def test_zensical_builds_stage_and_publish_the_same_way(project, good):
    undo = edit(project / "docs-zh" / "07-epilogue.md", "[[chart pdd_vs_alibaba]]", "[[chart pdd_vs_alibab]]")
    try:
        r = make(project, "build-zensical")
    finally:
        undo()
    assert r.returncode != 0 and "07-epilogue.md" in r.stderr
    assert tree(project / "site") == good


# --- the publish step itself ------------------------------------------------------------------


def staged(tmp_path: Path, pages: dict[str, str]) -> Path:
    folder = tmp_path / "staging"
    for rel, html in pages.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(html, encoding="utf-8")
    return folder


FINISHED = '<html><head><meta http-equiv="Content-Security-Policy" content="x"></head><body></body></html>'


def test_publish_refuses_a_site_missing_an_edition(tmp_path):
    site = staged(tmp_path / "old", {"index.html": FINISHED, "zh/index.html": FINISHED}).rename(tmp_path / "site")
    before = tree(site)
    with pytest.raises(publish.PublishError, match="zh edition is missing"):
        publish.publish(staged(tmp_path, {"index.html": FINISHED}), site)
    assert tree(site) == before


def test_publish_refuses_a_page_with_markers_left(tmp_path):
    site = staged(tmp_path / "old", {"index.html": FINISHED, "zh/index.html": FINISHED}).rename(tmp_path / "site")
    before = tree(site)
    with pytest.raises(publish.PublishError, match="markers left: @@mw:csp@@"):
        publish.publish(staged(tmp_path, {"index.html": FINISHED, "zh/index.html": FINISHED + "@@mw:csp@@"}), site)
    with pytest.raises(publish.PublishError, match="no Content Security Policy"):
        publish.publish(staged(tmp_path, {"index.html": FINISHED, "zh/index.html": "<html></html>"}), site)
    assert tree(site) == before


def test_publish_replaces_the_site_and_finishes_a_swap_that_was_cut_short(tmp_path):
    site = tmp_path / "site"
    staged(tmp_path / "old", {"index.html": FINISHED, "zh/index.html": FINISHED}).rename(tmp_path / "site.old")
    assert not site.exists()  # as if stopped between the two renames: the old site aside
    new = staged(tmp_path, {"index.html": FINISHED + "new", "zh/index.html": FINISHED})
    assert publish.publish(new, site).startswith("published 2 pages")
    assert (site / "index.html").read_text(encoding="utf-8").endswith("new")
    assert not new.exists() and not (tmp_path / "site.old").exists()


# --- settings: checked before anything is built, one line naming the setting --------------------

BAD_SETTINGS = {
    "SOURCE_DATE_EPOCH=abc": ({"SOURCE_DATE_EPOCH": "abc"}, "SOURCE_DATE_EPOCH"),
    "SOURCE_DATE_EPOCH=0": ({"SOURCE_DATE_EPOCH": "0"}, "SOURCE_DATE_EPOCH"),
    "SITE_URL with a quote": ({"SITE_URL": 'https://example.org/"x/'}, "SITE_URL"),
    "SITE_URL without a final slash": ({"SITE_URL": "https://example.org"}, "SITE_URL"),
}


@pytest.mark.parametrize("case", list(BAD_SETTINGS))
def test_a_bad_setting_stops_the_build_naming_it_and_loses_nothing(project, good, case):
    env, name = BAD_SETTINGS[case]
    r = make(project, "build", env=env)
    assert r.returncode != 0
    assert name in r.stderr and "Traceback" not in r.stderr, r.stderr[-2000:]
    assert tree(project / "site") == good


def test_a_site_that_cannot_be_replaced_is_an_error_and_stays_as_it_was(tmp_path, monkeypatch):
    site = staged(tmp_path / "old", {"index.html": FINISHED, "zh/index.html": FINISHED}).rename(tmp_path / "site")
    before = tree(site)
    new = staged(tmp_path, {"index.html": FINISHED + "new", "zh/index.html": FINISHED})
    rename = Path.rename

    def refuse_the_new_one(self, target):  # as a read-only folder or a full disk would
        if self == new:
            raise PermissionError(13, "Permission denied", str(target))
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", refuse_the_new_one)
    with pytest.raises(publish.PublishError, match=r"cannot replace the site \(Permission denied\)"):
        publish.publish(new, site)
    assert tree(site) == before and not (tmp_path / "site.old").exists()


def test_make_release_without_site_url_stops_and_keeps_the_site(project, good):
    r = make(project, "release")
    assert r.returncode != 0 and "SITE_URL: must be set for a release" in r.stderr, r.stderr[-2000:]
    assert tree(project / "site") == good


@pytest.fixture
def small_disk(tmp_path):
    """A file system of its own, small enough to fill (tmpfs: the tests run as root, as CI does)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=160m", "tmpfs", str(disk)], capture_output=True, text=True)
    if r.returncode:
        pytest.fail(f"cannot mount a small file system to fill, which needs root ({r.stderr.strip()})")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


# free space left when the build starts, so that the disk fills at different steps (the theme's files, the
# pages, the charts' files); whichever step meets it, MkDocs' own writes or ours, says the cause and the file
# in one line
@pytest.mark.parametrize("left_kib", [100, 600, 5 * 1024, 12 * 1024])
def test_a_full_disk_stops_the_build_in_one_line_and_loses_nothing(small_disk, left_kib):
    project = copy_project(small_disk / "project")
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)
    if (ROOT / ".chart-cache").is_dir():
        shutil.copytree(ROOT / ".chart-cache", small_disk / "cache")
    r = make(project, "build")
    assert r.returncode == 0, r.stderr[-2000:]
    good = tree(project / "site")
    free = os.statvfs(small_disk)
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * (free.f_bavail * free.f_frsize - left_kib * 1024))
    r = make(project, "build")
    assert r.returncode != 0
    assert tree(project / "site") == good
    errors = [line for line in r.stderr.splitlines() if "No space left on device" in line]
    assert errors and str(small_disk) in errors[-1], r.stderr[-3000:]  # the cause, and which file
    assert "Traceback" not in r.stderr, r.stderr[-3000:]
    filler.unlink()
    r = make(project, "build")  # room again: the next build publishes, and the same site
    assert r.returncode == 0, r.stderr[-2000:]
    assert tree(project / "site") == good
