"""The article's bets in Chromium, both editions: marked by keyboard and by tap, kept across a reload in this
browser only (every request recorded: none carries a mark), still working where storage is refused, read
without JavaScript as a list with each verdict in a disclosure (on the epilogue's scorecard a badge and a short
sentence, the longer verdict behind the disclosure), and a verdict hidden on the home page but
shown where its chapter weighs it. Targets and text are measured as rendered."""

from __future__ import annotations

import pytest

from build_charts.data import load_dataset
from tests.browser.conftest import CHROMIUM  # noqa: F401  (the session's browser is the Debian one)
from tests.sites import ROOT

pytestmark = pytest.mark.browser

BETS = load_dataset(ROOT / "data" / "bets.csv")
PREFIXES = ["", "zh/"]
CHAPTER_PAGE = {r["chapter"]: p.stem + "/" for r in BETS.rows for p in (ROOT / "docs").glob(f"{r['chapter']:02d}-*.md")}


def evidence(prefix: str, bid: str) -> str:
    """A bet's evidence sentence in the edition's words (the data's, never typed here)."""
    ds = BETS.in_language("zh" if prefix else "en")
    row = next(r for r in ds.rows if r["id"] == bid)
    return (ds.meta.columns["evidence"].value_labels or {}).get(row["evidence"], row["evidence"])


def said_in(prefix: str, row: dict, column: str) -> str:
    """A bet's cell (verdict, gist) in the edition's words."""
    labels = BETS.in_language("zh" if prefix else "en").meta.columns[column].value_labels or {}
    return labels.get(row[column], row[column])


def new_page(browser, url: str, width: int = 375, js: bool = True, touch: bool = False, context=None):
    """A page in a fresh context (or `context`), every request it makes recorded (URL, method, body)."""
    ctx = context or browser.new_context(
        viewport={"width": width, "height": 812}, java_script_enabled=js, has_touch=touch
    )
    page = ctx.new_page()
    page.requests = []
    page.errors = []
    page.on("request", lambda r: page.requests.append((r.url, r.method, r.post_data or "")))
    page.on("pageerror", lambda e: page.errors.append(f"{e.message} {e.stack or ''}"))
    page.goto(url)
    return ctx, page


def pressed(page, bid: str) -> list[str]:
    """The marks shown on every card of one bet on the page, as their data-mark values."""
    return page.eval_on_selector_all(
        f'.mw-bet[data-bet="{bid}"] .mw-bet-mark button[aria-pressed="true"]', "bs => bs.map(b => b.dataset.mark)"
    )


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_mark_by_keyboard_and_by_tap_stays_in_this_browser_and_goes_nowhere(real_site, browser, prefix):
    server, _ = real_site
    ctx, page = new_page(browser, server.url + prefix, touch=True)
    assert pressed(page, "mobile") == [] and pressed(page, "c2b") == []
    # by keyboard: Tab from the button before reaches the next one, Enter presses it, Space too
    page.locator('.mw-bet[data-bet="mobile"] .mw-bet-yes').focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.mark") == "no"
    page.keyboard.press("Enter")
    assert pressed(page, "mobile") == ["no"]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert pressed(page, "mobile") == ["yes"], "one mark a bet: the other button lets go"
    # by tap
    page.locator('.mw-bet[data-bet="c2b"] .mw-bet-no').tap()
    assert pressed(page, "c2b") == ["no"]
    page.reload()
    assert pressed(page, "mobile") == ["yes"] and pressed(page, "c2b") == ["no"], "the marks survive a reload"
    # the chapter that weighs a bet shows the same mark
    page.goto(server.url + prefix + CHAPTER_PAGE[5])
    assert pressed(page, "mobile") == ["yes"]
    # pressing a pressed mark again takes it back
    page.locator('.mw-bet[data-bet="mobile"] .mw-bet-yes').click()
    assert pressed(page, "mobile") == []
    assert page.requests, "the recorder saw the page's own requests"
    for url, method, body in page.requests:
        assert url.startswith(server.url) and method == "GET", (url, method)
        assert "mw-bet" not in url + body and "c2b" not in url.split("/")[-1], url
    assert not ctx.cookies(), "no cookie carries a mark"
    assert not page.errors, page.errors
    ctx.close()


@pytest.mark.parametrize("prefix", PREFIXES)
def test_marking_works_where_storage_is_refused(real_site, browser, prefix):
    server, _ = real_site
    ctx = browser.new_context(viewport={"width": 375, "height": 812})
    # a browser that refuses storage (blocked cookies, some private modes) throws on any use of it
    ctx.add_init_script(
        "Object.defineProperty(window, 'localStorage',"
        " {get() { throw new DOMException('refused', 'SecurityError'); }});"
    )
    ctx, page = new_page(browser, server.url + prefix, context=ctx)
    page.locator('.mw-bet[data-bet="neither_side"] .mw-bet-yes').click()
    assert pressed(page, "neither_side") == ["yes"]
    assert page.errors, "the refusal is seen (by the theme's own scripts, which read storage too)"
    ours = [e for e in page.errors if "bets.js" in e]
    assert not ours, ours
    page.reload()
    assert pressed(page, "neither_side") == [], "nothing was kept, and nothing broke"
    ctx.close()


@pytest.mark.parametrize("prefix", PREFIXES)
def test_without_javascript_the_cards_read_as_a_list_and_each_verdict_waits_in_a_disclosure(real_site, browser, prefix):
    server, _ = real_site
    ctx, home = new_page(browser, server.url + prefix, js=False)
    cards = home.locator("ol.mw-bets > li.mw-bet")
    assert cards.count() == len(BETS.rows)
    assert home.locator(".mw-bet-mark button").count() == 2 * len(BETS.rows)
    assert home.locator(".mw-bet-mark button:visible").count() == 0, "buttons that would do nothing are not shown"
    assert home.locator(".mw-bet-claim:visible").count() == len(BETS.rows)
    for row in BETS.rows:
        assert evidence(prefix, row["id"]) not in home.inner_text("body"), f"{row['id']}: the home page tells"
    ctx.close()
    for no in sorted({r["chapter"] for r in BETS.rows}):
        ctx, page = new_page(browser, server.url + prefix + CHAPTER_PAGE[no], js=False)
        for row in (r for r in BETS.rows if r["chapter"] == no):
            card = page.locator(f"#bet-{row['id']}")
            said = evidence(prefix, row["id"])
            assert said not in page.inner_text("body"), f"{row['id']}: shown before the reader asks"
            card.locator("summary").focus()
            page.keyboard.press("Enter")  # a disclosure opens by keyboard, no script needed
            assert said in card.inner_text(), row["id"]
        ctx.close()
    ctx, epilogue = new_page(browser, server.url + prefix + "07-epilogue/", js=False)
    for row in BETS.rows:  # the scorecard shows every verdict in short, and the longer one a tap away
        card = epilogue.locator(f'ol.mw-bets[data-mode="scored"] .mw-bet[data-bet="{row["id"]}"]')
        assert (
            said_in(prefix, row, "verdict") in card.inner_text() and said_in(prefix, row, "gist") in card.inner_text()
        )
        assert evidence(prefix, row["id"]) not in card.inner_text(), f"{row['id']}: the longer verdict is one tap away"
        card.locator("summary").focus()
        epilogue.keyboard.press("Enter")
        assert evidence(prefix, row["id"]) in card.inner_text(), row["id"]
    ctx.close()


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("width", [375, 1280])
def test_the_cards_targets_and_text_are_large_enough(real_site, browser, prefix, width):
    server, _ = real_site
    for url in ("", "07-epilogue/"):
        ctx, page = new_page(browser, server.url + prefix + url, width=width)
        sizes = page.eval_on_selector_all(
            ".mw-bet .mw-bet-mark button, .mw-bet summary, .mw-bet-where a",
            "els => els.filter(e => e.offsetParent).map(e => e.getBoundingClientRect()).map(r => [r.width, r.height])",
        )
        assert sizes and all(w >= 24 and h >= 24 for w, h in sizes), sizes
        small = page.eval_on_selector_all(
            ".mw-bet *",
            "els => els.filter(e => e.offsetParent"
            " && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))"
            ".map(e => parseFloat(getComputedStyle(e).fontSize)).filter(px => px < 12)",
        )
        assert not small, small
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "page scrolls sideways"
        ctx.close()


@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_epilogue_shares_the_scored_set_as_a_1200_by_630_picture(real_site, prefix):
    import re
    import struct

    server, site = real_site
    html = (site / prefix / "07-epilogue" / "index.html").read_text(encoding="utf-8")
    image = re.search(r'<meta property="og:image" content="([^"]+)"', html)[1]
    assert image.startswith(server.url) and ".share.png" in image and "/bets." in image, image
    png = (site / image.removeprefix(server.url)).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1200, 630)
    home = (site / prefix / "index.html").read_text(encoding="utf-8")
    assert "/bets." not in re.search(r'<meta property="og:image" content="([^"]+)"', home)[1], "only the scorecard's"
