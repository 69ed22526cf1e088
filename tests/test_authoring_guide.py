"""The authoring guide's worked example is real: its files, dropped into a site, build a chart."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from tests.sites import build_site

GUIDE = ROOT / "AUTHORING.md"
BLOCK = re.compile(r'^```\w+ title="([^"]+)"\n(.*?)^```$', re.S | re.M)


def test_guide_example_builds_a_chart(fixture_site, tmp_path):
    blocks = BLOCK.findall(GUIDE.read_text(encoding="utf-8"))
    names = [name for name, _ in blocks]
    assert any(n.startswith("data/") and n.endswith(".csv") for n in names)
    assert any(n.endswith(".meta.yml") for n in names)
    assert any(n.startswith("build_charts/charts/") for n in names)
    for name, body in blocks:
        path = fixture_site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    line = dict(blocks)["docs/any-page.md"].strip()
    r = build_site(fixture_site / "mkdocs.yml", fixture_site / "out", tmp_path / "cache")
    assert r.returncode == 0, r.stderr
    html = (fixture_site / "out" / "any-page" / "index.html").read_text()
    chart_id = re.fullmatch(r"\[\[chart (\w+)\]\]", line)[1]
    assert f'data-chart="{chart_id}"' in html and "<svg" in html
    assert "Example Tea Association" in html  # the caption came from the metadata
