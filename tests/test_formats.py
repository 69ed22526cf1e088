"""Number formats keep the figure's precision: every number a data file gives is written with all its digits."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from build_charts import formats
from build_charts.data import load_all
from build_charts.words import use

DATA = Path(__file__).resolve().parents[1] / "data"


def _written_numbers() -> list[tuple[str, str, str, str]]:
    """(dataset, column, unit, the cell as written) for every decimal number cell in data/."""
    found = []
    for ds_id, ds in load_all(DATA).items():
        numbers = {name: col for name, col in ds.meta.columns.items() if col.type == "number"}
        with (DATA / f"{ds_id}.csv").open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                for name, col in numbers.items():
                    if "." in (row.get(name) or ""):
                        found.append((ds_id, name, col.unit or "", row[name]))
    return found


def _digits(text: str) -> Decimal:
    """The number inside a formatted value: 'RMB 1,234.5 bn' -> 1234.5."""
    kept = "".join(c for c in text if c.isdigit() or c in ".-")
    return Decimal(kept.strip(".")).normalize()


def test_a_value_with_more_than_three_decimals_keeps_them():
    # the case that made RMB 0.02271 bn read 'RMB 0.023 bn' (and 0.02 vs 0.023 looked like a different figure)
    value = float("0.02271")
    with use("en"):
        assert _digits(formats.number(value, "RMB billion")) == Decimal("0.02271")


@pytest.mark.parametrize(("ds_id", "column", "unit", "written"), _written_numbers())
def test_every_decimal_in_the_data_is_shown_with_all_its_digits(ds_id, column, unit, written):
    with use("en"):
        shown = formats.number(float(written), unit or None)
    assert _digits(shown) == Decimal(written).normalize(), f"{ds_id}.{column}: {written} shown as {shown!r}"


@pytest.mark.parametrize(("ds_id", "column", "unit", "written"), _written_numbers())
def test_every_decimal_in_the_data_keeps_its_digits_in_the_table(ds_id, column, unit, written):
    with use("en"):
        shown = formats.cell(float(written), unit or None)
    assert _digits(shown) == Decimal(written).normalize(), f"{ds_id}.{column}: {written} in the table as {shown!r}"
