"""Chinese chart titles as drawn: no title line ends inside a word (found by looking at the charts at 375 px)."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_charts import spec
from build_charts.pipeline import Project

ROOT = Path(__file__).resolve().parents[1]
# a chart and a word of its Chinese title that a line must not cut (淘宝和天猫的买 / 家增至 was drawn at 375 px)
WORDS = {
    "alibaba_growth": "买家",
    "b2c_share": "网购",
    "c2b_schematic": "消费者",
    "mobile_share": "销售额",
    "side_door": "可以",
}


def title_lines(node):
    """Every title's lines in a spec (Vega-Lite writes a wrapped title as a list of lines)."""
    if isinstance(node, dict):
        title = node.get("title")
        if isinstance(title, dict) and isinstance(title.get("text"), list):
            yield title["text"]
        for key, value in node.items():
            if key != "data":
                yield from title_lines(value)
    elif isinstance(node, list):
        for item in node:
            yield from title_lines(item)


@pytest.mark.parametrize("cid", sorted(WORDS))
def test_no_chinese_title_line_cuts_a_word(cid, tmp_path):
    specs = spec.build_spec(Project.at(ROOT, tmp_path), cid, langs=("zh",))[0]["zh"]  # wide and narrow
    found = [lines for drawing in specs.values() for lines in title_lines(drawing)]
    assert found, "no wrapped title found"
    word = WORDS[cid]
    for lines in found:
        joined = "".join(lines)
        assert word in joined, lines
        assert any(word in line for line in lines), f"{cid}: a title line cuts {word}: {lines}"
