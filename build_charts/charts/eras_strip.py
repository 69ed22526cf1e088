"""Chart `eras_strip`: the model eras in one row, Alibaba's above the line and other firms' below, for the home page."""

import re

import altair as alt

from build_charts import eras as era_parts
from build_charts import kit
from build_charts.data import Dataset

LANE, AXIS = 15, 74  # px: one lane of labels, and the time line's height from the top (below the article's label)
CHAR = 6.2  # px: a generous width of one 11 px character, to keep the labels in a lane apart


def build(eras: Dataset) -> alt.LayerChart:
    first, last = 1998, era_parts.OPEN_END + 1
    to_px = lambda year: (year - first) / (last - first) * kit.width()  # noqa: E731
    flags, taken = [], []  # taken: (side, lane, left px, right px) of each label placed
    for r in sorted(era_parts.rows(eras), key=lambda r: r["start_year"]):
        before, mine = not r["after_article"], r["company"] == "Alibaba"
        text = f"{r['label']} {r['status'].split(',')[0]}, {r['start_year']}" if r["status"] else None
        text = text or f"{r['label']} {r['start_year']}"
        stem, width = to_px(r["start_year"] + 0.5), CHAR * len(text) + 6
        # a label that would run into the "after the article" band ends at its stem instead
        flip = mine and stem + width > to_px(kit.ARTICLE_YEAR + 1)
        if before:  # a flag: Alibaba's up from the line, left-aligned; other firms' down, right-aligned
            side, span = (
                (-1, (stem - width, stem) if flip else (stem, stem + width)) if mine else (1, (stem - width, stem))
            )
            lane = next(
                k for k in (1, 2, 3) if all(t[:2] != (side, k) or t[3] < span[0] or t[2] > span[1] for t in taken)
            )
            taken.append((side, lane, *span))
            y2 = AXIS + side * (lane * LANE + 2)
        else:  # after the article: a dot on the line, and a line of the list inside the shaded band
            side, lane = 1, sum(1 for f in flags if f["after_article"]) + 1
            y2 = AXIS + lane * LANE + 2
        flags.append(
            r
            | {
                "x": r["start_year"] + 0.5,
                "y": AXIS,
                "y2": y2,
                "text": text,
                "mine": mine,
                "flip": flip,
                "dash": era_parts.LOOKS[r["look"]][1],
            }
        )
    height = AXIS + 3 * LANE + 26
    years = alt.Scale(domain=[first, last], nice=False, zero=False)
    x = alt.X("x:Q", scale=years, axis=None)
    px = alt.Scale(domain=[0, height], reverse=True, nice=False, zero=False)  # y in pixels, downwards
    y = alt.Y("y:Q", scale=px, axis=None)
    colour = era_parts.companies(flags)
    data = alt.Chart(alt.Data(values=flags))
    dots = [
        data.transform_filter(f"datum.look == '{look}'")
        .mark_point(shape="circle", size=80, filled=fill > 0, strokeWidth=2, opacity=1, fillOpacity=0.4 + fill * 0.6)
        .encode(x=x, y=y, color=colour, opacity=era_parts.DIM, tooltip=era_parts.TIP)
        for look, (fill, _) in era_parts.LOOKS.items()
    ]
    stems = (
        data.transform_filter("!datum.after_article")
        .mark_rule(strokeWidth=1.5)
        .encode(
            x=x,
            y=y,
            y2="y2:Q",
            color=colour,
            opacity=era_parts.DIM,
            strokeDash=alt.StrokeDash("dash:N", scale=None, legend=None),
        )
    )
    kinds = {  # which labels, how they are anchored and which side of their y they sit
        "!datum.after_article && datum.mine && !datum.flip": ("left", "bottom", 3),
        "!datum.after_article && datum.mine && datum.flip": ("right", "bottom", -3),
        "!datum.after_article && !datum.mine": ("right", "top", -3),
        "datum.after_article": ("left", "bottom", 0),
    }
    labels = [
        data.transform_filter(where)
        .mark_text(align=align, baseline=base, dx=dx, fontSize=11, cursor="pointer")
        .encode(
            x=x if dx else alt.X("band:Q", scale=years, axis=None),
            y=alt.Y("y2:Q", scale=px, axis=None),
            text="text:N",
            opacity=era_parts.DIM,
            tooltip=era_parts.TIP,
        )
        .transform_calculate(band=f"{kit.ARTICLE_YEAR + 1} + 0.2")
        for where, (align, base, dx) in kinds.items()
    ]
    foot = [{"era": None, "text": "Tap or click an era for its flagship."}]
    foot += [{"era": f["era"], "text": f"{f['label']}: {re.sub(r' [(].*?[)]', '', f['flagship'])}"} for f in flags]
    shown = {"or": [{"and": ["datum.era === null", {"param": "era_pick"}]}, {"param": "era_pick", "empty": False}]}
    line = alt.Chart(alt.Data(values=[{"x": first + 0.5, "x2": last, "y": AXIS}]))
    return kit.finish(
        alt.layer(
            *(layer.encode(x=x) for layer in kit.after_article("x", "Q", kit.ARTICLE_YEAR + 1, last)),
            line.mark_rule(color=kit.ink("domain"), strokeWidth=1.5).encode(x=x, x2="x2:Q", y=y),
            stems,
            dots[0].add_params(era_parts.pick(), era_parts.highlight()),
            *dots[1:],
            *labels,
            alt.Chart(alt.Data(values=foot))
            .transform_filter(shown)
            .mark_text(align="left", baseline="bottom", fontSize=11, fontStyle="italic", color=kit.ink("muted"))
            .encode(x=alt.value(0), y=alt.value(height), text="text:N"),
        ),
        finding=_finding(eras),
        subtitle="Launch year of each model's flagship; Alibaba's above the line, other firms' below."
        " Dated by the press and reference works",
        description=_description(flags),
        height=height,
    )


def _finding(eras: Dataset) -> str:
    before = [r for r in eras.rows if not r["after_article"] and r["era"] not in era_parts.IDEAS]
    own = [r["start_year"] for r in before if r["company"] == "Alibaba"]
    return f"Alibaba launched each new model itself from {min(own)} to {max(own)}; the next one's ground went to WeChat"


def _description(flags: list[dict]) -> str:
    def listed(rows):
        return "; ".join(f"{f['text']} ({f['company']})" for f in rows)

    before = [f for f in flags if not f["after_article"]]
    return (
        f"Strip of {len(flags)} e-commerce model eras in China by the year each flagship launched. "
        f"Alibaba's, above the line: {listed(f for f in before if f['mine'])}. "
        f"Other firms', below: {listed(f for f in before if not f['mine'])}. "
        f"After the article (c. {kit.ARTICLE_YEAR}), shaded: {listed(f for f in flags if f['after_article'])}."
    )
