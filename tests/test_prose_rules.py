"""Two rules for the chapters' prose that the page checks before a build do not cover.

Guess first: a chart that asks the reader to guess keeps the years after the article back until the guess;
the page around it (prose and boxes, in either edition) must not state those values either. And the language
switch carries the reader's anchor across, so every heading id of an English page is a heading id of its
Chinese counterpart.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from build_charts.charts import mobile_share
from tests.sites import ROOT, build_editions, page_urls

PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
CHART_LINE = re.compile(r"^\s*\[\[chart \w+\]\]\s*$", re.M)
HEADING_ID = re.compile(r'<h[1-6] id="([^"]+)"')


def hidden_values() -> set[float]:
    """The values the live mobile_share chart keeps back until the reader has guessed (its own boundary)."""
    with (ROOT / "data" / "mobile_share.csv").open(encoding="utf-8") as f:
        return {float(r["value_pct"]) for r in csv.DictReader(f) if r["period_end"] >= mobile_share.AFTER}


def answers_given(text: str, hidden: set[float]) -> list[str]:
    """Every percentage in the text (chart lines aside) that is one of the hidden values."""
    return [m[0] for m in PERCENT.finditer(CHART_LINE.sub("", text)) if float(m[1]) in hidden]


def test_the_check_finds_a_hidden_value_and_passes_one_the_chart_shows_before_the_guess():
    hidden = hidden_values()
    late, shown = max(hidden), 0.0  # 0 % is no value of the series: a share the chart never hides
    assert hidden, "the chart hides no row: the boundary or the data changed"
    assert answers_given(f"It reached {late:g}% a year later.", hidden) == [f"{late:g}%"]
    assert answers_given(f"一年后达到{late:g}%。", hidden) == [f"{late:g}%"]
    assert answers_given(f"It was {shown:g}% then.\n\n[[chart mobile_share]]\n", hidden) == []


@pytest.mark.parametrize("docs", ["docs", "docs-zh"])
def test_the_page_of_a_guess_chart_keeps_the_answer_back(docs):
    pages = [p for p in sorted((ROOT / docs).glob("*.md")) if "[[chart mobile_share]]" in p.read_text("utf-8")]
    assert pages, f"no page of {docs}/ shows mobile_share"
    hidden = hidden_values()
    given = {p.name: answers_given(p.read_text(encoding="utf-8"), hidden) for p in pages}
    assert given == {p.name: [] for p in pages}, "the chart shows these only after the reader's guess"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_editions(tmp_path_factory.mktemp("prose") / "site")


def test_the_id_check_finds_a_heading_the_chinese_page_lacks():
    english = '<h2 id="one-front-door-for-everybody">One front door</h2><h2 id="the-catch">The catch</h2>'
    chinese = '<h2 id="one-front-door-for-everybody">大门</h2><h2 id="意外在哪里">意外在哪里</h2>'
    assert set(HEADING_ID.findall(english)) - set(HEADING_ID.findall(chinese)) == {"the-catch"}


def test_every_english_heading_id_is_on_the_chinese_page(site):
    missing = {}
    for url in (u for u in page_urls(site) if not u.startswith("zh/")):
        english = HEADING_ID.findall((site / url / "index.html").read_text(encoding="utf-8"))
        chinese = HEADING_ID.findall((site / "zh" / url / "index.html").read_text(encoding="utf-8"))
        if set(english) - set(chinese):
            missing[url] = sorted(set(english) - set(chinese))
    assert missing == {}
