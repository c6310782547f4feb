"""guidelines.json: the structure of the guidelines with stable IDs and addresses, for course platforms."""
from __future__ import annotations

from typing import Required, TypedDict

from ..content import ids, inline
from ..content.load import Content
from ..content.model import ListBlock, Module, Step, Task
from ..project import build_date, version
from ..site import urls
from ..site.places import box_placements, citations

SCHEMA_VERSION = 1


class ItemRecord(TypedDict, total=False):
    """A list item in guidelines.json, with its sub-items if it has any."""

    id: Required[str]
    number: Required[str | None]
    label: Required[str | None]
    text: Required[str | None]
    url: Required[str]
    items: list[ItemRecord]


def _items(lst: ListBlock, owner: str, page: str, position: tuple[str, ...] = ()) -> list[ItemRecord]:
    out = []
    for entry in ids.entries(lst, owner, position):
        item = entry.item
        record: ItemRecord = {
            "id": entry.id,
            "number": item.n,
            "label": inline.plain(item.label) if item.label else None,
            "text": inline.plain(item.text) if item.text else None,
            "url": f"{page}#{urls.item_anchor(entry.id)}",
        }
        if item.list:
            record["items"] = _items(item.list, owner, page, entry.position)
        out.append(record)
    return out


def task_items(task: Task, page: str) -> list[ItemRecord]:
    return [record for lst in ids.task_lists(task) for record in _items(lst, task.id, page)]


def _step_json(step: Step) -> dict[str, object]:
    spage = urls.step_path(step.id)
    return {
        "id": step.id,
        "title": step.title,
        "url": spage,
        "tasks": [{
            "id": task.id,
            "title": task.title,
            "url": f"{spage}#{urls.task_anchor(task.id)}",
            "items": task_items(task, spage),
        } for task in step.tasks],
    }


def _module_json(module: Module) -> dict[str, object]:
    mpage = urls.module_path(module.id)
    return {
        "id": module.id,
        "title": module.title,
        "url": mpage,
        "outcomes": _items(ListBlock(style="lettered", items=module.outcomes.items), f"{module.id}.outcomes", mpage),
        "key_principles": [{
            "id": group.id,
            "title": group.title,
            "url": f"{mpage}#{urls.principle_anchor(group.id)}",
        } for group in module.key_principles.groups],
        "steps": [_step_json(step) for step in module.steps],
    }


def _cases_json(content: Content) -> list[dict[str, object]]:
    placed = box_placements(content)
    cited = citations(content)
    return [{
        "id": case.id,
        "title": inline.plain(case.title),
        "url": urls.case_path(case.id),
        "countries": case.editorial.countries,
        "printed_in": placed[case.id].target,
        "cited_in": [place.target for place in cited.get(("box", case.id), [])],
    } for case in content.cases]


def guidelines_json(content: Content) -> dict[str, object]:
    modules = [_module_json(module) for module in content.modules]
    cases = _cases_json(content)
    chapters = [{
        "id": chapter.id,
        "label": chapter.label,
        "title": inline.plain(chapter.title),
        "url": urls.chapter_path(chapter.id),
    } for chapter in content.chapters]
    pub = content.publication
    return {
        "schema_version": SCHEMA_VERSION,
        "version": version(),
        "content_version": content.fingerprint(),
        "build_date": build_date(),
        "publication": {
            "title": pub.title,
            "subtitle": pub.subtitle,
            "isbn_print": pub.isbn_print,
            "isbn_online": pub.isbn_online,
            "copyright": pub.copyright,
            "terms": "Reproduction for education or other non-commercial purposes is authorized provided the source is fully acknowledged.",
        },
        "urls_are_relative_to": "the site root (index.html)",
        "modules": modules,
        "cases": cases,
        "chapters": chapters,
    }
