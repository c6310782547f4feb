"""Walking the content models: every text string, every editorial string, every placement."""
from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from .model import BoxRef, FigureRef
from .reader import FieldPath

# Fields that hold identifiers or settings, not text a reader reads.
NOT_TEXT = frozenset({"id", "n", "style", "module", "modules", "kind", "box", "figure", "order"})


def texts(obj: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every text string in a model, with its field path; editorial fields excluded."""
    if isinstance(obj, str):
        yield path, obj
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from texts(value, path + (i,))
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            if name.startswith("editorial") or name in NOT_TEXT:
                continue
            value = getattr(obj, name)
            if value is not None:
                yield from texts(value, path + (name,))


def editorial_texts(obj: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every editorial string (ours, not the publication's) in a model."""
    if isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from editorial_texts(value, path + (i,))
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if value is None:
                continue
            if name.startswith("editorial"):
                if isinstance(value, str):
                    yield path + (name,), value
            else:
                yield from editorial_texts(value, path + (name,))


def placements(obj: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str, str]]:
    """Every (path, 'box'|'figure', id) placement in a model."""
    if isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from placements(value, path + (i,))
    elif isinstance(obj, BaseModel):
        fields = type(obj).model_fields
        if isinstance(obj, BoxRef):
            yield path + ("box",), "box", obj.box
        if isinstance(obj, FigureRef):
            yield path + ("figure",), "figure", obj.figure
        for name in fields:
            value = getattr(obj, name)
            if isinstance(value, (list, BaseModel)):
                yield from placements(value, path + (name,))


def strings(obj: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every string value in a model, whatever its field: text, editorial, or label."""
    if isinstance(obj, str):
        yield path, obj
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from strings(value, path + (i,))
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from strings(getattr(obj, name), path + (name,))
