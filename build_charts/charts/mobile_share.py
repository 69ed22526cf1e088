"""Chart `mobile_share`: mobile's share of online shopping, on Alibaba's marketplaces and in all of China. Guess
first: the years after the article stay out of the drawing until `reveal` is set, after the reader's guess in the
live view (charts-live.js), or in the drawing with the answer that the build makes for the figure's drawer
(kit.answer); the description states none of their values, the answer's description does."""

import datetime as dt

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

AFTER = f"{kit.ARTICLE_YEAR + 1}-01-01"
SERIES = {  # who and how often -> shape (the legend's names are in W, wide and narrow)
    "alibaba quarter": "circle",
    "alibaba fiscal year": "square",
    "iResearch quarter": "circle",
    "iResearch year": "square",
    "CNNIC year": "triangle-up",
}
W = kit.words(
    en={
        "alibaba quarter": "Alibaba, quarter",
        "alibaba quarter narrow": "Alibaba, qtr",
        "alibaba fiscal year": "Alibaba, fiscal year",
        "alibaba fiscal year narrow": "Alibaba, FY",
        "iResearch quarter": "China, iResearch quarter",
        "iResearch quarter narrow": "China, iRes. qtr",  # two legend columns in 327 px
        "iResearch year": "China, iResearch year",
        "iResearch year narrow": "China, iRes. yr",
        "CNNIC year": "China, CNNIC survey",
        "CNNIC year narrow": "China, CNNIC",
        "fiscal_year": "fiscal year {year}",
        "what True": "Mobile share of Alibaba's sales",
        "what False": "Mobile share of China's online shopping",
        "year": "{year}",
        "china": "China: {label}",
        "it_was": "; it was {real}",
        "question": "Your guess: mobile share of Alibaba's sales in {period} (%) ",
        "you": "You said ",
        "you narrow": "You: ",
        "guess": "Your guess (ring): ",
        "guess narrow": "Guess: ",
        "answer": "{period}: {real}",
        "half": "half on mobile",
        "x_format": "%Y",
        "finding": "Phones' share of Alibaba's sales rose from {then} to {now} in the year to the article",
        "subtitle": "Mobile share of the value of goods bought online, %: Alibaba's China marketplaces (company"
        " filings and results) and all of China (iResearch; CNNIC survey, base not stated); hollow: a second report",
        "description": "Line and point chart of mobile's share of online shopping. On Alibaba's China marketplaces it"
        " rose from {then} to {now}, around when the article was written; across China, iResearch put it at"
        " {national}. {after}",
        "kept": "The years after the article are shaded and left empty until the reader has guessed Alibaba's share"
        " in {target_period}; “Show what happened” under the chart draws them.",
        "shown": "The years after the article are shaded: {half}it reached {target_v} in {target_period}.",
        "half_passed": "Alibaba's share passed half in {period} ({value}); ",
        "answer_text": "{target_v} in {target_period}",
    },
    zh={
        "alibaba quarter": "阿里巴巴，季度",
        "alibaba quarter narrow": "阿里巴巴，季度",
        "alibaba fiscal year": "阿里巴巴，财年",
        "alibaba fiscal year narrow": "阿里巴巴，财年",
        "iResearch quarter": "全国，艾瑞咨询季度",
        "iResearch quarter narrow": "全国，艾瑞季度",
        "iResearch year": "全国，艾瑞咨询全年",
        "iResearch year narrow": "全国，艾瑞全年",
        "CNNIC year": "全国，CNNIC 调查",
        "CNNIC year narrow": "全国，CNNIC",
        "fiscal_year": "{year}财年",
        "what True": "阿里巴巴成交额中移动端的占比",
        "what False": "全国网购中移动端的占比",
        "year": "{year}年",
        "china": "全国：{label}",
        "it_was": "；实际是{real}",
        "question": "你猜：{period}阿里巴巴的销售额有多少来自移动端（%） ",
        "you": "你猜的是",
        "you narrow": "你猜：",
        "guess": "你的猜测（圆圈）：",
        "guess narrow": "猜测：",
        "answer": "{period}：{real}",
        "half": "一半来自移动端",
        "x_format": "%Y年",
        # \u200b (kit.BREAK): a line breaks only there, so no word is cut
        "finding": "文章写作前的一年里，\u200b阿里巴巴销售额中\u200b手机的占比\u200b从{then}升到{now}",
        "subtitle": "移动端占网购金额的比例（%）：阿里巴巴中国零售平台（公司招股书和业绩公告）与全国"
        "（艾瑞咨询；CNNIC 调查，基数未说明）；空心点：第二份报告",
        "description": "折线点图：移动端在网购中的占比。在阿里巴巴的中国零售平台上，这一比例从{then_period}的{then_v}"
        "升到{now_period}的{now_v}，大致是文章写作的时候；就全国而言，艾瑞咨询给出的是{national_period}的{national_v}。"
        "{after}",
        "kept": "文章之后的年份加了底色，先空着，等读者猜过阿里巴巴{target_period}的占比再画出；"
        "也可以点图下的“显示实际结果”。",
        "shown": "文章之后的年份加了底色：{half}{target_period}达到{target_v}。",
        "half_passed": "阿里巴巴的占比在{period}首次过半（{value}），",
        "answer_text": "{target_period}为{target_v}",
    },
)
# Only the live view runs in a browser (the static drawings are made without one): only it draws the reader's guess.
LIVE = "isNumber((screen() || {}).width)"


def _series(key: str) -> str:
    """A series' name in the legend (shorter on a phone)."""
    return W(f"{key} narrow" if kit.narrow() else key)


def _row(r: dict, ds: Dataset, main: bool) -> dict:
    p, end = r["period"], dt.date.fromisoformat(r["period_end"])
    kind = "fiscal year" if p.startswith("FY") else "quarter" if "-Q" in p else "year"
    key = ("alibaba" if r["scope"] == "alibaba" else "CNNIC" if "CNNIC" in r["measure"] else "iResearch") + f" {kind}"
    fiscal = W("fiscal_year", year=p.removeprefix("FY")) if kind == "fiscal year" else W("year", year=p)
    period = kit.quarter(r["period_end"]) if kind == "quarter" else fiscal
    return {
        "key": key,
        "series": _series(key),
        "order": int(p[:4]) * 4 + int(p[-1]) if kind == "quarter" else int(p.removeprefix("FY")),
        "mid": str(end - dt.timedelta(days=45 if kind == "quarter" else 182)),  # drawn mid-period
        "period": period,
        "value": r["value_pct"],
        "main": main,
        "after": r["period_end"] >= AFTER,
        "label": kit.value_text(r["value_pct"], "percent", period),
    } | kit.data_tip(
        W(f"what {r['scope'] == 'alibaba'}"), kit.value_text(r["value_pct"], "percent", period), ds.origin(r)
    )


def build(mobile_share: Dataset) -> alt.LayerChart:
    ds = mobile_share
    mains = kit.first_reports(ds.rows, lambda r: (r["scope"], r["measure"], r["period"]))  # others: hollow
    rows = [_row(r, ds, main) for r, main in zip(ds.rows, mains, strict=True)]
    kit.segments([r for r in rows if r["main"]], key=lambda r: r["order"], series=lambda r: r["key"])
    quarters = [r for r in rows if r["key"] == "alibaba quarter" and r["main"]]
    now, target = max((r for r in quarters if not r["after"]), key=lambda r: r["order"]), quarters[-1]
    then = next((r for r in quarters if r["order"] == now["order"] - 4), quarters[0])  # a year earlier
    national = next(r for r in rows if r["key"] == "iResearch year" and r["order"] == kit.ARTICLE_YEAR)
    june = next(r for r in quarters if r["order"] == kit.ARTICLE_YEAR * 4 + 2)
    cited = [  # the figures chapter 5 cites; Alibaba's is the series the title names
        # on a phone the bottom fifth is crowded (3 px a point): Alibaba's label goes above-right of its point,
        # under the 20% points, and China's below-right of its square, clear of the 0% tick (left of the points
        # a label would leave the drawing)
        (
            june | {"tag": june["label"]},
            {"align": "left", "dx": 7, "dy": -9} if kit.narrow() else {"align": "right", "dx": 4, "dy": -12},
        ),
        (
            national | {"tag": W("china", label=national["label"])},
            {"align": "left", "dx": 8, "dy": 12} if kit.narrow() else {"align": "right", "dx": 10, "dy": 16},
        ),
    ]
    real = formats.number(target["value"], "percent")
    said = f"(reveal ? '{W('it_was', real=real)}' : '')"
    question = W("question", period=target["period"])
    guess = alt.param(name="guess", value=10, bind=alt.binding_range(min=0, max=100, step=1, name=question))
    reveal = alt.param(name="reveal", value=False)  # set by charts-live.js after a guess; true in the answer drawing

    names = [_series(k) for k in SERIES]
    legend = alt.Legend(title=None, orient="top", columns=2, symbolStrokeWidth=0, labelLimit=170)
    hues = [theme.color("Alibaba" if k.startswith("alibaba") else "China") for k in SERIES]
    colour = alt.Color("series:N", scale=alt.Scale(domain=names, range=hues), legend=legend)
    shape = alt.Shape("series:N", scale=alt.Scale(domain=names, range=list(SERIES.values())), legend=legend)
    years = sorted({r["mid"][:4] for r in rows})
    end = f"{int(years[-1]) + 1}-01-01"
    x = alt.X(
        "mid:T",
        title=None,
        scale=alt.Scale(domain=[f"{years[0]}-01-01", end]),
        axis=alt.Axis(format=W("x_format"), tickCount="year"),
    )
    y = alt.Y("value:Q", title=None, scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(labelExpr="datum.label + '%'"))
    tips = kit.data_tooltip()
    shown = alt.Chart(alt.Data(values=rows)).transform_filter("reveal || !datum.after")
    dash = alt.condition("indexof(datum.key, 'quarter') > 0", alt.value([1, 0]), alt.value([5, 3]))
    one = alt.Chart(alt.Data(values=[target | {"tag": W("answer", period=target["period"], real=real)}]))
    mine = one.transform_filter("live").transform_calculate(value="guess")  # the reader's guess, live only
    muted, ink = kit.ink("muted"), kit.ink("text")
    you, guess_ = ("you narrow", "guess narrow") if kit.narrow() else ("you", "guess")  # a phone's line is short
    layers = [
        *kit.after_article("mid", "T", AFTER, end),
        one.mark_rule(color=muted, strokeWidth=1).encode(y=alt.YDatum(50)),
        kit.label_marks(one, alt.XValue(0), alt.YDatum(50), text=alt.TextValue(W("half")), color=muted, dy=-8),
        shown.transform_filter("datum.main")
        .mark_line()
        .encode(x=x, y=y, color=colour, strokeDash=dash, detail=alt.Detail("segment:N")),
        shown.transform_filter("datum.main")
        .mark_point(filled=True, size=70, opacity=1, stroke=kit.ink("surface"), strokeWidth=1)
        .encode(x=x, y=y, color=colour, shape=shape, **tips),
        shown.transform_filter("!datum.main")
        .mark_point(filled=False, size=120, strokeWidth=2, opacity=1)
        .encode(x=x, y=y, color=colour, shape=shape, **tips),
        *(kit.label_marks(alt.Chart(alt.Data(values=[r])), x, y, **style) for r, style in cited),
        kit.label_marks(one.transform_filter("reveal"), x, y, align="right", dx=-10, fontWeight=600),
        mine.mark_point(shape="circle", filled=False, size=160, strokeWidth=2, color=ink).encode(x=x, y=y),
        kit.label_marks(
            mine,
            alt.XDatum(alt.DateTime(year=kit.ARTICLE_YEAR + 1)),
            alt.YValue(24),
            text=alt.TextValue(alt.expr(f"(reveal ? '{W(you)}' : '{W(guess_)}') + guess + '%' + {said}")),
            fontSize=kit.TEXT_MIN,
            fontWeight=600,
        ),
    ]
    half = next((r for r in quarters if r["value"] > 50), None)

    def pct(row: dict) -> str:
        return formats.number(row["value"], "percent")

    told = {  # what the descriptions cite: the one without the answer names only its period (target_period)
        "then": then["label"],
        "now": now["label"],
        "national": national["label"],
        "target_period": target["period"],
        "target_v": pct(target),
        "then_period": then["period"],
        "then_v": pct(then),
        "now_period": now["period"],
        "now_v": pct(now),
        "national_period": national["period"],
        "national_v": pct(national),
    }
    passed = W("half_passed", period=half["period"], value=pct(half)) if half else ""

    return kit.finish(
        alt.layer(*layers).add_params(guess, reveal, alt.param(name="live", expr=LIVE)),
        finding=W(
            "finding",
            then=formats.number(then["value"], "percent"),
            now=formats.number(now["value"], "percent"),
        ),
        subtitle=W("subtitle"),
        description=W("description", after=W("kept", **told), **told),
        answer=kit.answer(
            reveal="reveal",
            guess="guess",
            unit="%",
            text=W("answer_text", **told),
            description=W("description", after=W("shown", half=passed, **told), **told),
        ),
        height=320,
    )
