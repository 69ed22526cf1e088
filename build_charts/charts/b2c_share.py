"""Chart `b2c_share`: Tmall against JD.com in China's B2C online market, 2012–2013, as one research centre saw it."""

import calendar
import re

import altair as alt

from build_charts import kit
from build_charts.data import Dataset

COMPANY = {"Tmall": "Alibaba", "JD.com (360buy)": "JD.com"}
MEASURER = re.compile(r"[(（]([^()（）]+)[)）]$")  # a measure ends with its measurer in brackets

W = kit.words(
    en={
        "year": "All of {year}",
        "months": "{first}–{last} {year}",
        "over_half": ": over half",
        "and": " and ",
        "finding": "Tmall held {tmall}% of China's B2C online market in {year}, {times} times JD.com's share",
        "subtitle": "Share of China's business-to-consumer online retail market, %, by the {measurers}; it counts"
        " marketplace sales (Tmall's merchants) and own sales (JD.com) together",
        "description": "Bar chart of Tmall's and JD.com's shares of China's B2C online retail market in {n} periods "
        "measured by the {measurers}: {periods}.",
        "period_shares": "{period}, Tmall {tmall}% and JD.com {jd}%",
        "period_sep": "; ",
    },
    zh={
        "year": "{year}年全年",
        "months": "{year}年{first}—{last}月",
        "over_half": "，过半",
        "and": "和",
        # \u200b (kit.BREAK): a line breaks only there, so no word is cut
        "finding": "{year}年，\u200b天猫占中国B2C网购市场的\u200b{tmall}%，\u200b是京东的{times}倍",
        "subtitle": "中国企业对消费者（B2C）网络零售市场的份额（%），{measurers}测算；"
        "平台上的销售（天猫商家）和自营销售（京东）算在一起",
        "description": "条形图：天猫和京东在中国B2C网络零售市场的份额，共{n}个时期，由{measurers}测算：{periods}。",
        "period_shares": "{period}，天猫{tmall}%、京东{jd}%",
        "period_sep": "；",
    },
)


def _period(p: str) -> str:
    """'Jul–Sep 2012' for 2012-Q3, 'Jan–Jun 2013' for 2013-H1, 'All of 2013' for 2013 (2012年7—9月, 2013年全年)."""
    if "-" not in p:
        return W("year", year=p)
    year, part = p.split("-")
    months = 3 if part[0] == "Q" else 6
    last = int(part[1]) * months
    if kit.lang() == "zh":
        return W("months", first=last - months + 1, last=last, year=year)
    return W("months", first=calendar.month_abbr[last - months + 1], last=calendar.month_abbr[last], year=year)


def _short(name: str) -> str:
    """A name without its former one in brackets: 'JD.com (360buy)' -> 'JD.com' ('京东（360buy）' -> '京东')."""
    return name.split(" (")[0].split("（")[0]


def build(b2c_share: Dataset) -> alt.LayerChart:
    ds = b2c_share
    unit = ds.meta.columns["value_pct"].unit
    rows = [
        {
            "period": _period(r["period"]),
            "platform": kit.label(ds, "platform", r["platform"]),
            "share": r["value_pct"],
            "label": kit.value_text(r["value_pct"], unit, _period(r["period"])),
            "tag": f"{_short(kit.label(ds, 'platform', r['platform']))} {r['value_pct']:g}%",
            "measure": kit.label(ds, "measure", r["measure"]),
        }
        | kit.data_tip(
            kit.label(ds, "platform", r["platform"]),
            kit.value_text(r["value_pct"], unit, _period(r["period"])),
            ds.origin(r),
        )
        for r in ds.rows
    ]
    measurers = list(dict.fromkeys(MEASURER.search(r["measure"])[1] for r in rows))
    periods = list(dict.fromkeys(r["period"] for r in rows))
    keys = list(dict.fromkeys(r["platform"] for r in ds.rows))  # English names: colours are keyed by them
    names = [kit.label(ds, "platform", k) for k in keys]
    share = {(r["period"], _short(k["platform"])): r["share"] for r, k in zip(rows, ds.rows, strict=True)}
    last, last_year = periods[-1], ds.rows[-1]["period"][:4]
    tmall_name = kit.label(ds, "platform", "Tmall")
    over = next((r for r in rows if r["platform"] == tmall_name and r["share"] > 50), None)  # the period it passed half
    if over and not kit.narrow():  # a phone's bars leave no room for the words
        over["tag"] += W("over_half")
    tmall, jd = share[(last, "Tmall")], share[(last, "JD.com")]

    x = alt.X(
        "share:Q",
        title=None,
        scale=alt.Scale(domain=[0, 100], nice=False),
        axis=alt.Axis(values=[0, 25, 50, 75, 100], labelExpr="datum.value + '%'"),
    )
    y = alt.Y("period:N", title=None, sort=periods, scale=alt.Scale(paddingInner=0.3))
    tips = kit.data_tooltip()
    data = alt.Chart(alt.Data(values=rows))
    offset = alt.YOffset("platform:N", sort=names)
    companies = {n: COMPANY[k] for n, k in zip(names, keys, strict=True)}
    bars = data.mark_bar().encode(
        x=x,
        y=y,
        yOffset=offset,
        color=alt.Color("platform:N", scale=kit.colour(names, companies), legend=None),
        **tips,
    )
    tags = kit.label_marks(data, x, y, baseline="middle").encode(yOffset=offset, **tips)
    return kit.finish(
        alt.layer(bars, tags),
        finding=W("finding", tmall=f"{tmall:.0f}", year=last_year, times=f"{tmall / jd:.1f}"),
        subtitle=W("subtitle", measurers=W("and").join(measurers)),
        description=W(
            "description",
            n=len(periods),
            measurers=W("and").join(measurers),
            periods=W("period_sep").join(
                W("period_shares", period=p, tmall=f"{share[(p, 'Tmall')]:g}", jd=f"{share[(p, 'JD.com')]:g}")
                for p in periods
            ),
        ),
        height=220,
    )
