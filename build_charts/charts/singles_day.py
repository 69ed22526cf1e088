"""Chart `singles_day`: Singles' Day (11.11) sales on Alibaba's platforms, 2009–2020, with the article's date."""

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

UNIT = "RMB billion"

W = kit.words(
    en={
        "eleven_days": "11 days (1–11 Nov)",
        "one_day": "one day",
        "tip_what": "Singles' Day sales, {window}",
        "y_title": UNIT,
        "tag": "{value} in {year}",
        "tag_narrow": "{value}, {year}",  # the axis says RMB; the full line would run into its labels
        "apart": "{year}: {value} over 11 days, not comparable",
        "finding": "Singles' Day sales grew about {times}-fold after the article",
        "subtitle": "Gross merchandise volume on Alibaba's platforms on 11 November, RMB billion, as announced;"
        " ticks mark other reports of the same year; an 11-day total is written, not drawn",
        "description": "Bar chart of Singles' Day sales on Alibaba's platforms, {first_year} to {last_year}. Sales went"
        " from {first} to {then}, around when the article was written, and then to {peak}, the largest one-day total;"
        " the years after the article are shaded. The {last_year} figure covers an 11-day window and is not comparable"
        " with the one-day years.",
    },
    zh={
        "eleven_days": "11天（11月1—11日）",
        "one_day": "一天",
        "tip_what": "双十一成交额（{window}）",
        "y_title": "亿元",
        "tag": "{year}年：{value}",
        "tag_narrow": "{year}年：{value}",
        "apart": "{year}年：11天{value}，不可比",
        "finding": "文章之后，双十一成交额涨到原来的约{times}倍",
        "subtitle": "阿里巴巴平台11月11日的商品交易总额（亿元），以公布数字为准；短横线标出同一年的其他报道；"
        "11天的总额只写出数字，不画柱",
        "description": "柱状图：阿里巴巴平台的双十一成交额，{first_year}—{last_year}年。"
        "成交额从{first_year}年的{first_v}增长到{then_year}年的{then_v}，大致在文章写作之时；"
        "此后在{peak_year}年增至{peak_v}，是单日总额的最高值；文章之后的年份加了底色。"
        "{last_year}年的数字覆盖11天的时段，不能与单日的年份相比。",
    },
)
ZH_AXIS = {"labelExpr": "round(datum.value * 10)"}  # RMB billion to 亿元 (100 bn = 1000亿)


def build(singles_day: Dataset) -> alt.LayerChart:
    ds = singles_day
    main = kit.first_reports(ds.rows, lambda r: r["year"])  # the first-listed report of a year is the bar
    rows = [
        {
            "year": r["year"],
            "gmv": r["gmv_rmb_bn"],
            "shown_as": "bar" if first else "other report",
            "window": W("eleven_days") if r["window_days"] > 1 else W("one_day"),
            "label": kit.value_text(r["gmv_rmb_bn"], UNIT, kit.year(r["year"])),
        }
        | kit.data_tip(
            W("tip_what", window=W("eleven_days") if r["window_days"] > 1 else W("one_day")),
            kit.value_text(r["gmv_rmb_bn"], UNIT, kit.year(r["year"])),
            ds.origin(r),
        )
        for r, first in zip(ds.rows, main, strict=True)
    ]
    bars_only = [r for r in rows if r["shown_as"] == "bar"]
    # a total over a longer window is not comparable with the one-day years: written in its slot, not drawn as a
    # bar, so it sets neither the scale nor the reading
    for r in rows:
        if r["window"] != W("one_day"):
            r["shown_as"] = "apart"
    first, last = bars_only[0], bars_only[-1]
    peak = max((r for r in bars_only if r["window"] == W("one_day")), key=lambda r: r["gmv"])
    at_article = next(r for r in bars_only if r["year"] == kit.ARTICLE_YEAR)

    tips = kit.data_tooltip()
    x = alt.X(
        "year:O",
        title=None,
        scale=alt.Scale(paddingInner=0.2),
        axis=alt.Axis(labelAngle=0, labelOverlap="greedy"),
    )
    y = alt.Y("gmv:Q", title=W("y_title"), axis=alt.Axis(tickCount=5, **(ZH_AXIS if kit.lang() == "zh" else {})))
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
                    domain=[W("one_day"), W("eleven_days")],
                    range=[theme.color("Alibaba"), kit.ink("domain")],
                ),
                legend=None,  # every drawn bar is one day; the longer window is written apart
            ),
            **tips,
        )
    )
    others = (
        data.transform_filter("datum.shown_as == 'other report'")
        .mark_tick(thickness=2, size=14, color=kit.ink("text"))
        .encode(x=x, y=y, **tips)
    )
    after = [r["year"] for r in bars_only if r["year"] > kit.ARTICLE_YEAR]
    apart = [
        r | {"tag": W("apart", value=formats.number(r["gmv"], UNIT), year=r["year"]), "gmv": 0}
        for r in rows
        if r["shown_as"] == "apart"
    ]
    written = kit.label_marks(alt.Chart(alt.Data(values=apart)), x, y, angle=270, baseline="middle")
    value = formats.number(at_article["gmv"], UNIT)
    tag = W("tag_narrow", value=value.replace("RMB ", ""), year=at_article["year"]) if kit.narrow() else None
    tag = tag or W("tag", value=value, year=at_article["year"])
    note = alt.Chart(alt.Data(values=[at_article | {"tag": tag}]))
    return kit.finish(
        alt.layer(
            *kit.after_article("year", "O", after[0], after[-1]),
            bars,
            others,
            kit.label_marks(note, x, y, align="right", dx=4, dy=-16),
            written,
        ),
        finding=W("finding", times=f"{peak['gmv'] / at_article['gmv']:.0f}"),
        subtitle=W("subtitle"),
        description=W(
            "description",
            first_year=first["year"],
            last_year=last["year"],
            first=kit.value_text(first["gmv"], UNIT, kit.year(first["year"])),
            then=kit.value_text(at_article["gmv"], UNIT, kit.year(at_article["year"])),
            peak=kit.value_text(peak["gmv"], UNIT, kit.year(peak["year"])),
            first_v=formats.number(first["gmv"], UNIT),
            then_v=formats.number(at_article["gmv"], UNIT),
            then_year=at_article["year"],
            peak_v=formats.number(peak["gmv"], UNIT),
            peak_year=peak["year"],
        ),
        height=300,
    )
