"""Chart `alibaba_growth`: buyers and sales on Alibaba's China retail marketplaces, 2013–2021 (after the article)."""

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

W = kit.words(
    en={
        "consumers": "Annual active consumers",
        "gmv": "Gross merchandise volume",
        "radio_consumers": "Buyers (million)",
        "radio_gmv": "Sales (RMB bn)",
        "radio": "Show ",
        "span": "12 months to {date}",
        "fy_span": "{fy} ({span})",
        "wider": "wider count",
        "wider_what": "{metric}, wider count",
        "x_format": "%Y",
        "y_labels": "measure == '{gmv}' ? datum.label + ' bn' : datum.label + ' m'",
        "finding": "After the article, buyers on Alibaba's China marketplaces grew {buyers:.1f}-fold and sales"
        " {sales:.0f}-fold",
        "subtitle": "Taobao and Tmall: annual active consumers (million, 12 months to each date) or gross merchandise"
        " volume (RMB billion, fiscal years to 31 March), as Alibaba reported. Dashed diamonds: a wider count that"
        " adds Alibaba's other businesses",
        "description": "Line chart of Alibaba's China retail marketplaces, with a switch between two measures; the"
        " years after the article are shaded. Gross merchandise volume rose from {g_from} to {g_to}, from {g0} to {g1}."
        " Annual active consumers rose from {c0} to {c1}. From {wider_year} Alibaba also gave a wider count that adds"
        " its other businesses, drawn dashed and not joined to the marketplace line. Periods with no sourced figure"
        " are left as gaps.",
    },
    zh={
        "consumers": "年度活跃消费者",
        "gmv": "商品交易总额",
        "radio_consumers": "买家数",
        "radio_gmv": "成交额",
        "radio": "显示 ",
        "span": "截至{date}的12个月",
        "fy_span": "{fy}，{span}",  # inside the value's own brackets
        "wider": "更宽口径",
        "wider_what": "{metric}（更宽口径）",
        "x_format": "%Y年",
        # the axis in 万亿元 (RMB billion / 1,000) or 亿 (millions / 100)
        "y_labels": "datum.value == 0 ? '0' : measure == '{gmv}' ? datum.value / 1000 + '万亿元' : datum.value / 100"
        " + '亿'",
        # \u200b (kit.BREAK): a line breaks only there, so no word is cut (淘宝和天猫的买 / 家增至)
        "finding": "文章之后，\u200b淘宝和天猫的\u200b买家增至{buyers:.1f}倍，\u200b成交额增至{sales:.0f}倍",
        "subtitle": "淘宝和天猫：年度活跃消费者（截至各日期的12个月）或商品交易总额（截至3月31日的财年），"
        "均为阿里巴巴公布的数字。虚线菱形：加上阿里巴巴其他业务的更宽口径",
        "description": "折线图：阿里巴巴中国零售平台，可在两个指标之间切换；文章之后的年份以阴影标出。"
        "商品交易总额从{g_from}到{g_to}由{g0}增至{g1}。年度活跃消费者由{c0}增至{c1}。从{wider_year}起，"
        "阿里巴巴还给出一个加上其他业务的更宽口径，画成虚线，不与零售平台的线相连。没有来源数字的时期留作空缺。",
    },
)
UNIT = {"annual_active_consumers_m": "million", "gmv_rmb_bn": "RMB billion"}
MARKETPLACES = "China retail marketplaces"  # the basis joined into a line; the wider count is dashed
SIDE = {  # where a point's label sits
    "first": {"dx": 6, "dy": 12},
    "last": {"dx": 8},
    "end": {"align": "right", "dx": -8, "dy": -10},
    "wider": {"align": "right", "dx": -6, "dy": -12},
}


def _period_text(ds: Dataset, row: dict) -> str:
    """'FY2016 (12 months to 31 Mar 2016)' or '12 months to 31 Dec 2019'."""
    span = W("span", date=kit.date(row["period_end"]))
    return (
        W("fy_span", fy=kit.label(ds, "period", row["period"]), span=span) if row["period"].startswith("FY") else span
    )


def build(alibaba_marketplaces: Dataset) -> alt.LayerChart:
    ds = alibaba_marketplaces
    CONSUMERS, GMV = W("consumers"), W("gmv")  # noqa: N806  (the measures' names, also the switch's values)
    metric_of = {"annual_active_consumers_m": CONSUMERS, "gmv_rmb_bn": GMV}
    market = kit.label(ds, "basis", MARKETPLACES)
    rows = []
    for r in sorted(ds.rows, key=lambda r: r["period_end"]):
        metric, unit = metric_of[r["measure"]], UNIT[r["measure"]]
        rows.append(
            {
                "metric": metric,
                "period_end": r["period_end"],
                "value": r["value"],
                "basis": kit.label(ds, "basis", r["basis"]),
                "label": kit.value_text(r["value"], unit, _period_text(ds, r)),
                "short": formats.number(r["value"], unit),
                "tag": "",
                "side": "last",
            }
            | kit.data_tip(
                metric if r["basis"] == MARKETPLACES else W("wider_what", metric=metric),
                # the twelve months alone: the fiscal year's name says them again, and a phone's line is short
                kit.value_text(r["value"], unit, W("span", date=kit.date(r["period_end"]))),
                ds.origin(r),
            )
        )
    kit.segments(rows, key=lambda r: kit.day(r["period_end"]), series=lambda r: (r["metric"], r["basis"]), max_gap=366)
    ends = {}  # metric -> (first, last) on the marketplace basis: the two points labelled
    for metric in (CONSUMERS, GMV):
        line = [r for r in rows if r["metric"] == metric and r["basis"] == market]
        ends[metric] = line[0], line[-1]
        wider = [r for r in rows if r["metric"] == metric and r["basis"] != market]
        for r, side in zip(ends[metric], ("first", "last" if wider else "end"), strict=True):
            r["tag"], r["side"] = r["short"].replace("RMB ", ""), side  # "end": above, where no wider line runs
        if wider:
            wider[-1]["tag"], wider[-1]["side"] = W("wider"), "wider"
    bases = [market, *sorted({r["basis"] for r in rows} - {market})]
    start, stop = rows[0]["period_end"][:4], int(rows[-1]["period_end"][:4]) + 1
    # the axis runs on past the last point far enough for its label at the right (on a phone, "811 m" at 12 px)
    end = f"{stop + 1}-03-01" if kit.narrow() else f"{stop}-07-01"

    measure = alt.param(
        name="measure",
        value=CONSUMERS,
        bind=alt.binding_radio(
            options=[CONSUMERS, GMV], labels=[W("radio_consumers"), W("radio_gmv")], name=W("radio")
        ),
    )
    x = alt.X(
        "period_end:T",
        title=None,
        scale=alt.Scale(domain=[f"{start}-01-01", end]),
        axis=alt.Axis(format=W("x_format"), tickCount={"interval": "year", "step": 2 if kit.narrow() else 1}),
    )
    y = alt.Y(
        "value:Q",
        title=None,
        scale=alt.Scale(zero=True, nice=True),
        # the axis keeps room for the wider of the two measures' labels (Chinese 6万亿元 against 8亿), so switching
        # measure in the live view never pushes labels out of the drawing
        axis=alt.Axis(
            labelExpr=W("y_labels", gmv=GMV), tickCount=5, **({"minExtent": 60} if kit.lang() == "zh" else {})
        ),
    )
    dash = alt.condition(f"datum.basis == '{market}'", alt.value([1, 0]), alt.value([5, 3]))
    tips = kit.data_tooltip()
    base = alt.Chart(alt.Data(values=rows)).transform_filter("datum.metric == measure")
    ink = theme.color("Alibaba")
    layers = [
        *kit.after_article("period_end", "T", f"{kit.ARTICLE_YEAR + 1}-01-01", end),
        base.mark_line(color=ink).encode(x=x, y=y, detail=alt.Detail("segment:N"), strokeDash=dash),
        base.mark_point(color=ink, filled=True, size=70, opacity=1).encode(
            x=x,
            y=y,
            shape=alt.Shape("basis:N", legend=None, scale=alt.Scale(domain=bases, range=["circle", "diamond"])),
            **tips,
        ),
        *[
            kit.label_marks(base.transform_filter(f"datum.side == '{k}' && datum.tag"), x, y, **v)
            for k, v in SIDE.items()
        ],
    ]
    (c0, c1), (g0, g1) = ends[CONSUMERS], ends[GMV]
    return kit.finish(
        alt.layer(*layers).add_params(measure),
        finding=W("finding", buyers=c1["value"] / c0["value"], sales=g1["value"] / g0["value"]),
        subtitle=W("subtitle"),
        description=W(
            "description",
            g_from=kit.year(g0["period_end"][:4]),
            g_to=kit.year(g1["period_end"][:4]),
            g0=g0["label"],
            g1=g1["label"],
            c0=c0["label"],
            c1=c1["label"],
            wider_year=kit.year(next(r for r in rows if r["basis"] != market)["period_end"][:4]),
        ),
        height=300,
    )
