"""Command line: the pipeline's steps around any generator.

    python -m build_pages prepare                  # check every edition's pages, build every changed chart
    python -m build_pages finish SITE_DIR --lang LANG   # publish chart files and finish an edition's pages
    python -m build_pages publish STAGING SITE     # replace SITE by STAGING once both editions are whole

`make build-zensical` runs `prepare`, then `zensical build`, then `finish` for each edition; the MkDocs
hooks call the same functions. A problem is printed as `file:line: field: reason`, with exit code 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from build_charts import pipeline
from build_charts.errors import PipelineError
from build_pages import editions, finish, pages, publish, settings


def prepare(project: pipeline.Project) -> str:
    """Every edition's pages checked (before any chart is drawn or page written), then the charts built."""
    for line in settings.check(project.root):
        print(line)
    ids = pipeline.chart_ids(project)
    for ed in editions.EDITIONS:
        pages.check(project.root / ed.docs_dir, project.data_dir, ids)
    return pipeline.prepare(project, editions.links()).line()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m build_pages", description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=".", help="the project folder (data/, docs/, build_charts/charts/)")
    steps = ap.add_subparsers(dest="step", required=True)
    steps.add_parser("prepare", help="check the pages, build every chart whose inputs changed")
    fin = steps.add_parser("finish", help="publish chart files and finish every page of a built edition")
    fin.add_argument("site_dir", type=Path)
    fin.add_argument(
        "--lang", required=True, help="the edition's language: " + ", ".join(e.lang for e in editions.EDITIONS)
    )
    pub = steps.add_parser("publish", help="replace the published site by a staged one, if every edition is whole")
    pub.add_argument("staging", type=Path)
    pub.add_argument("site", type=Path)
    args = ap.parse_args(argv)
    project = pipeline.Project.at(args.root)
    try:
        if args.step == "prepare":
            print(prepare(project))
        elif args.step == "publish":
            print(publish.publish(args.staging, args.site))
        else:
            for line in finish.finish(project, args.site_dir, editions.edition(args.lang)):
                print(line)
    except PipelineError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
