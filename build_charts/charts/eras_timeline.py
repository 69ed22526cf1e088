"""Chart `eras_timeline`: the e-commerce model eras (B2B → C2C → B2C → C2B, WeChat and after) and their milestones."""

import calendar
import textwrap

import altair as alt

from build_charts import eras as era_parts
from build_charts import kit
from build_charts.data import Dataset

ROW, BAR, LINE = 30, 12, 15  # px: one era's row, its bar, one line of the milestone list
HINT = "Key moments. Tap or click an era for all its milestones."
MOMENTS = ("2003-05-10", "2006-12-20", "2008-04")  # the chapter's turns, listed while no era is picked
ACTIVE, IDLE, DIM = era_parts.ACTIVE, era_parts.IDLE, era_parts.DIM


def _when(d: str) -> tuple[float, str]:
    """Position on the year axis and label of a date only as precise as its source ('2003', 'May 2003')."""
    y, *rest = (int(p) for p in d.split("-"))
    if not rest:
        return y + 0.5, str(y)
    month = calendar.month_abbr[rest[0]]
    return y + (rest[0] - 0.5) / 12, f"{rest[1]} {month} {y}" if len(rest) > 1 else f"{month} {y}"


def build(eras: Dataset, milestones: Dataset) -> alt.LayerChart:
    bars = era_parts.rows(eras)
    for i, b in enumerate(bars):
        status = f": {b['status']}" if b["status"] else ""
        b |= {"x": b["start_year"], "x2": (b["end_year"] or era_parts.OPEN_END) + 1, "ty": 33 + i * ROW}
        b |= {
            "y": b["ty"] + 4,
            "y2": b["ty"] + 4 + BAR,
            "tag": f"{b['label']} · {b['company']}, {b['start_year']}{status}",
        }
    row_of = {b["era"]: b for b in bars}
    bottom, chars = 26 + len(bars) * ROW, int((kit.width() - 16) / 6.2)
    points, depth = [], {"moments": 0}
    for r in sorted(milestones.rows, key=lambda r: _when(r["date"])[0]):
        x, date = _when(r["date"])
        wrapped = textwrap.wrap(f"{date} · {r['event']}{' (after the article)' * r['after_article']}", chars)
        at, moment, listed = depth.get(r["era"], 0), r["date"] in MOMENTS, depth["moments"]
        depth[r["era"]] = at + len(wrapped)
        depth["moments"] += len(wrapped) if moment else 0
        points.append(
            r
            | {"x": x, "y": row_of[r["era"]]["y"] + BAR / 2, "lines": wrapped, "date_text": date, "moment": moment}
            | {"list_y": bottom + 24 + at * LINE, "moment_y": bottom + 24 + listed * LINE}
            | {"era_label": row_of[r["era"]]["label"], "source": milestones.origin(r).producer}
            | {"timing": "after the article" if r["after_article"] else "before the article"}
        )
    height = bottom + 24 + max(depth.values()) * LINE

    ticks = [2000, 2010, 2020] if kit.narrow() else list(range(2000, 2021, 5))
    years = alt.Scale(domain=[1998, era_parts.OPEN_END + 1], nice=False, zero=False)
    x = alt.X("x:Q", title=None, scale=years, axis=alt.Axis(orient="top", format="d", values=ticks, labelFontSize=11))
    px = alt.Scale(domain=[0, height], reverse=True, nice=False, zero=False)  # y in pixels, downwards
    y = alt.Y("y:Q", scale=px, axis=None)
    on = lambda field: alt.Y(f"{field}:Q", scale=px, axis=None)  # noqa: E731
    colour = era_parts.companies(bars, points)
    pt_tip = kit.tip(*{"date_text": "Date", "event": "Event", "detail": "Detail", "company": "Company"}.items())
    pt_tip += kit.tip(("era_label", "Era"), ("timing", "Timing"), ("source", "Date reported by"))
    era_data, pt_data = alt.Chart(alt.Data(values=bars)), alt.Chart(alt.Data(values=points))
    rects = [
        era_data.transform_filter(f"datum.look == '{look}'")
        .mark_rect(cornerRadius=2, cursor="pointer", strokeWidth=1.5, fillOpacity=fill, strokeDash=dash)
        .encode(x=x, x2="x2:Q", y=y, y2="y2:Q", color=colour, stroke=colour, opacity=DIM, tooltip=era_parts.TIP)
        for look, (fill, dash) in era_parts.LOOKS.items()
    ]
    notes = [{"x": 1998, "y": bottom + 6, "text": HINT, "align": "left"}]  # the article's label: after_article
    muted = {"baseline": "top", "fontSize": 11, "fontStyle": "italic", "color": kit.ink("muted")}
    lists = [
        layer
        for shown, field in ((ACTIVE, "list_y"), ({"and": [IDLE, "datum.moment"]}, "moment_y"))
        for layer in (
            pt_data.transform_filter(shown)
            .mark_point(shape="diamond", filled=True, size=60)
            .encode(x=alt.value(5), y=on(field), yOffset=alt.value(LINE / 2), color=colour),
            pt_data.transform_filter(shown)
            .mark_text(align="left", baseline="top", lineHeight=LINE, fontSize=11 if kit.narrow() else 12)
            .encode(x=alt.value(16), y=on(field), text="lines:N", tooltip=pt_tip),
        )
    ]
    layers = [
        alt.Chart(alt.Data(values=[{"x": v} for v in ticks])).mark_rule(color=kit.ink("grid")).encode(x=x),
        *kit.after_article("x", "Q", kit.ARTICLE_YEAR + 1, era_parts.OPEN_END + 1),
        *(
            alt.Chart(alt.Data(values=[n]))
            .transform_filter(IDLE if n["y"] > 2 else "true")
            .mark_text(align=n["align"], dx=-4 if n["y"] == 2 else 0, **muted)
            .encode(x=x, y=y, text="text:N")
            for n in notes
        ),
        era_data.mark_text(align="left", baseline="alphabetic", fontWeight=600, fontSize=12, cursor="pointer").encode(
            x=alt.value(0), y=on("ty"), text="tag:N", opacity=DIM, tooltip=era_parts.TIP
        ),
        rects[0].add_params(era_parts.pick()),
        *rects[1:],
        pt_data.mark_point(shape="diamond", filled=True, size=80, stroke=kit.ink("surface"), strokeWidth=1).encode(
            x=x, y=y, color=colour, opacity=DIM, tooltip=pt_tip
        ),
        *lists,
    ]
    for i in (0, 1, 2):  # the grid, the article's band and its rule stop above the milestone list
        layers[i] = layers[i].encode(y=alt.value(0), y2=alt.value(bottom))
    return kit.finish(
        alt.layer(*layers).add_params(era_parts.highlight()).configure_axis(grid=False),
        finding=_finding(eras),
        subtitle="Model eras of Chinese e-commerce, from the year each flagship launched (none has a sourced end);"
        " diamonds mark dated milestones. Dates as reported by company filings, the press and reference works",
        description=_description(eras, milestones),
        height=height,
    )


def _finding(eras: Dataset) -> str:
    before = [r for r in eras.rows if not r["after_article"]]
    built = [r for r in before if r["company"] == "Alibaba" and r["era"] not in era_parts.IDEAS][1:]  # after B2B
    idea = next(r for r in before if r["era"] in era_parts.IDEAS)
    years = " and ".join(str(r["start_year"]) for r in built)
    return f"Alibaba built its own challengers in {years}, but {idea['label']} stayed an idea while WeChat rose"


def _description(eras: Dataset, milestones: Dataset) -> str:
    """The chart's accessible text, its facts taken from the rows."""
    before = [r for r in era_parts.rows(eras) if not r["after_article"]]
    ladder = ", ".join(
        f"{r['label']} in {r['start_year']}" for r in before if r["look"] == "era" and r["company"] == "Alibaba"
    )
    ideas = "; ".join(f"{r['label']} from {r['start_year']} was an {r['status']}" for r in before if r["status"])
    others = "; ".join(
        f"{r['label']} ({r['company']}) from {r['start_year']}" for r in before if r["company"] != "Alibaba"
    )
    after = sorted((r for r in eras.rows if r["after_article"]), key=lambda r: r["start_year"])
    later = ", ".join(f"{r['label']} ({r['company']}, {r['start_year']})" for r in after)
    dates = sorted(r["date"] for r in milestones.rows)
    return (
        f"Timeline of {len(eras.rows)} e-commerce model eras in China, each drawn from the year its flagship launched, "
        f"with {len(milestones.rows)} dated milestones from {dates[0][:4]} to {dates[-1][:4]}. Alibaba moved up its "
        f"own ladder: {ladder}; {ideas}. Meanwhile the mobile social position went elsewhere: {others}. "
        f"After the article (c. {kit.ARTICLE_YEAR}) came {later}. No era has a sourced end year, so every bar runs "
        f"to {era_parts.OPEN_END}."
    )
