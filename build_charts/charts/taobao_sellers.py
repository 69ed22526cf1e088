"""Chart `taobao_sellers`: counts of Taobao's sellers and shops, 2008–2014, against the article's 9 million."""

import re

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

# What each row counts, in a few words (source, first word of the measure -> a key of W); the full definition is in
# the tooltip.
SHORT = {
    ("xinhua_2008_taobao", "active"): "short_shops",
    ("jingdaily_2009", "people"): "short_jobs",
    ("scmp_2011_taobao", "online"): "short_stores",
    ("chinafrica_2011", "registered"): "short_tmall",
    ("peoplesdaily_2012_trillion", "vendors"): "short_vendors",
    ("mofcom_2013_peoplesdaily", "people"): "short_workers",
    ("alibaba_f1_scale_copy", "active"): "short_active3",
    ("alibaba_f1_scale_copy", "paying"): "short_paying",
    ("ciw_2014_alibaba", "active"): "short_active3",
    ("businessinsider_2014", "independent"): "short_listing",
    ("alibaba_f1a2_2014", "active"): "short_taobao",
}
W = kit.words(
    en={
        "short_shops": "active shops on Taobao",
        "short_jobs": "jobs created by Taobao shops",
        "short_stores": "online stores on Taobao",
        "short_tmall": "registered Tmall businesses",
        "short_vendors": "vendors on Taobao and Tmall",
        "short_workers": "online-shop workers, all sites",
        "short_active3": "active sellers, 3 Alibaba sites",
        "short_paying": "paying sellers, incl. wholesale",
        "short_listing": "sellers listing on Taobao",
        "short_taobao": "active sellers on Taobao alone",
        "noun_end": ",",  # where a short label's noun ends (the finding names only the noun)
        "tag": "{when} · {value} {what}",
        "kind_sellers": "Sellers, shops or businesses",
        "kind_people": "People, not businesses",
        "claim": "Article: “more than {claim} million businesses”",
        "finding": "Alibaba counted {value:g} million {noun} in {year}, fewer than the article's {claim} million"
        " businesses",
        "subtitle": "Counts of sellers, shops and online-shop workers, millions, as stated by Alibaba, the Ministry of"
        " Commerce and the press; each bar counts something different. Dashed: the article's figure",
        "description": "Bar chart of {n} counts around Taobao, each of something different, set against the article's "
        "'more than {claim} million businesses': {rows}. Counts above {claim} million: {above}. The rows after {year}"
        " are shaded as after the article.",
        "row": "{when}: {value} {what}",
        "item": "{value} {what}",
        "rows_sep": "; ",
        "above_sep": ", ",
        "none": "none",
    },
    zh={
        "short_shops": "淘宝活跃网店",
        "short_jobs": "淘宝网店带来的就业",
        "short_stores": "淘宝网店",
        "short_tmall": "天猫注册商家",
        "short_vendors": "淘宝和天猫卖家",
        "short_workers": "网店从业人员（所有平台）",
        "short_active3": "活跃卖家（阿里巴巴三个平台）",
        "short_paying": "付费卖家（含批发平台）",
        "short_listing": "在淘宝上架的卖家",
        "short_taobao": "仅淘宝集市的活跃卖家",
        "noun_end": "（",
        "tag": "{when} · {what}{value}",
        "kind_sellers": "卖家、店铺或商家",
        "kind_people": "人数，不是商家数",
        "claim": "文章：商家超过{claim}",
        "finding": "{year}阿里巴巴统计的{noun}有{value}，少于文章说的{claim_more}商家",
        "subtitle": "阿里巴巴、商务部和媒体给出的卖家、店铺和网店从业人员数；每根条统计的对象各不相同。"
        "虚线：文章的数字",
        "description": "条形图：围绕淘宝的{n}个数字，各自统计不同的对象，与文章所说的商家超过{claim}相对照：{rows}。"
        "超过{claim}的数字：{above}。{year}以后的各行以阴影标为文章之后。",
        "row": "{when}，{what}{value}",
        "item": "{what}{value}",
        "rows_sep": "；",
        "above_sep": "、",
        "none": "没有",
    },
)
KINDS = {"kind_sellers": theme.color("Alibaba"), "kind_people": theme.color("China")}  # W keys -> colours
# the article's figure, as the notes quote it: in millions (English notes) or in 万 (Chinese notes)
CLAIM = [(re.compile(r"more than (\d+) million businesses"), 1), (re.compile(r"(\d+)多万商家"), 100)]
HEAD, BAR, GAP, LANE = 16, 14, 8, 20  # px: heading line, bar, space between rows, lane for a label


def _claim(notes: list[str]) -> int:
    return next(int(m[1]) // per for n in notes for pattern, per in CLAIM if (m := pattern.search(n)))


def build(taobao_sellers: Dataset) -> alt.LayerChart:
    ds = taobao_sellers
    unit = ds.meta.columns["value_m"].unit
    claim = _claim(ds.meta.notes)
    claim_text = formats.number(claim, unit) if kit.lang() == "zh" else claim
    kinds = [W(k) for k in KINDS]
    rows, parts, y, band = [], [], LANE, None  # parts: (when, value, what) of each row, for the description
    for r in sorted(ds.rows, key=lambda r: r["period"]):
        after = int(r["period"][:4]) > kit.ARTICLE_YEAR
        if after and band is None:
            band, y = y, y + LANE  # the rows after the article sit in a shaded band with its own label lane
        word = r["measure"].split()[0].lower()
        value, when, what = formats.number(r["value_m"], unit), kit.date(r["period"]), W(SHORT[(r["source"], word)])
        parts.append({"when": when, "value": value, "what": what})
        rows.append(
            {
                "value": r["value_m"],
                "kind": kinds[word == "people"],
                "year": int(r["period"][:4]),
                "short": what,
                "top": y + HEAD,
                "bottom": y + HEAD + BAR,
                "head_y": y + HEAD - 4,
                "tag": W("tag", **parts[-1]),
            }
            | kit.data_tip(what, formats.with_period(value, when), ds.origin(r))
        )
        y += HEAD + BAR + GAP
    height = y - GAP + 2
    top = max(r["value"] for r in rows)

    x_scale = alt.Scale(domain=[0, top * 1.08], nice=False)
    x = alt.X("value:Q", title=None, scale=x_scale, axis=alt.Axis(tickCount=5, **kit.millions_axis("万")))
    y_scale = alt.Scale(domain=[0, height], reverse=True, nice=False, zero=False)

    def ypx(field: str) -> alt.Y:  # rows are laid out in pixels from the top
        return alt.Y(f"{field}:Q", scale=y_scale, axis=None)

    tips = kit.data_tooltip()
    data = alt.Chart(alt.Data(values=rows))
    bars = data.mark_rect(cornerRadiusEnd=2).encode(
        x=x,
        x2=alt.X2Datum(0),
        y=ypx("top"),
        y2=alt.Y2("bottom:Q"),
        color=alt.Color(
            "kind:N",
            title=None,
            scale=alt.Scale(domain=kinds, range=list(KINDS.values())),
            legend=alt.Legend(orient="top", direction="vertical" if kit.narrow() else "horizontal"),
        ),
        **tips,
    )
    heads = kit.label_marks(data, alt.XValue(0), ypx("head_y"), dx=0, baseline="alphabetic")
    # the article's figure as a dashed line down the chart, and the rows after the article in a labelled band
    text = W("claim", claim=claim_text)
    said = alt.Chart(alt.Data(values=[{"claim": claim, "y": 4, "y2": height, "tag": text}]))
    claim_x = alt.X("claim:Q", scale=x_scale, title=None)
    after_label = kit.KIT("after").rstrip(" →")
    shade = alt.Chart(alt.Data(values=[{"y": band or height, "y2": height, "tag": after_label if band else ""}]))
    layers = [
        shade.mark_rect(color=kit.ink("grid"), opacity=0.3).encode(
            x=alt.XValue(0), x2=alt.X2Value("width"), y=ypx("y"), y2=alt.Y2("y2:Q")
        ),
        kit.label_marks(
            shade, alt.XValue(4), ypx("y"), dx=0, dy=4, baseline="top", color=kit.ink("muted"), fontStyle="italic"
        ),
        bars,
        said.mark_rule(color=kit.ink("text"), strokeDash=[4, 3]).encode(x=claim_x, y=ypx("y"), y2=alt.Y2("y2:Q")),
        heads,
        kit.label_marks(said, claim_x, ypx("y"), align="right", dx=-4, baseline="top"),
    ]
    near = max((r for r in rows if r["year"] == kit.ARTICLE_YEAR and r["kind"] == kinds[0]), key=lambda r: r["value"])
    above = [W("item", **p) for r, p in zip(rows, parts, strict=True) if r["value"] > claim]
    return kit.finish(
        alt.layer(*layers),
        finding=W(
            "finding",
            value=near["value"] if kit.lang() == "en" else formats.number(near["value"], unit),
            noun=near["short"].split(W("noun_end"))[0],
            year=kit.year(near["year"]),
            claim=claim_text,
            claim_more=str(claim_text).replace("万", "多万"),  # zh: the article's "more than 9 million" is 900多万
        ),
        subtitle=W("subtitle"),
        description=W(
            "description",
            n=len(rows),
            claim=claim_text,
            rows=W("rows_sep").join(W("row", **p) for p in parts),
            above=W("above_sep").join(above) or W("none"),
            year=kit.year(kit.ARTICLE_YEAR),
        ),
        height=height,
    )
