"""The model eras (data/eras.csv) as every chart of them draws them: the same words, looks and click.

Used by `eras_strip` (the home page's one-row strip), so an era reads, looks and answers a click the same
way wherever it is drawn. The era ids stay as they are in the
data in both editions (charts-live.js picks and highlights eras by id); only the words change.
"""

from __future__ import annotations

import altair as alt

from build_charts import kit
from build_charts.data import Dataset

OPEN_END = 2024  # eras with no sourced end year are drawn through this year
IDEAS = {"c2b"}  # the article: a direction long agreed, but no representative product
# fill opacity and outline dash of an era begun before the article, one begun after it, and an idea
LOOKS = {"era": (1, [1, 0]), "after": (0.3, [4, 2]), "idea": (0, [2, 3])}
W = kit.words(
    en={
        "idea": "idea, no product",
        "idea_short": "idea",
        "years": "{start}–{end}",
        "still_running": "still running",
        "tip_what": "{model}: {company}",
        "began_after": "began after the article",
        "began_before": "began before the article",
    },
    zh={
        "idea": "有设想，无产品",
        "idea_short": "设想",
        "years": "{start}年至{end}",
        "still_running": "今",
        "tip_what": "{model}：{company}",
        "began_after": "始于文章之后",
        "began_before": "始于文章之前",
    },
)
SHOWN = ("label", "name", "company", "flagship", "built_to_beat")  # columns whose values readers read


def tip() -> dict:
    """An era's tooltip: its name, its model and years, and who dated its start (the shared shape, kit.data_tip);
    its flagship, rival and sources are the figure's table."""
    return kit.data_tooltip()


def rows(eras: Dataset) -> list[dict]:
    """Reader-ready eras: each row of eras.csv in the edition's words (the era id stays), with its look,
    its years in words and who dated it."""
    return [
        r
        | {col: kit.label(eras, col, r[col]) for col in SHOWN}
        | {
            "look": "idea" if r["era"] in IDEAS else ("after" if r["after_article"] else "era"),
            "status": W("idea") if r["era"] in IDEAS else "",
            "years": W("years", start=r["start_year"], end=_end(r["end_year"])),
            "timing": W("began_after") if r["after_article"] else W("began_before"),
            "source": eras.origin(r).producer,
        }
        | kit.data_tip(  # the era's full name is the strip's own label and the table's
            W("tip_what", model=kit.label(eras, "label", r["label"]), company=kit.label(eras, "company", r["company"])),
            W("years", start=r["start_year"], end=_end(r["end_year"])),
            eras.origin(r),
        )
        for r in eras.rows
    ]


def _end(year: int | None) -> str:
    if not year:
        return W("still_running")
    return kit.year(year) if kit.lang() == "zh" else str(year)


def own(eras: Dataset, company: str = "Alibaba") -> set[str]:
    """The ids of the eras `company` ran (compared on the data's own value, whatever the edition's words)."""
    return {r["era"] for r in eras.rows if r["company"] == company}


# An era is at full strength when picked (click), or when nothing is (`era_pick` with nothing picked is true for
# every row); the others are dimmed.
# (a channel object, not a dict: Altair would search its whole schema for the class of a dict, each time)
DIM = alt.OpacityValue(0.25, condition={"test": {"param": "era_pick"}, "value": 1})


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


def companies(datasets: list[Dataset], *row_lists: list[dict]) -> alt.Color:
    """Colour by company, each in its fixed hue (never the only cue: labels name the models).

    The rows name companies in the edition's words; `datasets` (whose rows carry the data's own names)
    map those words back to the company, so 阿里巴巴 keeps Alibaba's hue."""
    firm = {kit.label(ds, "company", r["company"]): r["company"] for ds in datasets for r in ds.rows}
    names = list(dict.fromkeys(r["company"] for rows in row_lists for r in rows))
    return alt.Color("company:N", scale=kit.colour(names, firm), legend=None)
