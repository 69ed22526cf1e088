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

from build_charts import words
from build_charts.pipeline import PACKAGE, Project, chart_datasets
from build_charts.words import UI

if TYPE_CHECKING:
    from build_charts.data import Dataset

CHART_LINE = re.compile(r"^\s*\[\[chart\s+(\w+)\s*\]\]\s*$", re.M)
HEADING = re.compile(r"^#\s+(.+?)\s*(?:\{\s*#([\w-]+)\s*\})?\s*$", re.M)  # '# Title {#id}' (an id is optional)


def chapters(docs_dir: Path) -> list[tuple[str, list[str], str | None]]:
    """(page title, chart ids in the order drawn, its heading's own id) for every page, in reading order
    (home page first)."""
    pages = sorted(docs_dir.glob("*.md"), key=lambda p: (p.stem != "index", p.name))
    out = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        title = HEADING.search(text)
        out.append((title[1] if title else page.stem, CHART_LINE.findall(text), title[2] if title else None))
    return out


def dataset_html(ds: Dataset) -> str:
    from build_charts import formats

    m = ds.meta
    zh = words.language() == "zh"
    stop = "。" if zh else "."
    origins = "".join(
        f"<li>{formats.cite(o)}{stop}{'' if zh else ' '}{UI('accessed_one', date=escape(formats.access_date(o)))}"
        + (f" <em>{escape(o.note)}</em>" if o.note else "")
        + "</li>"
        for o in m.origins.values()
    )
    notes = "".join(f"<li>{escape(n)}</li>" for n in m.notes)
    kinds = UI("kinds_and").join(
        UI(k if k == "primary" else "secondary_kind") for k in sorted({o.kind for o in m.origins.values()})
    )
    count = UI("source_count" if len(m.origins) == 1 else "source_counts", n=len(m.origins))
    about = (
        f"（{escape(m.period)}；{UI('records', n=len(ds.rows))}，{count}：{kinds}）"
        if zh
        else f"({escape(m.period)}; {UI('records', n=len(ds.rows))}, {count}: {kinds})"
    )
    return (
        f'<details class="mw-dataset" id="{formats.dataset_anchor(ds.id)}">'
        f"<summary><strong>{escape(m.title)}</strong> <span>{about}</span></summary>"
        f"<p>{escape(m.description)}</p>"
        f'<h4>{UI("h_sources")}</h4><ul class="mw-sources">{origins}</ul>'
        + (f'<h4>{UI("h_notes")}</h4><ul class="mw-notes">{notes}</ul>' if notes else "")
        + "</details>"
    )


def summary_html(datasets: dict[str, Dataset]) -> str:
    origins = {o.url: o for ds in datasets.values() for o in ds.meta.origins.values()}
    primary = sum(o.kind == "primary" for o in origins.values())
    rows = sum(len(ds.rows) for ds in datasets.values())
    said = UI(
        "summary",
        datasets=len(datasets),
        rows=rows,
        docs=len(origins),
        primary=primary,
        secondary=len(origins) - primary,
    )
    return f"<p>{said}</p>"


def page_html(project: Project, docs_dir: Path, lang: str = "en") -> str:
    """The whole Sources page body, as HTML blocks with Markdown headings for the table of contents.

    Kept in the chart cache under a hash of everything it is made from, so a build that changed none of
    it neither loads the data nor the validation library.
    """
    inputs = sorted(project.data_dir.glob("*")) + [
        PACKAGE / m for m in ("sources.py", "formats.py", "data.py", "words.py")
    ]
    h = hashlib.sha256()
    for path in inputs:
        h.update(path.name.encode() + path.read_bytes())
    h.update(repr(chapters(docs_dir)).encode())
    cached = project.cache_dir / f"sources-{lang}-{h.hexdigest()[:16]}.html"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    with words.use(lang):
        html = _page_html(project, docs_dir, lang)
    project.cache_dir.mkdir(parents=True, exist_ok=True)
    for old in project.cache_dir.glob(f"sources-{lang}-*.html"):
        old.unlink()
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(cached)
    return html


def _page_html(project: Project, docs_dir: Path, lang: str) -> str:
    from build_charts.data import load_all  # here, not at the top: a cached page never loads the validator

    datasets = {ds_id: ds.in_language(lang) for ds_id, ds in load_all(project.data_dir).items()}
    placed: set[str] = set()
    parts = [summary_html(datasets)]
    for title, ids, anchor in chapters(docs_dir):
        here = []
        for cid in ids:
            module = project.charts_dir / f"{cid}.py"
            for ds in chart_datasets(module) if module.exists() else []:
                if ds in datasets and ds not in placed:
                    placed.add(ds)
                    here.append(datasets[ds])
        if here:
            # a page's own heading id goes with it (the Chinese pages carry the English ones: one anchor per chapter)
            parts.append(f"## {title} {{#{anchor}}}\n" if anchor else f"## {title}\n")
            parts += [dataset_html(ds) for ds in here]
    rest = [ds for ds_id, ds in datasets.items() if ds_id not in placed]
    if rest:
        parts.append(f"## {UI('background')} {{#background-data}}\n")
        parts.append(f"<p>{UI('background_text')}</p>")
        parts += [dataset_html(ds) for ds in rest]
    return "\n\n".join(parts)
