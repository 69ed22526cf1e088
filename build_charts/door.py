"""The front door: one drawing of where a purchase passes (Taobao's entrance, WeChat's side door), drawn in states.

Chapters 4-6 show the same picture in different states (`front_door`, `side_door`, `o2o_door`); each chart
module gives its states as panels, and this module lays them out on the schematic canvas with
`schematic`'s boxes, arrows and wrapping. A panel is a heading and a column of steps, read downwards; a
step is drawn by its `style`: the people at either end, Taobao's door (Alibaba orange), WeChat (Tencent
green), and a place left out of the purchase or still missing (faded, dashed, with no arrow into it).
Wide: the states side by side, read left to right. Narrow: one under another, so a phone reads them in order.
That is the drawing without script; a drawing of several states also gives each its window on the canvas
(`schematic.draw`), so that the live view shows one state at a time, with a button for each.
"""

from __future__ import annotations

import altair as alt

from build_charts import kit, schematic, theme

HEAD = 17  # px per line of a panel's heading (13 px bold)
GAP = 26  # px between two boxes, for the arrow
W = kit.words(
    en={
        "state": "{head}. {flow}.",
        "left_out": " Drawn faded: {out}.",
        "out_sep": "; ",
        "join": " ",
        "description": "Schematic{data}{n_states}. {states} {summary}",
        "n_states": ", in {n} states, in order",
        "one_state": "",
    },
    zh={
        "state": "{head}。{flow}。",
        "left_out": "淡色虚线框：{out}。",
        "out_sep": "；",
        "join": "",
        "description": "示意图{data}{n_states}。{states}{summary}",
        "n_states": "，依次分为{n}个状态",
        "one_state": "",
    },
)


def styles() -> dict[str, dict]:
    """How each kind of step is drawn (rect properties; `font_weight` and `colour` for its text and arrows)."""
    surface, domain = kit.ink("surface"), kit.ink("domain")
    return {
        "people": {"fill": surface, "stroke": domain, "strokeWidth": 1.5},
        "door": {
            "fill": surface,
            "stroke": theme.color("Alibaba"),
            "strokeWidth": 3,
            "font_weight": 700,
            "colour": theme.color("Alibaba"),
        },
        "wechat": {
            "fill": surface,
            "stroke": theme.color("Tencent"),
            "strokeWidth": 3,
            "font_weight": 700,
            "colour": theme.color("Tencent"),
        },
        # left out of the loop, or not there yet: faded and dashed, and no arrow leads into it
        "out": {"fill": surface, "stroke": domain, "strokeWidth": 1.5, "strokeDash": [5, 4], "opacity": 0.55},
    }


def layout(panels: list[dict]) -> tuple[list[dict], list[dict], list[dict], float, list[tuple]]:
    """Boxes, arrows and headings of every panel, the drawing's height, and each panel's window on the canvas
    (x0, x1, y0, y1: where it stands alone, centred across the drawing on a wide screen).

    A panel is {"head": text, "steps": [(text, style, detail), ...]}, and may give a `short`
    name for its button in the live view.
    """
    if kit.narrow():
        half, slots = 46, [50] * len(panels)
    else:
        column = 100 / len(panels)
        half = min(30, column / 2 - 3)
        slots = [(k + 0.5) * column for k in range(len(panels))]
    boxes, arrows, notes, windows = [], [], [], []
    drawn = styles()
    top = bottom = 6
    for k, (panel, cx) in enumerate(zip(panels, slots, strict=True)):
        if not kit.narrow():
            top = 6  # side by side: every panel starts at the top
        start = top
        head = schematic.lines(panel["head"], half)
        notes.append({"x": cx - half, "y": top, "lines": head, "panel": k, "mark": _bold()})
        top += HEAD * len(head) + 6
        previous = None
        for text, style, detail in panel["steps"]:
            # bold text (the door, WeChat) is wider than schematic's estimate: wrap it to 85 % of the box
            room = half * (0.85 if "font_weight" in drawn[style] else 1)
            tall = schematic.height(len(schematic.lines(text, room)))
            b = schematic.box(text, cx, top, room, tall, style=style, detail=detail, panel=k)
            b |= {"x": cx - half, "x2": cx + half}
            if previous is not None and style != "out":
                arrows.append(schematic.arrow(cx, previous["y2"] + 3, cx, top - 3, style=style, panel=k))
            boxes.append(b)
            previous = b
            top += tall + GAP
        top += 12  # the space between two stacked panels
        bottom = max(bottom, top - GAP - 12)
        x0 = 0 if kit.narrow() else cx - 50
        windows.append((x0, x0 + 100, start - 6, previous["y2"] + 6))
    # alone, every state is as tall as the tallest, so the buttons under the drawing stay put as states change
    tallest = max(y1 - y0 for _, _, y0, y1 in windows)
    windows = [(x0, x1, y0, y0 + tallest) for x0, x1, y0, _ in windows]
    return boxes, arrows, notes, bottom + 6, windows


def _bold() -> dict:
    return {
        "align": "left",
        "baseline": "top",
        "fontSize": theme.TEXT_MIN + 1,
        "fontWeight": 700,
        "fontStyle": "normal",
    } | {
        "lineHeight": HEAD,
        "color": kit.ink("text"),
    }


def describe(panel: dict) -> str:
    """One state in words: what the live view says when it shows that state."""
    flow = schematic.W("flow_sep").join(text for text, style, _ in panel["steps"] if style != "out")
    out = [text for text, style, _ in panel["steps"] if style == "out"]
    details = W("join").join(detail for _, _, detail in panel["steps"])  # what happens at each step (not in tooltips)
    return (
        W("state", head=panel["head"], flow=flow)
        + (W("left_out", out=W("out_sep").join(out)) if out else "")
        + (W("join") + details)
    )


def chart(panels: list[dict], finding: str, subtitle: str, summary: str, data: str = "", footer: str = ""):
    """A finished chart of the door in the states `panels` give (see `layout`); `data` says which figures are data."""
    boxes, arrows, notes, tall, windows = layout(panels)
    if footer:
        lines = schematic.lines(footer, 50)
        mark = {"align": "left", "baseline": "top", "fontSize": theme.TEXT_MIN, "lineHeight": 15}
        notes.append({"x": 0, "y": tall + 4, "lines": lines, "mark": mark})
        tall += 8 + 15 * len(lines)
    n, said = len(panels), [describe(panel) for panel in panels]
    if n > 1:  # one state at a time in the live view; every state in the drawing (and in the description)
        labels = [panel.get("short", panel["head"]) for panel in panels]
        layers = schematic.draw(boxes, arrows, tall, styles(), notes, windows=windows)
        drawing = alt.layer(*layers).add_params(schematic.panel_param())
        extra = {"usermeta": schematic.panel_meta(windows, labels, said)}
    else:
        drawing, extra = alt.layer(*schematic.draw(boxes, arrows, tall, styles(), notes)), {}
    return kit.finish(
        drawing,
        finding=finding,
        subtitle=subtitle,
        description=W(
            "description",
            data=data,
            n_states=W("n_states", n=n) if n > 1 else W("one_state"),
            states=W("join").join(said),
            summary=summary,
        ),
        height=tall,
        **extra,
    )
