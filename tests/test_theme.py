"""Shared look: colours pass WCAG contrast in both schemes; the dark stylesheet maps every token."""

from __future__ import annotations

import pytest

from build_charts import theme


@pytest.mark.parametrize("name", sorted(theme.SERIES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_series_colours_pass_3_to_1_on_both_backgrounds(name, scheme):
    assert theme.contrast(theme.SERIES[name], theme.BACKGROUND[scheme]) >= 3.0


@pytest.mark.parametrize("token", ["text", "muted"])
def test_text_tokens_pass_4_5_to_1_in_both_schemes(token):
    light, dark = theme.TOKENS[token]
    assert theme.contrast(light, theme.BACKGROUND["light"]) >= 4.5
    assert theme.contrast(dark, theme.BACKGROUND["dark"]) >= 4.5


def test_light_token_colours_are_unique_and_distinct_from_series():
    lights = [light for light, _ in theme.TOKENS.values()]
    assert len(set(lights)) == len(lights)
    # a series drawn in a token colour would be recoloured in dark mode
    assert not set(lights) & {c for n, c in theme.SERIES.items() if n != "Other"}


def test_dark_css_recolours_every_token():
    css = theme.dark_css()
    assert css.startswith("@media screen{")  # print keeps the drawing's own, light colours
    for light, dark in theme.TOKENS.values():
        assert f'[data-md-color-scheme=slate] .mw-chart__view [fill="{light}" i]{{fill:{dark}}}' in css
        assert f'[data-md-color-scheme=slate] .mw-chart__view [stroke="{light}" i]{{stroke:{dark}}}' in css


def test_contrast_function_matches_wcag_reference_values():
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


# Machado, Oliveira & Fernandes (2009), full-severity simulation matrices, applied to linear RGB.
CVD = {
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
}
# Series the story draws side by side (rivals in one chart), and the neutral they are drawn against.
RIVALS = [
    ("Alibaba", "Tencent"),
    ("Alibaba", "eBay"),
    ("Alibaba", "JD.com"),
    ("Alibaba", "Pinduoduo"),
    ("Tencent", "Pinduoduo"),
    ("Tencent", "eBay"),
    ("Alibaba", "Other"),
    ("Tencent", "Other"),
]


def lab_as_seen(hex_colour: str, matrix) -> tuple[float, float, float]:
    """CIELAB of a colour as a reader with that colour-vision deficiency sees it."""
    lin = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        for c in (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    ]
    r, g, b = (min(1, max(0, sum(m * c for m, c in zip(row, lin, strict=True)))) for row in matrix)
    x, y, z = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


@pytest.mark.parametrize("kind", sorted(CVD))
@pytest.mark.parametrize(("a", "b"), RIVALS)
def test_rival_series_stay_apart_under_colour_blindness(a, b, kind):
    import math

    seen = [lab_as_seen(theme.SERIES[name], CVD[kind]) for name in (a, b)]
    assert math.dist(*seen) >= 12, f"{a} and {b} look alike under {kind}: ΔE {math.dist(*seen):.1f}"


def test_colour_blindness_check_tells_red_from_green_apart_only_for_trichromats():
    import math

    red, green = "#d62728", "#2ca02c"  # a classic pair that deuteranopes confuse
    assert (
        math.dist(
            lab_as_seen(red, [[1, 0, 0], [0, 1, 0], [0, 0, 1]]), lab_as_seen(green, [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
        )
        > 40
    )
    assert math.dist(lab_as_seen(red, CVD["deuteranopia"]), lab_as_seen(green, CVD["deuteranopia"])) < 12
