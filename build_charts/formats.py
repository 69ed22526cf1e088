"""Shared wording rules: number formats with units, and captions derived from metadata.

Nothing here is typed twice: chart captions, tooltips, tables and the Sources page all
take their words from a dataset's `.meta.yml` through these functions.
"""

from __future__ import annotations

import re
from decimal import Decimal
from html import escape
from typing import Any

from build_charts.data import Dataset, Origin
from build_charts.words import UI, date, language

UNIT_STYLE = {
    # unit in metadata -> (prefix, suffix)
    "RMB billion": ("RMB ", " bn"),
    "million": ("", " m"),
    "million users": ("", " m"),
    "million sellers": ("", " m"),
    "percent": ("", "%"),
}


# Chinese counts in 万 (10^4) and 亿 (10^8): unit in metadata -> (its size in 亿, suffix after 亿 or 万)
ZH_UNITS = {
    "RMB billion": (Decimal(10), "元"),
    "million": (Decimal("0.01"), ""),
    "million users": (Decimal("0.01"), ""),
}
ZH_UNITS["million sellers"] = ZH_UNITS["million accounts"] = ZH_UNITS["million"]


def _plain(d: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 1.2E+3 -> '1200', 7.8840 -> '7.884'."""
    text = f"{d.normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def zh_number(value: float | int, unit: str | None) -> str:
    """Chinese conventions: RMB 19.1 bn -> '191亿元', RMB 1,000 bn -> '1万亿元', 788.4 m -> '7.884亿', 20 m -> '2000万'.

    Exact: the source's digits are scaled by powers of ten, never rounded.
    """
    if unit == "percent":
        return f"{_plain(Decimal(repr(value)))}%"
    if unit not in ZH_UNITS:
        return f"{_plain(Decimal(repr(value)))}{f' {unit}' if unit else ''}"
    yi = Decimal(repr(value)) * ZH_UNITS[unit][0]  # in 亿
    suffix = ZH_UNITS[unit][1]
    if yi >= 10000:
        return f"{_plain(yi / 10000)}万亿{suffix}"
    if yi >= 1:
        return f"{_plain(yi)}亿{suffix}"
    return f"{_plain(yi * 10000)}万{suffix}"


def number(value: float | int | None, unit: str | None = None, digits: int | None = None) -> str:
    """Format a value with its unit for people: 'RMB 19.1 bn', '788.4 m', '27.4%' (in Chinese: '191亿元')."""
    if value is None:
        return UI("no_data")
    if language() == "zh" and digits is None:
        return zh_number(value, unit)
    if digits is None:
        # every decimal the source gave, never rounded away: 0.02271 stays 0.02271 (a cap of 3 made it 0.023),
        # 0.05 m stays 0.05 m, 19.1 stays 19.1; a value with more digits than a source gives passes `digits`
        digits = 0 if float(value).is_integer() else len(repr(float(value)).split(".")[1])
    text = f"{value:,.{digits}f}"
    prefix, suffix = UNIT_STYLE.get(unit or "", ("", f" {unit}" if unit else ""))
    return f"{prefix}{text}{suffix}"


def with_period(value_text: str, period: Any) -> str:
    """'RMB 19.1 bn, 2012' — a tooltip line always says which period a value is for."""
    return UI("period", value=value_text, period=period)


KANA = re.compile("[\u3040-\u30ff]")
HAN = re.compile("[\u3400-\u9fff]")


def in_own_language(html: str, text: str) -> str:
    """`html` marked with the language of `text` on a page in another language (a source is cited as
    published): English, Japanese where it holds kana, unmarked where it is Chinese like the page."""
    if language() == "en":
        return html
    if KANA.search(text):
        return f'<span lang="ja">{html}</span>'
    return html if HAN.search(text) else f'<span lang="en">{html}</span>'


def cite(origin: Origin) -> str:
    """One source, as HTML: producer, linked title, date published (in Chinese with full-width punctuation and
    the date as 2013年11月; the title as published in both)."""
    zh = language() == "zh"
    published = origin.date_published
    when = (f"（{date(published)}）" if zh else f" ({escape(published)})") if published else ""
    kind = UI("secondary") if origin.kind == "secondary" else ""
    producer = in_own_language(escape(origin.producer), origin.producer)
    title = in_own_language(f"“{escape(origin.title)}”", origin.title)
    link = f'<a href="{escape(origin.url, quote=True)}" rel="noopener">{title}</a>'
    return f"{producer}{'，' if zh else ', '}{link}{when}{kind}"


def dataset_anchor(dataset_id: str) -> str:
    """The id of a dataset's section on the Sources page."""
    return "data-" + dataset_id.replace("_", "-")


def access_date(origin: Origin) -> str:
    """When a source was read: ISO in English (2026-11-25), 2026年11月25日 in Chinese."""
    return origin.date_accessed if language() == "en" else date(origin.date_accessed)


def accessed(origins: list[Origin]) -> str:
    dates = sorted({access_date(o) for o in origins})
    return UI("accessed", dates=UI("list_sep").join(dates)) if dates else ""


def main_source(datasets: list[Dataset]) -> str:
    """The one line under a chart, as HTML: its main source by producer (primary documents first, then the
    producer behind the most records) and how many others there are; a schematic says that it is one."""
    if not datasets:
        return UI("schematic")
    backed: dict[str, list] = {}  # producer -> [primary?, records, first seen]
    for ds in datasets:
        for row in ds.rows:
            o = ds.meta.origins[row["source"]]
            entry = backed.setdefault(o.producer, [False, 0, len(backed)])
            entry[0] |= o.kind == "primary"
            entry[1] += 1
    ranked = sorted(backed, key=lambda p: (not backed[p][0], -backed[p][1], backed[p][2]))
    colon = "：" if language() == "zh" else ": "
    label = UI("source") if len(ranked) == 1 else UI("sources")
    more = UI("more_sources", n=len(ranked) - 1, total=len(ranked)) if len(ranked) > 1 else ""
    return f"{label}{colon}{in_own_language(escape(ranked[0]), ranked[0])}{more}"


def caption_html(datasets: list[Dataset], sources_url: str = "sources/") -> str:
    """The source line and notes under a chart, derived from the datasets it draws (a long list of sources
    links to the datasets' sections of the page at `sources_url`)."""
    if not datasets:
        return ""  # a schematic says so in its one line (main_source); it has no sources to list
    origins: list[Origin] = []
    for ds in datasets:
        for o in ds.used_origins().values():
            if o not in origins:
                origins.append(o)
    label = UI("source") if len(origins) == 1 else UI("sources")
    colon, stop = ("：", "。") if language() == "zh" else (": ", ". ")
    sep = UI("list_sep")
    if len(origins) <= 3:
        listed = sep.join(cite(o) for o in origins) + f"{stop}{accessed(origins)}"
        parts = [f'<p class="mw-chart__sources"><strong>{label}{colon.strip()}</strong>{colon[1:]}{listed}</p>']
    else:  # a long list is named by producer here and listed in full, with links, on the Sources page
        producers = list(dict.fromkeys(o.producer for o in origins))
        semi = "；" if language() == "zh" else "; "  # names can hold commas
        head = semi.join(in_own_language(escape(p), p) for p in producers[:3])
        more = UI("and_more", n=len(producers) - 3) if len(producers) > 3 else ""
        links = [f'<a href="{escape(sources_url, quote=True)}#{dataset_anchor(ds.id)}">' for ds in datasets]
        if len(datasets) == 1:
            where = f"{links[0]}{UI('on_sources_page')}</a>"
        else:
            shown = [ds.meta.title if language() != "en" else ds.id.replace("_", " ") for ds in datasets]
            names = [f"{link}{escape(name)}</a>" for link, name in zip(links, shown, strict=True)]
            where = UI(
                "under", names="、".join(names[:-1]) if language() == "zh" else ", ".join(names[:-1]), last=names[-1]
            )
        parts = [
            f'<p class="mw-chart__sources"><strong>{label}{colon.strip()}</strong>{colon[1:]}{head}{more}{stop}'
            f"{UI('all_listed', n=len(origins), where=where)}</p>"
        ]
    notes = [n for ds in datasets for n in ds.meta.notes]
    if notes:  # in the figure's drawer, which is the fold: listed, not folded again
        items = "".join(f"<li>{escape(n)}</li>" for n in notes)
        parts.append(f'<p class="mw-chart__h">{UI("h_notes")}</p><ul class="mw-chart__notes">{items}</ul>')
    return "".join(parts)


# a column's unit as the Chinese data table's heading names it (the cells hold the data's own numbers)
UNIT_NAMES_ZH = {
    "percent": "%",
    "million": "百万",
    "million users": "百万用户",
    "million sellers": "百万卖家",
    "million accounts": "百万个账户",
    "RMB billion": "十亿元",
    "days": "天",
}


def unit_heading(unit: str | None) -> str:
    """What a table's column heading adds for its unit: ' (percent)', or in Chinese '（%）' ('或' between
    alternatives; a unit with no Chinese name stays as it is)."""
    if not unit:
        return ""
    if language() != "zh":
        return f" ({unit})"
    return "（" + "或".join(UNIT_NAMES_ZH.get(u, u) for u in unit.split(" or ")) + "）"


def cell(value: Any, unit: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return UI("yes") if value else UI("no")
    if isinstance(value, float):
        return number(value, None)  # all the source's digits: a percent cell of 2.06 is not 2.1
    return str(value)
