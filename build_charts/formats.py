"""Shared wording rules: number formats with units, and captions derived from metadata.

Nothing here is typed twice: chart captions, tooltips, tables and the Sources page all
take their words from a dataset's `.meta.yml` through these functions.
"""

from __future__ import annotations

from html import escape
from typing import Any

from build_charts.data import Dataset, Origin
from build_charts.pipeline import SOURCES_MARK

UNIT_STYLE = {
    # unit in metadata -> (prefix, suffix)
    "RMB billion": ("RMB ", " bn"),
    "million": ("", " m"),
    "million users": ("", " m"),
    "million sellers": ("", " m"),
    "percent": ("", "%"),
}


def number(value: float | int | None, unit: str | None = None, digits: int | None = None) -> str:
    """Format a value with its unit for people: 'RMB 19.1 bn', '788.4 m', '27.4%'."""
    if value is None:
        return "no data"
    if digits is None:
        # as many decimals as the source gave (at most 3): 0.05 m stays 0.05 m, 19.1 stays 19.1
        digits = 0 if float(value).is_integer() else min(3, len(repr(float(value)).split(".")[1]))
    text = f"{value:,.{digits}f}"
    prefix, suffix = UNIT_STYLE.get(unit or "", ("", f" {unit}" if unit else ""))
    return f"{prefix}{text}{suffix}"


def with_period(value_text: str, period: Any) -> str:
    """'RMB 19.1 bn, 2012' — a tooltip line always says which period a value is for."""
    return f"{value_text}, {period}"


def cite(origin: Origin) -> str:
    """One source, as HTML: producer, linked title, date published."""
    date = f" ({escape(origin.date_published)})" if origin.date_published else ""
    kind = " [secondary copy]" if origin.kind == "secondary" else ""
    return (
        f'{escape(origin.producer)}, <a href="{escape(origin.url, quote=True)}" rel="noopener">'
        f"“{escape(origin.title)}”</a>{date}{kind}"
    )


def dataset_anchor(dataset_id: str) -> str:
    """The id of a dataset's section on the Sources page."""
    return "data-" + dataset_id.replace("_", "-")


def accessed(origins: list[Origin]) -> str:
    dates = sorted({o.date_accessed for o in origins})
    return "Accessed " + ", ".join(dates) + "." if dates else ""


def caption_html(datasets: list[Dataset]) -> str:
    """The source line and notes under a chart, derived from the datasets it draws."""
    if not datasets:
        return '<p class="mw-chart__sources"><strong>Schematic, not data:</strong> an illustration of the argument.</p>'
    origins: list[Origin] = []
    for ds in datasets:
        for o in ds.used_origins().values():
            if o not in origins:
                origins.append(o)
    label = "Source" if len(origins) == 1 else "Sources"
    if len(origins) <= 3:
        listed = "; ".join(cite(o) for o in origins) + f". {accessed(origins)}"
        parts = [f'<p class="mw-chart__sources"><strong>{label}:</strong> {listed}</p>']
    else:  # a long list is named by producer here and listed in full, with links, on the Sources page
        producers = list(dict.fromkeys(o.producer for o in origins))
        head = "; ".join(escape(p) for p in producers[:3])  # producers' names can hold commas
        more = f"; and {len(producers) - 3} more" if len(producers) > 3 else ""
        links = [f'<a href="{SOURCES_MARK}#{dataset_anchor(ds.id)}">' for ds in datasets]
        if len(datasets) == 1:
            where = f"{links[0]}on the Sources page</a>"
        else:
            names = [f"{link}{escape(ds.id.replace('_', ' '))}</a>" for link, ds in zip(links, datasets, strict=True)]
            where = "on the Sources page, under " + ", ".join(names[:-1]) + " and " + names[-1]
        parts = [
            f'<p class="mw-chart__sources"><strong>{label}:</strong> {head}{more}. All {len(origins)} documents'
            f" are listed with titles, links and access dates {where}.</p>"
        ]
    notes = [n for ds in datasets for n in ds.meta.notes]
    items = "".join(f"<li>{escape(n)}</li>" for n in notes)
    if 0 < len(notes) <= 2:
        parts.append(f'<ul class="mw-chart__notes">{items}</ul>')
    elif notes:  # many notes fold away, one click from the chart
        parts.append(
            f'<details class="mw-chart__notes"><summary><strong>Notes on these figures</strong> ({len(notes)}):'
            f" bases, gaps and where sources disagree</summary><ul>{items}</ul></details>"
        )
    return "".join(parts)


def cell(value: Any, unit: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return number(value, None, digits=None if unit != "percent" else 1)
    return str(value)
