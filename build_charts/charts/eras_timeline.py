"""Chart `eras_timeline`: the e-commerce model eras (B2B → C2C → B2C → C2B, WeChat and after) and their milestones."""

import altair as alt

from build_charts import eras as era_parts
from build_charts import kit
from build_charts.data import Dataset

ROW, BAR, LINE = 30, 12, 15  # px: one era's row, its bar, one line of the milestone list
MOMENTS = ("2003-05-10", "2006-12-20", "2008-04")  # the chapter's turns, listed while no era is picked
ACTIVE, IDLE, DIM = era_parts.ACTIVE, era_parts.IDLE, era_parts.DIM
W = kit.words(
    en={
        "hint": "Key moments. Tap or click an era for all its milestones.",
        "tag": "{label} · {company}, {year}{status}",
        "status": ": {status}",
        "line": "{date} · {event}{after}",
        "line_after": " (after the article)",
        "after": "after the article",
        "before": "before the article",
        "t_date": "Date",
        "t_event": "Event",
        "t_detail": "Detail",
        "t_company": "Company",
        "t_era": "Era",
        "t_timing": "Timing",
        "t_source": "Date reported by",
        "finding": "Alibaba built its own challengers in {years}, but {idea} stayed an idea while WeChat rose",
        "and": " and ",
        "year": "{year}",
        "subtitle": "Model eras of Chinese e-commerce, from the year each flagship launched (none has a sourced end);"
        " diamonds mark dated milestones. Dates as reported by company filings, the press and reference works",
        "ladder": "{label} in {year}",
        "ladder_sep": ", ",
        "sep": "; ",
        "idea_of": "{label} from {year} was an {status}",
        "other": "{label} ({company}) from {year}",
        "later": "{label} ({company}, {year})",
        "description": "Timeline of {n} e-commerce model eras in China, each drawn from the year its flagship"
        " launched, with {m} dated milestones from {first} to {last}. Alibaba moved up its own ladder:"
        " {ladder}; {ideas}. Meanwhile the mobile social position went elsewhere: {others}."
        " After the article (c. {article}) came {later}. No era has a sourced end year, so every bar runs to {end}.",
    },
    zh={
        "hint": "关键节点。点击某个时代，可列出它的全部节点。",
        "tag": "{label}（{company}，{year}年）{status}",
        "status": "：{status}",
        "line": "{date}：{event}{after}",
        "line_after": "（文章之后）",
        "after": "文章之后",
        "before": "文章之前",
        "t_date": "日期",
        "t_event": "事件",
        "t_detail": "详情",
        "t_company": "公司",
        "t_era": "时代",
        "t_timing": "时间",
        "t_source": "日期出处",
        "finding": "阿里巴巴在{years}亲手打造了挑战者，{idea}却只停留在设想，微信则趁势崛起",
        "and": "和",
        "year": "{year}年",
        "subtitle": "中国电商的各个模式时代，从各自旗舰产品上线的年份画起，均无有据可查的结束年份；"
        "菱形标出有确切日期的节点。日期依据公司文件、新闻报道和参考资料",
        "ladder": "{year}年的{label}",
        "ladder_sep": "、",
        "sep": "；",
        "idea_of": "{label}（{year}年起）{status}",
        "other": "{year}年起的{label}（{company}）",
        "later": "{label}（{company}，{year}年）",
        "description": "中国电商{n}个模式时代的时间线，每个时代从其旗舰产品上线的年份画起，"
        "并标出{first}年至{last}年间{m}个有确切日期的节点。阿里巴巴沿着自己的阶梯往上走：{ladder}；{ideas}。"
        "与此同时，移动社交的位置落到了别人手里：{others}。文章（约{article}年）之后出现的有{later}。"
        "没有一个时代有出处可查的结束年份，所以每一条都画到{end}年。",
    },
)


def _when(d: str) -> tuple[float, str]:
    """Position on the year axis and label of a date only as precise as its source ('2003', 'May 2003')."""
    y, *rest = (int(p) for p in d.split("-"))
    return (y + 0.5 if not rest else y + (rest[0] - 0.5) / 12), kit.date(d)


def build(eras: Dataset, milestones: Dataset) -> alt.LayerChart:
    bars = era_parts.rows(eras)
    for i, b in enumerate(bars):
        status = W("status", status=b["status"]) if b["status"] else ""
        b |= {"x": b["start_year"], "x2": (b["end_year"] or era_parts.OPEN_END) + 1, "ty": 33 + i * ROW}
        b |= {
            "y": b["ty"] + 4,
            "y2": b["ty"] + 4 + BAR,
            "tag": W("tag", label=b["label"], company=b["company"], year=b["start_year"], status=status),
        }
    row_of = {b["era"]: b for b in bars}
    bottom, chars = 26 + len(bars) * ROW, int((kit.width() - 16) / (6.2 if kit.lang() == "en" else 6.8))
    points, depth = [], {"moments": 0}
    for r in sorted(milestones.rows, key=lambda r: _when(r["date"])[0]):
        x, date = _when(r["date"])
        r = r | {col: kit.label(milestones, col, r[col]) for col in ("company", "event", "detail")}
        after = W("line_after") if r["after_article"] else ""
        wrapped = kit.wrap(W("line", date=date, event=r["event"], after=after), chars)
        at, moment, listed = depth.get(r["era"], 0), r["date"] in MOMENTS, depth["moments"]
        depth[r["era"]] = at + len(wrapped)
        depth["moments"] += len(wrapped) if moment else 0
        points.append(
            r
            | {"x": x, "y": row_of[r["era"]]["y"] + BAR / 2, "lines": wrapped, "date_text": date, "moment": moment}
            | {"list_y": bottom + 24 + at * LINE, "moment_y": bottom + 24 + listed * LINE}
            | {"era_label": row_of[r["era"]]["label"], "source": milestones.origin(r).producer}
            | {"timing": W("after") if r["after_article"] else W("before")}
        )
    height = bottom + 24 + max(depth.values()) * LINE

    ticks = [2000, 2010, 2020] if kit.narrow() else list(range(2000, 2021, 5))
    years = alt.Scale(domain=[1998, era_parts.OPEN_END + 1], nice=False, zero=False)
    in_years = {"labelExpr": "datum.value + '年'"} if kit.lang() == "zh" else {}  # 2000年
    axis = alt.Axis(orient="top", format="d", values=ticks, **in_years)
    x = alt.X("x:Q", title=None, scale=years, axis=axis)
    px = alt.Scale(domain=[0, height], reverse=True, nice=False, zero=False)  # y in pixels, downwards
    y = alt.Y("y:Q", scale=px, axis=None)
    on = lambda field: alt.Y(f"{field}:Q", scale=px, axis=None)  # noqa: E731
    colour = era_parts.companies([eras, milestones], bars, points)
    pt_tip = kit.tip(
        ("date_text", W("t_date")), ("event", W("t_event")), ("detail", W("t_detail")), ("company", W("t_company"))
    )
    pt_tip += kit.tip(("era_label", W("t_era")), ("timing", W("t_timing")), ("source", W("t_source")))
    era_data, pt_data = alt.Chart(alt.Data(values=bars)), alt.Chart(alt.Data(values=points))
    rects = [
        era_data.transform_filter(f"datum.look == '{look}'")
        .mark_rect(cornerRadius=2, cursor="pointer", strokeWidth=1.5, fillOpacity=fill, strokeDash=dash)
        .encode(
            x=x,
            x2=alt.X2("x2:Q"),
            y=y,
            y2=alt.Y2("y2:Q"),
            color=colour,
            stroke=colour,
            opacity=DIM,
            tooltip=era_parts.tip(),
        )
        for look, (fill, dash) in era_parts.LOOKS.items()
    ]
    notes = [{"x": 1998, "y": bottom + 6, "text": W("hint"), "align": "left"}]  # the article's label: after_article
    muted = {"baseline": "top", "fontSize": kit.TEXT_MIN, "fontStyle": "italic", "color": kit.ink("muted")}
    lists = [
        layer
        for shown, field in ((ACTIVE, "list_y"), ({"and": [IDLE, "datum.moment"]}, "moment_y"))
        for layer in (
            pt_data.transform_filter(shown)
            .mark_point(shape="diamond", filled=True, size=60)
            .encode(x=alt.XValue(5), y=on(field), yOffset=alt.YOffsetValue(LINE / 2), color=colour),
            pt_data.transform_filter(shown)
            .mark_text(align="left", baseline="top", lineHeight=LINE, fontSize=kit.TEXT_MIN)
            .encode(x=alt.XValue(16), y=on(field), text=alt.Text("lines:N"), tooltip=pt_tip),
        )
    ]
    layers = [
        alt.Chart(alt.Data(values=[{"x": v} for v in ticks])).mark_rule(color=kit.ink("grid")).encode(x=x),
        *kit.after_article("x", "Q", kit.ARTICLE_YEAR + 1, era_parts.OPEN_END + 1),
        *(
            alt.Chart(alt.Data(values=[n]))
            .transform_filter(IDLE if n["y"] > 2 else "true")
            .mark_text(align=n["align"], dx=-4 if n["y"] == 2 else 0, **muted)
            .encode(x=x, y=y, text=alt.Text("text:N"))
            for n in notes
        ),
        era_data.mark_text(
            align="left", baseline="alphabetic", fontWeight=600, fontSize=kit.TEXT_MIN, cursor="pointer"
        ).encode(x=alt.XValue(0), y=on("ty"), text=alt.Text("tag:N"), opacity=DIM, tooltip=era_parts.tip()),
        rects[0].add_params(era_parts.pick()),
        *rects[1:],
        pt_data.mark_point(shape="diamond", filled=True, size=80, stroke=kit.ink("surface"), strokeWidth=1).encode(
            x=x, y=y, color=colour, opacity=DIM, tooltip=pt_tip
        ),
        *lists,
    ]
    for i in (0, 1, 2):  # the grid, the article's band and its rule stop above the milestone list
        layers[i] = layers[i].encode(y=alt.YValue(0), y2=alt.Y2Value(bottom))
    return kit.finish(
        alt.layer(*layers).add_params(era_parts.highlight()).configure_axis(grid=False),
        finding=_finding(eras),
        subtitle=W("subtitle"),
        description=_description(eras, milestones),
        height=height,
    )


def _finding(eras: Dataset) -> str:
    before = [r for r in era_parts.rows(eras) if not r["after_article"]]
    alibaba = era_parts.own(eras)
    built = [r for r in before if r["era"] in alibaba and r["era"] not in era_parts.IDEAS][1:]  # after B2B
    idea = next(r for r in before if r["era"] in era_parts.IDEAS)
    years = W("and").join(W("year", year=r["start_year"]) for r in built)
    return W("finding", years=years, idea=idea["label"])


def _description(eras: Dataset, milestones: Dataset) -> str:
    """The chart's accessible text, its facts taken from the rows."""
    alibaba = era_parts.own(eras)
    every = era_parts.rows(eras)
    before = [r for r in every if not r["after_article"]]
    ladder = W("ladder_sep").join(
        W("ladder", label=r["label"], year=r["start_year"])
        for r in before
        if r["look"] == "era" and r["era"] in alibaba
    )
    ideas = W("sep").join(
        W("idea_of", label=r["label"], year=r["start_year"], status=r["status"]) for r in before if r["status"]
    )
    others = W("sep").join(
        W("other", label=r["label"], company=r["company"], year=r["start_year"])
        for r in before
        if r["era"] not in alibaba
    )
    after = sorted((r for r in every if r["after_article"]), key=lambda r: r["start_year"])
    later = W("ladder_sep").join(
        W("later", label=r["label"], company=r["company"], year=r["start_year"]) for r in after
    )
    dates = sorted(r["date"] for r in milestones.rows)
    return W(
        "description",
        n=len(eras.rows),
        m=len(milestones.rows),
        first=dates[0][:4],
        last=dates[-1][:4],
        ladder=ladder,
        ideas=ideas,
        others=others,
        article=kit.ARTICLE_YEAR,
        later=later,
        end=era_parts.OPEN_END,
    )
