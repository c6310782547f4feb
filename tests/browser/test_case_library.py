"""The case library's filters and the diagrams in Chromium."""
from __future__ import annotations

import re

import pytest

from macros.site import urls


def visible_cases(page):
    return sorted(c.get_attribute("id") for c in page.locator(".case-card").all() if c.is_visible())


def expected(content, predicate):
    return sorted(f"case-{urls.slug(c.id)}" for c in content.cases if predicate(c))


# Read off the publication, not computed by the code under test (macros.site.places.case_scope):
# box IV.6 is printed in step 8 of module C and cited there ("see box IV.6"); box IV.12 (the Pulse
# Polio programme) speaks to every module in sections of its own, module C among them.
MODULE_C = ["IV.12", "IV.6"]
MODULE_C_STEP_8 = ["IV.6"]


def cards(ids):
    return sorted(f"case-{urls.slug(i)}" for i in ids)


def test_case_filters_show_exactly_the_matching_cases(page, server, content):
    page.goto(f"{server}/cases/index.html")
    assert len(visible_cases(page)) == 13
    page.select_option("select[name=country]", "India")
    assert visible_cases(page) == expected(content, lambda c: "India" in c.editorial.countries)
    assert "#country=India" in page.url
    page.select_option("select[name=country]", "")
    page.select_option("select[name=module]", "C")
    assert visible_cases(page) == cards(MODULE_C)
    page.select_option("select[name=step]", "8")
    assert visible_cases(page) == cards(MODULE_C_STEP_8)
    assert re.search(r"#module=C&step=8$", page.url)
    page.click("form[data-case-filters] button[type=reset]")
    page.wait_for_function("() => document.querySelectorAll('.case-card:not([hidden])').length === 13")


def test_a_course_link_restores_the_filter(page, server, content):
    page.goto(f"{server}/cases/index.html#module=C")
    assert page.locator("select[name=module]").input_value() == "C"
    want = cards(MODULE_C)
    assert visible_cases(page) == want
    assert page.locator("#case-count").inner_text() == f"{len(want)} of 13 cases match."
    page.goto(f"{server}/cases/index.html#theme=scaling-up&sdg=17")
    assert visible_cases(page) == expected(content, lambda c: "scaling-up" in c.editorial.themes and 17 in c.editorial.sdgs)


def test_without_javascript_every_case_is_listed(browser, server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{server}/cases/index.html#module=C")
        assert len(visible_cases(page)) == 13
        assert not page.locator("form[data-case-filters]").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_diagrams_render_at_phone_and_desktop_widths(browser, server, tmp_path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{server}/modules/c.html#steps-and-tasks")
        box = page.locator("svg.diagram--module").bounding_box()
        assert box and box["width"] <= width and box["height"] > 200
        page.screenshot(path=str(tmp_path / f"module-c-{width}.png"))
        page.goto(f"{server}/chapters/ii.html#figure-ii-2")
        framework = page.locator("svg.diagram--framework")
        text_version = page.locator(".fig-text--narrow")
        if width < 600:
            assert not framework.is_visible() and text_version.is_visible()  # readable on a phone
        else:
            assert framework.is_visible() and not text_version.is_visible()
    finally:
        context.close()
