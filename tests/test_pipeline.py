"""The chart pipeline inside `mkdocs build`: bad input stops the build clearly; the cache is never stale."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.sites import ROOT, build_site


@pytest.fixture
def build(fixture_site, tmp_path):
    return lambda: build_site(fixture_site / "mkdocs.yml", fixture_site / "out", tmp_path / "cache")


def counts(output: str) -> tuple[int, int]:
    m = re.search(r"charts: (\d+) built, (\d+) cached", output)
    assert m, output
    return int(m[1]), int(m[2])


# --- negative tests first -----------------------------------------------------------------


def edit_chart(fixture_site, old: str, new: str) -> str:
    """Replace the first `old` in the fixture's chart module with `new`; return the module's new source."""
    module = fixture_site / "build_charts" / "charts" / "fruit_bars.py"
    src = module.read_text()
    assert old in src, old
    src = src.replace(old, new, 1)
    module.write_text(src)
    return src


def test_unknown_chart_id_names_page_and_line_and_writes_no_page(fixture_site, build):
    page = fixture_site / "docs" / "other.md"
    page.write_text(page.read_text() + "\nMore text.\n\n[[chart no_such_chart]]\n")
    line = page.read_text().splitlines().index("[[chart no_such_chart]]") + 1
    r = build()
    assert r.returncode != 0
    assert f"docs/other.md:{line}" in r.stderr and "unknown chart id 'no_such_chart'" in r.stderr
    assert "fruit_bars" in r.stderr  # the message lists the ids that do exist
    assert not (fixture_site / "out" / "other" / "index.html").exists()


def test_unknown_chart_id_is_named_where_the_author_wrote_it_despite_snippets(fixture_site, build):
    # pymdownx.snippets pastes files into the page before the chart lines are read
    cfg = fixture_site / "mkdocs.yml"
    cfg.write_text(cfg.read_text() + "  - pymdownx.snippets:\n      base_path: [snippets]\n")
    (fixture_site / "snippets").mkdir()
    intro = fixture_site / "snippets" / "intro.md"
    intro.write_text("An included paragraph,\n\nfour lines long.\n\n")
    page = fixture_site / "docs" / "other.md"
    page.write_text(page.read_text() + '\n--8<-- "intro.md"\n\n[[chart after_a_snippet]]\n')
    line = page.read_text().splitlines().index("[[chart after_a_snippet]]") + 1
    r = build()
    assert r.returncode != 0
    assert f"docs/other.md:{line}: chart: unknown chart id 'after_a_snippet'" in r.stderr, r.stderr
    page.write_text(page.read_text().replace("[[chart after_a_snippet]]", ""))
    intro.write_text(intro.read_text() + "[[chart in_a_snippet]]\n")
    r = build()
    assert r.returncode != 0
    assert "snippets/intro.md:5: chart: unknown chart id 'in_a_snippet'" in r.stderr, r.stderr


def test_chart_that_raises_names_module_and_line(fixture_site, build):
    src = edit_chart(fixture_site, "    rows = [", "    raise ValueError('no fruit today')\n    rows = [")
    line = src.splitlines().index("    raise ValueError('no fruit today')") + 1
    r = build()
    assert r.returncode != 0
    assert f"build_charts/charts/fruit_bars.py:{line}" in r.stderr
    assert "ValueError: no fruit today" in r.stderr
    assert not (fixture_site / "out" / "index.html").exists()


def test_syntax_error_in_a_chart_module_names_module_and_line(fixture_site, build):
    src = edit_chart(fixture_site, "    return (", "    rows = [\n    return (")
    r = build()
    assert r.returncode != 0
    line = src.splitlines().index("    rows = [") + 1
    found = re.search(r"build_charts/charts/fruit_bars\.py:(\d+): syntax error", r.stderr)
    assert found, r.stderr
    reported = int(found[1])
    assert line <= reported <= line + 1  # Python points at the unclosed bracket or the line after it
    assert not (fixture_site / "out" / "index.html").exists()


def test_chart_module_without_build_is_refused(fixture_site, build):
    edit_chart(fixture_site, "def build(fruit):", "def make(fruit):")
    r = build()
    assert r.returncode != 0
    assert "build_charts/charts/fruit_bars.py:1: a chart module must define `build(" in r.stderr


def test_chart_that_kills_the_renderer_stops_the_build_naming_the_chart(fixture_site, build):
    edit_chart(fixture_site, "    rows = [", "    __import__('os')._exit(3)\n    rows = [")
    r = build()
    assert r.returncode != 0
    # charts render in `python -m build_charts.render` processes (one per core); the one that died is named
    said = "the chart renderer stopped unexpectedly (exit code 3) while drawing 'fruit_bars'"
    assert said in r.stderr and "build_charts/charts/fruit_bars.py" in r.stderr, r.stderr
    assert not (fixture_site / "out" / "index.html").exists()


def test_broken_data_file_stops_the_build_naming_file_and_line(fixture_site, build):
    data = fixture_site / "data" / "fruit.csv"
    data.write_text(data.read_text().replace("pear,7,", "pear,seven,"))
    r = build()
    assert r.returncode != 0
    assert "data/fruit.csv:3: tonnes: 'seven' is not a number" in r.stderr
    assert not (fixture_site / "out" / "index.html").exists()


def test_invalid_vega_lite_names_the_chart_module(fixture_site, build):
    module = fixture_site / "build_charts" / "charts" / "fruit_bars.py"
    # attribute assignment is not checked by Altair when it happens, only when the spec is written
    src = module.read_text().replace("    return (", "    chart = (") + "    chart.mark = 'bogus'\n    return chart\n"
    module.write_text(src)
    r = build()
    assert r.returncode != 0
    assert "build_charts/charts/fruit_bars.py: build(): the chart is not valid Vega-Lite" in r.stderr
    assert "'bogus' is an invalid value for `type`" in r.stderr
    assert not (fixture_site / "out" / "index.html").exists()


def test_invalid_value_in_a_chart_names_the_line_that_made_it(fixture_site, build):
    src = edit_chart(fixture_site, 'y=alt.Y("tonnes:Q")', 'y=alt.Y("tonnes:Q", scale=alt.Scale(type="logg"))')
    line = next(n for n, text in enumerate(src.splitlines(), 1) if '"logg"' in text)
    r = build()
    assert r.returncode != 0
    assert f"build_charts/charts/fruit_bars.py:{line}: build():" in r.stderr
    assert "'logg' is an invalid value for `type`" in r.stderr
    assert not (fixture_site / "out" / "index.html").exists()


def test_invalid_shared_theme_config_is_named_by_its_key(fixture_site, monkeypatch):
    from build_charts import spec, theme
    from build_charts.errors import ChartError
    from build_charts.pipeline import Project

    monkeypatch.setattr(theme, "config", lambda: {"background": None, "padding": 8})
    with pytest.raises(ChartError) as e:
        spec.build_spec(Project.at(fixture_site), "fruit_bars")
    assert "build_charts/charts/fruit_bars.py: build(): the spec is not valid Vega-Lite at config/background" in str(
        e.value
    )


def test_fast_schema_check_agrees_with_altair(fixture_site):
    import altair as alt
    import jsonschema

    from build_charts import spec as spec_mod
    from build_charts.pipeline import Project

    spec = spec_mod.build_spec(Project.at(fixture_site), "fruit_bars")[0]["en"]["wide"]
    check = spec_mod.schema_validator()
    assert check.is_valid(spec)
    for key, bad in (("mark", {"type": "bogus"}), ("encoding", {"x": {"field": "kind", "type": "nominl"}})):
        broken = spec | {key: bad}
        assert not check.is_valid(broken), key
        with pytest.raises(jsonschema.ValidationError):
            alt.Chart.validate(broken)


def test_a_charts_own_config_wins_over_the_shared_theme(fixture_site):
    from build_charts import spec as spec_mod
    from build_charts.pipeline import Project

    edit_chart(fixture_site, "width=300)", "width=300).configure_axis(labelFontSize=17)")
    built = spec_mod.build_spec(Project.at(fixture_site), "fruit_bars")[0]["en"]["wide"]
    assert built["config"]["axis"]["labelFontSize"] == 17  # the chart's own
    assert built["config"]["title"]["anchor"] == "start"  # the rest of the theme still applies


def test_chart_asking_for_type_below_the_minimum_is_refused(fixture_site, build):
    from build_charts import theme

    edit_chart(fixture_site, "width=300)", f"width=300).configure_axis(labelFontSize={theme.TEXT_MIN - 1})")
    r = build()
    assert r.returncode != 0 and "TEXT_MIN" in r.stderr and str(theme.TEXT_MIN - 1) in r.stderr


def test_chart_without_description_is_refused(fixture_site, build):
    edit_chart(fixture_site, ', description="Bars of fruit picked; apples lead."', "")
    r = build()
    assert r.returncode != 0 and "description" in r.stderr


# --- what a good build gives ------------------------------------------------------------


def test_figure_has_static_svg_caption_table_and_downloads(fixture_site, build):
    r = build()
    assert r.returncode == 0, r.stderr
    html = (fixture_site / "out" / "index.html").read_text()
    fig = re.search(r'<figure class="mw-chart".*?</figure>', html, re.S)[0]
    # the picture is named by the description under it
    assert "<svg" in fig and 'role="img" aria-labelledby="fig-fruit-bars-desc"' in fig
    assert '<p class="mw-chart__desc" id="fig-fruit-bars-desc">Bars of fruit picked; apples lead.</p>' in fig
    assert "Harvest log &amp; notes" in fig and "https://example.org/harvest" in fig  # caption from metadata
    assert "<table>" in fig and "<details" in fig
    for ext in ("csv", "json", "svg", "vg.json"):
        url = re.search(rf'(?:href|data-spec)="\./(assets/charts/fruit_bars\.\w+\.{re.escape(ext)})"', fig)
        assert url, ext
        assert (fixture_site / "out" / url[1]).stat().st_size > 0
    # one level down, the same assets are addressed relative to that page
    assert 'href="../assets/charts/fruit_bars.' in (fixture_site / "out" / "other" / "index.html").read_text()


def test_chart_line_inside_code_fence_is_an_example_not_a_chart(fixture_site, build):
    assert build().returncode == 0
    html = (fixture_site / "out" / "other" / "index.html").read_text()
    assert "[[chart not_a_chart]]" in html


def test_round_headings_are_wrapped_as_one_block_of_rounds_at_build_time(fixture_site, build):
    page = fixture_site / "docs" / "index.md"
    page.write_text(
        "# Rounds\n\nBefore.\n\n### One {#round-one}\n\n- a\n- b\n\nWhat happened.\n\n[[chart fruit_bars]]\n\n"
        "### Two {#round-two}\n\nText.\n\n## After\n\nNot a round.\n",
        encoding="utf-8",
    )
    assert build().returncode == 0
    html = (fixture_site / "out" / "index.html").read_text()
    wrap = re.search(r'<div class="mw-rounds" id="rounds">(.*?)</div>\s*<h2', html, re.S)
    assert wrap, "the rounds are wrapped, up to the next h2"
    inner = re.sub(r"<figure.*?</figure>", "<figure/>", wrap[1], flags=re.S)
    assert re.match(r'\s*<section class="mw-round" data-round="one"><h3 id="round-one">', inner)
    assert '<section class="mw-round" data-round="two"><h3 id="round-two">' in inner
    assert "<figure/>" in inner.split('data-round="two"')[0], "a round keeps its figure"
    assert "Before." not in inner and "Not a round" not in inner
    # the skip link leads to the block, the page's first picture
    assert 'href="#rounds"' in html


def test_data_strings_are_text_never_markup(fixture_site, build):
    assert build().returncode == 0
    out = fixture_site / "out"
    html = (out / "index.html").read_text()
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Fixture Orchard &lt;b&gt;Co&lt;/b&gt;" in html
    svg = next((out / "assets" / "charts").glob("fruit_bars.*.svg")).read_text()
    assert "<img" not in svg and "&lt;img" in svg


def test_warm_rebuild_renders_nothing_and_changes_always_rebuild(fixture_site, build):
    first = build()
    assert first.returncode == 0, first.stderr
    assert counts(first.stderr) == (1, 0)
    assert counts(build().stderr) == (0, 1)
    data = fixture_site / "data" / "fruit.csv"
    data.write_text(data.read_text().replace("apple,12.5,", "apple,13.5,"))
    changed = build()
    assert counts(changed.stderr) == (1, 0)
    assert "13.5" in (fixture_site / "out" / "index.html").read_text()
    edit_chart(fixture_site, 'title="Fruit picked"', 'title="Fruit gathered"')
    again = build()
    assert counts(again.stderr) == (1, 0)
    assert "Fruit gathered" in (fixture_site / "out" / "index.html").read_text()


def test_chart_text_is_measured_with_the_bundled_font_and_the_projects_own_fonts_only(fixture_site, build):
    # "✓" is in DejaVu Sans, a font this machine has (make chromium installs it), but not in the
    # Liberation Sans that vl-convert bundles: measured without DejaVu unless the project ships it
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    assert dejavu.exists(), "this test needs Debian's fonts-dejavu-core"
    edit_chart(fixture_site, 'title="Fruit picked"', 'title="' + "\u2713" * 40 + '"')  # wider than the chart

    def drawn_width() -> float:
        html = (fixture_site / "out" / "index.html").read_text()
        return float(re.search(r'<figure class="mw-chart".*?<svg [^>]*\bwidth="([\d.]+)"', html, re.S)[1])

    assert build().returncode == 0
    without = drawn_width()
    fonts = fixture_site / "build_charts" / "fonts"
    fonts.mkdir()
    shutil.copy(dejavu, fonts)
    with_font = build()
    assert counts(with_font.stderr) == (1, 0)  # a font is an input of every drawing
    assert drawn_width() > without


def test_serve_rebuilds_when_a_data_file_or_chart_module_changes(fixture_site, tmp_path):
    import os
    import socket
    import subprocess
    import sys
    import threading
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, MW_CACHE_DIR=str(tmp_path / "cache"), NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(fixture_site / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=fixture_site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    log: list[str] = []
    serving = threading.Event()

    def read_log() -> None:  # all of it, so the server never blocks on a full pipe
        for line in proc.stderr:
            log.append(line)
            if "Serving on" in line:
                serving.set()
        serving.set()  # the server ended

    threading.Thread(target=read_log, daemon=True).start()

    def page_until(predicate, timeout=60.0) -> str:
        """The served page once it shows what `predicate` looks for. mkdocs serve answers a page only once
        the build under way is done, and `/livereload/<epoch>/…` (its own reload poll) as soon as a build
        newer than that page's is served: between builds nothing is asked."""
        deadline = time.monotonic() + timeout
        while True:
            html = urllib.request.urlopen(url, timeout=timeout).read().decode()
            if predicate(html):
                return html
            left = deadline - time.monotonic()
            epoch = re.search(r"livereload\((\d+),", html)
            assert left > 0 and epoch, "the served page never showed the change:\n" + "".join(log)
            urllib.request.urlopen(f"{url}livereload/{epoch[1]}/0", timeout=left).read()

    try:
        assert serving.wait(timeout=120) and proc.poll() is None, "mkdocs serve did not start:\n" + "".join(log)
        page_until(lambda h: 'data-chart="fruit_bars"' in h and "12.5" in h)
        data = fixture_site / "data" / "fruit.csv"
        data.write_text(data.read_text().replace("apple,12.5,", "apple,99.5,"))
        page_until(lambda h: "99.5" in h)
        module = fixture_site / "build_charts" / "charts" / "fruit_bars.py"
        module.write_text(module.read_text().replace('title="Fruit picked"', 'title="Fruit weighed"'))
        page_until(lambda h: "Fruit weighed" in h)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
