"""A task's checklist items in the order printed, as the tests read them."""
from __future__ import annotations

from macros.outputs.guidelines_json import task_items


def flat_items(task):
    todo, out = task_items(task, ""), []
    while todo:
        item = todo.pop(0)
        out.append(item)
        todo[:0] = item.get("items", [])
    return out
