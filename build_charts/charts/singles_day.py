"""Chart `singles_day`: Singles' Day (11.11) sales on Alibaba's platforms, 2009–2020, with the article's date."""

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

UNIT = "RMB billion"


def build(singles_day: Dataset) -> alt.LayerChart:
    ds = singles_day
    main = kit.first_reports(ds.rows, lambda r: r["year"])  # the first-listed report of a year is the bar
    rows = [
        {
            "year": r["year"],
            "gmv": r["gmv_rmb_bn"],
            "shown_as": "bar" if first else "other report",
            "window": "11 days (1–11 Nov)" if r["window_days"] > 1 else "one day",
            "label": kit.value_text(r["gmv_rmb_bn"], UNIT, r["year"]),
            "source": ds.origin(r).producer,
            "note": r["note"] or "",
        }
        for r, first in zip(ds.rows, main, strict=True)
    ]
    bars_only = [r for r in rows if r["shown_as"] == "bar"]
    first, last = bars_only[0], bars_only[-1]
    peak = max((r for r in bars_only if r["window"] == "one day"), key=lambda r: r["gmv"])
    at_article = next(r for r in bars_only if r["year"] == kit.ARTICLE_YEAR)

    tooltip = kit.tip(("label", "Sales"), ("window", "Sales window"), ("source", "Reported by"), ("note", "Note"))
    x = alt.X(
        "year:O",
        title=None,
        scale=alt.Scale(paddingInner=0.2),
        axis=alt.Axis(labelAngle=0, labelOverlap="greedy", labelFontSize=11),
    )
    y = alt.Y("gmv:Q", title=UNIT, axis=alt.Axis(tickCount=5))
    data = alt.Chart(alt.Data(values=rows))
    bars = (
        data.transform_filter("datum.shown_as == 'bar'")
        .mark_bar()
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "window:N",
                title=None,
                scale=alt.Scale(
                    domain=["one day", "11 days (1–11 Nov)"],
                    range=[theme.color("Alibaba"), kit.ink("domain")],
                ),
                legend=alt.Legend(orient="top", direction="horizontal"),
            ),
            tooltip=tooltip,
        )
    )
    others = (
        data.transform_filter("datum.shown_as == 'other report'")
        .mark_tick(thickness=2, size=14, color=kit.ink("text"))
        .encode(x=x, y=y, tooltip=tooltip)
    )
    after = [r["year"] for r in bars_only if r["year"] > kit.ARTICLE_YEAR]
    tag = f"{formats.number(at_article['gmv'], UNIT)} in {at_article['year']}"
    note = alt.Chart(alt.Data(values=[at_article | {"tag": tag}]))
    return kit.finish(
        alt.layer(
            *kit.after_article("year", "O", after[0], after[-1]),
            bars,
            others,
            kit.label_marks(note, x, y, align="right", dx=4, dy=-16),
        ),
        finding=f"Singles' Day sales grew about {peak['gmv'] / at_article['gmv']:.0f}-fold after the article",
        subtitle="Gross merchandise volume on Alibaba's platforms on 11 November, RMB billion, as announced;"
        " ticks mark other reports of the same year",
        description=(
            f"Bar chart of Singles' Day sales on Alibaba's platforms, {first['year']} to {last['year']}. "
            f"Sales went from {kit.value_text(first['gmv'], UNIT, first['year'])} to "
            f"{kit.value_text(at_article['gmv'], UNIT, at_article['year'])}, around when the article was written, "
            f"and then to {kit.value_text(peak['gmv'], UNIT, peak['year'])}, the largest one-day total; the years "
            f"after the article are shaded. The {last['year']} figure covers an 11-day window and is not comparable "
            "with the one-day years."
        ),
        height=300,
    )
