"""Chart `taobao_sellers`: differing counts of sellers, stores and shop workers around Taobao, 2009–2014."""

import calendar

import altair as alt

from build_charts import formats, interact, theme
from build_charts.data import Dataset

# Short names for what each row counts; the full definition stays in the tooltip.
SHORT = {
    ("jingdaily_2009", "people"): "jobs from Taobao stores (Taobao's claim)",
    ("chinafrica_2011", "registered"): "registered businesses, Tmall only",
    ("mofcom_2013_peoplesdaily", "people"): "people in online shops, all platforms",
    ("alibaba_f1_scale_copy", "active"): "active sellers, 3 Alibaba sites (year)",
    ("alibaba_f1_scale_copy", "paying"): "paying sellers, retail + wholesale",
    ("ciw_2014_alibaba", "active"): "active sellers, 3 Alibaba sites (12 mo.)",
}
SCOPES = ["Alibaba's marketplaces", "All platforms in China"]
SCOPE_COLOUR = {SCOPES[0]: theme.color("Alibaba"), SCOPES[1]: theme.color("China")}

LABEL_H, BAR_H, GAP = 18, 16, 12  # px: label line, bar, space between rows


def _period(p: str) -> str:
    if len(p) == 7:  # YYYY-MM
        return f"{calendar.month_abbr[int(p[5:])]} {p[:4]}"
    return p


def _digits(v: float) -> int:
    """As many decimals as the source gave (1.06 stays 1.06, not 1.1)."""
    text = f"{v:g}"
    return len(text.split(".")[1]) if "." in text else 0


def build(taobao_sellers: Dataset) -> alt.LayerChart:
    ds = taobao_sellers
    unit = ds.meta.columns["value_m"].unit
    text, muted = theme.TOKENS["text"][0], theme.TOKENS["muted"][0]

    rows, y = [], 0
    for i, r in enumerate(sorted(ds.rows, key=lambda r: r["period"])):
        first_word = r["measure"].split()[0].lower()
        short = SHORT.get((r["source"], first_word), r["measure"][:52] + "…")
        scope = SCOPES[1] if "all platforms" in r["measure"].lower() else SCOPES[0]
        value_text = formats.number(r["value_m"], unit, digits=_digits(r["value_m"]))
        rows.append(
            {
                "row": i,
                "value": r["value_m"],
                "scope": scope,
                "label_y": y + LABEL_H - 5,
                "y": y + LABEL_H,
                "y2": y + LABEL_H + BAR_H,
                "mid": y + LABEL_H + BAR_H / 2,
                "heading": f"{_period(r['period'])} · {short}",
                "value_text": value_text,
                "label": formats.with_period(value_text, _period(r["period"])),
                "measure": r["measure"],
                "source": ds.origin(r).producer,
            }
        )
        y += LABEL_H + BAR_H + GAP
    height = y - GAP + 4
    top = max(r["value_m"] for r in ds.rows)

    toggle = interact.legend_toggle("scope", name="scope_toggle")
    y_scale = alt.Scale(domain=[0, height], reverse=True, nice=False, zero=False)
    x = alt.X(
        "value:Q",
        title="Millions: see each row for what is counted",
        scale=alt.Scale(domain=[0, top * 1.18], nice=False),
        axis=alt.Axis(tickCount=5, grid=True),
    )
    tooltip = [
        alt.Tooltip("label:N", title="Count"),
        alt.Tooltip("measure:N", title="What is counted"),
        alt.Tooltip("scope:N", title="Scope"),
        alt.Tooltip("source:N", title="Reported by"),
    ]
    data = alt.Data(values=rows)
    bars = (
        alt.Chart(data)
        .mark_rect(cornerRadiusTopRight=2, cornerRadiusBottomRight=2)
        .encode(
            x=x,
            x2=alt.datum(0),
            y=alt.Y("y:Q", scale=y_scale, axis=None),
            y2="y2:Q",
            color=alt.Color(
                "scope:N",
                title=None,
                scale=alt.Scale(domain=SCOPES, range=[SCOPE_COLOUR[s] for s in SCOPES]),
                legend=alt.Legend(symbolType="square", columns=1),
            ),
            opacity=interact.shown(toggle),
            tooltip=tooltip,
        )
        .add_params(toggle)
    )
    values = (
        alt.Chart(data)
        .mark_text(align="left", baseline="middle", dx=5, fontWeight=600, color=text)
        .encode(
            x=x,
            y=alt.Y("mid:Q", scale=y_scale, axis=None),
            text="value_text:N",
            opacity=interact.shown(toggle),
            tooltip=tooltip,
        )
    )
    headings = (
        alt.Chart(data)
        .mark_text(align="left", baseline="alphabetic", color=muted)
        .encode(x=alt.value(0), y=alt.Y("label_y:Q", scale=y_scale, axis=None), text="heading:N", tooltip=tooltip)
    )

    # Accessible text, with its facts taken from the rows.
    ordered = sorted(rows, key=lambda r: -r["value"])
    listing = "; ".join(f"{r['heading'].replace(' · ', ': ')}, {r['value_text']}" for r in rows)
    largest, smallest = ordered[0], ordered[-1]
    description = (
        f"Bar chart of {len(rows)} counts around Taobao from {_period(min(r['period'] for r in ds.rows))} to "
        f"{_period(max(r['period'] for r in ds.rows))}. They count different things, so they are not a trend: "
        f"{listing}. The largest, {largest['value_text']}, is {largest['heading'].split(' · ', 1)[1]} "
        f"({largest['scope']}); the smallest, {smallest['value_text']}, is {smallest['heading'].split(' · ', 1)[1]}."
    )

    return alt.layer(bars, values, headings).properties(
        width=theme.WIDTH,
        height=height,
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        title=alt.Title(
            "Counting Taobao's sellers",
            subtitle=[
                "Millions; each bar counts something different",
                "(people, businesses, active or paying sellers).",
            ],
        ),
        description=description,
    )
