"""The authoring guide's walk-through, done as an author does it: scaffold a chart, show it, make the two
classic mistakes, and check that each message is the one the guide shows, naming the right file and line."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.sites import ROOT, build_site

sys.path.insert(0, str(ROOT / "tools"))
import new_chart  # noqa: E402

GUIDE = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
WALK = GUIDE[GUIDE.index("## Your first chart, step by step") : GUIDE.index("## Add a chart")]
SAID = re.findall(r"```text\n(.*?)\n```", WALK)  # the messages the guide shows, in order


def expected(line: str) -> re.Pattern:
    """The guide's message as a pattern: '…' stands for the rest of the line."""
    return re.compile(re.escape(line).replace("…", ".+"))


def error_lines(out: str) -> list[str]:
    return [line.removeprefix("ERROR   -  ") for line in out.splitlines() if line.startswith("ERROR")]


@pytest.fixture
def scaffolded(fixture_site):
    written = new_chart.scaffold(fixture_site, "my_chart", "my_data", "2026-12-06")
    assert [p.relative_to(fixture_site).as_posix() for p in written] == [
        "build_charts/charts/my_chart.py",
        "data/my_data.csv",
        "data/my_data.meta.yml",
    ]
    page = fixture_site / "docs" / "other.md"
    return fixture_site, page, page.read_text(encoding="utf-8")


def test_the_guide_shows_two_messages():
    assert len(SAID) == 2 and "make new-chart ID=my_chart DATASET=my_data" in WALK


def test_the_scaffold_builds_as_it_is_and_says_what_to_change(scaffolded, tmp_path):
    site, page, text = scaffolded
    page.write_text(text.rstrip("\n") + "\n\n[[chart my_chart]]\n", encoding="utf-8")
    r = build_site(site / "mkdocs.yml", site / "out", tmp_path / "cache")
    assert r.returncode == 0, r.stderr
    built = (site / "out" / "other" / "index.html").read_text(encoding="utf-8")
    assert 'data-chart="my_chart"' in built and "<svg" in built
    for path in ("build_charts/charts/my_chart.py", "data/my_data.meta.yml"):
        assert "CHANGE" in (site / path).read_text(encoding="utf-8")
    with pytest.raises(SystemExit, match="exists already"):  # never overwrites an author's work
        new_chart.scaffold(site, "my_chart", "my_data", "2026-12-06")


def test_a_wrong_dataset_name_in_build_names_the_module_line_and_the_datasets(scaffolded, tmp_path):
    site, page, text = scaffolded
    module = site / "build_charts" / "charts" / "my_chart.py"
    src = module.read_text(encoding="utf-8")
    module.write_text(src.replace("def build(my_data:", "def build(my_dta:"), encoding="utf-8")
    line = src.splitlines().index(next(x for x in src.splitlines() if x.startswith("def build("))) + 1
    r = build_site(site / "mkdocs.yml", site / "out", tmp_path / "cache")
    assert r.returncode != 0
    (said,) = error_lines(r.stderr + r.stdout)
    assert said.startswith(f"build_charts/charts/my_chart.py:{line}: build(my_dta):"), said
    assert expected(SAID[0]).fullmatch(said), said
    assert "fruit" in said and "my_data" in said  # the datasets that exist
    assert "Traceback" not in r.stderr
    assert not (site / "out").exists()


def test_an_unknown_chart_id_is_one_line_with_page_line_and_the_nearest_id(scaffolded, tmp_path):
    site, page, text = scaffolded
    lines = text.splitlines()
    assert lines[6] == "[[chart fruit_bars]]"  # line 7, as in the guide: the author mistypes the new id there
    lines[6] = "[[chart my_chrt]]"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = build_site(site / "mkdocs.yml", site / "out", tmp_path / "cache")
    assert r.returncode != 0
    (said,) = error_lines(r.stderr + r.stdout)
    assert expected(SAID[1]).fullmatch(said), said
    assert "Traceback" not in r.stderr
    assert not (site / "out").exists()


def test_the_make_target_runs_the_scaffold():
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^new-chart:.*## .*\n\t\$\(PY\) tools/new_chart.py \$\(ID\) \$\(DATASET\)", make, re.M)
    r = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "new_chart.py"), "Bad-Id", "x"], capture_output=True, text=True
    )
    assert r.returncode != 0 and "snake_case" in r.stderr
