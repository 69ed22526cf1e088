"""The real site in Debian Chromium: every chart hydrates everywhere, palettes, first paint, no JS."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import ARTIFACTS, chart_pages, hydrate_all

SCHEMES = ["default", "slate"]
WIDTHS = [375, 1280]


def scheme_of(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_chart_hydrates_without_errors_or_third_parties(each_site, open_page, scheme, width):
    server, out = each_site
    (ARTIFACTS / "charts").mkdir(parents=True, exist_ok=True)
    pages = chart_pages(out)
    assert len(pages) >= 8
    for rel in pages:
        page, watch = open_page(server.url + rel, width=width, scheme=scheme)
        assert scheme_of(page) == scheme
        n = hydrate_all(page)
        assert page.evaluate("window.mwCharts.live.size") == n
        # the live chart fits the column: no horizontal page scroll on a phone
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), rel
        shot = f"{(rel.strip('/').replace('/', '-') or 'home')}-{scheme}-{width}-{out.parent.name}.png"
        edition = "zh-" if rel.startswith("zh/") else ""  # both editions show the same figure ids
        page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
        charts = page.locator("figure.mw-chart .mw-chart__view")  # each chart on its own, to look at
        for i in range(charts.count()):
            fid = charts.nth(i).evaluate("v => v.closest('figure').id")
            if not charts.nth(i).is_visible():  # only chapter 2's rounds hide a chart (until its round and a choice)
                assert charts.nth(i).evaluate("v => !!v.closest('.mw-rounds--live')"), (rel, fid, "chart not shown")
                continue
            name = f"{edition}{fid}-{scheme}-{width}-{out.parent.name}.png"
            charts.nth(i).screenshot(path=str(ARTIFACTS / "charts" / name))
        assert watch.errors == [], (rel, watch.errors)
        assert watch.foreign == [], (rel, watch.foreign)


# Which of the palette's toggles Material shows (one at a time: the one that switches to the next option).
SHOWN_TOGGLE = "() => [...document.querySelectorAll('form[data-md-component=palette] label')].findIndex(l => !l.hidden)"


def test_palette_toggle_recolours_charts_without_reload(real_site, open_page):
    server, out = real_site
    rel = next(p for p in chart_pages(out) if "epilogue" in p or "wechat" in p)
    page, watch = open_page(server.url + rel, scheme="default")
    hydrate_all(page)
    label = page.locator(".mw-chart__live svg .role-axis-label text").first
    before = label.evaluate("t => getComputedStyle(t).fill")
    page.evaluate("window.__sameDocument = true")
    for _ in range(3):  # auto -> light -> dark: click the visible toggle until the scheme is slate
        if scheme_of(page) == "slate":
            break
        shown = page.evaluate(SHOWN_TOGGLE)
        page.locator("form[data-md-component=palette] label:visible").first.click()
        # Material has applied the palette clicked: it shows the next option's toggle only once it has
        page.wait_for_function(f"shown => ({SHOWN_TOGGLE})() !== shown", arg=shown)
    assert scheme_of(page) == "slate"
    after = label.evaluate("t => getComputedStyle(t).fill")
    assert before != after
    assert page.evaluate("window.__sameDocument") is True and watch.errors == []


def header_colour(page) -> str:
    return page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_first_paint_has_the_readers_scheme_and_the_site_colours(real_site, browser, open_page, scheme):
    """Before Material's bundle has run (here: never, it is blocked), a first-time reader already sees
    the scheme their system asks for and the site's own colours, not a light indigo page."""
    server, _ = real_site
    done, _ = open_page(server.url, scheme=scheme)
    done.wait_for_function("document.body.hasAttribute('data-md-color-media')")  # Material's palette ran
    ctx = browser.new_context(color_scheme="dark" if scheme == "slate" else "light")
    try:
        early = ctx.new_page()
        early.route(re.compile(r"/assets/javascripts/bundle\.\w+\.min\.js$"), lambda route: route.abort())
        early.goto(server.url)
        assert scheme_of(early) == scheme
        assert header_colour(early) == header_colour(done)
    finally:
        ctx.close()
    if scheme == "default":  # without JavaScript: the light scheme, in the site's colours
        nojs, _ = open_page(server.url, js=False)
        assert header_colour(nojs) == header_colour(done)


@pytest.mark.parametrize("width", WIDTHS)
def test_without_javascript_every_static_chart_and_table_is_there(each_site, open_page, width):
    server, out = each_site
    for rel in chart_pages(out):
        page, _ = open_page(server.url + rel, js=False, width=width)
        figures = page.locator("figure.mw-chart")
        for i in range(figures.count()):
            f = figures.nth(i)
            f.scroll_into_view_if_needed()
            # exactly one drawing shows: the narrow one on a phone where the chart has one
            shown = f.locator(".mw-chart__view > svg:visible")
            assert shown.count() == 1, rel
            has_narrow = f.locator(".mw-chart__view > .mw-chart__svg--narrow").count() == 1
            layout = "narrow" if width < 600 and has_narrow else "wide"
            assert f"mw-chart__svg--{layout}" in shown.get_attribute("class"), rel
            # the drawer opens without script; the PNG is drawn by script: without it, no dead button, and
            # the SVG link stays
            assert not f.locator(".mw-chart__downloads").is_visible(), rel  # the chart first
            f.locator(".mw-chart__drawer > summary").click()
            assert not f.locator(".mw-chart__png").is_visible(), rel
            assert f.locator(".mw-chart__downloads a[href$='.svg']").is_visible(), rel
            assert f.locator(".mw-chart__drawer .mw-chart__desc").first.is_visible(), rel
            if f.locator(".mw-chart__data").count():
                assert f.locator(".mw-chart__data table").first.is_visible(), rel


def test_figures_have_stable_anchor_links(real_site, open_page):
    server, out = real_site
    rel = chart_pages(out)[0]
    page, _ = open_page(server.url + rel)
    fid = page.locator("figure.mw-chart").first.get_attribute("id")
    assert re.fullmatch(r"fig-[a-z0-9-]+", fid)
    page.goto(server.url + rel + "#" + fid)
    assert page.locator(f"#{fid}").is_visible()
