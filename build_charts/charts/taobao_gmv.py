"""Chart `taobao_gmv`: Taobao's yearly transaction volume from 2003, and the RMB 1 trillion of 2012, on a log scale."""

import datetime as dt

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

UNIT = "RMB billion"
SHAPES = {
    "Taobao": "circle",
    "Taobao and Tmall": "diamond",
    "Tmall": "square",
    "Taobao, Tmall and Juhuasuan": "triangle-up",
}
TRILLION = 1000  # RMB billion
STEP = 0.24  # years between reports of one year, side by side

W = kit.words(
    en={
        "part_of_year": "{window} {year}",
        "y_title": "RMB, log scale",
        "y_labels": "datum.value >= 1000 ? datum.value / 1000 + ' tn' : datum.value >= 1 ? datum.value + ' bn'"
        " : datum.value * 1000 + ' m'",
        "line": "RMB {trillion}: Taobao and Tmall passed it on {passed}, announced {told}",
        "finding": "Taobao's yearly trade went from RMB {first} in {first_year} to RMB {mark}, with Tmall, in"
        " {mark_year}",
        "subtitle": "Value of goods traded on Taobao (with Tmall from 2011, and Juhuasuan in 2013) per year, RMB,"
        " log scale (each gridline is ten times the one below), as Alibaba and a research centre stated it."
        " Hollow: January–November",
        "description": "Point chart of Taobao's yearly transaction volume on a logarithmic scale, {start} to {end}, "
        "one mark per report. It went from RMB {first} in {first_year} to RMB {mark} in {mark_period} for Taobao and"
        " Tmall together, {growth} years later; Alibaba announced on {told} that the two had passed the mark on"
        " {passed}. Years with no sourced figure ({gaps}) are left empty.",
        "list_sep": ", ",
    },
    zh={
        "part_of_year": "{year}年{window}",
        "y_title": "对数刻度",
        "y_labels": "datum.value >= 1000 ? datum.value / 1000 + '万亿元' : datum.value >= 0.1 ?"
        " round(datum.value * 10) + '亿元' : round(datum.value * 100000) + '万元'",
        "line": "{trillion}：淘宝和天猫于{passed}突破，{told}宣布",
        "finding": "淘宝一年的交易额从{first_year}年的{first}，涨到{mark_year}年与天猫合计{mark}",
        "subtitle": "淘宝（2011年起含天猫，2013年另含聚划算）每年的商品交易额，对数刻度（每条网格线是下面一条的十倍），"
        "数字为阿里巴巴和一家研究机构所公布。空心点：1—11月",
        "description": "点图：淘宝每年的交易额，对数刻度，{start}—{end}年，每份报告一个点。"
        "交易额从{first_year}年的{first}，增长到{mark_period}淘宝和天猫合计{mark}，前后{growth}年；"
        "阿里巴巴于{told}宣布，两者已在{passed}突破这一关口。没有可靠来源数字的年份（{gaps}）留空。",
        "list_sep": "、",
    },
)


def _short(bn: float, long: bool = False) -> str:
    """'20 m', '9.7 bn', '1 tn' (RMB) for direct labels; '20 million', '1 trillion' for the title
    (in Chinese: '2000万元', '1万亿元', the unit included)."""
    if kit.lang() == "zh":
        return formats.number(bn, UNIT)
    m, b, t = ("million", "billion", "trillion") if long else ("m", "bn", "tn")
    return f"{bn * 1000:g} {m}" if bn < 1 else f"{bn / 1000:g} {t}" if bn >= TRILLION else f"{bn:g} {b}"


def build(taobao_gmv: Dataset) -> alt.LayerChart:
    ds = taobao_gmv
    zh = kit.lang() == "zh"
    rows = []
    for r in ds.rows:
        whole = r["window"] == "full year"
        window = kit.label(ds, "window", r["window"]).replace(" - ", "–")
        period = kit.year(r["year"]) if whole else W("part_of_year", window=window, year=r["year"])
        rows.append(
            {
                "year": r["year"],
                "value": r["value_rmb_bn"],
                "scope": kit.label(ds, "scope", r["scope"]),  # readers' words; shapes stay keyed by the English
                "whole": whole,
                "label": kit.value_text(r["value_rmb_bn"], UNIT, period),
                "window": r["window"],
                "period": period,
                "published": ds.origin(r).date_published,
            }
            | kit.data_tip(
                kit.label(ds, "scope", r["scope"]), kit.value_text(r["value_rmb_bn"], UNIT, period), ds.origin(r)
            )
        )
    for year in {r["year"] for r in rows}:  # reports of one year side by side, in the file's order
        mine = [r for r in rows if r["year"] == year]
        for i, r in enumerate(mine):
            r["x"] = year + (i - (len(mine) - 1) / 2) * STEP
            r["tag"] = _short(r["value"]) if i == 0 and r["whole"] else ""
    first = rows[0]
    mark = next(r for r in rows if r["value"] >= TRILLION)
    mark_period = mark.pop("period")
    for r in rows:
        r.pop("period", None)
    passed = mark["window"].split(" - ")[-1]  # '30 Nov'
    passed_on = dt.datetime.strptime(f"{passed} {mark['year']}", "%d %b %Y").date()
    told = dt.date.fromisoformat(str(mark["published"]))
    years = sorted({r["year"] for r in rows})

    x = alt.X(
        "x:Q",
        title=None,
        scale=alt.Scale(domain=[years[0] - 0.8, years[-1] + 0.5], nice=False, zero=False),
        axis=alt.Axis(values=list(range(years[0], years[-1] + 1, 3 if kit.narrow() else 1)), format="d", grid=False),
    )
    y = alt.Y(
        "value:Q",
        title=W("y_title"),
        scale=alt.Scale(type="log", domain=[0.01, 5 * TRILLION], nice=False),
        axis=alt.Axis(values=[0.01, 0.1, 1, 10, 100, TRILLION], labelExpr=W("y_labels")),
    )
    scopes = list(dict.fromkeys(r["scope"] for r in ds.rows))
    shape = alt.Shape(
        "scope:N",
        title=None,
        scale=alt.Scale(domain=[kit.label(ds, "scope", s) for s in scopes], range=[SHAPES[s] for s in scopes]),
        legend=alt.Legend(orient="top", direction="vertical" if kit.narrow() else "horizontal"),
    )
    tips = kit.data_tooltip()
    data = alt.Chart(alt.Data(values=rows))
    points = [
        data.transform_filter(f"datum.whole == {str(whole).lower()}")
        .mark_point(filled=whole, size=70, opacity=1, strokeWidth=2, color=theme.color("Alibaba"))
        .encode(x=x, y=y, shape=shape, **tips)
        for whole in (True, False)
    ]
    values = kit.label_marks(data.transform_filter("datum.tag != ''"), x, y, align="right", dx=-8)
    if zh:
        line_text = W(
            "line",
            trillion=_short(TRILLION),
            passed=kit.date(passed_on.isoformat()),
            told=f"{told.month}月{told.day}日",
        )
    else:
        line_text = W(
            "line", trillion=_short(TRILLION, True), passed=f"{passed} {mark['year']}", told=f"{told.day} {told:%b}"
        )
    # above the rule, in at most two lines: below it, the note ran into the 200 bn label of 2009
    line_text = kit.wrap(line_text, (22 if kit.narrow() else 40) if zh else (40 if kit.narrow() else 80))
    trillion = alt.Chart(alt.Data(values=[{"value": TRILLION, "x": years[0] - 0.7, "tag": line_text}]))
    notes = [
        trillion.mark_rule(color=kit.ink("muted"), strokeDash=[4, 3]).encode(y=y),
        # Vega sets a multi-line text's first line at the baseline: lift it by the lines under it
        kit.label_marks(trillion, x, y, dx=0, dy=-5 - 13 * (len(line_text) - 1), baseline="bottom", lineHeight=13),
    ]
    growth = mark["year"] - first["year"]
    gaps = W("list_sep").join(kit.year(y) if zh else str(y) for y in range(years[0], years[-1]) if y not in years)
    return kit.finish(
        alt.layer(*notes, *points, values),
        finding=W(
            "finding",
            first=_short(first["value"], True),
            first_year=first["year"],
            mark=_short(mark["value"], True),
            mark_year=mark["year"],
        ),
        subtitle=W("subtitle"),
        description=W(
            "description",
            start=years[0],
            end=years[-1],
            first=_short(first["value"], True),
            first_year=first["year"],
            mark=_short(mark["value"], True),
            mark_period=mark_period,
            growth=growth,
            told=kit.date(told.isoformat()) if zh else f"{told.day} {told:%B %Y}",
            passed=kit.date(passed_on.isoformat()) if zh else f"{passed} {mark['year']}",
            gaps=gaps,
        ),
        height=320,
    )
