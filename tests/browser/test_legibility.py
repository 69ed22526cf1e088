"""Chart text a reader can read without zooming, measured in the browser rather than read off a spec.

For every chart figure on every page: the smallest chart text as rendered on screen (its font size
times the drawing's scale) is at least 12 px on a 375 px phone and at 1280 px, in the static
drawing (JavaScript off) and in the live view; every text box lies inside its drawing, at 320, 375,
768 and 1280 px and in every state of the chart's controls (radio options, check boxes, both ends of a
slider, each state of a chart drawn in states); no page scrolls sideways.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import chart_pages, drawn, hydrate_all

MIN_PX = {375: 12.0, 1280: 12.0}
WIDTHS = [320, 375, 768, 1280]

# For each figure: its smallest rendered text and any text box outside its drawing (1 px tolerance).
# A figure of chapter 2's rounds not on the stage now (another round, or before the reader's choice) is left out:
# `each_round` puts each on the stage in turn.
MEASURE = """(sel) => [...document.querySelectorAll('figure.mw-chart')]
  .filter(f => !f.closest('.mw-rounds--live') || f.checkVisibility()).map(f => {
  const svg = [...f.querySelectorAll(sel)].find(s => s.getBoundingClientRect().width > 0);
  if (!svg) return {id: f.id, missing: true};
  const box = svg.getBoundingClientRect();
  let smallest = Infinity, smallestText = '';
  const outside = [];
  for (const t of svg.querySelectorAll('text')) {
    const text = t.textContent.trim();
    if (!text || getComputedStyle(t).visibility === 'hidden' || t.closest('[opacity="0"]')) continue;
    const r = t.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const m = t.getScreenCTM();  // scale of the drawing, rotated text (axis titles) included
    const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    if (size < smallest) { smallest = size; smallestText = text; }
    if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
      outside.push(text.slice(0, 30));
  }
  return {id: f.id, smallest, smallestText, outside};
})"""
STATIC = ".mw-chart__view > svg"
STATE_BUTTONS = "figure.mw-chart button.mw-chart__state"  # a chart drawn in states: one button per state
LIVE = ".mw-chart__live svg"


def measure(page, selector: str) -> list[dict]:
    return page.evaluate(MEASURE, selector)


def each_round(page) -> list[dict]:
    """On a page with the rounds: every round on the stage in turn, its figure shown ("just show me"), measured."""
    found = []
    n = page.locator(".mw-rounds--live section.mw-round").count()
    for i in range(n):
        shown = page.locator(".mw-rounds--live section.mw-round:not([hidden]) .mw-round__show")
        if shown.count():
            shown.first.click()
        drawn(page)
        found += measure(page, LIVE)
        if i < n - 1:
            page.locator(".mw-rounds__next").click()
    figures = page.locator(".mw-rounds figure.mw-chart").count()
    assert (
        len(
            {
                f["id"]
                for f in found
                if f["id"] in page.eval_on_selector_all(".mw-rounds figure.mw-chart", "fs => fs.map(f => f.id)")
            }
        )
        == figures
    ), "a round's figure was never shown"
    return found


def problems(found: list[dict], min_px: float | None) -> list:
    out = []
    for f in found:
        if f.get("missing"):
            out.append((f["id"], "no drawing shown"))
            continue
        if min_px and f["smallest"] < min_px:
            out.append((f["id"], f"text at {f['smallest']:.1f} px: {f['smallestText']!r}"))
        if f["outside"]:
            out.append((f["id"], f"outside the drawing: {f['outside'][:3]}"))
    return out


@pytest.mark.parametrize("width", WIDTHS)
def test_static_chart_text_is_legible_and_inside_its_drawing(real_site, open_page, width):
    server, out = real_site
    found = {}
    for rel in chart_pages(out):
        page, _ = open_page(server.url + rel, width=width, js=False)
        bad = problems(measure(page, STATIC), MIN_PX.get(width))
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth + 1"), f"{rel}: sideways scroll"
        if bad:
            found[rel] = bad
    assert found == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_live_chart_text_is_legible_and_inside_its_drawing_in_every_control_state(real_site, open_page, width):
    server, out = real_site
    found = {}
    for rel in chart_pages(out):
        page, _ = open_page(server.url + rel, width=width)
        hydrate_all(page)
        bad = problems(measure(page, LIVE) + each_round(page), MIN_PX.get(width))
        # every state of every control beside a chart: each radio option, each box ticked, each slider at
        # its ends (the controls sit in the figure, after the drawing)
        states = []
        for i in range(page.locator("figure.mw-chart input[type=radio]").count()):
            states.append(("radio", i, None))
        for i in range(page.locator("figure.mw-chart input[type=checkbox]").count()):
            states.append(("checkbox", i, None))
        for i in range(page.locator("figure.mw-chart input[type=range]").count()):
            states += [("range", i, "min"), ("range", i, "max")]
        for i in range(page.locator(STATE_BUTTONS).count()):
            states.append(("state", i, None))
        # a guess-first chart's answer, drawn once the reader asks ("Just show me", the group's last button)
        states += [("reveal", i, None) for i in range(page.locator("figure.mw-chart .mw-guess").count())]
        assert states or "epilogue" not in rel, "the epilogue's charts have controls: the selector found none"
        assert page.locator(STATE_BUTTONS).count() or "05-" not in rel, "chapter 5's side door is drawn in states"
        for kind, i, end in states:
            if kind == "reveal":
                control = page.locator("figure.mw-chart .mw-guess").nth(i).locator("button").last
            elif kind == "state":
                control = page.locator(STATE_BUTTONS).nth(i)
            else:
                control = page.locator(f"figure.mw-chart input[type={kind}]").nth(i)
            control.scroll_into_view_if_needed()
            if kind == "state":
                control.click()
            elif kind == "range":
                control.fill(control.get_attribute(end))
            elif kind == "reveal":
                control.click()
            else:
                control.check(force=True)
            drawn(page)  # every view has taken the new state and drawn it
            where = f"{kind} {i}{' at ' + end if end else ''}"
            bad += [(fid, f"{what} ({where})") for fid, what in problems(measure(page, LIVE), None)]
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth + 1"), f"{rel}: sideways scroll"
        if bad:
            found[rel] = bad
    assert found == {}
