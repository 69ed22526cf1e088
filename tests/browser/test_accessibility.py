"""axe-core (bundled with axe-playwright-python) finds no violations on any page, in either palette, as
MkDocs and as Zensical build it."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import hydrate_all
from tests.sites import page_urls


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_violations(each_site, open_page, scheme):
    server, out = each_site
    axe = Axe()
    problems = {}
    for rel in page_urls(out):
        page, _ = open_page(server.url + rel, scheme=scheme)
        if page.locator("figure.mw-chart").count():
            hydrate_all(page)
        result = axe.run(page)
        violations = result.response["violations"]
        if violations:
            problems[rel or "/"] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert problems == {}
