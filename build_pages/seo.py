"""What search engines and link previews read: share tags, each page's place among the editions, the sitemap.

- `share_meta`: Open Graph and Twitter card tags (the page's title, its opening words, its lead chart's card);
- `place_among_editions`: `<html lang>`, the header's language switch at the same page in the other edition,
  and `hreflang` links naming the page in every edition (these need the site's full address);
- `sitemap` and `robots`: both editions' pages, each with its alternates.
"""

from __future__ import annotations

import re
from html import escape, unescape
from pathlib import Path

from build_pages.editions import EDITIONS, Edition, counterpart, edition

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def site_url(site_dir: Path) -> str | None:
    """The published site's address, from the home page's canonical link (None when it has none)."""
    home = site_dir / "index.html"
    found = CANONICAL.search(home.read_text(encoding="utf-8")) if home.exists() else None
    return found[1] if found else None


TITLE = re.compile(r"<title>(.*?)</title>", re.S)
FIRST_CHART = re.compile(r'<figure class="mw-chart" id="[^"]*" data-chart="(\w+)"')
FIRST_PARAGRAPH = re.compile(r"<article\b.*?<h1.*?</h1>.*?<p>(.*?)</p>", re.S)


def share_meta(html: str, image: str | None, canonical: str | None, ed: Edition) -> str:
    """Open Graph and Twitter card tags for a page: its title, its opening words, its lead chart's card."""
    title = escape(re.sub(r"<[^>]+>", "", TITLE.search(html)[1]).strip(), quote=True) if TITLE.search(html) else ""
    opening = FIRST_PARAGRAPH.search(html)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", unescape(opening[1]))).strip() if opening else ""
    if ed.lang == "zh" and len(text) > 100:  # Chinese: cut by characters (there are no spaces between words)
        text = text[:100] + "…"
    elif len(text) > 200:
        text = text[:200].rsplit(" ", 1)[0] + " …"
    tags = {"og:type": "article", "og:site_name": ed.say("site_name"), "og:title": title}
    tags |= {"og:locale": ed.locale}
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


def place_among_editions(html: str, page: str, ed: Edition, root_url: str | None) -> str:
    """The page's place among the editions: `<html lang>` as the edition's language tag, the header's
    language switch pointing at the same page in the other edition, and `hreflang` links in the head
    naming this page in every edition (the theme's name the editions' home pages).

    The links need the site's address (search engines read only full URLs there); the sitemap carries
    the same pairs. Material's script would fetch a sitemap beside each such link: the theme patch
    `alternates` turns that lookup off.
    """
    html = HTML_LANG.sub(f'<html lang="{ed.hreflang}"', html, count=1)
    html = SWITCH.sub(lambda m: m[1] + counterpart(page, ed, edition(m[3])) + m[2], html)
    html = ALTERNATE.sub("", html)
    if not root_url or page.endswith("404.html"):  # a 404 page has no address of its own
        return html
    url = page.removesuffix("index.html")
    links = "".join(
        f'<link rel="alternate" hreflang="{other.hreflang}" href="{root_url}{other.prefix}{url}">' for other in EDITIONS
    )
    return html.replace("</head>", links + "</head>", 1)


def sitemap(site_dir: Path, pages: list[str], root_url: str) -> None:
    """sitemap.xml listing every page in every edition, each with its alternates (editions share file names)."""
    entries = []
    for page in sorted(p.removesuffix("index.html") for p in pages if p != "404.html"):
        alts = "".join(
            f'<xhtml:link rel="alternate" hreflang="{ed.hreflang}" href="{root_url}{ed.prefix}{page}"/>'
            for ed in EDITIONS
        )
        entries += [f"<url><loc>{root_url}{ed.prefix}{page}</loc>{alts}</url>" for ed in EDITIONS]
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(entries) + "\n</urlset>\n"
    )
    (site_dir / "sitemap.xml").write_text(xml, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)  # the generator's, which lists one edition only


def robots(site_dir: Path, url: str | None) -> None:
    """robots.txt, at the site's root, naming the sitemap."""
    text = "User-agent: *\nAllow: /\n" + (f"Sitemap: {url}sitemap.xml\n" if url else "")
    (site_dir / "robots.txt").write_text(text, encoding="utf-8")
