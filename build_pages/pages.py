"""Reading an edition's pages before anything is built: which lines are code, which are chart lines, and
every author mistake in them, each named by page and line.

`check(edition, root, chart_ids)` runs before the generator writes a page (the MkDocs hook's
`on_pre_build`, `python -m build_pages prepare`): a page that is not UTF-8, a `[[chart …]]` line with an
unknown id or a near miss (`[[Chart x]]`, `[[chart x extra]]`), a chart shown twice on one page, or the
page maker's marker text in a page or a data file stops the build with one line, `file:line: reason`.
Lines inside code (fences of any length, indented code) are examples, never charts.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from build_charts import data
from build_charts.errors import PipelineError
from build_pages import markers

CHART_LINE = re.compile(r"^(?P<indent>\s*)\[\[(?P<what>chart|sources|bets|bet)(?:\s+(?P<id>[\w-]+))?\]\]\s*$")
LINE_WORDS = ("chart", "sources", "bets", "bet")  # what a line may begin with; a near miss of one is an error
# anything that looks like it meant to be one: a double-bracketed word on a line of its own
NEAR_MISS = re.compile(r"^\s*\[\[\s*(?P<word>[A-Za-z]+)\b.*\]\]\s*$")
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})")
# blocks whose content is indented four spaces: admonitions, collapsible blocks, list items
CONTAINER = re.compile(r"^\s*(?:!!!|\?\?\?\+?|[-*+]\s|\d+[.)]\s)")
SCRIPT = re.compile(r"<\s*script\b", re.I)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


class PageError(PipelineError):
    """A page an author must fix."""


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def code_lines(lines: list[str]) -> set[int]:
    """Indexes (from 0) of the lines that are code: inside a fence (``` or ~~~, three or more, closed by a
    fence of the same character at least as long, at any depth, as pymdownx.superfences reads them) or
    indented code (four spaces more than the block it sits in, after a blank line or more such code).

    Admonitions (`!!!`, `???`) and list items hold their content four spaces in: a chart line there is
    the block's content, not code.
    """
    code: set[int] = set()
    fence: str | None = None
    containers: list[int] = []  # the content indent of each open admonition or list item
    indented = False
    prev_blank = True
    for i, line in enumerate(lines):
        f = FENCE.match(line)
        if fence:
            code.add(i)
            if f and f["fence"][0] == fence[0] and len(f["fence"]) >= len(fence) and not line[f.end() :].strip():
                fence = None
            continue
        if not line.strip():
            prev_blank = True
            continue
        ind = _indent(line)
        while containers and ind < containers[-1] and prev_blank:  # a line less indented after a blank closes it
            containers.pop()
        base = containers[-1] if containers else 0
        if ind >= base + 4 and (prev_blank or indented):
            code.add(i)
            indented = True
        elif f:
            fence = f["fence"]
            code.add(i)
            indented = False
        else:
            indented = False
            if CONTAINER.match(line):
                containers.append(ind + 4)
        prev_blank = False
    return code


def chart_lines(text: str) -> list[tuple[int, re.Match]]:
    """(line number from 1, match) of every `[[chart …]]` and `[[sources]]` line outside code."""
    lines = text.splitlines()
    code = code_lines(lines)
    return [(i + 1, m) for i, line in enumerate(lines) if i not in code and (m := CHART_LINE.match(line))]


def read_page(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise PageError(path, line, None, f"not UTF-8 (byte 0x{raw[e.start]:02x}): save the page as UTF-8") from None


def unknown_chart(path: Path | str | None, line: int | None, cid: str, known: list[str]) -> PageError:
    near = difflib.get_close_matches(cid, known, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(near)}?" if near else f"; known ids: {', '.join(known)}"
    return PageError(path, line, "chart", f"unknown chart id {cid!r}{hint}")


def _check_bet_line(path: Path, n: int, m: re.Match, bets: dict[str, int], shown: dict[str, int]) -> None:
    """A bets line: `[[bets]]` or `[[bets scored]]` once a page, `[[bet ID]]` a known bet on its own chapter.

    `bets` is each bet's chapter (data/bets.csv); `shown` collects what the page shows, by line."""
    what, bid = m["what"], m["id"]
    if what == "bets":
        if bid not in (None, "scored"):
            raise PageError(path, n, "bets", f"`{m[0].strip()}`: write `[[bets]]` or `[[bets scored]]`")
        if not bets:
            raise PageError(path, n, "bets", "there are no bets to show: data/bets.csv is missing")
        if "*" in shown:
            raise PageError(path, n, "bets", f"the bets are shown twice on this page (first at line {shown['*']})")
        shown["*"] = n
        return
    if bid not in bets:
        near = difflib.get_close_matches(bid or "", list(bets), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(near)}?" if near else f"; the bets are {', '.join(bets) or 'none'}"
        raise PageError(path, n, "bet", f"unknown bet id {bid!r}{hint}")
    number = NUMBERED.match(path.name)
    if not number or int(number[1]) != bets[bid]:
        raise PageError(
            path, n, "bet", f"bet {bid!r} is weighed in chapter {bets[bid]} (data/bets.csv): show it on that page"
        )
    if bid in shown:
        raise PageError(path, n, "bet", f"bet {bid!r} is shown twice on this page (first at line {shown[bid]})")
    shown[bid] = n


def bet_chapters(data_dir: Path) -> dict[str, int]:
    """Each bet's chapter, from data/bets.csv read by the loader (its own checks first); none without the file."""
    path = data_dir / "bets.csv"
    return {r["id"]: r["chapter"] for r in data.load_dataset(path).rows} if path.exists() else {}


def check_page(path: Path, chart_ids: list[str], bets: dict[str, int] | None = None, shown_bets=None) -> list[str]:
    """The chart ids a page shows, in order; raises on the first mistake in it. `bets` gives each bet's chapter;
    `shown_bets` (a dict, when given) receives the bets lines the page holds ('*' for the whole set)."""
    shown_bets = {} if shown_bets is None else shown_bets
    text = read_page(path)
    for n in markers.find_in_text(text):
        raise PageError(path, n, None, f"{markers.PREFIX!r} is reserved for the page maker's markers")
    lines = text.splitlines()
    code = code_lines(lines)
    shown: dict[str, int] = {}
    for i, line in enumerate(lines):
        if i in code:
            continue
        if SCRIPT.search(line):
            raise PageError(path, i + 1, None, "a <script> in a page would run for every reader: pages hold no scripts")
        m = CHART_LINE.match(line)
        if not m:
            miss = NEAR_MISS.match(line)
            if miss and miss["word"].lower() in LINE_WORDS:
                raise PageError(
                    path,
                    i + 1,
                    "chart",
                    f"`{line.strip()}` is not a chart line: write `[[chart ID]]`, `[[sources]]`, `[[bets]]`,"
                    " `[[bets scored]]` or `[[bet ID]]`",
                )
            continue
        if m["what"] == "sources":
            continue
        if m["what"] in ("bets", "bet"):
            _check_bet_line(path, i + 1, m, bets or {}, shown_bets)
            continue
        cid = m["id"] or ""
        if cid not in chart_ids:
            raise unknown_chart(path, i + 1, cid, chart_ids)
        if cid in shown:
            raise PageError(
                path, i + 1, "chart", f"chart {cid!r} is shown twice on this page (first at line {shown[cid]})"
            )
        shown[cid] = i + 1
    return list(shown)


def check_data(data_dir: Path) -> None:
    """No data or metadata file may hold the page maker's marker text."""
    for path in sorted(data_dir.glob("*")):
        if path.is_file():
            text = data.read_text(path)  # the loader's own reading: its size limit, encoding and NUL checks
            for n in markers.find_in_text(text):
                raise PageError(path, n, None, f"{markers.PREFIX!r} is reserved for the page maker's markers")


def pages(docs_dir: Path) -> list[Path]:
    """An edition's pages in reading order: the home page first, then by file name (the navigation's order)."""
    return sorted(docs_dir.rglob("*.md"), key=lambda p: (p.stem != "index", p.relative_to(docs_dir).as_posix()))


NUMBERED = re.compile(r"^(\d+)-")


def check_numbers(docs_dir: Path) -> None:
    """The numbered pages (`01-…`, the chapters first) are numbered 1, 2, 3 … in reading order: the number is
    what the chapter line says ("Chapter 2 of 7"), so two pages may never share one, nor skip one."""
    seen: dict[int, Path] = {}
    for page in sorted(docs_dir.glob("*.md")):
        m = NUMBERED.match(page.name)
        if not m:
            continue
        n = int(m[1])
        if n in seen:
            raise PageError(
                page, 1, None, f"page number {m[1]} is also {seen[n].name}'s: give each page its own number"
            )
        seen[n] = page
    expected = list(range(1, len(seen) + 1))
    if sorted(seen) != expected:
        missing = sorted(set(expected) - set(seen))
        first = seen[min(n for n in seen if n not in expected)]
        raise PageError(
            first,
            1,
            None,
            f"pages are numbered with a gap (no page {missing[0]:02d}-…): number them 01, 02, … in order",
        )


def check(docs_dir: Path, data_dir: Path, chart_ids: list[str]) -> dict[str, list[str]]:
    """Every page of an edition and every data file checked; returns each page's chart ids (by file name).

    Where an edition shows the set of bets, each bet's verdict must be on its chapter too: the cards point
    the reader there."""
    check_data(data_dir)
    check_numbers(docs_dir)
    bets = bet_chapters(data_dir)
    shown: dict[Path, dict[str, int]] = {}
    out = {}
    for p in pages(docs_dir):
        out[p.relative_to(docs_dir).as_posix()] = check_page(p, chart_ids, bets, shown.setdefault(p, {}))
    sets = [(p, s["*"]) for p, s in shown.items() if "*" in s]
    if sets:
        for bid, chapter in bets.items():
            if not any(bid in s for s in shown.values()):
                page, n = sets[0]
                raise PageError(page, n, "bets", f"bet {bid!r} has no `[[bet {bid}]]` line on chapter {chapter}'s page")
    return out


def front_matter(text: str) -> str:
    found = FRONT_MATTER.match(text)
    return found[0] if found else ""
