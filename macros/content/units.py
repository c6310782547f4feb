"""The publication's units: every text of its modules, case boxes and chapters (a title, a
paragraph, a list item's text, a heading, a box's source...), each with a stable ID.

An official translation is made and checked unit by unit (overlay.py): a translator's file
has one entry per unit with its ID and its English (outputs/units_po.py). A unit's ID is its
file's unit ('case:IV.1', 'module:A', 'chapter:ii') and the field path of its text, where an
element of a list whose elements all have an ID is named by it and any other by its position:
'module:A/steps/3/tasks/3.2/blocks/4/p', 'case:IV.1/title', 'chapter:i/sections/i-a/blocks/0/p'.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from .model import Case, Chapter, FactorBlock, Item, Module
from .reader import FieldPath
from .tree import Content
from .walk import texts

# What a translation can replace, by the folder of its files: the kind of each.
KINDS = {"modules": "module", "cases": "case", "chapters": "chapter"}
# How a translator's file names a list's element named by its ID.
SINGULAR = {"steps": "step", "tasks": "task", "groups": "principles", "sections": "section"}
# How it names a part of a file that holds texts, and what each text is.
PARTS = {"intro": "introduction", "outcomes": "outcomes", "key_principles": "key principles",
         "closing_blocks": "closing text"}
WHAT = {"p": "paragraph", "title": "title", "subtitle": "subtitle", "heading": "heading", "source": "source line",
        "lead": "lead-in", "factor": "factor", "after": "text after the sub-list", "figure_label": "label in the figure"}


@dataclass(frozen=True)
class Unit:
    id: str             # 'case:IV.1/blocks/0/p'
    owner: str          # 'case:IV.1': what one file of a translation replaces
    file: str           # 'cases/IV.1.yml', under the content folder (and a translation's folder)
    path: FieldPath     # ('blocks', 0, 'p') in that file
    text: str           # the text at that place: the English in the publication
    where: str          # for a translator: 'Box IV.1, paragraph'


def _name(model: BaseModel) -> str:
    if isinstance(model, Case):
        return f"Box {model.id}"
    if isinstance(model, Module):
        return f"Module {model.id}"
    return (model.label or model.title) if isinstance(model, Chapter) else ""


def _segments(model: BaseModel, path: FieldPath) -> tuple[list[str], list[str], BaseModel]:
    """The ID's segments of a field path, the words naming where it is, and the model holding the text."""
    segments: list[str] = []
    words: list[str] = []
    here: object = model
    holder = model
    field = ""
    for part in path:
        if isinstance(part, str):
            field = part
            segments.append(part)
            if part in PARTS:
                words.append(PARTS[part])
            if isinstance(here, BaseModel):
                holder = here
            here = getattr(here, part)
            continue
        elements = here if isinstance(here, list) else []
        named = field in SINGULAR and all(_id(e) for e in elements)
        here = elements[part]
        if named:
            segments[-1] = f"{field}/{_id(here)}"
            words.append(f"{SINGULAR[field]} {_id(here)}")
        else:
            segments.append(str(part))
    return segments, words, holder


def _id(obj: object) -> str | None:
    value = getattr(obj, "id", None)
    return value if isinstance(value, str) else None


def of_model(kind: str, model: Module | Case | Chapter, file: str) -> Iterator[Unit]:
    owner = f"{kind}:{model.id}"
    for path, text in texts(model):
        segments, words, holder = _segments(model, path)
        field = str(path[-1])
        if isinstance(holder, Item) and field in ("text", "label"):
            what = "list item" if field == "text" else "list item's heading"
        else:
            what = "factor's text" if isinstance(holder, FactorBlock) and field == "text" else WHAT.get(field, field)
        yield Unit(f"{owner}/{'/'.join(segments)}", owner, file, path, text,
                   ", ".join([_name(model), *words, what]))


def of_content(content: Content) -> list[Unit]:
    """Every unit of the publication, in the order of the publication's parts: chapters,
    modules, case boxes."""
    out: list[Unit] = []
    for sub, models in (("chapters", content.chapters), ("modules", content.modules), ("cases", content.cases)):
        for model in models:
            origin = content.origin_of(model)
            file = origin[0].split("/", 1)[1] if origin else f"{sub}/{model.id}.yml"   # a model built in a test
            out += of_model(KINDS[sub], model, file)
    return out


def holder_of(model: Module | Case | Chapter, path: FieldPath) -> BaseModel:
    """The model that holds the text at `path` (a paragraph block, a list item, the box itself)."""
    return _segments(model, path)[2]
