"""The one marker syntax of the page maker: `@@mw:NAME@@` or `@@mw:NAME ARG@@`.

A marker stands in a page for a value that cannot be known until the built site is finished: the
page's path back to the site root, its Content Security Policy (it hashes the finished page), the
figures (put in after the generator, so that it never parses drawings and tables), the chapter
numbers and reading times (they need every page), the date of the last commit (the templates of every
generator write the marker, so none needs to know git). `finish.py` fills them all; a page that still
holds one afterwards stops the build. Authors' text and data may never contain `@@mw:` (checked with
file and line before anything is built), so no text can forge a marker.
"""

from __future__ import annotations

import re
from collections.abc import Callable

PREFIX = "@@mw:"
PATTERN = re.compile(r"@@mw:([a-z_]+)(?: ([^\s@]+))?@@")
# a figure's marker sits in an HTML comment: the generator's search index and its Markdown never see it
FIGURE = re.compile(r"<!--@@mw:figure ([\w-]+)@@-->")


def mark(name: str, arg: str | None = None) -> str:
    """The marker text for `name` (and its argument)."""
    return f"{PREFIX}{name}{' ' + arg if arg else ''}@@"


# "the site root, relative to this page": it looks like an absolute path, so that no generator takes it for a
# relative URL and rewrites it
ROOT = "/" + mark("root") + "/"


def figure(chart_id: str) -> str:
    return f"<!--{mark('figure', chart_id)}-->"


def fill(html: str, value: Callable[[str, str | None], str | None]) -> str:
    """Every marker in `html` replaced by `value(name, arg)`; a marker for which it returns None stays."""

    def one(m: re.Match) -> str:
        got = value(m[1], m[2])
        return m[0] if got is None else got

    return PATTERN.sub(one, html)


def left(html: str) -> list[str]:
    """The markers still in a page (a finished page has none)."""
    return [m[0] for m in PATTERN.finditer(html)]


def find_in_text(text: str) -> list[int]:
    """The lines (from 1) of an author's file that hold the marker prefix."""
    return [n for n, line in enumerate(text.splitlines(), 1) if PREFIX in line]
