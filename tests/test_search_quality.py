"""Search that finds guidance: a table of practitioners' queries (tests/search_queries.yml) run
through the real search box, with the hit rate reported and held above a floor."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml

QUERIES = Path(__file__).with_name("search_queries.yml")
TOP = 3
FLOOR = 0.96   # share of queries with an expected result in the first TOP results (measured: 52 of 53)


def load_queries() -> list[dict]:
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    queries = data["queries"]
    for n, entry in enumerate(queries, 1):
        if set(entry) != {"q", "expect"} or not entry["expect"]:
            raise ValueError(f"{QUERIES.name}: query {n}: needs exactly 'q' and a non-empty 'expect' list")
    return queries


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


def matches(result: str, expected: str) -> bool:
    if "#" in expected:
        return result == expected
    return result.split("#")[0] == expected


def run_table(page, base: str) -> list[tuple[str, list[str], list[str], bool]]:
    page.goto(f"{base}/index.html")
    page.locator(".md-search__input").first.click()
    # The index loads in a web worker: the first query waits for it.
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim() !== "
                           "'Initializing search'", timeout=30000)
    rows = []
    for entry in load_queries():
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


def test_query_table_is_large_enough_and_well_formed():
    queries = load_queries()
    assert len(queries) >= 25
    assert len({q["q"] for q in queries}) == len(queries), "duplicate query"


def test_search_puts_the_guidance_first_for_the_query_table(page, server):
    rows = run_table(page, server)
    text = report(rows)
    print("\n" + text)
    rate = sum(r[3] for r in rows) / len(rows)
    assert rate >= FLOOR, text


def test_chrome_is_out_of_the_index_and_each_term_and_task_is_an_entry(site, content):
    import json

    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for doc in docs:
        for chrome in ("You are at", "Checklist for task", "Filter the cases", "Copy link", "Text version of figure"):
            assert chrome not in doc["text"], f"{doc['location']}: {chrome!r} in the index"
    where = {doc["location"]: doc for doc in docs}
    for task in content.tasks:
        step = task.id.split(".")[0]
        entry = where[f"steps/{step}.html#task-{task.id.replace('.', '-')}"]
        assert entry["title"].startswith(f"Task {task.id}:") and not entry["text"].startswith("<p>Checklist")
    for term in content.glossary.terms:
        assert where[f"glossary.html#term-{term.id}"]["text"], term.id
    assert where["steps/3.html"]["boost"] > where.get("modules/a.html", {}).get("boost", 1) > where["cases/index.html"]["boost"]
