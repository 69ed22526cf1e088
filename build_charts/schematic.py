"""Boxes and arrows for schematics (charts drawn from no data), wrapped to the layout being built.

A schematic is laid out on `theme.canvas`: x runs 0–100 across the drawing, y in pixels downwards.
Box text is given as one string and wrapped here to the box's width in the current layout, so a
box grows a line on a phone instead of spilling its text.

A schematic drawn in panels (states, say `door`'s) can be shown one panel at a time: `draw(windows=...)`
gives each panel the part of the canvas it fills, and the spec then carries a `panel` signal (-1, every
panel, as drawn without script; k, panel k alone in its window) and, in `panel_meta`, the words and height of
each panel, which the live view reads to make one button per state (charts-live.js `panelStates`).
"""

from __future__ import annotations

import json

import altair as alt

from build_charts import kit, theme

CHAR_PX = 6.6  # a generous average width of one 12 px Latin character (a Chinese one is about two: kit.wrap)
LINE = 15  # px between lines of box text
PAD = 9  # px of room above and below a box's text
W = kit.words(
    en={
        "numbered": "{k} · {text}",
        "flow_sep": " → ",
    },
    zh={
        "numbered": "{k}. {text}",
        "flow_sep": " → ",
    },
)


def lines(text: str, half_width: float) -> list[str]:
    """`text` wrapped to fit a box 2 × half_width canvas units wide."""
    most = max(10, int((2 * half_width / 100 * kit.width() - 14) / CHAR_PX))
    n = len(kit.wrap(text, most))
    # as few lines as the width allows, made as even as possible (no one-word last line)
    return next(w for w in (kit.wrap(text, k) for k in range(-(-len(text) // n), most + 1)) if len(w) == n)


def height(n_lines: int) -> int:
    return n_lines * LINE + 2 * PAD


def box(text: str, cx: float, top: float, half_width: float, tall: float, **fields) -> dict:
    """One box's row: its edges, its text lines and where the first line sits (centred vertically)."""
    wrapped = lines(text, half_width)
    mid = top + tall / 2 - (len(wrapped) - 1) * LINE / 2
    return (
        {"x": cx - half_width, "x2": cx + half_width, "cx": cx, "y": top, "y2": top + tall, "ty": mid}
        | {
            "lines": wrapped,
            "step": text,
        }
        | fields
        | kit.schematic_tip(text)
    )


def arrow(x: float, y: float, x2: float, y2: float, **fields) -> dict:
    """An arrow's row from (x, y) to (x2, y2), either straight across or straight down/up; the head sits at the end."""
    if x == x2:
        dx, dy = 0, (6 if y2 > y else -6)
        shape = "triangle-down" if y2 > y else "triangle-up"
    else:
        dx, dy = (1 if x2 > x else -1) * 600 / kit.width(), 0  # 6 px, in canvas units
        shape = "triangle-right" if x2 > x else "triangle-left"
    return {"x": x, "y": y, "x2": x2 - dx, "y2": y2 - dy, "hx": x2 - dx / 2, "hy": y2 - dy / 2, "shape": shape} | fields


PANEL = "panel"  # the signal naming the panel shown: -1 for all of them
# a row of panel k is drawn when every panel is, or panel k; a row of no panel always
SHOWN = f"{PANEL} < 0 || !isValid(datum.panel) || datum.panel == {PANEL}"


def panel_param() -> alt.Parameter:
    """The `panel` signal, every panel shown by default (the static drawing)."""
    return alt.param(name=PANEL, value=-1)


def panel_meta(windows: list[tuple[float, float, float, float]], labels: list[str], said: list[str]) -> dict:
    """The spec's `usermeta` for a drawing in panels: per panel, its button's label, its description and the
    drawing's height when it is shown alone (its window's height: the canvas counts pixels downwards)."""
    return {
        "states": [
            {"label": label, "said": text, "height": round(w[3] - w[2], 1)}
            for w, label, text in zip(windows, labels, said, strict=True)
        ]
    }


def _window(whole: list[float], parts: list[list[float]]) -> alt.ExprRef:
    """A scale domain following the `panel` signal: `whole` for every panel, else that panel's part."""
    whole_js, parts_js = (json.dumps(v, separators=(",", ":")) for v in (whole, parts))
    return alt.ExprRef(f"{PANEL} < 0 ? {whole_js} : {parts_js}[{PANEL}]")


def draw(boxes: list[dict], arrows: list[dict], tall: float, styles: dict[str, dict], notes=(), windows=None) -> list:
    """Layers for boxes (one look per `style`), arrows coloured like the box they point to, and notes.

    `styles` maps a box's `style` to rect properties; `font_weight` and `colour` are taken out for its
    text and its arrows. A note is a row with x, y, lines and its own text properties under `mark`.
    `windows`, for a drawing in panels whose rows carry `panel`: each panel's (x0, x1, y0, y1) on the canvas.
    """
    if windows:
        x_part = [[round(w[0], 2), round(w[1], 2)] for w in windows]
        y_part = [[round(w[2], 2), round(w[3], 2)] for w in windows]
        X, Y = theme.canvas(tall, _window([0, 100], x_part), _window([0, tall], y_part))
    else:
        X, Y = theme.canvas(tall)
    layers, tips = [], kit.schematic_tooltip()  # every box says its step and that it is not data
    for name, style in styles.items():
        rect = {k: v for k, v in style.items() if k not in ("font_weight", "colour")}
        picked = alt.Chart(alt.Data(values=[b for b in boxes if b["style"] == name]))
        layers.append(
            picked.mark_rect(cornerRadius=6, **rect).encode(
                x=X("x:Q"), x2=alt.X2("x2:Q"), y=Y("y:Q"), y2=alt.Y2("y2:Q"), **tips
            )
        )
        layers.append(
            picked.mark_text(baseline="middle", lineHeight=LINE, fontWeight=style.get("font_weight", 400)).encode(
                x=X("cx:Q"), y=Y("ty:Q"), text=alt.Text("lines:N"), **tips
            )
        )
    colours = {name: style.get("colour", kit.ink("muted")) for name, style in styles.items()}
    for name, colour in colours.items():
        these = alt.Chart(alt.Data(values=[a for a in arrows if a["style"] == name]))
        layers.append(
            these.mark_rule(color=colour, strokeWidth=2.5).encode(
                x=X("x:Q"), x2=alt.X2("x2:Q"), y=Y("y:Q"), y2=alt.Y2("y2:Q")
            )
        )
        layers.append(
            these.mark_point(filled=True, size=80, opacity=1, color=colour).encode(
                x=X("hx:Q"), y=Y("hy:Q"), shape=alt.Shape("shape:N", scale=None)
            )
        )
    for note in notes:
        mark = {"fontSize": theme.TEXT_MIN, "color": kit.ink("muted"), "fontStyle": "italic", "lineHeight": 14} | note[
            "mark"
        ]
        layers.append(
            alt.Chart(alt.Data(values=[note]))
            .mark_text(**mark)
            .encode(x=X("x:Q"), y=Y("y:Q"), text=alt.Text("lines:N"))
        )
    return [layer.transform_filter(SHOWN) for layer in layers] if windows else layers


def table(text: str) -> list[tuple[str, ...]]:
    """Steps written one a line as 'text | style | detail' (a table reads better than nested tuples)."""
    return [tuple(cell.strip() for cell in line.split("|")) for line in text.strip().splitlines()]
