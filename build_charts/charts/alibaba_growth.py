"""Chart `alibaba_growth`: Alibaba China retail marketplaces, GMV and annual active consumers, 2013–2021."""

import datetime as dt

import altair as alt

from build_charts import formats, theme
from build_charts.data import Dataset

CONSUMERS = "Annual active consumers"
GMV = "Gross merchandise volume"
MARKETPLACES = "China retail marketplaces"
SHOWN = {
    MARKETPLACES: "Retail marketplaces",
    "China consumers incl. other businesses": "Wider China count (adds other businesses)",
}
MAX_GAP_DAYS = 366  # points further apart than a year are not joined


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _period_text(row: dict) -> str:
    """'FY2016 (12 months to 31 Mar 2016)' or '12 months to 31 Dec 2019'."""
    end = _date(row["period_end"])
    span = f"12 months to {end.day} {end:%b %Y}"
    return f"{row['period']} ({span})" if row["period"].startswith("FY") else span


def build(alibaba_marketplaces: Dataset) -> alt.LayerChart:
    ds = alibaba_marketplaces
    metric_of = {"annual_active_consumers_m": CONSUMERS, "gmv_rmb_bn": GMV}
    unit_of = {CONSUMERS: "million", GMV: "RMB billion"}
    rows = []
    for r in sorted(ds.rows, key=lambda r: (r["measure"], r["basis"], r["period_end"])):
        metric = metric_of[r["measure"]]
        period = _period_text(r)
        rows.append(
            {
                "metric": metric,
                "period_end": r["period_end"],
                "value": r["value"],
                "basis": r["basis"],
                "basis_shown": SHOWN.get(r["basis"], r["basis"]),
                "period_text": period,
                "label": formats.with_period(formats.number(r["value"], unit_of[metric]), period),
                "source": ds.origin(r).producer,
            }
        )

    # Join points with a line only inside one measure and one basis, and only where they are at most a year apart.
    segment, prev = 0, None
    for row in rows:
        key = (row["metric"], row["basis"])
        if (
            prev is None
            or (prev["metric"], prev["basis"]) != key
            or (_date(row["period_end"]) - _date(prev["period_end"])).days > MAX_GAP_DAYS
        ):
            segment += 1
        row["segment"] = segment
        prev = row
    # the wider count gets a direct label at its last point
    wider = [r for r in rows if r["basis"] != MARKETPLACES]
    for r in rows:
        r["end_label"] = ""
    for metric in (CONSUMERS, GMV):
        last = [r for r in wider if r["metric"] == metric]
        if last:
            last[-1]["end_label"] = "wider count"

    bases = [MARKETPLACES] + sorted({r["basis"] for r in rows} - {MARKETPLACES})
    shown = [SHOWN.get(b, b) for b in bases]
    measure = alt.param(
        name="measure",
        value=CONSUMERS,
        bind=alt.binding_radio(
            options=[CONSUMERS, GMV], labels=[f"{CONSUMERS} (million)", f"{GMV} (RMB bn)"], name="Show "
        ),
    )
    dates = sorted(r["period_end"] for r in rows)
    x = alt.X(
        "period_end:T",
        title=None,
        scale=alt.Scale(domain=[f"{dates[0][:4]}-01-01", f"{int(dates[-1][:4]) + 1}-01-01"]),
        axis=alt.Axis(format="%Y", tickCount="year", labelOverlap=True),
    )
    y = alt.Y(
        "value:Q",
        title=None,
        scale=alt.Scale(zero=True, nice=True),
        axis=alt.Axis(labelExpr=f"measure == '{GMV}' ? 'RMB ' + datum.label + ' bn' : datum.label + ' m'", tickCount=5),
    )
    legend = alt.Legend(
        title=None,
        orient="top",
        direction="vertical",
        labelLimit=320,
        symbolFillColor=theme.color("Alibaba"),
        symbolStrokeColor=theme.color("Alibaba"),
        symbolStrokeWidth=0,
    )
    shape = alt.Shape("basis_shown:N", scale=alt.Scale(domain=shown, range=["circle", "diamond"]), legend=legend)
    dash = alt.condition(f"datum.basis == '{MARKETPLACES}'", alt.value([1, 0]), alt.value([5, 3]))
    tooltip = [
        alt.Tooltip("label:N", title=None),
        alt.Tooltip("metric:N", title="Measure"),
        alt.Tooltip("basis:N", title="Basis"),
        alt.Tooltip("source:N", title="Reported by"),
    ]
    base = alt.Chart(alt.Data(values=rows)).transform_filter("datum.metric == measure")
    lines = base.mark_line(color=theme.color("Alibaba")).encode(x=x, y=y, detail="segment:N", strokeDash=dash)
    points = base.mark_point(color=theme.color("Alibaba"), filled=True, size=80, opacity=1).encode(
        x=x, y=y, shape=shape, tooltip=tooltip
    )
    labels = (
        base.transform_filter("datum.end_label != ''")
        .mark_text(align="right", dx=-6, dy=-12, color=theme.TOKENS["muted"][0])
        .encode(x=x, y=y, text="end_label:N")
    )

    # accessible text: both measures, first and last figures on the retail-marketplace basis
    def span(metric: str, basis: str = MARKETPLACES) -> tuple[dict, dict]:
        sel = [r for r in rows if r["metric"] == metric and r["basis"] == basis]
        return sel[0], sel[-1]

    g0, g1 = span(GMV)
    c0, c1 = span(CONSUMERS)
    w0, w1 = span(CONSUMERS, bases[-1])

    def when(row: dict) -> str:
        text = row["period_text"]
        return text if text.startswith("FY") else f"the {text}"

    description = (
        f"Line and point chart of Alibaba's China retail marketplaces, with a switch between two measures. "
        f"Gross merchandise volume rose from RMB {g0['value']:,.0f} billion in {when(g0)} to "
        f"RMB {g1['value']:,.0f} billion in {when(g1)}, {g1['value'] / g0['value']:.1f} times as much. "
        f"Annual active consumers rose from {c0['value']:,.0f} million in {when(c0)} to "
        f"{c1['value']:,.0f} million in {when(c1)}. "
        f"From {when(w0)} Alibaba also gave a wider China consumer count that adds its other businesses "
        f"({w0['value']:,.0f} million, reaching {w1['value']:,.0f} million in {when(w1)}); "
        f"it is drawn with diamonds and a dashed line and is not joined to the marketplace series. "
        f"Periods with no sourced figure are left as gaps."
    )
    return (
        alt.layer(lines, points, labels)
        .add_params(measure)
        .properties(
            width=theme.WIDTH,
            height=320,
            title=alt.Title(
                "Alibaba's marketplaces kept growing",
                subtitle=[
                    "China retail marketplaces (Taobao, Tmall)",
                    "GMV: RMB billion, fiscal years to 31 March",
                    "Consumers: million, 12 months to a quarter end",
                ],
            ),
            description=description,
        )
    )
