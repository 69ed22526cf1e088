"""The heavy half of the pipeline: build charts with Altair and render them with vl-convert.

Run as `python -m build_charts.render --root . --cache .cache/charts --jobs 2 ID…` (the
pipeline does this for you; the workers are forked after the imports, so Altair loads
once). For each chart it writes, into a fresh cache folder: the figure's HTML, a static
SVG, the Vega spec compiled at build time (so readers' browsers never load the Vega-Lite
compiler), and the data as CSV/JSON. (A PNG is drawn from the SVG in the reader's browser.)
On a problem it prints `error: file:line: field: reason` and exits non-zero.
"""

from __future__ import annotations

import argparse
import csv
import functools
import importlib.util
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
from urllib.parse import quote

import altair as alt
import jsonschema
import jsonschema_rs
import vl_convert as vlc
from altair.utils.schemapi import debug_mode

from build_charts import data as data_mod
from build_charts import figure, formats, theme
from build_charts.errors import ChartError, PipelineError
from build_charts.pipeline import SOURCES_ID, Project, cache_key, chart_datasets, chart_ids, output_dir

DETERMINISTIC = {"usermeta": {"generator": "build_charts"}}


def load_chart_module(project: Project, chart_id: str):
    path = project.charts_dir / f"{chart_id}.py"
    spec = importlib.util.spec_from_file_location(f"build_charts.charts.{chart_id}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as e:
        raise ChartError(path, _line_in(e, path), None, f"module failed to import: {type(e).__name__}: {e}") from e
    return module, path


def _line_in(exc: BaseException, path: Path) -> int | None:
    """The deepest traceback line that lies in `path` (the author's chart module)."""
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename).resolve() == path.resolve():
            line = frame.lineno
    return line


def build_spec(project: Project, chart_id: str) -> tuple[dict, list[data_mod.Dataset], Path]:
    module, path = load_chart_module(project, chart_id)
    datasets = [data_mod.load_dataset(project.data_dir / f"{ds}.csv") for ds in chart_datasets(path)]
    # Altair's debug mode validates every piece as it is made; one check of the whole spec below is
    # enough, and a failing chart is built again in debug mode to find the author's line.
    with debug_mode(False):
        chart = _call_build(module, path, datasets)
    try:
        spec = chart.to_dict(validate=False)
    except Exception as e:
        raise ChartError(path, None, "build()", f"the chart is not valid Vega-Lite: {str(e).splitlines()[0]}") from e
    spec["config"] = merge(spec.get("config", {}), theme.config())
    spec.update(DETERMINISTIC)
    if not schema_validator().is_valid(spec):
        raise _schema_problem(module, path, datasets, spec)
    if not spec.get("description"):
        raise ChartError(path, None, "build()", "set `description=` on the chart: it is the figure's accessible text")
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if not title:
        raise ChartError(path, None, "build()", "set a `title=` on the chart")
    return spec, datasets, path


def _call_build(module, path: Path, datasets: list[data_mod.Dataset]) -> alt.TopLevelMixin:
    try:
        chart = module.build(*datasets)
    except Exception as e:
        raise ChartError(path, _line_in(e, path), "build()", f"{type(e).__name__}: {e}") from e
    if not isinstance(chart, alt.TopLevelMixin):
        raise ChartError(path, None, "build()", f"must return an Altair chart, got {type(chart).__name__}")
    return chart


def _schema_problem(module, path: Path, datasets: list[data_mod.Dataset], spec: dict) -> ChartError:
    """Altair's own, readable account of why a spec is invalid (slow, so only when it is)."""
    try:
        chart = _call_build(module, path, datasets)  # debug mode on: a bad piece fails where it is made
        chart.to_dict(validate=True)
    except ChartError as e:
        return e
    except Exception as e:
        return ChartError(path, None, "build()", f"the chart is not valid Vega-Lite: {str(e).splitlines()[0]}")
    # Altair's part was fine, so what the pipeline added (the shared theme's config) breaks the schema
    try:
        alt.Chart.validate(spec)
    except jsonschema.ValidationError as e:
        where = "/".join(str(p) for p in e.absolute_path)
        return ChartError(path, None, "build()", f"the spec is not valid Vega-Lite at {where}: {e.message[:160]}")
    return ChartError(path, None, "build()", "the spec is not valid Vega-Lite (the schema validators disagree)")


@functools.cache
def schema_validator() -> jsonschema_rs.Draft7Validator:
    """The Vega-Lite schema Altair validates against, compiled once by a validator written in Rust.

    It gives the same verdict as `to_dict(validate=True)` hundreds of times faster (that check was a
    tenth of a cold build). The schema's `$ref`s name definitions such as `MarkPropDef<(Gradient|string)>`;
    they are percent-encoded here to be valid URI fragments, which resolve to the same definitions.
    """

    def escape_refs(node):
        if isinstance(node, dict):
            return {k: quote(v, safe="#/") if k == "$ref" else escape_refs(v) for k, v in node.items()}
        return [escape_refs(v) for v in node] if isinstance(node, list) else node

    return jsonschema_rs.Draft7Validator(escape_refs(alt.Chart._rootschema))


def merge(base: dict, over: dict) -> dict:
    """Deep-merge two Vega-Lite config blocks; `over` (the shared theme) wins on conflicts."""
    out = dict(base)
    for k, v in over.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


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


def render_chart(project: Project, chart_id: str) -> None:
    key = cache_key(project, chart_id)
    spec, datasets, path = build_spec(project, chart_id)
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


def render_one(project: Project, chart_id: str) -> str | None:
    """Render one chart (or the Sources page) into the cache; the problem as text if it fails."""
    try:
        if chart_id == SOURCES_ID:
            publish(output_dir(project, chart_id, cache_key(project, chart_id)), {"figure.html": sources_page(project)})
        else:
            render_chart(project, chart_id)
    except PipelineError as e:
        return str(e)
    return None


def render_all(project: Project, ids: list[str], jobs: int = 1) -> list[str]:
    """Render every id, in `jobs` processes forked from this one; returns the problems found."""
    jobs = min(jobs, len(ids))
    if jobs <= 1 or not hasattr(os, "fork"):
        return [p for cid in ids if (p := render_one(project, cid))]
    schema_validator()  # compiled before forking: the workers share it, as they share Altair's import
    # biggest chart modules first, so the last to start is a small one and the workers finish together
    ids = sorted(ids, key=lambda c: -(project.charts_dir / f"{c}.py").stat().st_size if c != SOURCES_ID else 0)
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return [p for p in pool.imap_unordered(functools.partial(render_one, project), ids) if p]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=".")
    ap.add_argument("--cache", default=None)
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (forked once Altair is imported)")
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
