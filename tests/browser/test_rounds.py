"""Chapter 2's four rounds: one picture that stays whole in the window at every round, reached by scrolling
and by its buttons, by keyboard too; a choice reveals what Alibaba did; without script or with reduced
motion, a sequence of the rounds and their figures. Both editions, phone, tablet and desktop."""

from __future__ import annotations

import pytest

from tests.browser.conftest import settled

pytestmark = pytest.mark.browser

CHAPTER = "02-alibaba-beats-itself/"
SIZES = [(375, 812), (768, 1024), (1280, 900)]
EDITIONS = ["", "zh/"]

# where the stage is, whether its content fits inside it, and where the shown round's figure is
STAGE = """() => {
  const w = document.querySelector('.mw-rounds'), s = w.querySelector('.mw-rounds__stage');
  const r = s.getBoundingClientRect();
  const shown = [...w.querySelectorAll('section.mw-round')].filter(x => !x.hidden);
  const fig = shown.length ? shown[0].querySelector('figure.mw-chart') : null;
  const f = fig && fig.getBoundingClientRect();
  return {round: w.dataset.round, shown: shown.map(x => x.dataset.round), top: r.top, bottom: r.bottom,
          overflow: s.scrollHeight - s.clientHeight, h: innerHeight,
          fig: f && f.height ? [f.top, f.bottom] : null};
}"""

AT = "rid => document.querySelector('.mw-rounds').dataset.round === rid"  # a function: the page's CSP has no eval


@pytest.fixture
def chapter(real_site, browser):
    """`chapter(prefix, width, height, **context options)`: chapter 2 in a fresh context."""
    server, _ = real_site
    contexts = []

    def opener(prefix="", width=1280, height=900, **options):
        ctx = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(ctx)
        page = ctx.new_page()
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.goto(server.url + prefix + CHAPTER)
        return page

    yield opener
    for ctx in contexts:
        ctx.close()


def round_ids(page) -> list[str]:
    return page.eval_on_selector_all("section.mw-round", "s => s.map(x => x.dataset.round)")


def reveal(page) -> None:
    """Pick the shown round's first choice (so its answer and figure are on the stage)."""
    page.locator("section.mw-round:not([hidden]) .mw-round__choice").first.click()


def assert_whole(seen: dict, where: str) -> None:
    assert seen["top"] >= 0 and seen["bottom"] <= seen["h"] + 0.5, f"{where}: the stage leaves the window: {seen}"
    assert seen["overflow"] <= 1, f"{where}: the round does not fit its stage ({seen['overflow']} px more): {seen}"
    if seen["fig"]:
        assert seen["fig"][0] >= 0 and seen["fig"][1] <= seen["h"] + 0.5, f"{where}: the figure is cut: {seen}"


@pytest.mark.parametrize("prefix", EDITIONS, ids=["en", "zh"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_picture_stays_whole_at_every_round_by_scroll_and_by_buttons(chapter, prefix, size):
    page = chapter(prefix, *size)
    ids = round_ids(page)
    assert ids == ["b2b", "c2c", "b2c", "c2b"]
    # by scrolling: the block's own scroll length per round, read from the page, not assumed
    start, step = page.evaluate(
        "() => { const w = document.querySelector('.mw-rounds'), s = w.querySelector('.mw-rounds__stage');"
        " const top = w.getBoundingClientRect().top + scrollY - parseFloat(getComputedStyle(s).top);"
        " return [top, (w.offsetHeight - s.offsetHeight) / w.querySelectorAll('section.mw-round').length]; }"
    )
    for i, rid in enumerate(ids):
        page.evaluate(f"window.scrollTo(0, {start + i * step + step / 4})")
        page.wait_for_function(AT, arg=rid, timeout=3000)
        reveal(page)
        seen = page.evaluate(STAGE)
        assert seen["shown"] == [rid], seen
        assert_whole(seen, f"{prefix}{size} scroll {rid}")
    # by the buttons, from the first round: each press moves one round and the picture stays whole
    page.evaluate(f"window.scrollTo(0, {start})")
    page.wait_for_function(AT, arg="b2b", timeout=3000)
    for rid in ids[1:]:
        page.locator(".mw-rounds__next").click()
        seen = page.evaluate(STAGE)
        assert seen["round"] == rid and seen["shown"] == [rid], seen
        assert_whole(seen, f"{prefix}{size} button {rid}")
    assert page.locator(".mw-rounds__next").is_disabled()
    page.locator(".mw-rounds__prev").click()
    assert page.evaluate(STAGE)["round"] == ids[-2]
    assert page.errors == []


@pytest.mark.parametrize("prefix", EDITIONS, ids=["en", "zh"])
def test_the_rounds_step_by_keyboard(chapter, prefix):
    page = chapter(prefix, 375, 812)
    page.locator(".mw-rounds__next").focus()
    page.keyboard.press("Enter")
    assert page.evaluate(STAGE)["round"] == "c2c"
    page.keyboard.press("Space")
    assert page.evaluate(STAGE)["round"] == "b2c"
    # the reader's choice by keyboard: tab into the choices, press one
    page.locator("section.mw-round:not([hidden]) .mw-round__choice").first.focus()
    page.keyboard.press("Enter")
    assert page.locator("section.mw-round:not([hidden]) figure.mw-chart").is_visible()
    status = page.locator(".mw-rounds__status").inner_text()
    assert "3" in status and "4" in status, status


@pytest.mark.parametrize("prefix", EDITIONS, ids=["en", "zh"])
def test_a_choice_reveals_what_alibaba_did(chapter, prefix):
    page = chapter(prefix, 1280, 900)
    page.locator(".mw-rounds__next").click()
    shown = page.locator("section.mw-round:not([hidden])")
    figure = shown.locator("figure.mw-chart")
    assert not figure.is_visible(), "the answer shows before any choice"
    assert not shown.locator(".mw-round__move").is_visible()
    STORED = "JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])"
    stored = page.evaluate(STORED)
    choice = shown.locator(".mw-round__choice").nth(1)
    text = choice.inner_text()
    box = choice.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box
    choice.click()
    assert figure.is_visible()
    assert text in shown.locator(".mw-round__move").inner_text()
    assert not shown.locator(".mw-round__choices").is_visible()
    # the choice is kept by the page only: nothing written to the reader's storage by choosing
    assert page.evaluate(STORED) == stored
    assert text not in stored


def assert_a_sequence(page) -> None:
    assert page.locator(".mw-rounds__stage").count() == 0
    tops = []
    for sec in page.locator("section.mw-round").all():
        assert sec.is_visible()
        assert sec.locator("ul li").first.is_visible()  # the choices, as a list
        tops.append(sec.bounding_box()["y"])
    assert tops == sorted(tops) and len(tops) == 4
    figures = page.locator("section.mw-round figure.mw-chart")
    assert figures.count() == 2
    for f in figures.all():
        f.scroll_into_view_if_needed()
        assert f.is_visible() and f.locator("svg >> visible=true").count() >= 1  # the drawing for this width


@pytest.mark.parametrize("prefix", EDITIONS, ids=["en", "zh"])
def test_without_script_the_rounds_are_a_sequence_of_figures(chapter, prefix):
    assert_a_sequence(chapter(prefix, 375, 812, java_script_enabled=False))


@pytest.mark.parametrize("prefix", EDITIONS, ids=["en", "zh"])
def test_with_reduced_motion_the_rounds_are_a_sequence_of_figures(chapter, prefix):
    page = chapter(prefix, 1280, 900, reduced_motion="reduce")
    assert_a_sequence(page)
    assert page.errors == []


@pytest.mark.parametrize("prefix", EDITIONS, ids=["en", "zh"])
def test_a_link_into_a_round_opens_it(real_site, browser, prefix):
    server, _ = real_site
    ctx = browser.new_context(viewport={"width": 375, "height": 812})
    try:
        page = ctx.new_page()
        page.goto(server.url + prefix + CHAPTER + "#fig-b2c-share")
        page.wait_for_load_state("load")
        page.wait_for_function(AT, arg="b2c", timeout=3000)
        settled(page)  # the scroll work after the browser's jump to the fragment has run: the round stays put
        assert page.evaluate(STAGE)["round"] == "b2c"
        assert page.locator("#fig-b2c-share").is_visible()
        assert_whole(page.evaluate(STAGE), f"{prefix} link")
    finally:
        ctx.close()
