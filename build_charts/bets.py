"""The article's bets (data/bets.csv) as the parts of their cards, per language, for the page maker.

Each bet gives its claim (and the same in one short line, `bet`), the chapter that weighs it, its verdict
(code, words and one short sentence, `gist`), the evidence and its source, cited as every figure's sources
are (`formats.cite`), all HTML-escaped here. How the cards are laid out, and where, is the page maker's
business: `write_common` puts `bets.<lang>.json` in the shared cache folder, and the page maker reads it
through the manifest (`Manifest.bets`). `scorecard_svg` draws the scored set for the epilogue's link previews.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from build_charts import formats, theme, words

if TYPE_CHECKING:
    from build_charts.data import Dataset

DATASET = "bets"  # the dataset the cards are made from; a project without it has no bets


def cards(ds: Dataset) -> dict:
    """{"order": [ids], "bets": {id: parts}} in the language being built (`ds` already in its words)."""
    cols = ds.meta.columns

    def said(row: dict, column: str) -> str:  # a cell in the reader's words, escaped
        return escape((cols[column].value_labels or {}).get(row[column], row[column]))

    out: dict = {"order": [], "bets": {}}
    for row in ds.rows:
        out["order"].append(row["id"])
        out["bets"][row["id"]] = {
            "chapter": row["chapter"],
            "label": said(row, "id"),
            "bet": said(row, "bet"),
            "claim": said(row, "claim"),
            "verdict": row["verdict"],
            "verdict_label": said(row, "verdict"),
            "gist": said(row, "gist"),
            "evidence": said(row, "evidence"),
            "source": formats.cite(ds.origin(row)),
        }
    return out


# The share picture of the scored set (drawn on the site's 1200 x 630 card by `render.bets_card_for`).
W = words.Words(
    "build_charts/bets.py",
    en={
        "kicker": "The article's {n} bets, scored after it was written (about 2013)",
        "count": "{n} {verdict}",
        "sep": ", ",
        "note": "Verdicts are hindsight: what happened after the article, one source each",
    },
    zh={
        "kicker": "文章的{n}个判断，写成（约2013年）之后的打分",
        "count": "{n}个{verdict}",
        "sep": "，",
        "note": "结论属于事后回看：文章之后发生的事，各有一个来源",
    },
)
VERDICT_ORDER = ("borne_out", "half_right", "missed", "open")
# a verdict's mark on the card; its words are printed in it, so the colour only repeats them (white text,
# contrast of 4.5:1 or more on each)
VERDICT_FILL = {"borne_out": "#2b7a3b", "half_right": "#a34f00", "missed": "#b02a2a", "open": "#495057"}
CARD_W, ROW_H = 1104, 64


def scorecard_svg(parts: dict) -> str:
    """The scored set as an SVG, in the language being built: a title that counts the verdicts, then one row
    a bet (its verdict in a labelled mark, then its name). `parts` is `cards()`'s output."""
    bets = [parts["bets"][i] for i in parts["order"]]
    zh = words.language() == "zh"
    font = theme.FONT_ZH if zh else "Liberation Sans"
    labels = {b["verdict"]: b["verdict_label"] for b in bets}
    counts = [(v, sum(b["verdict"] == v for b in bets)) for v in VERDICT_ORDER if v in labels]
    said = W("sep").join(W("count", n=n, verdict=labels[v] if zh else labels[v].lower()) for v, n in counts)
    top = 96
    height = top + ROW_H * len(bets) + 40
    rows = []
    for k, b in enumerate(bets):
        y = top + ROW_H * k
        rows.append(
            f'<rect x="0" y="{y}" width="220" height="48" rx="24" fill="{VERDICT_FILL[b["verdict"]]}"/>'
            f'<text x="110" y="{y + 32}" text-anchor="middle" font-size="24" font-weight="700" fill="#ffffff">'
            f"{b['verdict_label']}</text>"
            f'<text x="248" y="{y + 33}" font-size="28" fill="{theme.TOKENS["text"][0]}">{b["label"]}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{CARD_W}" height="{height}"'
        f' font-family="{escape(font, quote=True)}">'
        f'<text x="0" y="24" font-size="22" fill="{theme.TOKENS["muted"][0]}">{escape(W("kicker", n=len(bets)))}</text>'
        f'<text x="0" y="66" font-size="36" font-weight="700" fill="{theme.TOKENS["text"][0]}">{escape(said)}</text>'
        + "".join(rows)
        + f'<text x="0" y="{height - 8}" font-size="20" fill="{theme.TOKENS["muted"][0]}">{escape(W("note"))}</text>'
        "</svg>"
    )
