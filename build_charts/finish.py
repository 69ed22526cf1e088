"""After the generator has written the site: publish the charts and finish every page.

Plain Python over the built folder, so any generator that runs the Markdown extensions (MkDocs,
ProperDocs, Zensical) gets the same site: `python -m build_charts finish SITE_DIR`, or the MkDocs
hook after a build.

- publish every chart's files under assets/charts/, and the dark-scheme chart colours (colours.css);
- in every HTML page: resolve the site-root marker of chart URLs relative to that page, and fill the
  Content Security Policy marker with a policy that allows this site's scripts plus the SHA-256
  hashes of the page's own inline scripts (no 'unsafe-inline', no 'unsafe-eval');
- minify the site's own chart scripts (the sources in docs/ stay readable);
- write robots.txt naming the sitemap;
- apply the optional theme patches (`theme_patches.py`).
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

import rjsmin

from build_charts import pipeline, theme, theme_patches

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


def finish_page(html: str, depth: int) -> str:
    """One page: chart URLs relative to the page (`depth` folders below the site root), then its CSP."""
    html = html.replace(pipeline.ROOT_MARK, "../" * depth if depth else "./")
    return html.replace(CSP_MARK, csp(html)) if CSP_MARK in html else html


def site_url(site_dir: Path) -> str | None:
    """The published site's address, from the home page's canonical link (None when it has none)."""
    home = site_dir / "index.html"
    found = CANONICAL.search(home.read_text(encoding="utf-8")) if home.exists() else None
    return found[1] if found else None


def finish(project: pipeline.Project, site_dir: Path) -> list[str]:
    """Finish a built site in place; returns what the theme patches said (one line each)."""
    dest = site_dir / pipeline.ASSET_DIR
    dest.mkdir(parents=True, exist_ok=True)
    for path in pipeline.chart_files(project):
        shutil.copyfile(path, dest / path.name)
    (dest / "colours.css").write_text(theme.dark_css() + "\n", encoding="utf-8")
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        done = finish_page(html, len(page.relative_to(site_dir).parts) - 1)
        if done != html:
            page.write_text(done, encoding="utf-8")
    for script in (site_dir / "assets" / "javascripts").glob("charts*.js"):
        script.write_text(rjsmin.jsmin(script.read_text(encoding="utf-8")), encoding="utf-8")
    url = site_url(site_dir)
    robots = "User-agent: *\nAllow: /\n" + (f"Sitemap: {url}sitemap.xml\n" if url else "")
    (site_dir / "robots.txt").write_text(robots, encoding="utf-8")
    return theme_patches.apply(site_dir)
