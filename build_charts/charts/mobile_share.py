"""Chart `mobile_share`: mobile's share of online shopping, Alibaba vs all of China, with a guess-first slider."""

import datetime as dt

import altair as alt

from build_charts import formats, interact, theme
from build_charts.data import Dataset

TARGET = ("alibaba", "2016-Q1")  # the figure readers guess: Alibaba's March 2016 quarter
HIDE_FROM = "2016-01-01"  # periods ending on or after this stay hidden until `reveal`
MONTHS = {1: "Jan–Mar", 2: "Apr–Jun", 3: "Jul–Sep", 4: "Oct–Dec"}


def _kind(row: dict) -> str:
    p = row["period"]
    if p.startswith("FY"):
        return "fiscal year"
    return "quarter" if "-Q" in p else "year"


def _series(row: dict) -> str:
    kind = _kind(row)
    if row["scope"] == "alibaba":
        return "Alibaba, fiscal year" if kind == "fiscal year" else "Alibaba, quarter"
    who = "CNNIC survey" if "CNNIC" in row["measure"] else "iResearch"
    return f"China, {who}" if who.startswith("CNNIC") else f"China, {who} {kind}"


def _order(row: dict) -> int:
    """Position of the period in its own frequency, so adjacency means 'next quarter' or 'next year'."""
    p = row["period"]
    if "-Q" in p:
        year, q = p.split("-Q")
        return int(year) * 4 + int(q) - 1
    return int(p.removeprefix("FY"))


def _period_text(row: dict) -> str:
    p, end = row["period"], dt.date.fromisoformat(row["period_end"])
    if "-Q" in p:
        return f"Q{p[-1]} {p[:4]} ({MONTHS[int(p[-1])]})"
    if p.startswith("FY"):
        return f"{p} (12 months to {end.day} {end:%b %Y})"
    return f"calendar year {p}"


def build(mobile_share: Dataset) -> alt.LayerChart:
    ds = mobile_share
    rows, seen = [], set()
    for r in ds.rows:
        series = _series(r)
        main = (series, r["period"]) not in seen  # a second report of the same period is drawn hollow
        seen.add((series, r["period"]))
        rows.append(
            {
                "series": series,
                "company": "Alibaba" if r["scope"] == "alibaba" else "China",
                "period_end": r["period_end"],
                "order": _order(r),
                "value": r["value_pct"],
                "report": "main" if main else "other report",
                "hidden": r["period_end"] >= HIDE_FROM,
                "label": formats.with_period(formats.number(r["value_pct"], "percent"), _period_text(r)),
                "measure": r["measure"],
                "source": ds.origin(r).producer,
            }
        )

    # A line joins only the main reports of adjacent periods (next quarter / next year) within one series.
    segment = 0
    main_rows = sorted((r for r in rows if r["report"] == "main"), key=lambda r: (r["series"], r["order"]))
    for i, r in enumerate(main_rows):
        prev = main_rows[i - 1] if i else None
        if prev is None or prev["series"] != r["series"] or r["order"] - prev["order"] != 1:
            segment += 1
        r["segment"] = segment
    for r in rows:
        r.setdefault("segment", 0)

    rank = ["Alibaba, quarter", "Alibaba, fiscal year", "China, iResearch quarter", "China, iResearch year"]
    series_names = sorted({r["series"] for r in rows}, key=lambda s: (rank.index(s) if s in rank else len(rank), s))
    colours = [theme.color(s.split(",")[0]) for s in series_names]
    shapes = {"quarter": "circle", "year": "square", "fiscal": "square", "survey": "triangle-up"}
    shape_range = [next(v for k, v in shapes.items() if k in s) for s in series_names]

    target = next(r for r in ds.rows if (r["scope"], r["period"]) == TARGET)
    real = target["value_pct"]
    guess = interact.slider(
        "guess", 0, 100, 10, "Your guess: mobile share of Alibaba's GMV in the March 2016 quarter (%)"
    )
    reveal = alt.param(name="reveal", value=False, bind=alt.binding_checkbox(name="Reveal the real figure "))

    ends = sorted(r["period_end"] for r in rows)
    x = alt.X(
        "period_end:T",
        title=None,
        scale=alt.Scale(domain=[f"{ends[0][:4]}-01-01", f"{int(ends[-1][:4]) + 1}-01-01"]),
        axis=alt.Axis(format="%Y", tickCount="year", labelOverlap="greedy", labelSeparation=10),
    )
    y = alt.Y("value:Q", title=None, scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(labelExpr="datum.label + '%'"))
    legend = alt.Legend(title=None, orient="top", direction="vertical", columns=2, labelLimit=200, symbolStrokeWidth=0)
    color = alt.Color("series:N", scale=alt.Scale(domain=series_names, range=colours), legend=legend)
    shape = alt.Shape("series:N", scale=alt.Scale(domain=series_names, range=shape_range), legend=legend)
    dash = alt.condition("indexof(datum.series, 'quarter') >= 0", alt.value([1, 0]), alt.value([5, 3]))
    tooltip = [
        alt.Tooltip("label:N", title="Mobile share"),
        alt.Tooltip("series:N", title="Series"),
        alt.Tooltip("measure:N", title="Measure"),
        alt.Tooltip("source:N", title="Reported by"),
    ]
    # draw the sparse series last, so a point that lands on a quarterly one stays visible (white-rimmed)
    data = alt.Data(values=sorted(rows, key=lambda r: series_names.index(r["series"])))
    shown = alt.Chart(data).transform_filter("reveal || !datum.hidden")
    lines = (
        shown.transform_filter("datum.report == 'main'")
        .mark_line()
        .encode(x=x, y=y, color=color, strokeDash=dash, detail="segment:N")
    )
    points = (
        shown.transform_filter("datum.report == 'main'")
        .mark_point(filled=True, size=80, opacity=1, stroke=theme.TOKENS["surface"][0], strokeWidth=1)
        .encode(x=x, y=y, color=color, shape=shape, tooltip=tooltip)
    )
    others = (
        shown.transform_filter("datum.report != 'main'")
        .mark_point(filled=False, size=110, strokeWidth=2, opacity=1)
        .encode(x=x, y=y, color=color, shape=shape, tooltip=tooltip)
    )

    muted, ink = theme.TOKENS["muted"][0], theme.TOKENS["text"][0]
    one = alt.Data(values=[{"half": 50, "at": target["period_end"], "start": ends[0][:4] + "-01-01"}])
    half = alt.Chart(one).mark_rule(color=muted, strokeWidth=1).encode(y="half:Q")
    half_label = (
        alt.Chart(one)
        .mark_text(align="left", baseline="bottom", dx=4, dy=-3, color=muted)
        .encode(x="start:T", y="half:Q", text=alt.value("half on mobile"))
    )
    mine = alt.Chart(one).transform_calculate(g="guess", guess_label="'Your guess: ' + guess + '%'")
    guess_rule = mine.mark_rule(strokeDash=[6, 4], color=ink, strokeWidth=1.5).encode(
        y="g:Q", tooltip=alt.Tooltip("guess_label:N", title=None)
    )
    guess_point = mine.mark_point(shape="circle", filled=False, size=140, strokeWidth=2, color=ink).encode(
        x="at:T", y="g:Q"
    )
    guess_text = mine.mark_text(align="left", baseline="top", dx=4, dy=2, color=ink, fontWeight=600).encode(
        x="start:T",
        y=alt.datum(100),
        text=alt.value(
            alt.expr(f"reveal ? 'You said ' + guess + '%; it was {real:g}%' : 'Your guess (dashed): ' + guess + '%'")
        ),
    )

    alibaba = sorted(
        (r for r in rows if r["company"] == "Alibaba" and r["report"] == "main" and "quarter" in r["series"]),
        key=lambda r: r["order"],
    )
    first_half = next(r for r in alibaba if r["value"] > 50)
    china = sorted((r for r in rows if r["series"] == "China, iResearch quarter"), key=lambda r: r["order"])
    china_half = next((r for r in china if r["value"] > 50), None)
    description = (
        f"Line and point chart of mobile's share of online shopping. On Alibaba's China retail marketplaces the "
        f"mobile share of GMV went from {alibaba[0]['label']} to {first_half['label']}, the first quarter above half, "
        f"and {alibaba[-1]['label']}: the answer to the guessing question is {real:g}%. "
        + (
            f"Across China, iResearch put the mobile share above half from {china_half['label']}, "
            if china_half
            else ""
        )
        + f"reaching {china[-1]['label']}. CNNIC's survey ratios are shown separately because their base is not "
        f"stated. Readers first set a guess with a slider; figures from 2016 on appear once 'Reveal' is ticked."
    )
    return (
        alt.layer(half, half_label, lines, points, others, guess_rule, guess_point, guess_text)
        .add_params(guess, reveal)
        .properties(
            width=theme.WIDTH,
            height=340,
            title=alt.Title(
                "Shopping moved to the phone",
                subtitle=[
                    "Mobile share of online shopping value, %",
                    f"Alibaba marketplaces vs all of China, {ends[0][:4]}–{ends[-1][:4]}",
                ],
            ),
            description=description,
        )
    )
