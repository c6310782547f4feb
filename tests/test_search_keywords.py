"""Search keywords (content/search/keywords.yml, ours) find their passage without being shown,
a keyword naming a passage that does not exist is reported with file, line and field, and stop
words typed in a query no longer match every word that begins with them."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import material
import pytest
from conftest import ROOT
from test_search_quality import ranked_results, relative

from macros.content.load import load
from macros.content.reader import ContentError
from macros.site.search import STOP_WORDS, add_keywords, keyword_target

KEYWORDS = "search/keywords.yml"


def broken_copy(tmp_path, old: str, new: str):
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    path = root / KEYWORDS
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root, path


def line_of(path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize("old,new,field,message", [
    ('task: "6.2"', 'task: "6.9"', "task", "no task '6.9' in the content"),
    ("heading: termination-of-a-multi-stakeholder-partnership", "heading: termination", "heading",
     "task 12.1 has no heading with id 'termination'"),
    ("principle: A.4", "principle: A.9", "principle", "no principle 'A.9' in the content"),
    ('step: "9"', 'term: no-such-term', "term", "no glossary entry 'no-such-term' in the content"),
    ('task: "6.2"', 'task: "6.2"\n    step: "6"', None, "name exactly one passage"),
])
def test_a_keyword_for_a_passage_that_does_not_exist_is_reported_with_file_line_and_field(
        tmp_path, old, new, field, message):
    root, path = broken_copy(tmp_path, old, new)
    with pytest.raises(ContentError) as caught:
        load(root)
    report = caught.value.report()
    line = line_of(path, new.splitlines()[0])
    assert f"content/{KEYWORDS}:{line}: keywords[" in report and message in report, report
    if field:
        assert f"].{field}: {message}" in report, report


def test_stop_words_are_the_ones_materials_search_leaves_out():
    folder = Path(material.__path__[0]) / "templates" / "assets" / "javascripts" / "workers"
    source = next(folder.glob("search.*.min.js")).read_text(encoding="utf-8")
    found = re.search(r"generateStopWordFilter\(\[([^\]]*)\]\)", source)
    assert found, "Material's search worker no longer holds Lunr's stop word list"
    assert list(STOP_WORDS) == json.loads(f"[{found.group(1)}]")


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


def test_keywords_reach_the_offline_index_and_only_their_own_field(site, content):
    """The offline copy searches search_index.js, which Material's offline plugin makes from the
    JSON after our hook: both carry the keywords, and titles and texts stay the pages' own."""
    docs = _index(site)
    inline = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert json.loads(inline.removeprefix("var __index = "))["docs"] == docs
    with_words = [d for d in docs if "keywords" in d]
    assert len(with_words) == len({keyword_target(e) for e in content.search_keywords.keywords})
    for doc in with_words:
        # A keyword adds a word the passage does not use: one it uses would only weigh it twice.
        words = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}").lower()
        used = [w for w in doc["keywords"] if re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", words)]
        assert not used, f"{doc['location']}: already in the passage: {used}"


def test_a_keyword_for_a_passage_search_leaves_out_is_returned_not_dropped(content):
    entry = content.search_keywords.keywords[0]
    index = {"docs": [{"location": "index.html", "title": "Home", "text": ""}]}
    assert add_keywords(index, content.search_keywords.model_copy(update={"keywords": [entry]})) == [keyword_target(entry)]
    assert "keywords" not in index["docs"][0]
