"""Chart `wechat_registered`: WeChat's registered-account milestones from its 2011 launch to 2013, beside its first
monthly-active counts (a different measure, drawn apart and never joined to them)."""

import datetime as dt

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

END = f"{kit.ARTICLE_YEAR}-12-31"  # the chart stops at the end of the article's year
MOMENTS = {"releases Weixin": "launch", "public accounts": "public", "WeChat Pay": "pay"}  # event -> a key of W
SAID, REPORTED, CHINA, ACTIVE = "announced", "press report", "China only", "monthly active"  # kinds (not shown)
W = kit.words(
    en={
        "launch": "Launch",
        "public": "Public accounts",
        "pay": "WeChat Pay",
        "moment": "{name}, {when}",
        "moment_long": "{name} ({when})",
        "registered": "registered accounts",
        "china": "China only",
        "active": "monthly active",
        "twice": "{value:g} m: {when}",
        "twice_narrow": "{value:g} m:|{when}",  # two lines on a phone (one ran into the axis)
        "twice_when": "{days} {month}",
        "day": "{d}",
        "or": " or ",
        "what_reg": "Registered accounts, {scope}",
        "scope_china": "China only",
        "scope_world": "worldwide",
        "what_active": "Monthly active accounts",
        "y_title": "Million accounts",
        "year_format": "%Y",
        "finding": "WeChat passed {value:g} million registered accounts in under {years} years",
        "subtitle": "Million accounts, {start}–{end}: registered, at each milestone as announced (hollow, dashed: press"
        " reports only; diamond: users in China only), and monthly active, from Tencent's quarterly results"
        " (squares)",
        "description": "Step and point chart of WeChat's registered accounts from its launch on {launch}: {said}; then"
        " press reports of {reported}. A diamond marks {china}, users in China only. Monthly active accounts, a"
        " different measure Tencent began publishing in {active_year}, are drawn as a separate line, from"
        " {active_first} to {active_last}. Flags at the top mark {moments}.",
        "sep": "; ",
        "and": " and ",
        "list": ", ",
    },
    zh={
        "launch": "上线",
        "public": "公众账号",
        "pay": "微信支付",
        "moment": "{name} {when}",
        "moment_long": "{name}（{when}）",
        "registered": "注册账户",
        "china": "仅中国用户",
        "active": "月活跃账户",
        "twice": "{value}：{when}",
        "twice_narrow": "{value}：|{when}",
        "twice_when": "{month}{days}",
        "day": "{d}日",
        "or": "或",
        "what_reg": "{scope}注册账户",
        "scope_china": "仅中国的",
        "scope_world": "全球",
        "what_active": "月活跃账户",
        "y_title": "账户数",
        "year_format": "%Y年",
        "finding": "微信上线不到{years}年，注册账户就突破{value}",
        "subtitle": "账户数，{start}—{end}年：注册账户取公布的各个关口（空心、虚线：只有媒体报道；菱形：仅中国用户），"
        "月活跃账户取腾讯的季度业绩（方块）",
        "description": "阶梯点图：微信自{launch}上线以来的注册账户数：{said}；此后媒体报道了{reported}。"
        "菱形标出{china}，只算中国用户。月活跃账户是另一种指标，腾讯从{active_year}开始公布，单独画成一条线，"
        "从{active_first}到{active_last}。顶部的小旗标出{moments}。",
        "sep": "；",
        "and": "和",
        "list": "、",
    },
)


# in Chinese the accounts axis reads in 亿 (millions / 100)


def _value(millions: float):
    """A round count for the finding: 300 (English, '300 million') or '3亿'."""
    return millions if kit.lang() == "en" else formats.number(millions, "million")


def _row(date: str, value: float, kind: str, period: str, what: str, origin) -> dict:
    label = kit.value_text(value, "million", period)
    return {"date": date, "value": value, "kind": kind, "label": label} | kit.data_tip(what, label, origin)


def build(wechat_registered: Dataset, wechat_users: Dataset, milestones: Dataset) -> alt.LayerChart:
    reg, mau = wechat_registered, wechat_users
    rows = [
        _row(
            r["date"],
            r["registered_m"],
            CHINA if r["scope"] == "China" else REPORTED if r["precision"] == "reported" else SAID,
            kit.date(r["date"]),
            W("what_reg", scope=W("scope_china" if r["scope"] == "China" else "scope_world")),
            reg.origin(r),
        )
        for r in sorted(reg.rows, key=lambda r: r["date"])
    ] + [
        _row(
            r["period_end"],
            r["mau_m"],
            ACTIVE,
            kit.quarter(r["period_end"]),
            W("what_active"),
            mau.origin(r),
        )
        for r in mau.rows
        if r["period_end"] <= END
    ]
    said, reported, china, active = ([r for r in rows if r["kind"] == k] for k in (SAID, REPORTED, CHINA, ACTIVE))
    # a registered count is at least its last mark until the next one: steps, dashed where only the press reports them
    steps = [r | {"part": "said"} for r in said] + [r | {"part": "reported"} for r in [said[-1], *reported]]
    moments = [  # dated Tencent milestones; those after the first are labelled left of their date, inside the chart
        {"date": m["date"], "tag": W("moment", name=W(name), when=kit.date(m["date"], not kit.narrow())), "dy": 14 * i}
        for i, (key, name) in enumerate(MOMENTS.items())
        for m in milestones.rows
        if m["company"] == "Tencent" and key in m["event"] and len(m["date"]) >= 7 and m["date"] <= END
    ]
    launch, landmark = moments[0]["date"], max(said, key=lambda r: r["value"])
    twice = [r for r in said if sum(s["value"] == r["value"] for s in said) > 1]  # one mark, two reported dates
    days = W("or").join(W("day", d=int(r["date"][8:])) for r in twice)
    when = W("twice_when", days=days, month=kit.date(twice[0]["date"], with_day=False))
    tags = [
        (landmark, W("registered"), {"align": "right", "dx": -8, "dy": -8}),
        (active[0], W("active"), {"align": "left", "dx": -40 if kit.narrow() else 6, "dy": 20 if kit.narrow() else 12}),
        (china[0], W("china"), {"align": "right", "dx": 4, "dy": -15}),
        (twice[0], W("twice", value=_value(twice[0]["value"]), when=when), {"align": "right", "dx": -8, "dy": -8})
        if not kit.narrow()
        else (
            twice[0],
            W("twice_narrow", value=_value(twice[0]["value"]), when=when).split("|"),
            {"align": "right", "dx": -8, "dy": -6, "baseline": "bottom"},
        ),
    ]

    green, ink, muted, surface = theme.color("Tencent"), kit.ink("text"), kit.ink("muted"), kit.ink("surface")
    x = alt.X(
        "date:T",
        title=None,
        scale=alt.Scale(domain=[f"{launch[:4]}-01-01", f"{kit.ARTICLE_YEAR + 1}-01-01"]),
        axis=alt.Axis(format=W("year_format"), tickCount="year", grid=False),
    )
    top = 100 * -(-max(r["value"] for r in rows) * 1.1 // 100)  # headroom for the moments' labels
    y = alt.Y(
        "value:Q",
        title=W("y_title"),
        scale=alt.Scale(domain=[0, top]),
        axis=alt.Axis(tickCount=4 if kit.narrow() else 7, **kit.millions_axis()),
    )

    def kinds(*values):
        return alt.Scale(domain=[SAID, REPORTED, CHINA, ACTIVE], range=list(values))

    points = (
        alt.Chart(alt.Data(values=rows))
        .mark_point(size=70, strokeWidth=2, opacity=1, filled=True)
        .encode(
            x=x,
            y=y,
            shape=alt.Shape("kind:N", scale=kinds("circle", "circle", "diamond", "square"), legend=None),
            stroke=alt.Stroke("kind:N", scale=kinds(green, green, muted, ink), legend=None),
            fill=alt.Fill("kind:N", scale=kinds(green, surface, muted, ink), legend=None),
            **kit.data_tooltip(),
        )
    )
    dash = alt.StrokeDash("part:N", scale=alt.Scale(domain=["said", "reported"], range=[[1, 0], [5, 3]]), legend=None)
    flags = [  # each moment is flagged by a short rule beside its label, clear of the data below
        layer
        for m in moments
        for chart in [alt.Chart(alt.Data(values=[m]))]
        for layer in (
            chart.mark_rule(color=muted).encode(x=x, y=alt.YValue(0), y2=alt.Y2Value(m["dy"] + 14)),
            chart.mark_text(align="right" if m["dy"] else "left", baseline="top", dx=-3 if m["dy"] else 3).encode(
                x=x,
                y=alt.YValue(m["dy"] + 2),
                text=alt.Text("tag:N"),
                color=alt.ColorValue(muted),
                size=alt.SizeValue(kit.TEXT_MIN),
            ),
        )
    ]
    layers = [
        *flags,
        alt.Chart(alt.Data(values=steps))
        .mark_line(interpolate="step-after", color=green)
        .encode(x=x, y=y, strokeDash=dash, detail=alt.Detail("part:N")),
        alt.Chart(alt.Data(values=active)).mark_line(color=ink, strokeWidth=1.5).encode(x=x, y=y),
        points,
        *(kit.label_marks(alt.Chart(alt.Data(values=[row | {"tag": tag}])), x, y, **style) for row, tag, style in tags),
    ]
    days = (dt.date.fromisoformat(landmark["date"]) - dt.date.fromisoformat(launch)).days
    return kit.finish(
        alt.layer(*layers),
        finding=W("finding", value=_value(landmark["value"]), years=-(-days // 365)),
        subtitle=W("subtitle", start=launch[:4], end=kit.ARTICLE_YEAR),
        description=W(
            "description",
            launch=kit.date(launch),
            said=W("sep").join(r["label"] for r in said),
            reported=W("and").join(r["label"] for r in reported),
            china=china[0]["label"],
            active_year=kit.year(active[0]["date"][:4]),
            active_first=active[0]["label"],
            active_last=active[-1]["label"],
            moments=W("list").join(
                W("moment_long", name=W(name), when=kit.date(m["date"]))
                for m, name in zip(moments, MOMENTS.values(), strict=True)
            ),
        ),
        height=300,
    )
