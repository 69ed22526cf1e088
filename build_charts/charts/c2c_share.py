"""Chart `c2c_share`: the swing of China's C2C market from eBay EachNet to Taobao, 2003–2008, one mark per survey."""

import datetime as dt
import re

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
    "1pai (Yahoo/Sina)": {"align": "right", "dx": -8, "dy": -18},  # above the 0% gridline and its tick label
}
# the note that dates eBay's move into the Tom venture, in either edition's words
VENTURE = re.compile(r"joint venture from (?P<en>\w+ \d{4})|自(?P<y>\d{4})年(?P<m>\d{1,2})月起并入")

W = kit.words(
    en={
        "recalled": "in {year}, recalled",
        "published": "in {year}",
        "look_back": "{platform} {share}%",
        "lead": "{year}: Taobao leads",
        "moved": "{month}: eBay moves its China site into a venture run by Tom Online",
        "duel": "{taobao}% against {ebay}%",
        "duel_sep": "; ",
        "finding": "Taobao took China's C2C market from eBay EachNet in {years} years",
        "subtitle": "Share of China's C2C market, %, from {n} surveys and reports, each on its own basis, so marks are"
        " not joined. A line links rivals in one survey; hollow: recalled years later",
        "description": "Dot chart of shares of China's consumer-to-consumer market, {first} to {final}, from {n} "
        "surveys and reports that each measure on their own basis, so they are not joined. {retro}By {lead_year} Taobao"
        " was ahead of eBay EachNet in every survey that measured both ({duels}). In {moved} eBay moved its China site"
        " into a venture run by Tom Online. Later figures, on differing bases, put Taobao between {low}% and {high}%;"
        " none gives eBay a share after {ebay_last}.",
        "retro": "A figure published in {published} puts {platform} at {share}% in {year}. ",
    },
    zh={
        "recalled": "{year}年的份额，",
        "published": "{year}年回顾",
        "look_back": "{platform} {share}%",
        "lead": "{year}年：淘宝领先",
        # \u200b (kit.BREAK): the label wraps only there, so no word is cut (中国网 / 站, 合资公 / 司)
        "moved": "{month}：\u200beBay 把中国网站\u200b并入 TOM 在线\u200b运营的\u200b合资公司",
        "duel": "{taobao}%对{ebay}%",
        "duel_sep": "；",
        "finding": "淘宝用{years}年从 eBay 易趣手中夺下中国C2C市场",
        "subtitle": "中国C2C市场份额（%），来自{n}项调查和报告，口径各不相同，所以各点不相连。"
        "竖线连接同一调查中的对手；空心点：多年后的回顾数字",
        "description": "点图：中国个人对个人（C2C）市场的份额，{first}—{final}年，来自{n}项调查和报告，"
        "各自口径不同，所以不连线。{retro}到{lead_year}年，凡是同时统计两家的调查，淘宝都领先 eBay 易趣（{duels}）。"
        "{moved}，eBay 把中国网站并入 TOM 在线运营的合资公司。此后的数字口径各异，淘宝的份额在{low}%到{high}%之间；"
        "{ebay_last}年以后，没有任何数字给出 eBay 的份额。",
        "retro": "{published}年发表的一个数字称，{year}年{platform}的份额为{share}%。",
    },
)


def _moved(notes: list[str]) -> dt.date:
    """When eBay moved into the Tom venture, from the dataset's notes (English or Chinese)."""
    m = next(m for n in notes if (m := VENTURE.search(n)))
    if m["en"]:
        return dt.datetime.strptime(m["en"], "%B %Y").date()
    return dt.date(int(m["y"]), int(m["m"]), 1)


def build(c2c_share: Dataset) -> alt.LayerChart:
    ds = c2c_share
    zh = kit.lang() == "zh"
    unit, step = ds.meta.columns["value_pct"].unit, 0.26 if kit.narrow() else 0.22
    # one slot per survey (period and basis) inside its year, a half-year before its full year
    surveys = list(dict.fromkeys((r["period"], r["measure"].split(" (")[0]) for r in ds.rows))
    surveys.sort(key=lambda s: (s[0][:4], len(s[0]) == 4))
    x_of = {}
    for year in dict.fromkeys(p[:4] for p, _ in surveys):
        mine = [s for s in surveys if s[0][:4] == year]
        x_of |= {s: int(year) + 0.5 + (i - (len(mine) - 1) / 2) * step for i, s in enumerate(mine)}
    rows = []  # keyed by the English platform name; `shown` puts readers' words in
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
                "recalled": [W("recalled", year=key[0][:4]), W("published", year=published)],
            }
            | kit.data_tip(
                kit.label(ds, "platform", r["platform"]),
                kit.value_text(r["value_pct"], unit, kit.label(ds, "period", key[0]).replace("-", " ")),
                origin,
            )
        )

    def name(platform: str) -> str:
        return kit.label(ds, "platform", platform)

    def shown(row: dict) -> dict:
        return row | {"platform": name(row["platform"])}

    duels = [
        {"x": t["x"], "taobao": t["share"], "ebay": e["share"]}
        for t in rows
        for e in rows
        if (t["platform"], e["platform"]) == ("Taobao", "eBay EachNet") and t["survey"] == e["survey"]
    ]
    lead_year = int(min(d["x"] for d in duels if d["taobao"] > d["ebay"]))
    assert all(d["taobao"] > d["ebay"] for d in duels if d["x"] >= lead_year), "Taobao lost the lead again"
    moved = _moved(ds.meta.notes)
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
    keys = list(dict.fromkeys(r["platform"] for r in rows))
    names = [name(k) for k in keys]
    colour = alt.Color("platform:N", scale=kit.colour(names, {name(k): COMPANY.get(k, k) for k in keys}), legend=None)
    shape = alt.Shape("platform:N", scale=alt.Scale(domain=names, range=[SHAPES.get(k, "diamond") for k in keys]))
    tips = kit.data_tooltip()
    data = alt.Chart(alt.Data(values=[shown(r) for r in rows]))
    points = [
        data.transform_filter(f"datum.hollow == {str(hollow).lower()}")
        .mark_point(filled=not hollow, size=70, opacity=1, strokeWidth=2)
        .encode(x=x, y=y, color=colour, shape=shape.legend(None), **tips)
        for hollow in (False, True)
    ]
    gaps = alt.Chart(alt.Data(values=duels)).mark_rule(color=kit.ink("domain"), strokeWidth=1.5)
    gaps = gaps.encode(x=x, y=alt.Y("ebay:Q"), y2=alt.Y2("taobao:Q"))

    # direct labels: each marketplace once, the look-back figure, the lead and eBay's exit (a dashed rule)
    def tag(row: dict, text, **style) -> alt.LayerChart:
        return kit.label_marks(alt.Chart(alt.Data(values=[row | {"tag": text}])), x, y, **style)

    def last(platform: str) -> dict:
        return max((r for r in rows if r["platform"] == platform and not r["hollow"]), key=lambda r: r["x"])

    def split(platform: str) -> str | list[str]:
        # on a phone 1pai's label, left of its diamond, would cross the y axis on one line: its owners go below
        text = name(platform)
        if not (kit.narrow() and platform == "1pai (Yahoo/Sina)"):
            return text
        cut = min(i for i in (text.find(" ("), text.find("（")) if i >= 0)
        return [text[:cut].strip(), text[cut:].strip()]

    retro = [r for r in rows if r["hollow"]]
    month = kit.date(f"{moved:%Y-%m}") if zh else f"{moved:%b %Y}"
    chars = (14 if zh else 17) if kit.narrow() else 31  # a phone's label sits in a narrow strip right of the rule
    venture = {"x": moved_x, "share": 55, "tag": kit.wrap(W("moved", month=month), chars)}
    lead = {"x": lead_year + 0.5, "share": 100}
    labels = [
        *[tag(shown(last(p)), split(p), **PLACE.get(p, {"align": "right", "dx": -8})) for p in keys],
        *[
            tag(
                shown(r),
                [W("look_back", platform=name(r["platform"]), share=f"{r['share']:g}"), *r["recalled"]],
                **PLACE["look back"],
            )
            for r in retro
        ],
        tag(lead, W("lead", year=lead_year), **PLACE["lead"]),
        tag(venture, venture["tag"], dx=5, baseline="top"),
        alt.Chart(alt.Data(values=[venture])).mark_rule(color=kit.ink("muted"), strokeDash=[4, 3]).encode(x=x),
    ]
    duel_text = W("duel_sep").join(
        W("duel", taobao=f"{d['taobao']:g}", ebay=f"{d['ebay']:g}") for d in duels if int(d["x"]) == lead_year
    )
    taobao_later = [r["share"] for r in rows if r["platform"] == "Taobao" and r["x"] > moved_x]
    return kit.finish(
        alt.layer(gaps, *points, *labels),
        finding=W("finding", years=moved.year - first),
        subtitle=W("subtitle", n=len(surveys)),
        description=W(
            "description",
            first=first,
            final=final,
            n=len(surveys),
            retro="".join(
                W(
                    "retro",
                    published=r["published"],
                    platform=name(r["platform"]),
                    share=f"{r['share']:g}",
                    year=int(r["x"]),
                )
                for r in retro
            ),
            lead_year=lead_year,
            duels=duel_text,
            moved=kit.date(f"{moved:%Y-%m}") if zh else f"{moved:%B %Y}",
            low=f"{min(taobao_later):g}",
            high=f"{max(taobao_later):g}",
            ebay_last=int(last("eBay EachNet")["x"]),
        ),
        height=280 if kit.narrow() else 320,  # on a phone its round (chapter 2) fits one screen
    )
