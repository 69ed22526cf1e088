"""Shared chart parts: every chart module builds its chart from these, so each rule lives once.

A chart module is `build(<datasets>) -> chart` and follows one skeleton:

    WORDS = kit.words(en={...}, zh={...})          # 0. every word readers see, per language, same keys

    rows = [...]                                   # 1. reader-ready rows from the loaded data
    x, y = kit.time_x(...), alt.Y(...)             # 2. encodings
    layers = [*kit.after_article(...), marks...]   # 3. marks, the article's date and what came after
    return kit.finish(alt.layer(*layers), finding=..., subtitle=..., description=...)

- the layout: `width()` is the drawing width of the layout being built (the pipeline builds every chart
  twice, wide and narrow, and the page picks one by CSS media query), `narrow()` says which;
- the language: every chart is built once per edition (`lang()` is 'en' or 'zh'); `words()` holds a
  module's words in both, and numbers, dates and periods (`value_text`, `date`, `year`, `quarter`)
  follow the language's conventions (191亿元, 2013年11月);
- titles: `finish()` wraps the finding (title) and the measure (subtitle) to the width;
- the three voices: `after_article()` marks when the article was written (c. 2013) and shades what
  came after it on any time axis;
- tooltips in words (`tip`), line segments that never bridge a gap (`segments`), periods (`quarter`),
  the first of several reports (`first_reports`), direct labels (`label_marks`) and colours (`ink`).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import re
import textwrap
from collections.abc import Iterable, Iterator

import altair as alt

from build_charts import formats, limits, theme
from build_charts import words as _words
from build_charts.data import Origin, tip_width
from build_charts.words import date, year  # noqa: F401  (chart modules use kit.date, kit.lang, kit.year)
from build_charts.words import language as lang

# px: the desktop drawing, and the phone drawing: as wide as the narrowest column it is shown in on a 375 px phone
# (the chapter column is 343; 327 leaves room for a figure set in a box), so its text is never drawn smaller
# than theme.TEXT_MIN there
WIDE, NARROW = theme.WIDTH, 327
TEXT_MIN = theme.TEXT_MIN  # the smallest chart text (defined in theme.py), for chart modules
ARTICLE_YEAR = 2013  # the article is dated only "about 2013"
_layout: contextvars.ContextVar[int] = contextvars.ContextVar("layout_width", default=WIDE)
KIT = _words.Words(
    "build_charts/kit.py",
    en={
        "after": f"After the article (c. {ARTICLE_YEAR}) →",
        "after_short": f"After c. {ARTICLE_YEAR} →",
        "quarter": "Q{q} {y}",
        "tip_by": "Source",
        "tip_colon": ": ",  # a keyed tooltip line, as charts-live.js writes it (it reads this via editions.py)
        "tip_sep": "; ",  # a tooltip's lines read as one sentence (likewise)
        "schematic": "Schematic",
        "not_data": "not data",
    },
    zh={
        "after": f"文章之后（约{ARTICLE_YEAR}年）→",
        "after_short": f"约{ARTICLE_YEAR}年后 →",
        "quarter": "{y}年第{q}季度",
        "tip_by": "来源",
        "tip_colon": "：",
        "tip_sep": "；",
        "schematic": "示意图",
        "not_data": "不是数据",
    },
)
AFTER_LABEL = KIT.tables["en"]["after"].rstrip(" →")  # the English band label (tests look for it)


def words(**tables: dict[str, str]) -> _words.Words:
    """A chart module's words in every language, with the same keys: `W = kit.words(en={...}, zh={...})`,
    then `W("finding", first=…)`. Missing keys in one language stop the build, naming the module."""
    import inspect

    caller = inspect.stack()[1].filename
    return _words.Words(caller, **tables)


@contextlib.contextmanager
def layout(drawing_width: int) -> Iterator[None]:
    """`with layout(NARROW):` builds the phone's drawing inside the block (the width before it comes back after)."""
    token = _layout.set(drawing_width)
    try:
        yield
    finally:
        _layout.reset(token)


def width() -> int:
    """The drawing width of the layout being built."""
    return _layout.get()


def narrow() -> bool:
    return width() < WIDE


def ink(token: str) -> str:
    """A theme colour by name ('text', 'muted', 'grid', 'domain', 'surface'), as drawn in the light scheme."""
    return theme.TOKENS[token][0]


def answer(reveal: str, guess: str, unit: str, text: str, description: str) -> dict:
    """What a guess-first chart keeps back until the reader has guessed, for `finish(answer=…)`: the name of its
    boolean param that draws the answer (`reveal`, false at first), of the param holding the reader's guess
    (`guess`, bound to a slider), the guess's unit in words ('%'), the answer as the chart formats it (`text`)
    and the full description, answer included. The chart's `description` then states no value of the answer.

    The build draws the chart a second time with `reveal` true: that drawing and the full description sit in
    the figure's drawer, which opens as "Show what happened" (build_charts/figure.py); charts-live.js asks for
    a guess (or "Just show me") before it sets `reveal` in the live view, and says the answer.
    """
    return {"reveal": reveal, "guess": guess, "unit": unit, "text": text, "description": description}


def finish(
    chart, finding: str, subtitle: str, description: str, height: int = 300, answer: dict | None = None, **props
):
    """The common tail of every chart: size for the layout, the finding as title, the measure as subtitle.

    The title says what the chart shows (a finding, not a topic); the subtitle says what is measured, in
    which unit, by whom. Both are wrapped to the drawing's width so that nothing is clipped on a phone.
    A guess-first chart passes `answer=kit.answer(…)`; it travels in the spec's `usermeta`.
    """
    if answer:
        props["usermeta"] = {"answer": answer}
    if lang() == "zh":  # a Chinese character is one em wide and a line may break between any two
        # the drawing's padding and bold Latin digits wider than half an em leave about 0.9 of the width
        title, sub = _balanced(finding, 0.9 * width() / 15), _balanced(subtitle, 0.9 * width() / 12)
    else:
        title = textwrap.wrap(finding, max(24, int(width() / 9.4)))  # 15 px bold type, wide letters allowed for
        sub = textwrap.wrap(subtitle, max(30, int(width() / 7.0)))  # 12 px type
    return chart.properties(
        width=width(),
        height=height,
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        title=alt.Title(title, subtitle=sub),
        description=description,
        **props,
    )


# Chinese punctuation never starts a line, nor does the unit of a date or a count (2013年11月 stays whole)
NO_LINE_START = set("，。、；：？！）》」』”’％%年月日号亿万元倍")
NO_LINE_END = set("（《「『“‘")
# the story's names and its sources' producers are never cut in two at a line's end (阿里巴 / 巴 reads as a
# misprint); a name comes before any shorter one it starts with
WHOLE_NAMES = "阿里巴巴|淘宝商城|淘宝|天猫|支付宝|易趣|腾讯|微信|拼多多|京东|双十一|马云|马化腾|曾鸣"
WHOLE_NAMES += "|艾瑞咨询|易观国际|国家统计局|商务部|中国电子商务研究中心|中国互联网络信息中心"
TOKEN = re.compile(WHOLE_NAMES + r"|[A-Za-z0-9.,%+\-–/]+|\s+|.")
BREAK = "\u200b"  # a zero-width space: where an author allows a Chinese title line to break


def _wrap_cjk(text: str, ems: float) -> list[str]:
    """Lines of at most `ems` em (a CJK character 1, a Latin letter or digit about 0.55), never breaking a Latin
    word, number or name, never starting a line with closing punctuation; only at BREAK marks where the text has
    them."""
    # a Chinese text may carry the author's break points (BREAK, between words): then a line breaks only there,
    # so no word is cut in two (每一种新 / 模式)
    tokens = [t for t in text.split(BREAK) if t] if BREAK in text else TOKEN.findall(text)
    lines, line, used = [], "", 0.0
    for tok in tokens:
        size = tip_width(tok, "zh")  # a CJK character 1 em, a Latin one about 0.55
        opening = line[-1:] in NO_LINE_END  # an opening bracket or quote stays with what follows it
        if line and used + size > ems and not tok.isspace() and tok[0] not in NO_LINE_START and not opening:
            lines.append(line.rstrip())
            line, used = "", 0.0
        if not line and tok.isspace():
            continue
        line, used = line + tok, used + size
    return [*lines, line.rstrip()] if line.strip() else lines


def wrap(text: str, chars: int) -> list[str]:
    """Lines of at most `chars` Latin characters' width (labels inside a chart); Chinese breaks between
    characters, where a Latin character is about half a Chinese one."""
    return _wrap_cjk(text, chars * 0.55) if lang() == "zh" else textwrap.wrap(text, chars)


def label(ds, column: str, value) -> str:
    """A coded value of a dataset's column in readers' words, in the language being built (the metadata's
    `value_labels`; the value itself where it has none)."""
    labels = ds.meta.columns[column].value_labels or {}
    return labels.get(value, value) if isinstance(value, str) else value


def _balanced(text: str, ems: float) -> list[str]:
    """As few lines as `_wrap_cjk` makes, but as even as they can be (no lone character on the last line of
    a title or subtitle): the narrowest measure that still needs no more lines."""
    lines = _wrap_cjk(text, ems)
    narrowest = ems
    while narrowest > ems / 2 and len(_wrap_cjk(text, narrowest - 0.5)) == len(lines):
        narrowest -= 0.5
    return _wrap_cjk(text, narrowest)


def after_article(x_field: str, x_type: str, start, end) -> list:
    """The article's date as a dashed rule and everything after it as a shaded band, labelled with the date.

    `start` is where 'after' begins and `end` where the axis ends: dates on a temporal axis (for example
    '2014-01-01'), numbers on a quantitative one (2013.5 on a year axis), the first and last categories
    after the article on an ordinal one (the band then runs from the first one's edge to the last one's).
    Returns layers to put *under* the data marks.
    """
    label = KIT("after_short") if narrow() else KIT("after")  # a phone's band can be short
    band = alt.Data(values=[{x_field: start, "x2": end, "after": label}])
    ordinal = x_type == "O"
    # an ordinal axis's label direction is set by the first layer that draws it, which is this one: level
    # labels, as every year axis here has (left alone, Vega-Lite turns them and right-aligns them)
    x = alt.X(
        f"{x_field}:{x_type}", title=None, **({"bandPosition": 0, "axis": alt.Axis(labelAngle=0)} if ordinal else {})
    )
    x2 = alt.X2("x2", title=None, **({"bandPosition": 1} if ordinal else {}))
    base = alt.Chart(band)
    text = {"baseline": "top", "dy": 2, "fontSize": theme.TEXT_MIN, "color": ink("muted"), "fontStyle": "italic"}
    return [
        # the shade and its rule say nothing to a screen reader ('x: 2014; x2: 2025'): the label says it
        base.mark_rect(color=ink("grid"), opacity=0.35, aria=False).encode(x=x, x2=x2),
        base.mark_rule(color=ink("muted"), strokeDash=[4, 3], aria=False).encode(x=x),
        # one label, right of the rule: a label left of it would leave the drawing where the axis starts late
        base.mark_text(align="left", dx=4, **text).encode(x=x, y=alt.YValue(0), text=alt.Text("after:N")),
    ]


def tip(*fields: tuple[str, str]) -> list[alt.Tooltip]:
    """Tooltip lines in readers' words: (field, title) pairs; a field holding a formatted value is text.
    A field titled 'title' or 'label' is shown without its title (charts-live.js): the headline, the value."""
    return [alt.Tooltip(f"{field}:N", title=title) for field, title in fields]


TIP_WIDTH = limits.TIP_WIDTH  # a tooltip line's most characters (en) or em (zh), for a 375 px phone


def _short(*lines: str) -> None:
    for line in lines:
        if tip_width(line, lang()) > TIP_WIDTH[lang()]:
            raise ValueError(f"tooltip line too long for a phone (at most {TIP_WIDTH[lang()]}): {line!r}")


def data_tip(what: str, value: str, origin: Origin) -> dict:
    """A data mark's tooltip, as fields of its row: what the mark is ('Tmall'), its value with unit and period
    ('46.8%, Q3 2012', from `value_text`) and who measured it in a few words (the origin's `measurer`, from the
    metadata). Methods and caveats belong in the figure's drawer (description, notes, table), never here."""
    by = origin.measurer
    if tip_width(by, lang()) > limits.MEASURER_WIDTH[lang()]:
        raise ValueError(f"the origin's producer {by!r} is too long for a tooltip: give it a `measured_by`")
    source = f"{KIT('tip_by')}{KIT('tip_colon')}{by}"
    _short(what, value, source)
    return {"tip_what": what, "tip_value": value, "tip_by": by, "tip_said": _said(what, value, source)}


def _said(*lines: str) -> str:
    """A tooltip's lines as one sentence: the mark's name for a screen reader (its aria-label)."""
    return KIT("tip_sep").join(lines)


def data_tooltip() -> dict:
    """The tooltip and description channels of marks whose rows carry `data_tip` fields (`.encode(**…)`): the
    tooltip's three lines (what, value, source), and the same in one sentence as the mark's aria-label (left to
    itself, Vega-Lite would read out every channel: 'x: 1999.5; y: 64; title: …')."""
    return {
        "tooltip": tip(("tip_what", "title"), ("tip_value", "label"), ("tip_by", KIT("tip_by"))),
        "description": alt.Description("tip_said:N"),
    }


def schematic_tip(step: str) -> dict:
    """A schematic box's tooltip, as fields of its row: its step and that the drawing is not data. What happens at
    each step, and what the drawing rests on, are the figure's description (in its drawer)."""
    # the step is the box's own text, drawn in the chart (wrapped to its box): the tooltip repeats it as it is
    kind = f"{KIT('schematic')}{KIT('tip_colon')}{KIT('not_data')}"
    _short(kind)
    return {"tip_what": step, "tip_kind": KIT("not_data"), "tip_said": _said(step, kind)}


def schematic_tooltip() -> dict:
    """The tooltip and description channels of a schematic's boxes (rows with `schematic_tip` fields), as
    data_tooltip's."""
    return {
        "tooltip": tip(("tip_what", "title"), ("tip_kind", KIT("schematic"))),
        "description": alt.Description("tip_said:N"),
    }


# a count in millions, told in a Chinese unit: 100 million is 1亿, 1 million is 100万
PER_MILLION = {"亿": "/ 100", "万": "* 100"}


def millions_axis(unit: str = "亿") -> dict:
    """Axis properties for a count in millions: on the Chinese edition its tick labels count in `unit` (亿 or
    万; a bare 0 stays 0), on the English one nothing changes (the axis title says millions)."""
    if lang() != "zh":
        return {}
    return {"labelExpr": f"datum.value == 0 ? '0' : datum.value {PER_MILLION[unit]} + '{unit}'"}


def value_text(value, unit: str | None, period) -> str:
    """'RMB 19.1 bn, 2012': a value always says its unit and its period."""
    return formats.with_period(formats.number(value, unit), period)


def segments(rows: list[dict], key, series=lambda r: None, max_gap=1) -> None:
    """Number runs of consecutive rows of one series into `segment`, so a line never bridges a gap.

    `key(row)` orders the rows (a year, or a day count) and `max_gap` is the largest step a line may join.
    """
    segment, prev = 0, None
    for row in sorted(rows, key=lambda r: (str(series(r)), key(r))):
        if prev is None or series(prev) != series(row) or key(row) - key(prev) > max_gap:
            segment += 1
        row["segment"] = segment
        prev = row


def day(text: str) -> int:
    """Days since 1 Jan 1970 of an ISO date (for `segments` over dates)."""
    return (dt.date.fromisoformat(text) - dt.date(1970, 1, 1)).days


def quarter(end: str) -> str:
    """'Q3 2018' ('2018年第3季度') for a quarter ending on an ISO date."""
    d = dt.date.fromisoformat(end)
    return KIT("quarter", q=(d.month - 1) // 3 + 1, y=d.year)


def first_reports(rows: Iterable[dict], key) -> list[bool]:
    """For each row, whether it is the first report of its `key(row)` (the one drawn as the main mark)."""
    seen: set = set()
    out = []
    for r in rows:
        out.append(key(r) not in seen)
        seen.add(key(r))
    return out


def label_marks(base: alt.Chart, x, y, text: alt.Text | alt.TextValue | None = None, **mark) -> alt.Chart:
    """Direct labels next to marks (rather than a legend the reader has to match by colour); the text is the
    rows' `tag` unless given."""
    style = {"align": "left", "dx": 6, "fontSize": theme.TEXT_MIN, "color": ink("text")} | mark
    return base.mark_text(**style).encode(x=x, y=y, text=text or alt.Text("tag:N"))


def colour(names: list[str], companies: dict[str, str] | None = None) -> alt.Scale:
    """A colour scale that keeps each company in its fixed hue (`companies` maps a series to its company)."""
    companies = companies or {}
    return alt.Scale(domain=names, range=[theme.color(companies.get(n, n)) for n in names])


def legend_toggle(field: str, name: str = "series_toggle") -> alt.Parameter:
    """A selection bound to the legend: clicking an entry isolates it, shift-click adds more (charts-live.js
    adds keyboard buttons for it beside the chart)."""
    return alt.selection_point(name=name, fields=[field], bind="legend")


def shown(selection: alt.Parameter, dim: float = 0.15) -> alt.Opacity:
    """Opacity encoding: full for selected (or when nothing is selected), dimmed otherwise."""
    return alt.condition(selection, alt.value(1.0), alt.value(dim))
