"""Python-Markdown extension: mark Chinese and Japanese runs in an English page with their language.

A screen reader reads a page in the page's language; a run of Chinese characters inside English
text then comes out as silence or as character codes (WCAG 2.2, 3.1.2 "Language of Parts"). This
wraps each run in `<span lang="…">` so the reader switches voice, and browsers pick the right
font at once: `ja` when the run holds kana, else `zh-Hans` (configurable).

It works on the finished HTML, so text from generated figures and the sources list is covered
as well as what authors type. Tags and attributes are never touched; nothing inside `svg`,
`script`, `style`, `code`, `pre`, `textarea`, `title`, `math` or an element that already has a `lang`
changes. Plain Python-Markdown, no MkDocs import:

    markdown_extensions:
      - build_charts.lang_ext:
          han: zh-Hans
          page: en        # a Chinese edition says zh-Hans: its English phrases get lang="en"
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

_CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# A run starts and ends on a CJK character. Latin letters, digits and separators inside it belong to
# it (「C2B布局」, 13兆1千億元); so does a space before digits and CJK (アリババグループ 2016年度業績).
RUN = re.compile(f"[{_CJK}](?:(?:[{_CJK}0-9A-Za-z.,·]| (?=[0-9]+[{_CJK}]))*[{_CJK}])?")
KANA = re.compile("[\u3040-\u30ff]")
KANA_RUN = re.compile(f"[\u3040-\u30ff](?:[{_CJK}]*[\u3040-\u30ff])?")
TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w:-]*)([^>]*?)(/?)\s*>", re.S)
SKIP = {"svg", "script", "style", "code", "pre", "textarea", "title", "math"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HAS_LANG = re.compile(r"\s(?:xml:)?lang\s*=", re.I)


# On a Chinese page the other language is English: a phrase of two or more Latin words (a quoted phrase of
# the English translation, an English title), not a lone name such as eBay, B2B or TechNode.
LATIN_PHRASE = re.compile(r"[A-Za-z][A-Za-z0-9'’.!?-]*(?:[ ,:;]+[A-Za-z][A-Za-z0-9'’.!?-]*)+")  # ASCII: \w is CJK too


def _tag(page: str, han: str):
    """The wrapping of text runs on a page in `page`'s language: CJK runs on an English page, English
    phrases and Japanese runs on a Chinese one."""
    if page.startswith("zh"):
        return lambda text: KANA_RUN.sub(
            r'<span lang="ja">\g<0></span>', LATIN_PHRASE.sub(r'<span lang="en">\g<0></span>', text)
        )
    return lambda text: RUN.sub(lambda r: f'<span lang="{"ja" if KANA.search(r[0]) else han}">{r[0]}</span>', text)


def tag_language_of_parts(html: str, han: str = "zh-Hans", page: str = "en") -> str:
    """Wrap every run of text in `html` (outside skipped elements) that is not in the page's language in a
    span with its language."""
    tag = _tag(page, han)
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (name, is text inside it left alone?)
    for i, token in enumerate(TOKEN.split(html)):
        if i % 2:  # a tag or a comment
            out.append(token)
            m = TAG.fullmatch(token)
            if not m:
                continue
            closing, name, attrs, self_closing = m[1], m[2].lower(), m[3], m[4]
            if closing:
                names = [n for n, _ in stack]
                if name in names:  # close it and anything left open inside it (<p>, <li> may be unclosed)
                    del stack[len(names) - 1 - names[::-1].index(name) :]
            elif not self_closing and name not in VOID:
                skip = bool(stack and stack[-1][1]) or name in SKIP or bool(HAS_LANG.search(attrs))
                stack.append((name, skip))
            continue
        if stack and stack[-1][1]:
            out.append(token)
            continue
        out.append(tag(token))
    return "".join(out)


class LanguagePostprocessor(Postprocessor):
    def __init__(self, md: Markdown, han: str, page: str):
        super().__init__(md)
        self.han, self.page = han, page

    def run(self, text: str) -> str:
        return tag_language_of_parts(text, self.han, self.page)


class LanguageExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "han": ["zh-Hans", "Language of runs of Chinese characters without kana"],
            "page": [
                "en",
                "The pages' own language: en (tag Chinese and Japanese runs) or zh-Hans (tag English phrases)",
            ],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # priority 1: after raw HTML is back in the page (30); chart figures are tagged when rendered
        ext = LanguagePostprocessor(md, self.getConfig("han"), self.getConfig("page"))
        md.postprocessors.register(ext, "mw_lang", 1)


def makeExtension(**kwargs) -> LanguageExtension:
    return LanguageExtension(**kwargs)
