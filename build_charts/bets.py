"""The article's bets (data/bets.csv) as the parts of their cards, per language, for the page maker.

Each bet gives its claim, the chapter that weighs it, its verdict (code and words), the evidence and its
source, cited as every figure's sources are (`formats.cite`), all HTML-escaped here. How the cards are laid
out, and where, is the page maker's business: `write_common` puts `bets.<lang>.json` in the shared cache
folder, and the page maker reads it through the manifest (`Manifest.bets`).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from build_charts import formats

if TYPE_CHECKING:
    from build_charts.data import Dataset

DATASET = "bets"  # the dataset the cards are made from; a project without it has no bets


def cards(ds: Dataset) -> dict:
    """{"order": [ids], "bets": {id: parts}} in the language being built (`ds` already in its words)."""
    cols = ds.meta.columns
    out: dict = {"order": [], "bets": {}}
    for row in ds.rows:
        label = (cols["id"].value_labels or {}).get(row["id"], row["id"])
        claim = (cols["claim"].value_labels or {}).get(row["claim"], row["claim"])
        evidence = (cols["evidence"].value_labels or {}).get(row["evidence"], row["evidence"])
        out["order"].append(row["id"])
        out["bets"][row["id"]] = {
            "chapter": row["chapter"],
            "label": escape(label),
            "claim": escape(claim),
            "verdict": row["verdict"],
            "verdict_label": escape(cols["verdict"].value_labels[row["verdict"]]),
            "evidence": escape(evidence),
            "source": formats.cite(ds.origin(row)),
        }
    return out
