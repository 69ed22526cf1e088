"""Command line: the pipeline's steps around any generator.

    python -m build_charts prepare            # build every changed chart into the cache
    python -m build_charts finish SITE_DIR    # publish chart files and finish the built pages

`make build-zensical` runs `prepare`, then `zensical build`, then `finish`; the MkDocs hooks call the
same two functions. A problem is printed as `file:line: field: reason`, with exit code 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from build_charts import finish, pipeline
from build_charts.errors import PipelineError


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m build_charts", description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=".", help="the project folder (data/, build_charts/charts/)")
    steps = ap.add_subparsers(dest="step", required=True)
    steps.add_parser("prepare", help="build every chart whose inputs changed")
    fin = steps.add_parser("finish", help="publish chart files and finish every page of a built site")
    fin.add_argument("site_dir", type=Path)
    fin.add_argument("--lang", help="the edition's language (default: what its home page's <html lang> says)")
    args = ap.parse_args(argv)
    project = pipeline.Project.at(args.root)
    try:
        if args.step == "prepare":
            print(pipeline.prepare(project).line())
        else:
            for line in finish.finish(project, args.site_dir, args.lang):
                print(line)
    except PipelineError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
