"""Chart `c2c_share`: Taobao vs eBay EachNet (and others) in China's C2C market, 2005–2008, one row per measure."""

import altair as alt

from build_charts import formats, interact, theme
from build_charts.data import Dataset

# Short names for each survey or report; the full definition stays in the tooltip.
SHORT = {
    ("2005", "cnnic_2005_chinadaily"): "CNNIC, 3 cities: traders and trade frequency",
    ("2005", "intelliconsulting_2006_chinadaily"): "CNNIC, 3 cities: traders and trade frequency",
    ("2006", "intelliconsulting_2006_chinadaily"): "IntelliConsulting, 5 cities (per China Daily)",
    ("2006", "intelliconsulting_2006_chinaknowledge"): "same survey, per China Knowledge",
    ("2007", "ou_davison_2009"): "Ou & Davison; who measured it is not named",
    ("2007", "iresearch_2007_scitepress"): "iResearch: C2C transaction value",
    ("2008-H1", "cnnic_2008h1_chinatechnews"): "CNNIC: % of shoppers who bought there",
    ("2008", "iresearch_2008_chinaorg"): "iResearch/Taobao: basis not stated",
}
COMPANY = {"Taobao": "Alibaba", "eBay EachNet": "eBay", "Paipai": "Tencent"}  # others: neutral grey
SHAPES = ["circle", "square", "triangle-up", "diamond", "cross"]

LABEL_H, LANE_H, GAP = 20, 17, 10  # px: row label line, one platform lane, space between rows


def _period(p: str) -> str:
    return p.replace("-H1", " H1").replace("-H2", " H2")


def build(c2c_share: Dataset) -> alt.LayerChart:
    ds = c2c_share
    unit = ds.meta.columns["value_pct"].unit
    text, muted = theme.TOKENS["text"][0], theme.TOKENS["muted"][0]

    platforms = list(dict.fromkeys(r["platform"] for r in ds.rows))
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in ds.rows:
        short = SHORT.get((r["period"], r["source"]), r["measure"][:48] + "…")
        groups.setdefault((r["period"], short), []).append(r)
    # chronological; a half-year comes before the full-year figure of the same year; ties keep the file's order
    order = sorted(groups, key=lambda k: (k[0][:4], 1 if k[0] == k[0][:4] else 0))

    rows, labels, y = [], [], 0
    for key in order:
        period, short = key
        items = sorted(groups[key], key=lambda r: platforms.index(r["platform"]))
        labels.append({"y": y + LABEL_H - 6, "text": f"{_period(period)} · {short}"})
        y += LABEL_H
        for r in items:
            rows.append(
                {
                    "platform": r["platform"],
                    "value": r["value_pct"],
                    "y": y + LANE_H / 2,
                    "value_text": formats.number(r["value_pct"], unit),
                    "label": formats.with_period(formats.number(r["value_pct"], unit), _period(r["period"])),
                    "measure": r["measure"],
                    "source": ds.origin(r).producer,
                }
            )
            y += LANE_H
        y += GAP
    height = y

    toggle = interact.legend_toggle("platform", name="platform_toggle")
    colour = alt.Color(
        "platform:N",
        title=None,
        scale=alt.Scale(domain=platforms, range=[theme.color(COMPANY.get(p, "Other")) for p in platforms]),
        legend=alt.Legend(symbolType="circle", columns=2),
    )
    shape = alt.Shape("platform:N", scale=alt.Scale(domain=platforms, range=SHAPES[: len(platforms)]), legend=None)
    x = alt.X(
        "value:Q",
        title="Share, % (each row measures something different)",
        scale=alt.Scale(domain=[0, 100], nice=False),
        axis=alt.Axis(values=[0, 25, 50, 75, 100], labelExpr="datum.value + '%'", grid=True),
    )
    y_enc = alt.Y("y:Q", scale=alt.Scale(domain=[0, height], reverse=True, nice=False, zero=False), axis=None)
    tooltip = [
        alt.Tooltip("platform:N", title="Platform"),
        alt.Tooltip("label:N", title="Share"),
        alt.Tooltip("measure:N", title="Measure"),
        alt.Tooltip("source:N", title="Reported by"),
    ]

    data = alt.Data(values=rows)
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=80, opacity=1)
        .encode(
            x=x,
            y=y_enc,
            color=colour,
            shape=shape,
            opacity=interact.shown(toggle),
            tooltip=tooltip,
        )
        .add_params(toggle)
    )
    values = (
        alt.Chart(data)
        .mark_text(align="left", baseline="middle", dx=8, fontSize=11, color=text)
        .encode(
            x=x,
            y=y_enc,
            text="value_text:N",
            opacity=interact.shown(toggle),
            tooltip=tooltip,
        )
    )
    row_labels = (
        alt.Chart(alt.Data(values=labels))
        .mark_text(align="left", baseline="alphabetic", color=muted, fontSize=12)
        .encode(
            x=alt.value(0),
            y=alt.Y("y:Q", scale=alt.Scale(domain=[0, height], reverse=True, nice=False, zero=False), axis=None),
            text="text:N",
        )
    )

    # Accessible text, with its facts taken from the rows.
    def share(platform: str, period: str) -> list[float]:
        return [r["value_pct"] for r in ds.rows if r["platform"] == platform and r["period"] == period]

    both = sorted(
        {r["period"] for r in ds.rows if r["platform"] != "Taobao"}
        & {r["period"] for r in ds.rows if r["platform"] == "Taobao"}
    )
    first, last = both[0], both[-1]
    t_first, t_last = share("Taobao", first), share("Taobao", last)
    e_first, e_last = share("eBay EachNet", first), share("eBay EachNet", last)
    later = [r["value_pct"] for r in ds.rows if r["platform"] == "Taobao" and r["period"] > last]
    fmt = lambda v: formats.number(v, unit)  # noqa: E731
    description = (
        "Dot chart of shares of China's C2C (later, all online) shopping market from "
        f"{len({r['source'] for r in ds.rows})} published sources, "
        f"{_period(order[0][0])} to {_period(order[-1][0])}, "
        "one row per survey because each measures something different. "
        f"Taobao's share went from {' or '.join(map(fmt, t_first))} in {first} to "
        f"{' or '.join(map(fmt, t_last))} in {last}{' (two reports of the same survey)' if len(t_last) > 1 else ''}, "
        "while eBay EachNet's fell "
        f"from {' or '.join(map(fmt, e_first))} to {' or '.join(map(fmt, e_last))}. "
        f"Later figures, on different bases, put Taobao between {fmt(min(later))} and {fmt(max(later))}."
    )

    return alt.layer(row_labels, points, values).properties(
        width=theme.WIDTH,
        height=height,
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        title=alt.Title(
            "Taobao pulls away from eBay EachNet",
            subtitle=[
                "Share (%), by survey, 2005–2008. Rows measure different",
                "things (C2C, later all online shopping) and are not joined.",
            ],
        ),
        description=description,
    )
