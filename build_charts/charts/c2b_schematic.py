"""Chart `c2b_schematic`: schematic (not data) of the B2C chain against the C2B chain the article describes."""

import altair as alt

from build_charts import kit, schematic

BASIS = "Our schematic of the article's account of Zeng Ming's C2B idea (not data)"

# Two chains, read top to bottom; one step a line: what happens | who acts | tooltip detail
CHAINS = {
    "B2C: make, then sell": """
        The company designs, guessing demand | firm | Products are planned months ahead from forecasts, not from orders.
        Factories make a large batch | firm | Production runs at scale on the forecast.
        Stock waits in warehouses and shops | firm | Inventory is the cost of guessing ahead of demand.
        Sold to consumers; discounts if wrong | consumer | The consumer appears only at the end; a wrong guess is cleared by discounting.
    """,  # noqa: E501
    "C2B: ask, then make": """
        Consumers' demand and data come first | consumer | Orders, pre-sales, group requests and preferences flow back up the chain first.
        Design follows that demand | firm | The product is customised to what buyers asked for.
        Made to order by flexible factories | firm | Production follows orders: mass customisation.
        Delivered to the buyer who asked | consumer | Nothing is stocked on a guess; the order is the demand.
    """,  # noqa: E501
}
COLUMNS = [25, 75]  # column centres on the 0–100 canvas
HALF = 23
GAP = 24  # px between boxes, for the arrow


def build() -> alt.LayerChart:
    chains = [(name, schematic.table(steps)) for name, steps in CHAINS.items()]
    heads = [schematic.lines(name, HALF) for name, _ in chains]
    top = 8 + 16 * max(len(h) for h in heads)
    boxes, arrows = [], []
    for k in range(max(len(steps) for _, steps in chains)):  # one row of boxes at a time, as tall as its longest text
        tall = schematic.height(max(len(schematic.lines(steps[k][0], HALF)) for _, steps in chains))
        for (chain, steps), cx in zip(chains, COLUMNS, strict=True):
            text, who, detail = steps[k]
            step = f"Step {k + 1} of {len(steps)}: {text}"
            boxes.append(
                schematic.box(text, cx, top, HALF, tall, style=who, chain=chain, step=step, detail=detail, basis=BASIS)
            )
            if k:
                arrows.append(schematic.arrow(cx, top - GAP + 3, cx, top - 3, style="firm"))
        top += tall + GAP
    footer = schematic.lines("Shaded boxes: where the consumer sits in each chain.", 50)
    bold = {"align": "left", "baseline": "top", "fontSize": 13, "fontWeight": 700, "fontStyle": "normal"}
    notes = [
        {"x": cx - HALF, "y": 4, "lines": h, "mark": bold | {"color": kit.ink("text")}}
        for h, cx in zip(heads, COLUMNS, strict=True)
    ]
    notes.append({"x": 50, "y": top - GAP + 10, "lines": footer, "mark": {"baseline": "top"}})
    height = top - GAP + 12 + 14 * len(footer)
    styles = {
        "firm": {"fill": kit.ink("surface"), "stroke": kit.ink("domain"), "strokeWidth": 1},
        "consumer": {"fill": kit.ink("grid"), "stroke": kit.ink("text"), "strokeWidth": 2, "font_weight": 700},
    }
    tooltip = kit.tip(("chain", "Chain"), ("step", "Step"), ("detail", "What happens"), ("basis", "Basis"))
    b2c, c2b = (steps for _, steps in chains)
    return kit.finish(
        alt.layer(*schematic.draw(boxes, arrows, height, styles, tooltip, notes)),
        finding="C2B turns the chain around: the consumer comes first, not last",
        subtitle="Schematic of the article's argument (Zeng Ming's C2B idea), not data",
        description=(
            f"Schematic, not data, comparing two {len(b2c)}-step chains. In B2C: "
            + " → ".join(s[0] for s in b2c)
            + ". In C2B the direction flips: "
            + " → ".join(s[0] for s in c2b)
            + ". The consumer moves from the end of the chain to the start."
        ),
        height=height,
    )
