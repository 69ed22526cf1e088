"""After the generator has written the site: publish the charts and finish every page.

Plain Python over the built folder, so any generator that runs the Markdown extensions (MkDocs,
ProperDocs, Zensical) gets the same site: `python -m build_charts finish SITE_DIR`, or the MkDocs
hook after a build.

- publish every chart's files under assets/charts/, and the dark-scheme chart colours (colours.css);
- in every HTML page: put each chart's figure in place of its mark (the generator never parses the
  drawings), resolve the site-root marker of chart URLs relative to that page, and fill the
  Content Security Policy marker with a policy that allows this site's scripts plus the SHA-256
  hashes of the page's own inline scripts (no 'unsafe-inline', no 'unsafe-eval');
- minify the site's own chart scripts (the sources in docs/ stay readable);
- fill in the date of the last commit (the colophon) and reading times; add share meta (Open Graph,
  Twitter card: the page's title, opening words and its lead chart's 1200 x 630 card); write robots.txt
  naming the sitemap;
- apply the optional theme patches (`theme_patches.py`).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import math
import os
import re
import shutil
import subprocess
from html import escape, unescape
from pathlib import Path

import rjsmin

from build_charts import pipeline, theme, theme_patches, words
from build_charts.words import HREFLANG, LANGUAGES, PREFIX, UI

CSP_MARK = "@@MW_CSP@@"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def csp(html: str) -> str:
    """The policy for one page: self only, plus hashes of its inline scripts."""
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
            for attrs, body in INLINE_SCRIPT.findall(html)
            if "application/json" not in attrs  # data blocks are not executed
        }
    )
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(hashes),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


UPDATED = {  # marker -> how the date of the last commit is written there (the first in the edition's words)
    "@@MW_UPDATED@@": None,
    "@@MW_UPDATED_ISO@@": "{d:%Y-%m-%d}",
    "@@MW_UPDATED_YEAR@@": "{d.year}",
}


def last_updated(root: Path) -> dt.date:
    """The site's date: SOURCE_DATE_EPOCH (the Makefile sets it from the last commit), else the last commit's."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    if not stamp:
        r = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True)
        stamp = r.stdout.strip() if r.returncode == 0 else ""
    return dt.datetime.fromtimestamp(int(stamp), dt.UTC).date() if stamp.isdigit() else dt.date.today()


READ_MARK, READ_TOTAL_MARK = "@@MW_READ_MINUTES@@", "@@MW_READ_TOTAL@@"
WORDS_PER_MINUTE = 230
HAN_PER_MINUTE = 400  # Chinese is read by characters: about 300-500 a minute for non-technical prose
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
NOT_PROSE = re.compile(r'<figure class="mw-chart".*?</figure>|<section class="mw-cite".*?</section>|<[^>]+>', re.S)


def reading_minutes(html: str) -> int:
    """Minutes to read a page's prose (its figures and its citation block not counted)."""
    article = ARTICLE.search(html)
    prose = NOT_PROSE.sub(" ", article[0] if article else "")
    han = len(HAN.findall(prose))
    latin = len(re.findall(r"\w+", HAN.sub(" ", prose)))
    return max(1, math.ceil(latin / WORDS_PER_MINUTE + han / HAN_PER_MINUTE))


def finish_page(html: str, depth: int, updated: dt.date | None = None) -> str:
    """One page: chart URLs relative to the page (`depth` folders below the site root), its date, its CSP."""
    html = html.replace(pipeline.ROOT_MARK, "../" * depth if depth else "./")
    for mark, form in UPDATED.items() if updated else ():
        html = html.replace(mark, (form or UI("updated")).format(d=updated))
    return html.replace(CSP_MARK, csp(html)) if CSP_MARK in html else html


def site_url(site_dir: Path) -> str | None:
    """The published site's address, from the home page's canonical link (None when it has none)."""
    home = site_dir / "index.html"
    found = CANONICAL.search(home.read_text(encoding="utf-8")) if home.exists() else None
    return found[1] if found else None


TITLE = re.compile(r"<title>(.*?)</title>", re.S)
FIRST_CHART = re.compile(r'<figure class="mw-chart" id="[^"]*" data-chart="(\w+)"')
FIRST_PARAGRAPH = re.compile(r"<article\b.*?<h1.*?</h1>.*?<p>(.*?)</p>", re.S)


def share_meta(html: str, image: str | None, canonical: str | None, lang: str = "en") -> str:
    """Open Graph and Twitter card tags for a page: its title, its opening words, its lead chart's card."""
    title = escape(re.sub(r"<[^>]+>", "", TITLE.search(html)[1]).strip(), quote=True) if TITLE.search(html) else ""
    opening = FIRST_PARAGRAPH.search(html)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", unescape(opening[1]))).strip() if opening else ""
    if lang == "zh" and len(text) > 100:  # Chinese: cut by characters (there are no spaces between words)
        text = text[:100] + "…"
    elif len(text) > 200:
        text = text[:200].rsplit(" ", 1)[0] + " …"
    with words.use(lang):
        tags = {"og:type": "article", "og:site_name": UI("card_name"), "og:title": title}
    tags |= {"og:locale": {"en": "en_GB", "zh": "zh_CN"}[lang]}
    tags |= {"og:description": escape(text, quote=True)} if text else {}
    tags |= {"og:url": canonical} if canonical else {}
    if image:
        tags |= {"og:image": image, "og:image:width": "1200", "og:image:height": "630"}
    twitter = {"twitter:card": "summary_large_image" if image else "summary", "twitter:title": title}
    twitter |= {"twitter:description": tags["og:description"]} if text else {}
    twitter |= {"twitter:image": image} if image else {}
    meta = "".join(f'<meta property="{k}" content="{v}">' for k, v in tags.items())
    meta += "".join(f'<meta name="{k}" content="{v}">' for k, v in twitter.items())
    return html.replace("</head>", meta + "</head>", 1)


HTML_LANG = re.compile(r'<html lang="([^"]*)"')
SWITCH = re.compile(r'(<a class="[^"]*\bmw-lang\b[^"]*" href=")[^"]*(" hreflang="([^"]+)")')
ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([^"]+)">')


def editions(html: str, page: str, lang: str, root_url: str | None) -> str:
    """The page's place among the editions: `<html lang>` as the edition's language tag, the header's
    language switch pointing at the same page in the other edition, and `hreflang` links in the head
    naming this page in every edition (the theme's name the editions' home pages).

    The links need the site's address (search engines read only full URLs there); the sitemap carries
    the same pairs. Material's script would fetch a sitemap beside each such link: the theme patch
    `alternates` turns that lookup off.
    """
    html = HTML_LANG.sub(f'<html lang="{HREFLANG[lang]}"', html, count=1)
    html = SWITCH.sub(lambda m: m[1] + words.counterpart(page, lang, words.edition_of(m[3])) + m[2], html)
    html = ALTERNATE.sub("", html)
    if not root_url or page.endswith("404.html"):  # a 404 page has no address of its own
        return html
    url = page.removesuffix("index.html")
    links = "".join(
        f'<link rel="alternate" hreflang="{HREFLANG[other]}" href="{root_url}{PREFIX[other]}{url}">'
        for other in LANGUAGES
    )
    return html.replace("</head>", links + "</head>", 1)


def sitemap(site_dir: Path, pages: list[str], root_url: str) -> None:
    """sitemap.xml listing every page in every edition, each with its alternates (editions share file names)."""
    entries = []
    for page in sorted(p.removesuffix("index.html") for p in pages if p != "404.html"):
        alts = "".join(
            f'<xhtml:link rel="alternate" hreflang="{HREFLANG[lang]}" href="{root_url}{PREFIX[lang]}{page}"/>'
            for lang in LANGUAGES
        )
        entries += [f"<url><loc>{root_url}{PREFIX[lang]}{page}</loc>{alts}</url>" for lang in LANGUAGES]
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(entries) + "\n</urlset>\n"
    )
    (site_dir / "sitemap.xml").write_text(xml, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)  # the generator's, which lists one edition only


def finish(project: pipeline.Project, site_dir: Path, lang: str | None = None) -> list[str]:
    """Finish a built edition in place (its language read from its home page unless given); returns what the
    theme patches said (one line each)."""
    if lang is None:
        home_page = site_dir / "index.html"
        found = HTML_LANG.search(home_page.read_text(encoding="utf-8")) if home_page.exists() else None
        lang = words.edition_of(found[1] if found else LANGUAGES[0])
    updated = last_updated(project.root)
    charts = pipeline.manifest(project)  # chart id -> cache folder, read once
    figures: dict[tuple[str, ...], str] = {}  # each chart's figure, read once for all the pages that show it

    def figure(m: re.Match) -> str:
        if m.groups() not in figures:
            figures[m.groups()] = pipeline.figure_html(charts[m[1]], m[2], m[3])
        return figures[m.groups()]

    others = [PREFIX[other] for other in LANGUAGES if other != lang and PREFIX[other]]
    as_built = {
        page: page.read_text(encoding="utf-8")
        for page in site_dir.rglob("*.html")
        if not any(page.relative_to(site_dir).as_posix().startswith(o) for o in others)  # another edition's
    }
    pages = {page: pipeline.FIGURE_MARK.sub(figure, html) for page, html in as_built.items()}
    url = site_url(site_dir)
    root_url = url.removesuffix(PREFIX[lang]) if url and url.endswith(PREFIX[lang]) else None
    home = FIRST_CHART.search(pages.get(site_dir / "index.html", ""))
    # the share card of each page's lead chart (drawn once, then kept with the chart), before publishing
    leads = {m[1] for html in pages.values() if (m := FIRST_CHART.search(html) or home)}
    cards = {cid: f"{pipeline.ASSET_DIR}/{pipeline.share_card(project, cid, charts[cid], lang).name}" for cid in leads}
    dest = site_dir / pipeline.ASSET_DIR
    dest.mkdir(parents=True, exist_ok=True)
    for path in pipeline.chart_files(charts, lang):
        shutil.copyfile(path, dest / path.name)
    (dest / "colours.css").write_text(theme.dark_css() + "\n", encoding="utf-8")
    # a chapter carries the reading-time marker; the home page gives the total of all chapters
    minutes = {page: reading_minutes(html) for page, html in pages.items() if READ_MARK in html}
    total = str(sum(minutes.values()))
    with words.use(lang):  # the colophon's date in the edition's words
        for page, html in pages.items():
            rel = page.relative_to(site_dir).as_posix()
            if page in minutes:
                html = html.replace(READ_MARK, str(minutes[page]))
            if "og:title" not in html:  # a page a dirty rebuild left finished already
                lead = FIRST_CHART.search(html) or home  # a page without a chart shares the home page's
                card = f"{url or ''}{cards[lead[1]]}" if lead and lead[1] in cards else None
                canonical = CANONICAL.search(html)
                html = share_meta(html, card if url else None, canonical[1] if canonical else None, lang)
                html = editions(html, rel, lang, root_url)
            done = finish_page(html.replace(READ_TOTAL_MARK, total), rel.count("/"), updated)
            if done != as_built[page]:
                page.write_text(done, encoding="utf-8")
    for script in (site_dir / "assets" / "javascripts").glob("charts*.js"):
        script.write_text(rjsmin.jsmin(script.read_text(encoding="utf-8")), encoding="utf-8")
    if root_url:
        sitemap(site_dir, [p.relative_to(site_dir).as_posix() for p in pages], root_url)
    if not PREFIX[lang]:  # robots.txt belongs at the site's root
        robots = "User-agent: *\nAllow: /\n" + (f"Sitemap: {url}sitemap.xml\n" if url else "")
        (site_dir / "robots.txt").write_text(robots, encoding="utf-8")
    return theme_patches.apply(site_dir)
