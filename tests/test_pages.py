"""The pages are checked before anything is built: each author mistake is one line naming page and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_pages import pages
from build_pages.pages import PageError

IDS = ["fruit_bars", "taobao_gmv", "wechat_users"]


@pytest.fixture
def docs(tmp_path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\n[[chart fruit_bars]]\n", encoding="utf-8")
    return tmp_path / "docs"


def check(docs: Path) -> dict[str, list[str]]:
    return pages.check(docs, docs.parent / "data", IDS)


def write(docs: Path, name: str, text: str | bytes) -> Path:
    path = docs / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def error(docs: Path) -> str:
    with pytest.raises(PageError) as e:
        check(docs)
    return str(e.value)


def test_a_good_page_passes_and_says_what_it_shows(docs):
    write(docs, "01-one.md", "# One\n\n[[chart taobao_gmv]]\n\nText.\n\n[[chart wechat_users]]\n\n[[sources]]\n")
    assert check(docs) == {"index.md": ["fruit_bars"], "01-one.md": ["taobao_gmv", "wechat_users"]}


def test_an_unknown_chart_id_names_page_line_and_the_nearest_ids(docs):
    write(docs, "01-one.md", "# One\n\nText.\n\n[[chart taobao_gvm]]\n")
    said = error(docs)
    assert said.startswith("docs/01-one.md:5:") or ":5:" in said.split()[0], said
    assert "taobao_gvm" in said and "did you mean taobao_gmv" in said
    assert "\n" not in said


@pytest.mark.parametrize(
    "line", ["[[Chart taobao_gmv]]", "[[chart taobao_gmv extra]]", "[[ chart taobao_gmv ]]", "[[Sources]]"]
)
def test_a_near_miss_is_an_error_not_literal_text(docs, line):
    write(docs, "01-one.md", f"# One\n\n{line}\n")
    said = error(docs)
    assert "01-one.md:3:" in said and "not a chart line" in said


def test_a_chart_twice_on_one_page_names_both_lines(docs):
    write(docs, "01-one.md", "# One\n\n[[chart taobao_gmv]]\n\n[[chart taobao_gmv]]\n")
    said = error(docs)
    assert "01-one.md:5:" in said and "first at line 3" in said


def test_a_page_not_in_utf8_names_the_line_of_the_first_bad_byte(docs):
    write(docs, "01-one.md", "# One\n\nCaf\u00e9 owners\n".encode("cp1252"))
    said = error(docs)
    assert "01-one.md:3:" in said and "not UTF-8" in said


@pytest.mark.parametrize(
    "code",
    [
        "````\n```\n[[chart nope]]\n```\n````\n",  # a four-backtick fence holding a three-backtick one
        "~~~\n[[chart nope]]\n~~~\n",
        "Text.\n\n    [[chart nope]]\n",  # indented code
    ],
)
def test_chart_lines_inside_code_are_examples(docs, code):
    write(docs, "01-one.md", "# One\n\n" + code)
    assert check(docs)["01-one.md"] == []


def test_a_chart_line_inside_an_admonition_is_a_chart(docs):
    write(docs, "01-one.md", '# One\n\n!!! hindsight "After"\n    Text.\n\n    [[chart taobao_gmv]]\n\nMore.\n')
    assert check(docs)["01-one.md"] == ["taobao_gmv"]
    write(docs, "01-one.md", '# One\n\n!!! hindsight "After"\n    Text.\n\n    [[chart taobao_gvm]]\n')
    assert "01-one.md:6:" in error(docs)


def test_the_markers_are_reserved_in_pages_and_data(docs):
    write(docs, "01-one.md", "# One\n\nSee @@mw:csp@@ here.\n")
    assert "01-one.md:3:" in error(docs)
    write(docs, "01-one.md", "# One\n")
    (docs.parent / "data" / "x.meta.yml").write_text("title: a\nnote: '@@mw:root@@'\n", encoding="utf-8")
    assert "x.meta.yml:2:" in error(docs)


def test_two_pages_cannot_claim_the_same_number(docs):
    write(docs, "01-one.md", "# One\n")
    write(docs, "02-two.md", "# Two\n")
    write(docs, "02-new.md", "# New\n")
    said = error(docs)
    assert "page number 02" in said and ("02-two.md" in said or "02-new.md" in said)


def test_numbers_have_no_gap(docs):
    write(docs, "01-one.md", "# One\n")
    write(docs, "03-three.md", "# Three\n")
    said = error(docs)
    assert "03-three.md:1:" in said and "no page 02" in said


def test_a_script_in_a_page_is_an_error_at_its_line(docs):
    write(docs, "01-one.md", "# One\n\nText.\n\n<SCRIPT>alert(1)</SCRIPT>\n")
    assert "01-one.md:5:" in error(docs) and "script" in error(docs)
    write(docs, "01-one.md", "# One\n\n```html\n<script>shown as code</script>\n```\n")
    assert check(docs)["01-one.md"] == []


def test_the_data_scan_for_markers_refuses_a_huge_file_before_reading_it(tmp_path, monkeypatch):
    from build_charts import limits
    from build_charts.errors import DataError

    (tmp_path / "big.csv").write_text("year,value\n" + "2010,1\n" * 100, encoding="utf-8")
    monkeypatch.setattr(limits, "DATA_FILE_BYTES", 100)
    with pytest.raises(DataError, match="a data file may be") as info:
        pages.check_data(tmp_path)
    assert info.value.path.name == "big.csv"
