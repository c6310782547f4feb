"""The search index is loaded when a reader turns to search, not by every page that opens."""
from __future__ import annotations


def index_requests(page) -> list[str]:
    found: list[str] = []
    page.on("request", lambda request: found.append(request.url) if "search/search_index" in request.url else None)
    return found


def test_a_page_read_without_searching_never_loads_the_index(page, base):
    requests = index_requests(page)
    page.goto(f"{base}/steps/3.html")
    page.goto(f"{base}/modules/a.html")
    page.wait_for_timeout(500)
    assert requests == []
    assert page.evaluate("typeof window.__index") == "undefined"


def test_focusing_the_box_loads_the_index_and_a_query_typed_at_once_is_answered(page, base):
    requests = index_requests(page)
    page.goto(f"{base}/index.html")
    page.locator(".md-search__input").first.click()
    # Typed at once, before the index is there: answered as soon as it is ready.
    page.keyboard.type("Mongolia")
    page.locator(".md-search-result__item a[href*='cases/iv-11.html']").first.wait_for(timeout=15000)
    assert len(requests) == 1, requests


def test_the_search_key_on_a_phone_opens_search_and_loads_the_index(browser, base):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        requests = index_requests(page)
        page.goto(f"{base}/steps/3.html")
        page.locator("label.md-header__button[for='__search']").tap()
        page.locator("input.md-search__input").press_sequentially("renewal")
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        assert len(requests) == 1, requests
    finally:
        context.close()


def test_a_result_opened_from_search_highlights_the_words_found(page, base):
    page.goto(f"{base}/index.html")
    page.locator(".md-search__input").first.click()
    page.keyboard.type("memorandum")
    # The results of the whole word (those of "mem", typed on the way, may show first).
    link = page.locator(".md-search-result__item a[href*='steps/3.html?h=memorandum'][href$='#task-3-4']").first
    link.wait_for(timeout=15000)
    link.click()
    page.wait_for_url("**/steps/3.html*")
    page.locator("article mark").first.wait_for(timeout=15000)
    assert page.locator("article mark").first.inner_text().lower() == "memorandum"
