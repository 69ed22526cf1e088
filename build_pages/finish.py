"""After the generator has written an edition: publish the charts and finish every page.

Plain Python over the built folder, so any generator that runs the Markdown extensions (MkDocs,
ProperDocs, Zensical) gets the same site: `python -m build_pages finish SITE_DIR --lang LANG`, or the
MkDocs hook after a build. It reads the charts' manifest, never their code.

- publish every chart's files under assets/charts/, and the dark-scheme chart colours (colours.css);
- in every HTML page fill the markers (`markers.py`): each figure (with its runs in other languages
  marked, `lang_ext`), the site root relative to the page, the date of the last commit (the colophon),
  reading times, the words the chart scripts say, and last the Content Security Policy: this site's
  scripts plus the SHA-256 hashes of the page's own inline scripts (no 'unsafe-inline', no 'unsafe-eval');
  a marker left over stops the build;
- minify the site's own scripts, the charts' and the bets' (the sources in overrides/ stay readable);
- add share meta (a page's lead chart's card; the scored bets' card on the page that scores them) and each
  page's place among the editions, the sitemap and robots.txt (`seo.py`);
- apply the optional theme patches (`theme_patches.py`).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import math
import re
import shutil
from pathlib import Path

import rjsmin

from build_charts import limits, pipeline
from build_charts.errors import PipelineError
from build_pages import bets, editions, markers, seo, settings, theme_patches
from build_pages.editions import Edition
from build_pages.lang_ext import tag_language_of_parts

ASSET_DIR = "assets/charts"  # where each edition publishes the charts' files (editions.links says so to them)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)


ARTICLE_SPAN = re.compile(r"<article\b.*?</article>", re.S)


def stray_scripts(html: str) -> list[str]:
    """Inline scripts in a page's content (its <article>): the known ones come from the templates (the theme's
    and overrides/), around the content; one inside it came from a page or a data file and would run."""
    found = []
    for article in ARTICLE_SPAN.findall(html):
        for attrs, body in INLINE_SCRIPT.findall(article):
            if "application/json" not in attrs:
                found.append(body.strip()[:60])
    return found


def csp(html: str) -> str:
    """The policy for one page: self only, plus hashes of its own known inline scripts (the templates')."""
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


UPDATED = {None: None, "iso": "{d:%Y-%m-%d}", "year": "{d.year}"}  # how `updated` markers write the date


READ_MARK = markers.mark("read_minutes")
WORDS_PER_MINUTE = 230
HAN_PER_MINUTE = 400  # Chinese is read by characters: about 300-500 a minute for non-technical prose
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# The target of "Skip to the first chart": the first figure, or chapter 2's rounds, whose figures wait for a choice
FIRST_FIGURE = re.compile(r'<(?:figure class="mw-chart"|div class="mw-rounds") id="([^"]+)"')
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
NOT_PROSE = re.compile(r'<figure class="mw-chart".*?</figure>|<[^>]+>', re.S)


def reading_minutes(html: str) -> int:
    """Minutes to read a page's prose (its figures not counted; the citation is in the footer, outside it)."""
    article = ARTICLE.search(html)
    prose = NOT_PROSE.sub(" ", article[0] if article else "")
    han = len(HAN.findall(prose))
    latin = len(re.findall(r"\w+", HAN.sub(" ", prose)))
    return max(1, math.ceil(latin / WORDS_PER_MINUTE + han / HAN_PER_MINUTE))


class FinishError(PipelineError):
    """A built page the finish step cannot make right."""


def publish_file(path: Path, dest: Path, owner: str) -> None:
    """Copy one of a chart's files (or a share card) into the site; a failure is one line naming the file.

    The cache may change under the build (another build, a hand) or the disk fill up: either way the staged
    site is not published, and the error says which file and why rather than a traceback.
    """
    try:
        shutil.copyfile(path, dest / path.name)
    except OSError as e:
        raise FinishError(path, None, owner, f"cannot publish the file ({e.strerror}): build again") from None


def finish_page(
    html: str, depth: int, updated: dt.date, ed: Edition, minutes: int | None = None, total: int = 0
) -> str:
    """One page: its markers filled (figures are in already), the CSP last, as it hashes the rest."""

    def value(name: str, arg: str | None) -> str | None:
        if name == "root":
            return "../" * depth if depth else "./"
        if name == "updated" and arg in UPDATED:
            return (UPDATED[arg] or ed.say("date")).format(d=updated)
        if name == "read_minutes" and minutes is not None:
            return str(minutes)
        if name == "read_total":
            return str(total)
        if name == "first_chart" and (first := FIRST_FIGURE.search(html)):
            return first[1]
        return None

    # the root marker is written with a slash either side (it looks like an absolute path to generators)
    html = markers.fill(html.replace(markers.ROOT, markers.mark("root")), value)
    return html.replace(markers.mark("csp"), csp(html), 1)


def script_words(ed: Edition) -> str:
    """What charts-live.js says, in the edition's words, as a data block (never executed, so not hashed)."""
    said = {k: ed.words[k] for k in editions.SCRIPT_WORDS}
    text = json.dumps(said, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="mw-words">{text}</script>'


def finish(project: pipeline.Project, site_dir: Path, ed: Edition) -> list[str]:
    """Finish a built edition in place; returns what it did that the build log should say (one line each)."""
    updated = settings.site_date(project.root)
    manifest = pipeline.manifest(project, editions.links())  # read once: the charts and the shared folder
    charts = manifest.charts  # chart id -> its files
    figures: dict[str, str] = {}  # each chart's figure, read once for all the pages that show it

    def figure(m: re.Match) -> str:
        if m[1] not in charts:
            raise FinishError(None, None, "chart", f"unknown chart id {m[1]!r} in a built page")
        if m[1] not in figures:
            # runs in another language than the figure's get their `lang` here: the page's own pass never sees them
            figures[m[1]] = tag_language_of_parts(charts[m[1]].figure_html(ed.lang), page=ed.hreflang)
        return figures[m[1]]

    others = [other.prefix for other in editions.EDITIONS if other != ed and other.prefix]
    as_built = {
        page: page.read_text(encoding="utf-8")
        for page in site_dir.rglob("*.html")
        if not any(page.relative_to(site_dir).as_posix().startswith(o) for o in others)  # another edition's
    }
    pages = {page: markers.FIGURE.sub(figure, html) for page, html in as_built.items()}
    url = seo.site_url(site_dir)
    root_url = url.removesuffix(ed.prefix) if url and url.endswith(ed.prefix) else None
    home = seo.FIRST_CHART.search(pages.get(site_dir / "index.html", ""))
    # the share card of each page's lead chart (drawn once, then kept with the chart), before publishing
    leads = {m[1] for html in pages.values() if (m := seo.FIRST_CHART.search(html) or home)}
    card_files = [share_card(project, charts[cid], ed) for cid in sorted(leads)]
    cards = {cid: f"{ASSET_DIR}/{path.name}" for cid, path in zip(sorted(leads), card_files, strict=True)}
    dest = site_dir / ASSET_DIR
    dest.mkdir(parents=True, exist_ok=True)
    for cid, path in zip(sorted(leads), card_files, strict=True):
        publish_file(path, dest, cid)
    # the page that scores the article's bets shares the scored set rather than its first chart
    scored = [page for page, html in pages.items() if bets.SCORED_SET in html]
    if scored:
        path = bets_card(project, manifest.common, ed)
        publish_file(path, dest, "bets")
        cards[bets.SCORED_SET] = f"{ASSET_DIR}/{path.name}"
    for chart in charts.values():
        for path in chart.published(ed.lang):
            publish_file(path, dest, chart.id)
    colours = pipeline.manifest(project, editions.links()).common / "colours.css"
    publish_file(colours, dest, "colours")
    # a chapter carries the reading-time marker; the home page gives the total of all chapters
    minutes = {page: reading_minutes(html) for page, html in pages.items() if READ_MARK in html}
    total = sum(minutes.values())
    words = script_words(ed)
    for page, html in pages.items():
        rel = page.relative_to(site_dir).as_posix()
        if "og:title" not in html:  # a page a dirty rebuild left finished already
            lead = seo.FIRST_CHART.search(html) or home  # a page without a chart shares the home page's
            card = f"{url or ''}{cards[lead[1]]}" if lead and lead[1] in cards else None
            if bets.SCORED_SET in html:
                card = f"{url or ''}{cards[bets.SCORED_SET]}"
            canonical = seo.CANONICAL.search(html)
            html = seo.share_meta(html, card if url else None, canonical[1] if canonical else None, ed)
            html = seo.place_among_editions(html, rel, ed, root_url)
        if 'class="mw-chart"' in html and 'id="mw-words"' not in html:
            html = html.replace("</body>", words + "</body>", 1)
        stray = stray_scripts(html)
        if stray:
            raise FinishError(page, None, None, f"an inline script in the page's content would run: {stray[0]!r}")
        done = finish_page(html, rel.count("/"), updated, ed, minutes.get(page), total)
        left = markers.left(done)
        if left:
            raise FinishError(page, None, None, f"markers left unfilled: {', '.join(sorted(set(left)))}")
        weight = len(done.encode("utf-8"))
        if weight > limits.PAGE_BYTES:  # each figure passed its own limit: too many of them on one page
            shown = sorted({m[1] for m in markers.FIGURE.finditer(as_built[page])})
            parts = ", ".join(f"{cid} {limits.mb(len(figures[cid].encode()))}" for cid in shown)
            reason = f"the page weighs {limits.mb(weight)}, over the {limits.mb(limits.PAGE_BYTES)} limit"
            raise FinishError(page, None, None, f"{reason}; its figures: {parts or 'none'}")
        if done != as_built[page]:
            page.write_text(done, encoding="utf-8")
    scripts = site_dir / "assets" / "javascripts"
    for script in [*scripts.glob("charts*.js"), *scripts.glob("bets.js")]:
        script.write_text(rjsmin.jsmin(script.read_text(encoding="utf-8")), encoding="utf-8")
    if root_url:
        seo.sitemap(site_dir, [p.relative_to(site_dir).as_posix() for p in pages], root_url)
    if not ed.prefix:  # robots.txt belongs at the site's root
        seo.robots(site_dir, url)
    return theme_patches.apply(site_dir, ed)


def withdraw_unfinished(site_dir: Path) -> int:
    """After a failed finish, remove the pages it left unfinished (markers unfilled, no CSP), so that
    `mkdocs serve`, which keeps serving its folder, shows a missing page rather than a broken one;
    returns how many. (`make build` stages its pages, so there the published site is untouched anyway.)"""
    gone = 0
    for page in site_dir.rglob("*.html"):
        if markers.left(page.read_text(encoding="utf-8", errors="replace")):
            page.unlink()
            gone += 1
    return gone


def bets_card(project: pipeline.Project, common: Path, ed: Edition) -> Path:
    """The scored bets' link-preview card in the edition's language (drawn by the charts side the first time)."""
    from build_charts.render import bets_card_for  # vl-convert loads only when a card is asked for

    return bets_card_for(project, common, ed.lang)


def share_card(project: pipeline.Project, chart: pipeline.Chart, ed: Edition) -> Path:
    """The chart's link-preview card in the edition's language (drawn by the charts side the first time)."""
    from build_charts.render import card_for  # vl-convert loads only when a card is asked for

    return card_for(project, chart, ed.lang)
