"""Search keywords (content/search/keywords.yml, ours) find their passage without being shown,
a keyword naming a passage that does not exist is reported with file, line and field, and stop
words typed in a query no longer match every word that begins with them."""
from __future__ import annotations

import json
import re

KEYWORDS = "search/keywords.yml"


def _index(site) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_keywords_reach_the_offline_index_and_only_their_own_field(site, content):
    """The offline copy searches search_index.js, which Material's offline plugin makes from the
    JSON after our hook: both carry the keywords, and titles and texts stay the pages' own."""
    docs = _index(site)
    inline = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert json.loads(inline.removeprefix("var __index = "))["docs"] == docs
    with_words = [d for d in docs if "keywords" in d]
    # Each entry names its passage by ids alone; entries naming the same one share a document.
    named = {(e.task, e.heading, e.step, e.principles, e.principle, e.term, e.box, e.chapter, e.section)
             for e in content.search_keywords.keywords}
    assert len(with_words) == len(named)
    for doc in with_words:
        # A keyword adds a word the passage does not use: one it uses would only weigh it twice.
        words = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}").lower()
        used = [w for w in doc["keywords"] if re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", words)]
        assert not used, f"{doc['location']}: already in the passage: {used}"


