"""Chart `three_candidates`: where the article's three candidates stood by 2013 — mobile (its share of online shopping),
social (WeChat's registered accounts), C2B (an idea, nothing to count) — as panels on one time axis, own scales each."""

import datetime as dt

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

END = f"{kit.ARTICLE_YEAR}-12-31"
HEIGHT = 300
HEADS, RANGES = [0, 116, HEIGHT - 66], [[96, 24], [212, 140], [HEIGHT - 2, HEIGHT - 46]]  # px from the top, per panel
PANELS = ["mobile", "social", "c2b"]  # each panel's heading: W(name) wide, W(name + "_narrow") narrow
W = kit.words(
    en={
        "mobile": "Mobile: share of online shopping value bought on phones",
        "mobile_narrow": "Mobile: share of sales made on phones",
        "social": "Social: WeChat's registered accounts (users, not sales)",
        "social_narrow": "Social: WeChat users, not sales",
        "c2b": "C2B: consumers' demand steering what is made",
        "c2b_narrow": "C2B: demand steering production",
        # the C2B panel's text, one line each
        "nothing": "Nothing to count: the article calls C2B a recognised direction\nwith no representative product yet",
        "nothing_narrow": "Nothing to count: the article calls C2B\na recognised direction with no\nrepresentative"
        " product yet",
        "measure": "WeChat registered accounts, worldwide ({precision})",
        "x_format": "%Y",
        "share_axis": "datum.label + '%'",
        "accounts_axis": "datum.label + ' m'",
        "what_alibaba": "Mobile share of Alibaba's sales",
        "what_china": "Mobile share of China's online shopping",
        "what_wechat": "WeChat registered accounts",
        "china": "all of China: {value}",
        "finding": "Of the three candidates, only mobile had sales to count in {year}: {share} of Alibaba's",
        "subtitle": "Mobile share of online shopping value, %, on Alibaba's China marketplaces by quarter and in all of"
        " China (iResearch); WeChat's registered accounts worldwide, million, as announced (dashed, hollow: press"
        " reports); {start}–{end}",
        "description": "Three panels on one time axis, for the three candidates the article names. Mobile: the share of"
        " the value of goods bought on phones on Alibaba's China marketplaces went from {first} to {now}; iResearch"
        " put it at {china} for all of China. Social: WeChat's registered accounts grew from {accounts} to {landmark}"
        " as announced, and to {reported} in press reports; these count users, not purchases. C2B: an empty panel,"
        " because the article describes it as a direction without a representative product, so there is nothing to"
        " count.",
    },
    zh={
        "mobile": "移动：网购交易额中在手机上完成的比例",
        "mobile_narrow": "移动：手机成交占比",
        "social": "社交：微信注册账户（是用户数，不是销售额）",
        "social_narrow": "社交：微信用户数，不是销售额",
        "c2b": "C2B：由消费者需求决定生产什么",
        "c2b_narrow": "C2B：需求驱动生产",
        "nothing": "没有可统计的：文章说C2B是公认的方向，\n但还没有代表性的产品",
        "nothing_narrow": "没有可统计的：\n文章说C2B是公认的方向，\n但还没有代表性的产品",
        "measure": "微信全球注册账户（{precision}）",
        "x_format": "%Y年",
        "share_axis": "datum.label + '%'",
        "accounts_axis": "datum.value == 0 ? '0' : datum.value / 100 + '亿'",  # in 亿 (millions / 100)
        "what_alibaba": "阿里巴巴成交额中移动端的占比",
        "what_china": "全国网购中移动端的占比",
        "what_wechat": "微信注册账户",
        "china": "全国：{value}",
        "finding": "三个候选方向中，{year}年只有移动有成交额可算：占阿里巴巴的{share}",
        "subtitle": "移动端占网购交易额的比例（%）：阿里巴巴中国零售平台按季度，全国按艾瑞咨询；"
        "微信全球注册账户数，取公布的数字（虚线、空心：媒体报道）；{start}—{end}年",
        "description": "三个分图共用一条时间轴，对应文章提出的三个候选方向。移动：在阿里巴巴中国零售平台上，"
        "用手机购买的商品金额所占比例从{first}升至{now}；艾瑞咨询估计全国为{china}。社交：微信注册账户按公布的数字"
        "从{accounts}增至{landmark}，据媒体报道后来达到{reported}；这些是用户数，不是购买量。C2B：分图是空的，"
        "因为文章把它说成一个还没有代表性产品的方向，所以没有可统计的。",
    },
)


def _share(r: dict, ds: Dataset) -> dict:
    """A mobile share, drawn at the middle of its quarter or year."""
    quarter = "-Q" in r["period"]
    period = kit.quarter(r["period_end"]) if quarter else kit.date(r["period"])
    return {
        "date": str(dt.date.fromisoformat(r["period_end"]) - dt.timedelta(days=45 if quarter else 182)),
        "value": r["value_pct"],
        "who": "Alibaba" if r["scope"] == "alibaba" else "China",
        "label": kit.value_text(r["value_pct"], "percent", period),
    } | kit.data_tip(W(f"what_{r['scope']}"), kit.value_text(r["value_pct"], "percent", period), ds.origin(r))


def _y(panel: int, top: float, labels: str) -> alt.Y:
    """A panel's own vertical scale, drawn in its own band of the chart; its axis reads 0, half and top."""
    ticks = alt.Axis(values=[0, top / 2, top], labelExpr=labels, title=None, orient="left")
    return alt.Y("value:Q", scale=alt.Scale(domain=[0, top], range=RANGES[panel], nice=False), axis=ticks)


def build(mobile_share: Dataset, wechat_registered: Dataset) -> alt.LayerChart:
    ms, wr = mobile_share, wechat_registered
    firsts = kit.first_reports(ms.rows, lambda r: (r["measure"], r["period"]))
    shares = [  # Alibaba's quarters and the national year, up to the article (fiscal years and surveys left out)
        _share(r, ms)
        for r, first in zip(ms.rows, firsts, strict=True)
        if first and r["period_end"] <= END and not r["period"].startswith("FY") and "CNNIC" not in r["measure"]
    ]
    accounts = [
        {
            "date": r["date"],
            "value": r["registered_m"],
            "part": "press report" if r["precision"] == "reported" else "announced",
            "label": kit.value_text(r["registered_m"], "million", kit.date(r["date"])),
        }
        | kit.data_tip(
            W("what_wechat"), kit.value_text(r["registered_m"], "million", kit.date(r["date"])), wr.origin(r)
        )
        for r in sorted(wr.rows, key=lambda r: r["date"])
        if r["scope"] == "worldwide" and r["date"] <= END
    ]
    announced = [r for r in accounts if r["part"] == "announced"]
    steps = announced + [r | {"part": "press report"} for r in announced[-1:]] + accounts[len(announced) :]
    alibaba, china = [r for r in shares if r["who"] == "Alibaba"], next(r for r in shares if r["who"] == "China")
    now, landmark = alibaba[-1], max(announced, key=lambda r: r["value"])

    start, end = f"{accounts[0]['date'][:4]}-01-01", f"{kit.ARTICLE_YEAR + 1}-01-01"
    x = alt.X(
        "date:T",
        title=None,
        scale=alt.Scale(domain=[start, end]),
        axis=alt.Axis(format=W("x_format"), tickCount="year", grid=False),
    )
    share_y = _y(0, 100, W("share_axis"))
    accounts_y = _y(1, 100 * -(-max(r["value"] for r in accounts) // 100), W("accounts_axis"))
    tips = kit.data_tooltip()
    colour = alt.Color("who:N", scale=kit.colour(["Alibaba", "China"]), legend=None)
    shape = alt.Shape("who:N", scale=alt.Scale(domain=["Alibaba", "China"], range=["circle", "square"]), legend=None)
    green, muted = theme.color("Tencent"), kit.ink("muted")
    announced_only = "datum.part == 'announced'"
    tags = [  # the figures chapter 1 cites, and the national share beside Alibaba's
        (now, now["label"], share_y, {"align": "right", "dx": -8, "dy": -10}),
        (
            china,
            W("china", value=formats.number(china["value"], "percent")),
            share_y,
            {"align": "right", "dx": 8, "dy": 14},
        ),
        (landmark, landmark["label"], accounts_y, {"align": "right", "dx": -8, "dy": -10}),
    ]
    c2b = alt.Chart(alt.Data(values=[{"start": start, "end": end}]))
    nothing = W("nothing_narrow" if kit.narrow() else "nothing").split("\n")
    names = [W(p + "_narrow") if kit.narrow() else W(p) for p in PANELS]
    layers = [
        alt.Chart(alt.Data(values=[{"t": n, "y": y} for n, y in zip(names, HEADS, strict=True)]))
        .mark_text(align="left", baseline="top", fontSize=kit.TEXT_MIN, fontWeight=600)
        .encode(x=alt.XValue(0), y=alt.Y("y:Q", scale=None), text=alt.Text("t:N")),
        alt.Chart(alt.Data(values=alibaba)).mark_line(color=theme.color("Alibaba")).encode(x=x, y=share_y),
        alt.Chart(alt.Data(values=steps))
        .mark_line(interpolate="step-after", color=green)
        .encode(
            x=x,
            y=accounts_y,
            strokeDash=alt.condition(announced_only, alt.value([1, 0]), alt.value([5, 3])),
            detail=alt.Detail("part:N"),
        ),
        alt.Chart(alt.Data(values=shares))
        .mark_point(filled=True, size=60, opacity=1)
        .encode(x=x, y=share_y.axis(None), color=colour, shape=shape, **tips),
        alt.Chart(alt.Data(values=accounts))
        .mark_point(size=60, opacity=1, stroke=green, strokeWidth=2)
        .encode(
            x=x,
            y=accounts_y.axis(None),
            fill=alt.condition(announced_only, alt.value(green), alt.value(kit.ink("surface"))),
            **tips,
        ),
        *(
            kit.label_marks(alt.Chart(alt.Data(values=[r | {"tag": tag}])), x, y.axis(None), **style)
            for r, tag, y, style in tags
        ),
        c2b.mark_rect(fill=None, stroke=muted, strokeDash=[4, 3]).encode(
            x=alt.X("start:T", title=None), x2=alt.X2("end:T"), y=alt.YValue(RANGES[2][1]), y2=alt.Y2Value(RANGES[2][0])
        ),
        c2b.mark_text(fontSize=kit.TEXT_MIN, color=muted, lineHeight=13, dy=-6.5 * (len(nothing) - 1)).encode(
            x=alt.XDatum(alt.DateTime(year=kit.ARTICLE_YEAR - 1, month=7)),
            y=alt.YValue(sum(RANGES[2]) / 2),
            text=alt.TextValue(nothing),
        ),
    ]
    return kit.finish(
        alt.layer(*layers).resolve_scale(y="independent"),
        finding=W("finding", share=formats.number(now["value"], "percent"), year=kit.ARTICLE_YEAR),
        subtitle=W("subtitle", start=start[:4], end=kit.ARTICLE_YEAR),
        description=W(
            "description",
            first=alibaba[0]["label"],
            now=now["label"],
            china=china["label"],
            accounts=accounts[0]["label"],
            landmark=landmark["label"],
            reported=accounts[-1]["label"],
        ),
        height=HEIGHT,
    )
