"""The own-words rule: no page may share a run of eight words with the source article.

The article itself is not part of this repository (it is the team's shared source). What is kept is
its fingerprint: a short hash of every run of eight consecutive words (`article_runs.txt`), made by
`python tools/own_words.py --make ARTICLE`. The hashes cannot be turned back into text, and
checking a page needs nothing outside the clone. Words are what the team's `copy_check.py` counts
as words, so both checks agree.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

RUN = 8  # words in a run that counts as copied
WORD = re.compile(r"[a-z0-9']+")
FINGERPRINT = Path(__file__).with_name("article_runs.txt")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def run_hash(run: list[str]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:16]


def fingerprint(text: str) -> set[str]:
    w = words(text)
    return {run_hash(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


def load(path: Path = FINGERPRINT) -> set[str]:
    return {line for line in path.read_text(encoding="ascii").split() if line}


def copied_lines(page: Path, runs: set[str]) -> list[tuple[int, str]]:
    """(line number, first copied run) for every line of a page that shares a run with the article."""
    found = []
    for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        w = words(line)
        for i in range(len(w) - RUN + 1):
            if run_hash(w[i : i + RUN]) in runs:
                found.append((n, " ".join(w[i : i + RUN])))
                break
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--make", metavar="ARTICLE", help="write the fingerprint of this article text")
    ap.add_argument("--fingerprint", type=Path, default=FINGERPRINT, help="the fingerprint file to write or read")
    ap.add_argument("docs", nargs="?", default="docs", help="folder of pages to check")
    a = ap.parse_args(argv)
    if a.make:
        runs = fingerprint(Path(a.make).read_text(encoding="utf-8"))
        a.fingerprint.write_text("\n".join(sorted(runs)) + "\n", encoding="ascii")
        print(f"{a.fingerprint}: {len(runs)} runs of {RUN} words")
        return 0
    runs, bad = load(a.fingerprint), 0
    for page in sorted(Path(a.docs).rglob("*.md")):
        for n, run in copied_lines(page, runs):
            bad += 1
            print(f'{page}:{n}: copies the article: "{run} ..."')
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
