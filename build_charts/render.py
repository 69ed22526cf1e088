"""The heavy half of the pipeline: build charts with Altair, draw them with vl-convert, write them.

Run as `python -m build_charts.render --root . --cache .cache/charts --jobs 2 ID…` (the
pipeline does this for you). For each chart it writes, into a fresh cache folder: the
figure's HTML, a static SVG, the Vega spec compiled at build time (so readers' browsers
never load the Vega-Lite compiler), and the data as CSV/JSON. (A PNG is drawn from the SVG
in the reader's browser.) On a problem it prints `error: file:line: field: reason` and
exits non-zero.

With two cores or more, two processes share the work: a builder, forked first, imports
Altair and runs the chart modules (`spec.py`); meanwhile this process starts vl-convert's
JavaScript engine (once, not once per worker), then draws and writes each spec as it arrives.

Chart text is measured with the Liberation Sans that vl-convert bundles (metrics of Arial and
Helvetica, where readers' font stack ends) plus any fonts in `build_charts/fonts/`, never with
the machine's own fonts: see `measure_with_own_fonts`.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import traceback
from html import escape
from pathlib import Path

import vl_convert as vlc

from build_charts import data as data_mod
from build_charts import figure, formats
from build_charts.errors import ChartError, PipelineError
from build_charts.pipeline import SOURCES_ID, Project, cache_key, chart_ids, output_dir

FONTS_CONF = """<?xml version="1.0"?>
<!-- Written by build_charts/render.py: vl-convert measures chart text with its bundled
     Liberation Sans plus the fonts in the folder below, not with the machine's own fonts. -->
<fontconfig><dir>{}</dir></fontconfig>
"""


def data_records(datasets: list[data_mod.Dataset]) -> list[dict]:
    """The chart's data for download: every row, with its source spelled out."""
    out = []
    for ds in datasets:
        for row in ds.rows:
            o = ds.origin(row)
            rec = ({"dataset": ds.id} if len(datasets) > 1 else {}) | row
            rec |= {"source_producer": o.producer, "source_title": o.title, "source_url": o.url}
            out.append(rec)
    return out


def to_csv(records: list[dict]) -> str:
    cols: list[str] = []
    for r in records:
        cols += [c for c in r if c not in cols]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    w.writerows(records)
    return buf.getvalue()


def measure_with_own_fonts(project: Project) -> None:
    """Keep the machine's fonts out of vl-convert's text measuring, before its first drawing.

    The same drawing on every machine (CI, an author's laptop) whatever fonts it has, and about
    twice as fast: vl-convert re-reads a system font file from disk for every glyph it measures,
    while its bundled fonts stay in memory. vl-convert's font database (fontdb) reads the
    fontconfig file named by FONTCONFIG_FILE and, when that lists a folder, loads fonts from
    there only. Linux only (elsewhere fontdb does not read fontconfig, and system fonts are
    used as before). Takes effect only if this process has not drawn anything yet.
    """
    conf = project.cache_dir / "fonts.conf"
    text = FONTS_CONF.format(escape(str(project.fonts_dir)))
    if not conf.exists() or conf.read_text(encoding="utf-8") != text:
        conf.parent.mkdir(parents=True, exist_ok=True)
        tmp = conf.with_name(f".fonts.conf.{os.getpid()}")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(conf)  # atomic: a concurrent render never reads half a file
    os.environ["FONTCONFIG_FILE"] = str(conf)


def render_chart(project: Project, chart_id: str) -> None:
    from build_charts.spec import build_spec  # here, not at the top: the drawing process never loads Altair

    draw(project, chart_id, *build_spec(project, chart_id))


def draw(project: Project, chart_id: str, spec: dict, datasets: list[data_mod.Dataset], path: Path) -> None:
    """Compile a finished Vega-Lite spec to Vega, draw its SVG and write the chart's cache entry."""
    key = cache_key(project, chart_id)
    try:
        vega = vlc.vegalite_to_vega(spec)  # compiled once: the SVG is drawn from the same Vega spec
        svg = vlc.vega_to_svg(vega)
    except Exception as e:
        raise ChartError(path, None, "render", f"vl-convert could not render the chart: {e}") from e
    title = spec["title"]["text"] if isinstance(spec["title"], dict) else spec["title"]
    if isinstance(title, list):
        title = " ".join(title)
    stem = f"{chart_id}.{key[:10]}"
    records = data_records(datasets)
    files = {
        f"{stem}.svg": svg,
        f"{stem}.vg.json": json.dumps(vega, separators=(",", ":"), sort_keys=True),
        f"{stem}.csv": to_csv(records) if datasets else None,
        f"{stem}.json": json.dumps(records, ensure_ascii=False, indent=1) if datasets else None,
        "figure.html": figure.render(chart_id, key, title, spec["description"], svg, datasets),
    }
    publish(output_dir(project, chart_id, key), files)


def publish(out: Path, files: dict[str, str | bytes | None]) -> None:
    """Write all files to a temporary folder, then move it into place: never a half-written cache entry."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=".tmp-"))
    for name, content in files.items():
        if content is None:
            continue
        if isinstance(content, bytes):
            (tmp / name).write_bytes(content)
        else:
            (tmp / name).write_text(content, encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    # entries of the same chart under older keys can never be used again
    chart_id = out.name.rsplit("-", 1)[0]
    for old in out.parent.glob(f"{chart_id}-*"):
        if old != out and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def sources_page(project: Project) -> str:
    """The body of the Sources page: every dataset, its origins, notes and users."""
    datasets = data_mod.load_all(project.data_dir)
    known = set(chart_ids(project))
    parts = []
    for ds in datasets.values():
        m = ds.meta
        for cid in m.used_by:
            if cid not in known:
                raise data_mod.DataError(
                    ds.path.with_name(f"{ds.id}.meta.yml"),
                    None,
                    "used_by",
                    f"names chart {cid!r}, which does not exist",
                )
        parts.append(f"## {escape(m.title)} {{#{formats.dataset_anchor(ds.id)}}}\n")
        parts.append(f"{escape(m.description)}\n")
        used = ", ".join(f"<code>{c}</code>" for c in m.used_by) or "context only"
        parts.append(  # facts about the file, not prose worth a search hit on every page's index
            f"<p data-search-exclude><em>Dataset</em> <code>{ds.id}</code> · <em>period:</em> {escape(m.period)}"
            f" · <em>records:</em> {len(ds.rows)} · <em>drawn by:</em> {used}</p>\n"
        )
        items = "".join(
            f"<li>{formats.cite(o)}. Accessed {escape(o.date_accessed)}."
            + (f" <em>{escape(o.note)}</em>" if o.note else "")
            + "</li>"
            for o in m.origins.values()
        )
        parts.append(f'<ul class="mw-sources" data-search-exclude>{items}</ul>\n')
        if m.notes:
            parts.append(
                '<ul class="mw-notes" data-search-exclude>'
                + "".join(f"<li>{escape(n)}</li>" for n in m.notes)
                + "</ul>\n"
            )
    return "\n".join(parts)


def publish_sources(project: Project) -> None:
    publish(output_dir(project, SOURCES_ID, cache_key(project, SOURCES_ID)), {"figure.html": sources_page(project)})


def render_one(project: Project, chart_id: str) -> str | None:
    """Render one chart (or the Sources page) into the cache; the problem as text if it fails."""
    try:
        if chart_id == SOURCES_ID:
            publish_sources(project)
        else:
            render_chart(project, chart_id)
    except PipelineError as e:
        return str(e)
    return None


def render_all(project: Project, ids: list[str], jobs: int = 1) -> list[str]:
    """Render every id; returns the problems found (all of them, not only the first).

    Even one chart is worth two processes: Altair loads while the engine starts.
    """
    measure_with_own_fonts(project)
    # forking without exec is only dependable on Linux (macOS frameworks refuse it): elsewhere, one process
    if jobs <= 1 or not sys.platform.startswith("linux"):
        return [p for cid in ids if (p := render_one(project, cid))]
    ctx = multiprocessing.get_context("fork")
    inbox, outbox = ctx.Pipe(duplex=False)
    # forked before vl-convert starts its engine: the engine's threads would not survive a fork
    builder = ctx.Process(target=_build_all, args=(project, ids, outbox), daemon=True)
    builder.start()
    outbox.close()
    vlc.vega_to_svg({"marks": [{"type": "text", "encode": {"enter": {"text": {"value": "warm"}}}}]})
    problems = []
    while True:
        try:
            message = inbox.recv()
        except EOFError:
            builder.join()
            problems.append(f"the chart builder stopped unexpectedly (exit code {builder.exitcode})")
            break
        if message is None:
            break
        chart_id, built, problem = message
        if problem:
            problems.append(problem)
        elif built:
            try:
                draw(project, chart_id, *built)
            except PipelineError as e:
                problems.append(str(e))
    builder.join()
    return problems


def _build_all(project: Project, ids: list[str], outbox) -> None:
    """The builder process: each chart's finished spec (or its problem) goes to the drawer as soon as it is ready."""
    from build_charts.spec import build_spec

    for cid in ids:
        try:
            if cid == SOURCES_ID:
                publish_sources(project)
                outbox.send((cid, None, None))
            else:
                outbox.send((cid, build_spec(project, cid), None))
        except PipelineError as e:
            outbox.send((cid, None, str(e)))
        except Exception:  # a bug in the pipeline itself: say where, and carry on with the other charts
            outbox.send((cid, None, f"{cid}: " + traceback.format_exc().strip().splitlines()[-1]))
    outbox.send(None)
    outbox.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=".")
    ap.add_argument("--cache", default=None)
    ap.add_argument("--jobs", type=int, default=1, help="cores to use: 2 or more splits building from drawing")
    ap.add_argument("ids", nargs="*")
    args = ap.parse_args(argv)
    project = Project.at(args.root, args.cache)
    ids = args.ids or [*chart_ids(project), SOURCES_ID]
    problems = render_all(project, ids, args.jobs)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 3 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
