"""Chart `wechat_users`: WeChat/Weixin monthly active users at reported quarter ends, 2013–2024, against the count at
the time of the article; a slider steps through the later years."""

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

W = kit.words(
    en={
        "ref": "{quarter} ({value})",
        "line1": "{quarter}: {value}",
        "line1_none": "{year}: no figure reported",
        "line2": "{ratio:.1f} times {ref}",
        "slider": "Year after the article ",
        "x_format": "%b %Y",
        "x_format_narrow": "%b ’%y",
        "y_title": "Million accounts",
        "tip_what": "WeChat monthly active users",
        "at_article": "{ref}, at the article",
        "finding": "After the article WeChat's monthly users grew {ratio:.1f}-fold by {year}",
        "subtitle": "Monthly active accounts of WeChat and Weixin combined, million, at the quarter and year ends"
        " Tencent reported; dashed: {ref}",
        "note": " ({note})",
        "description": "Point and line chart of the combined monthly active users of WeChat and Weixin, as Tencent"
        " reported them, from {first} to {last}{note}. The last figure of {article_year}, {ref}, is drawn as a dashed"
        " line; the later years are shaded as after the article, and by {last_year} the count was {ratio:.1f} times"
        " that figure. Lines join only reports at most a year apart. A slider picks a later year and states its"
        " figure as a multiple of the article-time count.",
    },
    zh={
        "ref": "{quarter}（{value}）",
        "line1": "{quarter}：{value}",
        "line1_none": "{year}：没有公布的数字",
        "line2": "是{quarter}的{ratio:.1f}倍",  # the value is on the dashed line's label
        "slider": "文章之后的年份 ",
        "x_format": "%Y年末",  # the ticks sit at year ends
        "x_format_narrow": "%Y年末",
        "y_title": "月活跃账户数",
        "tip_what": "微信月活跃用户",
        "at_article": "文章写作时：{ref}",
        "finding": "文章之后，微信月活跃用户到{year}增至{ratio:.1f}倍",
        "subtitle": "微信月活跃账户数（含海外版），腾讯季末、年末公布；虚线：{ref}",
        "note": "，{note}",
        "description": "点线图：腾讯公布的微信（含海外版）合计月活跃用户，从{first}到{last}{note}。"
        "{article_year}的最后一个数字{ref}画成虚线；此后各年以阴影标为文章之后，到{last_year}用户数是这个数字的"
        "{ratio:.1f}倍。只有相隔不超过一年的报告才用线连接。滑块可选文章之后的某一年，显示该年的数字是文章时期的"
        "多少倍。",
    },
)
# in Chinese the axis reads in 亿 (millions / 100)


def _unit(unit: str) -> str:
    """The count's unit for formats.number: Chinese has no words for 'million accounts' yet, so it counts millions."""
    return "million" if kit.lang() == "zh" and unit not in formats.ZH_UNITS else unit


def build(wechat_users: Dataset) -> alt.LayerChart:
    ds = wechat_users
    unit = _unit(ds.meta.columns["mau_m"].unit)
    rows = [
        {
            "period_end": r["period_end"],
            "year": int(r["period_end"][:4]),
            "mau": r["mau_m"],
            "label": kit.value_text(r["mau_m"], unit, kit.quarter(r["period_end"])),
            "note": kit.label(ds, "note", r["note"]) or "",  # for the description (the drawer's table has it too)
        }
        | kit.data_tip(W("tip_what"), kit.value_text(r["mau_m"], unit, kit.quarter(r["period_end"])), ds.origin(r))
        for r in sorted(ds.rows, key=lambda r: r["period_end"])
    ]
    kit.segments(rows, key=lambda r: kit.day(r["period_end"]), max_gap=366)  # reports over a year apart stay unjoined
    ref = max((r for r in rows if r["year"] == kit.ARTICLE_YEAR), key=lambda r: r["period_end"])
    ref_text = W("ref", quarter=kit.quarter(ref["period_end"]), value=formats.number(ref["mau"], "million"))
    first_year, last = rows[0]["year"], rows[-1]
    # for each later year, its last reported figure as a multiple of the article's; a year with none says so
    picks = []
    for year in range(kit.ARTICLE_YEAR + 1, last["year"] + 1):
        shown = [r for r in rows if r["year"] == year]
        at = shown[-1] if shown else None
        picks.append(
            {
                "year": year,
                "period_end": at["period_end"] if at else None,
                "mau": at["mau"] if at else None,
                "line1": W("line1", quarter=kit.quarter(at["period_end"]), value=formats.number(at["mau"], "million"))
                if at
                else W("line1_none", year=kit.year(year)),
                "line2": W("line2", ratio=at["mau"] / ref["mau"], ref=ref_text, quarter=kit.quarter(ref["period_end"]))
                if at
                else "",
            }
        )
    pick = alt.param(
        name="pick_year",
        value=last["year"],
        bind=alt.binding_range(min=picks[0]["year"], max=last["year"], step=1, name=W("slider")),
    )

    end = f"{last['year'] + 1}-04-01"  # room right of the last year-end figure
    green, ink, muted = theme.color("Tencent"), kit.ink("text"), kit.ink("muted")
    x = alt.X(
        "period_end:T",
        title=None,
        scale=alt.Scale(domain=[f"{first_year}-01-01", end]),
        axis=alt.Axis(  # ticks at year ends, where most figures fall
            format=W("x_format_narrow") if kit.narrow() else W("x_format"),
            values=[
                alt.DateTime(year=y, month=12, date=31)
                for y in range(first_year, last["year"] + 1, 3 if kit.narrow() else 2)
            ],
        ),
    )
    y = alt.Y(
        "mau:Q",
        title=W("y_title"),
        scale=alt.Scale(domain=[0, max(r["mau"] for r in rows) * 1.08]),  # room for the ring around the last figure
        axis=alt.Axis(tickCount=4 if kit.narrow() else 7, **kit.millions_axis()),
    )
    tips = kit.data_tooltip()
    data = alt.Chart(alt.Data(values=rows))
    chosen = alt.Chart(alt.Data(values=picks)).transform_filter("datum.year == pick_year")
    reference = alt.Chart(alt.Data(values=[ref | {"tag": W("at_article", ref=ref_text)}]))
    layers = [
        *kit.after_article("period_end", "T", f"{kit.ARTICLE_YEAR + 1}-01-01", end),
        reference.mark_rule(color=muted, strokeDash=[4, 3]).encode(y=y),
        kit.label_marks(
            reference,
            alt.XDatum(alt.DateTime(year=last["year"] + 1, month=4)),
            y,
            align="right",
            dx=-4,
            dy=-8,
            color=muted,
        ),
        data.mark_line(color=green).encode(x=x, y=y, detail=alt.Detail("segment:N")),
        data.mark_point(color=green, filled=True, size=60, opacity=1).encode(x=x, y=y, **tips),
        chosen.transform_filter("isValid(datum.mau)")
        .mark_point(color=ink, size=260, strokeWidth=2, opacity=1, filled=False)
        .encode(x=x, y=y),
        *(
            chosen.mark_text(
                align="left", baseline="top", dx=6, dy=dy, fontSize=kit.TEXT_MIN, fontWeight=weight, color=ink
            ).encode(
                x=alt.XDatum(alt.DateTime(year=kit.ARTICLE_YEAR + 1)), y=alt.YValue(18), text=alt.Text(f"{field}:N")
            )
            for field, dy, weight in (("line1", 0, 600), ("line2", 16, 400))
        ),
    ]
    first, ratio = rows[0], last["mau"] / ref["mau"]
    return kit.finish(
        alt.layer(*layers).add_params(pick),
        finding=W("finding", ratio=ratio, year=kit.year(last["year"])),
        subtitle=W("subtitle", ref=ref_text),
        description=W(
            "description",
            first=first["label"],
            last=last["label"],
            note=W("note", note=last["note"]) if last["note"] else "",
            article_year=kit.year(kit.ARTICLE_YEAR),
            ref=ref["label"],
            last_year=kit.year(last["year"]),
            ratio=ratio,
        ),
        height=300,
    )
