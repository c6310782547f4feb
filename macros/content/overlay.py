"""Official translations of the guideline text, added as data and laid over the English.

An official translation lives in `content/translations/<lang>/` with a `language.yml` (code,
name, native name, direction; only for a language the catalogues do not have), any of the
English files it translates, under the same names (`modules/A.yml`, `cases/IV.1.yml`,
`chapters/II.yml`), and `units.yml`: the status of each translated unit (units.py) and the
English it translates. Each file is validated with the same model as the English one and must
be its counterpart unit for unit: the same IDs, placements and settings, and a text at every
place the English has one. A file that passes replaces its English file.

The fidelity check: every unit units.yml lists is a unit of the publication whose English is
still what was translated, and its text is in the translation's file with the same footnote
markers; every text of a translation's file is either listed or still the English (a unit not
translated yet). Each problem names the file, its line and what is expected.

A unit's status is `official` (published or authorized by the publishers), `reviewed` (checked
by a reviewer, not official) or `draft`. Pages show official text as it is, and label anything
else with its English one tap away (`Translation.marked`).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, Field

from . import units
from .checks import text
from .load import Content
from .model import Case, Chapter, Module, NonEmpty, Strict
from .reader import ContentError, FieldPath, Problem, SourceFile, read_yaml, validate
from .walk import NOT_TEXT, texts

FOLDERS = units.KINDS
UNITS_FILE = "units.yml"
Status = Literal["official", "reviewed", "draft"]
STATUSES: tuple[Status, ...] = ("official", "reviewed", "draft")
# What an official translation can replace: a module, a case box or a chapter, by its id.
Unit = TypeVar("Unit", Module, Case, Chapter)
FOOTNOTE = re.compile(r"\[\^([A-Za-z0-9.-]+)\]")


class UnitStatus(Strict):
    id: NonEmpty = Field(description="The unit's ID, as `python -m macros export-units` writes it: 'case:IV.1/blocks/0/p'.")
    status: Status = Field(description="official: published or authorized by the publishers; reviewed: checked by "
                                       "a reviewer, not official; draft: not checked.")
    english: NonEmpty = Field(description="The English it translates, as it read then.")


class UnitStatusList(Strict):
    units: list[UnitStatus] = Field(default_factory=list)


@dataclass(frozen=True)
class Marked:
    """Translated text that is not official: what a page labels, and the English it shows beside it."""

    status: Status
    english: str


@dataclass
class Translation:
    """What an official translation laid over the English."""

    replaced: set[str] = field(default_factory=set)             # files: 'case:IV.1'
    status: dict[str, Status] = field(default_factory=dict)     # unit ID -> its status
    owners: dict[str, set[str]] = field(default_factory=dict)   # 'case:IV.1' -> its units' statuses, 'english' if any is not translated
    texts: set[str] = field(default_factory=set)                # the texts it translated, whatever their status: in its language
    # id(model holding a text) -> (that model, field -> Marked), for the texts that are not official
    _marked: dict[int, tuple[BaseModel, dict[str, Marked]]] = field(default_factory=dict)

    def marked(self, holder: object, *fields: str) -> Marked | None:
        """The label and English of the texts in `fields` of one model (a paragraph block, a
        list item, a box), or None if each is official or English."""
        found = self._marked.get(id(holder))
        if found is None or found[0] is not holder:
            return None
        hits = [found[1][name] for name in fields if name in found[1]]
        if not hits:
            return None
        return Marked("draft" if any(h.status == "draft" for h in hits) else "reviewed", " ".join(h.english for h in hits))

    def official(self) -> list[str]:
        """The files whose every unit is an official translation."""
        return sorted(owner for owner, statuses in self.owners.items() if statuses == {"official"})


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


def footnotes(text: str) -> list[str]:
    """The footnote markers of a text, in order: a translation keeps its English's."""
    return FOOTNOTE.findall(text)


def apply(content: Content, overlay_root: Path, language: str) -> tuple[Content, Translation]:
    """The content with the official translation of `language` laid over it, and what it
    replaced. Raises ContentError listing every problem."""
    folder = Path(overlay_root) / language
    if not folder.is_dir():
        return content, Translation()
    problems: list[Problem] = []
    laid: dict[str, tuple[SourceFile, Module | Case | Chapter]] = {}
    modules = _lay_over(content, folder, "modules", content.modules, Module, problems, laid)
    cases = _lay_over(content, folder, "cases", content.cases, Case, problems, laid)
    chapters = _lay_over(content, folder, "chapters", content.chapters, Chapter, problems, laid)
    for path in folder.rglob("*.yml"):
        rel = path.relative_to(folder)
        if rel.parts[0] not in FOLDERS and rel.name not in ("language.yml", UNITS_FILE):
            problems.append(Problem(f"translations/{language}/{rel.as_posix()}", None, "",
                                    f"only {', '.join(FOLDERS)} and {UNITS_FILE} can be translated"))
    translation = _units(content, folder, laid, problems)
    if problems:
        raise ContentError(problems)
    return dataclasses.replace(content, modules=modules, cases=cases, chapters=chapters), translation


def read_statuses(folder: Path) -> tuple[SourceFile | None, list[UnitStatus], list[Problem]]:
    """A translation's units.yml: its file (None if it has none), its entries and its problems."""
    path = folder / UNITS_FILE
    if not path.is_file():
        return None, [], []
    source, problems = read_yaml(path, folder.parent.parent)   # named as the translation's files are
    found, invalid = validate(source, "translation's units", UnitStatusList) if not problems else (None, [])
    return source, found.units if found else [], problems + invalid


def _units(content: Content, folder: Path, laid: dict[str, tuple[SourceFile, Module | Case | Chapter]],
           problems: list[Problem]) -> Translation:
    """The fidelity check of units.yml against the publication and the translation's files, and
    what it says of each unit."""
    source, listed, found = read_statuses(folder)
    problems += found
    english = {unit.id: unit for unit in units.of_content(content)}
    out = Translation(replaced=set(laid))
    refused: set[str] = set()   # reported once, here: not again as text with no status
    for n, entry in enumerate(listed):
        unit = english.get(entry.id)
        where = ("units", n)
        assert source is not None   # entries come from the file
        if entry.id in out.status:
            problems.append(source.problem(where + ("id",), f"{entry.id!r} is listed twice"))
        elif unit is None:
            problems.append(source.problem(where + ("id",), f"no unit {entry.id!r} in the publication: an ID is as "
                                                            "`python -m macros export-units` writes it"))
        elif entry.english != unit.text:
            refused.add(entry.id)
            problems.append(source.problem(where + ("english",), f"the English of {entry.id!r} has changed since it was "
                                                                 f"translated; it now reads {unit.text!r}: translate it again"))
        elif unit.owner not in laid:
            refused.add(entry.id)
            problems.append(source.problem(where + ("id",), f"no translation of {unit.file} in {folder.name}/ holds this unit"))
        else:
            out.status[entry.id] = entry.status
    for owner, (file, translated) in laid.items():
        kind = owner.split(":")[0]
        statuses = out.owners.setdefault(owner, set())
        for unit in units.of_model(kind, translated, file.rel):
            original = english[unit.id].text
            status = out.status.get(unit.id)
            if status is None and unit.text != original and unit.id not in refused:
                problems.append(file.problem(unit.path, f"translated, but {UNITS_FILE} gives {unit.id!r} no status: "
                                                        f"list it with its status ({', '.join(STATUSES)}) and its English"))
            if footnotes(unit.text) != footnotes(original):
                problems.append(file.problem(unit.path, f"footnote markers {footnotes(unit.text)} where the English has "
                                                        f"{footnotes(original)}: keep the English's, in its order"))
            statuses.add(status or "english")
            if unit.text != original:
                out.texts.add(unit.text)
            if status in ("reviewed", "draft"):
                holder = units.holder_of(translated, unit.path)
                out._marked.setdefault(id(holder), (holder, {}))[1][str(unit.path[-1])] = Marked(status, original)
    return out


def _lay_over(content: Content, folder: Path, sub: str, models: list[Unit], model: type[Unit],
              problems: list[Problem], laid: dict[str, tuple[SourceFile, Module | Case | Chapter]]) -> list[Unit]:
    """`models` with each translated file of folder/sub (folder: translations/<language>) in
    place of its English counterpart; `laid` gets each one's file and model, by its unit."""
    kind = FOLDERS[sub]
    out = list(models)
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
            laid[f"{kind}:{translated.id}"] = (source, translated)
    return out
