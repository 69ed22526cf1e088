"""Every input reaches the charts: touch, keyboard and screen reader (chapter 2's rounds: test_rounds.py).

Charts are found generically (every `figure.mw-chart` with a data table), and their marks through the
live view's own scenegraph (every item with a tooltip), so these tests follow the chart modules as they
change. Screenshots go to test-artifacts/ (gitignored).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, chart_pages, drawn, settled
from tests.sites import page_urls

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 812}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}

DATA_FIGURES = (
    "[...document.querySelectorAll('figure.mw-chart[data-spec]')].filter(f => f.querySelector('.mw-chart__data'))"
)

# The marks of a live chart that carry a tooltip, with their boxes on screen (what a reader can point at).
MARKS = """(id) => {
  const f = document.querySelector(`figure.mw-chart[data-chart="${id}"]`), v = f._mwView, out = [];
  (function walk(mark) {
    (mark.items || []).forEach(item => {
      const el = item._svg;
      if (item.tooltip != null && el && el.isConnected) {
        const b = el.getBoundingClientRect();
        if (b.width + b.height > 0 && getComputedStyle(el).visibility !== 'hidden' && item.opacity !== 0)
          out.push({left: b.left, top: b.top, right: b.right, bottom: b.bottom, w: b.width, h: b.height,
                    first: String(Object.values(typeof item.tooltip === 'object' ? item.tooltip : [item.tooltip])[0])});
      }
      if (mark.marktype === 'group') (item.items || []).forEach(walk);
    });
  })(v.scenegraph().root);
  return out;
}"""


@pytest.fixture
def new_page(browser):
    """`new_page(url, **context options)`: a page in a fresh context; uncaught errors are collected."""
    contexts = []
    ARTIFACTS.mkdir(exist_ok=True)

    def opener(url, **options):
        ctx = browser.new_context(**options)
        contexts.append(ctx)
        page = ctx.new_page()
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.goto(url)
        return page

    yield opener
    for ctx in contexts:
        ctx.close()


def data_chart_ids(page) -> list[str]:
    return page.evaluate(f"{DATA_FIGURES}.map(f => f.dataset.chart)")


def go_live(page, chart_id: str):
    page.evaluate("(id) => window.mwCharts.view(id).then(() => true)", chart_id)
    page.wait_for_selector(f'figure.mw-chart[data-chart="{chart_id}"][data-state=live]', timeout=20000)


def on_stage(page, chart_id: str) -> None:
    """A chart in chapter 2's rounds is shown only in its round, after a choice: step there and ask to see it."""
    section = page.locator(f'.mw-rounds--live section.mw-round:has(figure.mw-chart[data-chart="{chart_id}"])')
    if not section.count():
        return
    for _ in range(page.locator(".mw-rounds--live section.mw-round").count()):
        if section.is_visible():
            break
        page.locator(".mw-rounds__next").click()
        settled(page)
    section.locator(".mw-round__show").click()
    figure_of(page, chart_id).wait_for(state="visible", timeout=5000)


def figure_of(page, chart_id: str):
    return page.locator(f'figure.mw-chart[data-chart="{chart_id}"]')


def pages_with_data_charts(out) -> list[str]:
    return [
        p for p in chart_pages(out) if 'class="mw-chart__data"' in (out / p / "index.html").read_text(encoding="utf-8")
    ]


def test_every_page_has_data_charts_to_try(real_site):
    _, out = real_site
    assert len(pages_with_data_charts(out)) >= 3


# --- Touch ---------------------------------------------------------------------------------------


def visible_marks(page, chart_id: str) -> list[dict]:
    h = page.viewport_size["height"]
    return [m for m in page.evaluate(MARKS, chart_id) if m["top"] > 60 and m["bottom"] < h - 10]


def uncovered(marks: list[dict]) -> list[dict]:
    """Marks whose centre no mark with another tooltip covers (on such an overlap, whose tooltip a tap should
    show is undefined: two events weeks apart on a decade's axis share a few pixels on a phone; a box and
    its own text share one tooltip, so either may answer)."""

    def centre_in(m, o):
        x, y = (m["left"] + m["right"]) / 2, (m["top"] + m["bottom"]) / 2
        return o["left"] <= x <= o["right"] and o["top"] <= y <= o["bottom"]

    return [m for m in marks if not any(o is not m and o["first"] != m["first"] and centre_in(m, o) for o in marks)]


def test_a_tap_on_a_mark_shows_its_tooltip_and_a_tap_elsewhere_hides_it(real_site, new_page):
    server, out = real_site
    tried = 0
    for rel in pages_with_data_charts(out):
        page = new_page(server.url + rel, **PHONE)
        for cid in data_chart_ids(page):
            on_stage(page, cid)
            figure = figure_of(page, cid)
            go_live(page, cid)
            figure.locator(".mw-chart__view").scroll_into_view_if_needed()
            settled(page)  # the page has followed the scroll (a sticky chart moved aside, views re-fitted)
            drawn(page, cid)
            marks = uncovered(visible_marks(page, cid))
            assert marks, f"{rel} {cid}: no mark with a tooltip on screen"
            m = marks[len(marks) // 2]
            page.touchscreen.tap((m["left"] + m["right"]) / 2, (m["top"] + m["bottom"]) / 2)
            tip = page.locator(".mw-tooltip")
            tip.wait_for(state="visible", timeout=2000)
            text = tip.text_content()
            assert m["first"] in text, f"{rel} {cid}: tapped {m['first']!r}, tooltip says {text!r}"
            box = tip.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 375, f"{rel} {cid}: tooltip off screen {box}"
            assert box["y"] >= 0 and box["y"] + box["height"] <= 812, f"{rel} {cid}: tooltip off screen {box}"
            if tried == 0:
                page.screenshot(path=str(ARTIFACTS / f"input-tap-{cid}-375.png"))
            # a tap in the page margin, beside the chart, hides it
            page.touchscreen.tap(4, (m["top"] + m["bottom"]) / 2)
            expect(tip, f"{rel} {cid}: tooltip still shown after a tap elsewhere").to_be_hidden(timeout=2000)
            tried += 1
        assert page.errors == [], rel
    assert tried >= 5


def test_a_tap_near_a_small_mark_picks_it(real_site, new_page):
    """Thin marks get a generous hit area: a tap 14 px beside a small point still shows its tooltip."""
    server, out = real_site
    for rel in pages_with_data_charts(out):
        page = new_page(server.url + rel, **PHONE)
        for cid in data_chart_ids(page):
            go_live(page, cid)
            figure_of(page, cid).locator(".mw-chart__view").scroll_into_view_if_needed()
            settled(page)
            drawn(page, cid)
            marks = visible_marks(page, cid)
            svg = figure_of(page, cid).locator(".mw-chart__live svg").bounding_box()
            for m in (m for m in marks if m["w"] < 16 and m["h"] < 16):
                cx, cy = (m["left"] + m["right"]) / 2, (m["top"] + m["bottom"]) / 2
                for x, y in ((cx, m["top"] - 14), (cx, m["bottom"] + 14), (m["left"] - 14, cy), (m["right"] + 14, cy)):
                    if not (
                        svg["x"] + 4 < x < svg["x"] + svg["width"] - 4
                        and svg["y"] + 4 < y < min(svg["y"] + svg["height"], 800)
                    ):
                        continue

                    def gap(o, x=x, y=y):
                        return max(o["left"] - x, 0, x - o["right"]) ** 2 + max(o["top"] - y, 0, y - o["bottom"]) ** 2

                    if any(o is not m and gap(o) <= (24 + 6) ** 2 for o in marks):
                        continue  # another mark is near: the nearest one is not unambiguous
                    page.touchscreen.tap(x, y)
                    tip = page.locator(".mw-tooltip")
                    tip.wait_for(state="visible", timeout=2000)
                    assert m["first"] in tip.text_content(), f"{rel} {cid}"
                    page.screenshot(path=str(ARTIFACTS / f"input-tap-near-{cid}-375.png"))
                    return
    pytest.fail("no small mark with room around it was found on any page")


# --- Keyboard and screen reader ---------------------------------------------------------------------

FOCUSABLE_BEFORE = """(view) => {
  const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
    .filter(e => e.tabIndex >= 0 && !e.disabled && e.checkVisibility({visibilityProperty: true}));
  const i = all.indexOf(view);
  return i > 0 ? (all[i - 1].focus(), true) : false;
}"""

STATE = """(id) => {
  const f = document.querySelector(`figure.mw-chart[data-chart="${id}"]`);
  const ring = f.querySelector('.mw-chart__focus'), tip = document.querySelector('.mw-tooltip');
  const live = f.querySelector('.mw-chart__said');  // the keyboard's read-out (a guess chart has a second live region)
  const r = ring && !ring.hidden ? ring.getBoundingClientRect() : null, a = document.activeElement;
  return {said: live ? live.textContent : null,
          ring: r && r.width ? {left: r.left, top: r.top, right: r.right, bottom: r.bottom} : null,
          tip: !!tip && tip.checkVisibility(),
          // a sticky chart's figure draws no box (display: contents): its caption takes the focus
          active: a === f.querySelector('.mw-chart__view') ? 'view'
            : a === f || (f.contains(a) && getComputedStyle(f).display === 'contents' && a.tagName === 'FIGCAPTION')
              ? 'figure' : a.tagName};
}"""


def overlaps(a, b) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def test_keyboard_steps_through_every_data_chart_and_says_each_value(real_site, new_page):
    server, out = real_site
    tried = 0
    for rel in pages_with_data_charts(out):
        page = new_page(server.url + rel, viewport={"width": 1280, "height": 900})
        for cid in data_chart_ids(page):
            on_stage(page, cid)
            figure = figure_of(page, cid)
            view = figure.locator(".mw-chart__view")
            # Tab reaches the chart: from the last tab stop before it, one Tab lands on its view
            assert view.evaluate(FOCUSABLE_BEFORE), f"{rel} {cid}: nothing focusable before the chart"
            page.keyboard.press("Tab")
            assert page.evaluate(STATE, cid)["active"] == "view", f"{rel} {cid}: Tab does not reach the chart"
            name = view.evaluate(
                "v => (v.getAttribute('aria-labelledby') || '').split(' ').map(i => document.getElementById(i))"
                ".filter(Boolean).map(e => e.textContent).join(' ') || v.getAttribute('aria-label') || ''"
            )
            assert name.strip(), f"{rel} {cid}: the focused chart has no name"
            assert view.get_attribute("role") != "img"  # a screen reader passes the arrow keys on
            page.wait_for_selector(f'figure.mw-chart[data-chart="{cid}"][data-state=live]', timeout=20000)
            marks = page.evaluate(MARKS, cid)
            assert marks, f"{rel} {cid}: no mark with a tooltip"

            page.keyboard.press("ArrowRight")
            first = page.evaluate(STATE, cid)
            assert first["said"] and first["said"].strip(), f"{rel} {cid}: nothing announced"
            assert first["ring"], f"{rel} {cid}: no highlight drawn"
            assert any(overlaps(first["ring"], m) for m in page.evaluate(MARKS, cid)), (
                f"{rel} {cid}: highlight on no mark"
            )
            assert first["tip"], f"{rel} {cid}: no tooltip for the focused mark"
            if tried == 0:
                view.scroll_into_view_if_needed()
                page.keyboard.press("ArrowRight")
                page.keyboard.press("ArrowLeft")
                page.screenshot(path=str(ARTIFACTS / f"input-keyboard-{cid}-1280.png"))
            if len({m["first"] for m in marks}) > 1:
                page.keyboard.press("ArrowRight")
                second = page.evaluate(STATE, cid)
                assert second["said"] != first["said"], f"{rel} {cid}: the second value is not announced"
                assert second["ring"] != first["ring"], f"{rel} {cid}: the highlight did not move"
                page.keyboard.press("End")
                last = page.evaluate(STATE, cid)
                page.keyboard.press("Home")
                assert page.evaluate(STATE, cid)["said"] == first["said"], f"{rel} {cid}: Home is not the first value"
                assert last["said"] != first["said"], f"{rel} {cid}: End is not the last value"
            page.keyboard.press("Escape")
            left = page.evaluate(STATE, cid)
            assert left["ring"] is None and not left["tip"], f"{rel} {cid}: Escape left {left}"
            assert left["active"] == "figure", f"{rel} {cid}: after Escape focus is on {left['active']}"
            tried += 1
        assert page.errors == [], rel
    assert tried >= 5


def test_the_live_region_exists_before_the_chart_is_live(real_site, new_page):
    """A polite live region must be in the page before it speaks, or screen readers miss the first value."""
    server, out = real_site
    page = new_page(server.url + pages_with_data_charts(out)[0], viewport={"width": 1280, "height": 900})
    regions = page.evaluate(
        f"{DATA_FIGURES}.map(f => [f.dataset.state || '', f.querySelectorAll('[aria-live=polite]').length,"
        " f.querySelector('.mw-chart__view').tabIndex])"
    )
    assert regions and all(r == ["", 1, 0] for r in regions), regions


# --- Phones: nothing scrolls sideways ------------------------------------------------------------------


def test_no_page_scrolls_sideways_on_a_phone(real_site, new_page):
    server, out = real_site
    wide = []
    for rel in page_urls(out):
        page = new_page(server.url + rel, **PHONE)
        page.evaluate(
            "Promise.all([...document.querySelectorAll('figure.mw-chart[data-spec]')]"
            ".map(f => window.mwCharts.view(f.dataset.chart))).then(() => true)"
        )
        drawn(page)  # re-fitted to the column the live views left them
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > 375:
            wide.append((rel or "/", width))
    assert not wide, f"pages wider than a 375 px screen: {wide}"
