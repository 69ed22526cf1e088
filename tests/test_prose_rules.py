"""Two rules for the chapters' prose that the page checks before a build do not cover.

Guess first: a chart that asks the reader to guess keeps the years after the article back until the guess;
the page around it (prose and boxes, in either edition) must not state those values either, nor the figure
itself outside its drawer, which opens as "Show what happened" (its drawings, text and accessible names before
the reveal). And the language
switch carries the reader's anchor across, so every heading id of an English page is a heading id of its
Chinese counterpart.
"""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pytest

from build_charts.charts import mobile_share
from tests.sites import ROOT, build_editions, page_urls

PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
CHART_LINE = re.compile(r"^\s*\[\[chart \w+\]\]\s*$", re.M)
HEADING_ID = re.compile(r'<h[1-6] id="([^"]+)"')
GUESS_FIGURE = re.compile(r'<figure class="mw-chart" id="fig-mobile-share".*?</figure>', re.S)
DRAWER = re.compile(r'<details class="mw-chart__drawer">.*?</details>', re.S)
NAMES = re.compile(r'\s(?:aria-label|aria-description|alt|title)="([^"]*)"')


def hidden_values() -> set[float]:
    """The values the live mobile_share chart keeps back until the reader has guessed (its own boundary)."""
    with (ROOT / "data" / "mobile_share.csv").open(encoding="utf-8") as f:
        return {float(r["value_pct"]) for r in csv.DictReader(f) if r["period_end"] >= mobile_share.AFTER}


def guess_target() -> float:
    """What the reader guesses: Alibaba's last reported quarter."""
    with (ROOT / "data" / "mobile_share.csv").open(encoding="utf-8") as f:
        quarters = [r for r in csv.DictReader(f) if r["scope"] == "alibaba" and "-Q" in r["period"]]
    return float(max(quarters, key=lambda r: r["period_end"])["value_pct"])


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


def before_reveal(figure: str) -> str:
    """What a figure shows and says before its drawer is opened: its text (the drawings' included, and the
    hidden description that names it) and the names in its attributes, all outside the drawer."""
    outside = DRAWER.sub("", figure)
    return html.unescape(re.sub(r"<[^>]+>", " ", outside) + " " + " ".join(NAMES.findall(outside)))


def in_drawer(figure: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", " ".join(DRAWER.findall(figure))))


def test_the_figure_check_finds_an_answer_outside_the_drawer_and_leaves_the_one_inside_it():
    late = max(hidden_values())
    drawer = f'<details class="mw-chart__drawer"><summary>Show</summary><p>{late:g}%</p></details>'
    leaks = [
        f'<figure class="mw-chart"><svg><text>Q1: {late:g}%</text></svg><figcaption>{drawer}</figcaption></figure>',
        f'<figure class="mw-chart"><p class="mw-chart__desc" hidden>it reached {late:g}%</p>{drawer}</figure>',
        f'<figure class="mw-chart"><div role="img" aria-label="{late:g}%"></div>{drawer}</figure>',
    ]
    for leak in leaks:
        assert answers_given(before_reveal(leak), hidden_values()) == [f"{late:g}%"], leak
    kept = f'<figure class="mw-chart"><svg><text>0%</text></svg><figcaption>{drawer}</figcaption></figure>'
    assert answers_given(before_reveal(kept), hidden_values()) == []
    assert answers_given(in_drawer(kept), hidden_values()) == [f"{late:g}%"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_editions(tmp_path_factory.mktemp("prose") / "site")


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_the_guess_figure_states_no_answer_before_the_reveal_and_its_drawer_holds_it(site, prefix):
    pages = [p for p in sorted((site / prefix).glob("*/index.html")) if 'id="fig-mobile-share"' in p.read_text("utf-8")]
    assert len(pages) == 1, f"mobile_share is on one page of {prefix or 'the English edition'}"
    figure = GUESS_FIGURE.search(pages[0].read_text(encoding="utf-8"))[0]
    hidden = hidden_values()
    assert answers_given(before_reveal(figure), hidden) == [], "the figure gives the answer before the guess"
    inside = answers_given(in_drawer(figure), hidden)
    target = guess_target()
    assert f"{target:g}%" in inside, "the drawer (Show what happened) holds the answer"
    drawings = [re.sub(r"<[^>]+>", " ", d) for d in re.findall(r"<svg\b.*?</svg>", DRAWER.search(figure)[0], re.S)]
    assert len(drawings) == 2 and all(f"{target:g}%" in d for d in drawings), "the drawer draws it, wide and narrow"


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
