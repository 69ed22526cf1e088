"""Chart `taobao_gmv`: Taobao's yearly transaction volume from 2003, and the RMB 1 trillion of 2012, on a log scale."""

import datetime as dt
import textwrap

import altair as alt

from build_charts import kit, theme
from build_charts.data import Dataset

UNIT = "RMB billion"
SHAPES = {"Taobao": "circle", "Taobao and Tmall": "diamond", "Tmall": "square"}
TRILLION = 1000  # RMB billion
STEP = 0.24  # years between reports of one year, side by side


def _short(bn: float, long: bool = False) -> str:
    """'20 m', '9.7 bn', '1 tn' (RMB) for direct labels; '20 million', '1 trillion' for the title."""
    m, b, t = ("million", "billion", "trillion") if long else ("m", "bn", "tn")
    return f"{bn * 1000:g} {m}" if bn < 1 else f"{bn / 1000:g} {t}" if bn >= TRILLION else f"{bn:g} {b}"


def build(taobao_gmv: Dataset) -> alt.LayerChart:
    ds = taobao_gmv
    rows = []
    for r in ds.rows:
        whole = r["window"] == "full year"
        period = str(r["year"]) if whole else f"{r['window'].replace(' - ', '–')} {r['year']}"
        rows.append(
            {
                "year": r["year"],
                "value": r["value_rmb_bn"],
                "scope": r["scope"],
                "whole": whole,
                "label": kit.value_text(r["value_rmb_bn"], UNIT, period),
                "window": r["window"],
                "source": ds.origin(r).producer,
                "published": ds.origin(r).date_published,
            }
        )
    for year in {r["year"] for r in rows}:  # reports of one year side by side, in the file's order
        mine = [r for r in rows if r["year"] == year]
        for i, r in enumerate(mine):
            r["x"] = year + (i - (len(mine) - 1) / 2) * STEP
            r["tag"] = _short(r["value"]) if i == 0 and r["whole"] else ""
    first = rows[0]
    mark = next(r for r in rows if r["value"] >= TRILLION)
    passed = mark["window"].split(" - ")[-1]
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
        title="RMB, log scale",
        scale=alt.Scale(type="log", domain=[0.01, 5 * TRILLION], nice=False),
        axis=alt.Axis(
            values=[0.01, 0.1, 1, 10, 100, TRILLION],
            labelExpr="datum.value >= 1000 ? datum.value / 1000 + ' tn' : datum.value >= 1 ? datum.value + ' bn'"
            " : datum.value * 1000 + ' m'",
        ),
    )
    scopes = list(dict.fromkeys(r["scope"] for r in rows))
    shape = alt.Shape(
        "scope:N",
        title=None,
        scale=alt.Scale(domain=scopes, range=[SHAPES[s] for s in scopes]),
        legend=alt.Legend(orient="top", direction="vertical" if kit.narrow() else "horizontal"),
    )
    tooltip = kit.tip(("scope", "Marketplace"), ("label", "Transaction volume"), ("source", "Reported by"))
    data = alt.Chart(alt.Data(values=rows))
    points = [
        data.transform_filter(f"datum.whole == {str(whole).lower()}")
        .mark_point(filled=whole, size=70, opacity=1, strokeWidth=2, color=theme.color("Alibaba"))
        .encode(x=x, y=y, shape=shape, tooltip=tooltip)
        for whole in (True, False)
    ]
    values = kit.label_marks(data.transform_filter("datum.tag != ''"), x, y, align="right", dx=-8)
    line_text = f"RMB {_short(TRILLION, True)}: Taobao and Tmall passed it on {passed} {mark['year']}, announced"
    line_text = textwrap.wrap(f"{line_text} {told.day} {told:%b}", 22 if kit.narrow() else 32)
    trillion = alt.Chart(alt.Data(values=[{"value": TRILLION, "x": years[0] - 0.7, "tag": line_text}]))
    notes = [
        trillion.mark_rule(color=kit.ink("muted"), strokeDash=[4, 3]).encode(y=y),
        kit.label_marks(trillion, x, y, dx=0, dy=5, baseline="top"),
    ]
    growth = mark["year"] - first["year"]
    return kit.finish(
        alt.layer(*notes, *points, values),
        finding=f"Taobao's yearly trade went from RMB {_short(first['value'], True)} in {first['year']} to RMB"
        f" {_short(mark['value'], True)}, with Tmall, in {mark['year']}",
        subtitle="Value of goods traded on Taobao (with Tmall from 2011) per year, RMB, log scale (each gridline is ten"
        " times the one below), as Alibaba and a research centre stated it. Hollow: January–November",
        description=(
            f"Point chart of Taobao's yearly transaction volume on a logarithmic scale, {years[0]} to {years[-1]}, "
            f"one mark per report. It went from RMB {_short(first['value'], True)} in {first['year']} to RMB "
            f"{_short(mark['value'], True)} in {mark['window'].replace(' - ', '–')} {mark['year']} for Taobao and Tmall"
            f" together, {growth} years later; Alibaba announced on {told.day} {told:%B %Y} that the two had passed"
            f" the mark on {passed} {mark['year']}. Years with no sourced figure ("
            + ", ".join(str(y) for y in range(years[0], years[-1]) if y not in years)
            + ") are left empty."
        ),
        height=320,
    )
