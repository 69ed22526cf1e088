"""Six charts drawn in Chinese (taobao_sellers, wechat_registered, wechat_users, alibaba_growth, pdd_vs_alibaba,
three_candidates): every text in the static drawing reads in Chinese, and the Chinese axes count in 万 or 亿."""

from __future__ import annotations

import re

import pytest

from build_charts import pipeline, spec
from tests.sites import ROOT

CHARTS = ["taobao_sellers", "wechat_registered", "wechat_users", "alibaba_growth", "pdd_vs_alibaba", "three_candidates"]
LATIN_OK = {"WeChat", "Weixin", "C2B"}  # brand names and model letters stay in Latin letters


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = pipeline.Project.at(ROOT, tmp_path_factory.mktemp("cache"))
    return {cid: spec.build_spec(project, cid, ("zh",))[0]["zh"] for cid in CHARTS}


@pytest.mark.parametrize("cid", CHARTS)
def test_every_text_of_the_chinese_drawing_is_chinese(built, cid):
    import vl_convert

    for layout, vl in built[cid].items():
        svg = vl_convert.vegalite_to_svg(vl)
        texts = [re.sub(r"<[^>]+>", " ", t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)]
        assert any(re.search(r"[\u4e00-\u9fff]", t) for t in texts), (cid, layout)
        english = {w for t in texts for w in re.findall(r"[A-Za-z]{2,}", t)} - LATIN_OK
        assert not english, (cid, layout, sorted(english))
        assert any(re.search(r"\d(万|亿)", t) for t in texts), (cid, layout)  # counts in Chinese units
