"""The reader's site, on the built pages: a front door that asks the question, numbered chapters, no code
on reader pages, "Cite this page" with BibTeX that parses, a colophon dated from git, a real 404 page."""

from __future__ import annotations

import datetime as dt
import html as htmlmod
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.sites import build_site

SITE_NAME = "The Model Wars"
TEAM = "The Model Wars team"
# the chapters: the first `extra.chapters` numbered pages (the rest, glossary and after, are reference pages)
N_CHAPTERS = int(re.search(r"^  chapters: (\d+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1])
CHAPTERS = sorted(p.stem for p in (ROOT / "docs").glob("[0-9][0-9]-*.md"))[:N_CHAPTERS]
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
FIGURE = re.compile(r'<figure class="mw-chart".*?</figure>', re.S)
CITE = re.compile(r'<details class="mw-cite"[^>]*>.*?</details>', re.S)


def last_commit_epoch() -> int:
    r = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    return int(r.stdout.strip() or 0)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reader") / "out"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", str(last_commit_epoch()))  # as the Makefile does
        r = build_site(ROOT / "mkdocs.yml", out)
    assert r.returncode == 0, r.stderr
    return out


def page_html(site: Path, stem: str) -> str:
    return (site / ("" if stem == "index" else stem) / "index.html").read_text(encoding="utf-8")


def reader_pages(site: Path) -> dict[str, str]:
    return {md.stem: page_html(site, md.stem) for md in sorted((ROOT / "docs").glob("*.md"))}


def text(fragment: str) -> str:
    return htmlmod.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))).strip()


def nav(page: str) -> str:
    """The primary navigation (the sidebar before the table of contents)."""
    return re.search(r'data-md-type="navigation"[^>]*>(.*?)data-md-type="toc"', page, re.S)[1]


def h1(page: str) -> str:
    m = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    return text(re.sub(r'<a class="headerlink".*?</a>', "", m[1]))


# --- BibTeX: a small parser, strict enough to catch what breaks BibTeX itself ---------------------


class BibError(ValueError):
    pass


def parse_bibtex(src: str) -> list[dict]:
    """Entries of a BibTeX string: [{"type", "key", "fields": {name: value}}]. Raises BibError."""
    entries, i, n = [], 0, len(src)

    def skip_ws(i: int) -> int:
        while i < n and src[i].isspace():
            i += 1
        return i

    def braced(i: int) -> tuple[str, int]:  # src[i] == "{": the balanced group's inside, and the index after it
        depth, start = 0, i
        while i < n:
            c = src[i]
            if c == "\\":
                i += 2
                continue
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    return src[start + 1 : i], i + 1
            i += 1
        raise BibError("unbalanced braces")

    while True:
        i = src.find("@", i)
        if i < 0:
            break
        m = re.compile(r"@([A-Za-z]+)\s*\{\s*([^\s,{}]+)\s*,").match(src, i)
        if not m:
            raise BibError(f"bad entry head at {i}")
        entry = {"type": m[1].lower(), "key": m[2], "fields": {}}
        i = m.end()
        while True:
            i = skip_ws(i)
            if i < n and src[i] == "}":
                i += 1
                break
            fm = re.compile(r"([A-Za-z][\w-]*)\s*=\s*").match(src, i)
            if not fm:
                raise BibError(f"bad field at {i}: {src[i : i + 20]!r}")
            name, i = fm[1].lower(), fm.end()
            if i < n and src[i] == "{":
                value, i = braced(i)
            elif i < n and src[i] == '"':
                j = src.find('"', i + 1)
                if j < 0:
                    raise BibError("unterminated quoted value")
                value, i = src[i + 1 : j], j + 1
            else:
                vm = re.compile(r"\d+").match(src, i)
                if not vm:
                    raise BibError(f"bad value for {name}")
                value, i = vm[0], vm.end()
            if name in entry["fields"]:
                raise BibError(f"field {name} twice")
            entry["fields"][name] = value
            i = skip_ws(i)
            if i < n and src[i] == ",":
                i += 1
            elif i < n and src[i] == "}":
                i += 1
                break
            else:
                raise BibError(f"expected , or }} after {name}")
        entries.append(entry)
    if not entries:
        raise BibError("no entry")
    return entries


def test_the_bibtex_parser_rejects_what_bibtex_rejects():
    good = "@misc{k1,\n  author = {{A team}},\n  title = {A {B} c},\n  year = 2026\n}"
    assert parse_bibtex(good)[0]["fields"] == {"author": "{A team}", "title": "A {B} c", "year": "2026"}
    for bad in (
        "@misc{k1, title = {open brace}",  # unbalanced
        "@misc{k1, title = {a}, title = {b}}",  # a field twice
        "@misc{k1 title = {a}}",  # no comma after the key
        "@misc{k1, title = {a} year = {b}}",  # no comma between fields
        "no entry at all",
    ):
        with pytest.raises(BibError):
            parse_bibtex(bad)


# --- The tests ---------------------------------------------------------------------------------


def test_no_code_on_reader_pages(site):
    for stem, page in reader_pages(site).items():
        article = CITE.sub("", FIGURE.sub("", ARTICLE.search(page)[1]))  # the citation's BibTeX is for copying
        assert "<pre" not in article and 'class="highlight"' not in article, f"{stem}: a code block"
        if stem != "10-sources":  # its dataset list (made by build_charts) names dataset ids as code
            assert "<code" not in article, f"{stem}: inline code: {re.findall(r'<code>.*?</code>', article)[:3]}"
    about = text(ARTICLE.search(page_html(site, "09-about"))[1])
    assert "build_charts" not in about and "meta.yml" not in about  # the authoring guide left the site


def test_about_points_authors_to_the_repository_guide(site):
    about = text(ARTICLE.search(page_html(site, "09-about"))[1])
    assert "AUTHORING.md" in about, "About does not name the authoring guide"
    assert (ROOT / "AUTHORING.md").is_file()


def test_every_page_offers_a_closed_citation_in_its_colophon_whose_bibtex_parses(site):
    year = str(dt.datetime.fromtimestamp(last_commit_epoch(), dt.UTC).year)
    keys = set()
    for stem, page in reader_pages(site).items():
        colophon = re.search(r'<div class="md-copyright mw-colophon">.*?</details>', page, re.S)
        assert colophon, f"{stem}: no Cite this page in the colophon"
        assert not CITE.search(ARTICLE.search(page)[1]), f"{stem}: a citation block under the story"
        cite = CITE.search(colophon[0])[0]
        assert " open" not in cite.split(">", 1)[0], f"{stem}: the citation is open on arrival"
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page)[1]
        plain = text(re.search(r'<p class="mw-cite__text">(.*?)</p>', cite, re.S)[1])
        title = SITE_NAME if stem == "index" else h1(page)
        assert plain.startswith(f"{TEAM} ({year}).") and SITE_NAME in plain and canonical in plain, plain
        assert stem == "index" or f"“{title}”" in plain, plain
        bib = htmlmod.unescape(re.search(r'<pre class="mw-cite__bibtex"[^>]*>(.*?)</pre>', cite, re.S)[1])
        (entry,) = parse_bibtex(bib)
        f = entry["fields"]
        assert entry["type"] == "misc" and entry["key"] not in keys
        keys.add(entry["key"])
        assert f["author"] == "{" + TEAM + "}"  # braced: a corporate author, not "team, The Model Wars"
        assert re.sub(r"\\(.)", r"\1", f["title"]) == title
        assert f["url"] == canonical and f["year"] == year and f["howpublished"] == SITE_NAME
    assert set(CHAPTERS) <= set(reader_pages(site))


def test_chapters_are_numbered_with_their_place_and_the_way_on(site):
    assert len(CHAPTERS) == N_CHAPTERS >= 2  # each chapter names its number among all of them
    for n, stem in enumerate(CHAPTERS, 1):
        page = page_html(site, stem)
        kicker = text(re.search(r'<p class="mw-kicker">(.*?)</p>', page, re.S)[1])
        assert re.fullmatch(rf"Chapter {n} of {N_CHAPTERS} \d+ min read", kicker), kicker
        numbers = [int(x) for x in re.findall(r'<span class="mw-nav__no" aria-hidden="true">(\d+)</span>', nav(page))]
        # the open chapter is listed twice (label, link)
        assert list(dict.fromkeys(numbers)) == list(range(1, N_CHAPTERS + 1))
        footer = text(re.search(r'<nav class="md-footer__inner.*?</nav>', page, re.S)[0])
        if n < N_CHAPTERS:
            assert f"Next · Chapter {n + 1} of {N_CHAPTERS}" in footer, footer
    others = sorted(p.stem for p in (ROOT / "docs").glob("*.md") if p.stem not in CHAPTERS)
    assert "index" in others and len(others) >= 2
    for stem in others:
        assert 'class="mw-kicker"' not in page_html(site, stem)


def test_the_site_title_appears_once_in_the_navigation(site):
    for stem, page in reader_pages(site).items():
        links = [text(a) for a in re.findall(r'<a [^>]*class="md-nav__link[^"]*"[^>]*>(.*?)</a>', nav(page), re.S)]
        assert SITE_NAME not in links, f"{stem}: nav repeats the site title: {links}"


def test_the_front_door_asks_the_question(site):
    page = page_html(site, "index")
    title = text(re.search(r"<title>(.*?)</title>", page, re.S)[1])
    question = h1(page)
    assert question.endswith("?") and question != SITE_NAME
    assert title == f"{SITE_NAME}: {question}"
    minutes = re.search(r'<span class="mw-reading-time">about (\d+) minutes</span>', page)
    assert minutes and int(minutes[1]) >= 10, "reading time not filled"
    article = ARTICLE.search(page)[1]
    first_figure = article.find('<figure class="mw-chart"')
    assert 0 < first_figure < article.find("<h2"), "the lead visual comes before the first section"
    for stem in CHAPTERS:
        assert f'href="{stem}/"' in article, f"the table of contents misses {stem}"
    assert "C2B布局遭微信抢位" in text(article)


def test_every_page_carries_the_colophon(site):
    day = dt.datetime.fromtimestamp(last_commit_epoch(), dt.UTC).date()
    for path in sorted(site.rglob("*.html")):
        if "assets" in path.parts:
            continue
        page = path.read_text(encoding="utf-8")
        m = re.search(r'<div class="md-copyright mw-colophon">(.*?)</div>', page, re.S)
        assert m, f"{path}: no colophon"
        assert TEAM in text(m[1])
        assert f'<time datetime="{day.isoformat()}">{day.day} {day:%B %Y}</time>' in m[1], (path, m[1])
        assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in m[1]
        assert "Material for MkDocs" not in m[1]


def test_the_404_page_says_not_found_and_offers_the_chapters(site):
    page = (site / "404.html").read_text(encoding="utf-8")
    assert re.search(r"<title>Page not found - The Model Wars</title>", page)
    assert h1(page) == "Page not found"
    article = ARTICLE.search(page)[1]
    links = re.findall(r'<a href="([^"]+)"', article)
    for stem in CHAPTERS:
        assert any(href.rstrip("/").endswith(stem) for href in links), f"404 page misses {stem}"
    assert '<meta http-equiv="Content-Security-Policy"' in page  # the build fills its policy


def test_the_authoring_guide_lives_in_the_repository_not_the_site(site):
    assert not (ROOT / "docs" / "includes" / "authoring.md").exists()
    guide = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
    assert guide.startswith("# Authoring guide")
    assert not any("authoring" in p.as_posix().lower() for p in site.rglob("*.html"))
