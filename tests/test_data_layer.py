"""The real datasets: every record sourced, units and ranges declared, periods explicit, every dataset used."""

from __future__ import annotations

import re

import pytest

from build_charts import pipeline
from build_charts.data import load_all
from tests.conftest import ROOT

PROJECT = pipeline.Project.at(ROOT)
DATASETS = load_all(PROJECT.data_dir)
# Period labels the data may use: 2014, 2008-H1, 2014-Q2, FY2015, "TTM Dec 2013", 2011-10, 2013-03-31
PERIOD = re.compile(r"^(\d{4}(-(Q[1-4]|H[12]|\d{2}(-\d{2})?))?|FY\d{4}|TTM [A-Z][a-z]{2} \d{4})$")


def test_there_are_datasets():
    assert len(DATASETS) >= 9


@pytest.mark.parametrize("ds_id", sorted(DATASETS))
def test_every_record_names_an_origin_with_title_url_and_access_date(ds_id):
    ds = DATASETS[ds_id]
    for row in ds.rows:
        o = ds.origin(row)
        assert o.title.strip() and o.url.startswith(("http://", "https://")) and o.date_accessed


@pytest.mark.parametrize("ds_id", sorted(DATASETS))
def test_numeric_columns_declare_unit_and_plausible_range(ds_id):
    for name, col in DATASETS[ds_id].meta.columns.items():
        if col.type in ("number",):
            assert col.unit, f"{ds_id}.{name} has no unit"
        if col.type in ("number", "integer"):
            assert col.min is not None and col.max is not None, f"{ds_id}.{name} has no plausible range"


@pytest.mark.parametrize("ds_id", sorted(DATASETS))
def test_periods_parse(ds_id):
    ds = DATASETS[ds_id]
    for name in ("period", "year"):
        if name in ds.meta.columns:
            for row, line in zip(ds.rows, ds.lines, strict=True):
                assert PERIOD.match(str(row[name])), f"{ds.path.name}:{line}: {name} {row[name]!r}"


DRAWN = {ds for cid in pipeline.chart_ids(PROJECT) for ds in pipeline.chart_datasets(PROJECT.charts_dir / f"{cid}.py")}


@pytest.mark.parametrize("ds_id", sorted(DATASETS))
def test_every_dataset_is_drawn_or_marked_as_context(ds_id):
    drawn, context = ds_id in DRAWN, DATASETS[ds_id].meta.context
    assert drawn != context, f"{ds_id}: " + ("drawn by a chart, yet marked context" if drawn else "no chart draws it")


def test_every_chart_names_only_existing_datasets():
    assert set(DATASETS) >= DRAWN, f"charts ask for unknown datasets: {DRAWN - set(DATASETS)}"


@pytest.mark.parametrize("ds_id", sorted(DATASETS))
def test_every_shown_column_has_a_label_for_readers(ds_id):
    for name, col in DATASETS[ds_id].meta.columns.items():
        if col.table:
            assert col.label and "_" not in col.label, f"{ds_id}.{name}: give it a `label:` for the data table"


HAN = re.compile(r"[\u4e00-\u9fff]")  # a Chinese character (CJK Unified Ideographs)


@pytest.mark.parametrize("ds_id", sorted(DATASETS))
def test_every_dataset_reads_in_chinese(ds_id):
    """The zh edition's metadata: every reader-facing text the English gives has Chinese in it."""
    en, zh = DATASETS[ds_id].meta, DATASETS[ds_id].in_language("zh").meta
    texts = {"title": zh.title, "description": zh.description, "period": zh.period}
    texts |= {f"notes[{i}]": n for i, n in enumerate(zh.notes)}
    for name, col in zh.columns.items():
        texts |= {f"{name}.label": col.label} if en.columns[name].label else {}
        texts |= {f"{name}.description": col.description} if en.columns[name].description else {}
    texts |= {f"origins.{o}.note": zh.origins[o].note for o in DATASETS[ds_id].meta.zh.origins}
    for where, text in texts.items():
        assert text and HAN.search(text), f"{ds_id}: zh {where} has no Chinese: {text!r}"
    for name, col in zh.columns.items():
        if col.type == "string":
            labels = [col.value_labels[r[name]] for r in DATASETS[ds_id].rows if r[name] is not None]
            assert all(label.strip() for label in labels), f"{ds_id}: zh.columns.{name}: an empty value label"


def test_a_producer_has_one_chinese_name_wherever_it_is_named():
    names: dict[str, dict[str, str]] = {}  # English producer -> Chinese name -> where first given
    for ds_id, ds in sorted(DATASETS.items()):
        zh = ds.meta.in_language("zh")
        for oid, o in ds.meta.origins.items():
            names.setdefault(o.producer, {}).setdefault(zh.origins[oid].producer, f"{ds_id}.{oid}")
    split = {p: n for p, n in names.items() if len(n) > 1}
    assert not split, f"one producer, several Chinese names (give it one): {split}"
