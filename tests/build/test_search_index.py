"""The search index as built: no site chrome in it, and each term and task an entry."""
from __future__ import annotations


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
