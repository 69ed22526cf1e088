"""The two editions (English at the root, Chinese under zh/): the same pages and figures, linked both ways.

Both are built once, as `make build` builds them, and read as files (the browser tests walk both too).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from build_charts.words import latin_words
from tests.sites import ROOT, build_editions, page_urls

HAN = re.compile("[\u4e00-\u9fff]")
SITE_URL = "https://example.org/model-wars/"
FIGURE_ID = re.compile(r'<figure class="mw-chart" id="([^"]+)"')
SWITCH = re.compile(r'<a class="md-header__button mw-lang" href="([^"]*)" hreflang="([^"]+)"')
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
SVG = re.compile(r"<svg\b.*?</svg>", re.S)
SVG_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_editions(tmp_path_factory.mktemp("editions") / "site", site_url=SITE_URL)


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def english_pages(site: Path) -> list[str]:
    return [u for u in page_urls(site) if not u.startswith("zh/")]


def test_every_english_page_has_a_chinese_one_and_back(site):
    english = english_pages(site)
    chinese = [u.removeprefix("zh/") for u in page_urls(site) if u.startswith("zh/")]
    assert len(english) >= 11
    assert sorted(english) == sorted(chinese)
    sources = {p.name for p in (ROOT / "docs").glob("*.md")}
    assert sources == {p.name for p in (ROOT / "docs-zh").glob("*.md")}, "docs/ and docs-zh/ hold the same file names"


def test_the_language_switch_leads_to_the_same_page_in_the_other_edition(site):
    for url in english_pages(site):
        for here, there, lang in ((url, "zh/" + url, "zh-Hans"), ("zh/" + url, url, "en")):
            switch = SWITCH.findall(html(site, here))
            assert len(switch) == 1, f"{here}: one language switch in the header"
            href, hreflang = switch[0]
            assert hreflang == lang
            target = Path(urljoin(f"/{here}", href).lstrip("/")) / "index.html"
            assert (site / target).exists(), f"{here}: the switch points at {href}, which is not a page"
            assert target.parent == Path(there), f"{here}: the switch leads to {target.parent}, not the same page"


def test_counterpart_pages_show_the_same_figures_in_the_same_order(site):
    shown = 0
    for url in english_pages(site):
        en, zh = FIGURE_ID.findall(html(site, url)), FIGURE_ID.findall(html(site, "zh/" + url))
        assert en == zh, f"{url}: figures differ between the editions"
        shown += len(en)
    assert shown >= 15  # chapter 2 no longer draws the eras twice or taobao_gmv


def test_each_page_says_its_language_and_names_its_counterparts_in_the_head_and_the_sitemap(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    entries = dict(re.findall(r"<url><loc>([^<]+)</loc>(.*?)</url>", sitemap))
    for url in english_pages(site):
        for edition, lang in ((url, "en"), ("zh/" + url, "zh-Hans")):
            page = html(site, edition)
            assert f'<html lang="{lang}"' in page
            both = {"en": SITE_URL + url, "zh-Hans": SITE_URL + "zh/" + url}
            head = page[: page.index("</head>")]
            assert dict(ALTERNATE.findall(head)) == both, edition  # this page in each edition, not the home pages
            assert len(ALTERNATE.findall(page)) == 2, edition
            alternates = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entries[SITE_URL + edition]))
            assert alternates == both, edition


def test_the_sitemap_lists_both_editions(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    for url in english_pages(site):
        assert {SITE_URL + url, SITE_URL + "zh/" + url} <= locs
    assert f"Sitemap: {SITE_URL}sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")


def test_chinese_charts_speak_chinese_and_count_in_wan_and_yi(site):
    units = 0
    for url in page_urls(site / "zh"):
        page = html(site / "zh", url)
        for figure in re.findall(r'<figure class="mw-chart".*?</figure>', page, re.S):
            cid = re.search(r'data-chart="(\w+)"', figure)[1]
            for svg in SVG.findall(figure):
                text = re.sub(r"<[^>]+>", " ", " ".join(SVG_TEXT.findall(svg)))
                assert HAN.search(text), f"{url} {cid}: no Chinese in the drawing"
                english = latin_words(text)
                assert not english, f"{url} {cid}: English words in the Chinese drawing: {sorted(english)}"
                units += "亿" in text or "万" in text
            desc = re.search(r'class="mw-chart__desc"[^>]*>(.*?)</p>', figure, re.S)[1]
            assert HAN.search(desc), f"{url} {cid}: the description (the figure's accessible text) is not Chinese"
    assert units, "no Chinese chart shows 亿 or 万"


def test_the_chinese_sources_page_and_captions_are_in_chinese(site):
    page = html(site / "zh", "10-sources/")
    assert "个数据集" in page and "Background data" not in page and "Accessed" not in page
    chapter = html(site / "zh", "02-alibaba-beats-itself/")
    assert "说明、数据与下载" in chapter and "Details, data, downloads" not in chapter
    assert "第2章，共7章" in chapter


class ReaderText(HTMLParser):
    """What a reader of a page meets, as (where, text) pairs: the text shown and the `aria-label`, `title` and
    `alt` attributes, outside scripts and styles and outside any element in another language (a source's title,
    kept as published, is marked `lang="en"`)."""

    SKIP = {"script", "style", "template", "pre", "code"}  # code, and the citation's BibTeX record, are not prose
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, whether its text is the page's own language)
        self.found: list[tuple[str, str]] = []

    def chinese_here(self) -> bool:
        return not self.stack or self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        own = (lang.startswith("zh") if lang is not None else self.chinese_here()) and tag not in self.SKIP
        if own:
            for name in ("aria-label", "title", "alt"):
                if attrs.get(name):
                    self.found.append((f"<{tag} {name}>", attrs[name]))
        if tag not in self.VOID:
            self.stack.append((tag, own))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):  # HTML lets some end tags be left out: close up to this one
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.chinese_here() and data.strip():
            self.found.append((self.stack[-1][0] if self.stack else "", data))


def reader_text(page: str) -> list[tuple[str, str]]:
    parser = ReaderText()
    parser.feed(page)
    return parser.found


CJK = "\u3400-\u4dbf\u4e00-\u9fff"
# ASCII punctuation inside Chinese text, where Chinese takes the full-width mark (：，（）；？！)
ASCII_PUNCT = re.compile(f"[{CJK}][:,();?!](?=[{CJK}\\s])|[{CJK}\\s][:,();?!](?=[{CJK}])")
# being rewritten on branch zhedit2/tips: Chinese chapters 3 to 7 and the charts' tooltips, left to that branch
# (today nothing there fails this check)
PENDING: set[tuple[str, str]] = set()


def test_reader_text_finds_latin_words_and_ascii_punctuation_and_skips_other_languages():
    page = (
        '<html lang="zh-Hans"><body><p title="Tooltip">来源: 新华社 <span lang="en">Annual Report</span></p>'
        '<img alt="chart"><script>var x = "English";</script><p lang="en">All English <b>here</b></p>'
        "<p>B2B、eBay和GMV（2013年）</p></body></html>"
    )
    found = reader_text(page)
    words = set().union(*(latin_words(t) for _, t in found))
    assert words == {"Tooltip", "chart"}
    assert [t for _, t in found if ASCII_PUNCT.search(t)] == ["来源: 新华社 "]


def test_the_chinese_pages_show_no_latin_words_but_the_allowed_ones_and_chinese_punctuation(site):
    problems = []
    for url in page_urls(site / "zh"):
        for where, text in reader_text(html(site / "zh", url)):
            bad = sorted(latin_words(text)) + ASCII_PUNCT.findall(text)
            if bad and (url, where) not in PENDING:
                problems.append(f"zh/{url} {where}: {' '.join(bad)} in {' '.join(text.split())[:90]!r}")
    assert not problems, f"{len(problems)} strings on the Chinese pages:\n" + "\n".join(problems)


SEPARATOR = re.compile(r"[\s\u200b\-_,:!=\[\]()\"`/]+|\.(?!\d)")


def test_the_chinese_search_index_finds_the_chapters_that_discuss_a_name(site):
    index = json.loads((site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    for word, chapters in {
        "淘宝": {"02-alibaba-beats-itself/", "04-taobao-traffic-problem/"},
        "微信": {"05-wechat-grabs-the-position/", "06-social-commerce-experiment/"},
        "天猫": {"02-alibaba-beats-itself/"},
    }.items():
        found = {
            doc["location"].split("#")[0]
            for doc in index["docs"]
            if word in SEPARATOR.split(doc["title"] + "\u200b" + doc["text"])
        }
        assert chapters <= found, f"searching {word} finds {sorted(found)}"


def test_the_chinese_404_page_is_chinese(site):
    page = (site / "zh" / "404.html").read_text(encoding="utf-8")
    assert "找不到这个页面" in page and '<html lang="zh-Hans"' in page


def test_the_scripts_hold_no_edition_words_and_read_them_from_the_page(site):
    scripts = ROOT / "overrides" / "assets" / "javascripts"
    for name in ("charts.js", "charts-live.js"):
        js = (scripts / name).read_text(encoding="utf-8")
        assert not re.search(r"[\u4e00-\u9fff]", js), f"{name}: Chinese words belong in build_pages/editions.py"
        assert "documentElement.lang" not in js, f"{name}: the words come from the page, not a language test"
        assert 'getElementById("mw-words")' in js, name
    for prefix, han in (("", False), ("zh/", True)):
        page = (site / prefix / "04-taobao-traffic-problem" / "index.html").read_text(encoding="utf-8")
        words = json.loads(re.search(r'<script type="application/json" id="mw-words">(.*?)</script>', page)[1])
        assert bool(re.search(r"[\u4e00-\u9fff]", words["keys"])) is han and "Home" in words["keys"]


def test_the_chinese_downloads_name_each_source_in_chinese_beside_the_original(site):
    checked = 0
    for url in page_urls(site / "zh"):
        for href in re.findall(r'href="([^"]+\.json)" download=', html(site / "zh", url)):
            chinese = json.loads((site / "zh" / url / href).read_text(encoding="utf-8"))
            english_href = href.replace(".zh.json", ".json")
            assert english_href != href, f"zh/{url}: the Chinese page links the English download {href}"
            english = json.loads((site / url / english_href).read_text(encoding="utf-8"))
            assert len(chinese) == len(english), href
            for zh_row, en_row in zip(chinese, english, strict=True):
                assert HAN.search(zh_row["source_producer_zh"]), f"{href}: {zh_row['source_producer_zh']!r}"
                # the original producer, title and URL stay as published, and the rows' data are the same
                assert {k: v for k, v in zh_row.items() if k != "source_producer_zh"} == en_row, href
                checked += 1
    assert checked > 100
