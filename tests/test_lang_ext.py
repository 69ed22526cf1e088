"""Language of parts: runs of Chinese and Japanese in English pages carry their own `lang`."""

from __future__ import annotations

import markdown

from build_pages.lang_ext import tag_language_of_parts


def test_markup_and_skipped_elements_are_left_alone():
    html = (
        '<a title="微信" href="#微信">x</a><svg><text>微信</text></svg><code>微信</code>'
        '<pre><b>微信</b></pre><p lang="zh-Hant">微信 <em>支付</em></p><!-- 微信 -->'
    )
    assert tag_language_of_parts(html) == html


def test_an_unclosed_element_does_not_leave_a_skip_open():
    out = tag_language_of_parts("<ul><li><code>微信</code><li>微信</ul><p>淘宝</p>")
    assert out == (
        '<ul><li><code>微信</code><li><span lang="zh-Hans">微信</span></ul><p><span lang="zh-Hans">淘宝</span></p>'
    )


def test_runs_are_wrapped_with_their_language():
    out = tag_language_of_parts("<p>WeChat (微信) and 微信 pay; 13兆1千億元; アリババグループ 2016年度業績</p>")
    assert out == (
        '<p>WeChat (<span lang="zh-Hans">微信</span>) and <span lang="zh-Hans">微信</span> pay; '
        '13<span lang="zh-Hans">兆1千億元</span>; <span lang="ja">アリババグループ 2016年度業績</span></p>'
    )
    assert tag_language_of_parts("<p>天猫</p>", han="zh-CN") == '<p><span lang="zh-CN">天猫</span></p>'


def test_the_extension_covers_tables_and_raw_html_in_markdown():
    md = markdown.Markdown(extensions=["tables", "md_in_html", "build_pages.lang_ext"])
    out = md.convert("| a | b |\n|---|---|\n| day cat | 天猫 |\n\n<div markdown>Taobao 淘宝</div>\n")
    assert '<td><span lang="zh-Hans">天猫</span></td>' in out
    assert 'Taobao <span lang="zh-Hans">淘宝</span>' in out


def test_on_a_chinese_page_english_phrases_and_japanese_runs_are_marked_but_not_lone_names():
    html = (
        '<p>英文译本作 “Who will defeat us?”，eBay 与 B2B。<a href="a b">China Daily</a>：アリババ；'
        "由China Knowledge发布</p>"
    )
    out = tag_language_of_parts(html, page="zh-Hans")
    assert '“<span lang="en">Who will defeat us?</span>”' in out
    assert '<a href="a b"><span lang="en">China Daily</span></a>' in out  # attributes untouched
    assert '<span lang="ja">アリババ</span>' in out
    assert "eBay 与 B2B" in out  # a name alone is read in the page's voice
    assert '由<span lang="en">China Knowledge</span>发布' in out  # the Chinese around it stays Chinese
