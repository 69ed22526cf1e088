"""The reader's site in Chromium: the hindsight box at body size, a reading measure, and printing (a dark
system scheme still prints light, tables fit their column, printed figures carry no controls).
Screenshots of the home page and a chapter at 375 and 1280 px, and a printed PDF of the chapter, go to
test-artifacts/ (uploaded by CI) to be looked at."""

from __future__ import annotations

import pytest

from tests.browser.conftest import ARTIFACTS, hydrate_all

pytestmark = pytest.mark.browser

CHAPTER = "04-taobao-traffic-problem/"  # charts, a data table, hindsight boxes, links to sources

# Relative luminance of a computed CSS colour ("rgb(…)" / "rgba(…)"), alpha composited on white.
LUMINANCE = """(c) => {
  const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
  const [r, g, b, a = 1] = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
  const lin = v => { v = (v * a + 255 * (1 - a)) / 255;
                     return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}"""


def px(page, selector: str, prop: str = "font-size") -> float:
    return page.eval_on_selector(selector, f"e => parseFloat(getComputedStyle(e).getPropertyValue('{prop}'))")


@pytest.mark.parametrize("width", [375, 1280])
def test_hindsight_text_is_at_least_body_size(real_site, open_page, width):
    server, _ = real_site
    page, watch = open_page(server.url + CHAPTER, width=width)
    body = px(page, "article.md-content__inner > p:not([class])")
    sizes = page.eval_on_selector_all(
        ".admonition.hindsight p:not(.admonition-title), .admonition.hindsight li",
        # a chart inside the box keeps its own caption style: the box's prose is what is measured
        "els => els.filter(e => !e.closest('figure')).map(e => parseFloat(getComputedStyle(e).fontSize))",
    )
    assert sizes, "no hindsight box on the chapter"
    assert min(sizes) >= body >= 15, (sizes, body)
    title = px(page, ".admonition.hindsight > .admonition-title")
    assert title >= 0.75 * body  # the label is small caps, not small print
    assert watch.errors == []


def test_reading_measure_at_1280(real_site, open_page):
    server, _ = real_site
    for rel in ("", CHAPTER):
        page, _ = open_page(server.url + rel, width=1280)
        measures = page.evaluate(
            """() => [...document.querySelectorAll('article.md-content__inner p')]
                .filter(p => !p.closest('figure, .mw-cite') && p.textContent.trim().length > 200)
                .map(p => { const probe = document.createElement('span');
                  probe.style.cssText = 'display:inline-block;width:1ch;padding:0;border:0';
                  p.appendChild(probe); const ch = probe.getBoundingClientRect().width; probe.remove();
                  return p.getBoundingClientRect().width / ch; })"""
        )
        assert measures, rel
        assert max(measures) <= 80, (rel, max(measures))
        assert min(measures) >= 40, (rel, min(measures))  # a column, not a sliver


A4_WIDTH = 794  # px at 96 dpi: the page is laid out at about the paper's width, as Chromium prints it


# The navigation drawer is open and has finished sliding in: on screen, no transition left running on it.
DRAWER_OPEN = """() => {
  const toggle = document.getElementById('__drawer'), drawer = document.querySelector('.md-sidebar--primary');
  return toggle.checked && drawer.getAnimations({subtree: true}).length === 0
    && drawer.getBoundingClientRect().left > -1;
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_chapter_numbers_show_in_the_navigation(real_site, open_page, width):
    server, _ = real_site
    # a chapter on a wide screen has no navigation rail (test_layout.py): the rail is read on a reference page
    page, _ = open_page(server.url + (CHAPTER if width < 1220 else "08-glossary/"), width=width)
    if width < 1220:  # the navigation is a drawer on narrower screens
        page.locator("label.md-header__button[for=__drawer]").click()
        page.wait_for_function(DRAWER_OPEN)
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.md-sidebar--primary .md-nav__link .mw-nav__no')]
           .filter(n => n.closest('.md-nav__link').getClientRects().length)  // the open chapter: label or link
           .map(n => {
             const range = document.createRange(); range.selectNodeContents(n);  // the numeral's glyphs
             const r = range.getBoundingClientRect(), l = n.closest('.md-nav__link').getBoundingClientRect();
             return {no: n.textContent, w: r.width, inside: r.left >= l.left - 1 && r.right <= l.right + 1}; })"""
    )
    assert [b["no"] for b in boxes] == [str(n) for n in range(1, 8)]
    assert all(b["w"] > 4 and b["inside"] for b in boxes), boxes


# No CSS transition is running in the page (asking for them brings the styles up to date first).
TRANSITIONS_DONE = "() => !document.getAnimations().some(a => a instanceof CSSTransition)"


def open_printed(real_site, open_page, rel: str, width: int = A4_WIDTH):
    """A page in a dark system scheme, charts live, every disclosure open, then emulated print."""
    server, _ = real_site
    page, watch = open_page(server.url + rel, width=width, scheme="slate")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    if page.locator("figure.mw-chart").count():
        hydrate_all(page)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.emulate_media(media="print", color_scheme="dark")
    # Material fades link colours (`transition: color 125ms`): read them once they have arrived
    page.wait_for_function(TRANSITIONS_DONE)
    return page, watch


def test_print_in_a_dark_scheme_is_light(real_site, open_page):
    page, watch = open_printed(real_site, open_page, CHAPTER)
    lum = lambda js: page.evaluate(f"({LUMINANCE})({js})")  # noqa: E731
    assert lum("getComputedStyle(document.body).backgroundColor") > 0.9
    # The root's own background fills the paper's margins: opaque and light, not the dark canvas.
    root = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert root.startswith("rgb(") and page.evaluate(f"({LUMINANCE})({root!r})") > 0.9, root
    assert lum("getComputedStyle(document.querySelector('article p')).color") < 0.2
    assert lum("getComputedStyle(document.querySelector('article h1')).color") < 0.2
    assert lum("getComputedStyle(document.querySelector('article p a')).color") < 0.3
    # Chart text: every label of every printed drawing is dark on the light page.
    fills = page.eval_on_selector_all(
        ".mw-chart__view svg text", "els => els.filter(e => e.getBBox().width > 0).map(e => getComputedStyle(e).fill)"
    )
    assert fills
    worst = max(page.evaluate(f"({LUMINANCE})({fill!r})") for fill in fills if fill.startswith("rgb"))
    assert worst < 0.45, worst
    assert watch.errors == []


def test_printed_tables_fit_their_column(real_site, open_page):
    for rel in (CHAPTER, "08-glossary/", "10-sources/"):
        page, _ = open_printed(real_site, open_page, rel)
        overflow = page.evaluate(
            """() => { const col = document.querySelector('article.md-content__inner').getBoundingClientRect();
              return [...document.querySelectorAll('article table')]
                .filter(t => t.getClientRects().length)
                .map(t => { const r = t.getBoundingClientRect();
                  return {right: r.right - col.right, scroll: t.scrollWidth - t.clientWidth,
                          caption: (t.caption ? t.caption.textContent : '').slice(0, 40)}; })
                .filter(o => o.right > 1 || o.scroll > 1); }"""
        )
        assert overflow == [], (rel, overflow)


def test_printed_figures_show_their_drawing_and_no_controls(real_site, open_page):
    page, _ = open_printed(real_site, open_page, CHAPTER)
    figures = page.locator("figure.mw-chart")
    assert figures.count() >= 1
    for i in range(figures.count()):
        fig = figures.nth(i)
        assert fig.locator(".mw-chart__view svg").first.is_visible()
        visible = fig.evaluate(
            """f => [...f.querySelectorAll('button, input, select, .vega-bindings, .mw-chart__downloads,'
                    + ' .mw-chart__controls, .mw-chart__legend-buttons')]
                 .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
                 .map(e => e.outerHTML.slice(0, 80))"""
        )
        assert visible == [], visible
        markers = fig.evaluate(
            "f => [...f.querySelectorAll('summary')].map(s => getComputedStyle(s).listStyleType)"
            ".filter(t => t !== 'none')"
        )
        assert markers == [], markers


def test_printed_links_show_their_address(real_site, open_page):
    page, _ = open_printed(real_site, open_page, CHAPTER)
    after = page.evaluate(
        """() => { const a = [...document.querySelectorAll('article a[href^="http"]')]
                     .find(a => !a.closest('.mw-cite__text') && a.getClientRects().length);
                   return a ? [a.href, getComputedStyle(a, '::after').content] : null; }"""
    )
    assert after, "no outside link on the chapter"
    href, content = after
    assert href.rstrip("/") in content


def test_screenshots_and_a_printed_chapter_for_review(real_site, open_page):
    """Artifacts to look at: home and chapter at phone and desktop widths, and the chapter as printed
    from a dark-mode system."""
    server, _ = real_site
    ARTIFACTS.mkdir(exist_ok=True)
    for rel, name in (("", "home"), (CHAPTER, CHAPTER.strip("/"))):
        for width in (375, 1280):
            page, watch = open_page(server.url + rel, width=width)
            page.screenshot(path=str(ARTIFACTS / f"reader-{name}-{width}.png"))
            page.screenshot(path=str(ARTIFACTS / f"reader-{name}-{width}-full.png"), full_page=True)
            assert watch.errors == []
    page, _ = open_printed(real_site, open_page, CHAPTER)
    pdf = page.pdf(path=str(ARTIFACTS / "reader-chapter-print-dark.pdf"), format="A4", print_background=True)
    assert pdf[:5] == b"%PDF-" and len(pdf) > 20_000
