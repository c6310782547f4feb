"""What the browser tests do as a reader does: search as typed or pasted, the requests that
failed, axe-core's rules and its report."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml


def search(page, base, query: str) -> list[str]:
    """Type a query as a reader would, on the site at `base` (http://... or file://...); return
    the result links without the highlight query."""
    page.goto(f"{base}/index.html")
    page.locator(".md-search__input").first.click()
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item a")
    # The index loads in a web worker; a query typed before it is ready is answered once it is.
    for _ in range(30):
        box.fill("")
        box.press_sequentially(query)
        page.wait_for_timeout(500)
        if results.count():
            break
    return [strip_highlight(a.get_attribute("href")) for a in results.all()]


# Waiting for a search index to be built (a second or more), a check at every animation frame
# makes Chromium draw frames for nothing: ten checks a second cost a tenth of the CPU.
INDEX_POLL = 100


def search_without_a_key(page, base, query: str) -> list[str]:
    """Enter a query as pasted text or an input method's committed text arrives: one input
    event, no key released, once the index is ready (so readiness cannot run the search)."""
    page.goto(f"{base}/index.html")
    page.locator(".md-search__input").first.click()
    page.wait_for_function("() => !/^\\s*$|Initializing/i.test("
                           "document.querySelector('.md-search-result__meta').textContent)", timeout=30000,
                           polling=INDEX_POLL)
    page.keyboard.insert_text(query)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10000)
    return [strip_highlight(a.get_attribute("href")) for a in results.all()]


def failed_requests(page) -> list[str]:
    """Every request of the page that fails or is answered with an error, as they happen; but a
    request the previous document made, which going to the next page cut short (net::ERR_ABORTED
    after the next page was asked for): that is the browser leaving a page, not a page failing. On
    a busy machine, a search still loading in a page from file:// was reported so as the next
    page opened (`test_every_kind_of_page_from_the_unpacked_zip_at_both_widths[th]`)."""
    found: list[str] = []
    # Chromium reports the old document's requests cut short after the next document's own request
    # has begun (and been answered), before the frame says it has navigated: so a document is
    # counted from its request.
    documents = [0]                  # documents the main frame has asked for
    made_in: dict[object, int] = {}  # each request: the document it was made in

    def made(request) -> None:
        if request.is_navigation_request() and request.frame == page.main_frame:
            documents[0] += 1
        made_in[request] = documents[0]

    page.on("request", made)

    def failed(request) -> None:
        left_behind = (request.failure == "net::ERR_ABORTED" and not request.is_navigation_request()
                       and made_in.get(request, documents[0]) < documents[0])
        if not left_behind:
            found.append(f"{request.url}: {request.failure}")

    page.on("requestfailed", failed)
    page.on("response", lambda response: response.status >= 400 and found.append(f"{response.url}: {response.status}"))
    return found


def strip_highlight(href: str) -> str:
    path, _, rest = href.partition("?")
    _, _, anchor = rest.partition("#")
    return path + (f"#{anchor}" if anchor else "")


# resultTypes: every violation in full, the passing checks only counted (a third less work).
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
         "resultTypes": ["violations"]}


def report(violations) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
                     for v in violations)


def ranked_results(page, query: str) -> list[list[str]]:
    """The results in the order the search box shows them, each as the site-relative
    addresses of the links it shows."""
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item")
    box.fill("")
    box.press("Backspace")
    results.first.wait_for(state="detached", timeout=15000)
    # Material searches on key events: type the last character as a reader would.
    box.fill(query[:-1])
    box.press_sequentially(query[-1])
    # Results are computed in a worker: wait until the list is there and has stopped changing.
    page.wait_for_function(
        """() => {
          const meta = document.querySelector('.md-search-result__meta').textContent;
          const now = document.querySelector('.md-search-result__list').innerHTML;
          const settled = now === window.__lastResults;
          window.__lastResults = now;
          return settled && (now !== '' || /No matching/i.test(meta));
        }""", polling=300, timeout=15000)
    out = []
    # One result per page; the links shown in it are the page and its best sections
    # (those folded under "more on this page" are not counted).
    for hrefs in page.eval_on_selector_all(
            ".md-search-result__item", "items => items.map(li => [...li.querySelectorAll(':scope > a')].map(a => a.href))"):
        out.append([relative(h) for h in hrefs])
    return out


def relative(href: str) -> str:
    parts = urlsplit(href)
    return parts.path.lstrip("/") + (f"#{parts.fragment}" if parts.fragment else "")


QUERIES = Path(__file__).with_name("search_queries.yml")
# Practitioners' own questions, written before reading the passages, apart from the keywords.
PRACTITIONERS = Path(__file__).with_name("search_queries_practitioners.yml")


def load_queries(path: Path = QUERIES) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = data["queries"]
    for n, entry in enumerate(queries, 1):
        if set(entry) != {"q", "expect"} or not entry["expect"]:
            raise ValueError(f"{path.name}: query {n}: needs exactly 'q' and a non-empty 'expect' list")
    return queries
