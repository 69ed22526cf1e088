"""Negative tests first: every broken data file stops with its file, line, field and reason."""

from __future__ import annotations

import copy
import csv
import io
import textwrap

import pytest

from build_charts.data import load_all, load_dataset
from build_charts.errors import DataError
from build_charts.render import to_csv
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


# The Chinese edition: every meta file carries a complete `zh:` block


def zh_meta(zh_lines: str = "", columns: str | None = None, top: str = "") -> str:
    """GOOD_META with extra lines in its zh block, other columns, and extra top-level keys at the end."""
    period = "  period: 自然年\n"
    meta = GOOD_META.replace(period, period + textwrap.indent(textwrap.dedent(zh_lines), "  "))
    if columns is not None:
        head, rest = meta.split("columns:\n", 1)
        meta = head + "columns:\n" + textwrap.indent(textwrap.dedent(columns), "  ") + rest[rest.index("zh:") :]
    return meta + textwrap.dedent(top)


def line_of(meta: str, text: str) -> int:
    return next(n for n, line in enumerate(meta.splitlines(), 1) if text in line)


def test_meta_without_zh_block_names_file_and_says_what_to_add(dataset):
    meta = GOOD_META.split("zh:")[0] + "origins:" + GOOD_META.split("\norigins:")[1]
    e = error_for(dataset(meta_text=meta))
    assert (e.path.name, e.line, e.field) == ("sales.meta.yml", 1, "zh")
    assert "add a `zh:` block with the Chinese title, description" in e.reason
    assert "sales.meta.yml:1: zh:" in str(e)


def test_zh_block_with_fewer_notes_than_the_english(dataset):
    meta = zh_meta("notes:\n  - 第一条\n", top='notes:\n  - "First."\n  - "Second."\n')
    e = error_for(dataset(meta_text=meta))
    assert (e.path.name, e.field) == ("sales.meta.yml", "zh.notes")
    assert e.line == line_of(meta, "  notes:") and e.line > line_of(meta, "zh:")  # the zh block's, not the top's
    assert "1 notes" in e.reason and "2" in e.reason


def test_labelled_column_without_a_chinese_label(dataset):
    columns = """\
        year: {type: integer, label: Year, min: 2000, max: 2030}
        sales: {type: number, unit: RMB billion, min: 0, max: 1000}
        source: {type: origin}
        """
    meta = zh_meta("columns:\n  sales: {}\n", columns=columns)
    e = error_for(dataset(meta_text=meta))
    zh_columns = next(n for n, line in enumerate(meta.splitlines(), 1) if line == "  columns:")
    assert (e.path.name, e.line, e.field) == ("sales.meta.yml", zh_columns, "zh.columns.year.label")


def test_missing_chinese_label_points_at_the_zh_column(dataset):
    columns = """\
        year: {type: integer, label: Year, min: 2000, max: 2030}
        sales: {type: number, unit: RMB billion, min: 0, max: 1000}
        source: {type: origin}
        """
    meta = zh_meta("columns:\n  year: {description: 年份}\n", columns=columns)
    e = error_for(dataset(meta_text=meta))
    assert (e.path.name, e.field) == ("sales.meta.yml", "zh.columns.year.label")
    assert e.line == line_of(meta, "    year: {description: 年份}")
    assert "label" in e.reason and "Chinese" in e.reason


def test_column_description_needs_chinese_too(dataset):
    meta = GOOD_META.replace("source: {type: origin}", "source: {type: origin, description: Where the row came from}")
    e = error_for(dataset(meta_text=meta))
    assert e.field == "zh.columns.source.description" and e.line == line_of(meta, "zh:")


def test_zh_names_a_column_that_does_not_exist(dataset):
    meta = zh_meta("columns:\n  yaer: {label: 年份}\n")
    e = error_for(dataset(meta_text=meta))
    assert (e.path.name, e.line, e.field) == ("sales.meta.yml", line_of(meta, "yaer:"), "zh.columns.yaer")
    assert "no column 'yaer'" in e.reason


def test_zh_names_an_origin_that_does_not_exist(dataset):
    meta = GOOD_META.replace("maker: {producer: 测试机构}", "maker: {producer: 测试机构}\n    makr: {note: 说明}")
    e = error_for(dataset(meta_text=meta))
    assert (e.line, e.field) == (line_of(meta, "makr:"), "zh.origins.makr")


def test_an_origin_note_without_its_chinese_names_the_origin(dataset):
    meta = GOOD_META.replace("    date_accessed: 2026-11-25\n", "    date_accessed: 2026-11-25\n    note: Says so.\n")
    e = error_for(dataset(meta_text=meta))
    assert (e.path.name, e.line, e.field) == (
        "sales.meta.yml",
        meta.splitlines().index("  maker:") + 1,
        "zh.origins.maker.note",
    )
    given = meta.replace("{producer: 测试机构}", "{producer: 测试机构, note: 这样说。}")
    assert load_dataset(dataset(meta_text=given)).in_language("zh").meta.origins["maker"].note == "这样说。"


def test_a_producer_without_its_chinese_name_stops_naming_file_and_producer(dataset):
    meta = GOOD_META.replace("  origins:\n    maker: {producer: 测试机构}\n", "")
    e = error_for(dataset(meta_text=meta))
    assert (e.path.name, e.line, e.field) == (
        "sales.meta.yml",
        line_of(meta, "producer: Test"),
        "zh.origins.maker.producer",
    )
    assert "'Test Producer'" in e.reason
    assert "sales.meta.yml:" in str(e) and "Test Producer" in str(e)
    only_note = GOOD_META.replace("{producer: 测试机构}", "{note: 说明}")  # a zh origin without the name
    e = error_for(dataset(meta_text=only_note))
    assert (e.line, e.field) == (line_of(only_note, "{note: 说明}"), "zh.origins.maker.producer")


def test_misspelt_key_in_zh_block_names_its_line(dataset):
    meta = zh_meta("columns:\n  year:\n    lable: 年份\n")
    e = error_for(dataset(meta_text=meta))
    assert (e.path.name, e.line, e.field) == ("sales.meta.yml", line_of(meta, "lable:"), "zh.columns.year.lable")


def test_zh_origin_may_give_only_a_producer_and_a_note(dataset):
    meta = GOOD_META.replace("maker: {producer: 测试机构}", "maker:\n      producer: 测试机构\n      title: 测试标题")
    e = error_for(dataset(meta_text=meta))
    assert (e.line, e.field) == (line_of(meta, "title: 测试标题"), "zh.origins.maker.title")


CHANNEL_COLUMNS = """\
    year: {type: integer, min: 2000, max: 2030}
    channel: {type: string, label: Channel, values: [shop, online]}
    sales: {type: number, unit: RMB billion, min: 0, max: 1000}
    source: {type: origin}
    """
CHANNEL_CSV = "year,channel,sales,source\n2010,shop,1.5,maker\n2010,online,0.5,maker\n"


def test_listed_value_without_a_chinese_label(dataset):
    meta = zh_meta("columns:\n  channel: {label: 渠道, value_labels: {shop: 门店}}\n", columns=CHANNEL_COLUMNS)
    meta = meta.replace("key: [year]", "key: [year, channel]")
    e = error_for(dataset(CHANNEL_CSV, meta))
    assert (e.path.name, e.field) == ("sales.meta.yml", "zh.columns.channel.value_labels")
    assert e.line == line_of(meta, "  channel: {label: 渠道") and "'online'" in e.reason


def test_english_value_label_without_a_chinese_one(dataset):
    columns = CHANNEL_COLUMNS.replace("values: [shop, online]", "value_labels: {shop: In shops, online: Online}")
    meta = zh_meta("columns:\n  channel: {label: 渠道, value_labels: {online: 网上}}\n", columns=columns)
    meta = meta.replace("key: [year]", "key: [year, channel]")
    e = error_for(dataset(CHANNEL_CSV, meta))
    assert e.field == "zh.columns.channel.value_labels" and "'shop'" in e.reason


def test_csv_value_of_a_string_column_without_a_chinese_label(dataset):
    columns = CHANNEL_COLUMNS.replace(", values: [shop, online]", "")
    meta = zh_meta("columns:\n  channel: {label: 渠道, value_labels: {shop: 门店}}\n", columns=columns)
    meta = meta.replace("key: [year]", "key: [year, channel]")
    e = error_for(dataset(CHANNEL_CSV + "2011,market stall,0.1,maker\n", meta))
    assert (e.path.name, e.line, e.field) == (
        "sales.meta.yml",
        line_of(meta, "  channel: {label: 渠道"),
        "zh.columns.channel.value_labels",
    )
    assert "'online'" in e.reason and "1 more" in e.reason


def test_string_column_with_no_zh_entry_at_all_names_the_zh_block(dataset):
    columns = CHANNEL_COLUMNS.replace(", label: Channel, values: [shop, online]", "")
    meta = zh_meta(columns=columns).replace("key: [year]", "key: [year, channel]")
    e = error_for(dataset(CHANNEL_CSV, meta))
    assert (e.line, e.field) == (line_of(meta, "zh:"), "zh.columns.channel.value_labels") and "'shop'" in e.reason


def test_in_language_swaps_in_the_chinese_words_and_keeps_the_rest(dataset):
    columns = CHANNEL_COLUMNS.replace("label: Channel,", "label: Channel, description: Where it was sold,")
    zh = """\
        notes: [注意：虚构数据。]
        columns:
          channel: {label: 渠道, description: 售出渠道, value_labels: {shop: 门店, online: 网上}}
        """
    top = 'notes: ["Mind: made up."]\n'
    meta = zh_meta(zh, columns=columns, top=top).replace("key: [year]", "key: [year, channel]")
    meta = meta.replace("    date_accessed: 2026-11-25\n", "    date_accessed: 2026-11-25\n    note: A test file.\n")
    meta = meta.replace("{producer: 测试机构}", "{producer: 测试机构, note: 一份测试文件。}")
    ds = load_dataset(dataset(CHANNEL_CSV, meta))
    assert ds.in_language("en").meta is ds.meta
    zh_ds = ds.in_language("zh")
    m = zh_ds.meta
    assert (m.title, m.description, m.period, m.notes) == (
        "测试销售额",
        "供测试用的虚构销售额。",
        "自然年",
        ["注意：虚构数据。"],
    )
    ch = m.columns["channel"]
    assert (ch.label, ch.description, ch.value_labels) == ("渠道", "售出渠道", {"shop": "门店", "online": "网上"})
    assert (ch.type, ch.values, m.columns["sales"].unit) == ("string", ["shop", "online"], "RMB billion")
    assert m.origins["maker"].note == "一份测试文件。" and m.origins["maker"].producer == "测试机构"
    assert m.origins["maker"].title == "Test title"  # a title names a document: as published
    assert zh_ds.rows is ds.rows and zh_ds.lines == ds.lines
    assert ds.meta.title == "Test sales" and ds.meta.columns["channel"].label == "Channel"  # the English untouched


def test_in_language_leaves_out_what_the_english_leaves_out(dataset):
    m = load_dataset(dataset()).meta.in_language("zh")
    assert m.columns["sales"].label is None and m.origins["maker"].note is None
    assert m.origins["maker"].title == "Test title"  # a title names a document: as published


def test_in_language_refuses_an_unknown_language(dataset):
    with pytest.raises(ValueError, match="'fr'"):
        load_dataset(dataset()).in_language("fr")


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
    meta.write_bytes(GOOD_META.replace("Test Producer", "Pr\xf6ducer").encode().replace("\xf6".encode(), b"\xf6"))
    e = error_for(path)
    assert e.path.name == "sales.meta.yml" and e.line == GOOD_META.splitlines().index("    producer: Test Producer") + 1


# Numbers are ASCII digits, an optional sign and at most one decimal point: nothing Python's int()/float() also take


@pytest.mark.parametrize(
    "cell",
    [
        "5_2",  # int() and float() read underscores as digit grouping: 52
        "５２",  # full-width digits
        "٥٢",  # Arabic-Indic digits
        " 52",
        "52 ",
        "52\u00a0",  # a no-break space pasted from a web page
        "1e3",
        "nan",
        "inf",
        "-Infinity",
        '"1,000"',  # a thousands separator (quoted, or it is two cells)
        "1.2.3",
        "+-5",
        "0x1f",
        "5%",
        ".",
        "+",
    ],
)
def test_number_cell_that_is_not_plain_digits(dataset, cell):
    e = error_for(dataset(f"year,sales,source\n2010,1.5,maker\n2011,{cell},maker\n"))
    bad = cell.strip('"')
    assert (e.path.name, e.line, e.field) == ("sales.csv", 3, "sales")
    assert repr(bad) in e.reason and "sales.csv:3: sales: " in str(e) and "\n" not in str(e)


@pytest.mark.parametrize("cell", ["2_010", "２０１０", " 2010", "2010 ", "2e3", "2010.0", "2010.", "+-2010", "٢٠١٠"])
def test_integer_cell_that_is_not_plain_digits(dataset, cell):
    e = error_for(dataset(f"year,sales,source\n2010,1.5,maker\n{cell},2.5,maker\n"))
    assert (e.line, e.field) == (3, "year") and repr(cell) in e.reason


def test_thousands_separator_is_named_as_such(dataset):
    e = error_for(dataset('year,sales,source\n2010,"1,000",maker\n'))
    assert "thousands separator" in e.reason


def test_plain_numbers_with_a_sign_or_a_bare_decimal_point_load(dataset):
    ds = load_dataset(dataset("year,sales,source\n+2010,+2.5,maker\n2011,.5,maker\n2012,3.,maker\n2013,007,maker\n"))
    assert [(r["year"], r["sales"]) for r in ds.rows] == [(2010, 2.5), (2011, 0.5), (2012, 3.0), (2013, 7.0)]
    assert isinstance(ds.rows[0]["year"], int)


# A NUL byte is never data: it is a damaged file, or one saved as UTF-16


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_nul_byte_in_the_csv_names_its_line(dataset, newline):
    path = dataset()
    text = newline.join(["year,sales,source", "2010,1.5,maker", "2011,2.5,maker", "2012,3.5,maker", ""])
    path.write_bytes(text.replace("2011,2.5,", "2011,2.5\x00,").encode())
    e = error_for(path)
    assert (e.path.name, e.line) == ("sales.csv", 3) and "NUL" in e.reason and "\n" not in str(e)


def test_nul_byte_after_a_quoted_cell_that_spans_lines(dataset):
    path = dataset()
    path.write_bytes(b'year,sales,source\n2010,"1.5\n",maker\n2011,2.5,mak\x00er\n')
    assert error_for(path).line == 4


def test_nul_byte_in_a_csv_saved_as_utf16(dataset):
    path = dataset()
    path.write_bytes(GOOD_CSV.encode("utf-16-le"))  # no byte-order mark: as UTF-8, a NUL every other byte
    e = error_for(path)
    assert (e.line, e.field) == (1, None) and "NUL" in e.reason and "UTF-16" in e.reason


def test_nul_byte_in_the_meta_file_names_its_line(dataset):
    path = dataset()
    meta = path.with_name("sales.meta.yml")
    meta.write_bytes(GOOD_META.replace("Test title", "Test\x00title").encode())
    e = error_for(path)
    assert (e.path.name, e.line) == ("sales.meta.yml", line_of(GOOD_META, "Test title")) and "NUL" in e.reason


# Quotes: an unclosed one is reported where its cell opens (the csv module reports the end of the file)


def test_unclosed_quote_names_the_line_where_its_cell_opens(dataset):
    e = error_for(dataset('year,sales,source\n2010,1.5,maker\n2011,"2.5,maker\n2012,3.5,maker\n2013,4.5,maker\n'))
    assert (e.path.name, e.line, e.field) == ("sales.csv", 3, "sales")
    assert "never closed" in e.reason and "sales.csv:3: sales: malformed CSV:" in str(e)


def test_unclosed_quote_in_the_header(dataset):
    e = error_for(dataset('year,"sales,source\n2010,1.5,maker\n2011,2.5,maker\n'))
    assert (e.line, e.field) == (1, None) and "never closed" in e.reason


def test_unclosed_quote_after_a_quoted_cell_that_spans_lines(dataset):
    e = error_for(dataset('year,sales,source\n2010,1.5,"mak\r\ner"\r\n2011,2.5,"maker\n2012,3.5,maker\n'))
    assert (e.line, e.field) == (4, "source") and "never closed" in e.reason


@pytest.mark.parametrize(
    ("csv_text", "line", "column"),
    [
        ('year,sales,source\n2010,1.5,maker\n2011,2.5,ma"ker\n2012,3.5,maker\n', 3, "source"),
        ('year,sales,source\n2010,1.5,maker\n2011,2.5,maker"\n', 3, "source"),
        ('year,sa"les,source\n2010,1.5,maker\n', 1, None),
        ('year,sales,source\n2010,1.5,maker\n2011, "2.5",maker\n', 3, "sales"),  # a space before the opening quote
    ],
)
def test_quote_inside_an_unquoted_cell(dataset, csv_text, line, column):
    e = error_for(dataset(csv_text))
    assert (e.line, e.field) == (line, column) and "quote" in e.reason and "\n" not in str(e)


def test_text_after_a_closing_quote_names_the_closing_line(dataset):
    e = error_for(dataset('year,sales,source\n2010,1.5,maker\n2011,2.5,"mak\ner"s\n'))
    assert (e.line, e.field) == (4, "source") and "closing quote" in e.reason


def test_quoted_cells_with_doubled_quotes_and_line_breaks_load(dataset):
    columns = CHANNEL_COLUMNS.replace("values: [shop, online]", r'values: ["in \"shops\"", "on\nline"]')
    zh = "columns:\n" + r'  channel: {label: 渠道, value_labels: {"in \"shops\"": 门店, "on\nline": 网上}}' + "\n"
    meta = zh_meta(zh, columns=columns).replace("key: [year]", "key: [year, channel]")
    good = (
        'year,channel,sales,source\n2010,"in ""shops""",1.5,maker\n2010,"on\nline",0.5,maker\n'
        '"2011","in ""shops""",2.5,"maker"\n'
    )
    ds = load_dataset(dataset(good, meta))
    assert [r["channel"] for r in ds.rows] == ['in "shops"', "on\nline", 'in "shops"'] and ds.lines == [2, 4, 5]
    e = error_for(dataset(good + '2012,"on\nline",2.5,maker\n2013,online",1.5,maker\n', meta))
    assert (e.line, e.field) == (8, "channel") and "quote" in e.reason


# The CSV download: a text cell a spreadsheet would run as a formula is kept as text


def test_csv_download_neutralises_text_a_spreadsheet_would_run_as_a_formula():
    texts = ['=HYPERLINK("https://evil.example","click")', "+1+2", "-2", "@SUM(A1)", "\tx", "\rx"]
    safe = ["a=b", "plain", "", "'quoted", " =1"]
    numbers = [1, -5, -1.5, 0, 2.5, -0.0, 3, 4, 5, 6, 7]
    records = [{"name": s, "n": n} for s, n in zip(texts + safe, numbers, strict=True)] + [{"name": None, "n": True}]
    before = copy.deepcopy(records)
    rows = list(csv.reader(io.StringIO(to_csv(records), newline="")))
    assert rows[0] == ["name", "n"]
    assert [r[0] for r in rows[1:]] == ["'" + s for s in texts] + safe + [""]
    assert [r[1] for r in rows[1:]] == ["1", "-5", "-1.5", "0", "2.5", "-0.0", "3", "4", "5", "6", "7", "True"]
    assert records == before  # the JSON download is written from the same records: it keeps the true text


def test_csv_download_keeps_a_cell_with_a_line_break_in_one_cell():
    records = [{"name": "x\r=1+2", "n": 1}, {"name": "y\n@A1", "n": 2}, {"name": "z\r\n-3", "n": 3}]
    rows = list(csv.reader(io.StringIO(to_csv(records), newline="")))
    assert rows == [["name", "n"], ["x\r=1+2", "1"], ["y\n@A1", "2"], ["z\r\n-3", "3"]]  # no row starts =1+2


def test_date_with_digits_other_than_ascii(dataset):
    meta = GOOD_META.replace("year: {type: integer, min: 2000, max: 2030}", "year: {type: date}")
    e = error_for(dataset("year,sales,source\n2010,1.5,maker\n２０１１,2.5,maker\n", meta))
    assert (e.line, e.field) == (3, "year") and "'２０１１'" in e.reason
    e = error_for(dataset(meta_text=GOOD_META.replace("date_accessed: 2026-11-25", "date_accessed: ２０２６-11-25")))
    assert e.field == "origins.maker.date_accessed"


def test_a_data_file_over_the_size_limit_is_refused_before_it_is_read(dataset, monkeypatch):
    from build_charts import limits

    path = dataset(GOOD_CSV + "".join(f"{2012 + i},1.5,maker\n" for i in range(18)) + "#" * len(GOOD_META))
    meta = path.with_name("sales.meta.yml")
    monkeypatch.setattr(limits, "DATA_FILE_BYTES", meta.stat().st_size)  # the meta file passes, the CSV does not
    read = []
    real = type(path).read_bytes
    monkeypatch.setattr(type(path), "read_bytes", lambda self: read.append(self.name) or real(self))
    e = error_for(path)
    assert e.path.name == "sales.csv" and e.line is None
    assert "MB a data file may be" in e.reason
    assert "sales.csv" not in read  # refused from its size: never loaded into memory


def test_the_size_limit_leaves_room_for_every_data_file_here():
    from build_charts import limits
    from tests.sites import ROOT

    assert max(p.stat().st_size for p in (ROOT / "data").iterdir()) * 20 < limits.DATA_FILE_BYTES


LONG_PRODUCER = "Xinhua (via People's Daily Online), reporting Ministry of Commerce"


def test_a_producer_too_long_for_a_tooltip_needs_who_measured_it_in_both_editions(dataset):
    meta = GOOD_META.replace("producer: Test Producer", f"producer: {LONG_PRODUCER}")
    e = error_for(dataset(meta_text=meta))
    assert (e.line, e.field) == (meta.splitlines().index("  maker:") + 1, "origins.maker.measured_by")
    assert "too long for a chart's tooltip" in e.reason and "sales.meta.yml:" in str(e)
    english_only = meta.replace(f"producer: {LONG_PRODUCER}", f"producer: {LONG_PRODUCER}\n    measured_by: MOFCOM")
    e = error_for(dataset(meta_text=english_only))
    assert (e.line, e.field) == (line_of(english_only, "{producer: 测试机构}"), "zh.origins.maker.measured_by")
    both = english_only.replace("{producer: 测试机构}", "{producer: 测试机构, measured_by: 商务部}")
    ds = load_dataset(dataset(meta_text=both))
    assert ds.meta.origins["maker"].measurer == "MOFCOM"
    assert ds.in_language("zh").meta.origins["maker"].measurer == "商务部"


def test_who_measured_it_too_long_for_a_tooltip_line_stops_at_its_line(dataset):
    long = "the Ministry of Commerce's e-commerce department"
    meta = GOOD_META.replace("producer: Test Producer", f"producer: Test Producer\n    measured_by: {long}")
    meta = meta.replace("{producer: 测试机构}", "{producer: 测试机构, measured_by: 商务部}")
    e = error_for(dataset(meta_text=meta))
    assert (e.line, e.field) == (line_of(meta, "measured_by: the"), "origins.maker.measured_by")
    assert "at most 32 characters" in e.reason
    zh = meta.replace(long, "MOFCOM").replace(
        "measured_by: 商务部", "measured_by: 商务部电子商务和信息化司统计的网络零售额数据"
    )
    e = error_for(dataset(meta_text=zh))
    assert e.field == "zh.origins.maker.measured_by" and "at most 19 em" in e.reason


def test_a_short_producer_is_its_own_measurer_and_a_context_dataset_needs_none(dataset):
    assert load_dataset(dataset()).meta.origins["maker"].measurer == "Test Producer"
    meta = GOOD_META.replace("producer: Test Producer", f"producer: {LONG_PRODUCER}") + "context: true\n"
    assert load_dataset(dataset(meta_text=meta)).meta.origins["maker"].measurer == LONG_PRODUCER
