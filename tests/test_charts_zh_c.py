"""The era charts and the schematics in Chinese: every title and label in Chinese, era ids unchanged."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from build_charts import spec
from build_charts.pipeline import Project

ROOT = Path(__file__).resolve().parents[1]
CHARTS = ["eras_strip", "c2b_schematic", "front_door", "side_door", "o2o_door"]
ENGLISH = re.compile(r"\b(?!(?:B2B|C2C|B2C|C2B|O2O|eBay|TOM)\b)[A-Za-z]{3,}\b")  # a word, not a model's code
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = Project.at(ROOT, tmp_path_factory.mktemp("cache"))
    return {cid: spec.build_spec(project, cid)[0] for cid in CHARTS}


def texts(node, out):
    """The words a spec itself writes: titles, subtitles, descriptions, tooltip titles, literal text (a tooltip
    line titled 'title' or 'label' is shown without its title: charts-live.js, kit.tip)."""
    if isinstance(node, dict):
        if "field" in node and node.get("title") in ("title", "label"):
            return out
        for key, value in node.items():
            if key in ("text", "subtitle", "description", "title") and isinstance(value, str | list):
                out += [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]
            if key != "data":
                texts(value, out)
    elif isinstance(node, list):
        for item in node:
            texts(item, out)
    return out


@pytest.mark.parametrize("cid", CHARTS)
def test_the_chinese_spec_speaks_chinese(built, cid):
    for layout, zh in built[cid]["zh"].items():
        words = texts(zh, [])
        assert words and all(CJK.search(w) for w in words if ENGLISH.search(w)), (cid, layout, words)
        assert CJK.search(" ".join(zh["title"]["text"])), (cid, layout)


def test_era_ids_stay_english_for_charts_live(built):
    for cid in ("eras_strip",):
        en, zh = (json.dumps(built[cid][lang]["wide"]) for lang in ("en", "zh"))
        for era in ("b2b", "c2c", "b2c", "c2b", "mobile_social", "o2o"):
            assert f'"era": "{era}"' in en and f'"era": "{era}"' in zh, (cid, era)
        assert "era_pick" in zh


# Chinese line breaking in titles, subtitles and labels (kit): a line may break between any two characters,
# but not inside a name, a number, a date's unit or before closing punctuation


def test_a_name_is_never_cut_at_a_line_end():
    from build_charts import kit

    text = "虚线菱形：均为阿里巴巴公布的数字，拼多多另计"
    for ems in range(4, 24):
        lines = kit._wrap_cjk(text, ems)
        assert "".join(lines) == text
        for name in ("阿里巴巴", "拼多多"):
            assert sum(line.count(name) for line in lines) == 1, (ems, lines)


def test_closing_punctuation_and_units_stay_with_what_they_close():
    from build_charts import kit

    text = "成交额在2013年11月达到191亿元，是上一年的1.9倍。"
    for ems in (3, 5, 7, 9, 11):
        for line in kit._wrap_cjk(text, ems)[1:]:
            assert line[0] not in kit.NO_LINE_START, (ems, line)
            assert not line.startswith(("1月", "1亿")), (ems, line)  # 2013年11月 and 191亿元 stay whole


def test_balanced_lines_leave_no_lone_character_on_the_last_line():
    from build_charts import kit

    text = "阿里巴巴、商务部和媒体给出的卖家、店铺和网店从业人员数；每根条统计的对象各不相同。虚线：文章的数字"
    plain, even = kit._wrap_cjk(text, 48), kit._balanced(text, 48)
    assert len(plain) == len(even) == 2 and len(plain[-1]) == 1  # the greedy wrap leaves 字 alone
    assert min(len(line) for line in even) >= len(text) // 2 - 2


def test_a_title_with_break_marks_breaks_only_at_them():
    from build_charts import kit

    words = ["从1998年到2013年，", "每一种新模式", "都是阿里巴巴", "自己推出的；", "下一种模式的", "阵地", "却归了微信"]
    starts = {sum(map(len, words[:i])) for i in range(len(words))}

    def at_word_ends(lines):
        return all(sum(map(len, lines[: i + 1])) in starts for i in range(len(lines) - 1))

    unmarked = "".join(words)
    assert not all(at_word_ends(kit._wrap_cjk(unmarked, ems)) for ems in range(6, 30))  # unmarked, words are cut
    text = kit.BREAK.join(words)
    for ems in range(6, 30):
        for lines in (kit._wrap_cjk(text, ems), kit._balanced(text, ems)):
            assert "".join(lines) == unmarked, (ems, lines)  # the marks are not drawn
            assert at_word_ends(lines), (ems, lines)
