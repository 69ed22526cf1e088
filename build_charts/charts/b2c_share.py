"""Chart `b2c_share`: Tmall against JD.com in China's B2C online market, 2012–2013, as one research centre saw it."""

import calendar
import re

import altair as alt

from build_charts import kit
from build_charts.data import Dataset

COMPANY = {"Tmall": "Alibaba", "JD.com (360buy)": "JD.com"}
MEASURER = re.compile(r"\(([^()]+)\)$")  # a measure ends with its measurer in brackets


def _period(p: str) -> str:
    """'Jul–Sep 2012' for 2012-Q3, 'Jan–Jun 2013' for 2013-H1, 'All of 2013' for 2013."""
    if "-" not in p:
        return f"All of {p}"
    year, part = p.split("-")
    months = 3 if part[0] == "Q" else 6
    last = int(part[1]) * months
    return f"{calendar.month_abbr[last - months + 1]}–{calendar.month_abbr[last]} {year}"


def build(b2c_share: Dataset) -> alt.LayerChart:
    ds = b2c_share
    unit = ds.meta.columns["value_pct"].unit
    rows = [
        {
            "period": _period(r["period"]),
            "platform": r["platform"],
            "share": r["value_pct"],
            "label": kit.value_text(r["value_pct"], unit, _period(r["period"])),
            "tag": f"{r['platform'].split(' (')[0]} {r['value_pct']:g}%",
            "measure": r["measure"],
            "source": ds.origin(r).producer,
        }
        for r in ds.rows
    ]
    measurers = list(dict.fromkeys(MEASURER.search(r["measure"])[1] for r in ds.rows))
    periods = list(dict.fromkeys(r["period"] for r in rows))
    names = list(dict.fromkeys(r["platform"] for r in rows))
    share = {(r["period"], r["platform"].split(" (")[0]): r["share"] for r in rows}
    last = periods[-1]
    over = next((r for r in rows if r["platform"] == "Tmall" and r["share"] > 50), None)  # the period it passed half
    if over and not kit.narrow():  # a phone's bars leave no room for the words
        over["tag"] += ": over half"
    tmall, jd = share[(last, "Tmall")], share[(last, "JD.com")]

    x = alt.X(
        "share:Q",
        title=None,
        scale=alt.Scale(domain=[0, 100], nice=False),
        axis=alt.Axis(values=[0, 25, 50, 75, 100], labelExpr="datum.value + '%'"),
    )
    y = alt.Y("period:N", title=None, sort=periods, scale=alt.Scale(paddingInner=0.3))
    tooltip = kit.tip(
        ("platform", "Platform"), ("label", "Share"), ("measure", "What was measured"), ("source", "Reported by")
    )
    data = alt.Chart(alt.Data(values=rows))
    offset = alt.YOffset("platform:N", sort=names)
    bars = data.mark_bar().encode(
        x=x,
        y=y,
        yOffset=offset,
        color=alt.Color("platform:N", scale=kit.colour(names, COMPANY), legend=None),
        tooltip=tooltip,
    )
    tags = kit.label_marks(data, x, y, baseline="middle").encode(yOffset=offset, tooltip=tooltip)
    return kit.finish(
        alt.layer(bars, tags),
        finding=f"Tmall held {tmall:.0f}% of China's B2C online market in {last[-4:]}, {tmall / jd:.1f} times"
        " JD.com's share",
        subtitle="Share of China's business-to-consumer online retail market, %, by the "
        + " and ".join(measurers)
        + "; it counts marketplace sales (Tmall's merchants) and own sales (JD.com) together",
        description=(
            f"Bar chart of Tmall's and JD.com's shares of China's B2C online retail market in {len(periods)} periods "
            f"measured by the {' and '.join(measurers)}: "
            + "; ".join(f"{p}, Tmall {share[(p, 'Tmall')]:g}% and JD.com {share[(p, 'JD.com')]:g}%" for p in periods)
            + "."
        ),
        height=220,
    )
