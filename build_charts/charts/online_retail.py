"""Chart `online_retail`: China's online retail as a share of all retail sales (or its value), 2008–2023, by who
measured it, with the article's date; a switch shows share or value."""

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

SHARE, VALUE = "share of all retail", "value"
ALL, PHYSICAL = "all online retail", "physical goods only"
STATS = {  # who produced a figure (wide, narrow)
    "NBS": ("NBS (statistics bureau)", "NBS (statistics)"),
    "MOFCOM": ("MOFCOM (commerce ministry)", "MOFCOM (ministry)"),
    "research firm": ("Research firm", "Research firm"),
}
PHYSICAL_FROM = 2015  # official shares of retail are of physical goods only from this year
DODGE = 0.18  # years: two reports of the same year and measure sit side by side, not on top of each other


def _row(r: dict, ds: Dataset) -> dict:
    share = r["measure"] == "share_of_retail_pct"
    physical = r["measure"] == "online_physical_goods_rmb_bn" or (
        share and r["statistical_source"] != "research firm" and r["year"] >= PHYSICAL_FROM
    )
    what = PHYSICAL if physical else ALL
    return {
        "year": r["year"],
        "view": SHARE if share else VALUE,
        "what": what,
        "stat": STATS[r["statistical_source"]][kit.narrow()],
        "value": r["value"],
        "label": kit.value_text(r["value"], "percent" if share else "RMB billion", r["year"]),
        "short": formats.number(r["value"], "percent" if share else "RMB billion") + (f" ({what})" if share else ""),
        "measure": f"{what}, {'share of total retail sales of consumer goods' if share else 'value'}",
        "flag": r["flag"] or "",
        "source": ds.origin(r).producer,
    }


def build(online_retail: Dataset) -> alt.LayerChart:
    ds = online_retail
    rows = [_row(r, ds) for r in ds.rows]
    names = [v[kit.narrow()] for v in STATS.values()]
    nbs, mofcom = names[:2]
    same: dict[tuple, list[dict]] = {}
    for r in rows:
        same.setdefault((r["view"], r["what"], r["year"]), []).append(r)
    for group in same.values():  # side by side, in the legend's order
        group.sort(key=lambda r: names.index(r["stat"]))
        for i, r in enumerate(group):
            r["x"] = r["year"] + (i - (len(group) - 1) / 2) * DODGE * 2
    kit.segments(rows, key=lambda r: r["year"], series=lambda r: (r["view"], r["what"], r["stat"]))
    years = sorted({r["year"] for r in rows})
    shares = sorted((r for r in rows if r["view"] == SHARE), key=lambda r: (r["year"], r["stat"] != mofcom))
    then = next(r for r in shares if r["year"] == kit.ARTICLE_YEAR)
    last = max((r for r in shares if r["stat"] == nbs), key=lambda r: r["year"])
    values = [r for r in rows if r["view"] == VALUE and r["what"] == ALL]
    v_then = next(r for r in values if r["year"] == kit.ARTICLE_YEAR)
    v_last = max(values, key=lambda r: (r["year"], r["stat"] == nbs))
    missing = [y for y in range(years[0], years[-1] + 1) if y not in {r["year"] for r in values}]
    gap = {"view": VALUE, "x": missing[0], "value": 0, "tag": f"{missing[0]}: no figure"}  # the first gap
    top = {v: max(r["value"] for r in rows if r["view"] == v) * 1.12 for v in (SHARE, VALUE)}  # room for labels
    view = alt.param(name="view", value=SHARE, bind=alt.binding_radio(options=[SHARE, VALUE], name="Show "))

    legend = alt.Legend(title="Figure from", orient="top", columns=2 if kit.narrow() else 3, labelLimit=200)
    hues = alt.Scale(domain=names, range=[theme.color("China"), kit.ink("text"), theme.color("Other")])
    colour = alt.Color("stat:N", scale=hues, legend=legend)
    shape = alt.Shape("stat:N", scale=alt.Scale(domain=names, range=["circle", "square", "triangle-up"]), legend=legend)
    step = 3 if kit.narrow() else 2
    x = alt.X(
        "x:Q",
        title=None,
        scale=alt.Scale(domain=[years[0] - 0.5, years[-1] + 0.5], nice=False, zero=False),
        axis=alt.Axis(format="d", values=list(range(years[0], years[-1] + 1, step))),
    )
    y = alt.Y(
        "value:Q",
        title=None,
        scale=alt.Scale(domainMax=alt.expr(f"view == '{VALUE}' ? {top[VALUE]} : {top[SHARE]}"), nice=True),
        axis=alt.Axis(  # the same width in both views, so that the switch moves nothing
            labelExpr=f"datum.value == 0 ? '0' : view == '{VALUE}' ? 'RMB ' + format(datum.value / 1000, ',') + ' trn' "
            ": datum.label + '%'",
            minExtent=70,
            maxExtent=70,
            tickCount=5,
        ),
    )
    tooltip = kit.tip(*{"label": "Figure", "measure": "Measure", "stat": "Figure from", "flag": "Note"}.items())
    tooltip += kit.tip(("source", "Reported by"))
    base = alt.Chart(alt.Data(values=rows)).transform_filter("datum.view == view")
    physical = f"datum.what == '{PHYSICAL}'"
    layers = [
        *kit.after_article("x", "Q", kit.ARTICLE_YEAR + 0.5, years[-1] + 0.5),
        base.mark_line().encode(
            x=x,
            y=y,
            color=colour,
            detail="segment:N",
            strokeDash=alt.condition(physical, alt.value([5, 3]), alt.value([1, 0])),
        ),
        base.mark_point(size=70, strokeWidth=2, opacity=1, filled=False).encode(
            x=x,
            y=y,
            color=colour,
            shape=shape,
            fill=alt.condition(physical, alt.value(kit.ink("surface")), alt.Fill("stat:N", scale=hues, legend=None)),
            tooltip=tooltip,
        ),
        *(
            kit.label_marks(alt.Chart(alt.Data(values=data)).transform_filter("datum.view == view"), x, y, **style)
            for data, style in (
                ([r | {"tag": r["short"]} for r in (then, v_then)], {"dx": 8, "dy": 12, "fontWeight": 600}),
                ([r | {"tag": r["short"]} for r in (last, v_last)], {"align": "right", "dx": -8, "dy": -12}),
                ([gap], {"align": "center", "dx": 0, "dy": -26, "color": kit.ink("muted")}),
            )
        ),
    ]
    return kit.finish(
        alt.layer(*layers).add_params(view),
        finding=f"Online shopping went from {formats.number(then['value'], 'percent')} of China's retail sales in "
        f"{then['year']} to {formats.number(last['value'], 'percent')} in {last['year']}",
        subtitle=f"Online retail as a share of total retail sales of consumer goods, %, or its value (switch), "
        f"{years[0]}–{years[-1]}, by who measured it; hollow, dashed: physical goods only, the narrower base of "
        f"official shares from {PHYSICAL_FROM}",
        description=(
            "Line and point chart of China's online retail, switchable between its share of total retail sales of "
            f"consumer goods and its value. The share went from {then['label']} ({then['what']}, {then['stat']}) to "
            f"{last['label']} ({last['what']}, {last['stat']}); the value from {v_then['label']} to {v_last['label']}. "
            f"The years after the article are shaded. Colours and shapes show who produced each figure; hollow points "
            f"and dashed lines are physical goods only. Lines join only consecutive years from one source; years "
            f"with no value figure ({', '.join(map(str, missing))}) are gaps."
        ),
        height=320,
    )
