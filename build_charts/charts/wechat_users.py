"""Chart `wechat_users`: WeChat/Weixin monthly active users at reported quarter ends, 2013–2024, against the count at
the time of the article; a slider steps through the later years."""

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset


def build(wechat_users: Dataset) -> alt.LayerChart:
    ds = wechat_users
    unit = ds.meta.columns["mau_m"].unit
    rows = [
        {
            "period_end": r["period_end"],
            "year": int(r["period_end"][:4]),
            "mau": r["mau_m"],
            "label": kit.value_text(r["mau_m"], unit, kit.quarter(r["period_end"])),
            "note": r["note"] or "",
            "source": ds.origin(r).producer,
        }
        for r in sorted(ds.rows, key=lambda r: r["period_end"])
    ]
    kit.segments(rows, key=lambda r: kit.day(r["period_end"]), max_gap=366)  # reports over a year apart stay unjoined
    ref = max((r for r in rows if r["year"] == kit.ARTICLE_YEAR), key=lambda r: r["period_end"])
    ref_text = f"{kit.quarter(ref['period_end'])} ({formats.number(ref['mau'], 'million')})"
    first_year, last = rows[0]["year"], rows[-1]
    # for each later year, its last reported figure as a multiple of the article's; a year with none says so
    picks = []
    for year in range(kit.ARTICLE_YEAR + 1, last["year"] + 1):
        shown = [r for r in rows if r["year"] == year]
        at = shown[-1] if shown else None
        picks.append(
            {
                "year": year,
                "period_end": at["period_end"] if at else None,
                "mau": at["mau"] if at else None,
                "line1": f"{kit.quarter(at['period_end'])}: {formats.number(at['mau'], 'million')}"
                if at
                else f"{year}: no figure reported",
                "line2": f"{at['mau'] / ref['mau']:.1f} times {ref_text}" if at else "",
            }
        )
    pick = alt.param(
        name="pick_year",
        value=last["year"],
        bind=alt.binding_range(min=picks[0]["year"], max=last["year"], step=1, name="Year after the article "),
    )

    end = f"{last['year'] + 1}-04-01"  # room right of the last year-end figure
    green, ink, muted = theme.color("Tencent"), kit.ink("text"), kit.ink("muted")
    x = alt.X(
        "period_end:T",
        title=None,
        scale=alt.Scale(domain=[f"{first_year}-01-01", end]),
        axis=alt.Axis(  # ticks at year ends, where most figures fall
            format="%b ’%y" if kit.narrow() else "%b %Y",
            values=[
                alt.DateTime(year=y, month=12, date=31)
                for y in range(first_year, last["year"] + 1, 3 if kit.narrow() else 2)
            ],
        ),
    )
    y = alt.Y(
        "mau:Q",
        title="Million accounts",
        scale=alt.Scale(domain=[0, max(r["mau"] for r in rows) * 1.08]),  # room for the ring around the last figure
        axis=alt.Axis(tickCount=4 if kit.narrow() else 7),
    )
    tooltip = kit.tip(("label", "Monthly active users"), ("note", "Note"), ("source", "Reported by"))
    data = alt.Chart(alt.Data(values=rows))
    chosen = alt.Chart(alt.Data(values=picks)).transform_filter("datum.year == pick_year")
    reference = alt.Chart(alt.Data(values=[ref | {"tag": f"{ref_text}, at the article"}]))
    layers = [
        *kit.after_article("period_end", "T", f"{kit.ARTICLE_YEAR + 1}-01-01", end),
        reference.mark_rule(color=muted, strokeDash=[4, 3]).encode(y=y),
        kit.label_marks(
            reference,
            alt.datum(alt.DateTime(year=last["year"] + 1, month=4)),
            y,
            align="right",
            dx=-4,
            dy=-8,
            color=muted,
        ),
        data.mark_line(color=green).encode(x=x, y=y, detail="segment:N"),
        data.mark_point(color=green, filled=True, size=60, opacity=1).encode(x=x, y=y, tooltip=tooltip),
        chosen.transform_filter("isValid(datum.mau)")
        .mark_point(color=ink, size=260, strokeWidth=2, opacity=1, filled=False)
        .encode(x=x, y=y),
        *(
            chosen.mark_text(
                align="left", baseline="top", dx=6, dy=dy, fontSize=12, fontWeight=weight, color=ink
            ).encode(x=alt.datum(alt.DateTime(year=kit.ARTICLE_YEAR + 1)), y=alt.value(18), text=f"{field}:N")
            for field, dy, weight in (("line1", 0, 600), ("line2", 16, 400))
        ),
    ]
    first, ratio = rows[0], last["mau"] / ref["mau"]
    return kit.finish(
        alt.layer(*layers).add_params(pick),
        finding=f"After the article WeChat's monthly users grew {ratio:.1f}-fold by {last['year']}",
        subtitle="Monthly active accounts of WeChat and Weixin combined, million, at the quarter and year ends Tencent "
        f"reported; dashed: {ref_text}",
        description=(
            "Point and line chart of the combined monthly active users of WeChat and Weixin, as Tencent reported them, "
            f"from {first['label']} to {last['label']}" + (f" ({last['note']})" if last["note"] else "") + ". "
            f"The last figure of {kit.ARTICLE_YEAR}, {ref['label']}, is drawn as a dashed line; the later years are "
            f"shaded as after the article, and by {last['year']} the count was {ratio:.1f} times that figure. "
            "Lines join only reports at most a year apart. A slider picks a later year and states its figure as a "
            "multiple of the article-time count."
        ),
        height=300,
    )
