"""The site's editions, defined once: each one's language, address, pages, and the words the templates,
the finish step and the scripts need.

One configuration per edition builds its pages (`config`: mkdocs.yml, mkdocs.zh.yml, as Zensical also
reads them); `tests/test_editions.py` checks that each configuration says what its `Edition` says.
Everything that makes pages takes an `Edition` as an argument, never a language from the air.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from build_charts.kit import KIT as CHART_WORDS  # the tooltip words the charts measure their lines with
from build_charts.pipeline import Links
from build_pages import markers


@dataclass(frozen=True)
class Edition:
    lang: str  # the charts' language: which drawings, numbers and dates the edition's figures carry
    hreflang: str  # what its <html lang> and hreflang links say
    prefix: str  # where it lives under the site root ('' or 'zh/')
    config: str  # the configuration that builds it
    docs_dir: str  # its pages
    sources_url: str  # the page holding [[sources]], relative to the edition's root
    locale: str  # Open Graph's og:locale
    # the templates' words (overrides/partials/mw.html has the English ones, a configuration's extra.words the
    # others: the test checks both against these)
    template_words: dict[str, str] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)  # the finish step's and the scripts' words

    @property
    def site_dir(self) -> str:
        return f"site/{self.prefix}".rstrip("/")

    def say(self, key: str, **values) -> str:
        text = self.words[key]
        return text.format(**values) if values else text


EN = Edition(
    lang="en",
    hreflang="en",
    prefix="",
    config="mkdocs.yml",
    docs_dir="docs",
    sources_url="10-sources/",
    locale="en_GB",
    template_words={
        "chapter": "Chapter {no}:",
        "chapter_of": "Chapter {no} of {total}",
        "next_chapter": " · Chapter {no} of {total}",
        "previous_chapter": " · Chapter {no}",
        "min_read": "{n} min read",
        "minutes": "about {n} minutes",
        "cite": "Cite this page",
        "cite_licence": "Text and charts are free to reuse under {licence}, with this citation.",
        "made_by": "Made by {author}.",
        "updated": "Last updated {date}.",
        "colophon_licence": "Text and charts {licence}; data from the sources named under each chart.",
        "not_found": "Page not found",
        "not_found_text": "There is no page at this address: it may have moved, or the link may be mistyped. The story"
        " starts on the {home}, or go straight to a chapter:",
        "home_page": "home page",
        "also": "Also on this site:",
        "chapters": "The chapters",
        "skip_chart": "Skip to the first chart",
        "label_sep": ": ",  # between a link's direction and its title, in an accessible name
    },
    words={
        "site_name": "The Model Wars",
        "date": "{d.day} {d:%B %Y}",
        "search": "Search",
        "background": "Background data",  # the Sources page's last section
        "background_text": "Datasets behind the text and the timelines rather than a chart of their own.",
        # charts-live.js
        "series": "Show series",
        "all": "All",
        "marked": "Chapters that tell this era, marked in the list below: {n}.",
        "none": "No chapter tells this era: it came after the article.",
        "nth": " ({i} of {n})",
        "states": "States of the drawing",  # the buttons of a chart drawn in states, one shown at a time
        "state_shown": "Shown: {state}",
        "list_sep": ", ",
        # a tooltip's keyed line (Source: …) and its lines joined for a screen reader: the charts' own words
        "tip_colon": CHART_WORDS.tables["en"]["tip_colon"],
        "tip_sep": CHART_WORDS.tables["en"]["tip_sep"],
        # charts.js: how to use a chart's view from the keyboard, read as the view's description
        "keys": "Interactive chart: the arrow keys step through its values, Home and End jump to the first and the"
        " last, Escape leaves.",
        "chart_role": "chart",  # what a screen reader calls a chart's view
        # charts.js: chapter 2's rounds (the choices themselves are the page's own words)
        "round_of": "Round {i} of {n}",
        "round_prev": "Previous round",
        "round_next": "Next round",
        "round_show": "Just show me",
        "round_move": "Your move: {move}",
        # the article's bets (build_pages/bets.py): the cards' words; bets.js says none of its own
        "bets_label": "The article's bets",
        "bet_mark": "What would you have bet in 2013?",
        "bet_yes": "Would happen",
        "bet_no": "Would not",
        "bet_verdict": "After the article: the verdict",
        "bet_stop": ". ",
        "bet_source": "Source: ",
        "bet_where": "Verdict in chapter {no}",
        "bet_chapter": "Weighed in chapter {no}",
        "bet_more": "Why, and the source",  # the scorecard's disclosure: the longer verdict
        "bet_claim": "The claim in full: ",
        # charts-live.js: a guess-first chart (its answer, "73% in Q1 2016", is the chart's own words)
        "guess_check": "Check my guess",
        "guess_show": "Just show me",
        "guess_said": "You guessed {guess}; it was {answer}.",
        "guess_shown": "It was {answer}.",
    },
)

ZH = Edition(
    lang="zh",
    hreflang="zh-Hans",
    prefix="zh/",
    config="mkdocs.zh.yml",
    docs_dir="docs-zh",
    sources_url="10-sources/",
    locale="zh_CN",
    template_words={
        "chapter": "第{no}章：",
        "chapter_of": "第{no}章，共{total}章",
        "next_chapter": " · 第{no}章，共{total}章",
        "previous_chapter": " · 第{no}章",
        "min_read": "阅读约{n}分钟",
        "minutes": "{n}分钟",  # the home page says 阅读约需…
        "cite": "引用本页",
        "cite_licence": "文字与图表按 {licence} 许可免费使用，请附上这条引用。",
        "made_by": "{author}制作。",
        "updated": "最近更新：{date}。",
        "colophon_licence": "文字与图表采用 {licence} 许可；数据来自各图表下注明的来源。",
        "not_found": "找不到这个页面",
        "not_found_text": "这个地址没有页面：它可能已经移走，也可能是链接写错了。"
        "故事从{home}开始，也可以直接进入某一章：",
        "home_page": "首页",
        "also": "本站还有：",
        "chapters": "各章",
        "skip_chart": "跳到第一张图表",
        "label_sep": "：",
    },
    words={
        "site_name": "模式之战",
        "date": "{d.year}年{d.month}月{d.day}日",
        "search": "搜索",
        "background": "背景数据",
        "background_text": "这些数据集支撑正文和时间线，没有单独的图表。",
        "series": "显示序列",
        "all": "全部",
        "marked": "讲到这个时期的章节（已在下方列表中标出）：第{n}章。",
        "none": "没有哪一章讲这个时期：它出现在文章之后。",
        "nth": "（第{i}个，共{n}个）",
        "states": "图的各个状态",
        "state_shown": "现在显示：{state}",
        "list_sep": "、",
        "tip_colon": CHART_WORDS.tables["zh"]["tip_colon"],
        "tip_sep": CHART_WORDS.tables["zh"]["tip_sep"],
        "keys": "交互式图表：用方向键逐个查看数值，Home 和 End 跳到第一个和最后一个，Esc 退出。",
        "chart_role": "图表",
        "round_of": "第{i}回合，共{n}回合",
        "round_prev": "上一回合",
        "round_next": "下一回合",
        "round_show": "直接看答案",
        "round_move": "你的选择：{move}",
        "bets_label": "文章押下的判断",
        "bet_mark": "如果在2013年，你会怎么押？",
        "bet_yes": "会发生",
        "bet_no": "不会",
        "bet_verdict": "文章之后：结论",
        "bet_stop": "。",
        "bet_source": "来源：",
        "bet_where": "结论见第{no}章",
        "bet_chapter": "第{no}章评判",
        "bet_more": "依据和来源",
        "bet_claim": "判断全文：",
        "guess_check": "核对我的猜测",
        "guess_show": "直接看答案",
        "guess_said": "你猜的是{guess}；实际上，{answer}。",
        "guess_shown": "实际上，{answer}。",
    },
)

EDITIONS: tuple[Edition, ...] = (EN, ZH)  # the first is the main edition, at the site's root
SCRIPT_WORDS = (
    "series",
    "all",
    "marked",
    "none",
    "nth",
    "states",
    "state_shown",
    "list_sep",
    "tip_colon",
    "tip_sep",
    "keys",
    "chart_role",
    "round_of",
    "round_prev",
    "round_next",
    "round_show",
    "round_move",
    "guess_check",
    "guess_show",
    "guess_said",
    "guess_shown",
)  # what charts(-live).js read


def edition(lang: str) -> Edition:
    """The edition of a charts language ('en', 'zh') or a language tag ('zh-Hans', 'zh-CN')."""
    for ed in EDITIONS:
        if lang.split("-")[0].lower() == ed.lang:
            return ed
    known = ", ".join(ed.lang for ed in EDITIONS)
    raise ValueError(f"unknown edition language {lang!r}; the site has {known}")


def counterpart(page: str, ed: Edition, other: Edition) -> str:
    """The same page in the `other` edition, relative to `page` (a path inside `ed`, e.g.
    '02-alibaba-beats-itself/index.html'): editions share file names, so only the prefix changes."""
    folder = page.removesuffix("index.html")
    up = "../" * (page.count("/") + ed.prefix.count("/"))
    return (up + other.prefix + folder) or "./"


def links() -> Links:
    """What the charts side writes into figures: its files under assets/charts/ of each edition, and each
    edition's Sources page, both from the page's root marker (finish resolves it per page)."""
    return Links(
        assets=markers.ROOT + "assets/charts/",
        sources=tuple(sorted((ed.lang, markers.ROOT + ed.sources_url) for ed in EDITIONS)),
    )
