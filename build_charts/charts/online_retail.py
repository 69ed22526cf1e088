"""Chart `online_retail`: China's online retail as a share of all retail sales (or its value), 2008–2023, by who
measured it, with the article's date; a switch shows share or value."""

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

SHARE, VALUE = "share of all retail", "value"  # the switch's values (readers see W's words for them)
ALL, PHYSICAL = "all online retail", "physical goods only"  # what a figure covers (readers see W's words)
STATS = ("NBS", "MOFCOM", "research firm")  # who produced a figure, in the legend's order
PHYSICAL_FROM = 2015  # official shares of retail are of physical goods only from this year
DODGE = 0.18  # years: two reports of the same year and measure sit side by side, not on top of each other

W = kit.words(
    en={
        "NBS": "NBS (statistics bureau)",
        "NBS narrow": "NBS (statistics)",
        "MOFCOM": "MOFCOM (commerce ministry)",
        "MOFCOM narrow": "MOFCOM",  # two legend columns in 327 px
        "research firm": "Research firm",
        "research firm narrow": "Research firm",
        ALL: ALL,
        PHYSICAL: PHYSICAL,
        "short_share": "{value} ({what})",
        "measure_share": "Share of retail ({what})",
        "measure_value": "Online sales ({what})",
        "no_figure": "{year}: no figure",
        "show": "Show ",
        SHARE: SHARE,
        VALUE: VALUE,
        "legend": "Figure from",
        "y_labels": "datum.value == 0 ? '0' : view == '{value}' ? 'RMB ' + format(datum.value / 1000, ',') + ' trn' "
        ": datum.label + '%'",
        "finding": "Physical goods bought online rose from {first} of China's retail sales in {first_year} to {last}"
        " in {last_year}",
        "subtitle": "Online retail as a share of total retail sales of consumer goods, %, or its value (switch), "
        "{start}–{end}, by who measured it; hollow, dashed: physical goods only, the narrower base of official shares"
        " from {physical_from}",
        "description": "Line and point chart of China's online retail, switchable between its share of total retail"
        " sales of consumer goods and its value. The share went from {then} ({then_what}, {then_stat}) to {last}"
        " ({last_what}, {last_stat}); the value from {v_then} to {v_last}. The years after the article are shaded."
        " Colours and shapes show who produced each figure; hollow points and dashed lines are physical goods only."
        " Lines join only consecutive years from one source; years with no value figure ({missing}) are gaps.",
        "list_sep": ", ",
    },
    zh={
        "NBS": "国家统计局",
        "NBS narrow": "国家统计局",
        "MOFCOM": "商务部",
        "MOFCOM narrow": "商务部",
        "research firm": "研究机构",
        "research firm narrow": "研究机构",
        ALL: "全部网上零售",
        PHYSICAL: "仅实物商品",
        "short_share": "{value}（{what}）",
        "measure_share": "占社会消费品零售总额比重（{what}）",
        "measure_value": "网上零售额（{what}）",
        "no_figure": "{year}年：无数字",
        "show": "显示：",
        SHARE: "占零售总额的比重",
        VALUE: "金额",
        "legend": "数字来自",
        "y_labels": "datum.value == 0 ? '0' : view == '{value}' ? format(datum.value / 1000, ',') + '万亿元' "
        ": datum.label + '%'",
        "finding": "网上实物商品在中国零售总额中的比重，从{first_year}年的{first}升到{last_year}年的{last}",
        "subtitle": "网上零售额占社会消费品零售总额的比重（%），或其金额（可切换），{start}—{end}年，按测算者区分；"
        "空心点、虚线：仅实物商品，即{physical_from}年起官方比重所用的较窄口径",
        "description": "折线点图：中国的网上零售，可在占社会消费品零售总额的比重和金额之间切换。"
        "比重从{then_year}年的{then_v}（{then_what}，{then_stat}）升到{last_year}年的{last_v}（{last_what}，"
        "{last_stat}）；金额从{v_then_year}年的{v_then_v}增至{v_last_year}年的{v_last_v}。"
        "文章之后的年份加了底色。颜色和形状表示数字由谁测算；空心点和虚线只含实物商品。"
        "只有同一来源相邻年份的数字才连线；没有金额数字的年份（{missing}）留作空缺。",
        "list_sep": "、",
    },
)


def _stat(producer: str) -> str:
    """Who produced a figure, in the legend's words (shorter on a phone)."""
    return W(f"{producer} narrow" if kit.narrow() else producer)


def _row(r: dict, ds: Dataset) -> dict:
    share = r["measure"] == "share_of_retail_pct"
    physical = r["measure"] == "online_physical_goods_rmb_bn" or (
        share and r["statistical_source"] != "research firm" and r["year"] >= PHYSICAL_FROM
    )
    what = PHYSICAL if physical else ALL
    value = formats.number(r["value"], "percent" if share else "RMB billion")
    return {
        "year": r["year"],
        "view": SHARE if share else VALUE,
        "what": what,
        "stat": _stat(r["statistical_source"]),
        "value": r["value"],
        "label": kit.value_text(r["value"], "percent" if share else "RMB billion", kit.year(r["year"])),
        "short": W("short_share", value=value, what=W(what)) if share else value,
    } | kit.data_tip(
        W("measure_share" if share else "measure_value", what=W(what)),
        kit.value_text(r["value"], "percent" if share else "RMB billion", kit.year(r["year"])),
        ds.origin(r),
    )


def build(online_retail: Dataset) -> alt.LayerChart:
    ds = online_retail
    rows = [_row(r, ds) for r in ds.rows]
    names = [_stat(s) for s in STATS]
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
    # the title compares one basis only: the first share on the same (physical goods) basis as the last
    first = min((r for r in shares if r["what"] == last["what"]), key=lambda r: r["year"])
    values = [r for r in rows if r["view"] == VALUE and r["what"] == ALL]
    v_then = next(r for r in values if r["year"] == kit.ARTICLE_YEAR)
    v_last = max(values, key=lambda r: (r["year"], r["stat"] == nbs))
    missing = [y for y in range(years[0], years[-1] + 1) if y not in {r["year"] for r in values}]
    gap = {"view": VALUE, "x": missing[0], "value": 0, "tag": W("no_figure", year=missing[0])}  # the first gap
    top = {v: max(r["value"] for r in rows if r["view"] == v) * 1.12 for v in (SHARE, VALUE)}  # room for labels
    labels = {} if kit.lang() == "en" else {"labels": [W(SHARE), W(VALUE)]}  # the values stay the English keys
    view = alt.param(name="view", value=SHARE, bind=alt.binding_radio(options=[SHARE, VALUE], name=W("show"), **labels))

    legend = alt.Legend(title=W("legend"), orient="top", columns=2 if kit.narrow() else 3, labelLimit=200)
    hues = alt.Scale(domain=names, range=[theme.color("China"), kit.ink("text"), theme.color("Other")])
    colour = alt.Color("stat:N", scale=hues, legend=legend)
    shape = alt.Shape("stat:N", scale=alt.Scale(domain=names, range=["circle", "square", "triangle-up"]), legend=legend)
    step = 3 if kit.narrow() else 2
    x = alt.X(
        "x:Q",
        title=None,
        scale=alt.Scale(domain=[years[0] - 0.5, years[-1] + 0.5], nice=False, zero=False),
        # the first year sits half a year from the y axis: a little more room under the plot keeps it clear
        # of the y axis's "0" on a 320 px phone
        axis=alt.Axis(format="d", values=list(range(years[0], years[-1] + 1, step)), labelPadding=5),
    )
    y = alt.Y(
        "value:Q",
        title=None,
        scale=alt.Scale(domainMax=alt.expr(f"view == '{VALUE}' ? {top[VALUE]} : {top[SHARE]}"), nice=True),
        axis=alt.Axis(  # the same width in both views, so that the switch moves nothing
            labelExpr=W("y_labels", value=VALUE),
            minExtent=70,
            maxExtent=70,
            tickCount=5,
        ),
    )
    tips = kit.data_tooltip()
    base = alt.Chart(alt.Data(values=rows)).transform_filter("datum.view == view")
    physical = f"datum.what == '{PHYSICAL}'"
    layers = [
        *kit.after_article("x", "Q", kit.ARTICLE_YEAR + 0.5, years[-1] + 0.5),
        base.mark_line().encode(
            x=x,
            y=y,
            color=colour,
            detail=alt.Detail("segment:N"),
            strokeDash=alt.condition(physical, alt.value([5, 3]), alt.value([1, 0])),
        ),
        base.mark_point(size=70, strokeWidth=2, opacity=1, filled=False).encode(
            x=x,
            y=y,
            color=colour,
            shape=shape,
            fill=alt.condition(physical, alt.value(kit.ink("surface")), alt.Fill("stat:N", scale=hues, legend=None)),
            **tips,
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
        finding=W(
            "finding",
            first=formats.number(first["value"], "percent"),
            first_year=first["year"],
            last=formats.number(last["value"], "percent"),
            last_year=last["year"],
        ),
        subtitle=W("subtitle", start=years[0], end=years[-1], physical_from=PHYSICAL_FROM),
        description=W(
            "description",
            then=then["label"],
            then_what=W(then["what"]),
            then_stat=then["stat"],
            last=last["label"],
            last_what=W(last["what"]),
            last_stat=last["stat"],
            v_then=v_then["label"],
            v_last=v_last["label"],
            then_year=then["year"],
            last_year=last["year"],
            v_then_year=v_then["year"],
            v_last_year=v_last["year"],
            then_v=formats.number(then["value"], "percent"),
            last_v=formats.number(last["value"], "percent"),
            v_then_v=formats.number(v_then["value"], "RMB billion"),
            v_last_v=formats.number(v_last["value"], "RMB billion"),
            missing=W("list_sep").join(kit.year(y) for y in missing),
        ),
        height=320,
    )
