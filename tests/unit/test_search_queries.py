"""The table of practitioners' queries is well formed."""
from __future__ import annotations

import yaml
from browsing import PRACTITIONERS, load_queries

from macros.project import ROOT


def test_query_table_is_large_enough_and_well_formed():
    queries = load_queries()
    assert len(queries) >= 25
    assert len({q["q"] for q in queries}) == len(queries), "duplicate query"


def test_practitioners_questions_are_forty_or_more_and_apart_from_the_keywords():
    queries = load_queries(PRACTITIONERS)
    assert len(queries) >= 40 and len({q["q"] for q in queries}) == len(queries)
    for must in ("how do we choose partners", "conflict between partners", "why partnerships fail",
                 "memorandum of understanding"):
        assert must in {q["q"] for q in queries}
    # Kept apart: no question is typed into the keywords whole (they would then measure themselves).
    keywords = yaml.safe_load((ROOT / "content" / "search" / "keywords.yml").read_text(encoding="utf-8"))["keywords"]
    words = {w.lower() for entry in keywords for w in entry["editorial_words"]}
    fitted = [q["q"] for q in queries if q["q"].lower() in words]
    assert not fitted, f"questions copied into the keywords whole: {fitted}"
