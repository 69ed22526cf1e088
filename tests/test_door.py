"""The front door in its three states (`front_door`, `side_door`, `o2o_door`): marks, words, descriptions, data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from build_charts import spec
from build_charts.pipeline import Project

ROOT = Path(__file__).resolve().parents[1]
CHARTS = ["front_door", "side_door", "o2o_door"]
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = Project.at(ROOT, tmp_path_factory.mktemp("cache"))
    return {cid: spec.build_spec(project, cid)[0] for cid in CHARTS}


def boxes(layer_spec):
    """The box rows (the ones with lines and a panel) of a layered spec."""
    rows = []
    for layer in layer_spec["layer"]:
        values = layer.get("data", {}).get("values", [])
        rows += [r for r in values if "panel" in r and "x2" in r]
    return rows


def heads(layer_spec):
    rows = []
    for layer in layer_spec["layer"]:
        rows += [r for r in layer.get("data", {}).get("values", []) if "panel" in r and "x2" not in r]
    return rows


@pytest.mark.parametrize("cid", CHARTS)
def test_every_state_is_drawn_and_described(built, cid):
    for lang in ("en", "zh"):
        for layout, s in built[cid][lang].items():
            drawn = boxes(s)
            assert drawn, (cid, lang, layout)
            for row in drawn:  # every box's text is in the description, so no state is only drawn
                assert row["step"] in s["description"], (cid, lang, layout, row["step"])
            for head in heads(s):
                assert "".join(head["lines"]).replace(" ", "") in s["description"].replace(" ", ""), head


def test_side_door_has_two_states_and_the_marketplace_drops_out_of_the_second(built):
    for lang in ("en", "zh"):
        s = built["side_door"][lang]["wide"]
        drawn = boxes(s)
        assert {r["panel"] for r in drawn} == {0, 1}
        first = [r["style"] for r in drawn if r["panel"] == 0]
        second = [r["style"] for r in drawn if r["panel"] == 1]
        assert "door" in first and "wechat" in first  # the front door, then the side door
        assert "door" not in second and "out" in second and "wechat" in second  # round the marketplace


def test_side_by_side_when_wide_stacked_when_narrow(built):
    for lang in ("en", "zh"):
        wide, narrow = (boxes(built["side_door"][lang][k]) for k in ("wide", "narrow"))
        assert len({r["cx"] for r in wide}) == 2 and len({r["cx"] for r in narrow}) == 1
        last_of_first = max(r["y2"] for r in narrow if r["panel"] == 0)
        assert min(r["y"] for r in narrow if r["panel"] == 1) > last_of_first


def test_counts_come_from_the_datasets(built):
    from build_charts.data import load_all

    data = load_all(ROOT / "data")
    sellers = next(
        r["value_m"]
        for r in data["taobao_sellers"].rows
        if r["source"] == "alibaba_f1_scale_copy" and r["period"] == "2013"
    )
    buyers = next(r["value"] for r in data["alibaba_marketplaces"].rows if r["measure"] == "annual_active_consumers_m")
    title = " ".join(built["front_door"]["en"]["wide"]["title"]["text"])
    assert f"{buyers:g} m" in title and f"{sellers:g} m" in title
    mau = next(r["mau_m"] for r in data["wechat_users"].rows if str(r["period_end"]) == "2013-09-30")
    assert f"{mau:g} m" in json.dumps(built["side_door"]["en"]["wide"])


@pytest.mark.parametrize("cid", CHARTS)
def test_every_label_in_chinese_and_marked_2013(built, cid):
    for layout, s in built[cid]["zh"].items():
        for row in boxes(s) + heads(s):
            assert CJK.search("".join(row["lines"])), (cid, layout, row["lines"])
        assert "2013" in json.dumps(heads(s), ensure_ascii=False), cid  # when the article was written
