"""The light half of the chart pipeline: find charts, key them by content, keep the cache current.

Nothing here imports Altair. `prepare()` keys every chart once — a hash of its module, the shared
modules, the data files its `build()` asks for (read from its signature), the fonts and the library
versions — renders those whose key has no cache entry, and writes a manifest (chart id -> cache
folder). The finish step reads that manifest once per build; it runs `prepare()` itself only when
the inputs changed since (an author who called the generator directly). Charts are rendered in fresh
Python processes (`python -m build_charts.render`, one per core, each with a share of the charts),
so a long-running `mkdocs serve` always runs the code as it is on disk.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from build_charts.errors import ChartError
from build_charts.words import LANGUAGES

PACKAGE = Path(__file__).resolve().parent
# "the site root, relative to this page" in generated HTML, resolved by finish. It looks like an absolute
# path, so that no generator takes it for a relative URL and rewrites it.
ROOT_MARK = "/@@MW_ROOT@@/"
SOURCES_MARK = "@@MW_SOURCES@@"  # the Sources page's URL (markdown_ext's `sources_url`)
ASSET_DIR = "assets/charts"
FONT_SUFFIXES = {".ttf", ".otf", ".ttc", ".otc"}


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
        # not under .cache/: Zensical's `build --clean` empties that folder
        cache = Path(cache_dir or os.environ.get("MW_CACHE_DIR") or root / ".chart-cache")
        code = root / "build_charts"
        return cls(root, root / "data", code / "charts", code / "fonts", cache.resolve())

    @property
    def manifest_path(self) -> Path:
        return self.cache_dir / "manifest.json"


def chart_ids(project: Project) -> list[str]:
    """Every chart id: one module per chart in build_charts/charts/, named after the id."""
    return sorted(p.stem for p in project.charts_dir.glob("*.py") if not p.stem.startswith("_"))


BUILD_DEF = re.compile(r"^def build\((?P<params>[^)]*)\)", re.M)


def chart_datasets(module: Path) -> list[str]:
    """The dataset ids a chart draws: the parameter names of its `build()` function.

    Only the `def build(…)` line is parsed: a syntax error elsewhere changes the key, and rendering
    then names its line.
    """
    found = BUILD_DEF.search(module.read_text(encoding="utf-8"))
    if not found:
        raise ChartError(
            module, 1, None, "a chart module must define `build(<dataset ids>…)` returning an Altair chart"
        )
    line = found.string.count("\n", 0, found.start()) + 1
    try:
        node = ast.parse(f"def build({found['params']}): pass").body[0]
    except SyntaxError as e:
        raise ChartError(module, line, None, f"syntax error: {e.msg}") from None
    return [a.arg for a in node.args.args]


@functools.cache  # package metadata does not change under a running process
def _versions() -> str:
    return f"altair={version('altair')};vl-convert={version('vl-convert-python')};py={sys.version_info[:2]}"


def font_files(project: Project) -> list[Path]:
    """The project's own fonts for measuring chart text (none by default)."""
    if not project.fonts_dir.is_dir():
        return []
    return sorted(p for p in project.fonts_dir.rglob("*") if p.suffix.lower() in FONT_SUFFIXES)


def _hash_files(paths: list[Path], extra: str = "") -> str:
    h = hashlib.sha256(extra.encode())
    for p in paths:
        h.update(p.name.encode())
        h.update(p.read_bytes() if p.exists() else b"<missing>")
    return h.hexdigest()[:16]


def keys(project: Project) -> dict[str, str]:
    """Each chart's key: a hash of every input its drawing depends on (computed once per build)."""
    shared = sorted(PACKAGE.glob("*.py"))  # every shared module can change a drawing
    common = _versions() + ";" + _hash_files(shared + font_files(project))
    out = {}
    for cid in chart_ids(project):
        module = project.charts_dir / f"{cid}.py"
        inputs = [module]
        for ds in chart_datasets(module):
            inputs += [project.data_dir / f"{ds}.csv", project.data_dir / f"{ds}.meta.yml"]
        out[cid] = _hash_files(inputs, common)
    return out


def _stamp(project: Project) -> str:
    """A cheap fingerprint (names, sizes, times) of every input: has anything changed since the manifest?"""
    files = [*project.data_dir.glob("*"), *PACKAGE.glob("*.py"), *project.charts_dir.glob("*.py")]
    files += font_files(project)
    parts = sorted(f"{p}:{st.st_size}:{st.st_mtime_ns}" for p in files if (st := p.stat()))
    return hashlib.sha256(("\n".join(parts) + _versions()).encode()).hexdigest()[:16]


def output_dir(project: Project, chart_id: str, key: str) -> Path:
    return project.cache_dir / f"{chart_id}-{key}"


@dataclass
class Report:
    built: list[str]
    cached: list[str]
    seconds: float

    def line(self) -> str:
        return f"charts: {len(self.built)} built, {len(self.cached)} cached in {self.seconds:.2f} s"


def prepare(project: Project) -> Report:
    """Make every chart's cache entry current and write the manifest; raise on the first problem."""
    start = time.perf_counter()
    stamp = _stamp(project)
    current = keys(project)
    todo = [cid for cid, key in current.items() if not (output_dir(project, cid, key) / "figure.html").exists()]
    if todo:
        render_in_subprocess(project, todo)
    project.cache_dir.mkdir(parents=True, exist_ok=True)
    manifest = {"stamp": stamp, "charts": {cid: output_dir(project, cid, key).name for cid, key in current.items()}}
    tmp = project.manifest_path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    tmp.replace(project.manifest_path)  # atomic: a reader never sees half a manifest
    return Report(todo, [c for c in current if c not in todo], time.perf_counter() - start)


def manifest(project: Project) -> dict[str, Path]:
    """Chart id -> its current cache folder; prepares first if any input changed since the last prepare."""
    try:
        saved = json.loads(project.manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        saved = None
    if not saved or saved.get("stamp") != _stamp(project):
        prepare(project)
        saved = json.loads(project.manifest_path.read_text(encoding="utf-8"))
    return {cid: project.cache_dir / name for cid, name in saved["charts"].items()}


def render_in_subprocess(project: Project, ids: list[str]) -> None:
    """Render in fresh processes, so the code on disk is what runs: one per core, each a share of the charts."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(PACKAGE.parent), os.environ.get("PYTHONPATH", "")]))
    shares = [ids[i :: os.cpu_count() or 1] for i in range(min(len(ids), os.cpu_count() or 1))]
    command = [
        sys.executable,
        "-m",
        "build_charts.render",
        "--root",
        str(project.root),
        "--cache",
        str(project.cache_dir),
    ]
    procs = [
        subprocess.Popen(
            command + share, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=project.root
        )
        for share in shares
    ]
    problems = []
    for proc in procs:
        _, stderr = proc.communicate()
        if proc.returncode != 0:
            # render.py prints each problem as `error: file:line: field: reason` on stderr
            found = [ln.removeprefix("error: ") for ln in stderr.splitlines() if ln.startswith("error: ")]
            said = "\n".join(found) or stderr.strip()[-3000:]
            problems.append(said or f"the chart renderer stopped unexpectedly (exit code {proc.returncode})")
    if problems:
        raise ChartError(None, None, None, "\n".join(problems))


FIGURE_MARK = re.compile(r"<!--mw-figure (\w+) sources=(\S*) lang=(\w+)-->")


def figure_mark(chart_id: str, sources_url: str, lang: str = "en") -> str:
    """What a page holds in place of a chart's figure until the built page is finished."""
    return f"<!--mw-figure {chart_id} sources={sources_url} lang={lang}-->"


def figure_file(lang: str) -> str:
    """The figure's HTML in a chart's cache folder, per language."""
    return "figure.html" if lang == "en" else f"figure.{lang}.html"


def figure_html(folder: Path, sources_url: str = "sources/", lang: str = "en") -> str:
    """The `<figure>` in a chart's cache folder, its asset URLs starting with ROOT_MARK."""
    html = (folder / figure_file(lang)).read_text(encoding="utf-8")
    return html.replace(SOURCES_MARK, ROOT_MARK + sources_url)


def share_card(project: Project, chart_id: str, folder: Path, lang: str = "en") -> Path:
    """The chart's 1200 x 630 card for link previews, drawn the first time a page leads with the chart."""
    card = folder / ".".join(
        [chart_id, folder.name.rsplit("-", 1)[1][:10], *([lang] if lang != "en" else []), "share.png"]
    )
    if not card.exists():
        from build_charts.render import draw_share_card  # vl-convert loads only when a card is missing

        draw_share_card(project, card, card.with_name(card.name.replace(".share.png", ".svg")), lang)
    return card


def chart_files(charts: dict[str, Path], lang: str = "en") -> list[Path]:
    """Files to publish under assets/charts/ of one edition: its drawings, specs and cards, and the data downloads."""

    def ours(name: str) -> bool:
        parts = name.split(".")[2:]  # after '<id>.<key>': a language, a layout, a suffix
        return not name.startswith("figure.") and (
            parts[0] == lang if parts[0] in LANGUAGES else lang == "en" or parts[0] in ("csv", "json")
        )

    return [p for out in charts.values() for p in sorted(out.iterdir()) if ours(p.name)]
