"""Chart `wechat_registered`: WeChat's registered-account milestones from its 2011 launch to 2013, beside its first
monthly-active counts (a different measure, drawn apart and never joined to them)."""

import datetime as dt

import altair as alt

from build_charts import kit, theme
from build_charts.data import Dataset

END = f"{kit.ARTICLE_YEAR}-12-31"  # the chart stops at the end of the article's year
MOMENTS = {"releases Weixin": "Launch", "public accounts": "Public accounts", "WeChat Pay": "WeChat Pay"}
SAID, REPORTED, CHINA, ACTIVE = "announced", "press report", "China only", "monthly active"


def _when(date: str) -> str:
    """'29 Mar 2012' for a day, 'Dec 2011' for a month: only as precise as the source."""
    d = dt.date.fromisoformat(date if len(date) == 10 else date + "-01")
    return f"{d.day} {d:%b %Y}" if len(date) == 10 else f"{d:%b %Y}"


def _row(date: str, value: float, kind: str, period: str, what: str, source: str) -> dict:
    return {"date": date, "value": value, "kind": kind, "label": kit.value_text(value, "million", period)} | {
        "what": what,
        "source": source,
    }


def build(wechat_registered: Dataset, wechat_users: Dataset, milestones: Dataset) -> alt.LayerChart:
    reg, mau = wechat_registered, wechat_users
    rows = [
        _row(
            r["date"],
            r["registered_m"],
            CHINA if r["scope"] == "China" else REPORTED if r["precision"] == "reported" else SAID,
            _when(r["date"]),
            f"Registered accounts, {'China only' if r['scope'] == 'China' else 'worldwide'} ({r['precision']})",
            reg.origin(r).producer,
        )
        for r in sorted(reg.rows, key=lambda r: r["date"])
    ] + [
        _row(
            r["period_end"],
            r["mau_m"],
            ACTIVE,
            kit.quarter(r["period_end"]),
            "Monthly active accounts, Tencent's quarterly results",
            mau.origin(r).producer,
        )
        for r in mau.rows
        if r["period_end"] <= END
    ]
    said, reported, china, active = ([r for r in rows if r["kind"] == k] for k in (SAID, REPORTED, CHINA, ACTIVE))
    # a registered count is at least its last mark until the next one: steps, dashed where only the press reports them
    steps = [r | {"part": "said"} for r in said] + [r | {"part": "reported"} for r in [said[-1], *reported]]
    moments = [  # dated Tencent milestones; those after the first are labelled left of their date, inside the chart
        {"date": m["date"], "tag": f"{short}, {_when(m['date'][:7] if kit.narrow() else m['date'])}", "dy": 14 * i}
        for i, (key, short) in enumerate(MOMENTS.items())
        for m in milestones.rows
        if m["company"] == "Tencent" and key in m["event"] and len(m["date"]) >= 7 and m["date"] <= END
    ]
    launch, landmark = moments[0]["date"], max(said, key=lambda r: r["value"])
    twice = [r for r in said if sum(s["value"] == r["value"] for s in said) > 1]  # one mark, two reported dates
    when = " or ".join(str(int(r["date"][8:])) for r in twice) + " " + _when(twice[0]["date"][:7])
    tags = [
        (landmark, "registered accounts", {"align": "right", "dx": -8, "dy": -8}),
        (active[0], ACTIVE, {"align": "left", "dx": -40 if kit.narrow() else 6, "dy": 20 if kit.narrow() else 12}),
        (china[0], CHINA, {"align": "right", "dx": 4, "dy": -15}),
        (twice[0], f"{twice[0]['value']:g} m: {when}", {"align": "right", "dx": -8, "dy": -8}),
    ]

    green, ink, muted, surface = theme.color("Tencent"), kit.ink("text"), kit.ink("muted"), kit.ink("surface")
    x = alt.X(
        "date:T",
        title=None,
        scale=alt.Scale(domain=[f"{launch[:4]}-01-01", f"{kit.ARTICLE_YEAR + 1}-01-01"]),
        axis=alt.Axis(format="%Y", tickCount="year", grid=False),
    )
    top = 100 * -(-max(r["value"] for r in rows) * 1.1 // 100)  # headroom for the moments' labels
    y = alt.Y(
        "value:Q",
        title="Million accounts",
        scale=alt.Scale(domain=[0, top]),
        axis=alt.Axis(tickCount=4 if kit.narrow() else 7),
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
            tooltip=kit.tip(("label", "Accounts"), ("what", "Measure"), ("source", "Reported by")),
        )
    )
    dash = alt.StrokeDash("part:N", scale=alt.Scale(domain=["said", "reported"], range=[[1, 0], [5, 3]]), legend=None)
    flags = [  # each moment is flagged by a short rule beside its label, clear of the data below
        layer
        for m in moments
        for chart in [alt.Chart(alt.Data(values=[m]))]
        for layer in (
            chart.mark_rule(color=muted).encode(x=x, y=alt.value(0), y2=alt.value(m["dy"] + 14)),
            chart.mark_text(align="right" if m["dy"] else "left", baseline="top", dx=-3 if m["dy"] else 3).encode(
                x=x, y=alt.value(m["dy"] + 2), text="tag:N", color=alt.value(muted), size=alt.value(11)
            ),
        )
    ]
    layers = [
        *flags,
        alt.Chart(alt.Data(values=steps))
        .mark_line(interpolate="step-after", color=green)
        .encode(x=x, y=y, strokeDash=dash, detail="part:N"),
        alt.Chart(alt.Data(values=active)).mark_line(color=ink, strokeWidth=1.5).encode(x=x, y=y),
        points,
        *(kit.label_marks(alt.Chart(alt.Data(values=[row | {"tag": tag}])), x, y, **style) for row, tag, style in tags),
    ]
    days = (dt.date.fromisoformat(landmark["date"]) - dt.date.fromisoformat(launch)).days
    return kit.finish(
        alt.layer(*layers),
        finding=f"WeChat passed {landmark['value']:g} million registered accounts in under {-(-days // 365)} years",
        subtitle=f"Million accounts, {launch[:4]}–{kit.ARTICLE_YEAR}: registered, at each milestone as announced "
        "(hollow, dashed: press reports only; diamond: users in China only), and monthly active, from Tencent's "
        "quarterly results (squares)",
        description=(
            f"Step and point chart of WeChat's registered accounts from its launch on {_when(launch)}: "
            + "; ".join(r["label"] for r in said)
            + f"; then press reports of {' and '.join(r['label'] for r in reported)}. A diamond marks "
            f"{china[0]['label']}, users in China only. Monthly active accounts, a different measure Tencent began "
            f"publishing in {active[0]['date'][:4]}, are drawn as a separate line, from {active[0]['label']} to "
            f"{active[-1]['label']}. Flags at the top mark "
            + ", ".join(f"{m['tag'].split(',')[0]} ({_when(m['date'])})" for m in moments)
            + "."
        ),
        height=300,
    )
