"""Python-Markdown extension: `[[chart ID]]` on its own line embeds a chart figure.

`[[sources]]` on its own line embeds the generated list of every dataset and its origins.
Headings with ids `step-<value>` after a chart become its scrollytelling steps: the chart and
the steps are wrapped at build time (`div.mw-scrolly > figure + div.mw-step[data-step]…`), so
the sticky layout needs no script and nothing moves when the page loads.
This is a plain Python-Markdown extension (no MkDocs import), so it travels to any
generator that runs Python-Markdown; chart URLs start with a site-root marker that
`python -m build_charts finish SITE_DIR` resolves for each built page.
`sources_url` is where the page holding `[[sources]]` is published, relative to the
site root: figures with many sources link to their datasets' sections there.

    markdown_extensions:
      - build_charts.markdown_ext:
          project_root: .
          sources_url: sources/
          lang: en          # the edition's language: zh builds the Chinese figures
"""

from __future__ import annotations

import contextvars
import re
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from build_charts import pipeline, sources
from build_charts.errors import ChartError

LINE = re.compile(r"^(?P<indent>\s*)\[\[(?P<what>chart|sources)(?:\s+(?P<id>[^\]\s]*))?\s*\]\]\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")

# The page being converted and how many lines its front matter took (set by the MkDocs hook).
current_page: contextvars.ContextVar[tuple[str, int] | None] = contextvars.ContextVar("current_page", default=None)


class ChartPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, ext: ChartsExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        project = self.ext.project()
        self.ext.figures.clear()
        page, offset = current_page.get() or (None, 0)
        out: list[str] = []
        fence = None
        for n, line in enumerate(lines, 1):
            f = FENCE.match(line)
            if f:  # chart lines inside code fences are examples, not charts
                fence = None if fence == f.group(1) else (fence or f.group(1))
            m = None if fence or f else LINE.match(line)
            if not m:
                out.append(line)
                continue
            if m["what"] == "sources":
                docs = project.root / self.ext.getConfig("docs_dir")
                out.extend(sources.page_html(project, docs, self.ext.getConfig("lang")).splitlines())
                continue
            cid = m["id"] or ""
            known = pipeline.chart_ids(project)
            if cid not in known:
                where, at = self.source_of(line, page, n + offset)
                raise ChartError(
                    where,
                    at,
                    "chart",
                    f"unknown chart id {cid!r} in `{line.strip()}`; known ids: {', '.join(known)}",
                )
            # The figure itself goes in when the built page is finished (finish.py): the generator, its
            # search indexer and the other extensions never parse the drawings and tables.
            mark = pipeline.figure_mark(cid, self.ext.getConfig("sources_url"), self.ext.getConfig("lang"))
            mark = self.md.htmlStash.store(mark)
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


class ScrollyTreeprocessor(Treeprocessor):
    """Wrap a chart and the `step-…` headings after it (up to the next h1/h2) for scrollytelling."""

    def __init__(self, md: Markdown, ext: ChartsExtension):
        super().__init__(md)
        self.ext = ext

    def is_figure(self, el: etree.Element) -> bool:
        return el.tag == "p" and (el.text or "").strip() in self.ext.figures and len(el) == 0

    def run(self, root: etree.Element) -> None:
        children = list(root)
        steps = [i for i, el in enumerate(children) if el.tag in ("h2", "h3") and el.get("id", "").startswith("step-")]
        figures = [i for i, el in enumerate(children) if self.is_figure(el)]
        # the chart is the nearest figure before the first step that has one before it
        first = next((i for i in steps if figures and figures[0] < i), None)
        if first is None:
            return
        chart = max(f for f in figures if f < first)
        steps = [i for i in steps if i > chart]
        end = next((i for i in range(steps[-1] + 1, len(children)) if children[i].tag in ("h1", "h2")), len(children))
        wrap = etree.Element("div", {"class": "mw-scrolly"})
        holder = wrap
        for i in range(chart, end):
            el = children[i]
            root.remove(el)
            if i in steps:
                holder = etree.SubElement(wrap, "div", {"class": "mw-step", "data-step": el.get("id")[5:]})
            holder.append(el)
        root.insert(chart, wrap)


class ChartsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "project_root": [".", "Folder holding data/ and build_charts/charts/"],
            "sources_url": ["sources/", "URL of the page holding [[sources]], relative to the site root"],
            "docs_dir": [
                "docs",
                "Folder of the pages, relative to project_root (the Sources page follows their order)",
            ],
            "lang": ["en", "Language of the edition: its charts' words, numbers and dates (en, zh)"],
        }
        super().__init__(**kwargs)
        self.figures: set[str] = set()  # stash markers of the figures in the page being converted

    def project(self) -> pipeline.Project:
        return pipeline.Project.at(Path(self.getConfig("project_root")))

    def extendMarkdown(self, md: Markdown) -> None:
        # priority 29: after whitespace normalising (30, which would strip stash markers),
        # before fenced code (25) and raw-HTML blocks (20)
        md.preprocessors.register(ChartPreprocessor(md, self), "mw_charts", 29)
        # priority 4: after attr_list (8) and toc (5) have given headings their ids
        md.treeprocessors.register(ScrollyTreeprocessor(md, self), "mw_scrolly", 4)


def makeExtension(**kwargs) -> ChartsExtension:
    return ChartsExtension(**kwargs)
