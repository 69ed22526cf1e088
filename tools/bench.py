#!/usr/bin/env python3
"""Benchmark the site against a chart-free baseline measured in the same run (`make bench`).

Prints a table and writes bench/results/latest.json:
- build of both editions, as `make build`: cold (empty chart cache), warm (no change) and after
  touching one data file, each as a ratio to building the same pages with the chart lines (and the
  chart pipeline) removed in the same round (median over rounds);
- page weight of each chart page on first load (raw and gzip) against its chart-free twin, and
  the bytes fetched once the reader scrolls to every chart;
- in headless Debian Chromium: first contentful paint (the static charts are in the HTML),
  time from a chart entering the viewport to its live view, long tasks;
- Lighthouse (tools/lighthouse, pinned) mobile performance and accessibility for every page
  (median of several runs each), served as a static host serves it (gzip, see tests/sites.py);
- each theme patch (build_pages/theme_patches.py) on and off: the site built with all patches, and with
  all but that one (`MW_THEME_PATCHES`), and what the patch is for measured in Chromium on page load.
Machines here are noisy: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.sites import Server, build_site, build_site_zensical, chromium_args, page_urls  # noqa: E402

CHART_LINE = re.compile(r"^\s*\[\[chart \w+\]\]\s*$", re.M)
SOURCES_LINE = re.compile(r"^\s*\[\[sources\]\]\s*$", re.M)
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"


def copy_project(dest: Path, charts: bool) -> Path:
    """A copy of the project; without charts, the same pages with the chart lines and the pipeline removed.

    The Sources page is text, not a chart: the chart-free twin keeps its list, written in as Markdown,
    so both sites index and serve the same prose.
    """
    for name in ("docs", "docs-zh", "data", "overrides", "build_charts", "build_pages"):
        ignore = shutil.ignore_patterns("__pycache__")
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    for name, docs, lang in (("mkdocs.yml", "docs", "en"), ("mkdocs.zh.yml", "docs-zh", "zh")):
        cfg = (ROOT / name).read_text(encoding="utf-8")
        if not charts:
            from build_charts import pipeline
            from build_pages import editions, markers, sources_page

            links = editions.links()
            pipeline.prepare(pipeline.Project.at(ROOT), links)  # the Sources blocks come from the charts' cache
            manifest = pipeline.manifest(pipeline.Project.at(ROOT), links)
            listing = sources_page.page_html(manifest, ROOT / docs, editions.edition(lang))
            listing = listing.replace(markers.ROOT, "../")  # the Sources page sits one folder below its root
            for md in (dest / docs).glob("*.md"):
                text = CHART_LINE.sub("", md.read_text(encoding="utf-8"))
                md.write_text(SOURCES_LINE.sub(lambda _, listing=listing: listing, text), encoding="utf-8")
            cfg = re.sub(r"hooks:\n(  - .*\n)+", "", cfg)
            cfg = re.sub(r"  - build_pages\.markdown_ext:\n(      .*\n)+", "", cfg)
            cfg = re.sub(r"  - path: assets/javascripts/charts\.js\n(    .*\n)*", "", cfg)
            cfg = re.sub(r"extra_javascript:\n(?=\S|\n)", "", cfg)  # the list is empty now
        (dest / name).write_text(cfg, encoding="utf-8")
    shutil.copy(ROOT / "search-words.zh.txt", dest)
    if not charts:  # the CSP placeholder is filled by the hooks: the baseline goes without a policy tag
        main = dest / "overrides" / "main.html"
        main.write_text(re.sub(r"\s*<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "", main.read_text()))
    return dest / "mkdocs.yml"


def timed_build(cfg: Path, out: Path, cache: Path | None) -> float:
    """Seconds to build both editions as `make build` does: English into `out`, Chinese into `out/zh`.

    Both, because one build draws every chart in both languages: timing the English half alone would
    charge the Chinese drawings to the charts and not the Chinese pages to the baseline.
    """
    start = time.perf_counter()
    for config, dest in ((cfg, out), (cfg.with_name("mkdocs.zh.yml"), out / "zh")):
        r = build_site(config, dest, cache)
        if r.returncode != 0:
            raise SystemExit(f"build of {config.name} failed:\n{r.stderr}")
    return time.perf_counter() - start


def build_figures(work: Path, runs: int) -> tuple[dict, Path, Path]:
    plain_cfg = copy_project(work / "plain", charts=False)
    chart_cfg = copy_project(work / "charts", charts=True)
    cache = work / "cache"
    plain_out, chart_out = work / "plain-site", work / "chart-site"
    data_file = chart_cfg.parent / "data" / "singles_day.csv"  # the copy's data, which its build reads
    original = data_file.read_bytes()
    res: dict[str, list[float]] = {"plain": [], "cold": [], "warm": [], "touched": [], "zensical": []}
    for _ in range(runs):
        res["plain"].append(timed_build(plain_cfg, plain_out, None))
        shutil.rmtree(cache, ignore_errors=True)
        res["cold"].append(timed_build(chart_cfg, chart_out, cache))
        res["warm"].append(timed_build(chart_cfg, chart_out, cache))
        data_file.write_bytes(original + b"\n")  # a change of bytes, not of figures
        res["touched"].append(timed_build(chart_cfg, chart_out, cache))
        data_file.write_bytes(original)
        # the same site with Zensical as `make build-zensical` builds it (prepare, build --clean, finish, for
        # each edition), charts cached: beside MkDocs' warm build
        start = time.perf_counter()
        build_site_zensical(chart_cfg.parent, cache)
        res["zensical"].append(time.perf_counter() - start)
    med = {k: statistics.median(v) for k, v in res.items()}
    # each build against the chart-free build of the same round, then the median: drifts in machine load
    # between rounds cancel out
    ratio = {
        k: statistics.median(b / p for b, p in zip(res[k], res["plain"], strict=True))
        for k in ("cold", "warm", "touched", "zensical")
    }
    return {"runs": runs, "seconds": med, "ratio": ratio}, plain_out, chart_out


def load_page(browser, url: str, scroll: bool) -> dict:
    ctx = browser.new_context(viewport={"width": 412, "height": 823})
    page = ctx.new_page()
    sizes: list[tuple[str, int, int]] = []

    def on_response(resp):
        try:
            body = resp.body()
        except Exception:
            return
        sizes.append((resp.url, len(body), len(gzip.compress(body, 6))))

    page.on("response", on_response)
    page.add_init_script(
        "window.__lt=[];new PerformanceObserver(l=>l.getEntries().forEach(e=>__lt.push(e.duration)))"
        ".observe({type:'longtask',buffered:true});"
    )
    page.goto(url, wait_until="load")
    page.wait_for_timeout(800)
    first = (sum(s[1] for s in sizes), sum(s[2] for s in sizes))
    fcp = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0]||{}).startTime||null")
    result = {"first_raw": first[0], "first_gz": first[1], "fcp_ms": fcp}
    if scroll and page.locator("figure.mw-chart").count():
        # time from the first chart entering the viewport to its live view
        t = page.evaluate(
            """async () => {
              // the first figure a reader sees (a round not yet played is hidden)
              const seen = f => (f.querySelector(".mw-chart__view") || f).getClientRects().length;
              const f = [...document.querySelectorAll("figure.mw-chart")].find(seen);
              const t0 = performance.now();
              (f.querySelector(".mw-chart__view") || f).scrollIntoView();  // a scrolly figure has no box of its own
              await new Promise(r => { if (f.dataset.state === 'live') r(); else
                f.addEventListener('mw:live', r, {once: true}); setTimeout(r, 15000); });
              return performance.now() - t0;
            }"""
        )
        for f in range(page.locator("figure.mw-chart").count()):
            figure = page.locator("figure.mw-chart").nth(f)
            if figure.is_visible():  # a round not yet played, a guess's answer in its drawer: not drawn yet
                figure.scroll_into_view_if_needed()
                page.wait_for_timeout(250)
        page.wait_for_timeout(800)
        result |= {
            "interactive_ms": t,
            "after_scroll_raw": sum(s[1] for s in sizes) - first[0],
            "after_scroll_gz": sum(s[2] for s in sizes) - first[1],
        }
    lt = page.evaluate("window.__lt")
    result |= {"long_tasks": len(lt), "long_task_ms": round(sum(lt))}
    ctx.close()
    return result


def weight_figures(plain_out: Path, chart_out: Path) -> dict:
    from playwright.sync_api import sync_playwright

    pages = page_urls(chart_out, charts_only=True)
    out = {}
    with Server(plain_out) as plain, Server(chart_out) as charts, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=chromium_args())
        for rel in pages:
            base = load_page(browser, plain.url + rel, scroll=False)
            mine = load_page(browser, charts.url + rel, scroll=True)
            out[rel or "/"] = {"plain": base, "charts": mine, "ratio_gz": mine["first_gz"] / base["first_gz"]}
        browser.close()
    return out


def lighthouse_run(url: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        cmd = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report.name}",
            "--only-categories=performance,accessibility",
            "--chrome-flags=--headless=new " + " ".join(chromium_args()),
        ]
        r = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM))
        if r.returncode != 0:
            return {"error": r.stderr.strip()[-300:]}
        lhr = json.loads(Path(report.name).read_text())
        scores = {k: round(v["score"] * 100) for k, v in lhr["categories"].items()}
        # Lighthouse's measure of this machine's CPU: its 4x slowdown assumes a fast desktop
        return scores | {"benchmark_index": round(lhr["environment"]["benchmarkIndex"])}


def median_scores(runs: list[dict]) -> dict:
    ok = [r for r in runs if "error" not in r]
    if not ok:
        return runs[-1]
    return {k: statistics.median(r[k] for r in ok) for k in ok[0]} | {"runs": [r.get("performance") for r in runs]}


def lighthouse_figures(plain_out: Path, chart_out: Path, runs: int) -> dict:
    """Mobile Lighthouse for every page and for its chart-free twin, alternating, median of `runs` each.

    Lighthouse's own advice on variance: one run says little on a busy machine; take the median of several.
    """
    if not LIGHTHOUSE.exists():
        return {"skipped": "run `npm ci --prefix tools/lighthouse` (make bench does)"}
    pages = page_urls(chart_out)
    out = {}
    with Server(plain_out) as plain, Server(chart_out) as charts:
        for rel in pages:
            c, p = [], []
            for _ in range(runs):
                c.append(lighthouse_run(charts.url + rel))
                p.append(lighthouse_run(plain.url + rel))
            out[rel or "/"] = {"charts": median_scores(c), "plain": median_scores(p)}
    return out


# What each theme patch is for, measured on a page load: (label, how to read it, better when lower)
PATCH_MEASURES = {
    "palette": ("style recalculation ms", "RecalcStyleDuration"),
    "compile-hint": ("main-thread script ms", "ScriptDuration"),
    "search-name": ("unnamed dialogs", "unnamed_dialogs"),
    "alternates": ("sitemap.xml requests", "sitemap_requests"),
}
UNNAMED_DIALOGS = "document.querySelectorAll('[role=dialog]:not([aria-label]):not([aria-labelledby])').length"


def patch_load(browser, url: str) -> dict:
    """One load of a page in a fresh context: Chromium's own counters, and what the patches change."""
    ctx = browser.new_context(viewport={"width": 412, "height": 823})
    page = ctx.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    cdp = ctx.new_cdp_session(page)
    cdp.send("Performance.enable")
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")  # Material's bundle fetches what it fetches once it has run
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    out = {
        "RecalcStyleDuration": metrics.get("RecalcStyleDuration", 0) * 1000,
        "ScriptDuration": metrics.get("ScriptDuration", 0) * 1000,
        "unnamed_dialogs": page.evaluate(UNNAMED_DIALOGS),
        "sitemap_requests": sum(u.endswith("sitemap.xml") for u in requests),
    }
    ctx.close()
    return out


def patch_figures(work: Path, runs: int) -> dict:
    """Each patch on (all patches) and off (all but it), on the home page and a chart page of both editions."""
    from playwright.sync_api import sync_playwright

    cfg = copy_project(work / "patches", charts=True)
    cache = work / "cache"
    names = list(PATCH_MEASURES)
    variants = {"all": ",".join(names)} | {f"no-{n}": ",".join(m for m in names if m != n) or "none" for n in names}
    sites = {}
    for variant, chosen in variants.items():
        os.environ["MW_THEME_PATCHES"] = chosen
        try:
            timed_build(cfg, work / f"site-{variant}", cache)
        finally:
            del os.environ["MW_THEME_PATCHES"]
        sites[variant] = work / f"site-{variant}"
    pages = ["", "02-alibaba-beats-itself/", "zh/", "zh/02-alibaba-beats-itself/"]
    loads: dict[str, list[dict]] = {v: [] for v in variants}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=chromium_args())
        servers = {v: Server(site) for v, site in sites.items()}
        for server in servers.values():
            server.__enter__()
        try:
            for _ in range(runs):
                for rel in pages:
                    for v, server in servers.items():  # alternate variants within a round: drift cancels
                        loads[v].append(patch_load(browser, server.url + rel))
        finally:
            for server in servers.values():
                server.__exit__(None, None, None)
            browser.close()
    out = {}
    for name, (label, key) in PATCH_MEASURES.items():
        on = statistics.median(x[key] for x in loads["all"])
        off = statistics.median(x[key] for x in loads[f"no-{name}"])
        out[name] = {"measure": label, "on": on, "off": off, "loads": len(loads["all"])}
    return out


def print_patches(patches: dict) -> None:
    print("\nTheme patches: each on (all patches) and off (all but it), median over page loads of both editions")
    print(f"  {'patch':14} {'what it is for':24} {'on':>8} {'off':>8}")
    for name, row in patches.items():
        print(f"  {name:14} {row['measure']:24} {row['on']:8.1f} {row['off']:8.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-lighthouse", action="store_true")
    # Lighthouse's variability guide: the median of 5 runs roughly halves the spread of one run
    ap.add_argument("--lighthouse-runs", type=int, default=5)
    ap.add_argument("--patches-only", action="store_true", help="only the theme patches' rows")
    a = ap.parse_args()
    if a.patches_only:
        with tempfile.TemporaryDirectory() as tmp:
            print_patches(patch_figures(Path(tmp), a.runs))
        return
    with tempfile.TemporaryDirectory() as tmp:
        build, plain_out, chart_out = build_figures(Path(tmp), a.runs)
        weights = weight_figures(plain_out, chart_out)
        lh = {} if a.no_lighthouse else lighthouse_figures(plain_out, chart_out, a.lighthouse_runs)
        patches = patch_figures(Path(tmp), a.runs)
    results = {"build": build, "pages": weights, "lighthouse": lh, "patches": patches}
    dest = ROOT / "bench" / "results"
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "latest.json").write_text(json.dumps(results, indent=1) + "\n")

    r = build["ratio"]
    print(
        f"\nBuild of both editions (median of {a.runs} rounds, each against that round's chart-free build;"
        f" chart-free = 1.00, {build['seconds']['plain']:.2f} s here)"
    )
    print(f"  cold {r['cold']:.2f}x   warm {r['warm']:.2f}x   one data file touched {r['touched']:.2f}x")
    print(f"  Zensical, charts cached (prepare, then build and finish each edition): {r['zensical']:.2f}x")
    print("\nFirst load of each chart page (gzip), against the same page without charts")
    print(
        f"  {'page':34} {'plain KiB':>9} {'charts KiB':>10} {'ratio':>6} {'+scroll KiB':>11} {'FCP ms':>7}"
        f" {'live ms':>8} {'long tasks':>10}"
    )
    for rel, w in weights.items():
        c = w["charts"]
        print(
            f"  {rel:34} {w['plain']['first_gz'] / 1024:9.1f} {c['first_gz'] / 1024:10.1f} {w['ratio_gz']:6.2f}"
            f" {c.get('after_scroll_gz', 0) / 1024:11.1f} {c['fcp_ms'] or 0:7.0f} {c.get('interactive_ms', 0):8.0f}"
            f" {c['long_tasks']:4d} ({c['long_task_ms']} ms)"
        )
    if lh:
        print(
            f"\nLighthouse (mobile, median of {a.lighthouse_runs}): performance / accessibility,"
            " with charts and without"
        )
        for rel, scores in lh.items():
            if isinstance(scores, dict) and "charts" in scores:
                c, p = scores["charts"], scores["plain"]
                runs = lambda r: " ".join(str(x) for x in r.get("runs", []))  # noqa: E731
                print(
                    f"  {rel:34} charts {c.get('performance')}/{c.get('accessibility')} ({runs(c)})"
                    f"   plain {p.get('performance')}/{p.get('accessibility')} ({runs(p)})"
                )
            else:
                print(f"  {rel:34} {scores}")
        sides = [s[k] for s in lh.values() if isinstance(s, dict) for k in ("charts", "plain") if k in s]
        bench_index = [side["benchmark_index"] for side in sides if "benchmark_index" in side]
        if bench_index:
            print(
                f"  this machine's Lighthouse benchmarkIndex: {statistics.median(bench_index):.0f} (Lighthouse's"
                " throttling guide: its default 4x CPU slowdown turns a 1500-2000 desktop into a mid-tier phone)"
            )
    print_patches(patches)
    print(f"\nwritten to {dest / 'latest.json'}")


if __name__ == "__main__":
    main()
