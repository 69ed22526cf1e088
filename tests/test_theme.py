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
    for light, dark in theme.TOKENS.values():
        assert f'[data-md-color-scheme=slate] .mw-chart__view [fill="{light}" i]{{fill:{dark}}}' in css
        assert f'[data-md-color-scheme=slate] .mw-chart__view [stroke="{light}" i]{{stroke:{dark}}}' in css


def test_contrast_function_matches_wcag_reference_values():
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
