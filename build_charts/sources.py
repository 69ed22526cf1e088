"""Every dataset's sources, as HTML blocks for a Sources page, and the other files all charts share.

A summary first (how many datasets and documents, of which kinds, how disagreements are shown), then
one block per dataset, folded away under its title: its origins, cited in full, and its notes.
Everything comes from the metadata files; nothing is typed twice. Which page shows them, and in what
order, is the page maker's business: `write_common` puts them in the shared cache folder, per language.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from build_charts import bets, formats, theme, words
from build_charts.words import LANGUAGES, UI

if TYPE_CHECKING:
    from build_charts.data import Dataset


def dataset_html(ds: Dataset) -> str:
    """One dataset's section of the Sources page, folded under its title, in the language being built."""
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


def write_common(data_dir: Path, folder: Path) -> None:
    """The shared cache folder: the dark-scheme chart colours, and per language every dataset's sources and
    the parts of the bets' cards."""
    from build_charts.data import load_all  # here, not at the top: a build whose data did not change never loads it

    loaded = load_all(data_dir)
    files = {"colours.css": theme.dark_css() + "\n"}
    for lang in LANGUAGES:
        datasets = {ds_id: ds.in_language(lang) for ds_id, ds in loaded.items()}
        with words.use(lang):
            blocks = {"summary": summary_html(datasets), "datasets": {k: dataset_html(v) for k, v in datasets.items()}}
        files[f"sources.{lang}.json"] = json.dumps(blocks, ensure_ascii=False, indent=1)
        if bets.DATASET in datasets:  # the article's bets, for the page maker's cards
            with words.use(lang):
                parts = bets.cards(datasets[bets.DATASET])
            files[f"bets.{lang}.json"] = json.dumps(parts, ensure_ascii=False, indent=1)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".tmp-"))
    for name, text in files.items():
        (tmp / name).write_text(text, encoding="utf-8")
    tmp.rename(folder)  # all at once: never a half-written folder
    for old in folder.parent.glob("common-*"):  # older data's folders can never be used again
        if old != folder and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
