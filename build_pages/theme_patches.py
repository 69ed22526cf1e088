"""Optional patches of the theme's built files, each in one place, each skipped when its target is absent.

They change the copies in the built site, never the installed theme. Each returns one line saying
what it did or why it did nothing, so a theme update that makes a patch useless is seen in the build
log rather than silently ignored. `MW_THEME_PATCHES=none` (or a comma-separated list of names) turns
them off or picks some, which is how `make bench` measures whether each one still pays.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from build_pages.editions import EDITIONS, Edition

# Material marks <body> while the palette changes, with a rule that restyles every element, and its
# bundle sets and removes the mark on every page load: two extra full style recalculations per page.
# Without the rule, switching the palette by hand lets Material's short colour transitions run.
PALETTE_SWITCHING_RULE = re.compile(r"(?:(?<=\})|^)\[data-md-color-switching\][^{}]*\{[^{}]*\}")


def drop_palette_switching_rule(site_dir: Path, ed: Edition) -> str:
    files = list((site_dir / "assets" / "stylesheets").glob("palette.*.css"))
    changed = 0
    for css in files:
        text = css.read_text(encoding="utf-8")
        new = PALETTE_SWITCHING_RULE.sub("", text)
        if new != text:
            css.write_text(new, encoding="utf-8")
            changed += 1
    if not files:
        return "skipped: no palette.*.css in assets/stylesheets"
    return f"dropped the palette-switching rule from {changed} file(s)" if changed else "skipped: no such rule"


# With this comment as its first line, Chromium (136 and later) compiles the whole script on a
# background thread while it downloads, rather than on the main thread as each function first runs;
# Material's bundle sets up most of its components at load. Other browsers read a comment. The source
# map gets an empty first line so that it still points at the right code.
COMPILE_HINT = "//# allFunctionsCalledOnLoad\n"
MAPPINGS = re.compile(r'("mappings"\s*:\s*")')


def hint_eager_compile(site_dir: Path, ed: Edition) -> str:
    bundles = list((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        return "skipped: no bundle.*.min.js in assets/javascripts"
    for js in bundles:
        text = js.read_text(encoding="utf-8")
        if text.startswith(COMPILE_HINT):  # a dirty rebuild kept the copy already marked
            continue
        js.write_text(COMPILE_HINT + text, encoding="utf-8")
        source_map = js.with_name(js.name + ".map")
        if source_map.exists():
            text = source_map.read_text(encoding="utf-8")
            source_map.write_text(MAPPINGS.sub(r"\1;", text, count=1), encoding="utf-8")
    return f"marked {len(bundles)} bundle(s) for eager compilation"


# Material's search dialog has no accessible name (axe: aria-dialog-name). Done on the built pages
# rather than by overriding the theme's search partial, whose markup differs between generators.
SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(?![^>]*aria-label)')


def name_search_dialog(site_dir: Path, ed: Edition) -> str:
    others = [o.prefix for o in EDITIONS if o != ed and o.prefix]
    named = 0
    for page in site_dir.rglob("*.html"):
        if any(page.relative_to(site_dir).as_posix().startswith(o) for o in others):
            continue  # another edition's page, named in its own words when that edition is finished
        html = page.read_text(encoding="utf-8")
        new = SEARCH_DIALOG.sub(rf'\1 aria-label="{ed.say("search")}"', html)
        if new != html:
            page.write_text(new, encoding="utf-8")
            named += 1
    return f"named the search dialog on {named} page(s)" if named else "skipped: no unnamed search dialog"


# Material's bundle takes every `<link rel="alternate">` in the head for the home page of an edition and
# fetches `sitemap.xml` beside it (to send its own language menu to the same page). The head names each
# page in every edition (finish.editions), so each lookup would be a failed request on every page view.
# The selector (Material: `link[rel=alternate]`, Zensical: `link[rel=alternate][hreflang]`) is renamed to
# one that matches nothing, with as many characters, so the source map still points at the right code.
# Without this patch the site works, with those failed requests.
ALTERNATE_LOOKUP, NO_LOOKUP = '"link[rel=alternate]', '"link[rel=no-lookup]'


def skip_alternate_lookup(site_dir: Path, ed: Edition) -> str:
    bundles = list((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        return "skipped: no bundle.*.min.js in assets/javascripts"
    changed = 0
    for js in bundles:
        text = js.read_text(encoding="utf-8")
        if ALTERNATE_LOOKUP in text:
            js.write_text(text.replace(ALTERNATE_LOOKUP, NO_LOOKUP), encoding="utf-8")
            changed += 1
        elif NO_LOOKUP not in text:  # a theme update changed the script: say so rather than pass silently
            return f"skipped: {js.name} no longer looks up {ALTERNATE_LOOKUP[1:]}"
    return f"turned off the edition lookup in {changed} bundle(s)" if changed else "skipped: already off"


PATCHES: dict[str, Callable[[Path, Edition], str]] = {
    "palette": drop_palette_switching_rule,
    "compile-hint": hint_eager_compile,
    "search-name": name_search_dialog,
    "alternates": skip_alternate_lookup,
}


def apply(site_dir: Path, ed: Edition) -> list[str]:
    """Run the chosen patches (all by default) over a built site; one line per patch."""
    chosen = os.environ.get("MW_THEME_PATCHES", "all")
    names = list(PATCHES) if chosen == "all" else [n for n in chosen.split(",") if n in PATCHES]
    return [f"theme patch {name}: {PATCHES[name](site_dir, ed)}" for name in names]
