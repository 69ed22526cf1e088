"""Chart `pdd_vs_alibaba`: Pinduoduo's annual active buyers against Alibaba's annual active consumers."""

import datetime as dt

import altair as alt

from build_charts import formats, interact, theme
from build_charts.data import Dataset

MARKETPLACES = "China retail marketplaces"
MAX_GAP_DAYS = 366  # twelve-month figures further apart than a year are not joined
PDD_LABEL, ALI_LABEL, WIDER_LABEL = "Pinduoduo", "Alibaba", "Alibaba, wider China count"


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _period_text(end: str) -> str:
    d = _date(end)
    return f"12 months to {d.day} {d:%b %Y}"


def build(pinduoduo: Dataset, alibaba_marketplaces: Dataset) -> alt.LayerChart:
    pdd_rows = [r for r in pinduoduo.rows if r["measure"] == "annual_active_buyers_m"]
    start = min(r["period_end"] for r in pdd_rows)[:4] + "-01-01"  # Alibaba is drawn over Pinduoduo's years
    ali_rows = [
        r for r in alibaba_marketplaces.rows if r["measure"] == "annual_active_consumers_m" and r["period_end"] >= start
    ]

    rows, seen = [], set()

    def add(r: dict, ds: Dataset, company: str, series: str, what: str) -> None:
        main = (series, r["period_end"]) not in seen  # a second report of the same period is drawn hollow
        seen.add((series, r["period_end"]))
        rows.append(
            {
                "company": company,
                "series": series,
                "period_end": r["period_end"],
                "value": r["value"],
                "report": "main" if main else "other report",
                "label": formats.with_period(formats.number(r["value"], "million"), _period_text(r["period_end"])),
                "what": what,
                "source": ds.origin(r).producer,
            }
        )

    for r in pdd_rows:
        add(r, pinduoduo, "Pinduoduo", PDD_LABEL, "annual active buyers (accounts that placed an order)")
    for r in ali_rows:
        wider = r["basis"] != MARKETPLACES
        add(
            r,
            alibaba_marketplaces,
            "Alibaba",
            WIDER_LABEL if wider else ALI_LABEL,
            f"annual active consumers (confirmed orders), {r['basis']}",
        )

    segment, prev = 0, None
    for row in sorted((r for r in rows if r["report"] == "main"), key=lambda r: (r["series"], r["period_end"])):
        if (
            prev is None
            or prev["series"] != row["series"]
            or ((_date(row["period_end"]) - _date(prev["period_end"])).days > MAX_GAP_DAYS)
        ):
            segment += 1
        row["segment"] = segment
        prev = row
    for row in rows:
        row.setdefault("segment", 0)

    # the first twelve-month period, ending on the same date, in which Pinduoduo's count is above Alibaba's
    pdd_at = {r["period_end"]: r for r in rows if r["series"] == PDD_LABEL and r["report"] == "main"}
    ali_at = {r["period_end"]: r for r in rows if r["series"] == ALI_LABEL and r["report"] == "main"}
    both = sorted(set(pdd_at) & set(ali_at))
    cross = next((d for d in both if pdd_at[d]["value"] > ali_at[d]["value"]), None)

    toggle = interact.legend_toggle("series")
    series_names = [PDD_LABEL, ALI_LABEL, WIDER_LABEL]
    color = alt.Color(
        "series:N",
        scale=alt.Scale(
            domain=series_names, range=[theme.color("Pinduoduo"), theme.color("Alibaba"), theme.color("Alibaba")]
        ),
        legend=alt.Legend(title=None, orient="top", direction="vertical", labelLimit=260),
    )
    shape = alt.Shape(
        "series:N",
        scale=alt.Scale(domain=series_names, range=["circle", "circle", "diamond"]),
        legend=alt.Legend(title=None, orient="top", direction="vertical", labelLimit=260),
    )
    # ticks at the year ends most figures refer to, labelled as such ('Dec 2020')
    first_year, last_year = int(min(r["period_end"] for r in rows)[:4]), int(max(r["period_end"] for r in rows)[:4])
    x = alt.X(
        "period_end:T",
        title=None,
        scale=alt.Scale(padding=14),
        axis=alt.Axis(
            format="%b %Y",
            values=[alt.DateTime(year=y, month=12, date=31) for y in range(first_year, last_year + 1)],
            labelOverlap="greedy",
            labelSeparation=8,
        ),
    )
    y = alt.Y("value:Q", title="Million accounts", scale=alt.Scale(zero=True, nice=True))
    tooltip = [
        alt.Tooltip("label:N", title=None),
        alt.Tooltip("company:N", title="Company"),
        alt.Tooltip("what:N", title="Measure"),
        alt.Tooltip("report:N", title="Report"),
        alt.Tooltip("source:N", title="Reported by"),
    ]
    base = alt.Chart(alt.Data(values=rows))
    dash = alt.condition(f"datum.series == '{WIDER_LABEL}'", alt.value([5, 3]), alt.value([1, 0]))
    opacity = interact.shown(toggle)
    lines = (
        base.transform_filter("datum.report == 'main'")
        .mark_line()
        .encode(x=x, y=y, color=color, detail="segment:N", strokeDash=dash, opacity=opacity)
        .add_params(toggle)  # on the first layer, which owns the merged legend the toggle binds to
    )
    points = (
        base.transform_filter("datum.report == 'main'")
        .mark_point(filled=True, size=80, stroke=theme.TOKENS["surface"][0], strokeWidth=1)
        .encode(x=x, y=y, color=color, shape=shape, opacity=opacity, tooltip=tooltip)
    )
    others = (
        base.transform_filter("datum.report != 'main'")
        .mark_point(filled=False, size=130, strokeWidth=2)
        .encode(x=x, y=y, color=color, shape=shape, opacity=opacity, tooltip=tooltip)
    )
    layers = [lines, points, others]

    ink, muted = theme.TOKENS["text"][0], theme.TOKENS["muted"][0]
    if cross:
        p, a = pdd_at[cross], ali_at[cross]
        d = _date(cross)
        note = alt.Data(
            values=[
                {
                    "period_end": cross,
                    "low": round(min(r["value"] for r in rows) / 2),  # empty space below the lines
                    "line1": f"{d:%b %Y}: Pinduoduo passes Alibaba",
                    "line2": f"{formats.number(p['value'], 'million')} vs {formats.number(a['value'], 'million')}",
                }
            ]
        )
        rule = alt.Chart(note).mark_rule(color=muted, strokeDash=[2, 3]).encode(x="period_end:T")
        layers += [rule]
        text1 = (
            alt.Chart(note)
            .mark_text(align="right", baseline="bottom", dx=-6, dy=-2, color=ink, fontWeight=600)
            .encode(x="period_end:T", y=alt.Y("low:Q"), text="line1:N")
        )
        text2 = (
            alt.Chart(note)
            .mark_text(align="right", baseline="top", dx=-6, dy=2, color=ink)
            .encode(x="period_end:T", y=alt.Y("low:Q"), text="line2:N")
        )
        layers += [text1, text2]

    first_both = both[0] if both else None
    cross_text = (
        f"The first period end both report in which Pinduoduo counts more is the {_period_text(cross)}: "
        f"{pdd_at[cross]['value']:g} million Pinduoduo buyers against {ali_at[cross]['value']:g} million Alibaba "
        f"consumers"
        if cross
        else "In no period ending on the same date does Pinduoduo count more"
    )
    gap_text = (
        f" (at the {_period_text(first_both)} it was {pdd_at[first_both]['value']:g} million against "
        f"{ali_at[first_both]['value']:g} million)"
        if first_both and first_both != cross
        else ""
    )
    wider = sorted((r for r in rows if r["series"] == WIDER_LABEL), key=lambda r: r["period_end"])
    wider_text = (
        f" Alibaba's wider China count, which adds its other businesses, stayed higher, reaching {wider[-1]['label']}."
        if wider
        else ""
    )
    pdd_last = max(pdd_at.values(), key=lambda r: r["period_end"])
    description = (
        f"Line chart of annual active buyers on Pinduoduo and annual active consumers on Alibaba's China retail "
        f"marketplaces. {cross_text}{gap_text}. Pinduoduo's last reported figure is {pdd_last['label']}.{wider_text} "
        f"The two companies define an active buyer differently, so this compares reported numbers, not identical "
        f"measures. Click a legend entry to show one series."
    )
    return alt.layer(*layers).properties(
        width=theme.WIDTH,
        height=320,
        title=alt.Title(
            "Pinduoduo overtakes Alibaba in buyers",
            subtitle=[
                "Million accounts buying in the 12 months to each date",
                "Definitions differ: Pinduoduo counts accounts that placed",
                "an order; Alibaba, accounts with a confirmed order",
            ],
        ),
        description=description,
    )
