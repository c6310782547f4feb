"""Languages and the toolkit's own text in them (engine-agnostic).

The interface, page titles, the self-assessment's questions and scale, checklist labels and
our glossary definitions are ours and translated in gettext catalogues
(translations/<lang>/LC_MESSAGES/toolkit.po). The guideline text is the publication's: it is
never translated here (see macros/content/overlay.py for official translations).

A string missing from a catalogue falls back to English and is counted, never shown blank
or as a key. A reviewer marks a string reviewed with the PO flag `reviewed`.

Translators' text is input from people, like content: catalogue_check.py checks every catalogue
before a page is built, and Python fills a translated string with `fill`, never str.format.
A .po file is read once per build (catalogue_file.py), however many readers ask.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from gettext import NullTranslations
from pathlib import Path
from typing import Protocol

from babel.messages.pofile import read_po

from ..content import overlay
from ..project import ROOT
from . import languages_file
from .catalogue_file import DOMAIN, read_catalogue, singular

# This checkout's catalogues: the default of the developer's commands (`make translations`). A
# build reads the folder its mkdocs.yml names (macros/engine/settings.py) and passes it on.
TRANSLATIONS = ROOT / "translations"
SOURCE = "en"
REVIEWED_FLAG = "reviewed"
JS_CONTEXT = "js"


def N_(text: str) -> str:
    """Marks English text for the catalogue where it is defined; translated where it is used."""
    return text


# A placeholder in our own text, as Python and the browser fill it: a bare name in braces.
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def fill(text: str, **values: object) -> str:
    """`text` with each {name} of `values` replaced by its value, as the browser's t() fills
    them. Unlike str.format, anything else stays literal: a translation holding {nope}, a lone
    brace or {title.__class__} can neither stop the build nor reach a Python attribute."""
    return PLACEHOLDER.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], text)


@dataclass(frozen=True)
class Language:
    code: str
    name: str                  # in English
    native: str                # in itself, as the language switcher shows it
    direction: str = "ltr"
    official_only: bool = False   # a language with an official guideline translation but no catalogue
    made: str | None = None       # how its catalogue was made (languages.yml): source, machine, translator

    @property
    def prefix(self) -> str:
        """Where its pages live, relative to the site root: '' for English, 'fr/' for French."""
        return "" if self.code == SOURCE else f"{self.code}/"


def catalogue_languages(folder: Path = TRANSLATIONS) -> list[Language]:
    """translations/languages.yml, checked (languages_file.py raises LanguageListError)."""
    return [Language(**entry.model_dump()) for entry in languages_file.interface_languages(folder / "languages.yml")]


def overlay_languages(overlay_root: Path) -> list[Language]:
    """Languages that only an official translation of the guidelines brings (its language.yml)."""
    paths = sorted(overlay_root.glob("*/language.yml")) if overlay_root.is_dir() else []
    return [Language(**languages_file.official_language(path).model_dump(), official_only=True) for path in paths]


def all_languages(overlay_root: Path, folder: Path = TRANSLATIONS) -> list[Language]:
    known = catalogue_languages(folder)
    codes = {lang.code for lang in known}
    return known + [lang for lang in overlay_languages(overlay_root) if lang.code not in codes]


def po_path(code: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / code / "LC_MESSAGES" / f"{DOMAIN}.po"


DATA_CONTEXTS = ("assessment:", "glossary:", "journey:", "worksheet:")


def is_data(context: str | None) -> bool:
    """Our longer texts kept as data (questions, glossary definitions), as opposed to the interface."""
    return context is not None and context.startswith(DATA_CONTEXTS)


Key = tuple[str, str]   # (context or '', msgid)


def _key(context: str | None, msgid: str) -> Key:
    return (context or "", msgid)


class Translating(Protocol):
    """The one interface to a language's text, for everything that makes a page: a Translator,
    or ENGLISH (no translation). Code that writes our own text takes one and never asks whether
    it has one."""

    @property
    def language(self) -> Language: ...

    def gettext(self, msgid: str) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int) -> str: ...

    def pgettext(self, context: str | None, msgid: str) -> str: ...

    def data(self, context: str, english: str) -> str: ...

    def js_strings(self) -> dict[str, str]: ...

    def gettext_translations(self) -> NullTranslations: ...

    def fingerprint(self) -> str: ...


class English:
    """The null translator: our own text as written, in English, and nothing counted."""

    language = Language(SOURCE, "English", "English")

    def gettext(self, msgid: str) -> str:
        return msgid

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural

    def pgettext(self, context: str | None, msgid: str) -> str:
        return msgid

    def data(self, context: str, english: str) -> str:
        return english

    def js_strings(self) -> dict[str, str]:
        return {}

    def gettext_translations(self) -> NullTranslations:
        return NullTranslations()

    def fingerprint(self) -> str:
        return ""


ENGLISH: Translating = English()


@dataclass
class Translator:
    """gettext for one language with English fallback; remembers what fell back."""

    language: Language
    messages: dict[Key, str | tuple[str, ...]] = field(default_factory=dict)   # a text, or one per plural form
    reviewed: set[Key] = field(default_factory=set)         # marked reviewed
    missing: set[Key] = field(default_factory=set)          # used but untranslated

    def pgettext(self, context: str | None, msgid: str) -> str:
        if self.language.code == SOURCE or not msgid:
            return msgid
        found = self.messages.get(_key(context, msgid))
        if isinstance(found, str) and found:   # plural forms answer ngettext only (the check refuses them here)
            return found
        self.missing.add(_key(context, msgid))
        return msgid

    def gettext(self, msgid: str) -> str:
        return self.pgettext(None, msgid)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        found = self.messages.get(_key(None, singular))
        if isinstance(found, tuple) and self.language.code != SOURCE:
            return found[0] if n == 1 or len(found) == 1 else found[1]
        if self.language.code != SOURCE:
            self.missing.add(_key(None, singular))
        return singular if n == 1 else plural

    def data(self, context: str, english: str) -> str:
        """Our own text kept in content/ (a question, a scale label): its ID is the context."""
        return self.pgettext(context, english)

    def fallbacks(self) -> tuple[int, int]:
        """How many strings used so far fell back to English: (interface, our data)."""
        data = sum(1 for context, _ in self.missing if is_data(context))
        return len(self.missing) - data, data

    def js_strings(self) -> dict[str, str]:
        """The browser's strings (context 'js'), English -> this language; JavaScript falls
        back to the English text for any missing."""
        return {msgid: text for (context, msgid), text in sorted(self.messages.items())
                if context == JS_CONTEXT and isinstance(text, str)}

    def fingerprint(self) -> str:
        """Changes whenever a translation does: for files made from them and kept (the Word and
        Excel worksheets, macros/outputs/office.py)."""
        return hashlib.sha256(repr(sorted(self.messages.items())).encode()).hexdigest()[:16]

    def gettext_translations(self) -> NullTranslations:
        """For Jinja's i18n extension."""
        translator = self

        class _Bound(NullTranslations):
            def gettext(self, message: str) -> str:
                return translator.gettext(message)

            def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
                return translator.ngettext(msgid1, msgid2, n)

            def pgettext(self, context: str, message: str) -> str:
                return translator.pgettext(context, message)

            def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
                return translator.ngettext(msgid1, msgid2, n)

        return _Bound()


def translator(language: Language, folder: Path = TRANSLATIONS) -> Translator:
    out = Translator(language)
    path = po_path(language.code, folder)
    if language.code == SOURCE or not path.is_file():
        return out
    for message in read_catalogue(path):
        if not message.id or message.fuzzy:
            continue
        msgid = singular(message)
        value: str | tuple[str, ...] | None
        if isinstance(message.string, str) or message.string is None:
            value = message.string
        else:
            value = tuple(v for v in message.string if v) or None
        if value:
            out.messages[_key(message.context, msgid)] = value
            if REVIEWED_FLAG in message.flags:
                out.reviewed.add(_key(message.context, msgid))
    return out


@dataclass(frozen=True)
class Status:
    language: Language
    total: int
    translated: int
    reviewed: int
    official: bool = False      # an official translation of the guideline text is in place
    # Its units by status ('official', 'reviewed', 'draft'), and how many units the publication has.
    units: dict[str, int] = field(default_factory=dict)
    publication_units: int = 0

    @property
    def all_official(self) -> bool:
        """Every unit of the guideline text is an official translation."""
        return self.units.get("official", 0) == self.publication_units > 0

    @property
    def translated_percent(self) -> int:
        return round(100 * self.translated / self.total) if self.total else 100

    @property
    def reviewed_percent(self) -> int:
        return round(100 * self.reviewed / self.total) if self.total else 100


def template_keys(folder: Path = TRANSLATIONS) -> set[Key]:
    """Every (context, msgid) of the catalogue template, translations/toolkit.pot."""
    path = folder / f"{DOMAIN}.pot"
    if not path.is_file():
        return set()
    with path.open("rb") as fh:
        template = read_po(fh, domain=DOMAIN)
    return {_key(m.context, singular(m)) for m in template if m.id}


def status(language: Language, folder: Path = TRANSLATIONS, official: bool = False, keys: set[Key] | None = None) -> Status:
    """How much of the catalogue a language has translated and reviewed. `keys`: the template's,
    when the caller has read it already (reading it takes longer than counting)."""
    keys = template_keys(folder) if keys is None else keys
    if language.code == SOURCE:
        return Status(language, len(keys), len(keys), len(keys), True)
    tr = translator(language, folder)
    return Status(language, len(keys), len(keys & tr.messages.keys()), len(keys & tr.reviewed), official)


def statuses(overlay_root: Path, folder: Path = TRANSLATIONS, publication_units: int = 0) -> list[Status]:
    """Every language's; `publication_units`: how many units the guideline text has (content/units.py)."""
    keys = template_keys(folder)
    out = []
    for lang in all_languages(overlay_root, folder):
        translation = Path(overlay_root) / lang.code
        found = status(lang, folder, translation.is_dir(), keys)
        listed = overlay.read_statuses(translation)[1] if translation.is_dir() else []
        counts: dict[str, int] = {name: sum(1 for unit in listed if unit.status == name) for name in overlay.STATUSES}
        out.append(dataclasses.replace(found, units=counts, publication_units=publication_units))
    return out
