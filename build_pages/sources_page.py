"""The Sources page body (`[[sources]]`): the charts side's sources blocks, arranged for readers.

The summary first, then the datasets grouped by the chapter whose chart first draws them, in reading
order, and last the datasets no chart draws. The blocks themselves (every origin cited in full, the
notes) come from the manifest's shared folder; this only orders them by the edition's pages.
"""

from __future__ import annotations

import re
from pathlib import Path

from build_charts.pipeline import Manifest
from build_pages import pages
from build_pages.editions import Edition

HEADING = re.compile(r"^#\s+(.+?)\s*(?:\{\s*#([\w-]+)\s*\})?\s*$", re.M)  # '# Title {#id}' (an id is optional)


def chapters(docs_dir: Path) -> list[tuple[str, list[str], str | None]]:
    """(page title, chart ids in the order drawn, its heading's own id) for every page, in reading order."""
    out = []
    for page in pages.pages(docs_dir):
        text = pages.read_page(page)
        title = HEADING.search(text)
        ids = [m["id"] for _, m in pages.chart_lines(text) if m["what"] == "chart"]
        out.append((title[1] if title else page.stem, ids, title[2] if title else None))
    return out


def page_html(manifest: Manifest, docs_dir: Path, edition: Edition) -> str:
    """The whole Sources page body, as HTML blocks with Markdown headings for the table of contents."""
    blocks = manifest.sources(edition.lang)
    datasets = blocks["datasets"]
    placed: set[str] = set()
    parts = [blocks["summary"]]
    for title, ids, anchor in chapters(docs_dir):
        here = []
        for cid in ids:
            for ds in manifest.charts[cid].datasets if cid in manifest.charts else []:
                if ds in datasets and ds not in placed:
                    placed.add(ds)
                    here.append(datasets[ds])
        if here:
            # a page's own heading id goes with it (the Chinese pages carry the English ones: one anchor per chapter)
            parts.append(f"## {title} {{#{anchor}}}\n" if anchor else f"## {title}\n")
            parts += here
    rest = [html for ds_id, html in datasets.items() if ds_id not in placed]
    if rest:
        parts.append(f"## {edition.say('background')} {{#background-data}}\n")
        parts.append(f"<p>{edition.say('background_text')}</p>")
        parts += rest
    return "\n\n".join(parts)
