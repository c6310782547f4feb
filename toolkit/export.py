"""guidelines.json: the structure of the guidelines with stable IDs and addresses, for course platforms."""
from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path

from . import inline, urls
from .content import Content
from .model import ListBlock, _block_kind

SCHEMA_VERSION = 1
PROJECT = Path(__file__).resolve().parent.parent


def version() -> str:
    return (PROJECT / "VERSION").read_text(encoding="utf-8").strip()


def build_date() -> str:
    """Today (UTC), or SOURCE_DATE_EPOCH's date for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.date().isoformat()


def content_version(content: Content) -> str:
    """A fingerprint of the content files: changes whenever any guideline text changes."""
    digest = hashlib.sha256()
    for rel in sorted(content.files):
        digest.update(rel.encode())
        digest.update(content.files[rel].path.read_bytes())
    return digest.hexdigest()[:12]


def _items(lst: ListBlock, owner: str, page: str, position: list) -> list[dict]:
    out = []
    for index, item in enumerate(lst.items, start=1):
        here = position + [item.n or str(index)]
        ident = ".".join([owner] + ([lst.id] if lst.id else []) + here)
        entry = {
            "id": ident,
            "number": item.n,
            "label": inline.plain(item.label) if item.label else None,
            "text": inline.plain(item.text) if item.text else None,
            "url": f"{page}#{urls.item_anchor(ident)}",
        }
        if item.list:
            entry["items"] = _items(item.list, owner, page, here)
        out.append(entry)
    return out


def _task_items(task, page: str) -> list[dict]:
    out = []
    for block in task.blocks:
        if _block_kind(block) == "list":
            out.extend(_items(block.list, task.id, page, []))
    return out


def guidelines_json(content: Content, renderer) -> dict:
    placed = renderer.placed_boxes
    cited = renderer.cited
    modules = []
    for module in content.modules:
        mpage = urls.module_path(module.id)
        steps = []
        for step in module.steps:
            spage = urls.step_path(step.id)
            steps.append({
                "id": step.id,
                "title": step.title,
                "url": spage,
                "tasks": [{
                    "id": task.id,
                    "title": task.title,
                    "url": f"{spage}#{urls.task_anchor(task.id)}",
                    "items": _task_items(task, spage),
                } for task in step.tasks],
            })
        modules.append({
            "id": module.id,
            "title": module.title,
            "url": mpage,
            "outcomes": _items(ListBlock(style="lettered", items=module.outcomes.items), f"{module.id}.outcomes", mpage, []),
            "key_principles": [{
                "id": group.id,
                "title": group.title,
                "url": f"{mpage}#{urls.principle_anchor(group.id)}",
            } for group in module.key_principles.groups],
            "steps": steps,
        })
    cases = [{
        "id": case.id,
        "title": inline.plain(case.title),
        "url": urls.case_path(case.id),
        "countries": case.editorial.countries,
        "printed_in": placed[case.id].target,
        "cited_in": [place.target for place in cited.get(("box", case.id), [])],
    } for case in content.cases]
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
        "content_version": content_version(content),
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
