"""Chart `c2b_schematic`: schematic (not data) of the B2C chain against the C2B chain the article describes."""

import altair as alt

from build_charts import kit, schematic

# Two chains, read top to bottom (their names, then their steps); one step a line: what happens | who acts | detail
W = kit.words(
    en={
        "b2c": "B2C: make, then sell",
        "b2c_steps": """
        The company designs, guessing demand | firm | Products are planned months ahead from forecasts, not from orders.
        Factories make a large batch | firm | Production runs at scale on the forecast.
        Stock waits in warehouses and shops | firm | Inventory is the cost of guessing ahead of demand.
        Sold to consumers; discounts if wrong | consumer | The consumer appears only at the end; a wrong guess is cleared by discounting.
    """,  # noqa: E501
        "c2b": "C2B: ask, then make",
        "c2b_steps": """
        Consumers' demand and data come first | consumer | Orders, pre-sales, group requests and preferences flow back up the chain first.
        Design follows that demand | firm | The product is customised to what buyers asked for.
        Made to order by flexible factories | firm | Production follows orders: mass customisation.
        Delivered to the buyer who asked | consumer | Nothing is stocked on a guess; the order is the demand.
    """,  # noqa: E501
        "step_said": "{text} ({detail})",
        "step": "Step {k} of {n}: {text}",
        "footer": "Shaded boxes: where the consumer sits in each chain.",
        "finding": "C2B turns the chain around: the consumer comes first, not last",
        "subtitle": "Schematic of the article's argument (Zeng Ming's C2B idea), not data",
        "flow_sep": " → ",
        "description": "Schematic, not data, comparing two {n}-step chains. In B2C: {b2c}. In C2B the direction flips:"
        " {c2b}. The consumer moves from the end of the chain to the start.",
    },
    zh={
        "b2c": "B2C：先生产，后销售",
        "b2c_steps": """
        企业猜测需求，设计产品 | firm | 产品提前几个月按预测来规划，而不是按订单。
        工厂大批量生产 | firm | 按预测开足规模生产。
        货物压在仓库和门店里 | firm | 库存，就是抢在需求之前去猜的代价。
        卖给消费者；猜错了就打折 | consumer | 消费者到最后一环才出现；猜错了，只能打折清货。
    """,
        "c2b": "C2B：先问需求，后生产",
        "c2b_steps": """
        消费者的需求和数据先行 | consumer | 订单、预售、团购需求和个人偏好，先沿着链条往上传。
        按这些需求设计产品 | firm | 产品按买家提出的要求定制。
        柔性工厂按订单生产 | firm | 生产跟着订单走：大规模定制。
        送到提出需求的买家手中 | consumer | 不凭猜测备货；订单本身就是需求。
    """,
        "step_said": "{text}（{detail}）",
        "step": "第{k}步（共{n}步）：{text}",
        "footer": "带底色的方框：消费者在每条链条中所处的位置。",
        # \u200b (kit.BREAK): a line breaks only there, so no word is cut
        "finding": "C2B 倒转了链条：\u200b消费者排在最前，\u200b不再是最后",
        "subtitle": "示意图，表现文章的论点（曾鸣的 C2B 设想），不是数据",
        "flow_sep": " → ",
        "description": "示意图，不是数据，比较两条各有{n}步的链条。B2C：{b2c}。C2B 方向倒了过来：{c2b}。"
        "消费者从链条的末端移到了开头。",
    },
)
CHAINS = ("b2c", "c2b")  # the keys of the two chains' names and steps in W
COLUMNS = [25, 75]  # column centres on the 0–100 canvas
HALF = 23
GAP = 24  # px between boxes, for the arrow


def build() -> alt.LayerChart:
    chains = [(W(name), schematic.table(W(f"{name}_steps"))) for name in CHAINS]
    heads = [schematic.lines(name, HALF) for name, _ in chains]
    top = 8 + 16 * max(len(h) for h in heads)
    boxes, arrows = [], []
    for k in range(max(len(steps) for _, steps in chains)):  # one row of boxes at a time, as tall as its longest text
        tall = schematic.height(max(len(schematic.lines(steps[k][0], HALF)) for _, steps in chains))
        for (chain, steps), cx in zip(chains, COLUMNS, strict=True):
            text, who, detail = steps[k]
            step = W("step", k=k + 1, n=len(steps), text=text)
            boxes.append(schematic.box(text, cx, top, HALF, tall, style=who, chain=chain, step=step, detail=detail))
            if k:
                arrows.append(schematic.arrow(cx, top - GAP + 3, cx, top - 3, style="firm"))
        top += tall + GAP
    footer = schematic.lines(W("footer"), 50)
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
    b2c, c2b = (steps for _, steps in chains)
    return kit.finish(
        alt.layer(*schematic.draw(boxes, arrows, height, styles, notes)),
        finding=W("finding"),
        subtitle=W("subtitle"),
        description=W(
            "description",
            n=len(b2c),
            # each step with what happens there (the tooltips name the step only)
            b2c=W("flow_sep").join(W("step_said", text=s[0], detail=s[2].rstrip(".。")) for s in b2c),
            c2b=W("flow_sep").join(W("step_said", text=s[0], detail=s[2].rstrip(".。")) for s in c2b),
        ),
        height=height,
    )
