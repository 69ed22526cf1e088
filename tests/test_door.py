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
    """The box rows (the ones with a step and a panel) of a layered spec."""
    rows = []
    for layer in layer_spec["layer"]:
        values = layer.get("data", {}).get("values", [])
        rows += [r for r in values if "panel" in r and "step" in r]
    return rows


def heads(layer_spec):
    rows = []
    for layer in layer_spec["layer"]:
        rows += [
            r for r in layer.get("data", {}).get("values", []) if "panel" in r and "lines" in r and "step" not in r
        ]
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


def windows(layer_spec, axis):
    """Each panel's part of the canvas on one axis, read off the scale domain that follows the `panel` signal."""
    domains = {json.dumps(layer["encoding"][axis]["scale"]["domain"]) for layer in layer_spec["layer"]}
    assert len(domains) == 1, domains  # every layer shows the same part
    expr = json.loads(domains.pop())["expr"]
    assert expr.startswith("panel < 0 ? ") and expr.endswith("[panel]"), expr
    return json.loads(expr.split(" : ")[1].removesuffix("[panel]"))


def inside(row, xs, ys):
    """Whether a box lies wholly within a window (its x and y parts of the canvas)."""
    return xs[0] <= row["x"] and row["x2"] <= xs[1] and ys[0] <= row["y"] and row["y2"] <= ys[1]


def test_inside_finds_a_box_out_of_its_window():  # the negative case first: a box half out of its window
    box = {"x": 10, "x2": 40, "y": 300, "y2": 340}
    assert not inside(box, [0, 100], [0, 320]) and inside(box, [0, 100], [280, 600])


def test_each_state_alone_shows_its_own_boxes_and_none_of_the_other(built):
    for lang in ("en", "zh"):
        for layout, s in built["side_door"][lang].items():
            xs, ys = windows(s, "x"), windows(s, "y")
            states = s["usermeta"]["states"]
            assert len(xs) == len(ys) == len(states) == 2, (lang, layout)
            heights = {round(y1 - y0, 1) for y0, y1 in ys}
            assert heights == {st["height"] for st in states} and len(heights) == 1, "every state as tall"
            assert max(heights) < s["height"] or layout == "wide", "a phone shows a shorter drawing"
            for k in range(2):
                own = [r for r in boxes(s) if r["panel"] == k]
                assert own and all(inside(r, xs[k], ys[k]) for r in own), (lang, layout, k)
                other = [r for r in boxes(s) if r["panel"] != k]
                assert not any(inside(r, xs[k], ys[k]) for r in other), (lang, layout, k)
                assert states[k]["said"] in s["description"], "each state's words are the description's"
            assert s["params"] == [{"name": "panel", "value": -1}], "every state drawn without script"
    for cid in ("front_door", "o2o_door"):  # one state: no states to choose
        assert "states" not in built[cid]["en"]["wide"].get("usermeta", {}), cid
