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

from pydantic import BaseModel

from .checks import text
from .load import Content
from .reader import ContentError, Problem, read_yaml, validate
from .walk import NOT_TEXT, texts

FOLDERS = {"modules": "module", "cases": "case", "chapters": "chapter"}


def _settings(obj, path: tuple = ()) -> dict:
    """Every ID, placement and setting of a model by field path: what a translation must keep."""
    out: dict = {}
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


def counterpart_problems(source, english: BaseModel, translated: BaseModel) -> list[Problem]:
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
    lists = {"modules": list(content.modules), "cases": list(content.cases), "chapters": list(content.chapters)}
    replaced: set[str] = set()
    for sub, kind in FOLDERS.items():
        for path in sorted((folder / sub).glob("*.yml")):
            source, found = read_yaml(path, Path(overlay_root).parent)
            problems += found
            if found:
                continue
            model, found = validate(source, kind)
            problems += found
            if model is None:
                continue
            english = next((m for m in lists[sub] if m.id == model.id), None)
            if english is None or not (content.root / sub / path.name).is_file():
                problems.append(source.problem(("id",), f"no English {kind} {sub}/{path.name} to translate"))
                continue
            # Its texts end up in pages as the English texts do: one line each (checks/text.py).
            found = counterpart_problems(source, english, model) + text.line_problems(source, model)
            problems += found
            if not found:
                lists[sub][lists[sub].index(english)] = model
                replaced.add(f"{kind}:{model.id}")
    for path in folder.rglob("*.yml"):
        rel = path.relative_to(folder)
        if rel.parts[0] not in FOLDERS and rel.name != "language.yml":
            problems.append(Problem(f"translations/{language}/{rel.as_posix()}", None, "",
                                    f"only {', '.join(FOLDERS)} can be translated"))
    if problems:
        raise ContentError(problems)
    out = dataclasses.replace(content, **lists)
    out.index()
    return out, replaced
