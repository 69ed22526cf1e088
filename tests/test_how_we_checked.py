"""The "How we checked the article" page (issue 24): the article's checkable claims, one section each.

Every section (`## Claim {#id}`) carries a verdict from the page's fixed list and at least one link to a source,
even when the verdict is that the claim cannot be checked (the section then links what the record does say and
where it stops); the page is in both editions with the same section ids; the chapters, About and the home page
link to it, and every link to one of its claims lands on a section of the page in that edition.
"""

from __future__ import annotations

import re

import pytest

from tests.sites import ROOT

PAGE = "how-we-checked.md"
EDITIONS = ("docs", "docs-zh")
# the verdicts a claim may get, longest first where one begins another ("holds with a caveat" / "holds")
VERDICT = {
    "docs": re.compile(
        r"^\*\*Verdict: (?:holds with a caveat|holds|no dated record|contradicted|cannot be checked)\b", re.M
    ),
    "docs-zh": re.compile(r"^\*\*结论：(?:基本属实|属实|查无记录|与来源不符|无从核实)", re.M),
}
HEADING = re.compile(r"^## (?P<title>.*?)\s*(?:\{#(?P<id>[\w-]+)\})?\s*$", re.M)
SOURCE_LINK = re.compile(r"\]\(https?://[^)\s]+\)")
LINK_TO_PAGE = re.compile(r"\]\(how-we-checked\.md(?:#(?P<id>[\w-]*))?\)")


def sections(text: str) -> list[tuple[str | None, str]]:
    """(id, body) of every `##` section of a page, in order; id is None for a heading without one."""
    heads = list(HEADING.finditer(text))
    ends = [h.start() for h in heads[1:]] + [len(text)]
    return [(h["id"], text[h.end() : end]) for h, end in zip(heads, ends, strict=True)]


def problems(text: str, edition: str) -> list[str]:
    """What a claim section lacks: an id to link to, a verdict from the list, a source link."""
    found = []
    for n, (sid, body) in enumerate(sections(text), 1):
        name = sid or f"section {n}"
        if not sid:
            found.append(f"{name}: no id")
        if not VERDICT[edition].search(body):
            found.append(f"{name}: no verdict")
        if not SOURCE_LINK.search(body):
            found.append(f"{name}: no source link")
    return found


def page(edition: str) -> str:
    return (ROOT / edition / PAGE).read_text(encoding="utf-8")


GOOD = {
    "docs": "## A claim {#a}\n\n**Verdict: holds with a caveat.** A reason.\n\n**The sources:** [X, 2013](https://x.org/a).\n",
    "docs-zh": "## 一项说法 {#a}\n\n**结论：属实。**\n\n**来源：**[某报，2013年](https://x.org/a)。\n",
}


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_check_finds_a_claim_without_verdict_source_or_id(edition):  # the rule first, on known text
    assert problems(GOOD[edition], edition) == []
    no_link = GOOD[edition].replace("](https://x.org/a)", "]")
    assert problems(no_link, edition) == ["a: no source link"]
    local_link_only = GOOD[edition].replace("https://x.org/a", "10-sources.md")
    assert problems(local_link_only, edition) == ["a: no source link"]
    no_verdict = "\n".join(line for line in GOOD[edition].splitlines() if "Verdict" not in line and "结论" not in line)
    assert problems(no_verdict, edition) == ["a: no verdict"]
    unknown = GOOD[edition].replace("holds with a caveat", "probably fine").replace("属实", "大概吧")
    assert problems(unknown, edition) == ["a: no verdict"]
    assert problems(GOOD[edition].replace(" {#a}", ""), edition) == ["section 1: no id"]
    # a claim that cannot be checked still links the record it was checked against
    uncheckable = no_link.replace("holds with a caveat", "cannot be checked").replace("属实", "无从核实")
    assert problems(uncheckable, edition) == ["a: no source link"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_claim_has_a_verdict_and_a_source(edition):
    found = sections(page(edition))
    assert len(found) >= 10, "the page checks the article's claims one section each"
    assert problems(page(edition), edition) == []


def test_both_editions_check_the_same_claims():
    assert [sid for sid, _ in sections(page("docs"))] == [sid for sid, _ in sections(page("docs-zh"))]


def test_the_link_check_finds_a_link_to_a_missing_claim():  # the rule first
    ids = {"a", "b"}
    assert missing_anchors("see [x](how-we-checked.md#a) and [y](how-we-checked.md)", ids) == []
    assert missing_anchors("see [x](how-we-checked.md#c)", ids) == ["c"]


def missing_anchors(text: str, ids: set[str]) -> list[str]:
    return [m["id"] for m in LINK_TO_PAGE.finditer(text) if m["id"] and m["id"] not in ids]


@pytest.mark.parametrize("edition", EDITIONS)
def test_links_to_a_claim_land_on_its_section(edition):
    ids = {sid for sid, _ in sections(page(edition))}
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / edition).glob("*.md"))}
    linking = {name for name, text in texts.items() if LINK_TO_PAGE.search(text)}
    # the chapters whose checks moved here, About and the home page point to it
    assert {"index.md", "09-about.md", "03-c2b-idea-without-product.md", "04-taobao-traffic-problem.md"} <= linking
    assert {name: missing_anchors(text, ids) for name, text in texts.items() if missing_anchors(text, ids)} == {}
