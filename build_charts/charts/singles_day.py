"""Chart `singles_day`: Singles' Day (11.11) sales on Alibaba's platforms, 2009–2020."""

import altair as alt

from build_charts import formats, interact, theme
from build_charts.data import Dataset


def build(singles_day: Dataset) -> alt.Chart:
    rows, first_year = [], set()
    for r in singles_day.rows:
        main = r["year"] not in first_year  # the first-listed report for a year is the bar
        first_year.add(r["year"])
        rows.append(
            {
                "year": r["year"],
                "gmv": r["gmv_rmb_bn"],
                "shown_as": "bar" if main else "other report",
                "window": "11 days (1–11 Nov)" if r["window_days"] > 1 else "one day",
                "label": formats.with_period(formats.number(r["gmv_rmb_bn"], "RMB billion"), r["year"]),
                "source": singles_day.origin(r).producer,
                "note": r["note"] or "",
            }
        )
    shown = [r for r in rows if r["shown_as"] == "bar"]
    first, last = shown[0], shown[-1]
    peak = max((r for r in shown if r["window"] == "one day"), key=lambda r: r["gmv"])
    data = alt.Data(values=rows)
    tooltip = [
        alt.Tooltip("label:N", title="Sales"),
        alt.Tooltip("window:N", title="Window"),
        alt.Tooltip("source:N", title="Reported by"),
        alt.Tooltip("note:N", title="Note"),
    ]
    focus = interact.hover(["year"])
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y("gmv:Q", title="RMB billion")
    bars = (
        alt.Chart(data)
        .transform_filter("datum.shown_as == 'bar'")
        .mark_bar()
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "window:N",
                title="Sales window",
                scale=alt.Scale(
                    domain=["one day", "11 days (1–11 Nov)"], range=[theme.color("Alibaba"), theme.color("Other")]
                ),
            ),
            opacity=interact.shown(focus, dim=0.35),
            tooltip=tooltip,
        )
        .add_params(focus)
    )
    others = (
        alt.Chart(data)
        .transform_filter("datum.shown_as == 'other report'")
        .mark_tick(thickness=2, size=18, color=theme.TOKENS["text"][0])
        .encode(x=x, y=y, tooltip=tooltip)
    )
    return alt.layer(bars, others).properties(
        width=theme.WIDTH,
        height=320,
        title=alt.Title(
            "Singles' Day sales on Alibaba's platforms",
            subtitle="Gross merchandise volume announced for 11 November, RMB billion; ticks mark other reports",
        ),
        description=(
            f"Bar chart of Singles' Day sales on Alibaba's platforms from {first['year']} to {last['year']}. "
            f"Sales grew from {formats.number(first['gmv'], 'RMB billion')} in {first['year']} to "
            f"{formats.number(peak['gmv'], 'RMB billion')} in {peak['year']}, the largest one-day total; the "
            f"{last['year']} figure of {formats.number(last['gmv'], 'RMB billion')} covers an 11-day window "
            "and is not comparable with the one-day years."
        ),
    )
