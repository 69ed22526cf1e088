"""A chart drawn in states (the side door: the side door, then WeChat Pay's repeat purchase) shown one state at a
time in the live view, measured in Chromium at 375 and 1280 px in both editions: one real button per state, at
least 24 x 24 px, aria-pressed on the one shown; a tap, a click, or Tab then Enter or Space shows exactly that
state's marks and says the state in words in the figure's polite live region; text stays at least 12 px and
inside the drawing in every state. Without JavaScript the drawing shows every state, and there are no buttons."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import drawn, settled
from tests.browser.test_legibility import LIVE, measure, problems

pytestmark = pytest.mark.browser

CHART, PAGE = "side_door", "05-wechat-grabs-the-position/"
BUTTONS = f'figure[data-chart="{CHART}"] button.mw-chart__state'

# What the live view draws now: the panels its marks belong to (from the view's own scene), and the text lines
# of its SVG (one per tspan, as Vega writes a text of several lines).
SHOWN = """(id) => {
  const f = document.querySelector(`figure[data-chart="${id}"]`), panels = new Set();
  (function walk(mark) {
    (mark.items || []).forEach(item => {
      if (mark.marktype === 'group') (item.items || []).forEach(walk);
      else if (item.datum && item.datum.panel != null) panels.add(item.datum.panel);
    });
  })(f._mwView.scenegraph().root);
  return {panels: [...panels].sort(), texts: LINES(f.querySelector('.mw-chart__live svg'))};
}"""
LINES = """(svg) => [...svg.querySelectorAll('text')].flatMap(t => {
  const spans = t.querySelectorAll('tspan');
  return (spans.length ? [...spans] : [t]).map(s => s.textContent.trim()).filter(Boolean);
})"""
SHOWN = SHOWN.replace("LINES(", f"({LINES})(")
# The text lines of the static drawing the page shows (the wide or the narrow one)
STATIC = f"""(id) => {{
  const f = document.querySelector(`figure[data-chart="${{id}}"]`);
  const svg = [...f.querySelectorAll('.mw-chart__view > svg')].find(s => s.getBoundingClientRect().width > 0);
  return ({LINES})(svg);
}}"""


def only_state(shown: dict, k: int, texts: list[list[str]]) -> list[str]:
    """What is wrong with `shown` as state k alone: marks of another panel, or text lines only another state has."""
    wrong = [f"marks of panel {p}" for p in shown["panels"] if p != k]
    if k not in shown["panels"]:
        wrong.append(f"no marks of panel {k}")
    others = {t for j, these in enumerate(texts) if j != k for t in these} - set(texts[k])
    wrong += [f"text of another state: {t!r}" for t in shown["texts"] if t in others]
    return wrong


def test_only_state_finds_another_states_marks():  # the negative case first: both panels drawn at once
    texts = [["Title", "A buyer"], ["Title", "Pay"]]
    assert only_state({"panels": [0, 1], "texts": ["Title", "A buyer", "Pay"]}, 0, texts) == [
        "marks of panel 1",
        "text of another state: 'Pay'",
    ]
    assert only_state({"panels": [1], "texts": ["Title", "Pay"]}, 0, texts) == [
        "marks of panel 1",
        "no marks of panel 0",
        "text of another state: 'Pay'",
    ]
    assert only_state({"panels": [0], "texts": ["Title", "A buyer"]}, 0, texts) == []


def words(page) -> dict:
    return json.loads(page.locator("#mw-words").text_content())


def live(open_page, url: str, width: int):
    page, watch = open_page(url, width=width)
    page.evaluate(f"window.mwCharts.view('{CHART}').then(() => true)")
    drawn(page, CHART)
    return page, watch


def pressed(page) -> list[str]:
    return page.eval_on_selector_all(BUTTONS, "bs => bs.map(b => b.getAttribute('aria-pressed'))")


def check_state(page, k: int, states: list[dict], texts: list[list[str]]) -> None:
    """State k is the one shown, pressed and said, its text legible and inside the drawing."""
    drawn(page, CHART)
    assert pressed(page) == [str(j == k).lower() for j in range(len(states))]
    shown = page.evaluate(SHOWN, CHART)
    assert only_state(shown, k, texts) == []
    said = page.locator(f'figure[data-chart="{CHART}"] .mw-chart__said').text_content()
    assert said == words(page)["state_shown"].replace("{state}", states[k]["said"])
    desc = page.locator(f'figure[data-chart="{CHART}"] .mw-chart__desc').text_content()
    assert states[k]["said"] in desc, "the state said is the figure's own description of it"
    assert problems([f for f in measure(page, LIVE) if f["id"] == f"fig-{CHART.replace('_', '-')}"], 12.0) == []


def spec_states(page) -> list[dict]:
    """The states as the spec the live view runs gives them (usermeta)."""
    return page.evaluate(
        "(sel) => fetch(document.querySelector(sel).dataset[matchMedia('(max-width: 600px)').matches ? 'specNarrow'"
        " : 'spec']).then(r => r.json()).then(s => s.usermeta.states)",
        f'figure[data-chart="{CHART}"]',
    )


def each_state_texts(page, n: int) -> list[list[str]]:
    """The text lines each state draws, shown in turn by its button."""
    found = []
    for k in range(n):
        page.locator(BUTTONS).nth(k).click()
        drawn(page, CHART)
        found.append(page.evaluate(SHOWN, CHART)["texts"])
    return found


@pytest.mark.parametrize("prefix", ["", "zh/"])
@pytest.mark.parametrize("width", [375, 1280])
def test_a_button_per_state_and_the_first_state_shown(real_site, open_page, width, prefix):
    server, _ = real_site
    page, watch = live(open_page, server.url + prefix + PAGE, width)
    states = spec_states(page)
    assert len(states) == 2
    buttons = page.locator(BUTTONS)
    assert buttons.count() == len(states)
    assert buttons.all_inner_texts() == [s["label"] for s in states]
    for k in range(len(states)):
        box = buttons.nth(k).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box
        assert buttons.nth(k).evaluate("b => b.tagName === 'BUTTON' && b.type === 'button'")
        assert not buttons.nth(k).evaluate("b => !!b.closest('[role=img], .mw-chart__view')"), "outside the picture"
    group = page.locator(f'figure[data-chart="{CHART}"] .mw-chart__states')
    assert group.get_attribute("role") == "group" and group.get_attribute("aria-label") == words(page)["states"]
    assert pressed(page) == ["true", "false"]
    shown = page.evaluate(SHOWN, CHART)
    assert shown["panels"] == [0]
    # nothing said before the reader asks
    assert page.locator(f'figure[data-chart="{CHART}"] .mw-chart__said').text_content() == ""
    assert page.locator(f'figure[data-chart="{CHART}"] .mw-chart__said').get_attribute("aria-live") == "polite"
    assert watch.errors == []


@pytest.mark.parametrize("prefix", ["", "zh/"])
@pytest.mark.parametrize("width", [375, 1280])
def test_tab_then_enter_or_space_shows_that_state(real_site, open_page, width, prefix):
    server, _ = real_site
    page, watch = live(open_page, server.url + prefix + PAGE, width)
    states = spec_states(page)
    texts = each_state_texts(page, len(states))
    page.locator(BUTTONS).nth(0).click()  # back to the first, then the keyboard only
    page.locator(BUTTONS).nth(0).focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('mw-chart__state')")
    assert page.evaluate(f"document.activeElement === document.querySelectorAll('{BUTTONS}')[1]")
    page.keyboard.press("Enter")
    check_state(page, 1, states, texts)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    check_state(page, 0, states, texts)
    assert watch.errors == []


@pytest.mark.parametrize("prefix", ["", "zh/"])
@pytest.mark.parametrize("width", [375, 1280])
def test_a_tap_or_a_click_shows_that_state(real_site, browser, width, prefix):
    server, _ = real_site
    touch = width < 600
    ctx = browser.new_context(viewport={"width": width, "height": 900}, has_touch=touch, is_mobile=touch)
    try:
        page = ctx.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server.url + prefix + PAGE)
        page.evaluate(f"window.mwCharts.view('{CHART}').then(() => true)")
        drawn(page, CHART)
        states = spec_states(page)
        texts = each_state_texts(page, len(states))
        for k in (1, 0, 1):
            button = page.locator(BUTTONS).nth(k)
            button.tap() if touch else button.click()
            check_state(page, k, states, texts)
        # each state's text is its own: the two states draw different steps
        assert set(texts[0]) - set(texts[1]) and set(texts[1]) - set(texts[0])
        assert errors == []
    finally:
        ctx.close()


@pytest.mark.parametrize("prefix", ["", "zh/"])
@pytest.mark.parametrize("width", [375, 1280])
def test_without_javascript_every_state_is_drawn(real_site, open_page, width, prefix):
    server, _ = real_site
    page, _ = live(open_page, server.url + prefix + PAGE, width)
    states = spec_states(page)
    texts = each_state_texts(page, len(states))
    still, _ = open_page(server.url + prefix + PAGE, width=width, js=False)
    drawing = set(still.evaluate(STATIC, CHART))
    missing = [t for these in texts for t in these if t not in drawing]
    assert missing == [], "a state's text is not in the drawing without script"
    assert still.locator(BUTTONS).count() == 0
    desc = still.locator(f'figure[data-chart="{CHART}"] .mw-chart__desc').text_content()
    assert all(s["said"] in desc for s in states), "the description tells every state"


# Scroll so that the middle of the figure's drawing stands at `at` (a fraction of the screen's height from the top).
PLACE = """([id, at]) => {
  const r = document.querySelector(`figure[data-chart="${id}"] .mw-chart__view`).getBoundingClientRect();
  window.scrollTo(0, window.scrollY + (r.top + r.bottom) / 2 - at * window.innerHeight);
}"""


def shown_at(page, at: float) -> int:
    """The state shown once the drawing's middle stands at `at` of the screen and the page has caught up."""
    page.evaluate(PLACE, [CHART, at])
    settled(page)
    drawn(page, CHART)
    panels = page.evaluate(SHOWN, CHART)["panels"]
    assert len(panels) == 1, panels
    return panels[0]


@pytest.mark.parametrize("prefix", ["", "zh/"])
@pytest.mark.parametrize("width", [375, 1280])
def test_scrolling_steps_the_states_until_the_reader_presses_a_button(real_site, open_page, width, prefix):
    server, _ = real_site
    page, watch = live(open_page, server.url + prefix + PAGE, width)
    # low on the screen the first state, high the second, and back again as the reader scrolls back
    assert [shown_at(page, at) for at in (0.75, 0.3, 0.75, 0.3)] == [0, 1, 0, 1]
    assert pressed(page) == ["false", "true"]
    assert page.locator(f'figure[data-chart="{CHART}"] .mw-chart__said').text_content() == "", "scrolling says nothing"
    page.locator(BUTTONS).nth(0).click()
    assert [shown_at(page, at) for at in (0.3, 0.75, 0.3)] == [0, 0, 0], "the reader's choice stays"
    assert watch.errors == []


def test_with_reduced_motion_scrolling_leaves_the_state_alone(real_site, browser):
    server, _ = real_site
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, reduced_motion="reduce")
    try:
        page = ctx.new_page()
        page.goto(server.url + PAGE)
        page.evaluate(f"window.mwCharts.view('{CHART}').then(() => true)")
        drawn(page, CHART)
        assert [shown_at(page, at) for at in (0.75, 0.3)] == [0, 0]
        page.locator(BUTTONS).nth(1).click()  # the buttons still work
        assert shown_at(page, 0.75) == 1
    finally:
        ctx.close()
