"""The one rule for list item IDs, used by the pages, the checklists, guidelines.json and the checks.

An item's ID is its owner (a task, or a module's outcomes), the list's own id for a second
list in the same task, then the item's number as printed (or its position when the list is
bulleted), level by level: '3.1.2', '3.2.rewards.a', '1.4.1.a', 'A.outcomes.b'.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Required, TypedDict

from .model import Item, ListBlock, ListWrap, Task


@dataclass(frozen=True)
class Entry:
    """An item of a list with its stable ID and the position its sub-items continue from."""

    item: Item
    id: str
    position: tuple[str, ...]


class ListData(TypedDict, total=False):
    """A list built in a template rather than read from the content (a module's outcomes)."""

    items: Required[list[Item]]
    id: str | None
    style: str


def item_id(owner: str, list_id: str | None, position: Sequence[str]) -> str:
    return ".".join([owner, *([list_id] if list_id else []), *(str(p) for p in position)])


def entries(lst: ListBlock | ListData, owner: str, position: Sequence[str] = ()) -> list[Entry]:
    """The items of one list level with their IDs (a dict is accepted for lists built in templates)."""
    items = lst["items"] if isinstance(lst, dict) else lst.items
    list_id = lst.get("id") if isinstance(lst, dict) else lst.id
    out = []
    for index, item in enumerate(items, start=1):
        here = (*position, item.n or str(index))
        out.append(Entry(item, item_id(owner, list_id, here), here))
    return out


def walk(lst: ListBlock, owner: str, position: tuple[str, ...] = ()) -> Iterator[Entry]:
    """Every item of a list and of its sub-lists, depth first."""
    for entry in entries(lst, owner, position):
        yield entry
        if entry.item.list:
            yield from walk(entry.item.list, owner, entry.position)


def task_lists(task: Task) -> list[ListBlock]:
    return [block.list for block in task.blocks if isinstance(block, ListWrap)]


def task_item_ids(task: Task) -> set[str]:
    return {entry.id for lst in task_lists(task) for entry in walk(lst, task.id)}
