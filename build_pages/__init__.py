"""The site side: from the charts' manifest to finished pages.

It reads what `build_charts` wrote (the manifest and each chart's cache folder) and never the other way
round. Markdown extensions (`markdown_ext`, `lang_ext`), the checks of the pages before a build
(`pages`), the editions (`editions`), the page markers (`markers`), the finish step (`finish`, `seo`,
`sources_page`, `theme_patches`) and the thin MkDocs adapter (`mkdocs_hooks`); `python -m build_pages`
runs the same steps around a generator that runs no hooks (Zensical).
"""
