"""Chart `mobile_share`: mobile's share of online shopping, on Alibaba's marketplaces and in all of China; the live
view keeps the years after the article back until the reader has guessed (the static drawing shows them all)."""

import datetime as dt

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

AFTER = f"{kit.ARTICLE_YEAR + 1}-01-01"
SERIES = {  # who and how often -> legend name (wide, narrow), shape
    "alibaba quarter": ("Alibaba, quarter", "Alibaba, qtr", "circle"),
    "alibaba fiscal year": ("Alibaba, fiscal year", "Alibaba, FY", "square"),
    "iResearch quarter": ("China, iResearch quarter", "China, iResearch qtr", "circle"),
    "iResearch year": ("China, iResearch year", "China, iResearch yr", "square"),
    "CNNIC year": ("China, CNNIC survey", "China, CNNIC", "triangle-up"),
}
# Only the live view runs in a browser (the static drawing is made without one), so only it keeps the answer back.
LIVE = "isNumber((screen() || {}).width)"


def _row(r: dict, ds: Dataset, main: bool) -> dict:
    p, end = r["period"], dt.date.fromisoformat(r["period_end"])
    kind = "fiscal year" if p.startswith("FY") else "quarter" if "-Q" in p else "year"
    key = ("alibaba" if r["scope"] == "alibaba" else "CNNIC" if "CNNIC" in r["measure"] else "iResearch") + f" {kind}"
    period = kit.quarter(r["period_end"]) if kind == "quarter" else p.replace("FY", "fiscal year ")
    return {
        "key": key,
        "series": SERIES[key][kit.narrow()],
        "order": int(p[:4]) * 4 + int(p[-1]) if kind == "quarter" else int(p.removeprefix("FY")),
        "mid": str(end - dt.timedelta(days=45 if kind == "quarter" else 182)),  # drawn mid-period
        "period": period,
        "value": r["value_pct"],
        "main": main,
        "after": r["period_end"] >= AFTER,
        "label": kit.value_text(r["value_pct"], "percent", period),
        "measure": r["measure"],
        "source": ds.origin(r).producer,
    }


YOU, GUESS = ("You said ", "You: "), ("Your guess (ring): ", "Guess: ")  # (wide, narrow): a phone's line is short


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
        (june | {"tag": june["label"]}, {"align": "right", "dx": 4, "dy": -12}),
        (national | {"tag": f"China: {national['label']}"}, {"align": "right", "dx": 10, "dy": 16}),
    ]
    real = formats.number(target["value"], "percent")
    said = f"(reveal ? '; it was {real}' : '')"
    question = f"Your guess: mobile share of Alibaba's sales in {target['period']} (%) "
    guess = alt.param(name="guess", value=10, bind=alt.binding_range(min=0, max=100, step=1, name=question))
    reveal = alt.param(name="reveal", value=False, bind=alt.binding_checkbox(name="Show what happened "))

    names = [v[kit.narrow()] for v in SERIES.values()]
    legend = alt.Legend(title=None, orient="top", columns=2, symbolStrokeWidth=0, labelLimit=170)
    hues = [theme.color("Alibaba" if k.startswith("alibaba") else "China") for k in SERIES]
    colour = alt.Color("series:N", scale=alt.Scale(domain=names, range=hues), legend=legend)
    shape = alt.Shape("series:N", scale=alt.Scale(domain=names, range=[v[2] for v in SERIES.values()]), legend=legend)
    years = sorted({r["mid"][:4] for r in rows})
    end = f"{int(years[-1]) + 1}-01-01"
    x = alt.X("mid:T", title=None, scale=alt.Scale(domain=[f"{years[0]}-01-01", end]), axis=alt.Axis(format="%Y"))
    y = alt.Y("value:Q", title=None, scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(labelExpr="datum.label + '%'"))
    tooltip = kit.tip(
        ("label", "Mobile share"), ("series", "Series"), ("measure", "Measure"), ("source", "Reported by")
    )
    shown = alt.Chart(alt.Data(values=rows)).transform_filter("!live || reveal || !datum.after")
    dash = alt.condition("indexof(datum.key, 'quarter') > 0", alt.value([1, 0]), alt.value([5, 3]))
    one = alt.Chart(alt.Data(values=[target | {"tag": f"{target['period']}: {real}"}]))
    mine = one.transform_filter("live").transform_calculate(value="guess")  # the reader's guess, live only
    muted, ink = kit.ink("muted"), kit.ink("text")
    layers = [
        *kit.after_article("mid", "T", AFTER, end),
        one.mark_rule(color=muted, strokeWidth=1).encode(y=alt.datum(50)),
        kit.label_marks(one, alt.value(0), alt.datum(50), text=alt.value("half on mobile"), color=muted, dy=-8),
        shown.transform_filter("datum.main")
        .mark_line()
        .encode(x=x, y=y, color=colour, strokeDash=dash, detail="segment:N"),
        shown.transform_filter("datum.main")
        .mark_point(filled=True, size=70, opacity=1, stroke=kit.ink("surface"), strokeWidth=1)
        .encode(x=x, y=y, color=colour, shape=shape, tooltip=tooltip),
        shown.transform_filter("!datum.main")
        .mark_point(filled=False, size=120, strokeWidth=2, opacity=1)
        .encode(x=x, y=y, color=colour, shape=shape, tooltip=tooltip),
        *(kit.label_marks(alt.Chart(alt.Data(values=[r])), x, y, **style) for r, style in cited),
        kit.label_marks(one.transform_filter("!live || reveal"), x, y, align="right", dx=-10, fontWeight=600),
        mine.mark_point(shape="circle", filled=False, size=160, strokeWidth=2, color=ink).encode(x=x, y=y),
        kit.label_marks(
            mine,
            alt.datum(alt.DateTime(year=kit.ARTICLE_YEAR + 1)),
            alt.value(24),
            text=alt.value(
                alt.expr(f"(reveal ? '{YOU[kit.narrow()]}' : '{GUESS[kit.narrow()]}') + guess + '%' + {said}")
            ),
            fontSize=11 if kit.narrow() else 12,
            fontWeight=600,
        ),
    ]
    half = next((r for r in quarters if r["value"] > 50), None)
    return kit.finish(
        alt.layer(*layers).add_params(guess, reveal, alt.param(name="live", expr=LIVE)),
        finding=f"Phones' share of Alibaba's sales rose from {formats.number(then['value'], 'percent')} to "
        f"{formats.number(now['value'], 'percent')} in the year to the article",
        subtitle="Mobile share of the value of goods bought online, %: Alibaba's China marketplaces (company filings "
        "and results) and all of China (iResearch; CNNIC survey, base not stated); hollow: a second report",
        description=(
            f"Line and point chart of mobile's share of online shopping. On Alibaba's China marketplaces it rose from "
            f"{then['label']} to {now['label']}, around when the article was written; across China, iResearch put it "
            f"at {national['label']}. The years after the article are shaded; in the live chart they stay hidden until "
            f"the reader has guessed {target['period']} and asked to see them. "
            + (f"Alibaba's share passed half in {half['label']} " if half else "")
            + f"and reached {target['label']}."
        ),
        height=320,
    )
