"""Search that finds guidance: the table of practitioners' queries (tests/search_queries.yml) run through the real search box."""
from __future__ import annotations

from browsing import INDEX_POLL, load_queries, ranked_results

TOP = 3


FLOOR = 0.96   # share of queries with an expected result in the first TOP results (measured: 52 of 53)


def matches(result: str, expected: str) -> bool:
    if "#" in expected:
        return result == expected
    return result.split("#")[0] == expected


def run_table(page, base: str, path=None) -> list[tuple[str, list[str], list[str], bool]]:
    page.goto(f"{base}/index.html")
    page.locator(".md-search__input").first.click()
    # The index loads in a web worker: the first query waits for it.
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim() !== "
                           "'Initializing search'", timeout=30000, polling=INDEX_POLL)
    rows = []
    for entry in (load_queries(path) if path else load_queries()):
        results = ranked_results(page, entry["q"])
        hit = any(matches(link, e) for result in results[:TOP] for link in result for e in entry["expect"])
        rows.append((entry["q"], entry["expect"], [" ".join(r) for r in results[:TOP]], hit))
    return rows


def report(rows) -> str:
    lines = [f"{'query':34} {'hit':4} top {TOP}"]
    for query, expect, top, hit in rows:
        lines.append(f"{query[:34]:34} {'yes' if hit else 'NO':4} {' | '.join(top)}" + ("" if hit else f"   (expected {', '.join(expect)})"))
    rate = sum(r[3] for r in rows) / len(rows)
    lines.append(f"hit rate: {sum(r[3] for r in rows)}/{len(rows)} = {rate:.0%} in the top {TOP}")
    return "\n".join(lines)


def test_search_puts_the_guidance_first_for_the_query_table(page, server):
    rows = run_table(page, server)
    text = report(rows)
    print("\n" + text)
    rate = sum(r[3] for r in rows) / len(rows)
    assert rate >= FLOOR, text
