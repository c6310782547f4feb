"""A translator's file of the guideline text (python -m macros export-units), read and changed
as a PO editor would, for the tests of official translations (tests/unit and tests/browser)."""
from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from babel.messages.catalog import Message
from babel.messages.pofile import read_po, write_po

LANGUAGE = "th"
# What the translator does to a few units: its translation and the status it gives.
PLAN = {
    "case:IV.2/title": ("ชื่อกรณีศึกษาทดสอบ", "draft"),
    "case:IV.2/blocks/0/p": ("ย่อหน้าทดสอบที่หนึ่ง", "reviewed"),
    "case:IV.2/blocks/1/p": ("ย่อหน้าทดสอบที่สอง", "official"),
}
LIST_ITEM = "module:A/steps/1/tasks/1.1/blocks/0/list/items/0/text"   # and a list item of a step page, as a draft
LIST_ITEM_TEXT = "รายการทดสอบของงาน"


def entries(po: Path) -> list[Message]:
    return [m for m in read_po(io.BytesIO(po.read_bytes())) if m.id]


def rewrite(po: Path, change: Callable[[Message], object]) -> None:
    """The PO file with `change(message)` applied to every entry, written as a PO editor would."""
    catalog = read_po(io.BytesIO(po.read_bytes()))
    for message in catalog:
        if message.id:
            change(message)
    out = io.BytesIO()
    write_po(out, catalog, width=100)
    po.write_bytes(out.getvalue())


def translate(message: Message) -> None:
    """The translator's work: PLAN, and a list item of task 1.1 with no flag (a draft)."""
    context = message.context or ""
    if context in PLAN:
        message.string, status = PLAN[context]
        message.flags.add(status)
    elif context == LIST_ITEM:
        message.string = LIST_ITEM_TEXT


def line_of(po: Path, context: str) -> int:
    return next(m.lineno for m in entries(po) if m.context == context)


def listed_at(translation: Path, unit_id: str) -> tuple[int, int]:
    """The line of a unit's entry in units.yml, and its index."""
    lines = (translation / "units.yml").read_text(encoding="utf-8").split("\n")
    ids = [line for line in lines if line.startswith("- id: ")]
    return lines.index(f"- id: {unit_id}") + 1, ids.index(f"- id: {unit_id}")
