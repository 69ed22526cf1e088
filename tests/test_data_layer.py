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


@pytest.mark.parametrize("ds_id", sorted(DATASETS))
def test_every_dataset_is_drawn_or_listed_as_context(ds_id):
    meta = DATASETS[ds_id].meta
    assert meta.used_by or meta.context, f"{ds_id}: no chart uses it and it is not marked context"
    for chart_id in meta.used_by:
        module = PROJECT.charts_dir / f"{chart_id}.py"
        assert module.exists(), f"{ds_id}: used_by names missing chart {chart_id}"
        assert ds_id in pipeline.chart_datasets(module), f"{chart_id}.build() does not take {ds_id}"


def test_every_chart_names_only_existing_datasets():
    for chart_id in pipeline.chart_ids(PROJECT):
        for ds_id in pipeline.chart_datasets(PROJECT.charts_dir / f"{chart_id}.py"):
            assert ds_id in DATASETS, f"{chart_id} asks for unknown dataset {ds_id}"
            assert chart_id in DATASETS[ds_id].meta.used_by, f"{ds_id}.meta.yml: used_by should list {chart_id}"


@pytest.mark.parametrize("ds_id", sorted(DATASETS))
def test_every_shown_column_has_a_label_for_readers(ds_id):
    for name, col in DATASETS[ds_id].meta.columns.items():
        if col.table:
            assert col.label and "_" not in col.label, f"{ds_id}.{name}: give it a `label:` for the data table"
