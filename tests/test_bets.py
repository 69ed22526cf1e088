"""The article's bets: the data pair is checked like every dataset, and its page lines are strict.

Negative tests first: a bet without a source, an unknown chapter or a verdict that is not one of the four
stops the build at the file and line; then the real data is held to its own rules.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from build_charts.data import load_dataset
from build_charts.errors import DataError
from tests.conftest import ROOT

BETS = ROOT / "data" / "bets.csv"


@pytest.fixture
def bets_copy(tmp_path: Path):
    """The real bets pair copied into tmp/data; `edit(old, new)` changes one row's text and returns the CSV."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(BETS, data / "bets.csv")
    shutil.copy(BETS.with_name("bets.meta.yml"), data / "bets.meta.yml")

    def edit(old: str, new: str) -> Path:
        path = data / "bets.csv"
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the real data no longer holds {old!r}: update the test"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path

    return edit


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def refused(path: Path) -> DataError:
    with pytest.raises(DataError) as info:
        load_dataset(path)
    return info.value


def test_a_bet_without_a_source_names_file_and_line(bets_copy):
    path = bets_copy(",alibaba_sep2015q_release", ",")
    e = refused(path)
    assert (e.path.name, e.line, e.field) == ("bets.csv", line_of(path.read_text(), "mobile,"), "source")
    assert "missing" in e.reason


def test_a_bet_whose_source_is_not_an_origin_names_it(bets_copy):
    path = bets_copy(",alibaba_sep2015q_release", ",alibaba_somewhere")
    e = refused(path)
    assert e.field == "source" and "alibaba_somewhere" in e.reason and e.line == line_of(path.read_text(), "mobile,")


@pytest.mark.parametrize("chapter", ["0", "8", "5.5", "five"])
def test_an_unknown_chapter_names_file_and_line(bets_copy, chapter):
    path = bets_copy("mobile,5,", f"mobile,{chapter},")
    e = refused(path)
    assert (e.path.name, e.line, e.field) == ("bets.csv", line_of(path.read_text(), "mobile,"), "chapter")


@pytest.mark.parametrize("verdict", ["right", "Borne out", "BORNE_OUT", ""])
def test_a_verdict_not_among_the_four_names_file_and_line(bets_copy, verdict):
    path = bets_copy(",half_right,", f",{verdict},")
    e = refused(path)
    assert (e.path.name, e.line, e.field) == ("bets.csv", line_of(path.read_text(), "mobile,"), "verdict")
    assert ("borne_out" in e.reason and "open" in e.reason) if verdict else "missing" in e.reason


def test_a_claim_without_its_chinese_is_refused(bets_copy):
    path = bets_copy("Mobile is one of three candidates", "Mobile is one of the three candidates")
    e = refused(path)
    assert e.path.name == "bets.meta.yml" and e.field == "zh.columns.claim.value_labels"


# ---- the real data, held to its rules ----

REAL = load_dataset(BETS)
QUOTED = re.compile(r"\"([^\"]+)\"")


def test_there_are_four_to_six_bets_each_in_a_chapter_of_the_story():
    assert 4 <= len(REAL.rows) <= 6
    assert all(1 <= r["chapter"] <= 7 for r in REAL.rows)


def test_the_bets_are_context_not_a_chart():
    assert REAL.meta.context


@pytest.mark.parametrize("row", REAL.rows, ids=[r["id"] for r in REAL.rows])
def test_a_claim_quotes_only_short_phrases(row):
    """The claim is in our words: what it quotes from the translation is a few words, never a sentence."""
    for phrase in QUOTED.findall(row["claim"]):
        assert len(phrase.split()) <= 4, f"{row['id']}: quotes {phrase!r}: put it in our words"
    assert len(row["evidence"].split()) <= 40 and row["evidence"].count(". ") == 0, f"{row['id']}: one sentence"


ARTICLE = Path("/work/shared/source/article.txt")


@pytest.mark.skipif(not ARTICLE.exists(), reason="the article's translation is not in this checkout")
@pytest.mark.parametrize("row", REAL.rows, ids=[r["id"] for r in REAL.rows])
def test_what_a_claim_quotes_is_in_the_article(row):
    text = " ".join(ARTICLE.read_text(encoding="utf-8").split()).lower()
    for phrase in QUOTED.findall(row["claim"]):
        assert phrase.lower() in text, f"{row['id']}: {phrase!r} is not in the article"
