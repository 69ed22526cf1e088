"""The Sources page body (`[[sources]]`): every dataset and its origins, for readers.

A summary first (how many datasets and documents, of which kinds, how disagreements are shown), then
the datasets grouped by the chapter whose chart first draws them, in reading order, each one folded
away under its title. Everything comes from the metadata files; nothing is typed twice.
"""

from __future__ import annotations

import hashlib
import os
import re
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from build_charts.pipeline import PACKAGE, Project, chart_datasets

if TYPE_CHECKING:
    from build_charts.data import Dataset

CHART_LINE = re.compile(r"^\s*\[\[chart\s+(\w+)\s*\]\]\s*$", re.M)
HEADING = re.compile(r"^#\s+(.+?)\s*$", re.M)


def chapters(docs_dir: Path) -> list[tuple[str, list[str]]]:
    """(page title, chart ids in the order drawn) for every page, in reading order (home page first)."""
    pages = sorted(docs_dir.glob("*.md"), key=lambda p: (p.stem != "index", p.name))
    out = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        title = HEADING.search(text)
        out.append((title[1] if title else page.stem, CHART_LINE.findall(text)))
    return out


def dataset_html(ds: Dataset) -> str:
    from build_charts import formats

    m = ds.meta
    origins = "".join(
        f"<li>{formats.cite(o)}. Accessed {escape(o.date_accessed)}."
        + (f" <em>{escape(o.note)}</em>" if o.note else "")
        + "</li>"
        for o in m.origins.values()
    )
    notes = "".join(f"<li>{escape(n)}</li>" for n in m.notes)
    kinds = sorted({o.kind for o in m.origins.values()})
    return (
        f'<details class="mw-dataset" id="{formats.dataset_anchor(ds.id)}">'
        f"<summary><strong>{escape(m.title)}</strong> <span>({escape(m.period)}; {len(ds.rows)} records,"
        f" {len(m.origins)} {'source' if len(m.origins) == 1 else 'sources'}: {' and '.join(kinds)})</span></summary>"
        f"<p>{escape(m.description)}</p>"
        f'<h4>Sources</h4><ul class="mw-sources">{origins}</ul>'
        + (f'<h4>Notes</h4><ul class="mw-notes">{notes}</ul>' if notes else "")
        + "</details>"
    )


def summary_html(datasets: dict[str, Dataset]) -> str:
    origins = {o.url: o for ds in datasets.values() for o in ds.meta.origins.values()}
    primary = sum(o.kind == "primary" for o in origins.values())
    rows = sum(len(ds.rows) for ds in datasets.values())
    return (
        f"<p>The charts on this site draw on <strong>{len(datasets)} datasets</strong> ({rows} records) built from"
        f" <strong>{len(origins)} documents</strong>: {primary} primary (company filings and results,"
        f" official statistics, research firms' own releases) and {len(origins) - primary} secondary (press"
        " reports and later restatements of a primary figure). Every record names the document it comes from."
        " Where documents disagree, each figure is kept as its own record and drawn as its own mark; nothing is"
        " averaged, smoothed or filled in, and a gap in a series is a missing record.</p>"
    )


def page_html(project: Project, docs_dir: Path) -> str:
    """The whole Sources page body, as HTML blocks with Markdown headings for the table of contents.

    Kept in the chart cache under a hash of everything it is made from, so a build that changed none of
    it neither loads the data nor the validation library.
    """
    inputs = sorted(project.data_dir.glob("*")) + [PACKAGE / m for m in ("sources.py", "formats.py", "data.py")]
    h = hashlib.sha256()
    for path in inputs:
        h.update(path.name.encode() + path.read_bytes())
    h.update(repr(chapters(docs_dir)).encode())
    cached = project.cache_dir / f"sources-{h.hexdigest()[:16]}.html"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    html = _page_html(project, docs_dir)
    project.cache_dir.mkdir(parents=True, exist_ok=True)
    for old in project.cache_dir.glob("sources-*.html"):
        old.unlink()
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(cached)
    return html


def _page_html(project: Project, docs_dir: Path) -> str:
    from build_charts.data import load_all  # here, not at the top: a cached page never loads the validator

    datasets = load_all(project.data_dir)
    placed: set[str] = set()
    parts = [summary_html(datasets)]
    for title, ids in chapters(docs_dir):
        here = []
        for cid in ids:
            module = project.charts_dir / f"{cid}.py"
            for ds in chart_datasets(module) if module.exists() else []:
                if ds in datasets and ds not in placed:
                    placed.add(ds)
                    here.append(datasets[ds])
        if here:
            parts.append(f"## {title}\n")
            parts += [dataset_html(ds) for ds in here]
    rest = [ds for ds_id, ds in datasets.items() if ds_id not in placed]
    if rest:
        parts.append("## Background data\n")
        parts.append("<p>Datasets behind the text and the timelines rather than a chart of their own.</p>")
        parts += [dataset_html(ds) for ds in rest]
    return "\n\n".join(parts)
