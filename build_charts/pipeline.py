"""The light half of the chart pipeline: find charts, key them by content, reuse the cache.

Nothing here imports Altair. A chart's cache key is a hash of everything its output
depends on — its module, the shared modules, the data files its `build()` asks for
(read from its signature) and the library versions — so an unchanged chart costs a
few file reads, and any change rebuilds it. Charts that must be (re)built are
rendered in a fresh Python process (`python -m build_charts.render`), so it always runs the
code as it is on disk, even inside a long-running `mkdocs serve`.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from build_charts.errors import ChartError

PACKAGE = Path(__file__).resolve().parent
ROOT_MARK = "@@MW_ROOT@@/"  # stands for "the site root, relative to this page" in generated HTML
SOURCES_MARK = "@@MW_SOURCES@@"  # stands for the Sources page's URL (markdown_ext's `sources_url`)
ASSET_DIR = "assets/charts"
SHARED = [
    "data.py",
    "errors.py",
    "formats.py",
    "figure.py",
    "interact.py",
    "render.py",
    "spec.py",
    "theme.py",
    "pipeline.py",
]
SOURCES_ID = "_sources"  # pseudo-chart: the generated Sources page


@dataclass(frozen=True)
class Project:
    """Where a project's data, charts and cache live."""

    root: Path
    data_dir: Path
    charts_dir: Path
    fonts_dir: Path  # extra fonts for measuring chart text (see render.measure_with_own_fonts)
    cache_dir: Path

    @classmethod
    def at(cls, root: Path | str, cache_dir: Path | str | None = None) -> Project:
        root = Path(root).resolve()
        cache = Path(cache_dir) if cache_dir else Path(os.environ.get("MW_CACHE_DIR", root / ".cache" / "charts"))
        code = root / "build_charts"
        return cls(root, root / "data", code / "charts", code / "fonts", cache.resolve())


def chart_ids(project: Project) -> list[str]:
    """Every chart id: one module per chart in build_charts/charts/, named after the id."""
    return sorted(p.stem for p in project.charts_dir.glob("*.py") if not p.stem.startswith("_"))


def chart_datasets(module: Path) -> list[str]:
    """The dataset ids a chart draws: the parameter names of its `build()` function."""
    st = module.stat()
    return list(_parameters(str(module), st.st_mtime_ns, st.st_size))


BUILD_DEF = re.compile(r"^def build\((?P<params>[^)]*)\)", re.M)


@functools.lru_cache(maxsize=256)  # keyed on the file's mtime and size: an edited module is read again
def _parameters(path: str, mtime_ns: int, size: int) -> tuple[str, ...]:
    # Only the `def build(…)` line is parsed (parsing whole modules was half of a warm build's
    # keying); a syntax error elsewhere changes the key, and rendering then names its line.
    module = Path(path)
    found = BUILD_DEF.search(module.read_text(encoding="utf-8"))
    if found:
        line = found.string.count("\n", 0, found.start()) + 1
        try:
            node = ast.parse(f"def build({found['params']}): pass").body[0]
        except SyntaxError as e:
            raise ChartError(module, line, None, f"syntax error: {e.msg}") from None
        return tuple(a.arg for a in node.args.args)
    raise ChartError(module, 1, None, "a chart module must define `build(<dataset ids>…)` returning an Altair chart")


@functools.cache  # reading package metadata is slow, and versions do not change under a running build
def _versions() -> str:
    return f"altair={version('altair')};vl-convert={version('vl-convert-python')};py={sys.version_info[:2]}"


def _digest(paths: list[Path], extra: str) -> str:
    stamps = tuple((str(p), *((st.st_mtime_ns, st.st_size) if (st := _stat(p)) else (None, None))) for p in paths)
    return _digest_files(stamps, extra)


def _stat(path: Path):
    try:
        return path.stat()
    except FileNotFoundError:
        return None


@functools.lru_cache(maxsize=1024)  # keyed on path, mtime and size: a key is needed ~3 times per chart per build
def _digest_files(stamps: tuple, extra: str) -> str:
    h = hashlib.sha256(extra.encode())
    for path, mtime, _size in stamps:
        p = Path(path)
        h.update(p.name.encode())
        h.update(p.read_bytes() if mtime is not None else b"<missing>")
    return h.hexdigest()[:16]


FONT_SUFFIXES = {".ttf", ".otf", ".ttc", ".otc"}


def font_files(project: Project) -> list[Path]:
    """The project's own fonts for measuring chart text (none by default)."""
    if not project.fonts_dir.is_dir():
        return []
    return sorted(p for p in project.fonts_dir.rglob("*") if p.suffix.lower() in FONT_SUFFIXES)


def cache_key(project: Project, chart_id: str) -> str:
    """Hash of every input the chart's output depends on."""
    extra = _versions()
    if chart_id == SOURCES_ID:
        inputs = sorted(project.data_dir.glob("*.csv")) + sorted(project.data_dir.glob("*.meta.yml"))
    else:
        # fonts change how text is measured, so every drawing; hashed once, not once per chart
        extra += ";fonts=" + _digest(font_files(project), "")
        module = project.charts_dir / f"{chart_id}.py"
        if not module.exists():
            raise ChartError(module, None, None, f"unknown chart id {chart_id!r}")
        inputs = [module]
        for ds in chart_datasets(module):
            inputs += [project.data_dir / f"{ds}.csv", project.data_dir / f"{ds}.meta.yml"]
    inputs += [PACKAGE / name for name in SHARED]
    return _digest(inputs, extra)


def output_dir(project: Project, chart_id: str, key: str) -> Path:
    return project.cache_dir / f"{chart_id}-{key}"


@dataclass
class Report:
    built: list[str]
    cached: list[str]
    seconds: float

    def line(self) -> str:
        return f"charts: {len(self.built)} built, {len(self.cached)} cached in {self.seconds:.2f} s"


def ensure(project: Project, ids: list[str]) -> Report:
    """Make sure every listed chart (and/or the Sources page) has a current output in the cache."""
    start = time.perf_counter()
    todo, cached = [], []
    for cid in ids:
        key = cache_key(project, cid)
        (cached if (output_dir(project, cid, key) / "figure.html").exists() else todo).append(cid)
    if todo:
        render_in_subprocess(project, todo)
    return Report(todo, cached, time.perf_counter() - start)


def render_in_subprocess(project: Project, ids: list[str]) -> None:
    """Render in a fresh process, so the code on disk is what runs."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(PACKAGE.parent), os.environ.get("PYTHONPATH", "")]))
    jobs = os.cpu_count() or 1
    root, cache = str(project.root), str(project.cache_dir)
    proc = subprocess.run(
        [sys.executable, "-m", "build_charts.render", "--root", root, "--cache", cache, "--jobs", str(jobs), *ids],
        capture_output=True,
        text=True,
        env=env,
        cwd=project.root,
    )
    if proc.returncode != 0:
        # render.py prints each problem as `error: file:line: field: reason` on stderr
        found = [ln.removeprefix("error: ") for ln in proc.stderr.splitlines() if ln.startswith("error: ")]
        said = "\n".join(found) or proc.stderr.strip()[-3000:]
        said = said or f"the chart renderer stopped unexpectedly (exit code {proc.returncode})"
        raise ChartError(None, None, None, said)


def figure_html(project: Project, chart_id: str) -> str:
    """The `<figure>` for a chart, its asset URLs starting with ROOT_MARK."""
    key = cache_key(project, chart_id)
    out = output_dir(project, chart_id, key)
    if not (out / "figure.html").exists():
        ensure(project, [chart_id])
    return (out / "figure.html").read_text(encoding="utf-8")


def sources_markdown(project: Project) -> str:
    """The generated Sources page body (markdown with headings, tables as HTML)."""
    return figure_html(project, SOURCES_ID)


def assets(project: Project, ids: list[str]) -> list[Path]:
    """Files to publish under assets/charts/ for these charts (already built)."""
    files: list[Path] = []
    for cid in ids:
        out = output_dir(project, cid, cache_key(project, cid))
        files += [p for p in sorted(out.iterdir()) if p.name != "figure.html"]
    return files
