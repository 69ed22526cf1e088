"""The thin MkDocs glue around the chart pipeline (everything else is plain Python-Markdown).

- before any page is read: build every chart (cached), so a broken data file or chart
  stops the build before a single page is written, and print one progress line;
- while `mkdocs serve` runs: watch data/ and build_charts/ too;
- per page: point asset URLs at the site root relative to that page;
- per page: write its Content Security Policy, allowing only this site's scripts plus the
  SHA-256 hashes of the theme's own inline scripts (no 'unsafe-inline', no 'unsafe-eval');
- every page: a small stylesheet of the dark-scheme chart colours, generated from theme.py
  (in the head, so it never re-styles a page half-way through parsing);
- after the build: publish the charts' files under assets/charts/, minify the site's own chart
  scripts (the sources in docs/ stay readable), drop the one rule of Material's palette
  stylesheet that restyles every element twice on each page load, and mark Material's bundle
  for eager compilation off the main thread.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import shutil
from pathlib import Path

import rjsmin
from mkdocs.exceptions import PluginError

from build_charts import pipeline, theme
from build_charts.errors import PipelineError
from build_charts.markdown_ext import current_page

log = logging.getLogger("mkdocs.build_charts")
_state: dict = {}


def _project(config) -> pipeline.Project:
    return pipeline.Project.at(Path(config.config_file_path).parent)


COLOURS_CSS = f"{pipeline.ASSET_DIR}/colours.css"


def on_config(config):
    project = _project(config)
    for folder in (project.data_dir, project.charts_dir.parent):
        if str(folder) not in config.watch:
            config.watch.append(str(folder))
    if COLOURS_CSS not in config.extra_css:
        config.extra_css.append(COLOURS_CSS)
    return config


def on_pre_build(config):
    project = _project(config)
    ids = [*pipeline.chart_ids(project), pipeline.SOURCES_ID]
    try:
        report = pipeline.ensure(project, ids)
    except PipelineError as e:
        raise PluginError(f"chart pipeline: {e}") from None
    _state["ids"] = ids[:-1]
    log.info(report.line())


def on_page_markdown(markdown, page, config, files):
    # Front matter is stripped before Markdown sees the page: remember its length for line numbers.
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8") if page.file.abs_src_path else markdown
    offset = max(0, source.count("\n") - markdown.count("\n"))
    current_page.set((page.file.abs_src_path or page.file.src_uri, offset))
    return markdown


FIGURE = re.compile(r'<figure class="mw-chart".*?</figure>', re.S)


def on_page_content(html, page, config, files):
    depth = page.url.count("/") if config.use_directory_urls else page.file.dest_uri.count("/")
    html = html.replace(pipeline.ROOT_MARK, "../" * depth if depth else "./")
    # Park the figures until the page is written: the search plugin would parse every drawing tag
    # and table cell of a figure it never indexes (figures are data-search-exclude).
    figures: list[str] = []

    def park(m: re.Match) -> str:
        figures.append(m[0])
        return f"<!--mw-figure-{len(figures) - 1}-->"

    html = FIGURE.sub(park, html)
    _state.setdefault("figures", {})[page.file.src_uri] = figures
    return html


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
CSP_MARK = "@@MW_CSP@@"


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


def on_post_page(output, page, config):
    for i, figure in enumerate(_state.get("figures", {}).pop(page.file.src_uri, [])):
        output = output.replace(f"<!--mw-figure-{i}-->", figure, 1)
    return output.replace(CSP_MARK, csp(output)) if CSP_MARK in output else output


# Material marks <body> while the palette changes, with a rule that restyles every element, and its
# bundle sets and removes the mark on every page load: two extra full style recalculations per page
# (about 0.2 s of a throttled phone's main thread on a long page). Without the rule, switching the
# palette by hand merely lets Material's short colour transitions run.
PALETTE_SWITCHING_RULE = re.compile(r"(?:(?<=\})|^)\[data-md-color-switching\][^{}]*\{[^{}]*\}")


def drop_palette_switching_rule(site_dir: Path) -> None:
    for css in (site_dir / "assets" / "stylesheets").glob("palette.*.css"):
        text = css.read_text(encoding="utf-8")
        css.write_text(PALETTE_SWITCHING_RULE.sub("", text), encoding="utf-8")


# With this comment as its first line, Chromium (136 and later) compiles the whole script on a
# background thread while it downloads, instead of on the main thread as each function first runs.
# Material's bundle sets up most of its components at load, so this takes about a third off its
# main-thread time on a throttled phone. Other browsers read a comment. The source map gets an
# empty first line so that it still points at the right code.
COMPILE_HINT = "//# allFunctionsCalledOnLoad\n"
MAPPINGS = re.compile(r'("mappings"\s*:\s*")')


def hint_eager_compile(site_dir: Path) -> None:
    for js in (site_dir / "assets" / "javascripts").glob("bundle.*.min.js"):
        text = js.read_text(encoding="utf-8")
        if text.startswith(COMPILE_HINT):  # a dirty rebuild kept the copy already marked
            continue
        js.write_text(COMPILE_HINT + text, encoding="utf-8")
        source_map = js.with_name(js.name + ".map")
        if source_map.exists():
            text = source_map.read_text(encoding="utf-8")
            source_map.write_text(MAPPINGS.sub(r"\1;", text, count=1), encoding="utf-8")


def on_post_build(config):
    project = _project(config)
    drop_palette_switching_rule(Path(config.site_dir))
    hint_eager_compile(Path(config.site_dir))
    dest = Path(config.site_dir) / pipeline.ASSET_DIR
    dest.mkdir(parents=True, exist_ok=True)
    for path in pipeline.assets(project, _state.get("ids", [])):
        shutil.copyfile(path, dest / path.name)
    (dest / "colours.css").write_text(theme.dark_css() + "\n", encoding="utf-8")
    for script in (Path(config.site_dir) / "assets" / "javascripts").glob("charts*.js"):
        script.write_text(rjsmin.jsmin(script.read_text(encoding="utf-8")), encoding="utf-8")
