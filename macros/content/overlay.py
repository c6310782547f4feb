"""Official translations of the guideline text, added as data and laid over the English.

An official translation lives in `content/translations/<lang>/` with a `language.yml` (code,
name, native name, direction) and any of the English files it translates, under the same
names: `modules/A.yml`, `cases/IV.1.yml`, `chapters/ii.yml`. Each file is validated with the
same model as the English one and must be its counterpart unit for unit: the same IDs,
placements and settings, and a text at every place the English has one (the fidelity check).
A file that passes replaces its English file; everything else stays English.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from .checks import text
from .load import Content
from .model import Case, Chapter, Module
from .reader import ContentError, FieldPath, Problem, SourceFile, read_yaml, validate
from .walk import NOT_TEXT, texts

FOLDERS = {"modules": "module", "cases": "case", "chapters": "chapter"}
# What an official translation can replace: a module, a case box or a chapter, by its id.
Unit = TypeVar("Unit", Module, Case, Chapter)


def _settings(obj: object, path: FieldPath = ()) -> dict[FieldPath, object]:
    """Every ID, placement and setting of a model by field path: what a translation must keep."""
    out: dict[FieldPath, object] = {}
    if isinstance(obj, list):
        out[path] = len(obj)
        for i, value in enumerate(obj):
            out.update(_settings(value, path + (i,)))
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if name in NOT_TEXT or name.startswith("editorial"):
                out[path + (name,)] = value if not isinstance(value, BaseModel) else value.model_dump()
            elif isinstance(value, (list, BaseModel)):
                out.update(_settings(value, path + (name,)))
    return out


def counterpart_problems(source: SourceFile, english: BaseModel, translated: BaseModel) -> list[Problem]:
    """What makes `translated` not a unit-for-unit counterpart of `english`."""
    problems = []
    want, have = _settings(english), _settings(translated)
    for path in sorted(want.keys() | have.keys(), key=str):
        if want.get(path, "<absent>") != have.get(path, "<absent>"):
            problems.append(source.problem(path, f"must be as in the English file: {want.get(path, '<absent>')!r}, "
                                                 f"got {have.get(path, '<absent>')!r}"))
    en_texts = {path for path, _ in texts(english)}
    tr_texts = {path for path, text in texts(translated) if text.strip()}
    for path in sorted(en_texts - tr_texts, key=str):
        problems.append(source.problem(path, "no translation of this English text"))
    for path in sorted(tr_texts - en_texts, key=str):
        problems.append(source.problem(path, "text with no counterpart in the English file"))
    return problems


def apply(content: Content, overlay_root: Path, language: str) -> tuple[Content, set[str]]:
    """The content with the official translation of `language` laid over it, and the units it
    replaced ('case:IV.1', 'module:A', 'chapter:ii'). Raises ContentError listing every problem."""
    folder = Path(overlay_root) / language
    if not folder.is_dir():
        return content, set()
    problems: list[Problem] = []
    replaced: set[str] = set()
    modules = _lay_over(content, folder, "modules", content.modules, Module, problems, replaced)
    cases = _lay_over(content, folder, "cases", content.cases, Case, problems, replaced)
    chapters = _lay_over(content, folder, "chapters", content.chapters, Chapter, problems, replaced)
    for path in folder.rglob("*.yml"):
        rel = path.relative_to(folder)
        if rel.parts[0] not in FOLDERS and rel.name != "language.yml":
            problems.append(Problem(f"translations/{language}/{rel.as_posix()}", None, "",
                                    f"only {', '.join(FOLDERS)} can be translated"))
    if problems:
        raise ContentError(problems)
    return dataclasses.replace(content, modules=modules, cases=cases, chapters=chapters), replaced


def _lay_over(content: Content, folder: Path, sub: str, units: list[Unit], model: type[Unit],
              problems: list[Problem], replaced: set[str]) -> list[Unit]:
    """`units` with each translated file of folder/sub (folder: translations/<language>) in place
    of its English counterpart."""
    kind = FOLDERS[sub]
    out = list(units)
    for path in sorted((folder / sub).glob("*.yml")):
        source, found = read_yaml(path, folder.parent.parent)
        problems += found
        if found:
            continue
        translated, found = validate(source, kind, model)
        problems += found
        if translated is None:
            continue
        english = next((m for m in out if m.id == translated.id), None)
        if english is None or not (content.root / sub / path.name).is_file():
            problems.append(source.problem(("id",), f"no English {kind} {sub}/{path.name} to translate"))
            continue
        # Its texts end up in pages as the English texts do: one line each (checks/text.py).
        found = counterpart_problems(source, english, translated) + text.line_problems(source, translated)
        problems += found
        if not found:
            out[out.index(english)] = translated
            replaced.add(f"{kind}:{translated.id}")
    return out
