"""The real site: strict build, every page and chart present, own words, no third parties, reproducible."""

from __future__ import annotations

import html as htmlmod
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

from build_pages.editions import EN
from build_pages.lang_ext import VOID
from tests.conftest import ROOT
from tests.sites import build_editions

OWN_WORDS = ROOT / "tools" / "own_words.py"
THIRD_PARTY = re.compile(r"cdn\.jsdelivr|unpkg\.com|cdnjs|fonts\.googleapis|fonts\.gstatic|googletagmanager")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Both editions, as `make build` makes them (English at the root, Chinese under zh/)."""
    return build_editions(tmp_path_factory.mktemp("site") / "out")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_every_chart_line_became_a_figure(site):
    chart_line = re.compile(r"^\s*\[\[chart (\w+)\]\]\s*$", re.M)
    for md in sorted((ROOT / "docs").glob("*.md")):
        ids = chart_line.findall(md.read_text(encoding="utf-8"))
        html = (site / ("" if md.stem == "index" else md.stem) / "index.html").read_text(encoding="utf-8")
        for chart_id in ids:
            assert f'data-chart="{chart_id}"' in html, f"{md.name}: chart {chart_id} missing"


def test_every_chapter_has_a_chart_or_schematic(site):
    for md in sorted((ROOT / "docs").glob("0[1-7]-*.md")):
        assert "[[chart " in md.read_text(encoding="utf-8"), md.name


def own_words(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(OWN_WORDS), *args], capture_output=True, text=True)


def test_own_words_check_finds_a_copied_line_and_passes_a_retold_one(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The quick brown fox jumps over the lazy dog while the cat sleeps soundly.", encoding="utf-8")
    fp = tmp_path / "runs.txt"
    assert own_words("--make", str(article), "--fingerprint", str(fp)).returncode == 0
    assert "quick" not in fp.read_text()  # hashes only: the article's text is not kept
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("Intro.\nHe wrote that *the quick brown fox* jumps over the lazy dog, twice.\n")
    (docs / "b.md").write_text("A fox, quick and brown, leapt a sleeping dog.\n")
    r = own_words("--fingerprint", str(fp), str(docs))
    assert r.returncode == 1
    assert "a.md:2: copies the article" in r.stdout and "b.md" not in r.stdout


def test_pages_retell_the_article_in_own_words():
    r = own_words(str(ROOT / "docs"))
    assert r.returncode == 0, r.stdout


def test_no_third_party_host_in_any_built_file(site):
    # Material's bundle names polyfill/mermaid CDNs it only loads when needed (never here, and the CSP
    # blocks them); the browser tests record every request actually made.
    # each edition (site/, site/zh/) has its own copy of the theme's scripts
    theme_js = {p for d in site.rglob("javascripts") for p in d.rglob("*.js") if "charts" not in p.name}
    for path in site.rglob("*"):
        if path.suffix in (".html", ".js", ".css", ".json") and path.is_file() and path not in theme_js:
            hit = THIRD_PARTY.search(path.read_text(encoding="utf-8", errors="replace"))
            assert not hit, f"{path.relative_to(site)} names {hit[0]}"


def test_every_page_carries_a_strict_csp(site):
    for page in [*pages(site), site / "404.html"]:
        html = page.read_text(encoding="utf-8")
        m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert m, page
        policy = m[1]
        assert "default-src 'self'" in policy and "unsafe-eval" not in policy
        script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
        assert "unsafe-inline" not in script_src


def test_palette_stylesheet_loses_only_the_rule_that_restyles_every_element(site):
    # Material's bundle sets and removes data-md-color-switching on <body> at every page load; with
    # its `[data-md-color-switching] *` rule that is two full style recalculations (see theme_patches).
    import material

    shipped = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    (theirs,) = shipped.glob("palette.*.min.css")
    ours = (site / "assets" / "stylesheets" / theirs.name).read_text(encoding="utf-8")
    original = theirs.read_text(encoding="utf-8")
    assert "data-md-color-switching" in original  # else Material changed and the hook has nothing to do
    assert "data-md-color-switching" not in ours
    rule = original[original.index("[data-md-color-switching]") :]
    rule = rule[: rule.index("}") + 1]
    assert ours == original.replace(rule, "", 1)  # nothing else touched


def test_material_bundle_is_marked_for_eager_compilation_and_its_map_still_lines_up(site):
    import json

    import material

    from build_pages.theme_patches import ALTERNATE_LOOKUP, COMPILE_HINT, NO_LOOKUP

    shipped = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    (theirs,) = shipped.glob("bundle.*.min.js")
    ours = site / "assets" / "javascripts" / theirs.name
    original = theirs.read_text(encoding="utf-8")
    # the other patch of the bundle renames one selector, keeping every later character where it was
    assert original.count(ALTERNATE_LOOKUP) == 1 and len(ALTERNATE_LOOKUP) == len(NO_LOOKUP)
    assert ours.read_text(encoding="utf-8") == COMPILE_HINT + original.replace(ALTERNATE_LOOKUP, NO_LOOKUP)
    their_map = json.loads((shipped / f"{theirs.name}.map").read_text(encoding="utf-8"))
    our_map = json.loads((ours.parent / f"{ours.name}.map").read_text(encoding="utf-8"))
    assert our_map.pop("mappings") == ";" + their_map.pop("mappings")  # one empty line, then theirs
    assert our_map == their_map


def test_a_dirty_rebuild_does_not_mark_the_bundle_twice(tmp_path):
    # `mkdocs serve --dirty` leaves an already-copied theme file in place: the hook sees it again
    from build_pages.theme_patches import COMPILE_HINT, hint_eager_compile

    js_dir = tmp_path / "assets" / "javascripts"
    js_dir.mkdir(parents=True)
    (js_dir / "bundle.abc.min.js").write_text("var a=1;\n", encoding="utf-8")
    (js_dir / "bundle.abc.min.js.map").write_text('{"version": 3, "mappings": "AAAA"}', encoding="utf-8")
    for _ in range(2):
        hint_eager_compile(tmp_path, EN)
    assert (js_dir / "bundle.abc.min.js").read_text(encoding="utf-8") == COMPILE_HINT + "var a=1;\n"
    assert (js_dir / "bundle.abc.min.js.map").read_text(encoding="utf-8") == '{"version": 3, "mappings": ";AAAA"}'


def test_the_edition_lookup_patch_says_so_when_the_theme_script_changed(tmp_path):
    from build_pages.theme_patches import skip_alternate_lookup

    js = tmp_path / "assets" / "javascripts" / "bundle.abc.min.js"
    js.parent.mkdir(parents=True)
    # Material's selector and Zensical's
    js.write_text('var a=M("link[rel=alternate]"),b=k("link[rel=alternate][hreflang]");\n', encoding="utf-8")
    assert skip_alternate_lookup(tmp_path, EN).startswith("turned off")
    assert js.read_text(encoding="utf-8") == 'var a=M("link[rel=no-lookup]"),b=k("link[rel=no-lookup][hreflang]");\n'
    assert skip_alternate_lookup(tmp_path, EN) == "skipped: already off"  # a dirty rebuild's copy
    js.write_text('var a=M("link[hreflang]");\n', encoding="utf-8")  # a theme that finds editions otherwise
    assert "no longer looks up" in skip_alternate_lookup(tmp_path, EN)


def test_theme_patches_say_why_they_did_nothing_when_their_file_is_absent(tmp_path):
    from build_pages import theme_patches

    said = theme_patches.apply(tmp_path, EN)  # an empty "site": no theme files at all
    assert len(said) == len(theme_patches.PATCHES)
    assert all(": skipped: " in line for line in said), said


def test_search_dialog_gets_an_accessible_name_once(site, tmp_path):
    from build_pages.theme_patches import name_search_dialog

    html = (site / "index.html").read_text(encoding="utf-8")
    assert html.count('role="dialog" aria-label="Search"') == 1
    chinese = (site / "zh" / "index.html").read_text(encoding="utf-8")
    assert chinese.count('role="dialog" aria-label="搜索"') == 1  # in the page's language
    page = tmp_path / "index.html"
    page.write_text(html, encoding="utf-8")
    assert name_search_dialog(tmp_path, EN).startswith("skipped")  # already named: not named twice


def test_robots_txt_names_the_sitemap(site):
    robots = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots
    sitemap = next(line for line in robots if line.startswith("Sitemap: "))
    assert sitemap.endswith("/sitemap.xml") and (site / "sitemap.xml").exists()


class UntaggedCJK(HTMLParser):
    """Text of Chinese or Japanese characters whose nearest `lang` is the page's English (prose only:
    drawings, scripts and code samples are not language parts)."""

    CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
    SKIP = ("svg", "script", "style", "title", "code", "pre")

    def __init__(self):
        super().__init__()
        self.langs: list[str | None] = []
        self.skipping = 0
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.langs.append(dict(attrs).get("lang"))
            self.skipping += tag in self.SKIP

    def handle_endtag(self, tag):
        if tag not in VOID and self.langs:
            self.langs.pop()
            self.skipping -= tag in self.SKIP

    KANA = re.compile("[\u3040-\u30ff]")

    def handle_data(self, data):
        lang = next((lang for lang in reversed(self.langs) if lang), "en")
        # on an English page every Chinese or Japanese run needs its lang; on a Chinese page a Japanese one
        untagged = self.CJK.search(data) if lang.startswith("en") else lang != "ja" and self.KANA.search(data)
        if not self.skipping and untagged:
            self.found.append(data.strip()[:40])


def test_chinese_and_japanese_text_carries_its_language(site):
    checked = 0
    for page in pages(site):
        parser = UntaggedCJK()
        html = page.read_text(encoding="utf-8")
        parser.feed(html)
        assert parser.found == [], f"{page.relative_to(site)}: {parser.found[:3]}"
        checked += bool(UntaggedCJK.CJK.search(html))
    assert checked >= 3  # the glossary, the about page and the sources list have some


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for attr in ("href", "src", "data-spec"):
            if a.get(attr) and (tag != "link" or a.get("rel") == "stylesheet"):
                self.links.append(a[attr])


def test_no_broken_internal_links(site):
    parsed = {}
    for page in pages(site):
        p = Links()
        p.feed(page.read_text(encoding="utf-8"))
        parsed[page] = p
    broken = []
    for page, p in parsed.items():
        base = "file://" + str(page)
        for link in p.links:
            if urlparse(link).scheme in ("http", "https", "mailto", "data") or link.startswith("#__"):
                continue
            url, frag = urldefrag(urljoin(base, link))
            target = Path(urlparse(url).path)
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}")
            elif frag and target.suffix == ".html" and target in parsed and frag not in parsed[target].ids:
                broken.append(f"{page.relative_to(site)} -> {link} (no #{frag})")
    assert broken == []


def test_two_builds_are_byte_identical(site, tmp_path):
    again = build_editions(tmp_path / "again")
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [str(k) for k in first if first[k] != second[k]] == []


def test_sources_page_lists_every_dataset_with_its_origins(site):
    from build_charts.data import load_all

    html = (site / "10-sources" / "index.html").read_text(encoding="utf-8")
    for ds_id, ds in load_all(ROOT / "data").items():
        assert f'id="data-{ds_id.replace("_", "-")}"' in html, ds_id
        for origin in ds.meta.origins.values():
            assert origin.url.replace("&", "&amp;") in html, (ds_id, origin.url)


def test_every_legend_toggle_is_wired_to_a_legend(site):
    """A legend-bound selection listens to named legend marks; if Vega-Lite did not name them, clicks do nothing."""
    import json

    for spec_path in sorted((site / "assets" / "charts").glob("*.vg.json")):
        spec = json.loads(spec_path.read_text())
        legend_marks = {
            part.get("name")
            for legend in spec.get("legends", [])
            for part in legend.get("encode", {}).values()
            if isinstance(part, dict)
        }
        for signal in spec.get("signals", []):
            for handler in signal.get("on", []):
                events = handler["events"] if isinstance(handler["events"], list) else [handler["events"]]
                for ev in events:
                    name = ev.get("markname", "") if isinstance(ev, dict) else ""
                    if name.endswith("_legend_symbols"):
                        assert name in legend_marks, f"{spec_path.name}: {signal['name']} waits on missing {name}"


def test_every_page_has_share_meta_with_a_1200_by_630_card(site):
    import struct

    for page in [*pages(site), site / "404.html"]:
        html = page.read_text(encoding="utf-8")
        meta = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[\w:]+)" content="([^"]*)"', html))
        rel = page.relative_to(site)
        assert meta.get("og:title") and meta.get("twitter:card") == "summary_large_image", rel
        if page.name != "404.html":  # the description is the opening of the page's own prose
            said = htmlmod.unescape(meta.get("og:description", "")).removesuffix(" …").removesuffix("…")
            article = re.search(r"<article\b.*?</article>", html, re.S)[0]
            prose = re.sub(r"\s+", " ", htmlmod.unescape(re.sub(r"<[^>]+>", "", article)))
            assert len(said.split()) >= 5 or len(said) >= 20, rel
            assert said in prose, rel
        image = urlparse(meta["og:image"])
        assert image.scheme in ("http", "https"), rel  # link previews need an absolute address
        png = (site / image.path.lstrip("/")).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1200, 630), rel
    # a page with a chart shares its own lead chart
    html = (site / "04-taobao-traffic-problem" / "index.html").read_text(encoding="utf-8")
    lead = re.search(r'data-chart="(\w+)"', html)[1]
    assert re.search(rf'property="og:image" content="[^"]*/{lead}\.\w+\.share\.png"', html)


def test_data_tables_and_downloads_speak_to_readers(site):
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        for table in re.findall(r"<table>.*?</table>", html, re.S):
            for cell in re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", table):
                assert not re.search(r"\b[a-z]+_[a-z0-9_]+\b", cell), f"{page.relative_to(site)}: a code in {cell!r}"
        for url, name in re.findall(r'<a href="([^"]+)" download="([^"]*)"', html):
            ext = url.rsplit(".", 1)[1]
            assert re.fullmatch(rf"[a-z0-9_]+\.{ext}", name), (url, name)  # saved as <chart_id>.<ext>
            # a guess-first chart's SVG download is its drawing with the answer (kit.answer)
            assert re.search(rf"/{name.split('.')[0]}\.[0-9a-f]{{10}}(\.zh)?(\.answer)?\.{ext}$", url)


def test_level_axis_labels_sit_centred_under_their_ticks(site):
    """A level label beside its tick reads as the next band's (2009 | 2010 looked like "2009'")."""
    import json

    checked = 0
    for spec_path in sorted(site.rglob("assets/charts/*.vg.json")):  # both editions
        for axis in json.loads(spec_path.read_text()).get("axes", []):
            if axis.get("orient") in ("bottom", "top") and axis.get("labelAngle") == 0:
                checked += 1
                assert axis.get("labelAlign", "center") == "center", (spec_path.name, axis)
    assert checked >= 4
