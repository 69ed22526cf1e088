"""Tooltips on a phone (issue 25): tapping a mark of a data chart (both editions) or of a schematic shows a
tooltip box inside a 375 x 812 viewport, its text at least 12 px, saying what the mark is in at most three lines."""

from __future__ import annotations

import pytest

from tests.browser.conftest import chart_pages, hydrate_all

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 812}


@pytest.mark.parametrize(
    ("edition", "figure", "says"),
    [("en", "fig-singles-day", "Source: "), ("zh", "fig-singles-day", "来源："), ("en", "fig-front-door", "not data")],
)
def test_a_tapped_mark_s_tooltip_fits_a_phone_and_reads_at_12_px(real_site, browser, edition, figure, says):
    server, out = real_site
    rel = next(p for p in chart_pages(out) if "taobao-traffic" in p and p.startswith("zh/") == (edition == "zh"))
    ctx = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        page = ctx.new_page()
        page.goto(server.url + rel)
        hydrate_all(page)
        # the data chart's first bar (its first rect is the 'after the article' band, which has no tooltip), the
        # door's second box (the Chinese edition's marks carry no Vega aria labels: they are picked by mark type)
        mark = page.locator(f"#{figure} .mw-chart__live .mark-rect path").nth(1)
        mark.scroll_into_view_if_needed()
        box = mark.bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 10))
        tip = page.locator(".mw-tooltip")
        tip.wait_for(state="visible")
        shown = tip.bounding_box()
        assert shown["x"] >= 0 and shown["x"] + shown["width"] <= PHONE["width"], shown
        assert shown["y"] >= 0 and shown["y"] + shown["height"] <= PHONE["height"], shown
        sizes = tip.evaluate("t => [...t.children].map(c => parseFloat(getComputedStyle(c).fontSize))")
        assert 1 <= len(sizes) <= 3 and min(sizes) >= 12, sizes
        assert says in tip.text_content(), tip.text_content()
    finally:
        ctx.close()
