"""The embedding contract on the fixture site: hydration under CSP, text-only data, no-JS fallback, instant nav."""

from __future__ import annotations

from tests.browser.conftest import hydrate_all

HOSTILE = "<img src=x onerror=alert(1)>"


def live(page, timeout=15000):
    page.locator("figure.mw-chart").first.hover()  # the reader points at the chart
    page.wait_for_selector("figure.mw-chart[data-state=live] .mw-chart__live svg", timeout=timeout)


def test_chart_hydrates_under_the_csp_header(demo_site, open_page):
    server, _ = demo_site
    page, watch = open_page(server.url)
    response = page.request.get(server.url)
    assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
    assert "unsafe-eval" not in response.headers["content-security-policy"]
    page.wait_for_timeout(400)
    assert not [u for u in watch.requests if "vega" in u]  # looking is not engaging: no runtime yet
    page.locator("figure.mw-chart").hover()  # pointing at the chart brings it to life
    live(page)
    assert page.locator(".mw-chart__view > svg:visible").count() == 0  # the static SVG gave way to the live view
    assert page.evaluate("window.mwCharts.live.size") == 1
    assert watch.errors == [] and watch.foreign == []
    assert any(u.endswith("vega.min.js") for u in watch.requests)


def test_vega_loads_only_when_a_chart_nears_the_viewport(demo_site, open_page):
    server, _ = demo_site
    page, watch = open_page(server.url + "long/")
    page.wait_for_timeout(600)
    assert not [u for u in watch.requests if "vega" in u], "Vega was fetched before any chart was near"
    assert page.locator(".mw-chart__view > svg").count() == 1  # the static chart is there from the start
    page.locator("figure.mw-chart").scroll_into_view_if_needed()
    live(page)
    assert len([u for u in watch.requests if u.endswith("vega.min.js")]) == 1
    assert watch.errors == []


def test_hostile_labels_render_as_text_everywhere(demo_site, open_page):
    server, _ = demo_site
    page, watch = open_page(server.url)
    live(page)
    assert page.locator("img[src=x]").count() == 0
    # the data table (caption side) shows the label as text
    page.locator(".mw-chart__data summary").click()
    assert HOSTILE in page.locator(".mw-chart__data table").inner_text()
    # the live SVG axis label and the tooltip show it as text too
    assert HOSTILE in page.locator(".mw-chart__live svg").text_content()
    bars = page.locator(".mw-chart__live path[aria-roledescription='bar']")
    if bars.count() == 0:
        bars = page.locator(".mw-chart__live .mark-rect path")
    for i in range(bars.count()):
        bars.nth(i).hover()
        page.wait_for_timeout(100)
        if HOSTILE in (page.locator(".mw-tooltip").text_content() or ""):
            break
    else:
        raise AssertionError("no tooltip showed the hostile label as text")
    assert page.locator("img[src=x]").count() == 0
    assert watch.dialogs == [] and watch.errors == []


def test_without_javascript_the_static_svg_and_table_are_there(demo_site, open_page):
    server, _ = demo_site
    page, _ = open_page(server.url, js=False)
    svg = page.locator("figure.mw-chart .mw-chart__view > svg")
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box["width"] > 200 and box["height"] > 100
    page.locator(".mw-chart__data summary").click()
    assert page.locator(".mw-chart__data table").is_visible()
    assert "apple" in page.locator(".mw-chart__data table").inner_text()


def follow_nav_link(page, url: str) -> None:
    """Click the primary navigation's link to `url`, as a reader would, and wait for that page."""
    page.evaluate("u => [...document.querySelectorAll('nav.md-nav--primary a')].find(a => a.href === u).click()", url)
    page.wait_for_function("u => location.href === u && document.querySelector('.md-content h1') !== null", arg=url)
    page.wait_for_timeout(300)


def test_instant_navigation_hydrates_new_pages_and_finalizes_old_views(demo_site, open_page):
    # The real site loads pages in full; this fixture has Material's instant navigation on, as an author may.
    server, _ = demo_site
    page, watch = open_page(server.url)
    page.evaluate("window.__sameDocument = true")
    live(page)
    for rel in ("other/", "long/", "", "other/"):
        follow_nav_link(page, server.url + rel)
        assert page.evaluate("window.__sameDocument") is True  # swapped in place, not reloaded
        n = hydrate_all(page) if page.locator("figure.mw-chart").count() else 0
        assert page.evaluate("window.mwCharts.live.size") == n  # views of the page left were finalized
    assert watch.errors == [] and watch.foreign == []


def test_dark_chart_colours_arrive_with_instant_navigation(demo_site, open_page):
    from build_charts import theme

    server, _ = demo_site
    page, watch = open_page(server.url + "other/", scheme="slate")  # a page without charts
    page.evaluate("window.__sameDocument = true")
    follow_nav_link(page, server.url)
    assert page.evaluate("window.__sameDocument") is True
    hydrate_all(page)
    fill = page.locator(".mw-chart__live svg .role-axis-label text").first.evaluate("t => getComputedStyle(t).fill")
    dark = theme.TOKENS["muted"][1]
    assert fill == "rgb({}, {}, {})".format(*(int(dark[i : i + 2], 16) for i in (1, 3, 5)))
    assert watch.errors == []
