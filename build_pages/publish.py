"""Publish a staged site: replace the published folder only when every edition in the staging folder is
whole and finished, so a failed build, at any moment, leaves the last good site exactly as it was.

    python -m build_pages publish STAGING SITE

`make build` (and `make build-zensical`) build both editions into STAGING (`.site-staging/`), English
first, then Chinese into its `zh/`; only then does this check them and move STAGING into SITE's place.
The check: each edition's home page is there, every page's markers are filled (finish ran), and the
Content Security Policy is set. The swap is two renames on one file system (the old site aside, the new
one in); a publish stopped between them is completed by the next one, which finds the old site aside.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from build_charts.errors import PipelineError
from build_pages import editions, markers


class PublishError(PipelineError):
    """A staged site that must not replace the published one."""


def check(staging: Path) -> int:
    """Raise on the first reason the staged site is not whole; returns the number of pages."""
    if not staging.is_dir():
        raise PublishError(staging, None, None, "nothing staged: the build did not finish")
    for ed in editions.EDITIONS:
        home = staging / ed.prefix / "index.html"
        if not home.is_file():
            raise PublishError(home, None, None, f"the {ed.lang} edition is missing: its build did not finish")
    n = 0
    for page in sorted(staging.rglob("*.html")):
        html = page.read_text(encoding="utf-8", errors="replace")
        left = markers.left(html)
        if left:
            raise PublishError(page, None, None, f"unfinished page (markers left: {', '.join(sorted(set(left)))})")
        if page.name != "404.html" and 'http-equiv="Content-Security-Policy"' not in html:
            raise PublishError(page, None, None, "no Content Security Policy: the finish step did not run")
        n += 1
    return n


def publish(staging: Path, site: Path) -> str:
    """Check `staging`, then put it in `site`'s place; the old site goes only once the new one is in."""
    aside = site.with_name(site.name + ".old")
    try:
        if not site.exists() and aside.exists():  # a publish stopped between its two renames: finish it
            aside.rename(site)
        n = check(staging)
        if aside.exists():
            shutil.rmtree(aside)
        if site.exists():
            site.rename(aside)
        try:
            staging.rename(site)
        except OSError:
            if aside.exists() and not site.exists():
                aside.rename(site)  # the new site cannot go in: the old one goes back
            raise
    except OSError as e:  # a read-only or full disk, a folder in use: say which, not a traceback
        raise PublishError(
            e.filename or site, None, None, f"cannot replace the site ({e.strerror or e}); it is left as it was"
        ) from None
    shutil.rmtree(aside, ignore_errors=True)  # the old site, now unused: a leftover is removed next time
    return f"published {n} pages of {len(editions.EDITIONS)} editions to {site}"
