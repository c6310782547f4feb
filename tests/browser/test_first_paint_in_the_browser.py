"""A page's first paint is its final look (issue 25): with its stylesheets held back, what its own
inline rules paint (macros/site/critical_css.py) sits where it sits once they have arrived, at a
phone's width and a laptop's, over http and from file://, left to right and right to left; and
the stylesheets, now at the end of <body>, do arrive and apply. Scripts are held back in both
loads: what they change is not the stylesheets' doing."""
from __future__ import annotations

import pytest

# Every element on the first screen: its place and size, and the look of the text it holds.
BOXES = """() => [...document.querySelectorAll('body *')].map((e, i) => {
  const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return [i, e.tagName + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''),
          Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height),
          s.color, s.backgroundColor, s.fontSize, s.fontWeight, s.display, s.visibility];
}).filter(b => b[3] < innerHeight && b[3] + b[5] > 0 && b[4] > 0)"""
PAINTED = "() => performance.getEntriesByName('first-contentful-paint').length > 0"
WIDTHS = [(360, 740), (1280, 800)]


def first_screen(browser, url: str, size: tuple[int, int], stylesheets: bool):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        page = context.new_page()
        page.route("**/*.js", lambda route: route.abort())
        if stylesheets:
            page.goto(url, wait_until="load")
            loaded = page.evaluate("() => [...document.querySelectorAll('link[rel=stylesheet]')].map(l => [l.href, !!l.sheet])")
            assert len(loaded) == 1 and "/assets/stylesheets/page." in loaded[0][0] and loaded[0][1], loaded
        else:
            page.route("**/*.css", lambda route: None)      # never answered
            page.goto(url, wait_until="commit")
            page.wait_for_function(PAINTED, timeout=60_000)
        boxes = page.evaluate(BOXES)
        sideways = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        printed_header = None
        if stylesheets:
            page.emulate_media(media="print")       # the stylesheets' print rules, which the inline ones leave out
            printed_header = page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).display")
        return boxes, sideways, printed_header
    finally:
        context.close()


def compare(url: str, first, final) -> None:
    assert len(first) > 20, (url, first)
    differ = [(a, b) for a, b in zip(first, final, strict=False) if a != b]   # both lengths said below
    assert not differ and len(first) == len(final), f"{url}: first paint vs. loaded: {differ[:5]} ({len(first)} vs {len(final)} elements)"


@pytest.mark.parametrize("size", WIDTHS, ids=["360", "1280"])
def test_a_step_page_paints_first_as_it_ends(browser, base, size):
    url = f"{base}/steps/3.html"
    first, sideways, _ = first_screen(browser, url, size, stylesheets=False)
    final, _, printed_header = first_screen(browser, url, size, stylesheets=True)
    compare(url, first, final)
    assert sideways <= 0, f"{url}: scrolls sideways by {sideways} px on its first paint"
    assert printed_header == "none", "Material's stylesheet did not apply: its print rules hide the header"


@pytest.mark.parametrize("path", ["ur/steps/3.html", "fr/assessment/module-a.html"])
def test_a_translated_page_paints_first_as_it_ends(browser, full_server, path):
    """Right to left (the Urdu test overlay) and a tool's page, with the language menu."""
    url = f"{full_server}/{path}"
    first, sideways, _ = first_screen(browser, url, WIDTHS[0], stylesheets=False)
    final, _, _ = first_screen(browser, url, WIDTHS[0], stylesheets=True)
    compare(url, first, final)
    assert sideways <= 0, url
