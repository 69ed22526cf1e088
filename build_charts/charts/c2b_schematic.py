"""Chart `c2b_schematic`: schematic (not data) of the B2C chain against the C2B chain the article describes."""

import altair as alt

from build_charts import theme

BASIS = "Our schematic of the article's account of Zeng Ming's C2B idea (not data)"

# Two chains, read top to bottom. Each step: (lines of text, is it the consumer?, tooltip detail).
CHAINS = {
    "B2C: make, then sell": [
        (
            ["The company designs,", "guessing demand"],
            False,
            "Products are planned months ahead from forecasts, not from orders.",
        ),
        (["Factories make", "a large batch"], False, "Production runs at scale on the forecast."),
        (["Stock waits in", "warehouses and shops"], False, "Inventory is the cost of guessing ahead of demand."),
        (
            ["Sold to consumers;", "discounts if wrong"],
            True,
            "The consumer appears only at the end; a wrong guess is cleared by discounting.",
        ),
    ],
    "C2B: ask, then make": [
        (
            ["Consumers' demand", "and data come first"],
            True,
            "Orders, pre-sales, group requests and preferences flow back up the chain first.",
        ),
        (["Design follows", "that demand"], False, "The product is customised to what buyers asked for."),
        (["Made to order by", "flexible factories"], False, "Production follows orders: mass customisation."),
        (["Delivered to the", "buyer who asked"], True, "Nothing is stocked on a guess; the order is the demand."),
    ],
}

HEADER_Y, TOP, BOX_H, STEP = 12, 30, 40, 62  # px
COL_X = [25, 75]  # column centres on a 0–100 scale
HALF_W = 23
LINE_H = 15


def build() -> alt.LayerChart:
    text, muted, grid, domain, surface = (theme.TOKENS[k][0] for k in ("text", "muted", "grid", "domain", "surface"))
    n_steps = max(len(steps) for steps in CHAINS.values())
    footer_y = TOP + (n_steps - 1) * STEP + BOX_H + 24
    height = footer_y + 12

    headers, boxes, arrows = [], [], []
    for col, (chain, steps) in enumerate(CHAINS.items()):
        cx = COL_X[col]
        headers.append({"x": cx - HALF_W, "y": HEADER_Y, "text": chain})
        for k, (lines, consumer, detail) in enumerate(steps):
            top = TOP + k * STEP
            boxes.append(
                {
                    "x": cx - HALF_W,
                    "x2": cx + HALF_W,
                    "cx": cx,
                    "y": top,
                    "y2": top + BOX_H,
                    "cy": top + BOX_H / 2,
                    "ty": top + BOX_H / 2 - (len(lines) - 1) * LINE_H / 2,
                    "lines": lines,
                    "consumer": consumer,
                    "chain": chain,
                    "step": f"Step {k + 1} of {len(steps)}: {' '.join(lines)}",
                    "detail": detail,
                    "basis": BASIS,
                }
            )
            if k + 1 < len(steps):
                arrows.append(
                    {
                        "x": cx,
                        "y": top + BOX_H + 3,
                        "y2": top + STEP - 7,
                        "head": top + STEP - 6,
                        "chain": chain,
                        "step": f"Step {k + 1} → step {k + 2}",
                        "basis": BASIS,
                    }
                )

    X, Y = theme.canvas(height)
    tooltip = [
        alt.Tooltip("chain:N", title="Chain"),
        alt.Tooltip("step:N", title="Step"),
        alt.Tooltip("detail:N", title="What happens"),
        alt.Tooltip("basis:N", title="Basis"),
    ]
    box_data = alt.Data(values=boxes)
    rects = (
        alt.Chart(box_data)
        .mark_rect(cornerRadius=6)
        .encode(
            x=X("x:Q"),
            x2="x2:Q",
            y=Y("y:Q"),
            y2="y2:Q",
            fill=alt.when(alt.datum.consumer).then(alt.value(grid)).otherwise(alt.value(surface)),
            stroke=alt.when(alt.datum.consumer).then(alt.value(text)).otherwise(alt.value(domain)),
            strokeWidth=alt.when(alt.datum.consumer).then(alt.value(2)).otherwise(alt.value(1)),
            tooltip=tooltip,
        )
    )
    labels = [
        alt.Chart(box_data)
        .transform_filter(f"{'' if consumer else '!'}datum.consumer")
        .mark_text(baseline="middle", lineHeight=LINE_H, color=text, fontWeight=700 if consumer else 400)
        .encode(x=X("cx:Q"), y=Y("ty:Q"), text="lines:N", tooltip=tooltip)
        for consumer in (False, True)
    ]
    arrow_data = alt.Data(values=arrows)
    shafts = (
        alt.Chart(arrow_data)
        .mark_rule(color=muted, strokeWidth=2)
        .encode(
            x=X("x:Q"),
            y=Y("y:Q"),
            y2="y2:Q",
            tooltip=[
                alt.Tooltip("chain:N", title="Chain"),
                alt.Tooltip("step:N", title="Flow"),
                alt.Tooltip("basis:N", title="Basis"),
            ],
        )
    )
    heads = (
        alt.Chart(arrow_data)
        .mark_point(shape="triangle-down", filled=True, size=70, color=muted, opacity=1)
        .encode(x=X("x:Q"), y=Y("head:Q"))
    )
    head_text = (
        alt.Chart(alt.Data(values=headers))
        .mark_text(align="left", baseline="middle", fontWeight=700, fontSize=13, color=text)
        .encode(x=X("x:Q"), y=Y("y:Q"), text="text:N")
    )
    footer = (
        alt.Chart(
            alt.Data(values=[{"x": 50, "y": footer_y, "text": "Shaded boxes: where the consumer sits in each chain."}])
        )
        .mark_text(baseline="middle", fontStyle="italic", color=muted)
        .encode(x=X("x:Q"), y=Y("y:Q"), text="text:N")
    )

    b2c, c2b = CHAINS.values()
    first = lambda steps: " ".join(steps[0][0]).rstrip(",;")  # noqa: E731
    description = (
        f"Schematic, not data, comparing two {n_steps}-step chains. In B2C, "
        + " → ".join(" ".join(s[0]).rstrip(",;") for s in b2c)
        + ". In C2B the direction flips: "
        + " → ".join(" ".join(s[0]).rstrip(",;") for s in c2b)
        + f". The consumer moves from the end of the chain to the start ({first(c2b)})."
    )
    return alt.layer(rects, *labels, shafts, heads, head_text, footer).properties(
        width=theme.WIDTH,
        height=height,
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        title=alt.Title(
            "Schematic: B2C makes first, C2B asks first", subtitle=["An illustration of the argument, not data."]
        ),
        description=description,
    )
