"""Load and validate datasets: `data/<id>.csv` beside `data/<id>.meta.yml`.

Every problem is raised as a `DataError` that names the file, the line, the
column and the reason, so the build can stop with a message an author can act on.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from build_charts.errors import DataError

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class Origin(BaseModel):
    """Where a figure came from (after owid/etl's `Origin`)."""

    model_config = ConfigDict(extra="forbid")
    producer: str = Field(min_length=1)
    title: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://\S+$")
    date_published: str | None = None
    date_accessed: str
    kind: Literal["primary", "secondary"] = "primary"
    note: str | None = None

    @field_validator("date_published", "date_accessed", mode="before")
    @classmethod
    def _date(cls, v: Any) -> Any:
        if isinstance(v, dt.date):  # YAML turns 2019-11-12 into a date
            v = v.isoformat()
        if isinstance(v, int):
            v = str(v)
        if v is not None and not (isinstance(v, str) and DATE_RE.match(v)):
            raise ValueError("must be YYYY, YYYY-MM or YYYY-MM-DD")
        return v


class Column(BaseModel):
    """One column of a dataset: its type, unit and plausible range."""

    model_config = ConfigDict(extra="forbid")
    type: Literal["integer", "number", "string", "date", "boolean", "origin"]
    label: str | None = None  # the column's name for readers (table headers, tooltips); defaults to its id
    description: str = ""
    unit: str | None = None
    required: bool = True
    min: float | None = None
    max: float | None = None
    values: list[str] | None = None  # allowed values for a categorical string column
    value_labels: dict[str, str] | None = None  # readers' words for coded values, in tables (e.g. gmv_rmb_bn)
    table: bool = True  # shown in the figure's data table (the CSV/JSON downloads always have every column)


class Meta(BaseModel):
    """The metadata file beside a dataset."""

    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)
    period: str = Field(min_length=1)
    key: list[str] = Field(min_length=1)
    columns: dict[str, Column]
    origins: dict[str, Origin] = Field(min_length=1)
    notes: list[str] = []
    context: bool = False  # drawn by no chart: background for the text (which charts draw it, their build() says)


@dataclass
class Dataset:
    """A validated dataset: its metadata and typed rows (with their CSV line numbers)."""

    id: str
    path: Path
    meta: Meta
    rows: list[dict[str, Any]]
    lines: list[int] = field(default_factory=list)

    def origin(self, row: dict[str, Any]) -> Origin:
        return self.meta.origins[row["source"]]

    def used_origins(self) -> dict[str, Origin]:
        """Origins referenced by at least one row, in the order first used."""
        seen: dict[str, Origin] = {}
        for row in self.rows:
            seen.setdefault(row["source"], self.meta.origins[row["source"]])
        return seen


# libyaml's safe loader when PyYAML was built with it (same results and error marks, in C)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml_line(text: str, key: str) -> int | None:
    """Best-effort line of a top-level or nested key in a YAML text (for messages)."""
    for n, line in enumerate(text.splitlines(), 1):
        if re.match(rf"^\s*{re.escape(key)}\s*:", line):
            return n
    return None


def read_text(path: Path) -> str:
    """A data or metadata file's text: UTF-8, with or without the byte-order mark spreadsheets write."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        reason = f"not UTF-8 text (byte 0x{raw[e.start]:02x}); save the file as UTF-8"
        raise DataError(path, line, None, reason) from None


def load_meta(path: Path) -> Meta:
    text = read_text(path) if path.exists() else None
    if text is None:
        raise DataError(path, None, None, "metadata file is missing (every dataset needs one beside it)")
    try:
        raw = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise DataError(path, line, None, f"malformed YAML: {getattr(e, 'problem', e)}") from None
    if not isinstance(raw, dict):
        raise DataError(path, 1, None, "expected a mapping of title, description, columns, origins, …")
    try:
        return Meta.model_validate(raw)
    except ValidationError as e:
        err = e.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        last = next((str(p) for p in reversed(err["loc"]) if isinstance(p, str)), None)
        line = _yaml_line(text, last) if last else None
        raise DataError(path, line, loc, err["msg"]) from None


def _convert(value: str, col: Column, name: str, meta: Meta) -> Any:
    if col.type == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise ValueError(f"{value!r} is not a whole number")
        out: Any = int(value)
    elif col.type == "number":
        try:
            out = float(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a number") from None
        if out != out or out in (float("inf"), float("-inf")):
            raise ValueError(f"{value!r} is not a finite number")
    elif col.type == "date":
        if not DATE_RE.match(value):
            raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        parts = [int(p) for p in value.split("-")]
        try:
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError as e:
            raise ValueError(f"{value!r} is not a real date ({e})") from None
        out = value
    elif col.type == "boolean":
        if value not in ("true", "false"):
            raise ValueError(f"{value!r} is not true or false")
        out = value == "true"
    elif col.type == "origin":
        if value not in meta.origins:
            raise ValueError(f"origin {value!r} is not listed under `origins` in the metadata")
        out = value
    else:
        out = value
        if col.values is not None and value not in col.values:
            raise ValueError(f"{value!r} is not one of {col.values}")
    if col.type in ("integer", "number"):
        if col.min is not None and out < col.min:
            raise ValueError(
                f"{value} is below the plausible minimum {col.min:g}" + (f" {col.unit}" if col.unit else "")
            )
        if col.max is not None and out > col.max:
            raise ValueError(
                f"{value} is above the plausible maximum {col.max:g}" + (f" {col.unit}" if col.unit else "")
            )
    return out


def load_dataset(csv_path: Path) -> Dataset:
    """Read and check one dataset; raise DataError naming file, line, column and reason."""
    ds_id = csv_path.name.removesuffix(".csv")
    if not ID_RE.match(ds_id):
        raise DataError(csv_path, None, None, "dataset file names must be snake_case ids, e.g. singles_day.csv")
    meta_path = csv_path.with_name(f"{ds_id}.meta.yml")
    meta = load_meta(meta_path)
    if "source" not in meta.columns or meta.columns["source"].type != "origin":
        raise DataError(
            meta_path,
            _yaml_line(read_text(meta_path), "columns"),
            "columns.source",
            "every dataset needs a `source` column of type origin: each record says where it came from",
        )
    for k in meta.key:
        if k not in meta.columns:
            raise DataError(
                meta_path,
                _yaml_line(read_text(meta_path), "key"),
                "key",
                f"key column {k!r} is not among the columns",
            )

    text = read_text(csv_path)
    if not text.strip():
        raise DataError(csv_path, 1, None, "the file is empty (expected a header row and records)")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as e:
        raise DataError(csv_path, 1, None, f"malformed CSV: {e}") from None
    missing = [c for c, spec in meta.columns.items() if c not in header and spec.required]
    if missing:
        raise DataError(csv_path, 1, missing[0], "column is described in the metadata but missing from the header")
    unknown = [c for c in header if c not in meta.columns]
    if unknown:
        raise DataError(csv_path, 1, unknown[0], "column is not described in the metadata file")
    if len(set(header)) != len(header):
        raise DataError(csv_path, 1, None, "duplicate column name in the header")

    rows: list[dict[str, Any]] = []
    lines: list[int] = []
    seen: dict[tuple, int] = {}
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            raise DataError(csv_path, reader.line_num, None, f"malformed CSV: {e}") from None
        line = reader.line_num
        if not cells or all(not c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise DataError(csv_path, line, None, f"expected {len(header)} fields, found {len(cells)}")
        row: dict[str, Any] = {}
        for name, raw in zip(header, cells, strict=True):
            col = meta.columns[name]
            value = raw.strip()
            if value == "":
                if col.required:
                    raise DataError(csv_path, line, name, "value is missing (the column is required)")
                row[name] = None
                continue
            try:
                row[name] = _convert(value, col, name, meta)
            except ValueError as e:
                raise DataError(csv_path, line, name, str(e)) from None
        for name in meta.columns:
            row.setdefault(name, None)
        key = tuple(row[k] for k in meta.key)
        if key in seen:
            raise DataError(csv_path, line, ",".join(meta.key), f"duplicate key {key} (first on line {seen[key]})")
        seen[key] = line
        rows.append(row)
        lines.append(line)
    if not rows:
        raise DataError(csv_path, 2, None, "the file has a header but no records")
    return Dataset(ds_id, csv_path, meta, rows, lines)


def dataset_paths(data_dir: Path) -> list[Path]:
    """Every dataset in the data folder, sorted; a metadata file with no CSV is an error."""
    csvs = sorted(data_dir.glob("*.csv"))
    for meta in sorted(data_dir.glob("*.meta.yml")):
        if not meta.with_name(meta.name.removesuffix(".meta.yml") + ".csv").exists():
            raise DataError(meta, None, None, "metadata file has no dataset (CSV) beside it")
    return csvs


def load_all(data_dir: Path) -> dict[str, Dataset]:
    return {p.name.removesuffix(".csv"): load_dataset(p) for p in dataset_paths(data_dir)}
