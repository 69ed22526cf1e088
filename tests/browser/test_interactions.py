"""Reader interactions in the live charts: tooltips, legend toggles, sliders, guess-first, era picking."""

from __future__ import annotations

import base64
import re
import struct
from pathlib import Path
from urllib.parse import urljoin, urlparse

from tests.browser.conftest import chart_pages, drawn, hydrate_all, signal_now


def open_chart_page(real_site, open_page, fragment: str, width: int = 1280):
    server, out = real_site
    rel = next(p for p in chart_pages(out) if fragment in p)
    page, watch = open_page(server.url + rel, width=width)
    hydrate_all(page)
    return page, watch


def click_at(page, locator):
    """Click where the mark is drawn: Vega picks the item under the pointer, not the DOM element."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def marks_opacity(figure) -> list[str]:
    return figure.evaluate(
        "f => Array.from(f.querySelectorAll('.mw-chart__live .mark-symbol path, .mw-chart__live .mark-line path'))"
        ".map(p => p.getAttribute('opacity') || getComputedStyle(p).opacity)"
    )


def test_hovering_a_mark_shows_a_tooltip_with_value_unit_and_period(real_site, open_page):
    page, watch = open_chart_page(real_site, open_page, "taobao-traffic")
    bars = page.locator("#fig-singles-day .mw-chart__live path[aria-roledescription='bar']")
    assert bars.count() >= 10
    bars.nth(3).hover()
    tip = page.locator(".mw-tooltip")
    tip.wait_for(state="visible")
    text = tip.text_content()
    assert "RMB" in text and " bn, 2012" in text
    box, vw = tip.bounding_box(), page.viewport_size["width"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= vw  # kept on screen
    assert watch.errors == []


def test_tooltip_stays_on_screen_on_a_phone(real_site, open_page):
    page, _ = open_chart_page(real_site, open_page, "taobao-traffic", width=375)
    bars = page.locator("#fig-singles-day .mw-chart__live path[aria-roledescription='bar']")
    last = bars.nth(bars.count() - 1)
    last.scroll_into_view_if_needed()
    last.hover()
    tip = page.locator(".mw-tooltip")
    tip.wait_for(state="visible")
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375


def test_legend_click_hides_a_series(real_site, open_page):
    page, watch = open_chart_page(real_site, open_page, "epilogue")
    figure = page.locator("#fig-pdd-vs-alibaba")
    before = marks_opacity(figure)
    click_at(page, figure.locator(".mw-chart__live .role-legend-symbol path").first)
    drawn(page)
    after = marks_opacity(figure)
    assert before != after
    assert any(float(o) < 0.5 for o in after) and any(float(o) == 1 for o in after)
    # the keyboard buttons beside the chart follow: the first series is pressed, "All" is not
    pressed = figure.locator(".mw-chart__legend-buttons button[aria-pressed=true]")
    assert pressed.count() == 1 and pressed.text_content() != "All"
    assert watch.errors == []


def test_year_slider_reveals_that_years_multiple(real_site, open_page):
    page, watch = open_chart_page(real_site, open_page, "wechat-grabs")
    figure = page.locator("#fig-wechat-users")
    slider = figure.locator(".mw-chart__controls input[type=range]")
    assert slider.count() == 1
    points = "f => f.querySelectorAll('.mw-chart__live .mark-symbol path').length"
    before = figure.evaluate(points)
    slider.fill("2019")  # keyboard-accessible native input
    drawn(page)
    assert signal_now(page, "wechat_users", "pick_year") == 2019
    text = figure.locator(".mw-chart__live svg").text_content()
    assert "Q4 2019" in text and "times Q4 2013" in text  # the picked year, as a multiple of the article's
    assert figure.evaluate(points) == before  # nothing is taken away
    assert watch.errors == []


def test_guess_first_hides_the_answer_until_revealed(real_site, open_page):
    page, watch = open_chart_page(real_site, open_page, "wechat-grabs")
    figure = page.locator("#fig-mobile-share")
    figure.scroll_into_view_if_needed()
    count = "f => f.querySelectorAll('.mw-chart__live .mark-symbol path').length"
    hidden = figure.evaluate(count)
    figure.locator(".mw-chart__controls input[type=range]").fill("40")
    drawn(page)
    assert signal_now(page, "mobile_share", "guess") == 40
    figure.locator(".mw-guess__button").first.click()  # "Check my guess" (tests/browser/test_guess.py: the rest)
    drawn(page)
    assert figure.evaluate(count) > hidden
    assert "40" in figure.locator(".mw-chart__live svg").text_content()
    assert watch.errors == []


def test_clicking_an_era_shows_its_milestones_and_links_the_chapters(real_site, open_page):
    server, _ = real_site
    page, watch = open_page(server.url)
    hydrate_all(page)
    figure = page.locator("#fig-eras-strip")  # the home page's lead visual
    text_before = figure.locator(".mw-chart__live svg").text_content()
    click_at(page, figure.locator(".mw-chart__live path[aria-label^='C2C: ']").first)  # the C2C era's bar
    drawn(page)  # the pick is evaluated, drawn, and its signal listeners (the chapter links) have run
    picked = page.evaluate(
        "window.mwCharts.view('eras_strip').then(v => v.data('era_pick_store').map(t => t.values[0]))"
    )
    assert picked == ["c2c"]
    assert figure.locator(".mw-chart__live svg").text_content() != text_before  # its milestones are listed
    linked = page.locator("li.mw-linked")
    assert linked.count() >= 1
    numbers = page.evaluate(
        "[...document.querySelectorAll('li[data-eras]')].flatMap((li, i) => li.matches('.mw-linked') ? [i + 1] : [])"
    )
    said = figure.locator(".mw-chart__status").text_content()  # the list may be off-screen: say what changed
    assert said == f"Chapters that tell this era, marked in the list below: {', '.join(map(str, numbers))}."
    for i in range(linked.count()):
        assert picked[0] in linked.nth(i).get_attribute("data-eras").split()
    assert watch.errors == []


def test_legend_toggle_has_keyboard_buttons(real_site, open_page):
    page, watch = open_chart_page(real_site, open_page, "epilogue")
    figure = page.locator("#fig-pdd-vs-alibaba")
    buttons = figure.locator(".mw-chart__legend-buttons button")
    assert buttons.count() >= 3 and buttons.first.text_content() == "All"
    before = marks_opacity(figure)
    buttons.nth(1).focus()
    page.keyboard.press("Enter")
    drawn(page)
    assert buttons.nth(1).get_attribute("aria-pressed") == "true"
    assert marks_opacity(figure) != before
    buttons.first.focus()
    page.keyboard.press("Enter")
    drawn(page)
    assert marks_opacity(figure) == before
    assert watch.errors == []


def test_pages_print_with_their_static_charts(real_site, open_page):
    page, _ = open_chart_page(real_site, open_page, "taobao-traffic")
    page.emulate_media(media="print")
    figure = page.locator("figure.mw-chart").first
    assert figure.locator("svg").first.is_visible()
    assert not figure.locator(".mw-chart__downloads").is_visible()


def test_png_download_is_drawn_from_the_svg_opaque_and_at_twice_its_size(real_site, open_page):
    server, out = real_site
    rel = next(p for p in chart_pages(out) if "taobao-traffic" in p)
    page, watch = open_page(server.url + rel)
    page.locator("#fig-singles-day .mw-chart__drawer > summary").click()  # the downloads are in the drawer
    button = page.locator("#fig-singles-day .mw-chart__png button")
    svg_file = out / urlparse(urljoin(server.url + rel, button.get_attribute("data-svg"))).path.lstrip("/")
    svg_w, svg_h = (
        float(v) for v in re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', svg_file.read_text()).groups()
    )
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "singles_day.png"
    png = Path(download.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (round(svg_w * 2), round(svg_h * 2))
    # decode it again in the page: every pixel opaque, and a real drawing on it (bars, axes, text)
    pixels = page.evaluate(
        """async (b64) => {
            const img = new Image(); img.src = 'data:image/png;base64,' + b64; await img.decode();
            const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
            const x = c.getContext('2d'); x.drawImage(img, 0, 0);
            const d = x.getImageData(0, 0, c.width, c.height).data;
            let ink = 0, seeThrough = 0;
            for (let i = 0; i < d.length; i += 4) {
              if (d[i + 3] < 255) seeThrough++; else if (d[i] + d[i + 1] + d[i + 2] < 600) ink++;
            }
            return {ink, seeThrough, all: d.length / 4};
        }""",
        base64.b64encode(png).decode(),
    )
    assert pixels["seeThrough"] == 0
    assert pixels["ink"] > 0.01 * pixels["all"]
    assert watch.errors == [] and watch.foreign == []
