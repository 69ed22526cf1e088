"""Chart `alibaba_growth`: buyers and sales on Alibaba's China retail marketplaces, 2013–2021 (after the article)."""

import datetime as dt

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

CONSUMERS, GMV = "Annual active consumers", "Gross merchandise volume"
METRIC = {"annual_active_consumers_m": (CONSUMERS, "million"), "gmv_rmb_bn": (GMV, "RMB billion")}
MARKETPLACES = "China retail marketplaces"  # the basis joined into a line; the wider count is dashed
SIDE = {  # where a point's label sits
    "first": {"dx": 6, "dy": 12},
    "last": {"dx": 8},
    "end": {"align": "right", "dx": -8, "dy": -10},
    "wider": {"align": "right", "dx": -6, "dy": -12},
}


def _period_text(row: dict) -> str:
    """'FY2016 (12 months to 31 Mar 2016)' or '12 months to 31 Dec 2019'."""
    end = dt.date.fromisoformat(row["period_end"])
    span = f"12 months to {end.day} {end:%b %Y}"
    return f"{row['period']} ({span})" if row["period"].startswith("FY") else span


def build(alibaba_marketplaces: Dataset) -> alt.LayerChart:
    ds = alibaba_marketplaces
    rows = []
    for r in sorted(ds.rows, key=lambda r: r["period_end"]):
        metric, unit = METRIC[r["measure"]]
        rows.append(
            {
                "metric": metric,
                "period_end": r["period_end"],
                "value": r["value"],
                "basis": r["basis"],
                "label": kit.value_text(r["value"], unit, _period_text(r)),
                "short": formats.number(r["value"], unit),
                "source": ds.origin(r).producer,
                "tag": "",
                "side": "last",
            }
        )
    kit.segments(rows, key=lambda r: kit.day(r["period_end"]), series=lambda r: (r["metric"], r["basis"]), max_gap=366)
    ends = {}  # metric -> (first, last) on the marketplace basis: the two points labelled
    for metric in (CONSUMERS, GMV):
        line = [r for r in rows if r["metric"] == metric and r["basis"] == MARKETPLACES]
        ends[metric] = line[0], line[-1]
        wider = [r for r in rows if r["metric"] == metric and r["basis"] != MARKETPLACES]
        for r, side in zip(ends[metric], ("first", "last" if wider else "end"), strict=True):
            r["tag"], r["side"] = r["short"].replace("RMB ", ""), side  # "end": above, where no wider line runs
        if wider:
            wider[-1]["tag"], wider[-1]["side"] = "wider count", "wider"
    bases = [MARKETPLACES, *sorted({r["basis"] for r in rows} - {MARKETPLACES})]
    start, stop = rows[0]["period_end"][:4], int(rows[-1]["period_end"][:4]) + 1

    measure = alt.param(
        name="measure",
        value=CONSUMERS,
        bind=alt.binding_radio(options=[CONSUMERS, GMV], labels=["Buyers (million)", "Sales (RMB bn)"], name="Show "),
    )
    x = alt.X(
        "period_end:T",
        title=None,
        scale=alt.Scale(domain=[f"{start}-01-01", f"{stop}-07-01"]),
        axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 2 if kit.narrow() else 1}),
    )
    y = alt.Y(
        "value:Q",
        title=None,
        scale=alt.Scale(zero=True, nice=True),
        axis=alt.Axis(labelExpr=f"measure == '{GMV}' ? datum.label + ' bn' : datum.label + ' m'", tickCount=5),
    )
    dash = alt.condition(f"datum.basis == '{MARKETPLACES}'", alt.value([1, 0]), alt.value([5, 3]))
    tooltip = kit.tip(("label", "Value"), ("metric", "Measure"), ("basis", "Basis"), ("source", "Reported by"))
    base = alt.Chart(alt.Data(values=rows)).transform_filter("datum.metric == measure")
    ink = theme.color("Alibaba")
    layers = [
        *kit.after_article("period_end", "T", f"{kit.ARTICLE_YEAR + 1}-01-01", f"{stop}-07-01"),
        base.mark_line(color=ink).encode(x=x, y=y, detail="segment:N", strokeDash=dash),
        base.mark_point(color=ink, filled=True, size=70, opacity=1).encode(
            x=x,
            y=y,
            shape=alt.Shape("basis:N", legend=None, scale=alt.Scale(domain=bases, range=["circle", "diamond"])),
            tooltip=tooltip,
        ),
        *[
            kit.label_marks(base.transform_filter(f"datum.side == '{k}' && datum.tag"), x, y, **v)
            for k, v in SIDE.items()
        ],
    ]
    (c0, c1), (g0, g1) = ends[CONSUMERS], ends[GMV]
    years = f"from {g0['period_end'][:4]} to {g1['period_end'][:4]}"
    return kit.finish(
        alt.layer(*layers).add_params(measure),
        finding=f"After the article, buyers on Alibaba's China marketplaces grew {c1['value'] / c0['value']:.1f}-fold"
        f" and sales {g1['value'] / g0['value']:.0f}-fold",
        subtitle="Taobao and Tmall: annual active consumers (million, 12 months to each date) or gross merchandise"
        " volume (RMB billion, fiscal years to 31 March), as Alibaba reported. Dashed diamonds: a wider count that"
        " adds Alibaba's other businesses",
        description=(
            "Line chart of Alibaba's China retail marketplaces, with a switch between two measures; the years after "
            f"the article are shaded. Gross merchandise volume rose {years}, from {g0['label']} to {g1['label']}. "
            f"Annual active consumers rose from {c0['label']} to {c1['label']}. From "
            f"{next(r for r in rows if r['basis'] != MARKETPLACES)['period_end'][:4]} Alibaba also gave a wider "
            "count that adds its other businesses, drawn dashed and not joined to the marketplace line. Periods with "
            "no sourced figure are left as gaps."
        ),
        height=300,
    )
