"""On a phone (360 px wide): no page scrolls sideways, links in the step strip and diagrams
are touch targets of at least 44 x 44 px (WCAG 2.5.5), and diagram text is at least 12 px."""
from __future__ import annotations

import pytest

PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def built_pages(site) -> list[str]:
    # The light pages (light/) have a test of their own at this width (tests/browser/test_light_pages_in_the_browser.py).
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "light")


def test_no_page_scrolls_sideways_at_360_px(phone, server, site):
    wide = []
    pages = built_pages(site)
    assert len(pages) > 70
    for path in pages:
        phone.goto(f"{server}/{path}")
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            culprit = phone.evaluate("""w => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > w + 1 && getComputedStyle(e).position !== 'fixed')
                .slice(-1).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))[0]""", PHONE["width"])
            wide.append(f"{path}: {width} px ({culprit})")
    assert not wide, "pages wider than a 360 px phone:\n" + "\n".join(wide)


def small_targets(page, selector: str) -> list[str]:
    boxes = page.eval_on_selector_all(selector, """els => els
        .filter(e => e.getClientRects().length)
        .map(e => { const r = e.getBoundingClientRect(); return [e.getAttribute('href') || e.textContent.trim(), Math.round(r.width), Math.round(r.height)]; })""")
    assert boxes, f"nothing visible matches {selector}"
    return [f"{name}: {w}x{h}" for name, w, h in boxes if w < 44 or h < 44]


def test_step_strip_links_are_44_px_touch_targets(phone, server):
    phone.goto(f"{server}/steps/5.html")
    assert not small_targets(phone, ".you-are-here a, .you-are-here [aria-current]")
    assert phone.locator(".you-are-here [aria-current='step']:visible").inner_text().endswith("5")


def test_module_diagram_links_are_44_px_touch_targets(phone, server):
    for module in "abcde":
        phone.goto(f"{server}/modules/{module}.html")
        assert not small_targets(phone, "svg.diagram--module a"), module


def test_diagram_text_is_at_least_12_px(phone, server):
    for path in ("modules/a.html", "modules/e.html", "chapters/i.html", "steps/3.html"):
        phone.goto(f"{server}/{path}")
        # Text in an SVG is drawn at its font size times the drawing's scale on screen.
        sizes = phone.eval_on_selector_all("svg.diagram text", """els => els
            .filter(e => e.getClientRects().length && e.textContent.trim())
            .map(e => parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM().a)""")
        small = [round(s, 1) for s in sizes if s < 12]
        assert not small, f"{path}: diagram text below 12 px: {small[:5]}"
