"""The era charts and the schematics in Chinese: every title and label in Chinese, era ids unchanged."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from build_charts import spec
from build_charts.pipeline import Project

ROOT = Path(__file__).resolve().parents[1]
CHARTS = ["eras_strip", "eras_timeline", "c2b_schematic", "closed_loop", "weilife_loop"]
ENGLISH = re.compile(r"\b(?!(?:B2B|C2C|B2C|C2B|O2O|eBay|TOM)\b)[A-Za-z]{3,}\b")  # a word, not a model's code
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = Project.at(ROOT, tmp_path_factory.mktemp("cache"))
    return {cid: spec.build_spec(project, cid)[0] for cid in CHARTS}


def texts(node, out):
    """The words a spec itself writes: titles, subtitles, descriptions, tooltip titles, literal text."""
    if isinstance(node, dict):
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
    for cid in ("eras_strip", "eras_timeline"):
        en, zh = (json.dumps(built[cid][lang]["wide"]) for lang in ("en", "zh"))
        for era in ("b2b", "c2c", "b2c", "c2b", "mobile_social", "o2o"):
            assert f'"era": "{era}"' in en and f'"era": "{era}"' in zh, (cid, era)
        assert "highlight_era" in zh and "era_pick" in zh
