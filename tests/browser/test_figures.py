"""A figure is its chart first: one line under it (the main source) opens a drawer with everything else,
by pointer, keyboard or without script, and the chart's description stays its accessible description."""

from __future__ import annotations

import pytest

from tests.browser.conftest import chart_pages

pytestmark = pytest.mark.browser

# Each figure on the page: its height, its chart's (view and controls: what the reader came for), the
# drawer's state, and the size of its one line's control. A figure of chapter 2's rounds waits, hidden, for its
# round and the reader's choice: it is measured where the rounds are a plain sequence (without script).
FIGURES = """() => [...document.querySelectorAll('figure.mw-chart')]
  .filter(f => !f.closest('.mw-rounds--live')).map(f => {
  const box = e => e ? e.getBoundingClientRect() : {height: 0, width: 0};
  const chart = [f.querySelector('.mw-chart__view'), f.querySelector('.mw-chart__controls')]
    .reduce((h, e) => h + box(e).height, 0);
  const summary = f.querySelector('.mw-chart__drawer > summary');
  return {id: f.id, figure: box(f).height, chart, open: f.querySelector('.mw-chart__drawer').open,
          summary: [box(summary).width, box(summary).height]};
})"""


@pytest.mark.parametrize("width", [375, 1280])
def test_each_figure_is_mostly_its_chart_with_the_drawer_closed(real_site, open_page, width):
    server, out = real_site
    pages = chart_pages(out)
    assert any(p.startswith("zh/") for p in pages) and any(not p.startswith("zh/") for p in pages)
    low = []
    runs = [(rel, True) for rel in pages] + [(rel, False) for rel in pages if "alibaba-beats-itself" in rel]
    assert len(runs) > len(pages), "chapter 2's rounds are measured without script"
    for rel, js in runs:
        page, _ = open_page(server.url + rel, width=width, js=js)
        for f in page.evaluate(FIGURES):
            assert not f["open"], (rel, f["id"])
            if f["chart"] < 0.7 * f["figure"]:
                low.append((rel, f["id"], round(f["chart"] / f["figure"], 2)))
            assert f["summary"][0] >= 24 and f["summary"][1] >= 24, (rel, f["id"], f["summary"])
    assert low == [], "figures whose chart is under 70 % of their height: " + str(low)


def test_the_drawer_opens_and_closes_by_keyboard(real_site, open_page):
    server, out = real_site
    rel = next(p for p in chart_pages(out) if "taobao-traffic" in p)
    page, watch = open_page(server.url + rel, width=375)
    figure = page.locator("figure.mw-chart").first
    summary = figure.locator(".mw-chart__drawer > summary")
    desc = figure.locator(".mw-chart__desc")
    assert not desc.is_visible()
    summary.focus()
    page.keyboard.press("Enter")
    assert desc.is_visible() and figure.locator(".mw-chart__downloads a").first.is_visible()
    page.keyboard.press("Space")
    assert not desc.is_visible()
    assert watch.errors == []


@pytest.mark.parametrize("js", [True, False])
def test_the_description_is_the_figures_description_while_the_drawer_is_closed(real_site, open_page, js):
    from playwright.sync_api import expect

    server, out = real_site
    for rel in (p for p in chart_pages(out) if "taobao-traffic" in p):
        page, _ = open_page(server.url + rel, js=js)
        figures = page.locator("figure.mw-chart")
        for i in range(figures.count()):
            f = figures.nth(i)
            text = f.locator(".mw-chart__desc").text_content()
            assert len(text) > 20 and not f.locator(".mw-chart__desc").is_visible()
            expect(f).to_have_accessible_description(text)


@pytest.mark.parametrize("width", [375, 1280])
def test_every_control_in_an_open_drawer_is_a_24px_target(real_site, open_page, width):
    server, out = real_site
    rel = next(p for p in chart_pages(out) if "taobao-traffic" in p)
    page, _ = open_page(server.url + rel, width=width)
    page.evaluate("document.querySelectorAll('.mw-chart__drawer').forEach(d => d.open = true)")
    small = page.evaluate(
        """() => [...document.querySelectorAll('.mw-chart__drawer a, .mw-chart__drawer button, summary')]
             .filter(e => e.getClientRects().length)
             .map(e => [e.textContent.trim().slice(0, 30), ...[...e.getClientRects()]
                 .reduce((m, r) => [Math.max(m[0], r.width), Math.max(m[1], r.height)], [0, 0])])
             .filter(([, w, h]) => w < 24 || h < 24)"""
    )
    assert small == [], small


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_the_keyboard_help_of_a_chart_is_in_the_pages_language(real_site, open_page, edition):
    import re

    server, _ = real_site
    page, _ = open_page(server.url + edition + "04-taobao-traffic-problem/")
    keys = page.locator("figure.mw-chart").first.locator("[id$='-keys']")
    text = keys.text_content()
    assert "Home" in text and bool(re.search(r"[\u4e00-\u9fff]", text)) is bool(edition), text
    role = page.locator("figure.mw-chart .mw-chart__view").first.get_attribute("aria-roledescription")
    assert role == ("图表" if edition else "chart")
