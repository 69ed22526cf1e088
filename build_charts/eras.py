"""The model eras (data/eras.csv) as every chart of them draws them: the same words, looks and click.

Used by `eras_timeline` (the full timeline, chapter 2) and `eras_strip` (the home page's one-row strip),
so an era reads, looks and answers a click the same way in both.
"""

from __future__ import annotations

import altair as alt

from build_charts import kit
from build_charts.data import Dataset

OPEN_END = 2024  # eras with no sourced end year are drawn through this year
IDEAS = {"c2b": "idea, no product"}  # the article: a direction long agreed, but no representative product
# fill opacity and outline dash of an era begun before the article, one begun after it, and an idea
LOOKS = {"era": (1, [1, 0]), "after": (0.3, [4, 2]), "idea": (0, [2, 3])}
TIP = kit.tip(
    ("name", "Era"),
    ("label", "Model"),
    ("years", "Years"),
    ("company", "Company"),
    ("flagship", "Flagship"),
    ("built_to_beat", "Built to beat"),
    ("timing", "Timing"),
    ("source", "Start year reported by"),
)


def rows(eras: Dataset) -> list[dict]:
    """Reader-ready eras: each row of eras.csv with its look, its years in words and who dated it."""
    return [
        r
        | {
            "look": "idea" if r["era"] in IDEAS else ("after" if r["after_article"] else "era"),
            "status": IDEAS.get(r["era"], ""),
            "years": f"{r['start_year']}–{r['end_year'] or 'still running'}",
            "timing": "began after the article" if r["after_article"] else "began before the article",
            "source": eras.origin(r).producer,
        }
        for r in eras.rows
    ]


# An era is active when picked (click), else when the text in view names it (`highlight_era`, set by
# charts-live.js from the scrolling steps). `era_pick` with nothing picked is true for every row.
ACTIVE = {"and": [{"param": "era_pick"}, {"or": [{"param": "era_pick", "empty": False}, "datum.era == highlight_era"]}]}
IDLE = {"and": [{"param": "era_pick"}, "highlight_era == ''"]}  # nothing picked or named: all at full strength
# (a channel object, not a dict: Altair would search its whole schema for the class of a dict, each time)
DIM = alt.OpacityValue(0.25, condition={"test": {"or": [ACTIVE, IDLE]}, "value": 1})


def highlight() -> alt.Parameter:
    """The era the text in view names ('' for none): charts-live.js sets it from scrollytelling steps."""
    return alt.param(name="highlight_era", value="")


def pick() -> alt.Parameter:
    """Click an era to pick it (charts-live.js links the pick to the chapters that tell that era).

    Clicks on marks without an era (the article's band, a note) are ignored; a double click clears.
    """
    return alt.selection_point(
        name="era_pick",
        fields=["era"],
        on="click[!event.item || event.item.mark.marktype === 'group' || isValid(event.item.datum.era)]",
        clear="dblclick",
        toggle=False,
    )


def companies(*row_lists: list[dict]) -> alt.Color:
    """Colour by company, each in its fixed hue (never the only cue: labels name the models)."""
    names = list(dict.fromkeys(r["company"] for rows in row_lists for r in rows))
    return alt.Color("company:N", scale=kit.colour(names), legend=None)
