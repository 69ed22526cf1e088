"""The two editions in Debian Chromium: Chinese search finds words inside sentences; the language switch
keeps the reader's place."""

from __future__ import annotations

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
