"""Reader-facing text speaks as a researcher: what a source says and its limits, never how it was found.

Pages and every reader-facing field of the metadata (titles, descriptions, notes, origin titles and
notes, column labels) are checked for words about research tooling ("stored copy", "search tool",
"could not reach" …). Such a note becomes, for example, "Title paraphrased: the page shows no headline".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

TOOLING = re.compile(
    r"stored cop(?:y|ies)|search (?:tool|engine|index)s?|could(?:n't| not)? (?:be )?reach|"
    r"\bsnapshot|not visible in|cached cop(?:y|ies)|wayback|\bcrawl|\bfetched\b|the tool returned|"
    r"text (?:the|that) (?:search|tool)|"
    # the Chinese edition's equivalents: stored/cached copy, search tool, snapshot, archive copy, could not open
    r"存档副本|缓存副本|存储副本|搜索工具|搜索引擎|网页快照|快照|无法访问|打不开|抓取",
    re.I,
)


def reader_text(meta: dict) -> list[tuple[str, str]]:
    """(where, text) for every reader-facing string of a metadata file."""
    out = [(k, meta[k]) for k in ("title", "description", "period") if isinstance(meta.get(k), str)]
    out += [(f"notes[{i}]", n) for i, n in enumerate(meta.get("notes") or [])]
    zh = meta.get("zh") or {}  # the Chinese edition's words
    out += [(f"zh.{k}", zh[k]) for k in ("title", "description", "period") if isinstance(zh.get(k), str)]
    out += [(f"zh.notes[{i}]", n) for i, n in enumerate(zh.get("notes") or [])]
    out += [(f"zh.origins.{oid}.note", o["note"]) for oid, o in (zh.get("origins") or {}).items() if o.get("note")]
    for cid, c in (zh.get("columns") or {}).items():
        out += [(f"zh.columns.{cid}.{k}", c[k]) for k in ("label", "description") if c.get(k)]
    for oid, o in (meta.get("origins") or {}).items():
        out += [(f"origins.{oid}.{k}", o[k]) for k in ("title", "note", "producer") if o.get(k)]
    for cid, c in (meta.get("columns") or {}).items():
        out += [(f"columns.{cid}.{k}", c[k]) for k in ("label", "description") if c.get(k)]
    return out


def tooling_phrases(text: str) -> list[str]:
    return [m[0] for m in TOOLING.finditer(text)]


def test_the_check_catches_tooling_words_and_passes_a_researchers_note():
    assert tooling_phrases("Headline not visible in the stored copy; the search tools could not reach it.")
    assert tooling_phrases("Title paraphrased: the page shows no headline. The report gives 82.2%.") == []
    assert tooling_phrases("存档副本里看不到标题，搜索工具也无法访问该页。")
    assert tooling_phrases("标题为转述：该页没有标题。报告给出的数字是82.2%。") == []


@pytest.mark.parametrize("meta_path", sorted((ROOT / "data").glob("*.meta.yml")), ids=lambda p: p.name)
def test_data_notes_and_titles_speak_as_a_researcher(meta_path: Path):
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    found = [(where, tooling_phrases(text)) for where, text in reader_text(meta) if tooling_phrases(text)]
    assert found == []


def test_pages_speak_as_a_researcher():
    found = {}
    for page in sorted([*(ROOT / "docs").glob("*.md"), *(ROOT / "docs-zh").glob("*.md")]):
        for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            if tooling_phrases(line):
                found[f"{page.relative_to(ROOT)}:{n}"] = tooling_phrases(line)
    assert found == {}
