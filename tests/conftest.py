"""Shared fixtures: a throwaway project with one good dataset, and a copy of the fixture site."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from tests.sites import ROOT  # noqa: F401  (re-exported for the tests)

FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"

# The site's date, as the Makefile sets it: the copies the tests build from have no git history, and a build
# without either stops (build_pages/settings.py). Tests that check that rule set or unset it themselves.
if not os.environ.get("SOURCE_DATE_EPOCH"):
    _last = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True)
    os.environ["SOURCE_DATE_EPOCH"] = _last.stdout.strip() or "1767225600"  # a tarball: a fixed date

GOOD_META = textwrap.dedent("""\
    title: Test sales
    description: Made-up sales for tests.
    period: calendar year
    key: [year]
    columns:
      year: {type: integer, min: 2000, max: 2030}
      sales: {type: number, unit: RMB billion, min: 0, max: 1000}
      source: {type: origin}
    zh:
      title: 测试销售额
      description: 供测试用的虚构销售额。
      period: 自然年
      origins:
        maker: {producer: 测试机构}
    origins:
      maker:
        producer: Test Producer
        title: Test title
        url: https://example.org/t
        date_accessed: 2026-11-25
    """)
GOOD_CSV = "year,sales,source\n2010,1.5,maker\n2011,2.5,maker\n"


@pytest.fixture
def dataset(tmp_path: Path):
    """Write a dataset (CSV text, meta text) into tmp/data and return the CSV path."""

    def make(csv_text: str = GOOD_CSV, meta_text: str | None = GOOD_META, name: str = "sales") -> Path:
        data = tmp_path / "data"
        data.mkdir(exist_ok=True)
        (data / f"{name}.csv").write_text(csv_text, encoding="utf-8")
        if meta_text is not None:
            (data / f"{name}.meta.yml").write_text(meta_text, encoding="utf-8")
        return data / f"{name}.csv"

    return make


def copy_fixture_site(dest: Path) -> Path:
    """A runnable copy of the fixture site, with the real theme overrides (our scripts and styles too) and hooks."""
    site = dest / "site_src"
    shutil.copytree(FIXTURE_SITE, site, ignore=shutil.ignore_patterns("site", ".cache"))
    cfg = site / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("../../../", f"{ROOT}/"), encoding="utf-8")
    return site


@pytest.fixture
def fixture_site(tmp_path: Path) -> Path:
    return copy_fixture_site(tmp_path)


def pytest_collection_modifyitems(config, items):
    """Every test under tests/browser/ drives Chromium: mark it, so `-m "not browser"` runs the quick rest."""
    for item in items:
        if "browser" in item.path.parent.parts[-1:]:
            item.add_marker(pytest.mark.browser)
