"""No two pieces of chart text on top of each other: every chart on every page, both editions, at 320, 375, 768 and 1280
px, in the static drawing (what a reader without JavaScript, or before the live chart loads, sees) and in the live
view. Text boxes (each line's em box) are measured in Chromium; the chart's title block (its finding and
subtitle, set by kit.finish) is left out, as its lines are placed by Vega's title layout rather than by the chart.
The overlap rule itself is tested first, in test_front_door."""

from __future__ import annotations

import pytest

from tests.browser.conftest import chart_pages, hydrate_all
from tests.browser.test_front_door import overlaps

pytestmark = pytest.mark.browser

# Each figure's shown drawing: its text boxes outside the title block (Vega marks the title group `role-title`).
TEXTS = """(sel) => [...document.querySelectorAll('figure.mw-chart')].map(f => {
  const svg = [...f.querySelectorAll(sel)].find(s => s.getBoundingClientRect().width > 0);
  if (!svg) return {id: f.id, boxes: []};
  const boxes = [...svg.querySelectorAll('text')]
    .filter(t => t.textContent.trim() && !t.closest('.role-title') && !t.closest('[opacity="0"]')
                 && getComputedStyle(t).visibility !== 'hidden' && getComputedStyle(t).opacity !== '0')
    .map(t => { const r = t.getBoundingClientRect(), m = t.getScreenCTM();
                // the line's em box, not the font's whole line box (a CJK font's runs about 1.4 em tall, so
                // two lines set at 1.2 em would share a few pixels of empty space and count as touching)
                const em = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
                const lines = Math.max(1, t.querySelectorAll('tspan').length);
                const pad = Math.max(0, (r.height - em * lines * 1.15) / 2);
                return {text: t.textContent.trim().slice(0, 40), l: r.left, r: r.right, t: r.top + pad,
                        b: r.bottom - pad}; })
    .filter(b => b.r > b.l && b.b > b.t);
  return {id: f.id, boxes};
})"""


def collisions(page, selector: str) -> dict:
    return {f["id"]: clash for f in page.evaluate(TEXTS, selector) if (clash := overlaps(f["boxes"]))}


@pytest.mark.parametrize("width", [320, 375, 768, 1280])
def test_no_chart_text_overlaps_in_the_static_drawing(real_site, open_page, width):
    server, out = real_site
    found = {}
    for rel in chart_pages(out):
        page, _ = open_page(server.url + rel, width=width, js=False)
        if clash := collisions(page, ".mw-chart__view > svg"):
            found[rel] = clash
    assert found == {}


@pytest.mark.parametrize("width", [320, 375, 768, 1280])
def test_no_chart_text_overlaps_in_the_live_view(real_site, open_page, width):
    server, out = real_site
    found = {}
    for rel in chart_pages(out):
        page, _ = open_page(server.url + rel, width=width)
        hydrate_all(page)
        if clash := collisions(page, ".mw-chart__live svg"):
            found[rel] = clash
    assert found == {}
