"""Chart `online_retail`: China's online retail sales and their share of all retail, by statistical source."""

import altair as alt

from build_charts import formats, interact, theme
from build_charts.data import Dataset

ABSOLUTE, SHARE = "RMB billion", "share of retail (%)"
ALL, PHYSICAL = "all online retail", "physical goods only"
STATS = ["NBS", "MOFCOM", "research firm"]  # legend order
STAT_NAMES = {
    "NBS": "NBS (statistics bureau)",
    "MOFCOM": "MOFCOM (commerce ministry)",
    "research firm": "Research firm",
}
DODGE = 0.18  # years; two reports of the same year and measure sit side by side instead of on top of each other


def _what(row: dict) -> str:
    """Which slice of online retail a row measures (for shares: NBS and MOFCOM report physical goods from 2015)."""
    if row["measure"] == "online_physical_goods_rmb_bn":
        return PHYSICAL
    if (
        row["measure"] == "share_of_retail_pct"
        and row["statistical_source"] in ("NBS", "MOFCOM")
        and row["year"] >= 2015
    ):
        return PHYSICAL
    return ALL


def build(online_retail: Dataset) -> alt.LayerChart:
    ds = online_retail
    rows = []
    for r in ds.rows:
        share = r["measure"] == "share_of_retail_pct"
        unit = "percent" if share else "RMB billion"
        what = _what(r)
        rows.append(
            {
                "year": r["year"],
                "view": SHARE if share else ABSOLUTE,
                "what": what,
                "stat": STAT_NAMES[r["statistical_source"]],
                "value": r["value"],
                "label": formats.with_period(formats.number(r["value"], unit), r["year"]),
                "measure": f"{what}, {'share of total retail sales of consumer goods' if share else 'value'}",
                "flag": r["flag"] or "",
                "source": ds.origin(r).producer,
            }
        )

    # side by side where two sources report the same year and measure; lines join consecutive years of one source
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        groups.setdefault((row["view"], row["what"], row["year"]), []).append(row)
    for same in groups.values():
        same.sort(key=lambda r: list(STAT_NAMES.values()).index(r["stat"]))
        for i, row in enumerate(same):
            row["x"] = row["year"] + (i - (len(same) - 1) / 2) * DODGE * 2 if len(same) > 1 else row["year"]
    segment, prev = 0, None
    for row in sorted(rows, key=lambda r: (r["view"], r["what"], r["stat"], r["year"])):
        if (
            prev is None
            or (prev["view"], prev["what"], prev["stat"]) != (row["view"], row["what"], row["stat"])
            or (row["year"] - prev["year"] != 1)
        ):
            segment += 1
        row["segment"] = segment
        prev = row
    # a direct label names each slice at its latest point in each view
    # name the two slices where they part: physical goods at its first point, all online retail just before it
    for v in (ABSOLUTE, SHARE):
        mine = [r for r in rows if r["view"] == v]
        physical = min((r for r in mine if r["what"] == PHYSICAL), key=lambda r: (r["year"], r["x"]))
        physical["end_label"] = "physical goods"
        before = [r for r in mine if r["what"] == ALL and r["year"] < physical["year"]]
        if before:
            max(before, key=lambda r: (r["year"], -r["x"]))["end_label"] = "all online retail"
    for row in rows:
        row.setdefault("end_label", "")

    view = interact.radio("view", [ABSOLUTE, SHARE], ABSOLUTE, "Show")
    stat_names = [STAT_NAMES[s] for s in STATS]
    colours = [theme.color("China"), theme.TOKENS["text"][0], theme.color("Other")]
    legend = alt.Legend(title="Figure from", orient="top", direction="vertical", labelLimit=240)
    color = alt.Color("stat:N", scale=alt.Scale(domain=stat_names, range=colours), legend=legend)
    shape = alt.Shape(
        "stat:N", scale=alt.Scale(domain=stat_names, range=["circle", "square", "triangle-up"]), legend=legend
    )
    years = [r["year"] for r in rows]
    x = alt.X(
        "x:Q",
        title=None,
        scale=alt.Scale(domain=[min(years) - 0.5, max(years) + 0.5], nice=False),
        axis=alt.Axis(format="d", tickMinStep=1, labelOverlap="greedy", labelSeparation=10),
    )
    y = alt.Y(
        "value:Q",
        title=None,
        scale=alt.Scale(zero=True, nice=True),
        axis=alt.Axis(
            labelExpr=f"view == '{ABSOLUTE}' ? 'RMB ' + datum.label + ' bn' : datum.label + '%'", tickCount=5
        ),
    )
    tooltip = [
        alt.Tooltip("label:N", title=None),
        alt.Tooltip("measure:N", title="Measure"),
        alt.Tooltip("stat:N", title="Figure from"),
        alt.Tooltip("flag:N", title="Note"),
        alt.Tooltip("source:N", title="Reported by"),
    ]
    base = alt.Chart(alt.Data(values=rows)).transform_filter("datum.view == view")
    dash = alt.condition(f"datum.what == '{ALL}'", alt.value([1, 0]), alt.value([5, 3]))
    lines = base.mark_line(strokeWidth=2).encode(x=x, y=y, color=color, detail="segment:N", strokeDash=dash)
    filled = (
        base.transform_filter(f"datum.what == '{ALL}'")
        .mark_point(filled=True, size=70, opacity=1)
        .encode(x=x, y=y, color=color, shape=shape, tooltip=tooltip)
    )
    hollow = (
        base.transform_filter(f"datum.what == '{PHYSICAL}'")
        .mark_point(filled=False, size=70, strokeWidth=2, opacity=1)
        .encode(x=x, y=y, color=color, shape=shape, tooltip=tooltip)
    )
    ends = base.transform_filter("datum.end_label != ''")
    muted = theme.TOKENS["muted"][0]
    labels = ends.transform_filter(f"datum.what == '{ALL}'").mark_text(
        align="right", dx=-8, dy=-10, color=muted
    ).encode(x=x, y=y, text="end_label:N") + ends.transform_filter(f"datum.what == '{PHYSICAL}'").mark_text(
        align="left", dx=4, dy=18, color=muted
    ).encode(x=x, y=y, text="end_label:N")

    def first_last(view_name: str, what: str, stat: str = STAT_NAMES["NBS"]) -> tuple[dict, dict]:
        sel = sorted(
            (r for r in rows if (r["view"], r["what"], r["stat"]) == (view_name, what, stat)), key=lambda r: r["year"]
        )
        return sel[0], sel[-1]

    n0, n1 = first_last(ABSOLUTE, ALL)
    s0, s1 = first_last(SHARE, PHYSICAL)
    earliest = min(rows, key=lambda r: r["year"])
    missing = [y for y in range(min(years), max(years) + 1) if y not in years]
    description = (
        f"Line and point chart of China's online retail sales, with a switch between value and share of total retail "
        f"sales. The earliest figure is {earliest['label']} ({earliest['stat'].lower()}). On the statistics bureau's "
        f"basis online retail grew from {n0['label']} to {n1['label']}, {n1['value'] / n0['value']:.1f} times as much; "
        f"online sales of physical goods rose from {s0['label']} to {s1['label']} of all retail sales of consumer "
        f"goods. "
        f"Colours and shapes show who produced each figure (research firms, the commerce ministry MOFCOM, the "
        f"statistics bureau NBS); hollow points and dashed lines are physical goods only. Lines join only consecutive "
        f"years from one source; years with no figure ({', '.join(map(str, missing))}) are left as gaps."
    )
    return (
        alt.layer(lines, filled, hollow, labels)
        .add_params(view)
        .properties(
            width=theme.WIDTH,
            height=320,
            title=alt.Title(
                "China's online retail, by who counted it",
                subtitle=[
                    "Online retail sales, RMB billion, or share of total retail sales",
                    f"of consumer goods (%), calendar years {min(years)}–{max(years)}",
                    "Hollow points, dashed lines: physical goods only",
                ],
            ),
            description=description,
        )
    )
