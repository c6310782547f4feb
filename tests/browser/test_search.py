"""What a reader does in a real browser (Chromium): search, follow links, move between steps."""
from __future__ import annotations

from browsing import search, search_without_a_key


def test_search_finds_a_task_by_its_number(page, server):
    hrefs = search(page, server, "task 3.2")
    assert any(h.endswith("steps/3.html#task-3-2") for h in hrefs[:5]), hrefs[:10]


def test_a_pasted_query_is_searched_without_a_key_press(page, base):
    hrefs = search_without_a_key(page, base, "Mongolia")
    assert any(h.endswith("cases/iv-11.html") for h in hrefs[:5]), hrefs[:10]


def test_search_finds_a_case_by_its_country(page, server):
    hrefs = search(page, server, "Mongolia")
    assert any(h.endswith("cases/iv-11.html") for h in hrefs[:5]), hrefs[:10]


def test_clicking_a_search_result_opens_the_task(page, server):
    search(page, server, "assess rewards and risks")
    page.locator(".md-search-result__item a[href*='steps/3.html'][href$='#task-3-2']").first.click()
    page.wait_for_url("**/steps/3.html*#task-3-2")
    assert page.locator("h2#task-3-2").is_visible()


def test_a_course_link_to_a_task_lands_on_it(page, server):
    page.goto(f"{server}/steps/8.html#task-8-2")
    heading = page.locator("h2#task-8-2")
    assert heading.is_visible()
    assert heading.inner_text().startswith("Task 8.2: Monitoring partnership processes")


def test_reader_walks_from_a_module_to_a_case_and_back(page, server):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server}/modules/a.html")
    page.get_by_role("link", name="3.1 Map partners' resources").click()
    page.wait_for_url("**/steps/3.html#task-3-1")
    page.locator("aside#box-iv-3 .case-box__label a").click()
    page.wait_for_url("**/cases/iv-3.html")
    assert "Angat Buhay" in page.locator("article").inner_text()
    page.get_by_role("link", name="Task 3.1: Map partners' resources").first.click()
    page.wait_for_url("**/steps/3.html#task-3-1")
    page.get_by_role("link", name="Step 4: Planning →").click()
    page.wait_for_url("**/steps/4.html")
    search(page, server, "Viet Nam")
    outside = [u for u in requests if not u.startswith(server)]
    assert not outside, f"the online site requested other hosts: {outside}"


def test_copy_link_button_copies_the_full_address(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(f"{server}/links.html")
        button = page.locator("button.copy-link[data-target='steps/3.html#task-3-2']")
        button.click()
        page.wait_for_function("() => document.querySelector(\"button.copy-link[data-target='steps/3.html#task-3-2']\").dataset.copied === 'true'")
        assert page.evaluate("navigator.clipboard.readText()") == f"{server}/steps/3.html#task-3-2"
        assert "Link copied" in page.locator("#copy-status").text_content()
    finally:
        context.close()
