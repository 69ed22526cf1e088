"""The charts' languages, and the chart pipeline's own words in each (figures, captions, the sources lists).

Every chart and every figure is built once per language from the same data. `language()` says which
one is being built (the renderer sets it, like the layout width); chart modules keep their own words
in a table per language (`kit.words`), and the words every figure shares live here, in `UI`.
A table that lacks a key in one language fails the build, naming the key: the two editions never
drift apart silently.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import re
from collections.abc import Iterator

LANGUAGES = ("en", "zh")  # the first is the main one
_language: contextvars.ContextVar[str] = contextvars.ContextVar("language", default=LANGUAGES[0])


def language() -> str:
    """The language being built ('en' or 'zh')."""
    return _language.get()


@contextlib.contextmanager
def use(lang: str) -> Iterator[None]:
    """`with use("zh"):` builds in Chinese inside the block (the language before it comes back after)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; the site has {', '.join(LANGUAGES)}")
    token = _language.set(lang)
    try:
        yield
    finally:
        _language.reset(token)


# The Latin-script words a Chinese reader may meet on the Chinese edition (pages, charts, labels): terms and names
# that Chinese business media themselves write in Latin letters. One list, for the charts' and the pages' checks
# alike (here because build_pages imports build_charts, never the reverse). A name with an accepted Chinese
# form is written in Chinese instead (微信, not WeChat; 艾瑞咨询, not iResearch; 京东, not JD.com). Web
# addresses are names too, written as they are; a source's title keeps its own language (marked `lang`).
LATIN_ZH = frozenset(
    {
        # the models the article names: Chinese media write them in Latin letters
        *("B2B", "C2C", "B2C", "C2B", "O2O"),
        *("MAU", "FY", "FY2016"),  # monthly active users and fiscal years, as Chinese financial reports write them
        "GMV",  # gross merchandise volume: Alibaba's own Chinese releases write GMV
        "App",  # a phone app: 手机App, as Chinese media write it
        "QQ",  # Tencent's messenger, named so in Chinese
        "eBay",  # no Chinese name of its own; its China site was eBay易趣
        "TOM",  # TOM在线 (TOM Online), as it was listed and reported
        "360buy",  # 京东's name until 2013 (360buy京东商城), as the sources of the time write it
        "iPhone",  # Apple's product names stay in Latin letters in Chinese
        "CNNIC",  # 中国互联网络信息中心 writes its own acronym in its Chinese releases
        "GSMA",  # the mobile operators' association, named so in Chinese
        "CNBC",
        "F-1",  # the SEC's forms, as Chinese reports on the listings name them (F-1招股书, 6-K)
        "F-1/A",
        "6-K",
        "20-F",
        "PDD",  # Pinduoduo's ticker
        "WAP",  # the mobile web protocol, as Chinese media name it
        # file formats and the licence, which have no Chinese names (Creative Commons' Chinese deeds write CC BY)
        *("CSV", "JSON", "SVG", "PNG", "PDF", "BibTeX", "CC", "BY"),
        # outlets and sites cited as sources that have no Chinese name: Chinese media write them as they are
        *("ZDNet", "TechNode", "Quartz", "AppleInsider", "MacRumors", "GlobeNewswire", "MarketScreener", "Benzinga"),
        *("FinancialContent", "FashionUnited", "Opportimes", "IGD", "WWD", "ECzine", "Abacus", "Beartai", "iClick"),
        *("PYMNTS", "FollowCN", "Chinlingo", "daydaynews", "BIIA", "CNN", "KTSF", "CGTN", "ISPO", "DCCI", "Alizila"),
        "MediaPost",
        *("SciTePress", "ChinaTechNews", "Digitimes", "Marketing-Interactive", "dpa-AFX", "TechZone360", "activeboard"),
        "IT",  # in the name of the magazine 《IT经理世界》, as it is published
        *("Ou", "Davison"),  # authors' family names, which Chinese citations of foreign papers keep in Latin letters
        *("SEC", "EDGAR", "ADS"),  # the SEC, its filing system and American depositary shares, so named in Chinese
        *("MkDocs", "Altair"),  # the software the site is built with (the About page)
    }
)
WEB_ADDRESS = re.compile(r"https?://\S+|(?:[\w-]+\.)+(?:com|net|org|gov|cn|de|cc|today|info|kz)(?:/[\w./%-]*)?")
LATIN_WORD = re.compile(
    r"(?:[A-Za-z0-9]+[-/])*[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*"
)  # 360buy, F-1/A, dpa-AFX


def latin_words(text: str) -> set[str]:
    """The Latin-script words in `text` that are not on the Chinese edition's list (LATIN_ZH), web addresses
    left aside."""
    return set(LATIN_WORD.findall(WEB_ADDRESS.sub(" ", text))) - LATIN_ZH


class Words:
    """One table of words per language, with the same keys: `w("key", n=3)` formats the current language's."""

    def __init__(self, where: str, **tables: dict[str, str]):
        missing = [lang for lang in LANGUAGES if lang not in tables]
        if missing:
            raise KeyError(f"{where}: no words for {', '.join(missing)}")
        keys = set(tables[LANGUAGES[0]])
        for lang in LANGUAGES[1:]:
            if set(tables[lang]) != keys:
                odd = sorted(keys ^ set(tables[lang]))
                raise KeyError(f"{where}: the {lang!r} words and the {LANGUAGES[0]!r} ones differ in {', '.join(odd)}")
        self.where, self.tables = where, tables

    def __call__(self, key: str, **values) -> str:
        text = self.tables[language()][key]
        return text.format(**values) if values else text


UI = Words(
    "build_charts/words.py UI",
    en={
        "schematic": "<strong>Schematic, not data</strong>: an illustration of the argument",
        "source": "Source",
        "sources": "Sources",
        "accessed": "Accessed {dates}.",
        "accessed_one": "Accessed {date}.",
        "and_more": "; and {n} more",
        "all_listed": "All {n} documents are listed with titles, links and access dates {where}.",
        "on_sources_page": "on the Sources page",
        "under": "on the Sources page, under {names} and {last}",
        "more_sources": " and {n} more",
        "drawer": "Details, data, downloads",
        "answer": "Show what happened",  # a guess-first chart's drawer: it holds the answer
        "download": "Download:",
        "link_chart": "Link to this chart",
        "reuse": "<strong>Reuse this chart:</strong> free under {licence}; credit “The Model Wars” and link to this"
        " chart. The figures stay the work of the sources named above.",
        "secondary": " [secondary copy]",
        "yes": "yes",
        "no": "no",
        "no_data": "no data",
        "list_sep": "; ",
        "period": "{value}, {period}",
        "records": "{n} records",
        "source_count": "{n} source",
        "source_counts": "{n} sources",
        "kinds_and": " and ",
        "primary": "primary",
        "secondary_kind": "secondary",
        "h_sources": "Sources",
        "h_notes": "Notes",
        "summary": "The charts on this site draw on <strong>{datasets} datasets</strong> ({rows} records) built from"
        " <strong>{docs} documents</strong>: {primary} primary (company filings and results, official statistics,"
        " research firms' own releases) and {secondary} secondary (press reports and later restatements of a"
        " primary figure). Every record names the document it comes from. Where documents disagree, each figure"
        " is kept as its own record and drawn as its own mark; nothing is averaged, smoothed or filled in, and a"
        " gap in a series is a missing record.",
        "card_name": "The Model Wars",
    },
    zh={
        "schematic": "<strong>示意图，不是数据</strong>：用来说明文章的论点",
        "source": "来源",
        "sources": "来源",
        "accessed": "查阅于{dates}。",
        "accessed_one": "查阅于{date}。",
        "and_more": "，另有{n}家",
        "all_listed": "全部{n}份文献的标题、链接和查阅日期列在{where}。",
        "on_sources_page": "“来源”页",
        "under": "“来源”页的 {names} 和 {last} 条目下",
        "more_sources": "等{total}家",
        "drawer": "说明、数据与下载",
        "answer": "显示实际结果",
        "download": "下载：",
        "link_chart": "本图链接",
        "reuse": "<strong>转载本图：</strong>按 {licence} 许可免费使用；请注明“模式之战”并链接到本图。"
        "图中数字的著作权仍属于上面列出的来源。",
        "secondary": "［二手转述］",
        "yes": "是",
        "no": "否",
        "no_data": "无数据",
        "list_sep": "；",
        "period": "{value}（{period}）",
        "records": "{n}条记录",
        "source_count": "{n}个来源",
        "source_counts": "{n}个来源",
        "kinds_and": "和",
        "primary": "一手",
        "secondary_kind": "二手",
        "h_sources": "来源",
        "h_notes": "说明",
        "summary": "本站图表依据<strong>{datasets}个数据集</strong>（共{rows}条记录），"
        "出自<strong>{docs}份文献</strong>：其中{primary}份为一手资料（公司招股书与业绩公告、官方统计、研究机构自己发布的报告），{secondary}份为二手资料"
        "（新闻报道，以及日后对一手数字的重述）。每条记录都注明出处。文献之间有出入时，每个数字各自成为一条记录、"
        "各画一个标记；不做平均、平滑或补齐，序列中的空缺就是缺少的记录。",
        "card_name": "模式之战",
    },
)


MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def date(iso: str, with_day: bool = True) -> str:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) for readers: '30 Nov 2012' / '2012年11月30日'."""
    parts = [int(p) for p in str(iso).split("-")]
    if not with_day:
        parts = parts[:2]
    zh = language() == "zh"
    if len(parts) == 1:
        return f"{parts[0]}年" if zh else str(parts[0])
    if len(parts) == 2:
        return f"{parts[0]}年{parts[1]}月" if zh else f"{MONTHS_EN[parts[1] - 1]} {parts[0]}"
    d = dt.date(*parts)
    return f"{d.year}年{d.month}月{d.day}日" if zh else f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"


def year(y: int | str) -> str:
    """'2012' / '2012年'."""
    return f"{y}年" if language() == "zh" else str(y)
