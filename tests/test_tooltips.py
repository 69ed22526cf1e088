"""Chart tooltips say what a mark is (issue 25): at most three short lines, the value with its unit and
period, and who measured it; methods and caveats stay in the figure's drawer.

Built through the pipeline, every chart, both editions, both layouts. The line widths are those of a
375 px phone: the tooltip box is at most 90vw (337 px) less its padding and border, about 311 px of
14 px type (site.css). A Latin letter averages about half an em, so 40 characters fit with room for
wide letters; a Chinese character is a full em, so 22 of them (a Latin letter counted as 0.55).
One exception: a schematic box's headline is the box's own text, drawn in the chart; the tooltip repeats it
unchanged rather than keep a second, shorter wording of every step (it may wrap once).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_charts import kit, spec
from build_charts.pipeline import Project, chart_datasets

ROOT = Path(__file__).resolve().parents[1]
CHARTS = sorted(p.stem for p in (ROOT / "build_charts" / "charts").glob("[a-z]*.py"))
# drawings of the article's account, not of data: a box's step and that it is not data
SCHEMATICS = {"c2b_schematic", "front_door", "side_door", "o2o_door"}
TIMELINES = {"eras_strip"}  # an era's span in years, not a measured value
# a line titled like a methods note belongs in the drawer
METHODS = re.compile(
    r"measure|basis|series|method|what was|what is counted|note|caveat|指标|口径|测算内容|统计对象|说明|序列"
)
UNIT = re.compile(r"%|RMB|\bbn\b|\bm\b|\bmillion\b|亿|万|元|\bdays?\b|天")
PERIOD = re.compile(r"(?:19|20)[0-9]{2}")


def widths(text: str, lang: str) -> float:
    return len(text) if lang == "en" else sum(1 if ord(c) > 0x2E7F else 0.55 for c in text)


def tooltips(node, rows=None, named=None, out=None):
    """(tooltip fields, data rows) of every layer that has a tooltip, its rows inherited from above."""
    out = [] if out is None else out
    if isinstance(node, dict):
        named = {**(named or {}), **node.get("datasets", {})}
        data = node.get("data")
        if isinstance(data, dict):
            rows = data["values"] if "values" in data else named.get(data.get("name"), rows)
        tip = (node.get("encoding") or {}).get("tooltip")
        if tip:
            said = (node["encoding"].get("description") or {}).get("field")
            out.append((tip if isinstance(tip, list) else [tip], rows or [], said))
        for key, value in node.items():
            if key not in ("data", "datasets", "encoding"):
                tooltips(value, rows, named, out)
    elif isinstance(node, list):
        for item in node:
            tooltips(item, rows, named, out)
    return out


COLON = {"en": ": ", "zh": "："}


def lines(fields, row, lang):
    """A tooltip's lines as charts-live.js shows them: 'title' and 'label' without their key."""
    shown = []
    for f in fields:
        value = row.get(f["field"])
        if value is None or str(value) == "":
            continue
        key = f"{f['title']}{COLON[lang]}"  # charts-live.js: the edition's colon, full-width in Chinese
        shown.append((f.get("title"), str(value) if f.get("title") in ("title", "label") else f"{key}{value}"))
    return shown


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = Project.at(ROOT, tmp_path_factory.mktemp("cache"))
    return {cid: spec.build_spec(project, cid)[0] for cid in CHARTS}


def shown_tips(built, cid):
    for lang, layouts in built[cid].items():
        for layout, s in layouts.items():
            for fields, rows, _said in tooltips(s):
                for row in rows:
                    if all(f["field"] in row for f in fields if f["field"].startswith("tip_")):
                        yield lang, layout, fields, row, lines(fields, row, lang)


@pytest.mark.parametrize("cid", CHARTS)
def test_every_tooltip_is_three_short_lines_and_no_methods_note(built, cid):
    seen = 0
    for lang, layout, _fields, _row, shown in shown_tips(built, cid):
        seen += 1
        where = (cid, lang, layout, [t for _, t in shown])
        assert 1 <= len(shown) <= 3, where
        for title, text in shown:
            # a schematic's headline is its box's own drawn text, repeated as it is (it may wrap once)
            if not (cid in SCHEMATICS and title == "title"):
                assert widths(text, lang) <= kit.TIP_WIDTH[lang], (where, text)
            assert not (title and METHODS.search(title.lower())), (where, title)
    assert seen, f"{cid}: no tooltip found"


@pytest.mark.parametrize("cid", [c for c in CHARTS if c not in SCHEMATICS | TIMELINES])
def test_a_data_mark_says_its_value_with_unit_and_period_and_who_measured_it(built, cid):
    assert chart_datasets(ROOT / "build_charts" / "charts" / f"{cid}.py")
    for lang, layout, _fields, _row, shown in shown_tips(built, cid):
        titles = dict(shown)
        value = titles.get("label", "")
        assert UNIT.search(value) and PERIOD.search(value), (cid, lang, layout, value)
        by = kit.KIT.tables[lang]["tip_by"]
        assert by in titles and titles[by] != f"{by}{COLON[lang]}", (cid, lang, layout, shown)


@pytest.mark.parametrize("cid", sorted(SCHEMATICS))
def test_a_schematic_box_says_its_step_and_that_it_is_not_data_once(built, cid):
    for lang, layout, _fields, _row, shown in shown_tips(built, cid):
        text = " ".join(t for _, t in shown)
        assert sum(t.count("not data") + t.count("不是数据") for _, t in shown) == 1, (cid, lang, layout, text)


SAID = {"en": "; ", "zh": "；"}


@pytest.mark.parametrize("cid", CHARTS)
def test_a_mark_s_name_for_a_screen_reader_is_its_tooltip_in_one_sentence(built, cid):
    # left to itself, Vega-Lite names a mark by every channel it encodes ('x: 1999.5; y: 64; title: …')
    seen = 0
    for lang, layouts in built[cid].items():
        for layout, s in layouts.items():
            for fields, rows, said in tooltips(s):
                for row in rows:
                    if not all(f["field"] in row for f in fields if f["field"].startswith("tip_")):
                        continue
                    seen += 1
                    where = (cid, lang, layout)
                    assert said == "tip_said", (where, "a tooltip without its description channel")
                    assert row[said] == SAID[lang].join(t for _, t in lines(fields, row, lang)), where
    assert seen, f"{cid}: no tooltip found"


def test_a_data_tip_needs_its_origin_s_measurer_and_short_lines():
    from build_charts.data import Origin

    # the producer says who measured it where it is short; a producer too long for the line needs `measured_by`
    # (the metadata check stops such a file first, naming its line: tests/test_data_rules.py)
    long = "People's Daily Online (Japanese edition), relaying the China E-commerce Research Center"
    o = Origin(producer=long, title="T", url="https://example.org", date_accessed="2026-01-01")
    with pytest.raises(ValueError, match="measured_by"):
        kit.data_tip("Tmall", "46.8%, 2012", o)
    o = o.model_copy(update={"measured_by": "CNNIC survey"})
    assert kit.data_tip("Tmall", "46.8%, 2012", o) == {
        "tip_what": "Tmall",
        "tip_value": "46.8%, 2012",
        "tip_by": "CNNIC survey",
        "tip_said": "Tmall; 46.8%, 2012; Source: CNNIC survey",  # the mark's name for a screen reader
    }
    with pytest.raises(ValueError, match="too long"):
        kit.data_tip("Tmall", "46.8%, " + "the whole measure definition, as a methods note", o)
