"""Guess first, in a real browser: chapter 5's mobile_share chart gives no value of the years after the article
before the reader has guessed (visible text, and every accessible name and description, with and without
JavaScript); a guess by keyboard or by tap, or "Just show me", draws the answer and says it in a polite live
region; without JavaScript the drawer ("Show what happened") shows the drawing with the answer. Both editions,
on a phone and a desktop.
"""

from __future__ import annotations

import pytest

from build_charts import formats
from build_pages import editions
from tests.browser.conftest import drawn, signal_now
from tests.test_prose_rules import answers_given, guess_target, hidden_values

pytestmark = pytest.mark.browser

PAGE = "05-wechat-grabs-the-position/"
EDITIONS = {"en": "", "zh": "zh/"}
WIDTHS = (375, 1280)
FIGURE = "#fig-mobile-share"
POINTS = "f => f.querySelectorAll('.mw-chart__live .mark-symbol path').length"


def exposed(page, hidden: set[float] | None = None) -> list[str]:
    """The answer's values (or `hidden`) that the page shows (its visible text) or says (the accessible name,
    description and value of every node in Chromium's accessibility tree)."""
    texts = [page.evaluate("document.body.innerText")]
    cdp = page.context.new_cdp_session(page)
    for node in cdp.send("Accessibility.getFullAXTree")["nodes"]:
        if node.get("ignored"):
            continue
        texts += [str(node.get(k, {}).get("value", "")) for k in ("name", "description", "value")]
    cdp.detach()
    return answers_given("\n".join(texts), hidden_values() if hidden is None else hidden)


def answer_words(lang: str) -> str:
    """The answer's value as both editions' figures state it ('73%'), from the data."""
    return formats.number(guess_target(), "percent")


def open_guess(browser, server, lang: str, width: int, js: bool = True, touch: bool = False):
    ctx = browser.new_context(
        viewport={"width": width, "height": 900}, java_script_enabled=js, has_touch=touch, is_mobile=touch
    )
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url + EDITIONS[lang] + PAGE)
    return ctx, page, errors


def go_live(page):
    page.locator(FIGURE).scroll_into_view_if_needed()
    page.evaluate("window.mwCharts.view('mobile_share').then(() => true)")
    page.wait_for_function(f"document.querySelector('{FIGURE}').dataset.state === 'live'")
    drawn(page, "mobile_share")


def described(page) -> str:
    """The accessible description of the chart's live view, as Chromium computes it."""
    cdp = page.context.new_cdp_session(page)
    node = page.locator(f"{FIGURE} .mw-chart__view").element_handle()
    backend = cdp.send("DOM.describeNode", {"objectId": page_object_id(cdp, node)})["node"]["backendNodeId"]
    ax = cdp.send("Accessibility.getPartialAXTree", {"backendNodeId": backend, "fetchRelatives": False})["nodes"][0]
    cdp.detach()
    return ax.get("description", {}).get("value", "")


def page_object_id(cdp, handle) -> str:
    """A CDP remote object id for an element handle (through a unique attribute the test sets and removes)."""
    handle.evaluate("el => el.setAttribute('data-mw-probe', '1')")
    found = cdp.send("Runtime.evaluate", {"expression": "document.querySelector('[data-mw-probe]')"})
    handle.evaluate("el => el.removeAttribute('data-mw-probe')")
    return found["result"]["objectId"]


def verdict(page) -> str:
    told = page.locator(f"{FIGURE} .mw-guess__told")
    assert told.get_attribute("aria-live") == "polite"
    return told.inner_text().strip()


def test_the_check_sees_an_answer_in_an_accessible_description(browser, real_site):
    """Negative first: the check finds the answer once the (hidden) text that describes the chart states it."""
    server, _ = real_site
    ctx, page, _ = open_guess(browser, server, "en", 1280, js=True)
    try:
        go_live(page)
        assert exposed(page) == []
        page.evaluate(f"document.getElementById('fig-mobile-share-desc').textContent += ' {guess_target():g}%'")
        assert f"{guess_target():g}%" in exposed(page)
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("width", WIDTHS)
def test_before_the_guess_nothing_on_the_page_gives_the_answer(browser, real_site, lang, width):
    server, _ = real_site
    for js in (False, True):
        ctx, page, errors = open_guess(browser, server, lang, width, js=js)
        try:
            assert exposed(page) == [], f"static page, JS {'on' if js else 'off'}"
            if js:
                go_live(page)
                assert page.locator(f"{FIGURE} .mw-chart__controls input[type=range]").count() == 1
                assert exposed(page) == [], "live chart before the guess"
                # the check button waits for a guess: pressed before one, it shows nothing
                check = page.locator(f"{FIGURE} .mw-guess__button").nth(0)
                assert check.is_disabled()
                check.click(force=True)
                drawn(page, "mobile_share")
                assert signal_now(page, "mobile_share", "reveal") is False and exposed(page) == []
            assert errors == []
        finally:
            ctx.close()


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("width", WIDTHS)
def test_a_guess_by_keyboard_shows_and_says_the_answer(browser, real_site, lang, width):
    server, _ = real_site
    ed = editions.edition(lang)
    ctx, page, errors = open_guess(browser, server, lang, width)
    try:
        go_live(page)
        figure = page.locator(FIGURE)
        hidden = figure.evaluate(POINTS)
        slider = figure.locator(".mw-chart__controls input[type=range]")
        start = int(slider.input_value())
        slider.focus()
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Tab")  # the next stop is "Check my guess", now there is a guess
        assert page.evaluate("document.activeElement.textContent") == ed.say("guess_check")
        page.keyboard.press("Enter")
        drawn(page, "mobile_share")
        guess = f"{start + 5}%"
        assert verdict(page) == ed.say("guess_said", guess=guess, answer=verdict_answer(page))
        assert answer_words(lang) in verdict(page) and guess in verdict(page)
        assert figure.evaluate(POINTS) > hidden, "the years after the article are drawn"
        assert answer_words(lang) in figure.locator(".mw-chart__live svg").text_content()
        # the chart's description now states the answer (for screen readers too), and focus is not lost
        assert answer_words(lang) in " ".join(exposed(page)) and answer_words(lang) in described(page)
        assert page.evaluate("document.activeElement.classList.contains('mw-guess__told')")
        assert errors == []
    finally:
        ctx.close()


def verdict_answer(page) -> str:
    """The answer in the chart's own words ('73% in Q1 2016'), from the live spec the page fetched."""
    return page.evaluate(
        """(sel) => { const f = document.querySelector(sel);
           const phone = matchMedia('(max-width: 600px)').matches;
           const url = f.dataset.specNarrow && phone ? f.dataset.specNarrow : f.dataset.spec;
           return fetch(url).then(r => r.json()).then(s => s.usermeta.answer.text); }""",
        FIGURE,
    )


@pytest.mark.parametrize("lang", EDITIONS)
def test_a_guess_by_tap_on_a_phone_shows_and_says_the_answer(browser, real_site, lang):
    server, _ = real_site
    ed = editions.edition(lang)
    ctx, page, errors = open_guess(browser, server, lang, 375, touch=True)
    try:
        go_live(page)
        figure = page.locator(FIGURE)
        slider = figure.locator(".mw-chart__controls input[type=range]")
        slider.scroll_into_view_if_needed()
        box = slider.bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] * 0.75, box["y"] + box["height"] / 2)
        drawn(page, "mobile_share")
        guess = int(slider.input_value())
        assert guess != 10 and signal_now(page, "mobile_share", "guess") == guess, "the tap set a guess"
        check = figure.locator(".mw-guess__button").nth(0)
        size = check.bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24
        check.tap()
        drawn(page, "mobile_share")
        assert verdict(page) == ed.say("guess_said", guess=f"{guess}%", answer=verdict_answer(page))
        assert signal_now(page, "mobile_share", "reveal") is True
        assert errors == []
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("width", WIDTHS)
def test_just_show_me_shows_and_says_the_answer_without_a_guess(browser, real_site, lang, width):
    server, _ = real_site
    ed = editions.edition(lang)
    ctx, page, errors = open_guess(browser, server, lang, width)
    try:
        go_live(page)
        figure = page.locator(FIGURE)
        show = figure.locator(".mw-guess__button").nth(1)
        assert show.text_content() == ed.say("guess_show")
        assert page.evaluate("el => el.tagName", show.element_handle()) == "BUTTON"
        size = show.bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24
        show.focus()
        page.keyboard.press("Enter")
        drawn(page, "mobile_share")
        assert verdict(page) == ed.say("guess_shown", answer=verdict_answer(page))
        assert answer_words(lang) in figure.locator(".mw-chart__live svg").text_content()
        assert errors == []
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("width", WIDTHS)
def test_without_javascript_the_drawer_shows_what_happened(browser, real_site, lang, width):
    server, _ = real_site
    ctx, page, _ = open_guess(browser, server, lang, width, js=False)
    try:
        figure = page.locator(FIGURE)
        summary = figure.locator(".mw-chart__drawer > summary")
        answer = figure.locator(".mw-chart__answer")
        assert not answer.is_visible()
        summary.focus()
        page.keyboard.press("Enter")  # a disclosure, by keyboard
        assert answer.is_visible()
        shown = [s for s in answer.locator("svg").all() if s.is_visible()]
        assert len(shown) == 1, "one drawing, the one for this screen width"
        box = shown[0].bounding_box()
        assert box["width"] > 300 and box["height"] > 200
        assert answer_words(lang) in shown[0].text_content()
        assert answer_words(lang) in figure.locator(".mw-chart__drawer").inner_text()
    finally:
        ctx.close()


def bets_values(lang: str) -> set[float]:
    """The percentages the verdicts of the bets weighed on the guess's page state (the mobile bet's 62 %)."""
    from tests.browser.test_bets import BETS, CHAPTER_PAGE
    from tests.test_prose_rules import PERCENT

    rows = [r for r in BETS.in_language(lang).rows if CHAPTER_PAGE[r["chapter"]] == PAGE]
    labels = BETS.in_language(lang).meta.columns["evidence"].value_labels or {}
    return {float(m[1]) for r in rows for m in PERCENT.finditer(labels.get(r["evidence"], r["evidence"]))}


@pytest.mark.parametrize("lang", EDITIONS)
def test_before_the_guess_no_bet_card_on_the_page_gives_a_value_away(browser, real_site, lang):
    """The bet cards of the guess's page count too: their verdicts wait in closed disclosures (the reader's
    "just show me"); the check fails once a verdict is opened."""
    server, _ = real_site
    values = bets_values(lang)
    assert values, "the page's bets state no value: the check would have nothing to find"
    hidden = hidden_values() | values
    for js in (False, True):
        ctx, page, _ = open_guess(browser, server, lang, 375, js=js)
        try:
            assert page.locator(".mw-bet").count() >= 1
            assert exposed(page, hidden) == [], f"JS {'on' if js else 'off'}"
            page.evaluate("document.querySelectorAll('.mw-bet details').forEach(d => d.open = true)")
            assert exposed(page, hidden), "an opened verdict gives its value: the check sees it"
        finally:
            ctx.close()
