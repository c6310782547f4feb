"""The table of practitioners' queries is well formed."""
from __future__ import annotations

from browsing import load_queries


def test_query_table_is_large_enough_and_well_formed():
    queries = load_queries()
    assert len(queries) >= 25
    assert len({q["q"] for q in queries}) == len(queries), "duplicate query"
