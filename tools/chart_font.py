"""Make the Chinese font the build measures chart text with: a subset of Noto Sans CJK SC.

    python tools/chart_font.py          # `make chart-font`; needs Debian's fonts-noto-cjk

The Chinese charts are drawn at build time, and vl-convert measures their text with the fonts in
build_charts/fonts/ only (never the machine's), so every machine lays them out alike. This writes the
regular and bold weights of Noto Sans CJK SC (SIL Open Font License 1.1), cut down to the characters the
charts can draw: the 3,755 common characters of GB 2312's first level, every character in the chart code
(build_charts/) and the metadata (data/), plus ASCII and Chinese punctuation. So an author adding Chinese
words to a chart needs nothing (no root, no new font, no redraw of the other charts) unless a word holds a
rare character; only then is this run again. `charset.txt` beside them lists those characters; the
renderer refuses a Chinese chart whose text has a character outside it, and says to run this again.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build_charts" / "fonts"
SOURCES = {  # Debian fonts-noto-cjk; face 2 of each collection is Simplified Chinese (SC)
    "Regular": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    "Bold": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
}
SC_FACE = 2
ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F)) + "“”‘’（）【】《》「」、，。：；？！—…·％～→←↑↓×–"


def common_hanzi() -> set[str]:
    """GB 2312's first level: the 3,755 most used Chinese characters (rows 16-55), so that new Chinese words
    in a chart almost never need a new font."""
    out = set()
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):  # the last row ends early
                out.add(bytes([row, cell]).decode("gb2312"))
    return out


def charset() -> str:
    """Every character the charts can draw, sorted: the common characters and every one the project uses."""
    chars = set(ALWAYS) | common_hanzi()
    for path in [*(ROOT / "build_charts").rglob("*.py"), *(ROOT / "data").glob("*.meta.yml")]:
        chars |= set(path.read_text(encoding="utf-8"))
    return "".join(sorted(c for c in chars if c.isprintable() and c != "\n"))


def main() -> int:
    missing = [str(p) for p in SOURCES.values() if not p.exists()]
    if missing:
        print(f"needs {', '.join(missing)}: apt-get install fonts-noto-cjk (make chart-font does)", file=sys.stderr)
        return 1
    chars = charset()
    for weight, source in SOURCES.items():
        font = TTCollection(source).fonts[SC_FACE]
        options = subset.Options()
        options.name_IDs = ["*"]  # keep the family name (the charts' font stack names it) and the licence
        options.layout_features = []  # measuring needs advances only: no shaping tables
        options.hinting = False
        sub = subset.Subsetter(options)
        sub.populate(text=chars)
        sub.subset(font)
        out = OUT / f"NotoSansCJKsc-{weight}.subset.otf"
        font.save(out)
        print(f"{out.relative_to(ROOT)}: {len(chars)} characters, {out.stat().st_size // 1024} KiB")
    (OUT / "charset.txt").write_text(chars + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
