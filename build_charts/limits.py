"""What a build accepts, in one place: each limit well above today's largest, so reaching one means a
mistake (a raw export for data, every point of a survey in a chart), not a site that grew.

Today's largest, for scale (December 2026): a data file of 4 kB, a Vega spec of 60 kB, a figure of 40 kB
inlined in its page, a page of 150 kB, a chart drawn in a few seconds.
"""

from __future__ import annotations

DATA_FILE_BYTES = 2_000_000  # a data or metadata file, refused from its size before it is read
SPEC_BYTES = 1_000_000  # one chart's Vega spec (data included), fetched when the chart comes alive
FIGURE_BYTES = 500_000  # one chart's figure (drawings, table, notes), inlined in every page that shows it
PAGE_BYTES = 3_000_000  # one finished page, all its figures included
# a chart tooltip's line on a 375 px phone (its box is at most 90vw less padding, about 311 px of 14 px type):
# 40 Latin characters, 22 em of Chinese (a Latin letter about 0.55 em); kit.data_tip holds every line to it
TIP_WIDTH = {"en": 40, "zh": 22}
# who measured a figure, as a tooltip's last line says it after "Source: " (8 characters) or "来源：" (3 em)
MEASURER_WIDTH = {"en": 32, "zh": 19}
CHART_SECONDS = 120  # drawing one chart (both editions, both layouts); MW_CHART_SECONDS overrides it


def mb(n: int | float) -> str:
    """A size in megabytes as the error messages give it."""
    return f"{n / 1e6:.2f} MB"
