"""Chart `eras_strip`: the model eras in one row, Alibaba's above the line and other firms' below, for the home page."""

import re

import altair as alt

from build_charts import eras as era_parts
from build_charts import kit
from build_charts.data import Dataset

LANES, LANE = 4, kit.TEXT_MIN + 4  # at most this many lanes of labels each side of the line; one lane's height in px
CHAR = 0.56 * kit.TEXT_MIN  # px: a generous width of one Latin character, to keep the labels in a lane apart
CJK = kit.TEXT_MIN + 0.5  # px: a Chinese character of the same type (one em, and a little room)
W = kit.words(
    en={
        "flag": "{label} {year}",
        "flag_idea": "{label} {idea}, {year}",
        "foot": "Tap or click an era for its flagship.",
        "foot_era": "{label}: {flagship}",
        "finding": "Alibaba launched each new model itself from {first} to {last};"
        " the next one's ground went to WeChat",
        "subtitle": "Launch year of each model's flagship; Alibaba's above the line, other firms' below."
        " Dated by the press and reference works",
        "listed": "{text} ({company})",
        "sep": "; ",
        "description": "Strip of {n} e-commerce model eras in China by the year each flagship launched. "
        "Alibaba's, above the line: {mine}. Other firms', below: {others}. "
        "After the article (c. {article}), shaded: {after}.",
    },
    zh={
        "flag": "{label} {year}年",
        "flag_idea": "{label} {idea}，{year}年",
        "foot": "点击某个时代，可看到它的旗舰产品。",
        "foot_era": "{label}：{flagship}",
        "finding": "从{first}年到{last}年，\u200b每一种新模式\u200b都是阿里巴巴\u200b自己推出的；"  # \u200b: kit.BREAK
        "\u200b下一种模式的\u200b阵地\u200b却归了微信",
        "subtitle": "各模式旗舰产品的上线年份，横线以上是阿里巴巴的，以下是其他公司的。年份依据新闻报道和参考资料",
        "listed": "{text}（{company}）",
        "sep": "；",
        "description": "中国电商{n}个模式时代的色带，按各自旗舰产品的上线年份排列。"
        "横线以上是阿里巴巴的：{mine}。横线以下是其他公司的：{others}。"
        "文章（约{article}年）之后的，在阴影区内：{after}。",
    },
)


def _px(text: str) -> float:
    """A label's width in px at the chart's label size: Chinese characters are wider than Latin letters."""
    return sum(CJK if ord(c) > 0x2E7F else CHAR for c in text)


def build(eras: Dataset) -> alt.LayerChart:
    first, last = 1998, era_parts.OPEN_END + 1
    to_px = lambda year: (year - first) / (last - first) * kit.width()  # noqa: E731
    flags, taken = [], []  # taken: (side, lane, left px, right px) of each label placed
    alibaba = era_parts.own(eras)
    for r in sorted(era_parts.rows(eras), key=lambda r: r["start_year"]):
        before, mine = not r["after_article"], r["era"] in alibaba
        if r["status"]:
            text = W("flag_idea", label=r["label"], idea=era_parts.W("idea_short"), year=r["start_year"])
        else:
            text = W("flag", label=r["label"], year=r["start_year"])
        stem, width = to_px(r["start_year"] + 0.5), _px(text) + 6
        # a label that would run into the "after the article" band ends at its stem instead
        flip = mine and stem + width > to_px(kit.ARTICLE_YEAR + 1)
        if before:  # a flag: Alibaba's up from the line, left-aligned; other firms' down, right-aligned
            side, span = (
                (-1, (stem - width, stem) if flip else (stem, stem + width)) if mine else (1, (stem - width, stem))
            )
            lane = next(
                k
                for k in range(1, LANES + 1)
                if all(t[:2] != (side, k) or t[3] < span[0] or t[2] > span[1] for t in taken)
            )
            taken.append((side, lane, *span))
            y2 = side * (lane * LANE + 2)  # from the time line; its height is known once every label is placed
        else:  # after the article: a dot on the line, and a line of the list inside the shaded band
            side, lane = 1, sum(1 for f in flags if f["after_article"]) + 1
            y2 = lane * LANE + 2
        flags.append(
            r
            | {
                "x": r["start_year"] + 0.5,
                "y2": y2,
                "text": text,
                "mine": mine,
                "flip": flip,
                "dash": era_parts.LOOKS[r["look"]][1],
            }
        )
    # as many lanes as the labels use (the phone's sticky strip is a third of the screen high): the time line
    # sits below the article's label and the lanes above it
    axis = 30 + max([-f["y2"] for f in flags if f["y2"] < 0], default=0)
    for f in flags:
        f["y"], f["y2"] = axis, axis + f["y2"]
    height = int(max(f["y2"] for f in flags)) + 26
    years = alt.Scale(domain=[first, last], nice=False, zero=False)
    x = alt.X("x:Q", scale=years, axis=None)
    px = alt.Scale(domain=[0, height], reverse=True, nice=False, zero=False)  # y in pixels, downwards
    y = alt.Y("y:Q", scale=px, axis=None)
    colour = era_parts.companies([eras], flags)
    data = alt.Chart(alt.Data(values=flags))
    dots = [
        data.transform_filter(f"datum.look == '{look}'")
        .mark_point(shape="circle", size=80, filled=fill > 0, strokeWidth=2, opacity=1, fillOpacity=0.4 + fill * 0.6)
        .encode(x=x, y=y, color=colour, opacity=era_parts.DIM, **era_parts.tip())
        for look, (fill, _) in era_parts.LOOKS.items()
    ]
    stems = (
        data.transform_filter("!datum.after_article")
        .mark_rule(strokeWidth=1.5)
        .encode(
            x=x,
            y=y,
            y2=alt.Y2("y2:Q"),
            color=colour,
            opacity=era_parts.DIM,
            strokeDash=alt.StrokeDash("dash:N", scale=None, legend=None),
        )
    )
    kinds = {  # which labels, how they are anchored and which side of their y they sit
        "!datum.after_article && datum.mine && !datum.flip": ("left", "bottom", 3),
        "!datum.after_article && datum.mine && datum.flip": ("right", "bottom", -3),
        "!datum.after_article && !datum.mine": ("right", "top", -3),
        "datum.after_article": ("right", "bottom", 0),  # ends at the band's right edge: a phone's band is short
    }
    labels = [
        data.transform_filter(where)
        .mark_text(align=align, baseline=base, dx=dx, fontSize=kit.TEXT_MIN, cursor="pointer")
        .encode(
            x=x if dx else alt.X("band:Q", scale=years, axis=None),
            y=alt.Y("y2:Q", scale=px, axis=None),
            text=alt.Text("text:N"),
            opacity=era_parts.DIM,
            **era_parts.tip(),
        )
        .transform_calculate(band=f"{last} - 0.2")
        for where, (align, base, dx) in kinds.items()
    ]
    foot = [{"era": None, "text": W("foot")}]
    foot += [{"era": f["era"], "text": W("foot_era", label=f["label"], flagship=_short(f["flagship"]))} for f in flags]
    shown = {"or": [{"and": ["datum.era === null", {"param": "era_pick"}]}, {"param": "era_pick", "empty": False}]}
    line = alt.Chart(alt.Data(values=[{"x": first + 0.5, "x2": last, "y": axis}]))
    return kit.finish(
        alt.layer(
            *(layer.encode(x=x) for layer in kit.after_article("x", "Q", kit.ARTICLE_YEAR + 1, last)),
            line.mark_rule(color=kit.ink("domain"), strokeWidth=1.5).encode(x=x, x2=alt.X2("x2:Q"), y=y),
            stems,
            dots[0].add_params(era_parts.pick()),
            *dots[1:],
            *labels,
            alt.Chart(alt.Data(values=foot))
            .transform_filter(shown)
            .mark_text(
                align="left", baseline="bottom", fontSize=kit.TEXT_MIN, fontStyle="italic", color=kit.ink("muted")
            )
            .encode(x=alt.XValue(0), y=alt.YValue(height), text=alt.Text("text:N")),
        ),
        finding=_finding(eras),
        subtitle=W("subtitle"),
        description=_description(flags),
        height=height,
    )


def _finding(eras: Dataset) -> str:
    before = [r for r in eras.rows if not r["after_article"] and r["era"] not in era_parts.IDEAS]
    own = [r["start_year"] for r in before if r["company"] == "Alibaba"]
    return W("finding", first=min(own), last=max(own))


def _short(flagship: str) -> str:
    """A flagship without its aside in brackets ('Taobao (with …)' -> 'Taobao', '淘宝（配合…）' -> '淘宝')."""
    return re.sub(r" [(].*?[)]", "", flagship) if kit.lang() == "en" else re.sub(r"\s*[（(].*?[）)]", "", flagship)


def _description(flags: list[dict]) -> str:
    def listed(rows):
        return W("sep").join(W("listed", text=f["text"], company=f["company"]) for f in rows)

    before = [f for f in flags if not f["after_article"]]
    return W(
        "description",
        n=len(flags),
        mine=listed(f for f in before if f["mine"]),
        others=listed(f for f in before if not f["mine"]),
        article=kit.ARTICLE_YEAR,
        after=listed(f for f in flags if f["after_article"]),
    )
