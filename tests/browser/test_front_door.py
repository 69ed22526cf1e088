"""The front door's three states as drawn on the page (static SVG, no JavaScript): measured in Chromium at 375
and 1280 px in both editions: text at least 12 px on screen, no two text boxes
overlapping (bar the title's own line against its subtitle, kit's shared title block), no sideways scroll."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "front_door": "04-taobao-traffic-problem/",
    "side_door": "05-wechat-grabs-the-position/",
    "o2o_door": "06-social-commerce-experiment/",
}

# Each text box of one figure's shown drawing: its rendered font size and its rectangle.
TEXTS = """(id) => {
  const f = document.querySelector(`figure[data-chart="${id}"]`);
  const svg = [...f.querySelectorAll('.mw-chart__view > svg')].find(s => s.getBoundingClientRect().width > 0);
  return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
    const r = t.getBoundingClientRect(), m = t.getScreenCTM();
    return {text: t.textContent.trim(), px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
            l: r.left, r: r.right, t: r.top, b: r.bottom};
  }).filter(b => b.r > b.l);
}"""


def overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of text boxes that share more than 1 px each way."""
    out = []
    for k, a in enumerate(boxes):
        for b in boxes[k + 1 :]:
            if min(a["r"], b["r"]) - max(a["l"], b["l"]) > 1 and min(a["b"], b["b"]) - max(a["t"], b["t"]) > 1:
                out.append((a["text"], b["text"]))
    return out


def test_overlap_check_finds_a_collision():  # the negative case first: two boxes on top of each other
    box = {"l": 0, "r": 50, "t": 0, "b": 12}
    assert overlaps([box | {"text": "a"}, box | {"text": "b", "l": 40}]) == [("a", "b")]
    assert overlaps([box | {"text": "a"}, box | {"text": "b", "t": 14, "b": 26}]) == []


@pytest.mark.parametrize("prefix", ["", "zh/"])
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("cid", list(PAGES))
def test_the_door_reads_without_zooming(real_site, open_page, cid, width, prefix):
    server, _ = real_site
    page, _ = open_page(server.url + prefix + PAGES[cid], width=width, js=False)
    boxes = page.evaluate(TEXTS, cid)
    assert boxes, cid
    small = [(b["text"], round(b["px"], 1)) for b in boxes if b["px"] < 12 - 0.05]
    assert not small, small
    title = page.locator(f'figure[data-chart="{cid}"] .mw-chart__title').inner_text().replace(" ", "")
    clash = [p for p in overlaps(boxes) if not any(t.replace(" ", "") in title for t in p)]
    assert not clash, clash
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "page scrolls sideways"
