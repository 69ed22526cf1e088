"""The one visual theme every chart uses, matched to Material's light and dark palettes.

Charts are drawn once, in the light palette. Each light colour below that has a
dark twin is unique, so a stylesheet generated from this table (`dark_css`) can
recolour any chart SVG — the static one and the live Vega view alike — when the
reader flips Material's palette, with no re-render and no JavaScript.
"""

from __future__ import annotations

# Material's system font stack when `theme.font: false`.
FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif'

# The Chinese edition's stack: the shipped subset of Noto Sans CJK SC (build_charts/fonts/) measures the text at
# build time; readers' phones and computers draw it with the first of these they have.
FONT_ZH = '"Noto Sans CJK SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", ' + FONT

# zh-CN number and date conventions for Vega (d3-format / d3-time-format), carried in each Chinese spec,
# so the static drawing and the live view format alike: 2013年11月, 十一月.
LOCALE_ZH = {
    "number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["¥", ""]},
    "time": {
        "dateTime": "%x %A %X",
        "date": "%Y年%-m月%-d日",
        "time": "%H:%M:%S",
        "periods": ["上午", "下午"],
        "days": ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
        "shortDays": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
        "months": ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"],
        "shortMonths": ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
    },
}

# The site's brand colour (site.css's --md-primary-fg-color), for the share cards' top rule.
ACCENT = "#a33a0b"

# Backgrounds of Material's `default` and `slate` schemes (for contrast checks).
BACKGROUND = {"light": "#ffffff", "dark": "#1e2029"}

# Interface colours: light value -> dark value. Text tokens pass 4.5:1, lines 3:1 or are decorative.
TOKENS: dict[str, tuple[str, str]] = {
    "text": ("#1f2328", "#e6e8ef"),
    "muted": ("#555d67", "#adb3c0"),
    "grid": ("#dde1e6", "#363a47"),
    "domain": ("#7d858f", "#8a92a2"),
    "surface": ("#ffffff", "#1e2029"),
}

# Series colours are the same in both schemes (each passes 3:1 against both backgrounds),
# and stable across charts: a company is always drawn in its own hue.
SERIES: dict[str, str] = {
    "Alibaba": "#e8590c",
    "Tencent": "#2b8a3e",
    "eBay": "#1c7ed6",
    "Pinduoduo": "#d6336c",
    "JD.com": "#ae3ec9",
    "China": "#845ef7",
    "Other": "#7d858f",
}

WIDTH = 640  # drawing width in px; the SVG scales to the column, the live view re-fits it

# Chart type sizes, in drawing px. The phone drawing (kit.NARROW) is drawn at the width of the narrowest column
# it is shown in on a 375 px phone, so a drawing px is at least one CSS px there: TEXT_MIN is the smallest text a
# reader meets (about the 12 px the best graphics desks hold), and no spec may ask for less (spec.py refuses it).
TEXT_MIN = 12  # axis and legend labels, subtitles, notes and direct labels
TEXT_TITLE = 15  # the chart's title (its finding)


def color(series: str) -> str:
    """The fixed colour of a company or series (unknown names fall back to the neutral one)."""
    return SERIES.get(series, SERIES["Other"])


def canvas(height: float, x_domain=None, y_domain=None):
    """Encoders for a schematic drawn on fixed coordinates: x runs 0–100, y runs 0–height downwards.

    `x_domain` and `y_domain` (an expression, say) replace the whole canvas by the part of it to show.
    """
    import altair as alt

    x_scale = alt.Scale(domain=x_domain or [0, 100], nice=False, zero=False)
    y_scale = alt.Scale(domain=y_domain or [0, height], reverse=True, nice=False, zero=False)

    def x(field: str):
        return alt.X(field, scale=x_scale, axis=None, title=None)

    def y(field: str):
        return alt.Y(field, scale=y_scale, axis=None, title=None)

    return x, y


def config(lang: str = "en") -> dict:
    """Vega-Lite `config` block applied to every chart (in Chinese: the Chinese font stack and zh-CN locale)."""
    text, muted, grid, domain, surface = (TOKENS[k][0] for k in ("text", "muted", "grid", "domain", "surface"))
    zh = {"font": FONT_ZH, "locale": LOCALE_ZH} if lang == "zh" else {}
    # Vega writes its own accessible labels and role descriptions for axes, legends, titles and marks in
    # English ("X-axis for a linear scale…", "symbol mark container", raw field names), and no spec can put its
    # role words in another language: the Chinese charts drop them (`aria: false`). Their readers lose nothing:
    # the figure's Chinese description names the view, and its data table holds every value.
    quiet = {"aria": False} if lang == "zh" else {}
    return {
        "background": "transparent",  # the page shows through, in light and dark mode
        "font": FONT,
        "padding": 8,
        "view": {"stroke": "transparent", "continuousWidth": WIDTH, "continuousHeight": 320},
        "axis": {
            "labelColor": muted,
            "titleColor": muted,
            "gridColor": grid,
            "domainColor": domain,
            "tickColor": domain,
            "labelFontSize": TEXT_MIN,
            "titleFontSize": TEXT_MIN,
            "titleFontWeight": "normal",
        }
        | quiet,
        "legend": {
            "labelColor": text,
            "titleColor": muted,
            "labelFontSize": TEXT_MIN,
            "titleFontSize": TEXT_MIN,
            "orient": "top",
            "symbolStrokeWidth": 3,
        }
        | quiet,
        "title": {
            "color": text,
            "subtitleColor": muted,
            "fontSize": TEXT_TITLE,
            "subtitleFontSize": TEXT_MIN,
            "anchor": "start",
            "fontWeight": 600,
            "offset": 10,
        }
        | quiet,
        "header": {"labelColor": text, "titleColor": muted},
        "text": {"color": text, "fontSize": TEXT_MIN},
        "mark": {"color": SERIES["China"]} | quiet,
        "point": {"filled": True, "size": 60},
        "line": {"strokeWidth": 2.5},
        "rule": {"color": domain},
        "range": {"category": list(SERIES.values())},
    } | zh


def dark_css(scope: str = ".mw-chart__view") -> str:
    """CSS that repaints light token colours in their dark twins under Material's `slate` scheme.

    On screen only: a printed page is light whatever the reader's scheme, so it keeps the drawing's
    own colours. Written compactly: one rule per colour and property.
    """
    rules = "".join(
        f'[data-md-color-scheme=slate] {scope} [{prop}="{light}" i]{{{prop}:{dark}}}'
        for light, dark in TOKENS.values()
        for prop in ("fill", "stroke")
    )
    return f"@media screen{{{rules}}}"


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
