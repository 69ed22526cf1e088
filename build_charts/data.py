"""Load and validate datasets: `data/<id>.csv` beside `data/<id>.meta.yml`.

Every problem is raised as a `DataError` that names the file, the line, the
column and the reason, so the build can stop with a message an author can act on.

The site has two editions (English and Chinese) drawn from the same data, so every
metadata file carries the Chinese of its reader-facing text in a `zh:` block; the
loader checks that block is complete, and `Meta.in_language` hands either edition
the same metadata in its own words.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from build_charts import limits
from build_charts.errors import DataError

# ASCII digits only: \d also matches ２０１９, which int() reads but Vega-Lite cannot parse as a date
DATE_RE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z")
# what a number cell may hold: Python's int() and float() also take 5_2, ５２, " 52", 1e3 and nan
INTEGER_RE = re.compile(r"[+-]?[0-9]+")
NUMBER_RE = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)")
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
LINE_BREAK = re.compile(r"\r\n?|\n")  # as the csv module counts lines (and YAML, but for \x85 and \u2028)
LANGUAGES = ("en", "zh")  # the site's editions: English first, then Simplified Chinese
ZH_HINT = (
    "add a `zh:` block with the Chinese title, description, period, notes, column labels and"
    " descriptions, and value labels (see data/README.md)"
)


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
    # who measured the figure, in a few words, for a chart's tooltip ("iResearch", "CNNIC survey"), where the
    # producer is too long to say there; the producer itself otherwise (see `measurer`)
    measured_by: str | None = Field(default=None, min_length=1)

    @property
    def measurer(self) -> str:
        """Who measured the figure, as a tooltip says it."""
        return self.measured_by or self.producer

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


class ZhColumn(BaseModel):
    """The Chinese of one column's reader-facing words (its type, unit and range are the English column's)."""

    model_config = ConfigDict(extra="forbid")
    label: str | None = Field(default=None, min_length=1)
    description: str | None = Field(default=None, min_length=1)
    value_labels: dict[str, str] | None = None  # Chinese for each value a reader sees (every value of a string column)


class ZhOrigin(BaseModel):
    """The Chinese of an origin: its producer's name as Chinese media write it (every origin needs one) and
    its note (where the origin has one). The title stays as published, since it names a document."""

    model_config = ConfigDict(extra="forbid")
    producer: str | None = Field(default=None, min_length=1)  # required; _check_zh names the producer lacking it
    note: str | None = Field(default=None, min_length=1)
    measured_by: str | None = Field(default=None, min_length=1)  # where the English origin has one


class ZhMeta(BaseModel):
    """The `zh:` block: the Chinese edition's words for everything a reader of the dataset sees."""

    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)
    period: str = Field(min_length=1)
    notes: list[str] = []  # the top-level notes, one for one, in the same order
    columns: dict[str, ZhColumn] = {}
    origins: dict[str, ZhOrigin] = {}


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
    zh: ZhMeta | None = None  # required; checked by load_meta, which can name the file and say what to add

    def in_language(self, lang: str) -> Meta:
        """This metadata in one edition's words: "en" is the file as written; "zh" swaps in the `zh:` block.

        Only words change (title, description, period, notes, column labels, descriptions and
        value labels, origins' producers and notes); types, units, ranges, titles and URLs stay, so both
        editions draw the same figures from the same documents. An optional field the zh block
        leaves out keeps its English text.
        """
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; the site has {', '.join(LANGUAGES)}")
        if lang == "en":
            return self
        zh = self.zh
        if zh is None:  # load_meta refuses such a file; a Meta built by hand may still lack one
            raise ValueError(f"no `zh:` block to read: {ZH_HINT}")
        columns = {}
        for name, col in self.columns.items():
            z = zh.columns.get(name, ZhColumn())
            columns[name] = col.model_copy(
                update={
                    "label": z.label or col.label,
                    "description": z.description or col.description,
                    "value_labels": z.value_labels or col.value_labels,
                }
            )
        origins = {}
        for oid, o in self.origins.items():
            z = zh.origins.get(oid, ZhOrigin())
            origins[oid] = o.model_copy(
                update={"producer": z.producer or o.producer, "note": z.note or o.note, "measured_by": z.measured_by}
            )
        return self.model_copy(
            update={
                "title": zh.title,
                "description": zh.description,
                "period": zh.period,
                "notes": list(zh.notes),
                "columns": columns,
                "origins": origins,
            }
        )


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

    def in_language(self, lang: str) -> Dataset:
        """The same rows with the metadata in one edition's words (see `Meta.in_language`)."""
        return replace(self, meta=self.meta.in_language(lang))

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


def _yaml_path_line(text: str, path: tuple[str | int, ...]) -> int | None:
    """Best-effort line of a nested key such as ("zh", "columns", "year"), or a list item ("zh", "notes", 2).

    Each step looks only inside the block of the step before (lines indented deeper than it), so
    `zh.notes` is found in the zh block, not at the top. A key written inline (`{label: …}`) has no
    line of its own: the line of the deepest key found is returned instead.
    """
    lines = text.splitlines()
    start, parent, found = 0, -1, None
    for part in path:
        child, hit = None, None
        for i in range(start, len(lines)):
            stripped = lines[i].strip()
            if not stripped or stripped.startswith("#"):
                continue
            indent = len(lines[i]) - len(lines[i].lstrip(" "))
            if indent <= parent:
                break  # the block ended before the key was found
            child = indent if child is None else child
            if indent != child:
                continue
            if isinstance(part, int):
                if stripped.startswith("-"):
                    part -= 1
                    if part < 0:
                        hit = i
                        break
            elif re.match(rf"^['\"]?{re.escape(part)}['\"]?\s*:", stripped):
                hit = i
                break
        if hit is None:
            return found
        found, start, parent = hit + 1, hit + 1, len(lines[hit]) - len(lines[hit].lstrip(" "))
    return found


def read_text(path: Path) -> str:
    """A data or metadata file's text: UTF-8, with or without the byte-order mark spreadsheets write, and no NUL."""
    size = path.stat().st_size
    if size > limits.DATA_FILE_BYTES:  # refused before it is read: a 50 MB file took 750 MB of memory to check
        reason = f"{limits.mb(size)}, over the {limits.mb(limits.DATA_FILE_BYTES)} a data file may be:"
        raise DataError(path, None, None, reason + " keep the summary a chart draws")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        reason = f"not UTF-8 text (byte 0x{raw[e.start]:02x}); save the file as UTF-8"
        raise DataError(path, line, None, reason) from None
    nul = text.find("\x00")
    if nul >= 0:  # the csv module would keep it in a cell, and YAML's error for it names no line
        reason = "NUL byte (0x00): the file is damaged or was saved as UTF-16; save it as UTF-8 text"
        raise DataError(path, _line_at(text, nul), None, reason)
    return text


def _line_at(text: str, index: int) -> int:
    """The line (from 1) that the character at `index` is on."""
    return len(LINE_BREAK.findall(text, 0, index)) + 1


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
        meta = Meta.model_validate(raw)
    except ValidationError as e:
        err = e.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        line = _yaml_path_line(text, tuple(err["loc"]))
        raise DataError(path, line, loc, err["msg"]) from None
    _check_zh(meta, path, text)
    return meta


def _zh_line(text: str, *path: str) -> int | None:
    """Line of a key inside the zh block, or of the nearest enclosing key that is there (for messages)."""
    for depth in range(len(path), -1, -1):
        line = _yaml_path_line(text, ("zh", *path[:depth]))
        if line is not None:
            return line
    return None


def _string_values(col: Column) -> list[str] | None:
    """The values a string column declares in its metadata (listed, or keys of its English value labels)."""
    if col.values is not None:
        return col.values
    return list(col.value_labels) if col.value_labels else None


def _check_zh(meta: Meta, path: Path, text: str) -> None:
    """The `zh:` block exists and matches the English one for one: notes, labels, descriptions, names, values.

    A Chinese reader must never meet an English label or note in a chart, table or caption, so
    what the English metadata shows a reader, the zh block must say too; and it may name only
    columns and origins that exist, so a misspelt name is an error rather than silently unused.
    Values of a string column that only the CSV knows are checked by `_check_zh_values`.
    """
    zh = meta.zh
    if zh is None:
        raise DataError(path, _yaml_line(text, "title"), "zh", f"no Chinese text for this dataset: {ZH_HINT}")
    if len(zh.notes) != len(meta.notes):
        line = _zh_line(text, "notes")
        raise DataError(
            path,
            line,
            "zh.notes",
            f"has {len(zh.notes)} notes, the English `notes` {len(meta.notes)}: give each note in Chinese, in order",
        )
    for name in zh.columns:
        if name not in meta.columns:
            line = _yaml_path_line(text, ("zh", "columns", name))
            raise DataError(path, line, f"zh.columns.{name}", f"there is no column {name!r} under `columns`")
    for oid in zh.origins:
        if oid not in meta.origins:
            line = _yaml_path_line(text, ("zh", "origins", oid))
            raise DataError(path, line, f"zh.origins.{oid}", f"there is no origin {oid!r} under `origins`")
    for oid, origin in meta.origins.items():
        z = zh.origins.get(oid)
        if origin.note and not (z and z.note):
            line = _yaml_path_line(text, ("origins", oid))
            raise DataError(path, line, f"zh.origins.{oid}.note", "the origin has a note; give it in Chinese too")
        if not (z and z.producer):  # a Chinese page names every producer in Chinese (the title stays as published)
            line = _zh_line(text, "origins", oid) if z else _yaml_path_line(text, ("origins", oid, "producer"))
            raise DataError(
                path,
                line,
                f"zh.origins.{oid}.producer",
                f"no Chinese name for the producer {origin.producer!r}: give the name Chinese media use"
                " (or a descriptive one), the same wherever that producer is named",
            )
    if not meta.context:  # a charted dataset's origins are named in tooltips
        for oid, origin in meta.origins.items():
            _check_measurer(path, text, oid, origin, zh.origins.get(oid) or ZhOrigin())
    for name, col in meta.columns.items():
        z = zh.columns.get(name)
        where = f"zh.columns.{name}"
        line = _zh_line(text, "columns", name)
        for attr in ("label", "description"):
            if getattr(col, attr) and not (z and getattr(z, attr)):
                raise DataError(path, line, f"{where}.{attr}", f"the column has a {attr}; give it in Chinese too")
        declared = _string_values(col) if col.type == "string" else None
        if declared is not None:
            _check_value_labels(path, line, where, declared, z)


def tip_width(text: str, lang: str) -> float:
    """A text's width on a tooltip line: characters in English; in Chinese, em (a Latin letter about 0.55)."""
    return len(text) if lang == "en" else sum(1 if ord(c) > 0x2E7F else 0.55 for c in text)


def _check_measurer(path: Path, text: str, oid: str, origin: Origin, z: ZhOrigin) -> None:
    """A tooltip names who measured a figure in a few words: the producer where it is short enough in both
    editions, else `measured_by` in both (the English under the origin, the Chinese under zh.origins)."""
    short = limits.MEASURER_WIDTH
    needed = tip_width(origin.producer, "en") > short["en"] or tip_width(z.producer or "", "zh") > short["zh"]
    for lang, given, where in (
        ("en", origin.measured_by, ("origins", oid)),
        ("zh", z.measured_by, ("zh", "origins", oid)),
    ):
        key = ".".join((*where, "measured_by"))
        line = _yaml_path_line(text, (*where, "measured_by")) or _yaml_path_line(text, where)
        if given is None and (needed or origin.measured_by or z.measured_by):
            why = "the producer is too long for a chart's tooltip" if needed else "the other edition has one"
            raise DataError(path, line, key, f"{why}: give who measured the figure in a few words (both editions)")
        if given is not None and tip_width(given, lang) > short[lang]:
            unit = "characters" if lang == "en" else "em"
            raise DataError(path, line, key, f"too long for a tooltip line: at most {short[lang]} {unit}")


def _check_value_labels(path: Path, line: int | None, where: str, values, z: ZhColumn | None) -> None:
    """Every value a reader may see has a Chinese label; the message names the first that has none."""
    labels = (z.value_labels if z else None) or {}
    missing = [v for v in dict.fromkeys(values) if v not in labels]
    if missing:
        raise DataError(
            path,
            line,
            f"{where}.value_labels",
            f"no Chinese label for the value {missing[0]!r}"
            + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""),
        )


def _check_zh_values(meta: Meta, meta_path: Path, rows: list[dict[str, Any]]) -> None:
    """A string column's values are words readers see (series names, surveys, notes): each needs Chinese.

    Columns that list their values (or label them in English) were checked against that list
    already; for the rest the CSV is the list, so every distinct value found there needs a label.
    """
    assert meta.zh is not None  # load_meta checked it
    text = read_text(meta_path)
    for name, col in meta.columns.items():
        if col.type != "string" or _string_values(col) is not None:
            continue
        z = meta.zh.columns.get(name)
        line = _zh_line(text, "columns", name)
        values = [r[name] for r in rows if r[name] is not None]
        _check_value_labels(meta_path, line, f"zh.columns.{name}", values, z)


def _number_hint(value: str, whole: bool = False) -> str:
    """What is wrong with a number cell, in the words an author needs to fix it."""
    if "," in value:
        return "thousands separators are not allowed (write 1000, not 1,000)"
    if "_" in value:
        return "underscores are not allowed (write 1000, not 1_000)"
    if any(c.isspace() for c in value):
        return "spaces are not allowed around or inside a number"
    if any(c.isdigit() and c not in "0123456789" for c in value):
        return "digits must be ASCII 0-9 (not full-width or another script's)"
    if whole:
        return "write ASCII digits with an optional leading sign, e.g. -12"
    return "write ASCII digits with an optional leading sign and at most one decimal point, e.g. -12.5"


def _convert(value: str, col: Column, name: str, meta: Meta) -> Any:
    if col.type == "integer":
        if not INTEGER_RE.fullmatch(value):
            hint = "it has a decimal point" if NUMBER_RE.fullmatch(value) else _number_hint(value, whole=True)
            raise ValueError(f"{value!r} is not a whole number: {hint}")
        out: Any = int(value)
    elif col.type == "number":
        if not NUMBER_RE.fullmatch(value):
            raise ValueError(f"{value!r} is not a number: {_number_hint(value)}")
        out = float(value)
        if abs(out) == float("inf"):  # more digits than a float holds
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


CELL_END = re.compile(r'[",\r\n]')  # what ends an unquoted cell's text, or is a quote inside it
UP_TO_COMMA = re.compile(r"[^,\r\n]*")


def _check_quotes(path: Path, text: str) -> None:
    """Every quoted cell closes, and quotes appear only around a whole cell: else a DataError at its line.

    The csv module reads an unclosed quote's cell to the end of the file and reports the error
    there, and keeps a quote inside an unquoted cell (ab"c) as text; an author needs the line
    where the quote is. Scans the whole file before any record is read: a broken quote shifts
    every cell after it, so it is the problem to report first.
    """
    header: list[str] = []
    line, record, column, i, n = 1, 1, 0, 0, len(text)
    while True:
        # one cell from i; then i is at the comma or line break after it, or at the end
        name = header[column] if record > 1 and column < len(header) else None
        if text.startswith('"', i):
            k = i + 1
            while (k := text.find('"', k)) >= 0 and text.startswith('"', k + 1):
                k += 2  # a doubled quote is a quote in the cell's text
            if k < 0:
                reason = 'a quoted cell opens here and is never closed (a " is missing)'
                raise DataError(path, line, name, f"malformed CSV: {reason}")
            line += len(LINE_BREAK.findall(text, i, k))
            cell, i = text[i + 1 : k].replace('""', '"'), k + 1
            if i < n and text[i] not in ",\r\n":
                extra = UP_TO_COMMA.match(text, i)[0]
                reason = f"text {extra!r} after the closing quote of a cell (a comma or a line break must follow it)"
                raise DataError(path, line, name, f"malformed CSV: {reason}")
        else:
            m = CELL_END.search(text, i)
            k = m.start() if m else n
            if m and m[0] == '"':
                bad = UP_TO_COMMA.match(text, i)[0]
                if not text[i:k].strip():
                    reason = f"{bad!r}: a quoted cell must start with its quote (no space before it)"
                else:
                    reason = f"a quote inside the unquoted cell {bad!r}: "
                    reason += 'quote the whole cell and double its quotes ("ab""c")'
                raise DataError(path, line, name, f"malformed CSV: {reason}")
            cell, i = text[i:k], k
        if record == 1:
            header.append(cell)
        if i >= n:
            return
        if text[i] == ",":
            column, i = column + 1, i + 1
        else:
            line, record, column = line + 1, record + 1, 0
            i += 2 if text.startswith("\r\n", i) else 1


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
    _check_quotes(csv_path, text)
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
            # a number is read as written (a space in it is bad text, not padding); other cells are trimmed
            value = raw if col.type in ("integer", "number") else raw.strip()
            if not value.strip():
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
    _check_zh_values(meta, meta_path, rows)
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
