"""The chart pipeline: data/ (sourced CSV + metadata) -> build_charts/ (Altair) -> docs/ pages.

- `data.py` loads and validates datasets; `charts/<id>.py` builds one chart each, with `kit.py`;
- `theme.py` and `formats.py` hold the shared look and wording;
- `pipeline.py` keys and caches charts (`prepare`); `spec.py` builds specs with Altair; `render.py` draws
  them with vl-convert; `figure.py` writes a chart's figure; `sources.py` the Sources page;
- `markdown_ext.py` embeds `[[chart ID]]` and `[[sources]]` (`lang_ext.py` marks Chinese text);
- `finish.py` publishes chart files and finishes the built pages (`theme_patches.py`: optional theme fixes);
- `mkdocs_hooks.py` is the thin MkDocs adapter; `python -m build_charts prepare|finish` serves any other
  generator (Zensical).
"""
