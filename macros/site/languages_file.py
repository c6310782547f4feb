"""The language lists: translations/languages.yml (the interface languages) and the
language.yml of each official translation of the guidelines. Their names are printed in every
page's language menu, so they are checked like content (file, line, field), never trusted."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import Field

from ..content.model import NonEmpty, Strict
from ..content.reader import ContentError, Problem, read_yaml, validate

# A BCP 47 tag as Material names its languages ('fr', 'zh-TW'): never a path.
LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]


class LanguageEntry(Strict):
    code: LanguageCode = Field(description="The language's code, as Material's languages are named ('fr', 'zh').")
    name: NonEmpty = Field(description="Its name in English.")
    native: NonEmpty = Field(description="Its name in itself, as the language menu shows it.")
    direction: Literal["ltr", "rtl"] = "ltr"
    made: Literal["source", "machine", "translator"] | None = Field(
        None, description="How its catalogue's strings were made: 'source' (English, the toolkit's own), 'machine' "
                          "(machine translation by the toolkit, checked against the termbase) or 'translator' (a person); "
                          "the translations page says it.")


class LanguageList(Strict):
    languages: Annotated[list[LanguageEntry], Field(min_length=1)]


class LanguageListError(ContentError):
    subject = "the language lists"


M = TypeVar("M", bound=Strict)


def _read(path: Path, model: type[M]) -> tuple[M | None, list[Problem]]:
    source, problems = read_yaml(path, path.parent.parent)
    if problems:
        return None, problems
    return validate(source, path.stem, model)


def interface_languages(path: Path) -> list[LanguageEntry]:
    """translations/languages.yml; raises LanguageListError."""
    found, problems = _read(path, LanguageList)
    if problems or not isinstance(found, LanguageList):
        raise LanguageListError(problems)
    return found.languages


def official_language(path: Path) -> LanguageEntry:
    """content/translations/<code>/language.yml, whose code is its folder's name; raises LanguageListError."""
    found, problems = _read(path, LanguageEntry)
    if not problems and isinstance(found, LanguageEntry) and found.code != path.parent.name:
        source, _ = read_yaml(path, path.parent.parent)
        problems = [source.problem(("code",), f"must be {path.parent.name!r}, the name of its folder")]
    if problems or not isinstance(found, LanguageEntry):
        raise LanguageListError(problems)
    return found
