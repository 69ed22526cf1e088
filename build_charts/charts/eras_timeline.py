"""Chart `eras_timeline`: the e-commerce model eras (B2B → C2C → B2C → C2B, WeChat and after) and their milestones."""

import calendar
import datetime as dt

import altair as alt

from build_charts import theme
from build_charts.data import Dataset

OPEN_END = 2024  # eras with no sourced end year are drawn through this year
ARTICLE_YEAR = 2013  # the source article is dated only "c. 2013"
X_MIN = 1998

# Vertical layout in row units (one unit per era row; y grows downwards).
LABEL_Y = 0.40  # baseline of the era label above its bar
BAR_TOP, BAR_BOTTOM = 0.48, 0.92
BAR_MID = (BAR_TOP + BAR_BOTTOM) / 2
LANES = [BAR_MID, 0.18, 1.16]  # numbered markers: on the bar, above it, below it
MIN_GAP = 1.4  # years between two numbered markers sharing a lane
LIST_STEP = 0.55  # spacing of the milestone list lines
ROW_PX = 30


def _when(d: str) -> tuple[float, str, str]:
    """Fractional-year position, long and short labels of a date only as precise as its source."""
    parts = [int(p) for p in d.split("-")]
    if len(parts) == 1:  # year only: drawn mid-year
        return parts[0] + 0.5, str(parts[0]), str(parts[0])
    y, m = parts[0], parts[1]
    if len(parts) == 2:  # month only: drawn mid-month
        return y + (m - 0.5) / 12, f"{calendar.month_name[m]} {y}", f"{calendar.month_abbr[m]} {y}"
    day = dt.date(y, m, parts[2])
    days = 366 if calendar.isleap(y) else 365
    pos = y + (day.timetuple().tm_yday - 0.5) / days
    return pos, f"{parts[2]} {calendar.month_name[m]} {y}", f"{parts[2]} {calendar.month_abbr[m]} {y}"


def build(eras: Dataset, milestones: Dataset) -> alt.LayerChart:
    text, muted, grid, surface = (theme.TOKENS[k][0] for k in ("text", "muted", "grid", "surface"))

    row_of = {r["era"]: i for i, r in enumerate(eras.rows)}
    label_of = {r["era"]: r["label"] for r in eras.rows}
    bars = []
    for i, r in enumerate(eras.rows):
        end = r["end_year"]
        years = f"{r['start_year']}–{end}" if end else f"{r['start_year']} – still running (drawn to {OPEN_END})"
        bars.append(
            {
                "era": r["era"],
                "label": r["label"],
                "name": r["name"],
                "company": r["company"],
                "x": r["start_year"],
                "x2": (end if end else OPEN_END) + 1,
                "y": i + BAR_TOP,
                "y2": i + BAR_BOTTOM,
                "label_y": i + LABEL_Y,
                "years": years,
                "flagship": r["flagship"],
                "built_to_beat": r["built_to_beat"],
                "after": r["after_article"],
                "timing": "began after the article" if r["after_article"] else "began before the article",
                "source": eras.origin(r).producer,
            }
        )

    points, per_era = [], {}
    for r in milestones.rows:
        if r["era"] not in row_of:
            raise ValueError(f"milestone {r['event']!r} names era {r['era']!r}, which is not in eras.csv")
        x, long, short = _when(r["date"])
        per_era.setdefault(r["era"], []).append((x, r, long, short))
    for era, items in per_era.items():
        items.sort(key=lambda t: t[0])
        last = [float("-inf")] * len(LANES)
        row = row_of[era]
        for n, (x, r, long, short) in enumerate(items, 1):
            lane = next((k for k, prev in enumerate(last) if x - prev >= MIN_GAP), 0)
            last[lane] = x
            points.append(
                {
                    "era": era,
                    "era_label": label_of[era],
                    "company": r["company"],
                    "event": r["event"],
                    "detail": r["detail"],
                    "date": long,
                    "x": x,
                    "y": row + BAR_MID,
                    "marker_y": row + LANES[lane],
                    "n": str(n),
                    "line": f"{short} · {r['event']}",
                    "list_y": len(eras.rows) + 0.35 + (n - 1) * LIST_STEP,
                    "timing": "after the article" if r["after_article"] else "before the article",
                    "source": milestones.origin(r).producer,
                }
            )

    companies = list(dict.fromkeys([b["company"] for b in bars] + [p["company"] for p in points]))
    longest = max(len(v) for v in per_era.values())
    y_max = len(eras.rows) + 0.35 + (longest - 1) * LIST_STEP + 0.35
    x_scale = alt.Scale(domain=[X_MIN, OPEN_END + 1], nice=False, zero=False)
    y_scale = alt.Scale(domain=[-0.55, y_max], reverse=True, nice=False, zero=False)
    x = alt.X(
        "x:Q",
        scale=x_scale,
        title=None,
        axis=alt.Axis(orient="top", format="d", values=list(range(2000, OPEN_END + 1, 5)), grid=True),
    )
    y_none = {"scale": y_scale, "axis": None, "title": None}
    colour = alt.Color(
        "company:N", title=None, scale=theme.scale(companies), legend=alt.Legend(symbolType="square", columns=3)
    )

    # Clicks on marks without an era (the article band, the hint) are ignored; a click on empty space clears.
    era_pick = alt.selection_point(
        name="era_pick",
        fields=["era"],
        on="click[!event.item || event.item.mark.marktype === 'group' || isValid(event.item.datum.era)]",
        clear="dblclick",
        toggle=False,
    )
    highlight = alt.param(name="highlight_era", value="")
    dim_by_scroll = "highlight_era != '' && datum.era != highlight_era"

    band_data = alt.Data(
        values=[
            {
                "x": ARTICLE_YEAR,
                "x2": ARTICLE_YEAR + 1,
                "mid": ARTICLE_YEAR + 0.5,
                "y": -0.55,
                "y2": len(eras.rows),
                "ly": -0.3,
                "label": "article (c. 2013)",
            }
        ]
    )
    band = (
        alt.Chart(band_data)
        .mark_rect(color=grid, opacity=0.55)
        .encode(x=x, x2="x2:Q", y=alt.Y("y:Q", **y_none), y2="y2:Q")
    )
    rule = (
        alt.Chart(band_data)
        .mark_rule(strokeDash=[4, 3], color=muted)
        .encode(x=alt.X("mid:Q", scale=x_scale), y=alt.Y("ly:Q", **y_none), y2="y2:Q")
    )
    rule_label = (
        alt.Chart(band_data)
        .mark_text(color=muted, align="left", baseline="middle", dx=4, fontSize=11)
        .encode(x=alt.X("mid:Q", scale=x_scale), y=alt.Y("ly:Q", **y_none), text="label:N")
    )

    data = alt.Data(values=bars)
    bar_tooltip = [
        alt.Tooltip("name:N", title="Era"),
        alt.Tooltip("label:N", title="Model"),
        alt.Tooltip("years:N", title="Years"),
        alt.Tooltip("company:N", title="Company"),
        alt.Tooltip("flagship:N", title="Flagship"),
        alt.Tooltip("built_to_beat:N", title="Built to beat"),
        alt.Tooltip("timing:N", title="Timing"),
        alt.Tooltip("source:N", title="Start year reported by"),
    ]
    bar_layer = (
        alt.Chart(data)
        .mark_rect(cornerRadius=2, cursor="pointer")
        .encode(
            x=x,
            x2="x2:Q",
            y=alt.Y("y:Q", **y_none),
            y2="y2:Q",
            color=colour,
            fillOpacity=alt.when(alt.datum.after).then(alt.value(0.3)).otherwise(alt.value(1.0)),
            opacity=alt.when(dim_by_scroll)
            .then(alt.value(0.2))
            .when(~era_pick)
            .then(alt.value(0.2))
            .otherwise(alt.value(1.0)),
            tooltip=bar_tooltip,
        )
        .add_params(era_pick)
    )
    # eras that began after the article: pale fill (above) plus a dashed outline
    outlines = (
        alt.Chart(data)
        .transform_filter("datum.after")
        .mark_rect(cornerRadius=2, filled=False, strokeDash=[4, 2], strokeWidth=1.5, cursor="pointer")
        .encode(
            x=x,
            x2="x2:Q",
            y=alt.Y("y:Q", **y_none),
            y2="y2:Q",
            stroke=alt.Color("company:N", scale=theme.scale(companies), legend=None),
            opacity=alt.when(dim_by_scroll)
            .then(alt.value(0.2))
            .when(~era_pick)
            .then(alt.value(0.2))
            .otherwise(alt.value(1.0)),
            tooltip=bar_tooltip,
        )
    )
    labels = (
        alt.Chart(data)
        .mark_text(align="left", baseline="alphabetic", fontWeight=600, color=text)
        .encode(
            x=alt.value(0),
            y=alt.Y("label_y:Q", **y_none),
            text="label:N",
            opacity=alt.when(dim_by_scroll)
            .then(alt.value(0.35))
            .when(~era_pick)
            .then(alt.value(0.35))
            .otherwise(alt.value(1.0)),
            tooltip=bar_tooltip,
        )
    )

    pts = alt.Data(values=points)
    pt_tooltip = [
        alt.Tooltip("date:N", title="Date"),
        alt.Tooltip("event:N", title="Event"),
        alt.Tooltip("detail:N", title="Detail"),
        alt.Tooltip("company:N", title="Company"),
        alt.Tooltip("era_label:N", title="Era"),
        alt.Tooltip("timing:N", title="Timing"),
        alt.Tooltip("source:N", title="Date reported by"),
    ]
    picked = {"param": "era_pick", "empty": False}
    diamonds = (
        alt.Chart(pts)
        .transform_filter(era_pick)
        .mark_point(shape="diamond", filled=True, size=90, stroke=surface, strokeWidth=1.5, opacity=1)
        .encode(
            x=x,
            y=alt.Y("y:Q", **y_none),
            color=colour,
            opacity=alt.when(dim_by_scroll).then(alt.value(0.25)).otherwise(alt.value(1.0)),
            tooltip=pt_tooltip,
        )
    )
    connectors = (
        alt.Chart(pts)
        .transform_filter(picked)
        .transform_filter("datum.marker_y != datum.y")
        .mark_rule(color=muted, strokeWidth=1)
        .encode(x=x, y=alt.Y("y:Q", **y_none), y2="marker_y:Q")
    )
    markers = (
        alt.Chart(pts)
        .transform_filter(picked)
        .mark_point(shape="circle", filled=True, size=240, fill=surface, strokeWidth=2, opacity=1)
        .encode(
            x=x,
            y=alt.Y("marker_y:Q", **y_none),
            stroke=alt.Color("company:N", scale=theme.scale(companies), legend=None),
            tooltip=pt_tooltip,
        )
    )
    numbers = (
        alt.Chart(pts)
        .transform_filter(picked)
        .mark_text(fontSize=11, fontWeight=700, color=text, baseline="middle")
        .encode(x=x, y=alt.Y("marker_y:Q", **y_none), text="n:N", tooltip=pt_tooltip)
    )
    list_markers = (
        alt.Chart(pts)
        .transform_filter(picked)
        .mark_point(shape="circle", filled=True, size=240, fill=surface, strokeWidth=2, opacity=1)
        .encode(
            x=alt.value(9),
            y=alt.Y("list_y:Q", **y_none),
            stroke=alt.Color("company:N", scale=theme.scale(companies), legend=None),
            tooltip=pt_tooltip,
        )
    )
    list_numbers = (
        alt.Chart(pts)
        .transform_filter(picked)
        .mark_text(fontSize=11, fontWeight=700, color=text, baseline="middle")
        .encode(x=alt.value(9), y=alt.Y("list_y:Q", **y_none), text="n:N", tooltip=pt_tooltip)
    )
    list_lines = (
        alt.Chart(pts)
        .transform_filter(picked)
        .mark_text(align="left", baseline="middle", color=text, limit=alt.expr("width - 24"))
        .encode(x=alt.value(24), y=alt.Y("list_y:Q", **y_none), text="line:N", tooltip=pt_tooltip)
    )
    hint = (
        alt.Chart(alt.Data(values=[{"y": len(eras.rows) + 0.35, "text": "Tap or click a bar to list its milestones."}]))
        .transform_filter(era_pick)
        .mark_text(align="left", baseline="middle", color=muted, fontStyle="italic")
        .encode(x=alt.value(0), y=alt.Y("y:Q", **y_none), text="text:N")
    )

    # Accessible text, with its facts taken from the rows.
    ladder = [r for r in eras.rows if r["company"] == "Alibaba" and not r["after_article"]]
    ladder_text = ", ".join(f"{r['label']} in {r['start_year']}" for r in ladder)
    others = [r for r in eras.rows if r["company"] != "Alibaba" and not r["after_article"]]
    by_company: dict[str, list[str]] = {}
    for r in others:
        by_company.setdefault(r["company"], []).append(f"{r['label']} from {r['start_year']}")
    others_text = "; ".join(f"{c}: {' and '.join(v)}" for c, v in by_company.items())
    after = sorted((r for r in eras.rows if r["after_article"]), key=lambda r: r["start_year"])
    after_parts = [f"{r['label']} ({r['company']}, {r['start_year']})" for r in after]
    after_text = ", ".join(after_parts[:-1]) + (" and " if len(after_parts) > 1 else "") + after_parts[-1]
    first = min(r["date"] for r in milestones.rows)
    last = max(r["date"] for r in milestones.rows)
    description = (
        f"Timeline of {len(eras.rows)} e-commerce model eras in China, each drawn from the year its flagship "
        f"launched, with {len(milestones.rows)} dated milestones from {first[:4]} to {last[:4]}. "
        f"Alibaba moved up its own ladder: {ladder_text}, each new model built to beat the one before. "
        f"Meanwhile the mobile social position went elsewhere ({others_text}). "
        f"After the article (c. {ARTICLE_YEAR}) came {after_text}. "
        f"No era has a sourced end year, so every bar runs to {OPEN_END}."
    )

    return (
        alt.layer(
            band,
            rule,
            rule_label,
            bar_layer,
            outlines,
            labels,
            diamonds,
            connectors,
            markers,
            numbers,
            list_markers,
            list_numbers,
            list_lines,
            hint,
        )
        .add_params(highlight)
        .properties(
            width=theme.WIDTH,
            height=round((y_max + 0.55) * ROW_PX),
            autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
            title=alt.Title(
                "The model eras of Chinese e-commerce",
                subtitle=[
                    "Bars start in the year each era's flagship launched;",
                    f"none has a sourced end, so all run to {OPEN_END}.",
                    "Pale dashed bars began after the article (c. 2013);",
                    "diamonds mark dated milestones.",
                ],
            ),
            description=description,
        )
    )
