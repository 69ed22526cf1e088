"""Chart `pdd_vs_alibaba`: Pinduoduo's annual active buyers against Alibaba's annual active consumers, from the
article's time (Alibaba only) to 2021; the legend shows one series at a time."""

import datetime as dt

import altair as alt

from build_charts import formats, kit
from build_charts.data import Dataset

PDD, ALI, WIDER = "Pinduoduo", "Alibaba", "Alibaba, wider China count"
MARKETPLACES = "China retail marketplaces"


def _period(end: str) -> str:
    d = dt.date.fromisoformat(end)
    return f"12 months to {d.day} {d:%b %Y}"


def _rows(ds: Dataset, measure: str, series, what) -> list[dict]:
    """One series' figures (a second report of the same period is drawn hollow)."""
    mine = [r for r in ds.rows if r["measure"] == measure]
    return [
        {
            "series": series(r),
            "period_end": r["period_end"],
            "value": r["value"],
            "shown_as": "point" if first else "other report",
            "label": kit.value_text(r["value"], "million", _period(r["period_end"])),
            "what": what(r),
            "source": ds.origin(r).producer,
        }
        for r, first in zip(mine, kit.first_reports(mine, lambda r: (series(r), r["period_end"])), strict=True)
    ]


def build(pinduoduo: Dataset, alibaba_marketplaces: Dataset) -> alt.LayerChart:
    rows = _rows(pinduoduo, "annual_active_buyers_m", lambda r: PDD, lambda r: "Annual active buyers (placed an order)")
    rows += _rows(
        alibaba_marketplaces,
        "annual_active_consumers_m",
        lambda r: ALI if r["basis"] == MARKETPLACES else WIDER,
        lambda r: f"Annual active consumers (a confirmed order), {r['basis']}",
    )
    main = [r for r in rows if r["shown_as"] == "point"]
    kit.segments(main, key=lambda r: kit.day(r["period_end"]), series=lambda r: r["series"], max_gap=366)
    at = {s: {r["period_end"]: r for r in main if r["series"] == s} for s in (PDD, ALI)}
    cross = next(d for d in sorted(set(at[PDD]) & set(at[ALI])) if at[PDD][d]["value"] > at[ALI][d]["value"])
    pdd_first, ali_first = (
        min(at[PDD].values(), key=lambda r: r["period_end"]),
        min(at[ALI].values(), key=lambda r: r["period_end"]),
    )
    passed = at[PDD][cross], at[ALI][cross]
    years = round((kit.day(cross) - kit.day(pdd_first["period_end"])) / 365.25)

    names = [PDD, ALI, WIDER]
    legend = alt.Legend(title=None, orient="top", direction="vertical", labelLimit=260)
    colour = alt.Color("series:N", scale=kit.colour(names, {WIDER: "Alibaba"}), legend=legend)
    shape = alt.Shape("series:N", scale=alt.Scale(domain=names, range=["circle", "circle", "diamond"]), legend=legend)
    first_year, last_year = int(ali_first["period_end"][:4]), int(max(r["period_end"] for r in rows)[:4])
    end = f"{last_year + 1}-04-01"
    x = alt.X(
        "period_end:T",
        title=None,
        scale=alt.Scale(domain=[f"{first_year}-01-01", end]),
        axis=alt.Axis(  # ticks at the year ends most figures refer to
            format="%b ’%y" if kit.narrow() else "%b %Y",
            values=[alt.DateTime(year=y, month=12, date=31) for y in range(first_year, last_year + 1, 2)],
        ),
    )
    y = alt.Y("value:Q", title="Million accounts", scale=alt.Scale(zero=True, nice=True))
    tooltip = kit.tip(("label", "Accounts"), ("series", "Company"), ("what", "Measure"), ("source", "Reported by"))
    toggle = kit.legend_toggle("series")
    opacity = kit.shown(toggle)
    base = alt.Chart(alt.Data(values=rows))
    dash = alt.condition(f"datum.series == '{WIDER}'", alt.value([5, 3]), alt.value([1, 0]))
    note = alt.Chart(alt.Data(values=[{"period_end": cross, "value": 0}]))
    low = min(r["value"] for r in rows) * 0.4  # the empty space under the lines
    when = f"{dt.date.fromisoformat(cross):%b %Y}"
    crossing = [  # two lines beside the rule where Pinduoduo passes Alibaba
        (f"{when}: Pinduoduo passes Alibaba", low, {"fontWeight": 600, "dy": -8}),
        (" vs ".join(formats.number(r["value"], "million") for r in passed), low, {"dy": 8}),
    ]
    start = alt.Chart(
        alt.Data(values=[ali_first | {"tag": f"{formats.number(ali_first['value'], 'million')}, at the article"}])
    )
    layers = [
        *kit.after_article("period_end", "T", f"{kit.ARTICLE_YEAR + 1}-01-01", end),
        note.mark_rule(color=kit.ink("muted"), strokeDash=[2, 3]).encode(x=x),
        base.transform_filter("datum.shown_as == 'point'")
        .mark_line()
        .encode(x=x, y=y, color=colour, detail="segment:N", strokeDash=dash, opacity=opacity)
        .add_params(toggle),  # on the first layer with the legend, which the toggle binds to
        base.transform_filter("datum.shown_as == 'point'")
        .mark_point(filled=True, size=70, opacity=1, stroke=kit.ink("surface"), strokeWidth=1)
        .encode(x=x, y=y, color=colour, shape=shape, opacity=opacity, tooltip=tooltip),
        base.transform_filter("datum.shown_as != 'point'")
        .mark_point(filled=False, size=130, strokeWidth=2)
        .encode(x=x, y=y, color=colour, shape=shape, opacity=opacity, tooltip=tooltip),
        kit.label_marks(start, x, y, dx=4, dy=14),
        *(
            kit.label_marks(note, x, alt.datum(level), text=alt.value(text), align="right", dx=-6, **style)
            for text, level, style in crossing
        ),
    ]
    wider = max((r for r in main if r["series"] == WIDER), key=lambda r: r["period_end"])
    pdd_last = max(at[PDD].values(), key=lambda r: r["period_end"])
    return kit.finish(
        alt.layer(*layers),
        finding=f"Pinduoduo's buyers grew {passed[0]['value'] / pdd_first['value']:.1f}-fold in {years} years and "
        f"passed Alibaba's in {when}",
        subtitle="Million accounts buying in the 12 months to each date, as each company reported them; definitions "
        "differ: Pinduoduo counts accounts that placed an order, Alibaba accounts with a confirmed order (dashed: "
        "Alibaba's wider count, with its other China businesses)",
        description=(
            f"Line chart of annual active buyers on Pinduoduo and annual active consumers on Alibaba's China retail "
            f"marketplaces. When the article was written Alibaba had {ali_first['label']}. Pinduoduo's first figure "
            f"is {pdd_first['label']}; in the {_period(cross)} it counted {passed[0]['value']:g} million against "
            f"Alibaba's {passed[1]['value']:g} million, the first period both report in which Pinduoduo counts more. "
            f"Its last figure is {pdd_last['label']}. Alibaba's wider China count stayed higher, reaching "
            f"{wider['label']}. The years after the article are shaded. The two companies define an active buyer "
            "differently, so this compares reported numbers, not identical measures. Click a legend entry to show one "
            "series."
        ),
        height=320,
    )
