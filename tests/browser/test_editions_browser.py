"""The two editions in Debian Chromium: Chinese search finds words inside sentences; the language switch
keeps the reader's place."""

from __future__ import annotations

import re

import pytest

CHAPTER = "02-alibaba-beats-itself/"


@pytest.mark.parametrize(
    ("word", "chapter"),
    [("淘宝", "04-taobao-traffic-problem/"), ("微信", "05-wechat-grabs-the-position/"), ("天猫", CHAPTER)],
)
def test_chinese_search_finds_a_name_inside_a_sentence(real_site, open_page, word, chapter):
    server, _ = real_site
    page, watch = open_page(server.url + "zh/", width=1280)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(word)  # as an input method commits a word
    box.press("End")  # the theme searches on the key events a reader's typing makes; fill alone makes none
    results = page.locator(".md-search-result__link")
    results.first.wait_for(timeout=10000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(chapter in h and "/zh/" in h for h in hrefs), hrefs
    assert watch.errors == []


def test_the_switch_keeps_the_anchor_and_the_chart_in_view(real_site, open_page):
    server, _ = real_site
    # the address names a chart: the other edition opens at the same chart
    page, _ = open_page(server.url + CHAPTER + "#fig-c2c-share", width=375)
    page.locator("a.mw-lang").click()
    page.wait_for_load_state()
    assert page.url == server.url + "zh/" + CHAPTER + "#fig-c2c-share"
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    # no anchor: the chart in view goes along, and the switch back lands on the English page there
    page.locator("#fig-c2c-share").scroll_into_view_if_needed()
    page.evaluate("history.replaceState(null, '', location.pathname)")
    page.locator("a.mw-lang").click()
    page.wait_for_load_state()
    assert page.url.startswith(server.url + CHAPTER + "#fig-")
    assert page.evaluate("document.documentElement.lang") == "en"


def test_without_javascript_the_switch_still_leads_to_the_same_page(real_site, open_page):
    server, _ = real_site
    page, _ = open_page(server.url + "zh/" + CHAPTER, width=375, js=False)
    page.locator("a.mw-lang").click()
    page.wait_for_load_state()
    assert page.url == server.url + CHAPTER


# every accessible label and role description in a live chart (Vega's own included), and whether a screen
# reader meets it (charts-live.js hides the live SVG: the view's box carries its name and description)
LABELS = """[...document.querySelectorAll('figure.mw-chart .mw-chart__view, figure.mw-chart .mw-chart__view *')]
  .flatMap(e => ['aria-label', 'aria-roledescription'].filter(a => e.hasAttribute(a))
  .map(a => [a, e.getAttribute(a), !e.closest('[aria-hidden=true]')]))"""
# what Vega writes on the live SVG's root and title groups whatever the spec says (it sets them again at each
# redraw): hidden from screen readers with the SVG, and allowed there only
VEGA_FIXED = re.compile(r"group mark container|title|subtitle|(Sub)?[Tt]itle text '[^']*'")


def test_the_live_charts_accessible_labels_are_chinese_on_chinese_pages(real_site, open_page):
    from build_charts.words import latin_words
    from tests.browser.conftest import chart_pages, hydrate_all

    server, site = real_site
    found = {}
    for url in chart_pages(site / "zh"):
        page, watch = open_page(server.url + "zh/" + url, width=1280)
        assert hydrate_all(page)
        labels = page.evaluate(LABELS)
        assert any(a == "aria-label" and heard for a, _, heard in labels), f"zh/{url}: no accessible name"
        for attr, value, heard in labels:
            for word in latin_words(value if heard else VEGA_FIXED.sub("", value)):
                found.setdefault(f"{attr}: {word}", f"zh/{url}: {value[:80]}")
        assert watch.errors == []
    assert not found, f"Latin words in the Chinese live charts' accessible labels: {found}"


def test_the_english_live_charts_keep_their_accessible_labels(real_site, open_page):
    from tests.browser.conftest import hydrate_all

    server, _ = real_site
    page, _ = open_page(server.url + CHAPTER, width=1280)
    assert hydrate_all(page)
    labels = [(a, v) for a, v, _ in page.evaluate(LABELS)]
    assert any(a == "aria-label" and v.startswith("X-axis") for a, v in labels), "Vega's axis labels stay in English"
    assert any(a == "aria-roledescription" and "mark" in v for a, v in labels), "and its marks' role descriptions"
    assert any(a == "aria-label" and "share" in v.lower() for a, v in labels), "and each mark's own label"
