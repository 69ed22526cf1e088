"""Build a chart's Vega-Lite spec: run its module's `build()` with Altair (and the shared theme), check it.

Only the process that builds charts imports this (and so Altair); the process that draws them
does not need it. A spec that breaks Vega-Lite's schema, or lacks a title or a description,
stops here with the chart module's path (and line, where the author's code raised).
"""

from __future__ import annotations

import functools
import importlib.util
import traceback
from pathlib import Path
from urllib.parse import quote

import altair as alt
import jsonschema
import jsonschema_rs
from altair.utils.schemapi import debug_mode

from build_charts import data as data_mod
from build_charts import kit, theme, words
from build_charts.errors import ChartError
from build_charts.pipeline import Project, chart_datasets

DETERMINISTIC = {"usermeta": {"generator": "build_charts"}}


@alt.theme.register("model_wars", enable=True)
def _model_wars_theme() -> alt.theme.ThemeConfig:
    """The shared look (theme.py) as an Altair theme: a chart's own config wins over it."""
    return alt.theme.ThemeConfig(config=theme.config())


@alt.theme.register("model_wars_zh", enable=False)
def _model_wars_zh_theme() -> alt.theme.ThemeConfig:
    """The same look for the Chinese edition: its font stack and the zh-CN number and date locale."""
    return alt.theme.ThemeConfig(config=theme.config("zh"))


THEMES = {"en": "model_wars", "zh": "model_wars_zh"}


def load_chart_module(project: Project, chart_id: str):
    path = project.charts_dir / f"{chart_id}.py"
    spec = importlib.util.spec_from_file_location(f"build_charts.charts.{chart_id}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except SyntaxError as e:
        raise ChartError(path, e.lineno, None, f"syntax error: {e.msg}") from None
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


LAYOUTS = {"wide": kit.WIDE, "narrow": kit.NARROW}


def build_spec(
    project: Project, chart_id: str, langs: tuple[str, ...] = words.LANGUAGES
) -> tuple[dict[str, dict[str, dict]], dict[str, list[data_mod.Dataset]], Path]:
    """The chart's spec per language and layout (wide, and narrow for phones when the chart draws it
    differently), and its datasets as each language's readers see them (labels, notes)."""
    module, path = load_chart_module(project, chart_id)
    loaded = [data_mod.load_dataset(project.data_dir / f"{ds}.csv") for ds in chart_datasets(path)]
    specs: dict[str, dict[str, dict]] = {}
    datasets: dict[str, list[data_mod.Dataset]] = {}
    for lang in langs:
        datasets[lang] = [ds.in_language(lang) for ds in loaded]
        specs[lang] = {}
        with words.use(lang), alt.theme.enable(THEMES[lang]):
            for name, width in LAYOUTS.items():
                with kit.layout(width):
                    specs[lang][name] = _layout_spec(module, path, datasets[lang])
        if specs[lang]["narrow"] == specs[lang]["wide"]:  # a chart that ignores the layout is drawn once
            del specs[lang]["narrow"]
    return specs, datasets, path


def _layout_spec(module, path: Path, datasets: list[data_mod.Dataset]) -> dict:
    # Altair's debug mode validates every piece as it is made; one check of the whole spec below is
    # enough, and a failing chart is built again in debug mode to find the author's line.
    with debug_mode(False):
        chart = _call_build(module, path, datasets)
    try:
        spec = chart.to_dict(validate=False)
    except Exception as e:
        raise _not_vega_lite(path, e) from e
    spec["usermeta"] = spec.get("usermeta", {}) | DETERMINISTIC["usermeta"]  # a chart's own (kit.answer) kept
    if not schema_validator().is_valid(spec):
        raise _schema_problem(module, path, datasets, spec)
    if not spec.get("description"):
        raise ChartError(path, None, "build()", "set `description=` on the chart: it is the figure's accessible text")
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if not title:
        raise ChartError(path, None, "build()", "set a `title=` on the chart")
    small = sorted(set(_small_type(spec)))
    if small:
        raise ChartError(
            path,
            None,
            "build()",
            f"font size {small[0]} is below theme.TEXT_MIN ({theme.TEXT_MIN} px): use kit.TEXT_MIN",
        )
    return spec


def _small_type(node):
    """Every font size in a spec (fontSize, labelFontSize, …) below the smallest a phone reader can read."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.lower().endswith("fontsize") and isinstance(value, int | float) and value < theme.TEXT_MIN:
                yield value
            else:
                yield from _small_type(value)
    elif isinstance(node, list):
        for value in node:
            yield from _small_type(value)


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
        return _not_vega_lite(path, e)
    # Altair's part was fine, so what the pipeline added (the shared theme's config) breaks the schema
    try:
        alt.Chart.validate(spec)
    except jsonschema.ValidationError as e:
        where = "/".join(str(p) for p in e.absolute_path)
        return ChartError(path, None, "build()", f"the spec is not valid Vega-Lite at {where}: {e.message[:160]}")
    return ChartError(path, None, "build()", "the spec is not valid Vega-Lite (the schema validators disagree)")


def _not_vega_lite(path: Path, e: Exception) -> ChartError:
    return ChartError(path, None, "build()", f"the chart is not valid Vega-Lite: {str(e).splitlines()[0]}")


@functools.cache
def schema_validator() -> jsonschema_rs.Draft7Validator:
    """The Vega-Lite schema Altair validates against, compiled once by a validator written in Rust.

    It gives the same verdict as `to_dict(validate=True)` (a test checks that they agree), without
    Altair's slow Python validator on every chart of every build. The schema's `$ref`s name
    definitions such as `MarkPropDef<(Gradient|string)>`; they are percent-encoded here to be valid
    URI fragments, which resolve to the same definitions.
    """

    def escape_refs(node):
        if isinstance(node, dict):
            return {k: quote(v, safe="#/") if k == "$ref" else escape_refs(v) for k, v in node.items()}
        return [escape_refs(v) for v in node] if isinstance(node, list) else node

    return jsonschema_rs.Draft7Validator(escape_refs(alt.Chart._rootschema))
