"""A translator's file of the guideline text: `python -m macros export-units <lang> FILE.po`
writes every unit of the publication (content/units.py) as one PO entry, its ID as msgctxt and
its English as msgid, with the language's current translation and status if it has one;
`python -m macros import-units FILE.po` brings a translated file back as the language's
official translation (content/overlay.py: its files and units.yml).

A unit's status is a flag of its entry: `#, official`, `#, reviewed` or `#, draft` (a fuzzy
entry, or a translation with no flag, is a draft: nothing becomes official unless it says so).
An empty msgstr leaves the unit in English. Every problem of the file is reported at once with
its line, and nothing is written unless the whole file is right: an entry whose ID the
publication has not, whose English has changed since the export, or whose translation has a
line break, a control character or other footnote markers than its English.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from babel.core import UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import write_po

from ..content import overlay, units
from ..content.guarded_yaml import control
from ..content.load import Content
from ..content.model import Case, Chapter, Module
from ..content.reader import ContentError, Problem
from ..project import ROOT, version
from ..site.catalogue_file import UnreadableCatalogue, entry_name, read_catalogue

HEADER = ("# The guideline text of Partnering for Sustainable Development (ESCAP / UNU-IAS, 2018),\n"
          "# unit by unit, for an official translation. Each entry is one unit: its ID (msgctxt) and its\n"
          "# English (msgid).\n"
          "# Give each translated unit its status as a flag: official, reviewed or draft (a translation\n"
          "# with no flag is a draft). Leave a msgstr empty to keep that unit in English.\n"
          "# Bring the file back with `python -m macros import-units FILE.po`.")


class UnitsFileError(ContentError):
    subject = "the translator's file"


def export(content: Content, overlay_root: Path, language: str, out: Path) -> int:
    """Writes every unit to `out`, with the language's current translation; returns how many."""
    overlaid, translation = overlay.apply(content, overlay_root, language)
    current = {unit.id: unit.text for unit in units.of_content(overlaid)}
    try:
        catalog = Catalog(locale=language, project="partnering-guidelines (guideline text)", version=version(), fuzzy=False)
    except (UnknownLocaleError, ValueError):
        catalog = Catalog(project="partnering-guidelines (guideline text)", version=version(), fuzzy=False)
    catalog.header_comment = HEADER
    # The language is read back from the header: set it as written, whatever babel knows of it.
    catalog.mime_headers = [*((k, v) for k, v in catalog.mime_headers if k != "Language"), ("Language", language)]
    published = units.of_content(content)
    for unit in published:
        status = translation.status.get(unit.id)
        source = content.files[content.named(unit.file)]
        catalog.add(unit.text, current[unit.id] if status else "", context=unit.id, auto_comments=[unit.where],
                    locations=[(content.named(unit.file), source.line_of(unit.path) or 0)], flags=[status] if status else [])
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        write_po(fh, catalog, width=100)   # in the publication's order: a translator reads it as a text
    return len(published)


def _status(message: Message) -> tuple[overlay.Status | None, str | None]:
    """The entry's status, or what is wrong with its flags."""
    given = [status for status in overlay.STATUSES if status in message.flags]
    if "fuzzy" in message.flags and "draft" not in given:
        given.append("draft")
    if len(given) > 1:
        return None, f"flags {', '.join(given)}: give one status (official, reviewed or draft)"
    return (given[0] if given else "draft"), None


def _text_problems(english: str, text: str) -> list[str]:
    out = []
    if "\n" in text or "\r" in text:
        out.append("a line break in the translation: a unit is one line (its English is)")
    found = control(text)
    if found:
        out.append(found.replace("in content", "in a translation"))
    if overlay.footnotes(text) != overlay.footnotes(english):
        out.append(f"footnote markers {overlay.footnotes(text)} where the English has {overlay.footnotes(english)}: "
                   "keep the English's, in its order")
    return out


def import_units(content: Content, overlay_root: Path, languages: list[str], path: Path) -> tuple[str, dict[str, int]]:
    """Lays the translator's file over the language's official translation (content/translations/
    <lang>/): the language and how many units each status has now. Raises UnitsFileError (or
    ContentError for the translation already there) with every problem; writes nothing then."""
    shown = str(path)
    try:
        catalog = read_catalogue(path)
    except UnreadableCatalogue as exc:
        raise UnitsFileError([Problem(shown, exc.line, "", exc.message)]) from None
    header = str(dict(catalog.mime_headers).get("Language", ""))
    # A PO editor may write the region too (th_TH): the language is what the toolkit knows.
    language = header if header in languages else header.replace("-", "_").split("_")[0]
    if language not in languages:
        raise UnitsFileError([Problem(shown, 1, "", f"its header names the language {header!r}: expected one of "
                                                    f"{', '.join(languages)} (the header's Language, as export-units writes it)")])
    overlaid, translation = overlay.apply(content, overlay_root, language)
    published = {unit.id: unit for unit in units.of_content(content)}
    texts = {unit.id: unit.text for unit in units.of_content(overlaid)}
    statuses = dict(translation.status)
    touched: set[str] = set()
    problems: list[Problem] = []
    for message in catalog:
        if not message.id:
            continue
        where = entry_name(message)
        unit = published.get(message.context or "")
        status, wrong = _status(message)
        if not isinstance(message.id, str):
            problems.append(Problem(shown, message.lineno, where, "plural forms: a unit has one text"))
        elif unit is None:
            problems.append(Problem(shown, message.lineno, where, f"no unit {message.context!r} in the publication: "
                                    "entries come from `python -m macros export-units`, their msgctxt unchanged"))
        elif message.id != unit.text:
            problems.append(Problem(shown, message.lineno, where, "the English of this unit has changed since the "
                                    f"export; it now reads {unit.text!r}: export again and translate it"))
        elif wrong:
            problems.append(Problem(shown, message.lineno, where, wrong))
        else:
            text = message.string if isinstance(message.string, str) else ""
            found = _text_problems(unit.text, text) if text else []
            problems += [Problem(shown, message.lineno, where, problem) for problem in found]
            touched.add(unit.owner)
            texts[unit.id] = text or unit.text
            if text and status:
                statuses[unit.id] = status
            else:
                statuses.pop(unit.id, None)
    if problems:
        raise UnitsFileError(problems)
    _write(content, overlay_root, language, published, texts, statuses, touched)
    counts: dict[str, int] = {status: sum(1 for s in statuses.values() if s == status) for status in overlay.STATUSES}
    return language, counts


def _file_text(kind: str, model: Module | Case | Chapter, texts: dict[str, str], target: Path) -> str:
    """The translation's YAML file of one unit file: the English model with the translated texts."""
    data = model.model_dump(exclude_none=True, exclude_defaults=True)
    for unit in units.of_model(kind, model, ""):
        here: Any = data   # dicts and lists down the unit's field path
        for part in unit.path[:-1]:
            here = here[part]
        here[unit.path[-1]] = texts[unit.id]
    schema = ROOT / "schema" / f"{kind}.schema.json"
    inside = target.resolve().is_relative_to(ROOT) and schema.is_file()   # an editor's completion, in this checkout
    head = [f"# yaml-language-server: $schema={Path(os.path.relpath(schema, target.parent)).as_posix()}"] if inside else []
    head.append("# An official translation, written by `python -m macros import-units`: the status of each unit "
                "is in ../units.yml.")
    return "\n".join(head) + "\n" + _dump(data)


def _dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=False)


def _write(content: Content, overlay_root: Path, language: str, published: dict[str, units.Unit],
           texts: dict[str, str], statuses: dict[str, overlay.Status], touched: set[str]) -> None:
    """Writes the touched files and units.yml into a copy of the language's folder, checks the
    copy as a build would, and only then puts them in place: a file that would not build is
    never written."""
    folder = overlay_root / language
    models: list[tuple[str, Module | Case | Chapter]] = [
        *(("module", m) for m in content.modules), *(("case", c) for c in content.cases), *(("chapter", c) for c in content.chapters)]
    owners = {f"{kind}:{model.id}": (kind, model) for kind, model in models}
    files = {unit.owner: unit.file for unit in published.values()}
    wanted: dict[str, str | None] = {}   # file under the language's folder -> its text, None to remove
    for owner in sorted(touched):
        kind, model = owners[owner]
        translated = any(unit.owner == owner for unit in published.values() if unit.id in statuses)
        wanted[files[owner]] = _file_text(kind, model, texts, folder / files[owner]) if translated else None
    listed = [{"id": unit_id, "status": statuses[unit_id], "english": published[unit_id].text}
              for unit_id in published if unit_id in statuses]
    wanted[overlay.UNITS_FILE] = (
        "# The status of each unit of this official translation, and the English it translates (written by\n"
        "# `python -m macros import-units`). official: published or authorized by the publishers; reviewed:\n"
        "# checked by a reviewer, not official; draft: not checked. A unit not listed is shown in English.\n"
        + _dump({"units": listed}))
    with tempfile.TemporaryDirectory() as staging:
        copy = Path(staging) / language
        if folder.is_dir():
            shutil.copytree(folder, copy)
        for rel, text in wanted.items():
            target = copy / rel
            if text is None:
                target.unlink(missing_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        overlay.apply(content, Path(staging), language)   # raises ContentError, and nothing is written
    for rel, text in wanted.items():
        target = folder / rel
        if text is None:
            target.unlink(missing_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
