"""The chart pipeline: data/ (sourced CSV + metadata) -> build_charts/ (Altair) -> docs/ pages.

- `data.py` loads and validates datasets; `charts/<id>.py` builds one chart each;
- `theme.py` and `formats.py` hold the shared look and wording;
- `pipeline.py` keys and caches outputs; `spec.py` builds specs with Altair; `render.py` draws them with vl-convert;
- `markdown_ext.py` embeds `[[chart ID]]`; `mkdocs_hooks.py` is the thin MkDocs glue.
"""
