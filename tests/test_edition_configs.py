"""Each edition is defined once (build_pages/editions.py); its configuration and the templates' words must
say the same, so a change in one place that misses the other fails here, not on a reader's screen."""

from __future__ import annotations

import ast
import re

import pytest
import yaml

from build_pages import editions
from tests.sites import ROOT


class _Loader(yaml.SafeLoader):
    pass


def _tagged(loader, tag, node):
    """`!ENV [NAME, default]` is its default (what a build without the variable uses); other tags are not needed."""
    if tag == "ENV" and isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)[-1]
    return None


_Loader.add_multi_constructor("!", _tagged)


def config(ed: editions.Edition) -> dict:
    cfg = yaml.load((ROOT / ed.config).read_text(encoding="utf-8"), Loader=_Loader)
    if "INHERIT" in cfg:  # mkdocs.zh.yml inherits mkdocs.yml: its keys win, lists are replaced
        base = yaml.load((ROOT / cfg["INHERIT"]).read_text(encoding="utf-8"), Loader=_Loader)
        for key, value in cfg.items():
            base[key] = {**base[key], **value} if isinstance(value, dict) and isinstance(base.get(key), dict) else value
        cfg = base
    return cfg


def extension(cfg: dict, name: str) -> dict | None:
    for item in cfg["markdown_extensions"]:
        if item == name:
            return {}
        if isinstance(item, dict) and name in item:
            return item[name] or {}
    return None


TEMPLATE_EN = re.compile(r"\{%-\s*set en = (\{.*?\})\s*-%\}", re.S)


def template_words_en() -> dict:
    text = (ROOT / "overrides" / "partials" / "mw.html").read_text(encoding="utf-8")
    return ast.literal_eval(TEMPLATE_EN.search(text)[1])


@pytest.mark.parametrize("ed", editions.EDITIONS, ids=lambda e: e.lang)
def test_configuration_says_what_the_edition_says(ed):
    cfg = config(ed)
    assert cfg["docs_dir"] == ed.docs_dir
    assert cfg["site_dir"] == ed.site_dir
    assert editions.edition(cfg["theme"]["language"]) is ed
    assert extension(cfg, "build_pages.markdown_ext")["lang"] == ed.lang
    assert (ROOT / ed.docs_dir / (ed.sources_url.rstrip("/") + ".md")).exists()
    alternates = {a["lang"]: a["link"] for a in cfg["extra"]["alternate"]}
    assert alternates[ed.hreflang] == "/" + ed.prefix
    # the templates' words: the English ones in the partial, the others in the configuration
    words = template_words_en() if ed is editions.EDITIONS[0] else cfg["extra"]["words"]
    assert words == ed.template_words
    assert set(editions.SCRIPT_WORDS) <= set(ed.words)


def test_every_edition_is_in_every_language_menu():
    menus = [sorted(a["lang"] for a in config(ed)["extra"]["alternate"]) for ed in editions.EDITIONS]
    assert all(m == sorted(ed.hreflang for ed in editions.EDITIONS) for m in menus)


def test_the_check_catches_a_configuration_that_disagrees(tmp_path):
    ed = editions.ZH
    wrong = editions.Edition(**{**ed.__dict__, "docs_dir": "docs-zh-old"})
    assert config(ed)["docs_dir"] != wrong.docs_dir  # the comparison above can fail
    assert editions.edition("zh-CN") is ed
    with pytest.raises(ValueError, match="unknown edition language 'xx'"):
        editions.edition("xx")


def test_the_chinese_palette_is_the_english_one_with_chinese_names():
    """mkdocs.zh.yml repeats the palette only for its toggles' names (INHERIT replaces lists): the rest must not
    drift from mkdocs.yml, and every name a screen reader says on a Chinese page is Chinese."""
    en, zh = (
        yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=_Loader) for name in ("mkdocs.yml", "mkdocs.zh.yml")
    )
    en_palette, zh_palette = en["theme"]["palette"], zh["theme"]["palette"]

    def without_names(palette):
        return [p | {"toggle": {k: v for k, v in p["toggle"].items() if k != "name"}} for p in palette]

    assert without_names(zh_palette) == without_names(en_palette)
    for p in zh_palette:
        assert re.fullmatch(r"[\u4e00-\u9fff]+", p["toggle"]["name"]), p["toggle"]["name"]
