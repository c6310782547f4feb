"""The search box as a reader uses it: open a page, wait for the index, type one query after
another, read the results in the order shown. The query tables' runner, for the tests
(test_search_languages.py) and for `make bench` (bench/search_quality.py)."""
from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

TABLES = Path(__file__).resolve().parent
TOP = 3

# Material renders a result as one task: the count, the list emptied and its first results.
# A change to either, after a query is typed, is that query's result.
_WATCH = """() => {
  window.__searchShown = 0;
  new MutationObserver(() => { window.__searchShown += 1; })
    .observe(document.querySelector('.md-search-result'), { childList: true, subtree: true, characterData: true });
}"""


def load_tables() -> dict[str, list[dict]]:
    """Every language's queries: English's (search_queries.yml) and the translations'
    (search_queries_languages.yml), each {q, expect}."""
    english = yaml.safe_load((TABLES / "search_queries.yml").read_text(encoding="utf-8"))["queries"]
    others = yaml.safe_load((TABLES / "search_queries_languages.yml").read_text(encoding="utf-8"))["languages"]
    tables = {"en": english, **others}
    for code, table in tables.items():
        for n, entry in enumerate(table, 1):
            if set(entry) != {"q", "expect"} or not entry["expect"]:
                raise ValueError(f"search queries, {code}, query {n}: needs exactly 'q' and a non-empty 'expect' list")
    return tables


def load_practitioners() -> list[dict]:
    """Practitioners' own questions (search_queries_practitioners.yml): written before reading the
    passages and kept apart from the search keywords, so that the keywords are measured, not fitted."""
    table = yaml.safe_load((TABLES / "search_queries_practitioners.yml").read_text(encoding="utf-8"))["queries"]
    for n, entry in enumerate(table, 1):
        if set(entry) != {"q", "expect"} or not entry["expect"]:
            raise ValueError(f"practitioners' questions, query {n}: needs exactly 'q' and a non-empty 'expect' list")
    return table


def open_search(page, root: str) -> float:
    """Open the language's home page and its search; return once the index is ready, with the
    seconds it took from the click."""
    page.goto(f"{root}/index.html")
    meta = page.locator(".md-search-result__meta")
    loading = meta.text_content()   # "Initializing search", in the page's language
    start = time.perf_counter()
    page.locator(".md-search__input").first.click()
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent !== t",
                           arg=loading, timeout=30000)
    ready = time.perf_counter() - start
    page.evaluate(_WATCH)
    return ready


def shown(page, root: str, query: str) -> list[list[str]]:
    """The results for `query`, typed into the box (each query of a run must differ from the one
    before: Material searches only a changed value), as addresses relative to the language's
    root: per result, the page and the passages shown under it (not those folded under "more")."""
    page.evaluate("() => { window.__searchShown = 0; }")
    page.locator("input.md-search__input").fill(query)
    page.wait_for_function("() => window.__searchShown > 0", timeout=15000)
    return [[relative(href, root) for href in links] for links in page.eval_on_selector_all(
        ".md-search-result__item", "items => items.map(li => [...li.querySelectorAll(':scope > a')].map(a => a.href))")]


def lacking(page, top: int = TOP) -> int:
    """How many of the first results shown say "Missing:" (a word of the query they lack)."""
    return page.eval_on_selector_all(
        ".md-search-result__item",
        "(items, top) => items.slice(0, top).filter(li => li.querySelector(':scope > a .md-search-result__terms')).length",
        top)


def relative(href: str, root: str) -> str:
    parts, base = urlsplit(href), urlsplit(root.rstrip("/") + "/")
    path = parts.path[len(base.path):] if parts.path.startswith(base.path) else parts.path
    return path + (f"#{parts.fragment}" if parts.fragment else "")


def found(results: list[list[str]], expect: list[str], top: int = TOP) -> bool:
    return any(_matches(link, e) for result in results[:top] for link in result for e in expect)


def rank_of(results: list[list[str]], expect: list[str]) -> int | None:
    """The position (from 1) of the first result holding an expected address."""
    return next((n for n, result in enumerate(results, 1) if found([result], expect, 1)), None)


def _matches(link: str, expected: str) -> bool:
    """A page address accepts any passage of the page; an address with an anchor, only itself."""
    return link == expected if "#" in expected else link.split("#")[0] == expected
