"""The chart cache checks itself, and no chart can hang or silently skip the build."""

from __future__ import annotations

import re

import pytest

from tests.sites import build_site


@pytest.fixture
def build(fixture_site, tmp_path):
    def run(**env):
        import os

        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            return build_site(fixture_site / "mkdocs.yml", fixture_site / "out", tmp_path / "cache")
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v

    return run


def entry(tmp_path):
    (folder,) = (tmp_path / "cache").glob("fruit_bars-*")
    return folder


def module(fixture_site):
    return fixture_site / "build_charts" / "charts" / "fruit_bars.py"


def break_build(fixture_site, line: str) -> None:
    path = module(fixture_site)
    src = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^(def build\(.*\n)", lambda m: m[1] + f"    {line}\n", src, count=1, flags=re.M))


@pytest.mark.parametrize(
    "damage",
    [
        lambda f: (f / "figure.html").write_bytes((f / "figure.html").read_bytes()[:100]),  # truncated
        lambda f: next(f.glob("*.vg.json")).write_text("garbage", encoding="utf-8"),
        lambda f: (f / "entry.json").unlink(),
        lambda f: next(f.glob("*.svg")).unlink(),
    ],
    ids=["truncated figure", "garbage spec", "no record", "a drawing gone"],
)
def test_a_damaged_entry_is_drawn_again_and_the_build_says_so(build, tmp_path, damage):
    first = build()
    assert first.returncode == 0, first.stderr
    good = {p.name: p.read_bytes() for p in entry(tmp_path).iterdir()}
    damage(entry(tmp_path))
    again = build()
    assert again.returncode == 0, again.stderr
    assert "damaged cache entries drawn again: fruit_bars" in again.stderr
    assert {p.name: p.read_bytes() for p in entry(tmp_path).iterdir()} == good  # the same entry as before
    assert "1 cached" in build().stderr  # and trusted from then on


def test_a_chart_that_never_finishes_is_stopped_at_the_limit_naming_its_module(fixture_site, build):
    break_build(fixture_site, "while True: pass")
    r = build(MW_CHART_SECONDS="2")
    assert r.returncode != 0
    assert "fruit_bars.py" in r.stderr and "took more than 2 s" in r.stderr and "MW_CHART_SECONDS" in r.stderr
    assert not (fixture_site / "out").exists()


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("import sys; sys.exit(0)", "called sys.exit(0)"),
        (
            "import os; os._exit(0)",
            "left no whole cache entry for 'fruit_bars'",
        ),  # the renderer exits 0, writing nothing
        ("import os; os.kill(os.getpid(), 9)", "stopped unexpectedly (exit code -9) while drawing 'fruit_bars'"),
    ],
)
def test_a_chart_that_ends_the_renderer_is_named(fixture_site, build, line, said):
    break_build(fixture_site, line)
    r = build()
    assert r.returncode != 0
    assert said in r.stderr and "fruit_bars" in r.stderr
    assert "Traceback" not in r.stderr
    assert not (fixture_site / "out").exists()


def test_the_time_limit_must_be_a_number(build):
    r = build(MW_CHART_SECONDS="abc")
    assert r.returncode != 0 and "MW_CHART_SECONDS: must be a whole number of seconds" in r.stderr


@pytest.mark.parametrize(
    "content",
    [b"version https://git-lfs.github.com/spec/v1\noid sha256:0\n", b"", b"<!doctype html>"],
    ids=["a Git LFS pointer", "empty", "an error page"],
)
def test_a_font_file_that_is_not_a_font_stops_the_build_naming_it(fixture_site, build, content):
    fonts = fixture_site / "build_charts" / "fonts"
    fonts.mkdir(exist_ok=True)
    (fonts / "Measuring.otf").write_bytes(content)
    r = build()
    assert r.returncode != 0
    assert "build_charts/fonts/Measuring.otf: not a font file" in r.stderr, r.stderr[-2000:]
    assert not (fixture_site / "out" / "index.html").exists()


def test_a_missing_measuring_font_stops_the_build_instead_of_redrawing_with_another(fixture_site, build):
    fonts = fixture_site / "build_charts" / "fonts"
    fonts.mkdir(exist_ok=True)
    (fonts / "charset.txt").write_text("abc\n", encoding="utf-8")  # a subset was made, its font is gone
    r = build()
    assert r.returncode != 0
    assert "build_charts/fonts/charset.txt: lists the measuring font's characters, but no font file" in r.stderr
    assert not (fixture_site / "out" / "index.html").exists()


def test_a_real_font_file_is_accepted(fixture_site, build):
    from tests.sites import ROOT

    fonts = fixture_site / "build_charts" / "fonts"
    fonts.mkdir(exist_ok=True)
    (fonts / "Measuring.otf").write_bytes((ROOT / "build_charts/fonts/NotoSansCJKsc-Regular.subset.otf").read_bytes())
    r = build()
    assert r.returncode == 0, r.stderr[-2000:]


def test_a_chart_too_heavy_for_a_page_stops_the_build_naming_its_module(fixture_site, build):
    # 30,000 bars of made-up fruit: megabytes for every reader, stopped before it is drawn
    many = "[dict(r, fruit=f'{r[\"fruit\"]}{i}') for i in range(10000) for r in fruit.rows]"
    edit = f"fruit = type(fruit)(**{{**vars(fruit), 'rows': {many}}})"
    break_build(fixture_site, edit)
    r = build()
    assert r.returncode != 0
    assert re.search(
        r"build_charts/charts/fruit_bars\.py: size: the (figure|spec) \(.+\) is [\d.]+ MB, over its", r.stderr
    ), r.stderr[-2000:]
    assert not (fixture_site / "out" / "index.html").exists()


def test_a_page_over_its_weight_stops_the_build_naming_the_page_and_its_figures(fixture_site, build):
    from build_charts import limits

    page = fixture_site / "docs" / "index.md"
    paragraph = "Fruit was picked, weighed and counted by hand. " * 20 + "\n\n"
    page.write_text(page.read_text(encoding="utf-8") + paragraph * (limits.PAGE_BYTES // len(paragraph) + 1))
    r = build()
    assert r.returncode != 0
    said = re.search(
        r"out/index\.html: the page weighs ([\d.]+) MB, over the 3\.00 MB limit; its figures: (.+)", r.stderr
    )
    assert said and float(said[1]) > 3 and said[2].startswith("fruit_bars 0.0"), r.stderr[-2000:]


def test_a_failed_finish_leaves_no_page_with_unfilled_markers_to_serve(fixture_site, build):
    from build_charts import limits

    # a page over its weight is only found by the finish step, after the generator has written every page
    page = fixture_site / "docs" / "other.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n" + "Fruit. " * (limits.PAGE_BYTES // 7 + 1))
    r = build()
    assert r.returncode != 0 and "other/index.html: the page weighs" in r.stderr, r.stderr[-2000:]
    assert "unfinished pages withdrawn" in r.stderr
    pages = list((fixture_site / "out").rglob("*.html"))
    assert [p for p in pages if "@@mw:" in p.read_text(encoding="utf-8")] == []
