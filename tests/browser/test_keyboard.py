"""The main journeys with the keyboard alone, in Chromium."""
from __future__ import annotations

from stored import ASSESSMENT_PREFIX, NEWEST_IS


def tab_to(page, predicate_js: str, limit: int = 80) -> bool:
    """Press Tab until the focused element matches; False if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return !!e && ({predicate_js}); }})()"):
            return True
    return False


def test_skip_link_then_into_the_content(page, server):
    page.goto(f"{server}/steps/3.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    assert tab_to(page, "e.closest('article') !== null")


def test_find_a_task_with_search_and_open_it(page, server):
    page.goto(f"{server}/index.html")
    page.keyboard.press("/")  # Material's shortcut to the search box
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    for _ in range(30):
        page.keyboard.press("Control+A")
        page.keyboard.type("task 9.2")
        page.wait_for_timeout(500)
        if page.locator(".md-search-result__item").count():
            break
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/steps/9.html*")


def test_answer_an_assessment_question_with_the_keyboard(page, server):
    page.goto(f"{server}/assessment/module-a.html")
    assert tab_to(page, "e.type === 'radio' && e.name === 'q-1.1-1'")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")  # radio groups move with the arrow keys
    page.wait_for_function("() => document.getElementById('assessment-status').textContent.startsWith('Saved')")
    chosen = page.locator("input[name='q-1.1-1']:checked").get_attribute("value")
    assert chosen in ("partly", "fully", "not-in-place")
    assert tab_to(page, "e.tagName === 'SUMMARY'", limit=10)   # the note is behind a disclosure
    page.keyboard.press("Enter")
    assert tab_to(page, "e.getAttribute('data-field') === 'note'", limit=3)
    page.keyboard.type("Discussed at the kick-off")
    page.wait_for_function(NEWEST_IS, arg=[ASSESSMENT_PREFIX, "q-1.1-1", "note", "Discussed at the kick-off"])
    page.reload()
    assert page.locator("[data-question='q-1.1-1'] [data-field=note]").input_value() == "Discussed at the kick-off"


def test_filter_the_case_library_with_the_keyboard(page, server):
    page.goto(f"{server}/cases/index.html")
    assert tab_to(page, "e.name === 'country'")
    page.keyboard.press("ArrowDown")  # the first country
    page.wait_for_url("**#country=*")
    assert page.locator(".case-card:not([hidden])").count() < 13


def test_diagram_links_take_keyboard_focus(page, server):
    page.goto(f"{server}/modules/b.html")
    assert tab_to(page, "e.closest('svg.diagram--module') !== null", limit=200)
    page.keyboard.press("Enter")
    page.wait_for_url("**/steps/4.html*")
