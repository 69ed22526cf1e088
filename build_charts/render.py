"""The heavy half of the pipeline: build charts with Altair, draw them with vl-convert, write them.

Run as `python -m build_charts.render --root . --cache .chart-cache ID…` (the
pipeline does this for you). For each chart it writes, into a fresh cache folder: the
figure's HTML, a static SVG, the Vega spec compiled at build time (so readers' browsers
never load the Vega-Lite compiler) and the data as CSV/JSON. The 1200 x 630 PNG card for link
previews is drawn here too, when the page maker first asks for it (`card_for`); the PNG
a reader downloads is drawn from the SVG in the reader's browser. On a problem it
prints `error: file:line: field: reason` and exits non-zero.

One process builds each chart's spec with Altair (`spec.py`) and draws it with vl-convert, one
chart after the other; every problem is reported, not only the first.

Chart text is measured with the Liberation Sans that vl-convert bundles (metrics of Arial and
Helvetica, where readers' font stack ends) plus any fonts in `build_charts/fonts/`, never with
the machine's own fonts: see `measure_with_own_fonts`.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import re
import shutil
import signal
import sys
import tempfile
from html import escape
from pathlib import Path

import vl_convert as vlc

from build_charts import data as data_mod
from build_charts import figure, limits, theme, words
from build_charts.errors import ChartError, PipelineError
from build_charts.pipeline import ENTRY, Chart, Links, Project, chart_seconds, figure_file, keys, output_dir
from build_charts.words import LANGUAGES

FONTS_CONF = """<?xml version="1.0"?>
<!-- Written by build_charts/render.py: vl-convert measures chart text with its bundled
     Liberation Sans plus the fonts in the folder below, not with the machine's own fonts. -->
<fontconfig><dir>{}</dir></fontconfig>
"""


def data_records(datasets: list[data_mod.Dataset], lang: str = LANGUAGES[0], shown=None) -> list[dict]:
    """The chart's data for download: every row, with its source spelled out. For another edition (`lang`, with
    `shown` the same datasets in its language) each source's producer comes in that language too, beside the
    original name, title and URL, which stay as published."""
    out = []
    for i, ds in enumerate(datasets):
        for j, row in enumerate(ds.rows):
            o = ds.origin(row)
            rec = ({"dataset": ds.id} if len(datasets) > 1 else {}) | row | {"source_producer": o.producer}
            if lang != LANGUAGES[0]:
                rec[f"source_producer_{lang}"] = shown[i].origin(shown[i].rows[j]).producer
            rec |= {"source_title": o.title, "source_url": o.url}
            out.append(rec)
    return out


def to_csv(records: list[dict]) -> str:
    """The chart's data as CSV for spreadsheets: no text cell of it runs as a formula when opened."""
    cols: list[str] = []
    for r in records:
        cols += [c for c in r if c not in cols]
    # a text cell starting like a formula (=HYPERLINK(…), +, -, @, tab, CR) would run in a spreadsheet: a leading '
    # keeps it text (OWASP's advice); numbers, negative ones too, are written as they are, and the JSON keeps the text
    starts = ("=", "+", "-", "@", "\t", "\r")
    safe = ({k: "'" + v if isinstance(v, str) and v.startswith(starts) else v for k, v in r.items()} for r in records)
    buf = io.StringIO()
    # CRLF ends a record (RFC 4180), so the writer quotes a cell with a CR in it too: with "\n" it left a bare
    # CR, which spreadsheets read as a new row, and a formula after it (x\r=1+2) started that row unquoted
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\r\n")
    w.writeheader()
    w.writerows(safe)
    return buf.getvalue()


def measure_with_own_fonts(project: Project) -> None:
    """Keep the machine's fonts out of vl-convert's text measuring, before its first drawing.

    The same drawing on every machine (CI, an author's laptop) whatever fonts it has, and faster:
    vl-convert re-reads a system font file from disk for every glyph it measures, while its bundled
    fonts stay in memory. vl-convert's font database (fontdb) reads the
    fontconfig file named by FONTCONFIG_FILE and, when that lists a folder, loads fonts from
    there only. Linux only (elsewhere fontdb does not read fontconfig, and system fonts are
    used as before). Takes effect only if this process has not drawn anything yet.
    """
    conf = project.cache_dir / "fonts.conf"
    text = FONTS_CONF.format(escape(str(project.fonts_dir)))
    if not conf.exists() or conf.read_text(encoding="utf-8") != text:
        conf.parent.mkdir(parents=True, exist_ok=True)
        tmp = conf.with_name(f".fonts.conf.{os.getpid()}")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(conf)  # atomic: a concurrent render never reads half a file
    os.environ["FONTCONFIG_FILE"] = str(conf)


SHARE_W, SHARE_H = 1200, 630  # px: the image that link previews show (Open Graph, Twitter cards)


def share_card(svg: str, lang: str = "en") -> bytes:
    """The chart on a 1200 x 630 white card with the site's name, as a PNG for link previews."""
    svg = re.sub(r"<\?xml[^>]*>\s*", "", svg)
    w, h = (float(re.search(rf'\b{a}="([\d.]+)"', svg)[1]) for a in ("width", "height"))
    scale = min((SHARE_W - 96) / w, (SHARE_H - 110) / h)
    text, accent = theme.TOKENS["text"][0], theme.ACCENT
    with words.use(lang):
        name, font = words.UI("card_name"), theme.FONT_ZH if lang == "zh" else "Liberation Sans"
    card = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SHARE_W}" height="{SHARE_H}">'
        f'<rect width="{SHARE_W}" height="{SHARE_H}" fill="#ffffff"/>'
        f'<rect width="{SHARE_W}" height="8" fill="{accent}"/>'
        f'<text x="48" y="{SHARE_H - 28}" font-family="{escape(font, quote=True)}" font-size="22" font-weight="600"'
        f' fill="{text}">{escape(name)}</text>'
        f'<g transform="translate({(SHARE_W - w * scale) / 2:.1f},32) scale({scale:.4f})">{svg}</g></svg>'
    )
    return vlc.svg_to_png(card)


def card_for(project: Project, chart: Chart, lang: str = "en") -> Path:
    """The chart's 1200 x 630 card for link previews, drawn the first time it is asked for, then kept with the
    chart (the page maker asks for the cards of the charts its pages lead with)."""
    folder = chart.folder
    card = folder / ".".join(
        [chart.id, folder.name.rsplit("-", 1)[1][:10], *([lang] if lang != "en" else []), "share.png"]
    )
    if not card.exists():
        svg = card.with_name(card.name.replace(".share.png", ".svg"))
        measure_with_own_fonts(project)  # the card's text in the same fonts as the chart's
        tmp = card.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(share_card(svg.read_text(encoding="utf-8"), lang))
        tmp.replace(card)
    return card


def bets_card_for(project: Project, common: Path, lang: str = "en") -> Path:
    """The scored bets' 1200 x 630 card for link previews, drawn the first time it is asked for, then kept in the
    shared folder (whose name is keyed on every data file, so a changed bet draws a new card)."""
    from build_charts import bets  # the cards' parts are in the shared folder; the drawing words are here

    card = common / f"bets.{common.name.rsplit('-', 1)[1][:10]}{'.' + lang if lang != 'en' else ''}.share.png"
    if not card.exists():
        parts = json.loads((common / f"bets.{lang}.json").read_text(encoding="utf-8"))
        measure_with_own_fonts(project)
        with words.use(lang):
            svg = bets.scorecard_svg(parts)
        tmp = card.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(share_card(svg, lang))
        tmp.replace(card)
    return card


SVG_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)


def _check_charset(project: Project, path: Path, svg: str) -> None:
    """A Chinese drawing may only use characters of the shipped font: any other would be measured with a
    fallback font and could overflow on readers' screens."""
    charset = project.fonts_dir / "charset.txt"
    if not charset.exists():
        return
    known = set(charset.read_text(encoding="utf-8"))
    text = "".join(SVG_TEXT.findall(svg))
    text = re.sub(r"&(?:#\d+|#x[0-9a-f]+|\w+);", "", text, flags=re.I)  # entities are ASCII characters' escapes
    odd = sorted({c for c in text if c not in known and not c.isspace()})
    if odd:
        raise ChartError(
            path,
            None,
            "render",
            f"the Chinese chart uses characters the measuring font lacks ({''.join(odd)}): run `make chart-font`",
        )


def draw(
    project: Project,
    chart_id: str,
    key: str,
    specs: dict[str, dict[str, dict]],
    datasets: dict[str, list[data_mod.Dataset]],
    path: Path,
    links: Links,
) -> None:
    """Compile each language's and layout's Vega-Lite spec to Vega, draw its SVG, write the chart's cache entry.

    Per language: a figure (`figure.html`, `figure.zh.html`) and its drawings; the data downloads are
    one set for both.
    """
    stem = f"{chart_id}.{key[:10]}"
    files: dict[str, str | bytes | None] = {}
    for lang, layouts in specs.items():
        svgs, answers = {}, {}
        for layout, spec in layouts.items():
            try:
                vega = vlc.vegalite_to_vega(spec)  # compiled once: the SVG is drawn from the same Vega spec
            except Exception as e:
                raise ChartError(path, None, "render", f"vl-convert could not render the chart: {e}") from e
            name = figure.drawing_name(chart_id, key, lang, layout)
            spec_file = f"{name}.vg.json"
            files[spec_file] = _checked(path, spec_file, json.dumps(vega, separators=(",", ":"), sort_keys=True))
            try:
                svgs[layout] = vlc.vega_to_svg(vega)
            except Exception as e:
                raise ChartError(path, None, "render", f"vl-convert could not render the chart: {e}") from e
            if lang != "en":
                _check_charset(project, path, svgs[layout])
            files[f"{name}.svg"] = svgs[layout]
            answer = spec.get("usermeta", {}).get("answer")
            if answer:  # a guess-first chart (kit.answer): drawn again with its answer, for the drawer
                answers[layout] = _answer_svg(path, vega, answer["reveal"])
                if lang != "en":
                    _check_charset(project, path, answers[layout])
                files[f"{name}.answer.svg"] = answers[layout]
        wide = layouts["wide"]
        title = wide["title"]["text"] if isinstance(wide["title"], dict) else wide["title"]
        title = ("" if lang == "zh" else " ").join(title) if isinstance(title, list) else title
        with words.use(lang):
            answer = wide.get("usermeta", {}).get("answer")
            html = figure.render(
                chart_id, key, title, wide["description"], svgs, datasets[lang], links, answer and (answer, answers)
            )
            files[figure_file(lang)] = _checked(path, figure_file(lang), html)
    for lang in datasets:  # each edition's downloads: the same rows, the producers also in its language
        records = data_records(datasets[LANGUAGES[0]], lang, datasets[lang])
        name = stem if lang == LANGUAGES[0] else f"{stem}.{lang}"
        files |= {
            f"{name}.csv": to_csv(records) if datasets[lang] else None,
            f"{name}.json": json.dumps(records, ensure_ascii=False, indent=1) if datasets[lang] else None,
        }
    publish(output_dir(project, chart_id, key), files)


def _answer_svg(path: Path, vega: dict, reveal: str) -> str:
    """The drawing of a guess-first chart with its answer: the same Vega spec with the `reveal` signal true."""
    signals = [{**sig, "value": True} if sig.get("name") == reveal else sig for sig in vega.get("signals", [])]
    if signals == vega.get("signals", []):
        raise ChartError(path, None, "build()", f"kit.answer(reveal={reveal!r}) names no param of the chart")
    try:
        return vlc.vega_to_svg(vega | {"signals": signals})
    except Exception as e:
        raise ChartError(path, None, "render", f"vl-convert could not render the chart: {e}") from e


# What one chart may weigh (build_charts/limits.py): a chart over it has too many marks for a reader
# (100,000 points made a 28 MB page), so aggregate, sample or bin the data in `build()`.
MAX_BYTES = {"figure": limits.FIGURE_BYTES, "spec": limits.SPEC_BYTES}


def _checked(path: Path, name: str, content: str) -> str:
    """`content` (the file `name`: a figure or a spec) if it is within its limit, else an error naming the
    chart module; a spec is checked before it is drawn, so a chart too heavy to publish is not worth the wait."""
    kind = "spec" if name.endswith(".vg.json") else "figure"
    size = len(content.encode())
    if size > MAX_BYTES[kind]:
        reason = f"the {kind} ({name}) is {limits.mb(size)}, over its {limits.mb(MAX_BYTES[kind])} limit:"
        raise ChartError(path, None, "size", reason + " aggregate, sample or bin the data in build()")
    return content


def publish(out: Path, files: dict[str, str | bytes | None]) -> None:
    """Write all files to a temporary folder, then move it into place: never a half-written cache entry."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=".tmp-"))
    for name, content in files.items():
        if content is None:
            continue
        if isinstance(content, bytes):
            (tmp / name).write_bytes(content)
        else:
            (tmp / name).write_text(content, encoding="utf-8")
    # what the entry holds, written last: `pipeline.entry_problem` checks it before any later build trusts it
    held = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(tmp.iterdir())}
    (tmp / ENTRY).write_text(json.dumps(held, indent=1, sort_keys=True), encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    # entries of the same chart under older keys can never be used again
    chart_id = out.name.rsplit("-", 1)[0]
    for old in out.parent.glob(f"{chart_id}-*"):
        if old != out and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def render_all(project: Project, ids: list[str], links: Links) -> list[str]:
    """Render every id into the cache; returns the problems found (all of them, not only the first)."""
    from build_charts.spec import build_spec  # Altair loads here, in the rendering process only

    measure_with_own_fonts(project)
    current = keys(project, links)
    limit = chart_seconds()
    problems = []

    def too_long(signum, frame):
        raise TimeoutError(f"took more than {limit} s, the time limit for one chart (MW_CHART_SECONDS)")

    signal.signal(signal.SIGALRM, too_long)
    for cid in ids:
        module = project.charts_dir / f"{cid}.py"
        print(f"drawing: {cid}", file=sys.stderr, flush=True)  # a crash then names the chart it was drawing
        signal.alarm(limit)
        try:
            draw(project, cid, current[cid], *build_spec(project, cid), links)
        except PipelineError as e:
            problems.append(str(e))
        except TimeoutError:
            problems.append(
                str(ChartError(module, None, "build", f"took more than {limit} s, the limit (MW_CHART_SECONDS)"))
            )
        except SystemExit as e:
            problems.append(str(ChartError(module, None, "build", f"called sys.exit({e.code}) while being drawn")))
        finally:
            signal.alarm(0)
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=".")
    ap.add_argument("--cache", default=None)
    ap.add_argument("--links", default=Links().as_json(), help="where figures' links point (JSON, see pipeline.Links)")
    ap.add_argument("ids", nargs="+")
    args = ap.parse_args(argv)
    problems = render_all(Project.at(args.root, args.cache), args.ids, Links.from_json(args.links))
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 3 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
