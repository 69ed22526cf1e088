"""Chart `c2c_share`: the swing of China's C2C market from eBay EachNet to Taobao, 2003–2008, one mark per survey."""

import datetime as dt
import re
import textwrap

import altair as alt

from build_charts import kit
from build_charts.data import Dataset

COMPANY = {"Taobao": "Alibaba", "eBay EachNet": "eBay", "Paipai": "Tencent"}  # others: neutral grey
SHAPES = {"Taobao": "circle", "eBay EachNet": "square", "Paipai": "triangle-up"}
LOOK_BACK = 5  # years: a share first published this long after its period is a recollection, drawn hollow
NUDGE = {"Paipai": 0.05, "1pai (Yahoo/Sina)": -0.05}  # years: the two smallest shares sit side by side
PLACE = {  # direct labels: where each sits against its mark (default: to its left)
    "Taobao": {"align": "center", "dx": 0, "dy": -13},
    "look back": {"baseline": "top", "dx": -5, "dy": 10},
    "lead": {"align": "center", "dx": 0, "dy": 2, "baseline": "top", "fontWeight": 600},
}
TIP = [("platform", "platform"), ("label", "value_pct"), ("measure", "measure"), ("source", "source")]
VENTURE = re.compile(r"joint venture from (\w+ \d{4})")  # the note that dates eBay's move into the Tom venture


def build(c2c_share: Dataset) -> alt.LayerChart:
    ds = c2c_share
    unit, step = ds.meta.columns["value_pct"].unit, 0.26 if kit.narrow() else 0.22
    # one slot per survey (period and basis) inside its year, a half-year before its full year
    surveys = list(dict.fromkeys((r["period"], r["measure"].split(" (")[0]) for r in ds.rows))
    surveys.sort(key=lambda s: (s[0][:4], len(s[0]) == 4))
    x_of = {}
    for year in dict.fromkeys(p[:4] for p, _ in surveys):
        mine = [s for s in surveys if s[0][:4] == year]
        x_of |= {s: int(year) + 0.5 + (i - (len(mine) - 1) / 2) * step for i, s in enumerate(mine)}
    rows = []
    for r in ds.rows:
        key, origin = (r["period"], r["measure"].split(" (")[0]), ds.origin(r)
        published = int(str(origin.date_published)[:4])
        rows.append(
            {
                "platform": r["platform"],
                "survey": surveys.index(key),
                "x": x_of[key] + NUDGE.get(r["platform"], 0),
                "share": r["value_pct"],
                "hollow": published - int(key[0][:4]) >= LOOK_BACK,
                "published": published,
                "recalled": [f"in {key[0][:4]}, recalled", f"in {published}"],
                "label": kit.value_text(r["value_pct"], unit, key[0].replace("-", " ")),
                "measure": r["measure"],
                "source": f"{origin.producer} ({published})",
            }
        )
    duels = [
        {"x": t["x"], "taobao": t["share"], "ebay": e["share"]}
        for t in rows
        for e in rows
        if (t["platform"], e["platform"]) == ("Taobao", "eBay EachNet") and t["survey"] == e["survey"]
    ]
    lead_year = int(min(d["x"] for d in duels if d["taobao"] > d["ebay"]))
    assert all(d["taobao"] > d["ebay"] for d in duels if d["x"] >= lead_year), "Taobao lost the lead again"
    moved = dt.datetime.strptime(next(m[1] for n in ds.meta.notes if (m := VENTURE.search(n))), "%B %Y")
    moved_x = moved.year + (moved.month - 0.5) / 12
    first, final = int(surveys[0][0][:4]), int(surveys[-1][0][:4])

    x = alt.X(
        "x:Q",
        title=None,
        scale=alt.Scale(domain=[first, final + 1], nice=False, zero=False),
        axis=alt.Axis(values=[y + 0.5 for y in range(first, final + 1)], labelExpr="floor(datum.value)", grid=False),
    )
    y = alt.Y(
        "share:Q",
        title=None,
        scale=alt.Scale(domain=[0, 100], nice=False),
        axis=alt.Axis(values=[0, 25, 50, 75, 100], labelExpr="datum.value + '%'"),
    )
    names = list(dict.fromkeys(r["platform"] for r in rows))
    colour = alt.Color("platform:N", scale=kit.colour(names, COMPANY), legend=None)
    shape = alt.Shape("platform:N", scale=alt.Scale(domain=names, range=[SHAPES.get(n, "diamond") for n in names]))
    tooltip = kit.tip(*[(field, ds.meta.columns[column].label) for field, column in TIP])
    data = alt.Chart(alt.Data(values=rows))
    points = [
        data.transform_filter(f"datum.hollow == {str(hollow).lower()}")
        .mark_point(filled=not hollow, size=70, opacity=1, strokeWidth=2)
        .encode(x=x, y=y, color=colour, shape=shape.legend(None), tooltip=tooltip)
        for hollow in (False, True)
    ]
    gaps = alt.Chart(alt.Data(values=duels)).mark_rule(color=kit.ink("domain"), strokeWidth=1.5)
    gaps = gaps.encode(x=x, y="ebay:Q", y2="taobao:Q")

    # direct labels: each marketplace once, the look-back figure, the lead and eBay's exit (a dashed rule)
    def tag(row: dict, text, **style) -> alt.LayerChart:
        return kit.label_marks(alt.Chart(alt.Data(values=[row | {"tag": text}])), x, y, **style)

    def last(platform: str) -> dict:
        return max((r for r in rows if r["platform"] == platform and not r["hollow"]), key=lambda r: r["x"])

    retro = [r for r in rows if r["hollow"]]
    moved_text = f"{moved:%b %Y}: eBay moves its China site into a venture run by Tom Online"
    venture = {"x": moved_x, "share": 55, "tag": textwrap.wrap(moved_text, 17 if kit.narrow() else 31)}
    lead = {"x": lead_year + 0.5, "share": 100}
    labels = [
        *[tag(last(p), p, **PLACE.get(p, {"align": "right", "dx": -8})) for p in names],
        *[tag(r, [f"{r['platform']} {r['share']:g}%", *r["recalled"]], **PLACE["look back"]) for r in retro],
        tag(lead, f"{lead_year}: Taobao leads", **PLACE["lead"]),
        tag(venture, venture["tag"], dx=5, baseline="top"),
        alt.Chart(alt.Data(values=[venture])).mark_rule(color=kit.ink("muted"), strokeDash=[4, 3]).encode(x=x),
    ]
    duel_text = "; ".join(f"{d['taobao']:g}% against {d['ebay']:g}%" for d in duels if int(d["x"]) == lead_year)
    taobao_later = [r["share"] for r in rows if r["platform"] == "Taobao" and r["x"] > moved_x]
    return kit.finish(
        alt.layer(gaps, *points, *labels),
        finding=f"Taobao took China's C2C market from eBay EachNet in {moved.year - first} years",
        subtitle=f"Share of China's C2C market, %, from {len(surveys)} surveys and reports, each on its own basis,"
        " so marks are not joined. A line links rivals in one survey; hollow: recalled years later",
        description=(
            f"Dot chart of shares of China's consumer-to-consumer market, {first} to {final}, from {len(surveys)} "
            "surveys and reports that each measure on their own basis, so they are not joined. "
            + "".join(
                f"A figure published in {r['published']} puts {r['platform']} at {r['share']:g}% in {int(r['x'])}. "
                for r in retro
            )
            + f"By {lead_year} Taobao was ahead of eBay EachNet in every survey that measured both ({duel_text}). "
            f"In {moved:%B %Y} eBay moved its China site into a venture run by Tom Online. Later figures, on "
            f"differing bases, put Taobao between {min(taobao_later):g}% and {max(taobao_later):g}%; none gives "
            f"eBay a share after {int(last('eBay EachNet')['x'])}."
        ),
        height=320,
    )
