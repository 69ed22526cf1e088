"""Chart `closed_loop`: schematic (not data) of the WeChat closed loop: parcel card → follow → push → pay → parcel."""

import altair as alt

from build_charts import theme

BASIS = "Our schematic of the source article's account (not data)"

# Steps clockwise from the top left: (lines, inside WeChat?, tooltip detail).
STEPS = [
    (
        ["1 · Parcel arrives", "with the seller's", "official-account card"],
        False,
        "The physical parcel carries a card inviting the buyer to follow the seller's official account on WeChat.",
    ),
    (
        ["2 · Buyer follows the", "seller on WeChat"],
        True,
        "The customer relationship moves from the marketplace into the buyer's messaging app.",
    ),
    (
        ["3 · Seller pushes", "new products and", "promotions"],
        True,
        "The official account messages followers directly, with no marketplace in between.",
    ),
    (
        ["4 · Buyer pays", "with WeChat Pay"],
        True,
        "Payment inside WeChat (from August 2013) closes the loop without leaving the app.",
    ),
]
# Arrow from each step to the next: (label lines, label side).
LINKS = ["follow", "push", "pay", "next parcel, with the card again"]

COL_X = [23, 77]  # box centres on a 0–100 scale
HALF_W = 21
ROW_TOP = [34, 170]  # px
BOX_H = 58
LINE_H = 15


def build() -> alt.LayerChart:
    text, muted, grid, domain, surface = (theme.TOKENS[k][0] for k in ("text", "muted", "grid", "domain", "surface"))
    wechat = theme.color("Tencent")
    height = ROW_TOP[1] + BOX_H + 34

    # clockwise: top left, top right, bottom right, bottom left
    slots = [(COL_X[0], ROW_TOP[0]), (COL_X[1], ROW_TOP[0]), (COL_X[1], ROW_TOP[1]), (COL_X[0], ROW_TOP[1])]
    boxes = []
    for (lines, inside, detail), (cx, top) in zip(STEPS, slots, strict=True):
        boxes.append(
            {
                "x": cx - HALF_W,
                "x2": cx + HALF_W,
                "cx": cx,
                "y": top,
                "y2": top + BOX_H,
                "ty": top + BOX_H / 2 - (len(lines) - 1) * LINE_H / 2,
                "lines": lines,
                "inside": inside,
                "where": "inside WeChat" if inside else "offline: in the parcel",
                "step": " ".join(lines).split(" · ", 1)[1],
                "detail": detail,
                "basis": BASIS,
            }
        )

    # Arrows between box edges; heads point along the flow.
    gap = 4
    edges = [
        # from top-left to top-right (→), top-right to bottom-right (↓), bottom-right to bottom-left (←), back up (↑)
        {
            "x": COL_X[0] + HALF_W + 1.5,
            "x2": COL_X[1] - HALF_W - 2.5,
            "y": ROW_TOP[0] + BOX_H / 2,
            "y2": ROW_TOP[0] + BOX_H / 2,
            "hx": COL_X[1] - HALF_W - 2,
            "hy": ROW_TOP[0] + BOX_H / 2,
            "shape": "triangle-right",
        },
        {
            "x": COL_X[1],
            "x2": COL_X[1],
            "y": ROW_TOP[0] + BOX_H + gap,
            "y2": ROW_TOP[1] - gap - 6,
            "hx": COL_X[1],
            "hy": ROW_TOP[1] - gap - 5,
            "shape": "triangle-down",
        },
        {
            "x": COL_X[1] - HALF_W - 1.5,
            "x2": COL_X[0] + HALF_W + 2.5,
            "y": ROW_TOP[1] + BOX_H / 2,
            "y2": ROW_TOP[1] + BOX_H / 2,
            "hx": COL_X[0] + HALF_W + 2,
            "hy": ROW_TOP[1] + BOX_H / 2,
            "shape": "triangle-left",
        },
        {
            "x": COL_X[0],
            "x2": COL_X[0],
            "y": ROW_TOP[1] - gap,
            "y2": ROW_TOP[0] + BOX_H + gap + 6,
            "hx": COL_X[0],
            "hy": ROW_TOP[0] + BOX_H + gap + 5,
            "shape": "triangle-up",
        },
    ]
    for i, e in enumerate(edges):
        e["flow"] = f"Step {i + 1} → step {(i + 1) % len(STEPS) + 1}: {LINKS[i]}"
        e["basis"] = BASIS
        e["inside"] = STEPS[(i + 1) % len(STEPS)][1] and STEPS[i][1]

    X, Y = theme.canvas(height)
    tooltip = [
        alt.Tooltip("step:N", title="Step"),
        alt.Tooltip("where:N", title="Where"),
        alt.Tooltip("detail:N", title="What happens"),
        alt.Tooltip("basis:N", title="Basis"),
    ]
    box_data = alt.Data(values=boxes)
    rects = [
        alt.Chart(box_data)
        .transform_filter(f"{'' if inside else '!'}datum.inside")
        .mark_rect(
            cornerRadius=8,
            fill=surface,
            stroke=wechat if inside else domain,
            strokeWidth=2.5 if inside else 1.5,
            strokeDash=[1, 0] if inside else [5, 3],
        )
        .encode(x=X("x:Q"), x2="x2:Q", y=Y("y:Q"), y2="y2:Q", tooltip=tooltip)
        for inside in (True, False)
    ]
    labels = (
        alt.Chart(box_data)
        .mark_text(baseline="middle", lineHeight=LINE_H, color=text)
        .encode(x=X("cx:Q"), y=Y("ty:Q"), text="lines:N", tooltip=tooltip)
    )

    edge_data = alt.Data(values=edges)
    edge_tip = [alt.Tooltip("flow:N", title="Flow"), alt.Tooltip("basis:N", title="Basis")]
    shafts = (
        alt.Chart(edge_data)
        .mark_rule(strokeWidth=2.5)
        .encode(
            x=X("x:Q"),
            x2="x2:Q",
            y=Y("y:Q"),
            y2="y2:Q",
            color=alt.when(alt.datum.inside).then(alt.value(wechat)).otherwise(alt.value(muted)),
            tooltip=edge_tip,
        )
    )
    heads = (
        alt.Chart(edge_data)
        .mark_point(filled=True, size=90, opacity=1)
        .encode(
            x=X("hx:Q"),
            y=Y("hy:Q"),
            shape=alt.Shape("shape:N", scale=None),
            color=alt.when(alt.datum.inside).then(alt.value(wechat)).otherwise(alt.value(muted)),
            tooltip=edge_tip,
        )
    )

    mid_y = (ROW_TOP[0] + BOX_H + ROW_TOP[1]) / 2
    back = (
        alt.Chart(
            alt.Data(
                values=[
                    {
                        "x": COL_X[0] + 2.5,
                        "y": mid_y - LINE_H / 2,
                        "lines": ["next parcel,", "card inside"],
                        "flow": edges[-1]["flow"],
                        "basis": BASIS,
                    }
                ]
            )
        )
        .mark_text(align="left", baseline="middle", lineHeight=LINE_H, color=muted, fontStyle="italic")
        .encode(x=X("x:Q"), y=Y("y:Q"), text="lines:N", tooltip=edge_tip)
    )
    key = (
        alt.Chart(
            alt.Data(
                values=[{"x": 0, "y": height - 10, "text": "Green: inside WeChat. Dashed: offline, in the parcel."}]
            )
        )
        .mark_text(align="left", baseline="middle", fontStyle="italic", color=muted)
        .encode(x=X("x:Q"), y=Y("y:Q"), text="text:N")
    )

    description = (
        f"Schematic, not data: a {len(STEPS)}-step loop. "
        + " → ".join(f"({i + 1}) {b['step']}" for i, b in enumerate(boxes))
        + f" → back to (1) with the {LINKS[-1]}. "
        + f"{sum(b['inside'] for b in boxes)} of the {len(boxes)} steps happen inside WeChat, so once payment was "
        "added the seller no longer needed the marketplace for the repeat sale."
    )
    return alt.layer(*rects, labels, shafts, heads, back, key).properties(
        width=theme.WIDTH,
        height=height,
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        title=alt.Title("Schematic: the WeChat closed loop", subtitle=["An illustration of the argument, not data."]),
        description=description,
    )
