"""Search keywords (content/search/keywords.yml) in the search box."""
from __future__ import annotations

import json
import re

from browsing import ranked_results, relative


def _index(site) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_a_keyword_found_nowhere_in_the_text_finds_its_passage_and_is_not_shown(page, server, site):
    word, target = "fundraising", "steps/6.html#task-6-2"
    docs = _index(site)
    assert not any(word in (d["title"] + d["text"]).lower() for d in docs), f"{word!r} is in the text: pick another"
    assert word in next(d for d in docs if d["location"] == target)["keywords"]
    assert word not in (site / "steps" / "6.html").read_text(encoding="utf-8").lower()

    page.goto(f"{server}/index.html")
    page.locator(".md-search__input").first.click()
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim() !== "
                           "'Initializing search'", timeout=30000)
    results = ranked_results(page, word)
    assert target in results[0], results[:3]
    # What the reader sees for that result is the passage's own text, never our keywords.
    shown = next(text for href, text in page.eval_on_selector_all(
        ".md-search-result__item > a", "links => links.map(a => [a.href, a.innerText])") if relative(href) == target)
    passage = next(d for d in docs if d["location"] == target)["text"]
    first_words = " ".join(re.sub(r"<[^>]+>", " ", passage).split()[:6])
    assert first_words in " ".join(shown.split()) and word not in shown.lower(), shown


def test_stop_words_in_a_query_do_not_drown_its_words(page, server):
    """'of' and 'a' once matched every word beginning with them (Material adds a wildcard and Lunr
    then skips its stop word filter): step 12 was not even in the first eight results."""
    page.goto(f"{server}/index.html")
    page.locator(".md-search__input").first.click()
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim() !== "
                           "'Initializing search'", timeout=30000)
    with_stop_words = ranked_results(page, "termination of a partnership")
    without = ranked_results(page, "termination partnership")
    assert with_stop_words[0] == without[0]
    assert "steps/12.html#task-12-1-termination-of-a-multi-stakeholder-partnership" in with_stop_words[0]
