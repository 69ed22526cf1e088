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
from build_pages import bets as bets_html
from build_pages import editions, pages
from build_pages.pages import PageError
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
    for short in ("bet", "gist"):  # the scorecard's lines: a phone's line or two
        assert len(row[short]) <= 75 and row[short].count(". ") == 0, f"{row['id']}: {short} is one short line"
    for phrase in QUOTED.findall(row["bet"]):
        assert phrase in row["claim"], f"{row['id']}: the short bet quotes what the claim quotes, no more"


ARTICLE = Path("/work/shared/source/article.txt")


@pytest.mark.skipif(not ARTICLE.exists(), reason="the article's translation is not in this checkout")
@pytest.mark.parametrize("row", REAL.rows, ids=[r["id"] for r in REAL.rows])
def test_what_a_claim_quotes_is_in_the_article(row):
    text = " ".join(ARTICLE.read_text(encoding="utf-8").split()).lower()
    for phrase in QUOTED.findall(row["claim"]):
        assert phrase.lower() in text, f"{row['id']}: {phrase!r} is not in the article"


# ---- the page lines: each mistake is one line naming page and line ----


CHAPTERS = {r["id"]: r["chapter"] for r in REAL.rows}


@pytest.fixture
def site_pages(tmp_path: Path) -> Path:
    """A small edition: a home page with the set, one page per chapter that weighs a bet, with its lines."""
    docs, data = tmp_path / "docs", tmp_path / "data"
    docs.mkdir()
    data.mkdir()
    shutil.copy(BETS, data / "bets.csv")
    shutil.copy(BETS.with_name("bets.meta.yml"), data / "bets.meta.yml")
    (docs / "index.md").write_text("# Home\n\n[[bets]]\n", encoding="utf-8")
    for no in range(1, 8):
        lines = "".join(f"[[bet {b}]]\n\n" for b, c in CHAPTERS.items() if c == no)
        (docs / f"0{no}-chapter.md").write_text(f"# Chapter {no}\n\n{lines}", encoding="utf-8")
    return docs


def page_error(docs: Path) -> str:
    with pytest.raises(PageError) as e:
        pages.check(docs, docs.parent / "data", [])
    return str(e.value)


def add_line(docs: Path, name: str, line: str) -> int:
    """Append a line to a page; returns its line number."""
    path = docs / name
    text = path.read_text(encoding="utf-8") + line + "\n"
    path.write_text(text, encoding="utf-8")
    return text.count("\n")


def test_the_small_edition_passes(site_pages):
    pages.check(site_pages, site_pages.parent / "data", [])


@pytest.mark.parametrize("line", ["[[Bets]]", "[[bets all]]", "[[bet mobile extra]]", "[[ bet mobile ]]"])
def test_a_near_miss_of_a_bets_line_names_page_and_line(site_pages, line):
    n = add_line(site_pages, "05-chapter.md", line)
    said = page_error(site_pages)
    assert f"05-chapter.md:{n}:" in said and ("[[bets]]" in said or "[[bets scored]]" in said), said


def test_an_unknown_bet_id_names_page_line_and_the_nearest(site_pages):
    n = add_line(site_pages, "05-chapter.md", "[[bet mobil]]")
    said = page_error(site_pages)
    assert f"05-chapter.md:{n}:" in said and "'mobil'" in said and "did you mean mobile" in said


def test_a_bet_on_another_chapter_than_its_own_is_an_error(site_pages):
    n = add_line(site_pages, "03-chapter.md", "[[bet mobile]]")
    said = page_error(site_pages)
    assert f"03-chapter.md:{n}:" in said and f"chapter {CHAPTERS['mobile']}" in said


def test_a_bet_twice_on_its_page_is_an_error(site_pages):
    n = add_line(site_pages, "05-chapter.md", "[[bet mobile]]")
    assert f"05-chapter.md:{n}:" in page_error(site_pages)


def test_the_set_promises_every_verdict_on_its_chapter(site_pages):
    page = site_pages / "06-chapter.md"
    page.write_text("# Chapter 6\n\n[[bet neither_side]]\n", encoding="utf-8")
    said = page_error(site_pages)
    assert "index.md:3:" in said and "relationship_chain" in said


def test_bets_lines_inside_code_are_examples(site_pages):
    add_line(site_pages, "01-chapter.md", "\n```\n[[bet mobile]]\n[[bets nonsense]]\n```")
    pages.check(site_pages, site_pages.parent / "data", [])


def parts(lang: str) -> dict:
    from build_charts.bets import cards
    from build_charts.words import use

    with use(lang):
        return cards(REAL.in_language(lang))


@pytest.mark.parametrize("ed", editions.EDITIONS, ids=[e.lang for e in editions.EDITIONS])
def test_the_home_set_holds_no_verdict_and_the_chapter_card_holds_its_own(site_pages, ed):
    p = parts(ed.lang)
    home = bets_html.html(p, ed, site_pages, "bets", None)
    chapter = bets_html.html(p, ed, site_pages, "bet", "mobile")
    scored = bets_html.html(p, ed, site_pages, "bets", "scored")
    for bid, bet in p["bets"].items():
        assert bet["claim"] in home and bet["claim"] in scored
        assert bet["evidence"] not in home and bet["verdict_label"] not in home, f"{bid}: the home page gives it away"
        assert bet["gist"] not in home and bet["bet"] not in home
        # the scorecard: the short bet, the badge and the gist before the disclosure; the rest inside it
        card = scored[scored.index(f'data-bet="{bid}"') :].split("</li>")[0]
        shown, inside = card.split("<details", 1)
        assert bet["bet"] in shown and bet["verdict_label"] in shown and bet["gist"] in shown, bid
        assert all(bet[k] not in shown for k in ("claim", "evidence", "source")), f"{bid}: the long verdict shows"
        assert all(bet[k] in inside for k in ("claim", "evidence", "source")), bid
    assert p["bets"]["mobile"]["evidence"] in chapter and p["bets"]["c2b"]["evidence"] not in chapter
    # without a script: no buttons to press, each verdict in a closed disclosure (on its chapter and on the card)
    assert chapter.count("<details") == 1 and '<details class="mw-bet-verdict" data-verdict="half_right">' in chapter
    assert scored.count("<details") == len(p["bets"]) and " open>" not in scored
    assert home.count('class="mw-bet-mark" role="group"') == len(p["bets"]) == home.count(" hidden>")
    assert f"{CHAPTERS['mobile']:02d}-chapter/#bet-mobile" in home


def test_the_bets_script_says_no_words_of_its_own():
    js = (ROOT / "overrides" / "assets" / "javascripts" / "bets.js").read_text(encoding="utf-8")
    assert not re.search(r"[\u4e00-\u9fff]", js) and "documentElement.lang" not in js
    assert not re.search(r"textContent|innerHTML|innerText", js), "the cards' words are the edition's"
    assert "fetch(" not in js and "XMLHttpRequest" not in js and "sendBeacon" not in js, "a mark is never sent"


# ---- the share picture of the scored set ----


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_scored_set_starts_as_the_finish_step_looks_for_it(site_pages, lang):
    html = bets_html.html(parts(lang), editions.edition(lang), site_pages, "bets", "scored")
    assert html.startswith(bets_html.SCORED_SET)
    assert not bets_html.html(parts(lang), editions.edition(lang), site_pages, "bets", None).startswith(
        bets_html.SCORED_SET
    )


def test_the_scorecard_counts_the_verdicts_from_the_data():
    from build_charts.bets import scorecard_svg
    from build_charts.words import use

    with use("en"):
        svg = scorecard_svg(parts("en"))
    for verdict, label in REAL.meta.columns["verdict"].value_labels.items():
        n = sum(r["verdict"] == verdict for r in REAL.rows)
        assert (f"{n} {label.lower()}" in svg) is (n > 0), verdict
    assert "2013" in svg, "the card says when the article was written"


def test_every_character_of_the_chinese_scorecard_is_in_the_measuring_font():
    """The card is drawn with the project's Chinese subset font only: a character missing there is a blank box."""
    from build_charts.bets import scorecard_svg
    from build_charts.words import use

    with use("zh"):
        svg = scorecard_svg(parts("zh"))
    charset = (ROOT / "build_charts" / "fonts" / "charset.txt").read_text(encoding="utf-8")
    text = "".join(re.findall(r">([^<]+)<", svg))
    missing = sorted({c for c in text if re.match(r"[\u3000-\u9fff\uff00-\uffef]", c) and c not in charset})
    assert not missing, f"add to the chart font (make chart-font): {''.join(missing)}"
