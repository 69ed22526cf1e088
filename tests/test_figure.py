"""The figure's HTML: a slim static SVG that still draws everything, a readable table, a short source line."""

from __future__ import annotations

import re
import textwrap
from collections import Counter

import vl_convert as vlc

from build_charts import data as data_mod
from build_charts import figure, formats, words
from tests.conftest import GOOD_CSV, GOOD_META

SPEC = {
    "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
    "title": "Sales",
    "width": 213,
    "height": 117,
    "data": {"values": [{"k": "a", "v": 1.333}, {"k": "b", "v": 2.5}, {"k": "c", "v": 0.77}]},
    "layer": [
        {"mark": {"type": "bar", "color": "#e8590c"}, "encoding": {"x": {"field": "k"}, "y": {"field": "v"}}},
        {
            "mark": {"type": "text", "dy": -6, "color": "#1f2328"},
            "encoding": {"x": {"field": "k"}, "y": {"field": "v"}, "text": {"field": "v", "format": ".3f"}},
        },
    ],
}


def drawn(svg: str) -> Counter:
    """What a picture draws: each visible mark's tag and colours, and every text."""
    marks = Counter()
    for tag, attrs in re.findall(r"<(path|line|rect|circle|text)\b([^>]*)>", svg):
        if 'display="none"' in attrs or re.search(r'\sd="(M0,0h0v0h0Z)?"', attrs):
            continue
        colours = tuple(re.findall(r'\s(?:fill|stroke)="([^"]+)"', attrs))
        marks[(tag, colours)] += 1
    marks.update(("text", t) for t in re.findall(r">([^<>]+)</text>", svg))
    return marks


def test_slim_svg_draws_the_same_marks_colours_and_texts():
    svg = vlc.vegalite_to_svg(SPEC)
    slim = figure.slim_svg(svg)
    assert len(slim) < 0.8 * len(svg)
    assert drawn(slim) == drawn(svg)
    assert "1.333" in slim and "0.770" in slim  # numbers in labels are text, never rounded


def test_slim_svg_keeps_groups_that_do_something():
    svg = '<svg><g><g transform="translate(5,5)"><g><text>a</text></g></g><g fill="#e8590c"/></g></svg>'
    assert figure.slim_svg(svg) == '<svg><g transform="translate(5,5)"><text>a</text></g><g fill="#e8590c"/></svg>'


def test_slim_svg_rounds_geometry_to_a_tenth_of_a_pixel():
    slim = figure.slim_svg('<svg><path d="M10.04,3.3333L5.96,2" transform="translate(7.0,0.25)"/></svg>')
    assert 'd="M10,3.3L5.9,2"' in slim and 'transform="translate(7,0.2)"' in slim


def test_slim_svg_drops_hidden_marks_and_vega_hints():
    svg = (
        '<svg class="marks"><g class="mark-group"><path class="background" d="M0,0h0v0h0Z"/>'
        '<path d="" display="none"/><g></g><rect width="5" height="5" fill="#e8590c" opacity="1"'
        ' pointer-events="none"/></g></svg>'
    )
    assert figure.slim_svg(svg) == '<svg><rect width="5" height="5" fill="#e8590c"/></svg>'


def load(dataset, meta: str = GOOD_META, csv: str = GOOD_CSV) -> data_mod.Dataset:
    return data_mod.load_dataset(dataset(csv, meta))


def test_table_leaves_out_table_false_columns_and_names_producers(dataset):
    meta = GOOD_META.replace("sales: {type: number,", "note: {type: string, table: false}\n  sales: {type: number,")
    zh_note = "  columns: {note: {value_labels: {long prose: 长段文字}}}\n"  # every string value has Chinese
    meta = meta.replace("  period: 自然年\n", "  period: 自然年\n" + zh_note)
    csv = "year,note,sales,source\n2010,long prose,1.5,maker\n"
    ds = load(dataset, meta, csv)
    html = figure.table_html(figure.dataset_columns(ds), figure.table_rows(ds), "t")
    assert "long prose" not in html and '<th scope="col">note' not in html
    assert "<td>Test Producer</td>" in html and "<td>maker</td>" not in html


SOURCES = "../sources-page/"  # where the edition's Sources page is, as the site side says


def many_origins_meta(n: int) -> tuple[str, str]:
    origins = "".join(
        textwrap.indent(
            f"o{i}:\n  producer: Producer {i}\n  title: Title {i}\n  url: https://example.org/{i}\n"
            "  date_accessed: 2026-11-25\n",
            "  ",
        )
        for i in range(n)
    )
    zh = "".join(f"    o{i}: {{producer: 机构{i}}}\n" for i in range(n))
    meta = GOOD_META.split("  origins:")[0] + "  origins:\n" + zh + "origins:\n" + origins
    csv = "year,sales,source\n" + "".join(f"{2000 + i},1,o{i}\n" for i in range(n))
    return meta, csv


def test_three_origins_are_cited_in_full_under_the_chart(dataset):
    ds = load(dataset, *many_origins_meta(3))
    caption = formats.caption_html([ds], SOURCES)
    for i in range(3):
        assert f'<a href="https://example.org/{i}" rel="noopener">“Title {i}”</a>' in caption
    assert SOURCES not in caption


def test_more_origins_are_named_and_listed_in_full_on_the_sources_page(dataset):
    ds = load(dataset, *many_origins_meta(5))
    caption = formats.caption_html([ds], SOURCES)
    assert "Producer 0; Producer 1; Producer 2; and 2 more. All 5 documents are listed" in caption
    assert f'<a href="{SOURCES}#data-sales">on the Sources page</a>' in caption
    assert "https://example.org/" not in caption


def test_an_inline_script_inside_a_page_s_content_stops_the_finish_step():
    from build_pages.finish import stray_scripts

    page = (
        "<head><script>var known=1</script></head><body><article class='md-content__inner'><p>x</p>"
        '<script type="application/json">{"data": 1}</script><script>alert(1)</script></article>'
        "<script>var footer=1</script></body>"
    )
    assert stray_scripts(page) == ["alert(1)"]  # the templates' scripts around the content are the known ones
    assert stray_scripts(page.replace("<script>alert(1)</script>", "")) == []


def test_the_chinese_edition_names_producers_in_chinese_and_keeps_titles_as_published(dataset):
    ds = load(dataset)
    with words.use("zh"):
        zh = ds.in_language("zh")
        line, cited = formats.main_source([zh]), formats.cite(zh.meta.origins["maker"])
        table = figure.table_html(figure.dataset_columns(zh), figure.table_rows(zh), "t")
    assert line == "来源：测试机构" and "Test Producer" not in line
    assert cited.startswith("测试机构，<a ")  # full-width punctuation between Chinese words
    assert '<span lang="en">“Test title”</span>' in cited
    assert "<td>测试机构</td>" in table and "Test Producer" not in table
    with words.use("en"):  # the English edition as it was
        en = ds.in_language("en")
        assert formats.main_source([en]) == "Source: Test Producer"
        assert formats.cite(en.meta.origins["maker"]).startswith("Test Producer, ")
