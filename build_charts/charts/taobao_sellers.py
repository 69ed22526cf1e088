"""Chart `taobao_sellers`: counts of Taobao's sellers and shops, 2008–2014, against the article's 9 million."""

import calendar
import re

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

# What each row counts, in a few words (source, first word of the measure); the full definition is in the tooltip.
SHORT = {
    ("xinhua_2008_taobao", "active"): "active shops on Taobao",
    ("jingdaily_2009", "people"): "jobs created by Taobao shops",
    ("scmp_2011_taobao", "online"): "online stores on Taobao",
    ("chinafrica_2011", "registered"): "registered Tmall businesses",
    ("peoplesdaily_2012_trillion", "vendors"): "vendors on Taobao and Tmall",
    ("mofcom_2013_peoplesdaily", "people"): "online-shop workers, all sites",
    ("alibaba_f1_scale_copy", "active"): "active sellers, 3 Alibaba sites",
    ("alibaba_f1_scale_copy", "paying"): "paying sellers, incl. wholesale",
    ("ciw_2014_alibaba", "active"): "active sellers, 3 Alibaba sites",
    ("businessinsider_2014", "independent"): "sellers listing on Taobao",
    ("alibaba_f1a2_2014", "active"): "active sellers on Taobao alone",
}
KINDS = {"Sellers, shops or businesses": theme.color("Alibaba"), "People, not businesses": theme.color("China")}
CLAIM = re.compile(r"more than (\d+) million businesses")  # the article's figure, as the notes quote it
HEAD, BAR, GAP, LANE = 16, 14, 8, 20  # px: heading line, bar, space between rows, lane for a label


def _period(p: str) -> str:
    return f"{calendar.month_abbr[int(p[5:])]} {p[:4]}" if len(p) == 7 else p


def build(taobao_sellers: Dataset) -> alt.LayerChart:
    ds = taobao_sellers
    unit = ds.meta.columns["value_m"].unit
    claim = int(next(m[1] for n in ds.meta.notes if (m := CLAIM.search(n))))
    rows, y, band = [], LANE, None
    for r in sorted(ds.rows, key=lambda r: r["period"]):
        after = int(r["period"][:4]) > kit.ARTICLE_YEAR
        if after and band is None:
            band, y = y, y + LANE  # the rows after the article sit in a shaded band with its own label lane
        word = r["measure"].split()[0].lower()
        value = formats.number(r["value_m"], unit)
        rows.append(
            {
                "value": r["value_m"],
                "kind": list(KINDS)[word == "people"],
                "year": int(r["period"][:4]),
                "short": SHORT[(r["source"], word)],
                "top": y + HEAD,
                "bottom": y + HEAD + BAR,
                "head_y": y + HEAD - 4,
                "tag": f"{_period(r['period'])} · {value} {SHORT[(r['source'], word)]}",
                "label": formats.with_period(value, _period(r["period"])),
                "measure": r["measure"],
                "source": ds.origin(r).producer,
            }
        )
        y += HEAD + BAR + GAP
    height = y - GAP + 2
    top = max(r["value"] for r in rows)

    x_scale = alt.Scale(domain=[0, top * 1.08], nice=False)
    x = alt.X("value:Q", title=None, scale=x_scale, axis=alt.Axis(tickCount=5))
    y_scale = alt.Scale(domain=[0, height], reverse=True, nice=False, zero=False)

    def ypx(field: str) -> alt.Y:  # rows are laid out in pixels from the top
        return alt.Y(f"{field}:Q", scale=y_scale, axis=None)

    tooltip = kit.tip(("label", "Count"), ("measure", "What is counted"), ("source", "Reported by"))
    data = alt.Chart(alt.Data(values=rows))
    bars = data.mark_rect(cornerRadiusEnd=2).encode(
        x=x,
        x2=alt.datum(0),
        y=ypx("top"),
        y2="bottom:Q",
        color=alt.Color(
            "kind:N",
            title=None,
            scale=alt.Scale(domain=list(KINDS), range=list(KINDS.values())),
            legend=alt.Legend(orient="top", direction="vertical" if kit.narrow() else "horizontal"),
        ),
        tooltip=tooltip,
    )
    heads = kit.label_marks(data, alt.value(0), ypx("head_y"), dx=0, baseline="alphabetic")
    # the article's figure as a dashed line down the chart, and the rows after the article in a labelled band
    text = f"Article: “more than {claim} million businesses”"
    said = alt.Chart(alt.Data(values=[{"claim": claim, "y": 4, "y2": height, "tag": text}]))
    claim_x = alt.X("claim:Q", scale=x_scale, title=None)
    shade = alt.Chart(alt.Data(values=[{"y": band or height, "y2": height, "tag": kit.AFTER_LABEL if band else ""}]))
    layers = [
        shade.mark_rect(color=kit.ink("grid"), opacity=0.3).encode(
            x=alt.value(0), x2=alt.value("width"), y=ypx("y"), y2="y2:Q"
        ),
        kit.label_marks(
            shade, alt.value(4), ypx("y"), dx=0, dy=4, baseline="top", color=kit.ink("muted"), fontStyle="italic"
        ),
        bars,
        said.mark_rule(color=kit.ink("text"), strokeDash=[4, 3]).encode(x=claim_x, y=ypx("y"), y2="y2:Q"),
        heads,
        kit.label_marks(said, claim_x, ypx("y"), align="right", dx=-4, baseline="top"),
    ]
    near = max(
        (r for r in rows if r["year"] == kit.ARTICLE_YEAR and r["kind"] == list(KINDS)[0]), key=lambda r: r["value"]
    )
    above = [r["tag"].split(" · ")[1] for r in rows if r["value"] > claim]
    return kit.finish(
        alt.layer(*layers),
        finding=f"Alibaba counted {near['value']:g} million {near['short'].split(',')[0]} in {near['year']}, fewer"
        f" than the article's {claim} million businesses",
        subtitle="Counts of sellers, shops and online-shop workers, millions, as stated by Alibaba, the Ministry of"
        " Commerce and the press; each bar counts something different. Dashed: the article's figure",
        description=(
            f"Bar chart of {len(rows)} counts around Taobao, each of something different, set against the article's "
            f"'more than {claim} million businesses': "
            + "; ".join(r["tag"].replace(" · ", ": ", 1) for r in rows)
            + f". Counts above {claim} million: {', '.join(above) or 'none'}. The rows after {kit.ARTICLE_YEAR} are"
            " shaded as after the article."
        ),
        height=height,
    )
