"""One repository, three generators: MkDocs + Material (the main path), ProperDocs and Zensical build the same site.

Zensical runs no MkDocs hooks, so it is built as `make build-zensical` does: the pipeline's `prepare`
step, then `zensical build`, then `finish`. Each built site must have the same pages and the same
figures (with their inline drawings), every local file a page points at, a filled Content Security
Policy on every page and no unresolved marker.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tests.sites import build_site, build_site_zensical, copy_project

MARKER = re.compile(r"@@mw:[a-z_]+(?: [^\s@]+)?@@")
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')
FIGURE = re.compile(r'<figure class="mw-chart" id="([^"]+)".*?<div class="mw-chart__view"[^>]*>(.*?)</div>', re.S)


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("generators")
    cache = base / "cache"  # the charts are drawn once, for all three
    project = copy_project(base / "project")
    out = {}
    for config, dest in (("mkdocs.yml", base / "mkdocs"), ("mkdocs.zh.yml", base / "mkdocs" / "zh")):  # both editions
        r = build_site(project / config, dest, cache)
        assert r.returncode == 0, r.stderr
    out["mkdocs"] = base / "mkdocs"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project), MW_CACHE_DIR=str(cache))
    properdocs = Path(sys.executable).parent / "properdocs"
    for config, dest in (("mkdocs.yml", base / "properdocs"), ("mkdocs.zh.yml", base / "properdocs" / "zh")):
        r = subprocess.run(
            [str(properdocs), "build", "--strict", "-f", config, "-d", str(dest)],
            capture_output=True,
            text=True,
            env=env,
            cwd=project,
        )
        assert r.returncode == 0, r.stderr
    out["properdocs"] = base / "properdocs"
    out["zensical"] = build_site_zensical(project, cache)
    return out


def html_pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "data-spec", "data-spec-narrow", "data-svg") and value:
                self.urls.append(value)


def local_targets(site: Path, page: str, html: str) -> list[str]:
    """Local files the page points at that are missing from the built site."""
    parser = Links()
    parser.feed(html)
    missing = []
    for url in parser.urls:
        u = urlparse(url)
        if u.scheme or u.netloc or url.startswith(("#", "mailto:", "javascript:")) or not u.path:
            continue
        # root-relative URLs (the 404 page's, served at any depth) start at the site root
        base = site if u.path.startswith("/") else (site / page).parent
        target = base / unquote(u.path).lstrip("/")
        if target.is_dir() or u.path.endswith("/"):
            target = target / "index.html"
        if not target.resolve().exists():
            missing.append(url)
    return missing


@pytest.mark.parametrize("generator", ["mkdocs", "properdocs", "zensical"])
def test_every_page_is_finished_and_every_local_link_resolves(builds, generator):
    site = builds[generator]
    problems = {}
    for page, html in html_pages(site).items():
        found = []
        if MARKER.search(html):
            found.append(f"unresolved marker {MARKER.search(html)[0]}")
        csp = CSP.search(html)
        if not csp or "default-src 'self'" not in csp[1] or "script-src 'self'" not in csp[1]:
            found.append("no filled Content-Security-Policy")
        found += [f"missing {u}" for u in local_targets(site, page, html)]
        if found:
            problems[page] = found[:5]
    assert problems == {}


@pytest.mark.parametrize("generator", ["properdocs", "zensical"])
def test_same_pages_and_same_figures_as_mkdocs(builds, generator):
    main, other = html_pages(builds["mkdocs"]), html_pages(builds[generator])
    assert sorted(other) == sorted(main)
    for page, html in main.items():
        figures = FIGURE.findall(html)
        assert FIGURE.findall(other[page]) == figures, page
    assert sum(len(FIGURE.findall(h)) for h in main.values()) >= 10  # the comparison compared something
    charts = builds["mkdocs"] / "assets" / "charts"
    assert sorted(p.name for p in (builds[generator] / "assets" / "charts").iterdir()) == sorted(
        p.name for p in charts.iterdir()
    )
