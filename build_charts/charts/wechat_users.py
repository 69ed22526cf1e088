"""Chart `wechat_users`: WeChat/Weixin monthly active users at reported quarter ends, 2013–2024."""

import datetime as dt

import altair as alt

from build_charts import formats, interact, theme
from build_charts.data import Dataset

MAX_GAP_DAYS = 366  # reported periods further apart than a year are not joined by a line


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _period_text(end: dt.date) -> str:
    """'Q3 2018 (30 Sep 2018)'."""
    return f"Q{(end.month - 1) // 3 + 1} {end.year} ({end.day} {end:%b %Y})"


def build(wechat_users: Dataset) -> alt.LayerChart:
    ds = wechat_users
    unit = ds.meta.columns["mau_m"].unit
    rows, segment, prev = [], 0, None
    for r in sorted(ds.rows, key=lambda r: r["period_end"]):
        end = _date(r["period_end"])
        if prev is None or (end - prev).days > MAX_GAP_DAYS:
            segment += 1
        prev = end
        period = _period_text(end)
        rows.append(
            {
                "period_end": r["period_end"],
                "year": end.year,
                "mau": r["mau_m"],
                "segment": segment,
                "label": formats.with_period(formats.number(r["mau_m"], unit), period),
                "short": formats.number(r["mau_m"], "million"),
                "measure": r["measure"],
                "note": r["note"] or "",
                "source": ds.origin(r).producer,
            }
        )

    years = [r["year"] for r in rows]
    from_year = interact.slider("from_year", min(years), max(years), min(years), "First year shown")
    color = theme.color("Tencent")
    # ticks at year ends, labelled as such, so a December figure sits on its own year
    x = alt.X(
        "period_end:T",
        title=None,
        scale=alt.Scale(padding=10),
        axis=alt.Axis(
            format="%b %Y",
            values=[alt.DateTime(year=y, month=12, date=31) for y in range(min(years) - 1, max(years) + 1)],
            labelOverlap="greedy",
            labelSeparation=8,
        ),
    )
    y = alt.Y("mau:Q", title="Million accounts", scale=alt.Scale(zero=True, nice=True))
    tooltip = [
        alt.Tooltip("label:N", title="Monthly active users"),
        alt.Tooltip("measure:N", title="Measure"),
        alt.Tooltip("note:N", title="Note"),
        alt.Tooltip("source:N", title="Reported by"),
    ]
    base = alt.Chart(alt.Data(values=rows)).transform_filter("datum.year >= from_year")
    lines = base.mark_line(color=color).encode(x=x, y=y, detail="segment:N")
    points = base.mark_point(color=color, filled=True, size=70, opacity=1).encode(x=x, y=y, tooltip=tooltip)
    # the first and last figures still shown carry their values
    ends = (
        base.transform_window(rank="row_number()", sort=[alt.SortField("period_end")])
        .transform_joinaggregate(shown="count()")
        .transform_filter("datum.rank == 1 || datum.rank == datum.shown")
        .transform_calculate(side="datum.rank == 1 ? 'first' : 'last'")
    )
    first_label = (
        ends.transform_filter("datum.side == 'first'")
        .mark_text(align="left", dx=6, dy=14, fontWeight=600, color=theme.TOKENS["text"][0])
        .encode(x=x, y=y, text="short:N")
    )
    last_label = (
        ends.transform_filter("datum.side == 'last'")
        .mark_text(align="right", dx=-2, dy=-14, fontWeight=600, color=theme.TOKENS["text"][0])
        .encode(x=x, y=y, text="short:N")
    )

    first, last = rows[0], rows[-1]
    gaps = sum(1 for a, b in zip(rows, rows[1:], strict=False) if a["segment"] != b["segment"])
    billion = next((r for r in rows if r["mau"] >= 1000), None)
    passed = f" The first reported figure above one billion is {billion['label']}." if billion else ""
    description = (
        f"Point and line chart of the combined monthly active users of WeChat and Weixin, as Tencent reported "
        f"them: from {first['label']} to {last['label']}"
        + (f" ({last['note']})" if last["note"] else "")
        + f", {last['mau'] / first['mau']:.1f} times as many.{passed} "
        f"Lines join only reported periods at most a year apart; {gaps} longer gaps between reports are left open. "
        f"A slider sets the first year shown."
    )
    return (
        alt.layer(lines, points, first_label, last_label)
        .add_params(from_year)
        .properties(
            width=theme.WIDTH,
            height=320,
            title=alt.Title(
                "WeChat's monthly users",
                subtitle=["WeChat and Weixin combined, million accounts,", "at the quarter ends Tencent reported"],
            ),
            description=description,
        )
    )
