"""Chart `three_candidates`: where the article's three candidates stood by 2013 — mobile (its share of online shopping),
social (WeChat's registered accounts), C2B (an idea, nothing to count) — as panels on one time axis, own scales each."""

import datetime as dt

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

END = f"{kit.ARTICLE_YEAR}-12-31"
HEIGHT = 300
HEADS, RANGES = [0, 116, HEIGHT - 66], [[96, 24], [212, 140], [HEIGHT - 2, HEIGHT - 46]]  # px from the top, per panel
NAMES = [  # each panel's heading (wide, narrow)
    ("Mobile: share of online shopping value bought on phones", "Mobile: share of sales made on phones"),
    ("Social: WeChat's registered accounts (users, not sales)", "Social: WeChat users, not sales"),
    ("C2B: consumers' demand steering what is made", "C2B: demand steering production"),
]
NOTHING = (  # the C2B panel (wide, narrow)
    ["Nothing to count: the article calls C2B a recognised direction", "with no representative product yet"],
    ["Nothing to count: the article calls C2B", "a recognised direction with no", "representative product yet"],
)


def _when(date: str) -> str:
    """'16 Jan 2013' for a day, 'Dec 2011' for a month: only as precise as the source."""
    d = dt.date.fromisoformat(date if len(date) == 10 else date + "-01")
    return f"{d.day} {d:%b %Y}" if len(date) == 10 else f"{d:%b %Y}"


def _share(r: dict, ds: Dataset) -> dict:
    """A mobile share, drawn at the middle of its quarter or year."""
    quarter = "-Q" in r["period"]
    period = kit.quarter(r["period_end"]) if quarter else r["period"]
    return {
        "date": str(dt.date.fromisoformat(r["period_end"]) - dt.timedelta(days=45 if quarter else 182)),
        "value": r["value_pct"],
        "who": "Alibaba" if r["scope"] == "alibaba" else "China",
        "label": kit.value_text(r["value_pct"], "percent", period),
        "measure": r["measure"],
        "source": ds.origin(r).producer,
    }


def _y(panel: int, top: float, unit: str) -> alt.Y:
    """A panel's own vertical scale, drawn in its own band of the chart; its axis reads 0, half and top."""
    ticks = alt.Axis(values=[0, top / 2, top], labelExpr=f"datum.label + '{unit}'", title=None, orient="left")
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
            "label": kit.value_text(r["registered_m"], "million", _when(r["date"])),
            "measure": f"WeChat registered accounts, worldwide ({r['precision']})",
            "source": wr.origin(r).producer,
        }
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
        axis=alt.Axis(format="%Y", tickCount="year", grid=False),
    )
    share_y, accounts_y = _y(0, 100, "%"), _y(1, 100 * -(-max(r["value"] for r in accounts) // 100), " m")
    tooltip = kit.tip(("label", "Figure"), ("measure", "Measure"), ("source", "Reported by"))
    colour = alt.Color("who:N", scale=kit.colour(["Alibaba", "China"]), legend=None)
    shape = alt.Shape("who:N", scale=alt.Scale(domain=["Alibaba", "China"], range=["circle", "square"]), legend=None)
    green, muted = theme.color("Tencent"), kit.ink("muted")
    announced_only = "datum.part == 'announced'"
    tags = [  # the figures chapter 1 cites, and the national share beside Alibaba's
        (now, now["label"], share_y, {"align": "right", "dx": -8, "dy": -10}),
        (
            china,
            f"all of China: {formats.number(china['value'], 'percent')}",
            share_y,
            {"align": "right", "dx": 8, "dy": 14},
        ),
        (landmark, landmark["label"], accounts_y, {"align": "right", "dx": -8, "dy": -10}),
    ]
    c2b = alt.Chart(alt.Data(values=[{"start": start, "end": end}]))
    nothing = NOTHING[kit.narrow()]
    layers = [
        alt.Chart(alt.Data(values=[{"t": n[kit.narrow()], "y": y} for n, y in zip(NAMES, HEADS, strict=True)]))
        .mark_text(align="left", baseline="top", fontSize=12, fontWeight=600)
        .encode(x=alt.value(0), y=alt.Y("y:Q", scale=None), text="t:N"),
        alt.Chart(alt.Data(values=alibaba)).mark_line(color=theme.color("Alibaba")).encode(x=x, y=share_y),
        alt.Chart(alt.Data(values=steps))
        .mark_line(interpolate="step-after", color=green)
        .encode(
            x=x,
            y=accounts_y,
            strokeDash=alt.condition(announced_only, alt.value([1, 0]), alt.value([5, 3])),
            detail="part:N",
        ),
        alt.Chart(alt.Data(values=shares))
        .mark_point(filled=True, size=60, opacity=1)
        .encode(x=x, y=share_y.axis(None), color=colour, shape=shape, tooltip=tooltip),
        alt.Chart(alt.Data(values=accounts))
        .mark_point(size=60, opacity=1, stroke=green, strokeWidth=2)
        .encode(
            x=x,
            y=accounts_y.axis(None),
            fill=alt.condition(announced_only, alt.value(green), alt.value(kit.ink("surface"))),
            tooltip=tooltip,
        ),
        *(
            kit.label_marks(alt.Chart(alt.Data(values=[r | {"tag": tag}])), x, y.axis(None), **style)
            for r, tag, y, style in tags
        ),
        c2b.mark_rect(fill=None, stroke=muted, strokeDash=[4, 3]).encode(
            x=alt.X("start:T", title=None), x2="end:T", y=alt.value(RANGES[2][1]), y2=alt.value(RANGES[2][0])
        ),
        c2b.mark_text(fontSize=11, color=muted, lineHeight=13, dy=-6.5 * (len(nothing) - 1)).encode(
            x=alt.datum(alt.DateTime(year=kit.ARTICLE_YEAR - 1, month=7)),
            y=alt.value(sum(RANGES[2]) / 2),
            text=alt.value(nothing),
        ),
    ]
    return kit.finish(
        alt.layer(*layers).resolve_scale(y="independent"),
        finding=f"At the article, phones carried {formats.number(now['value'], 'percent')} of Alibaba's sales, WeChat "
        "counted users not sales, C2B had nothing to count",
        subtitle="Mobile share of online shopping value, %, on Alibaba's China marketplaces by quarter and in all of "
        "China (iResearch); WeChat's registered accounts worldwide, million, as announced (dashed, hollow: press "
        f"reports); {start[:4]}–{kit.ARTICLE_YEAR}",
        description=(
            "Three panels on one time axis, for the three candidates the article names. Mobile: the share of the value "
            f"of goods bought on phones on Alibaba's China marketplaces went from {alibaba[0]['label']} to "
            f"{now['label']}; iResearch put it at {china['label']} for all of China. Social: WeChat's registered "
            f"accounts grew from {accounts[0]['label']} to {landmark['label']} as announced, and to "
            f"{accounts[-1]['label']} in press reports; these count users, not purchases. C2B: an empty panel, "
            "because the article describes it as a direction without a representative product, so there is nothing "
            "to count."
        ),
        height=HEIGHT,
    )
