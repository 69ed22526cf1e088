"""Browser fixtures: the real site and the fixture site, built once, served on 127.0.0.1; Debian Chromium."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import copy_fixture_site
from tests.sites import (
    ROOT,
    Server,
    build_editions,
    build_site,
    build_site_zensical,
    chromium_args,
    copy_project,
    page_urls,
)

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (Debian package `chromium`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=chromium_args())
        yield b
        b.close()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """Both editions of the real site (English at the root, Chinese under zh/): tests that walk every page
    walk both."""
    out = tmp_path_factory.mktemp("real") / "site"
    with Server(out) as server:
        yield server, build_editions(out, site_url=server.url)


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory):
    """The real site built with Zensical (Material's successor, which runs no MkDocs hooks)."""
    base = tmp_path_factory.mktemp("zensical")
    project = copy_project(base / "project")
    with Server(project / "site") as server:
        out = build_site_zensical(project, base / "cache", site_url=server.url)
        yield server, out


@pytest.fixture(scope="session", params=["mkdocs", "zensical"])
def each_site(request):
    """The real site as each generator builds it: tests using this run on both."""
    return request.getfixturevalue("real_site" if request.param == "mkdocs" else "zensical_site")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("fixture")
    src = copy_fixture_site(base)
    with Server(base / "out") as server:
        r = build_site(src / "mkdocs.yml", base / "out", base / "cache", site_url=server.url)
        assert r.returncode == 0, r.stderr
        yield server, base / "out"


@dataclass
class Watch:
    """What a page did: console errors, uncaught errors, hosts it asked, dialogs it raised."""

    origin: str
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def attach(self, page):
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        page.on("request", self._request)
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        return page

    def _request(self, req):
        self.requests.append(req.url)
        u = urlparse(req.url)
        if u.scheme in ("http", "https") and f"{u.scheme}://{u.netloc}/" != self.origin:
            self.foreign.append(req.url)


@pytest.fixture
def open_page(browser):
    """Open a page in a fresh context: `open_page(url, width=1280, scheme="default", js=True)`."""
    contexts = []

    def opener(url: str, width: int = 1280, scheme: str | None = None, js: bool = True, origin: str | None = None):
        ctx = browser.new_context(
            viewport={"width": width, "height": 900},
            java_script_enabled=js,
            color_scheme="dark" if scheme == "slate" else "light",
        )
        contexts.append(ctx)
        page = ctx.new_page()
        watch = Watch(origin or url[: url.index("/", 8) + 1])
        watch.attach(page)
        page.goto(url)
        return page, watch

    yield opener
    for ctx in contexts:
        ctx.close()


def chart_pages(site_dir: Path) -> list[str]:
    """Site-relative URLs of every built page that holds a chart figure."""
    return page_urls(site_dir, charts_only=True)


def hydrate_all(page) -> int:
    """Hydrate every chart on the page; return how many live views there are."""
    n = page.locator("figure.mw-chart").count()
    page.evaluate(
        "Promise.all([...document.querySelectorAll('figure.mw-chart[data-spec]')]"
        ".map(f => window.mwCharts.view(f.dataset.chart))).then(() => true)"
    )
    page.wait_for_function(
        f"document.querySelectorAll('figure.mw-chart[data-state=live]').length === {n}", timeout=20000
    )
    return n


def signal_now(page, chart_id: str, name: str):
    """A signal's value in a chart's live view right now (None if the chart is not live)."""
    return page.evaluate(
        '([id, name]) => { const f = document.querySelector(`figure.mw-chart[data-chart="${id}"]`);'
        " try { return f && f._mwView ? f._mwView.signal(name) : null; } catch (e) { return null; } }",
        [chart_id, name],
    )


# --- Waiting for what the page does, never for a length of time -------------------------------------------
# Every wait below ends on a condition the page reaches; none sleeps (tests/test_no_sleeps.py keeps it so).

SETTLED = """() => new Promise(resolve => {
  // A new IntersectionObserver's first report comes after those of the page's own observers (delivered in
  // the order they were made, from the same frame); two frames more run the scroll handlers' animation
  // frames (charts.js moves the sticky chart in one) and the resize observers' callbacks.
  const io = new IntersectionObserver(() => {
    io.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));
  });
  io.observe(document.documentElement);
})"""

DRAWN = """async (id) => {
  const views = id
    ? [document.querySelector(`figure.mw-chart[data-chart="${id}"]`)._mwView]
    : [...window.mwCharts.live];
  // two frames: a resize observer that a new layout woke has re-fitted its view (charts-live.js `fit`)
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  // Vega's runAsync waits for any evaluation under way (every input a view binds, every event it listens
  // to and every signal charts-live.js sets starts one at once), runs what is still pending and draws it
  await Promise.all(views.map(v => v.runAsync()));
  return true;
}"""


def settled(page) -> None:
    """Wait until the page has caught up with what was done to it: its IntersectionObservers have reported
    the current scroll position, and the scroll and resize work that follows has run."""
    page.evaluate(SETTLED)


def drawn(page, chart_id: str | None = None) -> None:
    """Wait until a chart's live view (by default every live view on the page) has evaluated every input so
    far and drawn the result."""
    page.evaluate(DRAWN, chart_id)
