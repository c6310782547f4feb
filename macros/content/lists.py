"""The publication's lists that worksheets use as they are (risk areas, rewards, scaling
dimensions...): one resolver, used by the checks, the pages and the Word and Excel files, so
that a list is never retyped and a reference to a missing one fails the check."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from . import inline
from .ids import entries, task_lists
from .model import Case, ListBlock, ListRef, ListWrap, ParaBlock, Task


@dataclass(frozen=True)
class Row:
    """One item of a referenced list, as a worksheet row: its stable ID and its text."""

    id: str
    n: str | None
    label: str | None
    text: str

    @property
    def plain(self) -> str:
        """The row's name in plain text: the run-in heading if printed, else the item's text."""
        return inline.plain(self.label) if self.label else inline.plain(self.text)


def _find(lists: list[ListBlock], list_id: str | None) -> ListBlock | None:
    return next((lst for lst in lists if lst.id == list_id), None)


def resolve(ref: ListRef, tasks: Mapping[str, Task], cases: Mapping[str, Case]) -> tuple[list[Row] | None, str | None]:
    """The rows a ListRef stands for, or (None, what is wrong)."""
    if ref.task and not ref.box:
        if ref.task not in tasks:
            return None, f"task {ref.task} does not exist"
        owner, lists = ref.task, task_lists(tasks[ref.task])
    elif ref.box and not ref.task:
        if ref.box not in cases:
            return None, f"box {ref.box} does not exist"
        owner = ref.box
        lists = [b.list for b in cases[ref.box].blocks if isinstance(b, ListWrap)]
    else:
        return None, "a list reference needs exactly one of: task, box"
    where = f"{'task' if ref.task else 'box'} {owner}"
    lst = _find(lists, ref.list)
    if lst is None:
        return None, f"{where} has no list {ref.list!r}" if ref.list else f"{where} has no main list"
    found = entries(lst, owner)
    if ref.under:
        parent = next((e for e in found if e.id == ref.under), None)
        if parent is None or parent.item.list is None:
            return None, f"{where} has no item {ref.under!r} with sub-items"
        found = entries(parent.item.list, owner, parent.position)
    return [Row(e.id, e.item.n, e.item.label, e.item.text or "") for e in found], None


def paragraph(task: Task, position: int) -> str | None:
    """The task's n-th paragraph (from 1), or None."""
    paras = [b.p for b in task.blocks if isinstance(b, ParaBlock)]
    return paras[position - 1] if 0 < position <= len(paras) else None


def task_of(source: str) -> str:
    """'3.2.rewards.a' -> '3.2'."""
    return ".".join(source.split(".")[:2])
