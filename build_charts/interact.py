"""Shared interaction patterns, so every chart behaves the same way for readers.

- `legend_toggle`: click a legend entry to show or hide that series;
- `hover`: the mark nearest the pointer is highlighted, the rest dimmed;
- `slider`: a labelled range input bound to a Vega signal (e.g. a start year).
All of these compile to plain Vega signals, so they run under the CSP-safe interpreter.
"""

from __future__ import annotations

import altair as alt


def legend_toggle(field: str, name: str = "series_toggle") -> alt.Parameter:
    """A selection bound to the legend: clicking an entry isolates it, shift-click adds more."""
    return alt.selection_point(name=name, fields=[field], bind="legend")


def hover(fields: list[str], name: str = "hover") -> alt.Parameter:
    """The mark under the pointer (touch too) stays bright and the rest dim; nothing hovered, all bright."""
    return alt.selection_point(name=name, fields=fields, on="pointerover", clear="pointerout")


def shown(selection: alt.Parameter, dim: float = 0.15) -> alt.Opacity:
    """Opacity encoding: full for selected (or when nothing is selected), dimmed otherwise."""
    return alt.condition(selection, alt.value(1.0), alt.value(dim))


def slider(name: str, lo: int, hi: int, value: int, label: str, step: int = 1) -> alt.Parameter:
    """A range input bound to a signal, named in the page so readers and tests can find it."""
    return alt.param(name=name, value=value, bind=alt.binding_range(min=lo, max=hi, step=step, name=label + " "))


def radio(name: str, options: list[str], value: str, label: str) -> alt.Parameter:
    """Radio buttons bound to a signal (e.g. absolute numbers vs share)."""
    return alt.param(name=name, value=value, bind=alt.binding_radio(options=options, name=label + " "))
