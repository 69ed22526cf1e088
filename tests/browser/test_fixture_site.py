"""The embedding contract on the fixture site: hydration under CSP, text-only data, no-JS fallback, instant nav."""

from __future__ import annotations

from tests.browser.conftest import hydrate_all, settled

HOSTILE = "<img src=x onerror=alert(1)>"


# The chart has not started to load: charts.js marks a figure `data-state` the moment it begins to hydrate it.
UNTOUCHED = "[...document.querySelectorAll('figure.mw-chart')].every(f => !f.dataset.state)"

# The tooltip is up and shows the values of the mark `bar` (its scene item, which Vega's SVG keeps on it).
TIP_SHOWS = """(bar) => {
  const tip = document.querySelector('.mw-tooltip'), value = bar.__data__ && bar.__data__.tooltip;
  if (!tip || tip.hidden || value == null) return false;
  return (typeof value === 'object' ? Object.values(value) : [value])
    .every(v => v == null || tip.textContent.includes(String(v)));
}"""


def live(page, timeout=15000):
    page.locator("figure.mw-chart").first.hover()  # the reader points at the chart
    page.wait_for_selector("figure.mw-chart[data-state=live] .mw-chart__live svg", timeout=timeout)


def test_chart_hydrates_under_the_csp_header(demo_site, open_page):
    server, _ = demo_site
    page, watch = open_page(server.url)
    response = page.request.get(server.url)
    assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
    assert "unsafe-eval" not in response.headers["content-security-policy"]
    settled(page)  # the page has loaded and charts.js's observer has seen where the chart is
    assert page.evaluate(UNTOUCHED)  # looking is not engaging: no runtime yet
    assert not [u for u in watch.requests if "vega" in u]
    page.locator("figure.mw-chart").hover()  # pointing at the chart brings it to life
    live(page)
    assert page.locator(".mw-chart__view > svg:visible").count() == 0  # the static SVG gave way to the live view
    assert page.evaluate("window.mwCharts.live.size") == 1
    assert watch.errors == [] and watch.foreign == []
    assert any(u.endswith("vega.min.js") for u in watch.requests)


def test_vega_loads_only_when_a_chart_nears_the_viewport(demo_site, open_page):
    server, _ = demo_site
    page, watch = open_page(server.url + "long/")
    settled(page)  # the page has loaded and charts.js's observer has seen that the chart is far below
    assert page.evaluate(UNTOUCHED), "a chart began to load before any chart was near"
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
    page.locator(".mw-chart__drawer > summary").click()
    assert HOSTILE in page.locator(".mw-chart__data table").inner_text()
    # the live SVG axis label and the tooltip show it as text too
    assert HOSTILE in page.locator(".mw-chart__live svg").text_content()
    bars = page.locator(".mw-chart__live path[aria-roledescription='bar']")
    if bars.count() == 0:
        bars = page.locator(".mw-chart__live .mark-rect path")
    for i in range(bars.count()):
        bars.nth(i).hover()
        page.wait_for_function(TIP_SHOWS, arg=bars.nth(i).element_handle())  # this bar's tooltip, not the last
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
    page.locator(".mw-chart__drawer > summary").click()
    assert page.locator(".mw-chart__data table").is_visible()
    assert "apple" in page.locator(".mw-chart__data table").inner_text()


def follow_nav_link(page, url: str) -> None:
    """Click the primary navigation's link to `url`, as a reader would, and wait until Material has swapped
    that page in and announced it on `document$`, whose earlier subscriber charts.js has then started on it."""
    page.evaluate(
        """u => {
            window.__mwAnnounced = false;
            let replayed = false;  // document$ replays the page shown now, at once, on subscribing
            const sub = window.document$.subscribe(() => {
                if (!replayed) { replayed = true; return; }
                window.__mwAnnounced = true;
                sub.unsubscribe();
            });
            [...document.querySelectorAll('nav.md-nav--primary a')].find(a => a.href === u).click();
        }""",
        url,
    )
    page.wait_for_function(
        "u => window.__mwAnnounced && location.href === u && document.querySelector('.md-content h1') !== null",
        arg=url,
    )


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
