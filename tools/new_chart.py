"""Scaffold a chart: `make new-chart ID=my_chart DATASET=my_data` (or `python tools/new_chart.py ID DATASET`).

Writes `build_charts/charts/<ID>.py` on the charts' skeleton (words in both languages, one `build()` from
the loaded dataset, the "after the article" band, a finding as title) and, unless the dataset exists,
`data/<DATASET>.csv` and `data/<DATASET>.meta.yml` with two placeholder rows and one placeholder origin.
The three files build as they are; every line an author must change says `CHANGE`. Then put
`[[chart <ID>]]` on its own line in a page (docs/ and docs-zh/) and run `make build`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ID = re.compile(r"^[a-z][a-z0-9_]*$")

CHART = '''"""Chart `{cid}`: CHANGE this line to say what the chart shows, from which dataset, over which years."""

import altair as alt

from build_charts import formats, kit, theme
from build_charts.data import Dataset

W = kit.words(  # every reader-facing word, in both editions, with the same keys
    en={{
        "finding": "CHANGE: the finding, in a sentence (it went from {{first}} to {{last}})",
        "subtitle": "CHANGE: what is measured, in which unit, by whom",
        "description": "Bar chart of CHANGE, {{first_year}} to {{last_year}}: from {{first}} to {{last}}.",
        "tip_what": "CHANGE: what a bar is",
    }},
    zh={{
        "finding": "从{{first}}到{{last}}",  # CHANGE: the finding in Chinese
        "subtitle": "来源：{{producer}}",  # CHANGE: what is measured, in which unit, by whom
        "description": "柱状图：{{first_year}}到{{last_year}}，从{{first}}到{{last}}。",
        "tip_what": "CHANGE：每根柱子是什么",
    }},
)


def build({dataset}: Dataset) -> alt.LayerChart:
    ds = {dataset}
    unit = ds.meta.columns["value"].unit
    rows = [
        {{
            "year": r["year"],
            "value": r["value"],
            "label": formats.number(r["value"], unit),
            "source": ds.origin(r).producer,
        }}
        | kit.data_tip(W("tip_what"), kit.value_text(r["value"], unit, kit.year(r["year"])), ds.origin(r))
        for r in sorted(ds.rows, key=lambda r: r["year"])
    ]
    first, last = rows[0], rows[-1]
    years = [r["year"] for r in rows]
    after = [y for y in years if y > kit.ARTICLE_YEAR]
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y("value:Q", title=None)
    tips = kit.data_tooltip()  # what the bar is, its value with unit and year, who measured it; the same read out
    bars = alt.Chart(alt.Data(values=rows)).mark_bar(color=theme.color("Alibaba"))
    layers = [
        *(kit.after_article("year", "O", after[0], after[-1]) if after else []),
        bars.encode(x=x, y=y, **tips),
    ]
    return kit.finish(
        alt.layer(*layers),
        finding=W("finding", first=first["label"], last=last["label"]),
        subtitle=W("subtitle", producer=first["source"]),
        description=W(
            "description",
            first=first["label"],
            last=last["label"],
            first_year=kit.year(first["year"]),
            last_year=kit.year(last["year"]),
        ),
        height=240,
    )
'''

CSV = """year,value,source
2012,1,changeme
2014,2,changeme
"""

META = """# CHANGE every line marked CHANGE; see data/README.md for each field.
title: "CHANGE: what the dataset measures"
description: >-
  CHANGE: one sentence, in our own words, on what is measured, where and by whom.
period: calendar year
key: [year, source]
columns:
  year:   {{type: integer, label: Year, description: "Calendar year", min: 1990, max: 2030}}
  value:  {{type: number, label: Value, unit: percent, min: 0, max: 100, description: "CHANGE: what the number is"}}
  source: {{type: origin, label: Source, description: "Origin id (see origins) this row comes from"}}
origins:
  changeme:  # CHANGE: one origin per document the rows come from (primary sources first)
    producer: "CHANGE: who published it"
    title: "CHANGE: the document's title, as published"
    url: https://example.org/change-me
    date_published: 2014-01-01
    date_accessed: {today}
    kind: primary
zh:
  title: "{dataset}"  # CHANGE: the title in Chinese
  description: "{dataset}"  # CHANGE: the description in Chinese
  period: 自然年
  columns:
    year: {{label: 年份, description: 自然年}}
    value: {{label: 数值, description: "{dataset}"}}  # CHANGE
    source: {{label: 来源, description: 这一行的来源}}
  origins:
    changeme: {{producer: "CHANGE：发布者的中文名"}}  # CHANGE: as Chinese media name it
"""


def scaffold(root: Path, cid: str, dataset: str, today: str) -> list[Path]:
    """Write the chart module (and the data pair if missing); returns what was written. Refuses to overwrite."""
    for name, value in (("ID", cid), ("DATASET", dataset)):
        if not ID.match(value):
            raise SystemExit(f"error: {name} {value!r} must be snake_case (a-z, 0-9, _; a letter first)")
    module = root / "build_charts" / "charts" / f"{cid}.py"
    if module.exists():
        raise SystemExit(f"error: {module.relative_to(root)} exists already: choose another chart id")
    written = []
    csv, meta = root / "data" / f"{dataset}.csv", root / "data" / f"{dataset}.meta.yml"
    if not meta.exists() and not csv.exists():
        csv.write_text(CSV, encoding="utf-8")
        meta.write_text(META.format(dataset=dataset, today=today), encoding="utf-8")
        written += [csv, meta]
    module.write_text(CHART.format(cid=cid, dataset=dataset), encoding="utf-8")
    return [module, *written]


def main(argv: list[str]) -> int:
    import datetime as dt

    if len(argv) != 2:
        print("usage: make new-chart ID=my_chart DATASET=my_data", file=sys.stderr)
        return 2
    cid, dataset = argv
    for path in scaffold(ROOT, cid, dataset, dt.date.today().isoformat()):
        print(f"wrote {path.relative_to(ROOT)}")
    print(
        f"next: fill in every line marked CHANGE (grep -n CHANGE build_charts/charts/{cid}.py data/{dataset}.*),"
        f" then put [[chart {cid}]] on its own line in a page of docs/ and docs-zh/, and run make build."
        " An existing dataset with other columns: change the column names in build() to its own."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
