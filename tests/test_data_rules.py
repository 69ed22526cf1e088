"""Negative tests first: every broken data file stops with its file, line, field and reason."""

from __future__ import annotations

import pytest

from build_charts.data import load_all, load_dataset
from build_charts.errors import DataError
from tests.conftest import GOOD_CSV, GOOD_META


def error_for(path) -> DataError:
    with pytest.raises(DataError) as info:
        load_dataset(path)
    return info.value


def test_row_without_source_names_line_and_column(dataset):
    e = error_for(dataset("year,sales,source\n2010,1.5,maker\n2011,2.5,\n"))
    assert (e.path.name, e.line, e.field) == ("sales.csv", 3, "source")
    assert "missing" in e.reason
    assert "sales.csv:3: source:" in str(e)


def test_source_that_names_no_origin(dataset):
    e = error_for(dataset("year,sales,source\n2010,1.5,someone\n"))
    assert (e.line, e.field) == (2, "source")
    assert "'someone'" in e.reason


def test_wrong_type(dataset):
    e = error_for(dataset("year,sales,source\n2010,lots,maker\n"))
    assert (e.line, e.field) == (2, "sales")
    assert "not a number" in e.reason


def test_value_outside_plausible_range_names_the_unit(dataset):
    e = error_for(dataset("year,sales,source\n2010,-4,maker\n"))
    assert (e.line, e.field) == (2, "sales")
    assert "minimum" in e.reason and "RMB billion" in e.reason


def test_duplicate_key_names_both_lines(dataset):
    e = error_for(dataset(GOOD_CSV + "2010,9,maker\n"))
    assert e.line == 4 and "first on line 2" in e.reason


def test_empty_file(dataset):
    e = error_for(dataset(""))
    assert "empty" in e.reason


def test_header_only(dataset):
    e = error_for(dataset("year,sales,source\n"))
    assert "no records" in e.reason


def test_malformed_csv_row_length(dataset):
    e = error_for(dataset("year,sales,source\n2010,1,5,maker\n"))
    assert e.line == 2 and "expected 3 fields, found 4" in e.reason


def test_malformed_csv_quote(dataset):
    e = error_for(dataset('year,sales,source\n2010,"1.5,maker\n'))
    assert "malformed CSV" in e.reason


def test_column_not_in_metadata(dataset):
    e = error_for(dataset("year,sales,extra,source\n2010,1.5,x,maker\n"))
    assert (e.line, e.field) == (1, "extra")


def test_missing_metadata_file(dataset):
    e = error_for(dataset(meta_text=None))
    assert e.path.name == "sales.meta.yml" and "missing" in e.reason


def test_malformed_yaml_names_line(dataset):
    e = error_for(dataset(meta_text=GOOD_META.replace("key: [year]", "key: [year")))
    assert e.path.name == "sales.meta.yml" and e.line is not None and "malformed YAML" in e.reason


def test_origin_without_url(dataset):
    meta = GOOD_META.replace("    url: https://example.org/t\n", "")
    e = error_for(dataset(meta_text=meta))
    assert e.field == "origins.maker.url" and e.path.name == "sales.meta.yml"


def test_origin_with_bad_date(dataset):
    e = error_for(dataset(meta_text=GOOD_META.replace("date_accessed: 2026-11-25", "date_accessed: yesterday")))
    assert e.field == "origins.maker.date_accessed"
    assert e.line == GOOD_META.splitlines().index("    date_accessed: 2026-11-25") + 1


def test_dataset_without_source_column(dataset):
    meta = GOOD_META.replace("  source: {type: origin}\n", "")
    e = error_for(dataset("year,sales\n2010,1.5\n", meta))
    assert e.field == "columns.source"


def test_metadata_without_dataset(dataset, tmp_path):
    dataset()
    (tmp_path / "data" / "orphan.meta.yml").write_text(GOOD_META)
    with pytest.raises(DataError) as info:
        load_all(tmp_path / "data")
    assert info.value.path.name == "orphan.meta.yml"


def test_good_dataset_loads_typed_rows(dataset):
    ds = load_dataset(dataset())
    assert ds.rows[0] == {"year": 2010, "sales": 1.5, "source": "maker"}
    assert ds.lines == [2, 3]
    assert ds.origin(ds.rows[0]).producer == "Test Producer"


def test_csv_saved_with_a_byte_order_mark_loads(dataset):
    path = dataset()
    path.write_bytes(b"\xef\xbb\xbf" + GOOD_CSV.encode())  # as a spreadsheet saves "CSV UTF-8"
    assert [r["year"] for r in load_dataset(path).rows] == [2010, 2011]


def test_file_that_is_not_utf8_names_file_and_line(dataset):
    path = dataset()
    path.write_bytes(b"year,sales,source\n2010,1.5,maker\n2011,2.5,m\xe4ker\n")  # Latin-1
    e = error_for(path)
    assert (e.path.name, e.line) == ("sales.csv", 3)
    assert "UTF-8" in e.reason
    meta = path.with_name("sales.meta.yml")
    path.write_text(GOOD_CSV, encoding="utf-8")
    meta.write_bytes(GOOD_META.replace("Test Producer", "Pr\xf6ducer").encode("latin-1"))
    e = error_for(path)
    assert e.path.name == "sales.meta.yml" and e.line == GOOD_META.splitlines().index("    producer: Test Producer") + 1
