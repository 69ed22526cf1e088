"""The story's length (issue 24: an 889-word article had become about 6,600 words of chapter prose).

Chapter prose is counted from the pages' Markdown: words of text only, not page lines (charts, bets), links'
addresses, heading ids or attribute lists. The English chapters together stay within STORY_WORDS, no chapter
over CHAPTER_WORDS; the Chinese chapters within STORY_CHARS characters. And each chart is drawn once per
edition: a second drawing of the same chart is redundancy (a chart in states draws each state once).
"""

from __future__ import annotations

import re
from collections import Counter

from tests.sites import ROOT

STORY_WORDS = 3500  # English chapters 1-7 together (about 3,150 now): some fifteen minutes at 240 a minute
CHAPTER_WORDS = 700
STORY_CHARS = 6500  # Chinese chapters 1-7 together, in Chinese characters (about 5,400 now)

PAGE_LINE = re.compile(r"^\s*\[\[.*\]\]\s*$", re.M)  # [[chart x]], [[bets]], [[bet x]] ...
ATTRS = re.compile(r"\{[:#.][^}]*\}|^\s*\{[^}]*\}\s*$", re.M)  # {#id}, { data-eras="..." }
LINK_TARGET = re.compile(r"\]\([^)]*\)")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+\w+", re.M)  # the marker, not its quoted title
WORD = re.compile(r"[A-Za-z0-9]+(?:['’.,-][A-Za-z0-9]+)*")
CJK = re.compile(r"[\u4e00-\u9fff]")
CHART = re.compile(r"^\s*\[\[chart (\w+)\]\]\s*$", re.M)


def prose(markdown: str) -> str:
    for rule in (PAGE_LINE, ATTRS, LINK_TARGET, ADMONITION):
        markdown = rule.sub(" ", markdown)
    return markdown


def words(markdown: str) -> int:
    return len(WORD.findall(prose(markdown)))


def chapters(folder: str) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / folder).glob("0[1-7]-*.md"))}


def test_the_count_leaves_out_page_lines_addresses_and_ids():  # the rule first, on text whose count is known
    page = (
        "## Round one {#round-one}\n\n[[chart c2c_share]]\n\nTaobao's rival was [eBay](https://www.ebay.com/x-y) "
        'in 2003.\n\n!!! hindsight "After the article"\n    It grew.\n\n   { data-eras="b2b c2c" }\n'
    )
    # Round one / Taobao's rival was eBay in 2003 / After the article / It grew
    assert words(page) == 2 + 6 + 3 + 2
    assert words("[[bets]]\n\n[[bet mobile]]\n") == 0


def test_the_english_story_is_short():
    found = {name: words(text) for name, text in chapters("docs").items()}
    assert len(found) == 7, found
    assert sum(found.values()) <= STORY_WORDS, found
    assert max(found.values()) <= CHAPTER_WORDS, found


def test_the_chinese_story_is_short():
    found = {name: len(CJK.findall(prose(text))) for name, text in chapters("docs-zh").items()}
    assert len(found) == 7, found
    assert sum(found.values()) <= STORY_CHARS, found


def test_each_chart_is_drawn_once_per_edition():
    for folder in ("docs", "docs-zh"):
        used = Counter(cid for p in (ROOT / folder).glob("*.md") for cid in CHART.findall(p.read_text("utf-8")))
        assert used, folder
        assert [cid for cid, n in used.items() if n > 1] == [], folder
