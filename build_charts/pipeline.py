"""The light half of the chart pipeline: find charts, key them by content, keep the cache current.

Nothing here imports Altair. `prepare()` keys every chart once — a hash of its module, the shared
modules, the data files its `build()` asks for (read from its signature), the fonts, the library
versions and the links it was asked to write — renders those whose key has no cache entry, and writes
the manifest: for each chart its cache folder, the datasets it draws, its figure and the files to
publish per language; and one shared folder (the dark-scheme colours, every dataset's sources).
Whoever makes pages reads only that manifest (`manifest()`); this side knows no page and no generator.
Charts are rendered in fresh Python processes (`python -m build_charts.render`, one per core, each
with a share of the charts), so a long-running `mkdocs serve` always runs the code as it is on disk.
"""

from __future__ import annotations

import ast
import difflib
import functools
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from build_charts import limits
from build_charts.errors import ChartError
from build_charts.words import LANGUAGES

PACKAGE = Path(__file__).resolve().parent
FONT_SUFFIXES = {".ttf", ".otf", ".ttc", ".otc"}


@dataclass(frozen=True)
class Links:
    """Where a figure's links point, as the page maker wants them written: the folder its chart files are
    published in, and per language the page that lists every dataset's sources. The charts side writes
    these strings as given (they may hold the page maker's own markers) and keys its cache on them."""

    assets: str = "assets/charts/"
    sources: tuple[tuple[str, str], ...] = tuple((lang, "sources/") for lang in LANGUAGES)

    def sources_url(self, lang: str) -> str:
        return dict(self.sources)[lang]

    def as_json(self) -> str:
        return json.dumps({"assets": self.assets, "sources": dict(self.sources)}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Links:
        d = json.loads(text)
        return cls(d["assets"], tuple(sorted(d["sources"].items())))


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


def chart_datasets(module: Path, data_dir: Path | None = None) -> list[str]:
    """The dataset ids a chart draws: the parameter names of its `build()` function.

    Only the `def build(…)` line is parsed: a syntax error elsewhere changes the key, and rendering
    then names its line. Given `data_dir`, a parameter that names no dataset there is an error at the
    module's line, naming the datasets that exist.
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
    names = [a.arg for a in node.args.args]
    if data_dir is not None:
        known = sorted(p.name.removesuffix(".meta.yml") for p in data_dir.glob("*.meta.yml"))
        for a in node.args.args:
            if a.arg not in known:
                at = line + found["params"].count("\n", 0, max(0, found["params"].find(a.arg)))
                near = difflib.get_close_matches(a.arg, known, n=3, cutoff=0.5)
                hint = f"did you mean {', '.join(near)}? " if near else ""
                raise ChartError(
                    module,
                    at,
                    f"build({a.arg})",
                    f"no dataset {a.arg!r} in {data_dir.name}/ (each parameter names one): {hint}"
                    f"the datasets are {', '.join(known)}",
                )
    return names


@functools.cache  # package metadata does not change under a running process
def _versions() -> str:
    return f"altair={version('altair')};vl-convert={version('vl-convert-python')};py={sys.version_info[:2]}"


# How a font file starts (OpenType with CFF outlines, TrueType, a collection): anything else in the folder
# (a Git LFS pointer, a download cut short, an HTML error page) would be skipped by the renderer, which
# then measures with its fallback font and silently redraws every chart differently.
FONT_MAGIC = (b"OTTO", b"\x00\x01\x00\x00", b"true", b"ttcf")


def font_files(project: Project) -> list[Path]:
    """The project's own fonts for measuring chart text (none by default), each checked to be a font."""
    if not project.fonts_dir.is_dir():
        return []
    fonts = sorted(p for p in project.fonts_dir.rglob("*") if p.suffix.lower() in FONT_SUFFIXES)
    for font in fonts:
        with font.open("rb") as f:
            head = f.read(4)
        if head not in FONT_MAGIC:
            raise ChartError(font, None, None, "not a font file (damaged, cut short, or a Git LFS pointer)")
    if (project.fonts_dir / "charset.txt").exists() and not fonts:
        raise ChartError(
            project.fonts_dir / "charset.txt",
            None,
            None,
            "lists the measuring font's characters, but no font file is beside it: restore it from git",
        )
    return fonts


def _hash_files(paths: list[Path], extra: str = "") -> str:
    h = hashlib.sha256(extra.encode())
    for p in paths:
        h.update(p.name.encode())
        h.update(p.read_bytes() if p.exists() else b"<missing>")
    return h.hexdigest()[:16]


def _shared(project: Project, links: Links) -> str:
    """What every chart's key and the shared folder's key depend on: library versions, shared modules, fonts,
    links."""
    shared = sorted(PACKAGE.glob("*.py"))  # every shared module can change a drawing
    return _versions() + ";" + links.as_json() + ";" + _hash_files(shared + font_files(project))


def keys(project: Project, links: Links) -> dict[str, str]:
    """Each chart's key: a hash of every input its drawing depends on (computed once per build)."""
    common = _shared(project, links)
    out = {}
    for cid in chart_ids(project):
        module = project.charts_dir / f"{cid}.py"
        inputs = [module]
        for ds in chart_datasets(module, project.data_dir):
            inputs += [project.data_dir / f"{ds}.csv", project.data_dir / f"{ds}.meta.yml"]
        out[cid] = _hash_files(inputs, common)
    return out


def common_key(project: Project, links: Links) -> str:
    """The shared folder's key: every data file (the Sources page lists them all) and the shared inputs."""
    return _hash_files(sorted(project.data_dir.glob("*")), _shared(project, links))


def _stamp(project: Project, links: Links) -> str:
    """A cheap fingerprint (names, sizes, times) of every input: has anything changed since the manifest?"""
    files = [*project.data_dir.glob("*"), *PACKAGE.glob("*.py"), *project.charts_dir.glob("*.py")]
    files += font_files(project)
    parts = sorted(f"{p}:{st.st_size}:{st.st_mtime_ns}" for p in files if (st := p.stat()))
    return hashlib.sha256(("\n".join(parts) + _versions() + links.as_json()).encode()).hexdigest()[:16]


def output_dir(project: Project, chart_id: str, key: str) -> Path:
    return project.cache_dir / f"{chart_id}-{key}"


@dataclass
class Report:
    built: list[str]
    cached: list[str]
    seconds: float
    repaired: list[str] = field(default_factory=list)  # entries found damaged, drawn again

    def line(self) -> str:
        said = f"charts: {len(self.built)} built, {len(self.cached)} cached in {self.seconds:.2f} s"
        return said + (f"; damaged cache entries drawn again: {', '.join(self.repaired)}" if self.repaired else "")


def figure_file(lang: str) -> str:
    """The figure's HTML in a chart's cache folder, per language."""
    return "figure.html" if lang == "en" else f"figure.{lang}.html"


def _published(folder: Path, lang: str) -> list[str]:
    """Files of a chart's cache folder that one edition publishes: its drawings and specs, and the data
    downloads (one set for every language). Share cards are drawn on demand (`render.card_for`), so the
    page maker publishes the ones it asked for."""

    def ours(name: str) -> bool:
        parts = name.split(".")[2:]  # after '<id>.<key>': a language, a layout, a suffix
        return (
            name != ENTRY
            and not name.startswith("figure.")
            and not name.endswith(".share.png")
            and (parts[0] == lang if parts[0] in LANGUAGES else lang == "en" or parts[0] in ("csv", "json"))
        )

    return [p.name for p in sorted(folder.iterdir()) if ours(p.name)]


ENTRY = "entry.json"  # in each cache folder, written last: the name and SHA-256 of every file it holds


def entry_problem(folder: Path) -> str | None:
    """Why a chart's cache entry cannot be trusted (None when it is whole): missing, or a file changed or gone."""
    try:
        held = json.loads((folder / ENTRY).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "missing" if not folder.exists() else f"incomplete (no {ENTRY})"
    except (OSError, ValueError):
        return f"damaged ({ENTRY} unreadable)"
    if not isinstance(held, dict) or not all(isinstance(v, str) for v in held.values()):
        return f"damaged ({ENTRY} unreadable)"
    for name, digest in sorted(held.items()):
        try:
            if hashlib.sha256((folder / name).read_bytes()).hexdigest() != digest:
                return f"damaged ({name} changed)"
        except OSError:
            return f"damaged ({name} missing)"
    return None


def chart_seconds() -> int:
    """The time limit for drawing one chart (both editions, both layouts): MW_CHART_SECONDS, else the default."""
    raw = os.environ.get("MW_CHART_SECONDS", str(limits.CHART_SECONDS))
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise ChartError(None, None, "MW_CHART_SECONDS", f"must be a whole number of seconds, not {raw!r}")
    return int(raw)


def prepare(project: Project, links: Links) -> Report:
    """Make every chart's cache entry and the shared folder current and write the manifest; raise on the
    first problem."""
    start = time.perf_counter()
    stamp = _stamp(project, links)
    current = keys(project, links)
    found = {cid: entry_problem(output_dir(project, cid, key)) for cid, key in current.items()}
    todo = [cid for cid, problem in found.items() if problem]
    repaired = [f"{cid} ({problem})" for cid, problem in found.items() if problem and problem != "missing"]
    if todo:
        render_in_subprocess(project, todo, links)
    for cid in todo:  # every requested chart must have produced a whole entry
        problem = entry_problem(output_dir(project, cid, current[cid]))
        if problem:
            module = project.charts_dir / f"{cid}.py"
            raise ChartError(module, None, None, f"the renderer left no whole cache entry for {cid!r}: {problem}")
    common = project.cache_dir / f"common-{common_key(project, links)}"
    if not common.is_dir():
        from build_charts.sources import write_common  # loads the data layer only when the data changed

        write_common(project.data_dir, common)
    charts = {}
    for cid, key in current.items():
        folder = output_dir(project, cid, key)
        charts[cid] = {
            "folder": folder.name,
            "datasets": chart_datasets(project.charts_dir / f"{cid}.py"),
            "figures": {lang: figure_file(lang) for lang in LANGUAGES},
            "files": {lang: _published(folder, lang) for lang in LANGUAGES},
        }
    saved = {"stamp": stamp, "links": json.loads(links.as_json()), "common": common.name, "charts": charts}
    project.cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = project.manifest_path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(saved, indent=1), encoding="utf-8")
    tmp.replace(project.manifest_path)  # atomic: a reader never sees half a manifest
    return Report(todo, [c for c in current if c not in todo], time.perf_counter() - start, repaired)


@dataclass(frozen=True)
class Chart:
    """One chart as the manifest describes it: where its files are, what it draws."""

    id: str
    folder: Path
    datasets: list[str]
    figures: dict[str, str]
    files: dict[str, list[str]]

    def figure_html(self, lang: str) -> str:
        """The chart's `<figure>` in one language, its links as the `Links` given to `prepare` wrote them."""
        try:
            return (self.folder / self.figures[lang]).read_text(encoding="utf-8")
        except OSError as e:
            raise ChartError(
                None, None, self.id, f"its cache entry went away during the build ({e.strerror}): build again"
            ) from None

    def published(self, lang: str) -> list[Path]:
        """The files one edition publishes beside its pages."""
        return [self.folder / name for name in self.files[lang]]


@dataclass(frozen=True)
class Manifest:
    """What `prepare` made: every chart, and the shared folder (colours.css, sources.<lang>.json, bets.<lang>.json)."""

    charts: dict[str, Chart]
    common: Path

    def sources(self, lang: str) -> dict:
        """Every dataset's sources as HTML blocks in one language: {"summary": …, "datasets": {id: …}}."""
        return json.loads((self.common / f"sources.{lang}.json").read_text(encoding="utf-8"))

    def bets(self, lang: str) -> dict:
        """The parts of the article's bets' cards in one language (`build_charts/bets.py`); empty without them."""
        path = self.common / f"bets.{lang}.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"order": [], "bets": {}}


def manifest(project: Project, links: Links) -> Manifest:
    """The current manifest; prepares first if any input changed since the last prepare."""
    try:
        saved = json.loads(project.manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        saved = None
    if not saved or saved.get("stamp") != _stamp(project, links):
        prepare(project, links)
        saved = json.loads(project.manifest_path.read_text(encoding="utf-8"))
    charts = {
        cid: Chart(cid, project.cache_dir / c["folder"], c["datasets"], c["figures"], c["files"])
        for cid, c in saved["charts"].items()
    }
    return Manifest(charts, project.cache_dir / saved["common"])


def render_in_subprocess(project: Project, ids: list[str], links: Links) -> None:
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
        "--links",
        links.as_json(),
    ]
    procs = [
        subprocess.Popen(
            command + share, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=project.root
        )
        for share in shares
    ]
    problems = []
    limit = chart_seconds()
    for proc, share in zip(procs, shares, strict=True):
        try:  # the renderer stops a chart at the limit itself; this is for one stuck outside Python
            _, stderr = proc.communicate(timeout=limit * len(share) + 60)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, stderr = proc.communicate()
            stderr += "\nerror: the chart renderer was stopped: it ran past its time limit"
        drawing = [ln.removeprefix("drawing: ") for ln in stderr.splitlines() if ln.startswith("drawing: ")]
        if proc.returncode != 0:
            # render.py prints each problem as `error: file:line: field: reason` on stderr
            found = [ln.removeprefix("error: ") for ln in stderr.splitlines() if ln.startswith("error: ")]
            said = "\n".join(found)
            if not found or "was stopped" in said:
                at = f" while drawing {drawing[-1]!r} (build_charts/charts/{drawing[-1]}.py)" if drawing else ""
                last = stderr.strip().splitlines()[-1:] if not found else []
                tail = [t for t in last if not t.startswith("drawing: ")]  # the interpreter's last word, if any
                said = f"the chart renderer stopped unexpectedly (exit code {proc.returncode}){at}" + "".join(
                    f": {t}" for t in tail
                )
            problems.append(said)
    if problems:
        raise ChartError(None, None, None, "\n".join(problems))
