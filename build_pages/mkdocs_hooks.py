"""The MkDocs (and ProperDocs) adapter: call the pipeline's steps at the right moments, nothing more.

- before any page is read: check the edition's pages (`pages.check`), then `pipeline.prepare` builds
  every changed chart, so a broken page, data file or chart stops the build before a page is written;
- while `mkdocs serve` runs: watch data/ and build_charts/ too;
- per page: tell the Markdown extension which file it is converting (for error lines);
- after the build: `finish.finish` publishes the charts and finishes every page of the edition;
- if MkDocs itself cannot write (a full or read-only disk): the cause in one line, not its traceback.
Zensical runs no hooks: `python -m build_pages prepare` and `finish` do the same around it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError

from build_charts import pipeline
from build_charts.errors import PipelineError
from build_pages import editions, finish, pages, settings
from build_pages.markdown_ext import current_page

log = logging.getLogger("mkdocs.build_pages")


def _project(config) -> pipeline.Project:
    return pipeline.Project.at(Path(config.config_file_path).parent)


def _edition(config) -> editions.Edition:
    try:
        return editions.edition(config.theme["language"])
    except ValueError as e:
        raise PluginError(f"{config.config_file_path}: theme.language: {e}") from None


def on_config(config):
    project = _project(config)
    _edition(config)  # an unknown language stops here, not in a template
    try:  # once per run: `mkdocs serve` rebuilds with the same environment
        for line in settings.check(project.root):
            log.info(line)
        # the address the configuration resolved (SITE_URL or its default) is what every page will carry
        if config.site_url and not settings.URL.match(config.site_url):
            raise settings.SettingsError(
                config.config_file_path, None, "site_url", f"{config.site_url!r} is not a site address"
            )
    except PipelineError as e:
        raise PluginError(str(e)) from None
    for folder in (project.data_dir, project.charts_dir.parent):
        if str(folder) not in config.watch:
            config.watch.append(str(folder))
    return config


def on_pre_build(config):
    project = _project(config)
    try:
        pages.check(Path(config.docs_dir), project.data_dir, pipeline.chart_ids(project))
        log.info(pipeline.prepare(project, editions.links()).line())
    except PipelineError as e:
        raise PluginError(str(e)) from None


def on_page_markdown(markdown, page, config, files):
    # Front matter is stripped before Markdown sees the page: remember its length for line numbers.
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8") if page.file.abs_src_path else markdown
    offset = max(0, source.count("\n") - markdown.count("\n"))
    current_page.set((page.file.abs_src_path or page.file.src_uri, offset))
    return markdown


def on_post_build(config):
    try:
        for line in finish.finish(_project(config), Path(config.site_dir), _edition(config)):
            log.info(line)  # the theme patches say what they did: a patch a theme update made useless shows
    except PipelineError as e:
        gone = finish.withdraw_unfinished(Path(config.site_dir))  # never a page with unfilled markers
        raise PluginError(f"{e}\n({gone} unfinished pages withdrawn from {config.site_dir})") from None


def on_build_error(error):
    # MkDocs' own writes (the theme's files, the pages) raise a bare OSError, which it shows as a traceback.
    # The build writes into the staging folder, so the published site is untouched: say so, in one line.
    if isinstance(error, OSError):
        where = error.filename2 or error.filename or "the build folder"  # a copy names its source, then its target
        log.error(f"cannot write {where} ({error.strerror or error}); the published site is left as it was")
        raise Abort("Aborted with a write error!")  # as MkDocs ends a build error: the line above, then this
