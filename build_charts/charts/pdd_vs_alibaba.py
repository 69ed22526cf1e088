"""Chart `pdd_vs_alibaba`: Pinduoduo's annual active buyers against Alibaba's annual active consumers, from the
article's time (Alibaba only) to 2021; the legend shows one series at a time."""

import altair as alt

from build_charts import formats, kit
from build_charts.data import Dataset

W = kit.words(
    en={
        "pdd": "Pinduoduo",
        "ali": "Alibaba",
        "wider": "Alibaba, wider China count",
        "span": "12 months to {date}",
        "what_pdd": "Pinduoduo, annual active buyers",
        "what_ali": "Alibaba, annual active consumers",
        "x_format": "%b %Y",
        "x_format_narrow": "%b ’%y",
        "y_title": "Million accounts",
        "passes": "{when}: Pinduoduo passes Alibaba",
        "passes_narrow": "{when}:|Pinduoduo passes Alibaba",  # two lines on a phone (one ran into the axis)
        "vs": " vs ",
        "at_article": "{value}, at the article",
        "finding": "Pinduoduo's buyers grew {fold:.1f}-fold in {years} years and passed Alibaba's in {when}",
        "subtitle": "Million accounts buying in the 12 months to each date, as each company reported them; definitions"
        " differ: Pinduoduo counts accounts that placed an order, Alibaba accounts with a confirmed order (dashed:"
        " Alibaba's wider count, with its other China businesses)",
        "description": "Line chart of annual active buyers on Pinduoduo and annual active consumers on Alibaba's China"
        " retail marketplaces. When the article was written Alibaba had {ali_first}. Pinduoduo's first figure is"
        " {pdd_first}; in the {cross} it counted {pdd:g} million against Alibaba's {ali:g} million, the first period"
        " both report in which Pinduoduo counts more. Its last figure is {pdd_last}. Alibaba's wider China count"
        " stayed higher, reaching {wider}. The years after the article are shaded. The two companies define an active"
        " buyer differently, so this compares reported numbers, not identical measures. Click a legend entry to show"
        " one series.",
    },
    zh={
        "pdd": "拼多多",
        "ali": "阿里巴巴",
        "wider": "阿里巴巴，更宽的中国口径",
        "span": "截至{date}的12个月",
        "what_pdd": "拼多多年度活跃买家",
        "what_ali": "阿里巴巴年度活跃消费者",
        "x_format": "%Y年末",  # the ticks sit at year ends
        "x_format_narrow": "%Y年末",
        "y_title": "账户数",
        "passes": "{when}：拼多多超过阿里巴巴",
        "passes_narrow": "{when}：|拼多多超过阿里巴巴",
        "vs": "对",
        "at_article": "{value}（文章写作时）",
        "finding": "拼多多买家{years}年增至{fold:.1f}倍，{when}超过阿里巴巴",
        "subtitle": "截至各日期的12个月内有购买的账户数，按两家各自公布的数字；定义不同：拼多多算下过订单的账户，"
        "阿里巴巴算有确认订单的账户（虚线：阿里巴巴含其他中国业务的更宽口径）",
        "description": "折线图：拼多多的年度活跃买家与阿里巴巴中国零售平台的年度活跃消费者。文章写作时，阿里巴巴有"
        "{ali_first}。拼多多的第一个数字是{pdd_first}；在{cross}里，它统计到{pdd}，阿里巴巴为{ali}，这是两家都有"
        "数字的时期中拼多多第一次更多。它的最后一个数字是{pdd_last}。阿里巴巴更宽的中国口径一直更高，达到{wider}。"
        "文章之后的年份以阴影标出。两家对活跃买家的定义不同，所以这里比较的是各自公布的数字，并非同一指标。"
        "点击图例中的一项，可只显示该序列。",
    },
)
MARKETPLACES = "China retail marketplaces"


def _period(end: str) -> str:
    return W("span", date=kit.date(end))


def _count(millions: float):
    """A count for the description: 788.4 (English, 'million' follows) or '7.884亿'."""
    return millions if kit.lang() == "en" else formats.number(millions, "million")


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
        }
        | kit.data_tip(what(r), kit.value_text(r["value"], "million", _period(r["period_end"])), ds.origin(r))
        for r, first in zip(mine, kit.first_reports(mine, lambda r: (series(r), r["period_end"])), strict=True)
    ]


def build(pinduoduo: Dataset, alibaba_marketplaces: Dataset) -> alt.LayerChart:
    PDD, ALI, WIDER = W("pdd"), W("ali"), W("wider")  # noqa: N806  (the series, named in the edition's words)
    ali = alibaba_marketplaces
    rows = _rows(pinduoduo, "annual_active_buyers_m", lambda r: PDD, lambda r: W("what_pdd"))
    rows += _rows(
        ali,
        "annual_active_consumers_m",
        lambda r: ALI if r["basis"] == MARKETPLACES else WIDER,
        lambda r: W("what_ali") if r["basis"] == MARKETPLACES else WIDER,
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
    colour = alt.Color(
        "series:N", scale=kit.colour(names, {PDD: "Pinduoduo", ALI: "Alibaba", WIDER: "Alibaba"}), legend=legend
    )
    shape = alt.Shape("series:N", scale=alt.Scale(domain=names, range=["circle", "circle", "diamond"]), legend=legend)
    first_year, last_year = int(ali_first["period_end"][:4]), int(max(r["period_end"] for r in rows)[:4])
    end = f"{last_year + 1}-04-01"
    x = alt.X(
        "period_end:T",
        title=None,
        scale=alt.Scale(domain=[f"{first_year}-01-01", end]),
        axis=alt.Axis(  # ticks at the year ends most figures refer to
            format=W("x_format_narrow") if kit.narrow() else W("x_format"),
            values=[alt.DateTime(year=y, month=12, date=31) for y in range(first_year, last_year + 1, 2)],
        ),
    )
    y = alt.Y(
        "value:Q",
        title=W("y_title"),
        scale=alt.Scale(zero=True, nice=True),
        axis=alt.Axis(**kit.millions_axis()),
    )
    tips = kit.data_tooltip()
    toggle = kit.legend_toggle("series")
    opacity = kit.shown(toggle)
    base = alt.Chart(alt.Data(values=rows))
    dash = alt.condition(f"datum.series == '{WIDER}'", alt.value([5, 3]), alt.value([1, 0]))
    note = alt.Chart(alt.Data(values=[{"period_end": cross, "value": 0}]))
    low = min(r["value"] for r in rows) * 0.4  # the empty space under the lines
    when = kit.date(cross, with_day=False)
    crossing = [  # two lines beside the rule where Pinduoduo passes Alibaba
        (W("passes", when=when), low, {"fontWeight": 600, "dy": -8})
        if not kit.narrow()
        else (W("passes_narrow", when=when).split("|"), low, {"fontWeight": 600, "dy": -4, "baseline": "bottom"}),
        (W("vs").join(formats.number(r["value"], "million") for r in passed), low, {"dy": 20 if kit.narrow() else 8}),
    ]
    start = alt.Chart(
        alt.Data(values=[ali_first | {"tag": W("at_article", value=formats.number(ali_first["value"], "million"))}])
    )
    layers = [
        *kit.after_article("period_end", "T", f"{kit.ARTICLE_YEAR + 1}-01-01", end),
        note.mark_rule(color=kit.ink("muted"), strokeDash=[2, 3]).encode(x=x),
        base.transform_filter("datum.shown_as == 'point'")
        .mark_line()
        .encode(x=x, y=y, color=colour, detail=alt.Detail("segment:N"), strokeDash=dash, opacity=opacity)
        .add_params(toggle),  # on the first layer with the legend, which the toggle binds to
        base.transform_filter("datum.shown_as == 'point'")
        .mark_point(filled=True, size=70, opacity=1, stroke=kit.ink("surface"), strokeWidth=1)
        .encode(x=x, y=y, color=colour, shape=shape, opacity=opacity, **tips),
        base.transform_filter("datum.shown_as != 'point'")
        .mark_point(filled=False, size=130, strokeWidth=2)
        .encode(x=x, y=y, color=colour, shape=shape, opacity=opacity, **tips),
        kit.label_marks(start, x, y, dx=4, dy=14),
        *(
            kit.label_marks(note, x, alt.YDatum(level), text=alt.TextValue(text), align="right", dx=-6, **style)
            for text, level, style in crossing
        ),
    ]
    wider = max((r for r in main if r["series"] == WIDER), key=lambda r: r["period_end"])
    pdd_last = max(at[PDD].values(), key=lambda r: r["period_end"])
    return kit.finish(
        alt.layer(*layers),
        finding=W("finding", fold=passed[0]["value"] / pdd_first["value"], years=years, when=when),
        subtitle=W("subtitle"),
        description=W(
            "description",
            ali_first=ali_first["label"],
            pdd_first=pdd_first["label"],
            cross=_period(cross),
            pdd=_count(passed[0]["value"]),
            ali=_count(passed[1]["value"]),
            pdd_last=pdd_last["label"],
            wider=wider["label"],
        ),
        height=320,
    )
