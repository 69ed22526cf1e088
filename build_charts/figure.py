"""The HTML of one chart figure: the static SVG, then one line (its main source) that opens a drawer with
the description, sources and notes from metadata, the data table, downloads and reuse.

The figure works with no JavaScript at all; `overrides/assets/javascripts/charts.js`
later swaps the static SVG for a live Vega view when the figure nears the viewport.
Every data string passes through `html.escape`: data is text, never markup.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from build_charts import formats, theme
from build_charts.data import Dataset
from build_charts.pipeline import Links
from build_charts.words import LANGUAGES, UI, language


def prefix_svg_ids(svg: str, prefix: str) -> str:
    """Give every id in an inline SVG a chart-specific prefix, so two charts on a page never clash."""
    ids = set(re.findall(r'\sid="([^"]+)"', svg))
    for old in sorted(ids, key=len, reverse=True):
        new = f"{prefix}-{old}"
        svg = svg.replace(f'id="{old}"', f'id="{new}"').replace(f"url(#{old})", f"url(#{new})")
        svg = svg.replace(f'href="#{old}"', f'href="#{new}"')
    return svg


def _round(match: re.Match) -> str:
    """Numbers in one attribute to 0.1 px, without a trailing '.0'."""
    return re.sub(r"(\d)\.0(?!\d)", r"\1", re.sub(r"(\d\.\d)\d+", r"\1", match[0]))


def _unwrap_bare_groups(svg: str) -> str:
    """Remove `<g>` elements without attributes (they change nothing), keeping their children."""
    out, keep, pos = [], [], 0
    for m in re.finditer(r"<(/?)g\b([^>]*)>", svg):
        out.append(svg[pos : m.start()])
        pos = m.end()
        if m[1]:  # a closing tag goes with its opening tag
            if keep.pop():
                out.append(m[0])
        elif m[2].endswith("/"):  # <g .../> closes itself
            out.append(m[0])
        else:
            keep.append(bool(m[2].strip()))
            if keep[-1]:
                out.append(m[0])
    out.append(svg[pos:])
    return "".join(out)


def slim_svg(svg: str) -> str:
    """Drop what a static, hidden picture does not need; it is inlined in every page that shows it.

    Only no-ops go: hidden and empty marks, Vega's class names and event hints, default opacities,
    groups without attributes (their children stay); geometry is rounded to 0.1 px. Colours stay as
    written (the dark scheme matches them).
    """
    svg = re.sub(r"<\w+\b[^<>]*\sdisplay=\"none\"[^<>]*/>", "", svg)
    svg = re.sub(r'<path\b[^<>]*\sd="(?:M0,0h0v0h0Z)?"[^<>]*/>', "", svg)
    svg = re.sub(r'\s(?:class|pointer-events|aria-hidden)="[^"]*"', "", svg)
    svg = re.sub(r'\s(?:fill-|stroke-)?opacity="1"', "", svg)
    svg = re.sub(r'\stransform="translate\(0,0\)"', "", svg)
    svg = re.sub(r'\s(?:d|transform|x|y|x1|x2|y1|y2)="[^"]*"', _round, svg)
    svg = _unwrap_bare_groups(svg)
    # one font for every label: say it once on the root, not on each <text>
    fonts = set(re.findall(r'\sfont-family="([^"]*)"', svg))
    if len(fonts) == 1:
        svg = re.sub(r'\sfont-family="[^"]*"', "", svg)
        svg = re.sub(r"^<svg ", f'<svg font-family="{fonts.pop()}" ', svg, count=1)
    return svg


def static_svg(svg: str, chart_id: str, layout: str = "wide") -> str:
    """The build-time SVG, made safe to inline: slim, no fixed size, hidden from screen readers."""
    svg = re.sub(r"<\?xml[^>]*>\s*", "", svg)
    svg = prefix_svg_ids(svg, f"mw-{chart_id}-{layout}")
    # per-mark ARIA text repeats the data table; the static picture is hidden from screen readers anyway
    svg = re.sub(r'\s(?:aria-label|aria-roledescription|role)="[^"]*"', "", svg)
    svg = slim_svg(svg)
    # the figure's text description is the accessible name; the table carries the values
    # the page shows one layout per screen width (site.css): the narrow drawing on phones
    return re.sub(
        r"^<svg ",
        f'<svg class="mw-chart__svg mw-chart__svg--{layout}" aria-hidden="true" focusable="false" '
        'preserveAspectRatio="xMinYMin meet" ',
        svg,
        count=1,
    )


def table_html(
    columns: list[tuple[str, str | None]],
    rows: list[dict[str, Any]],
    caption: str,
    labels: dict[str, str] | None = None,
) -> str:
    labels = labels or {}
    head = "".join(
        f'<th scope="col">{escape(labels.get(name) or column_label(name))}{escape(formats.unit_heading(unit))}</th>'
        for name, unit in columns
    )
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(formats.cell(r.get(name), unit))}</td>" for name, unit in columns) + "</tr>"
        for r in rows
    )
    return f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def dataset_columns(ds: Dataset) -> list[tuple[str, str | None]]:
    """(key, unit) of each column the table shows."""
    return [(name, col.unit) for name, col in ds.meta.columns.items() if col.table]


def column_label(name: str) -> str:
    """A column's name for readers when its metadata gives no `label` (the real datasets all give one:
    tests/test_data_layer.py checks it; an author's new dataset still gets a readable header)."""
    return name.replace("_", " ").capitalize()


def table_rows(ds: Dataset) -> list[dict[str, Any]]:
    """Rows as readers see them: an origin id becomes the name of its producer, a coded value its label."""
    refs = [name for name, col in ds.meta.columns.items() if col.type == "origin"]
    coded = {name: col.value_labels for name, col in ds.meta.columns.items() if col.value_labels}
    return [
        r
        | {c: ds.meta.origins[r[c]].producer for c in refs if r.get(c)}
        | {c: labels.get(r[c], r[c]) for c, labels in coded.items() if r.get(c) is not None}
        for r in ds.rows
    ]


def drawing_name(chart_id: str, key: str, lang: str, layout: str) -> str:
    """A drawing's file name without suffix: 'taobao_gmv.0123456789', '….zh', '….narrow', '….zh.narrow'."""
    return ".".join(
        [f"{chart_id}.{key[:10]}"] + ([lang] if lang != "en" else []) + ([layout] if layout != "wide" else [])
    )


def render(
    chart_id: str,
    key: str,
    title: str,
    description: str,
    svgs: dict[str, str],
    datasets: list[Dataset],
    links: Links,
    answer: tuple[dict, dict[str, str]] | None = None,
) -> str:
    """The complete `<figure>` in the language being built; its files' URLs start with `links.assets`.

    A guess-first chart (`kit.answer`) gives `answer`: what it keeps back (its full description) and its
    drawings with the answer. Nothing outside the drawer then states the answer: `description` (without it)
    is the figure's accessible text, and the drawer opens as "Show what happened" on the drawings with the
    answer, the full description, and the notes, data and downloads, which hold it too. Without script
    that disclosure is the reveal; charts-live.js opens the live view's answer after a guess."""
    # the downloads: each edition's set (the Chinese one adds each source's producer in Chinese)
    data = f"{links.assets}{chart_id}.{key[:10]}" + ("" if language() == LANGUAGES[0] else f".{language()}")
    base = f"{links.assets}{drawing_name(chart_id, key, language(), 'wide')}"
    fid = f"fig-{chart_id.replace('_', '-')}"
    period = "（{}）" if language() == "zh" else " ({})"
    tables = "".join(
        table_html(
            dataset_columns(ds),
            table_rows(ds),
            ds.meta.title + period.format(ds.meta.period),
            {name: col.label for name, col in ds.meta.columns.items() if col.label},
        )
        for ds in datasets
    )
    # hashed URLs (cached for ever), saved under the chart's own name
    data_links = (
        f'<a href="{data}.csv" download="{chart_id}.csv">CSV</a> · '
        f'<a href="{data}.json" download="{chart_id}.json">JSON</a> · '
        if datasets
        else ""
    )
    narrow = f' data-spec-narrow="{base}.narrow.vg.json"' if "narrow" in svgs else ""
    drawing = f"{base}.answer.svg" if answer else f"{base}.svg"  # the download: the whole picture
    if answer:  # the description without the answer names the figure (hidden: the drawer holds the full one)
        kept, said = f'<p class="mw-chart__desc" id="{fid}-desc" hidden>{escape(description)}</p>', UI("answer")
        shown = (
            f'<div class="mw-chart__answer" role="img" aria-labelledby="{fid}-answer">'
            + "".join(static_svg(svg, f"{chart_id}-answer", layout) for layout, svg in answer[1].items())
            + f'</div><p class="mw-chart__desc" id="{fid}-answer">{escape(answer[0]["description"])}</p>'
        )
    else:
        kept, said = "", UI("drawer")
        shown = f'<p class="mw-chart__desc" id="{fid}-desc">{escape(description)}</p>'
    licence = '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>'
    return (
        # data-search-exclude: the search index gets the page's prose, not every table cell
        f'<figure class="mw-chart" id="{fid}" data-chart="{escape(chart_id)}" data-spec="{base}.vg.json"{narrow} '
        "data-search-exclude "
        f'aria-labelledby="{fid}-title" aria-describedby="{fid}-desc">'
        # the chart draws its own title; this one names the figure for screen readers
        f'<div class="mw-chart__title md-visually-hidden" id="{fid}-title">{escape(title)}</div>'
        # the description below the chart names the picture too (said once, not twice, in the HTML)
        f'<div class="mw-chart__view" role="img" aria-labelledby="{fid}-desc">'
        + "".join(static_svg(svg, chart_id, layout) for layout, svg in svgs.items())
        + "</div>"
        # the chart first: one line (its main source) that opens the drawer with everything else, which
        # works without script; the description inside stays the figure's description while it is closed
        f'<figcaption class="mw-chart__caption">{kept}<details class="mw-chart__drawer">'
        f'<summary><span class="mw-chart__source">{formats.main_source(datasets)}</span>'
        f'<span class="mw-chart__open">{said}</span></summary>'
        f"{shown}{formats.caption_html(datasets, links.sources_url(language()))}"
        + (f'<div class="mw-chart__data">{tables}</div>' if datasets else "")
        + f'<p class="mw-chart__downloads">{UI("download")} {data_links}'
        f'<a href="{drawing}" download="{chart_id}.svg">SVG</a>'
        # drawn in the reader's browser from the SVG file (charts.js shows the button): the build makes no PNG
        f'<span class="mw-chart__png" hidden> · <button type="button" data-svg="{drawing}"'
        f' data-name="{escape(chart_id)}.png" data-background="{theme.BACKGROUND["light"]}">PNG</button></span>'
        f' · <a class="mw-chart__anchor" href="#{fid}">{UI("link_chart")}</a></p>'
        f'<p class="mw-chart__reuse">{UI("reuse", licence=licence)}</p>'
        "</details>"
        "</figcaption></figure>"
    )
