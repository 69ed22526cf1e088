"""Python-Markdown extension: `[[chart ID]]` on its own line embeds a chart figure.

`[[sources]]` on its own line embeds the generated list of every dataset and its origins; `[[bets]]`,
`[[bets scored]]` and `[[bet ID]]` the cards of the article's bets (`build_pages/bets.py`).
Headings with ids `round-<value>` (chapter 2's rounds) are wrapped at build time:
`div.mw-rounds > section.mw-round[data-round]…`, a sequence of rounds with their own figures,
which charts.js turns into one picture stepped by scrolling or by buttons.
This is a plain Python-Markdown extension (no MkDocs import), so it travels to any
generator that runs Python-Markdown. It reads only the charts' manifest: a chart line becomes the
figure's marker, which `python -m build_pages finish SITE_DIR` replaces with the figure.
Chart lines inside code (fences of any length, indented code) stay as they are: examples.

    markdown_extensions:
      - build_pages.markdown_ext:
          project_root: .
          lang: en          # the edition (build_pages/editions.py): zh builds the Chinese one
"""

from __future__ import annotations

import contextvars
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from build_charts import pipeline
from build_pages import bets, editions, markers, pages, sources_page

# The page being converted and how many lines its front matter took (set by the MkDocs hook).
current_page: contextvars.ContextVar[tuple[str, int] | None] = contextvars.ContextVar("current_page", default=None)


def bet_runs(lines: list[str], code: set[int]) -> dict[int, list[int]]:
    """Adjacent `[[bet ID]]` lines (only blank lines between, the same indent) read as one list of cards: each
    run's first line index maps to the indexes of its lines; key -1 holds the lines drawn with an earlier one."""
    runs: dict[int, list[int]] = {}
    rest: set[int] = set()
    first, indent = None, None
    for i, line in enumerate(lines):
        m = None if i in code else pages.CHART_LINE.match(line)
        if m and m["what"] == "bet":
            if first is not None and m["indent"] == indent:
                runs[first].append(i)
                rest.add(i)
            else:
                first, indent = i, m["indent"]
                runs[first] = [i]
        elif line.strip():
            first = None
    return {**runs, -1: sorted(rest)}


class ChartPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, ext: ChartsExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        charts = self.ext.manifest().charts
        self.ext.figures.clear()
        page, offset = current_page.get() or (None, 0)
        out: list[str] = []
        code = pages.code_lines(lines)
        joined = bet_runs(lines, code)
        for n, line in enumerate(lines, 1):
            m = None if n - 1 in code else pages.CHART_LINE.match(line)
            if not m or n - 1 in joined.get(-1, ()):  # a bet line already drawn with the one above it
                out.append("" if m else line)
                continue
            if m["what"] == "sources":
                edition = self.ext.edition()
                html = sources_page.page_html(self.ext.manifest(), self.ext.root() / edition.docs_dir, edition)
                out.extend(html.splitlines())
                continue
            if m["what"] in ("bets", "bet"):
                edition = self.ext.edition()
                parts = self.ext.manifest().bets(edition.lang)
                key = m["id"]  # `[[bets]]`'s None or 'scored'; a bet's id, with those of the lines run into it
                if m["what"] == "bet":
                    run = joined.get(n - 1, [n - 1])
                    key = [pages.CHART_LINE.match(lines[i])["id"] for i in run]
                    for i, bid in zip(run, key, strict=True):  # the check before the build names it too
                        if bid not in parts["bets"]:
                            where, at = self.source_of(lines[i], page, i + 1 + offset)
                            raise pages.PageError(where, at, "bet", f"unknown bet id {bid!r}")
                html = bets.html(parts, edition, self.ext.root() / edition.docs_dir, m["what"], key)
                out.append(m["indent"] + self.md.htmlStash.store(html))
                continue
            cid = m["id"] or ""
            if cid not in charts:  # the check before the build names it too; this is for a page given directly
                where, at = self.source_of(line, page, n + offset)
                raise pages.unknown_chart(where, at, cid, sorted(charts))
            # The figure itself goes in when the built page is finished (finish.py): the generator, its
            # search indexer and the other extensions never parse the drawings and tables.
            mark = self.md.htmlStash.store(markers.figure(cid))
            self.ext.figures.add(mark)
            out.append(m["indent"] + mark)
        return out

    def source_of(self, line: str, page: str | None, n: int) -> tuple[str | None, int | None]:
        """The file and line an author wrote `line` in: the page, or a file it includes.

        Markdown sees the page with any snippets (`--8<--`) already pasted in, so its line `n` can be
        elsewhere in the page's own file, or in an included one (pymdownx.snippets' folders).
        """
        try:
            bases = self.md.preprocessors["snippet"].base_path  # pymdownx.snippets' folders
        except (KeyError, AttributeError):
            bases = []
        included = []
        for base in map(Path, bases):
            included += sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else [base]
        for path in ([Path(page)] if page else []) + included:
            try:
                text = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue
            hits = [k for k, t in enumerate(text, 1) if t == line]
            if hits:
                return str(path), min(hits, key=lambda k: abs(k - n))  # the occurrence nearest to where Markdown saw it
        return page, n


class RoundsTreeprocessor(Treeprocessor):
    """Wrap consecutive `round-…` headings (up to the next h1/h2) as one block of rounds."""

    def run(self, root: etree.Element) -> None:
        children = list(root)
        heads = ("h2", "h3")
        rounds = [i for i, el in enumerate(children) if el.tag in heads and el.get("id", "").startswith("round-")]
        if not rounds:
            return
        end = next((i for i in range(rounds[-1] + 1, len(children)) if children[i].tag in ("h1", "h2")), len(children))
        # the id is the target of "Skip to the first chart" when the rounds come first (their figures wait for a choice)
        wrap = etree.Element("div", {"class": "mw-rounds", "id": "rounds"})
        holder = wrap
        for i in range(rounds[0], end):
            el = children[i]
            root.remove(el)
            if i in rounds:
                holder = etree.SubElement(wrap, "section", {"class": "mw-round", "data-round": el.get("id")[6:]})
            holder.append(el)
        root.insert(rounds[0], wrap)


class ChartsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "project_root": [".", "Folder holding data/ and build_charts/charts/"],
            "lang": ["en", "The edition (build_pages/editions.py): its pages, its charts' words, numbers and dates"],
        }
        super().__init__(**kwargs)
        self.figures: set[str] = set()  # stash markers of the figures in the page being converted

    def root(self) -> Path:
        return Path(self.getConfig("project_root")).resolve()

    def edition(self) -> editions.Edition:
        return editions.edition(self.getConfig("lang"))

    def manifest(self) -> pipeline.Manifest:
        return pipeline.manifest(pipeline.Project.at(self.root()), editions.links())

    def extendMarkdown(self, md: Markdown) -> None:
        # priority 29: after whitespace normalising (30, which would strip stash markers),
        # before fenced code (25) and raw-HTML blocks (20)
        md.preprocessors.register(ChartPreprocessor(md, self), "mw_charts", 29)
        # priority 4: after attr_list (8) and toc (5) have given headings their ids
        md.treeprocessors.register(RoundsTreeprocessor(md), "mw_rounds", 3)


def makeExtension(**kwargs) -> ChartsExtension:
    return ChartsExtension(**kwargs)
