"""The translation catalogues are checked like content, before any page is built.

A translation reaches three fillers: Python's i18n.fill and the browser's t() replace {name};
Jinja's newstyle gettext %-formats every string it translates (%(name)s, %%). So a msgstr
must hold exactly its English text's placeholders, in the same kind, and no brace or percent
sign that a filler would read as one; and, since translated text is shown as text, no markup
or control character that the English text has not. Each problem names the .po file, the line
of its entry and the msgid: `translations/fr/LC_MESSAGES/toolkit.po:123: msgid "Action plan": …`.
A lone % is refused only in the interface's text, which templates translate (percent_formatted).
Fuzzy entries are left out: they are never used (i18n.translator skips them).
The key terms of each language are checked here too, against translations/terms.yml (termbase.py).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..content.reader import ContentError, Problem
from ..project import ROOT
from . import i18n, termbase
from .catalogue_file import DOMAIN, UnreadableCatalogue, entry_name, msgstrs, read_catalogue, singular


class CatalogueError(ContentError):
    subject = "the translation catalogues"


# Every brace, in one pass: a doubled brace, a {group} (a placeholder if the group is a bare
# name, i18n.PLACEHOLDER's rule), or a brace that opens or closes nothing.
BRACES = re.compile(r"\{\{|\}\}|\{[^{}]*\}|[{}]")
# Every percent sign, in one pass: %%, %(group) with what follows it, or a lone %.
# (A group stops at the next %, so that "%(%(%(…" is read in one pass, not once per "%(".)
PERCENTS = re.compile(r"%%|%\([^)%]*+\)[-#0 +]*+\d*+(?:\.\d+)?[a-zA-Z]?|%")
PERCENT_PLACEHOLDER = re.compile(r"%\([A-Za-z_][A-Za-z0-9_]*\)s")

# What would be markup if a translation were ever treated as HTML or Markdown: refused unless
# the English text has the same construct.
MARKUP = {
    "an HTML tag": re.compile(r"<[/!?]|<[A-Za-z][A-Za-z0-9-]*+(?![A-Za-z0-9+.-]*+:)"),   # possessive: linear
    "an HTML entity": re.compile(r"&#|&[A-Za-z][A-Za-z0-9]*;"),
    "a Markdown link": re.compile(r"\]\("),
    "a Markdown image": re.compile(r"!\["),
    "an autolink": re.compile(r"<[A-Za-z][A-Za-z0-9+.-]*:"),
    "an attribute list": re.compile(r"\{:"),
    "a javascript: address": re.compile(r"javascript:", re.IGNORECASE),   # "JavaScript :" is French typography
}
# A web address becomes a link in our longer texts (inline markup, like the publication's): a
# translation may only keep the addresses its English text has.
WEB_ADDRESS = re.compile(r"\bhttps?://[^\s<>\"]+|\bwww\.[^\s<>\"]+", re.IGNORECASE)
# C0 controls but tab and line feed, DEL and the C1 controls, and the Unicode line and
# paragraph separators (JavaScript and some editors break lines at them).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
# Any character one of the rules above looks at, or a javascript: address.
SPECIAL = re.compile(r"[{}%<>&\[\]!\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
                     r"|javascript:|https?://|www\.", re.IGNORECASE)


@dataclass
class Scan:
    """The braces and percent signs of one string, as the fillers would read them."""

    placeholders: set[str] = field(default_factory=set)    # '{id}', '%(id)s'
    not_placeholders: list[str] = field(default_factory=list)   # '{title.__class__}', '%(n)d'
    lone: list[str] = field(default_factory=list)           # '{', '}', '%'
    doubled: set[str] = field(default_factory=set)          # '{{', '}}', '%%'


def scan(text: str) -> Scan:
    out = Scan()
    for match in BRACES.finditer(text):
        token = match[0]
        if token in ("{{", "}}"):
            out.doubled.add(token)
        elif token in ("{", "}"):
            out.lone.append(token)
        elif i18n.PLACEHOLDER.fullmatch(token):
            out.placeholders.add(token)
        elif not token.startswith("{:"):   # an attribute list is reported as markup
            out.not_placeholders.append(token)
    for match in PERCENTS.finditer(text):
        token = match[0]
        if token == "%%":
            out.doubled.add(token)
        elif token == "%":
            out.lone.append(token)
        elif PERCENT_PLACEHOLDER.fullmatch(token):
            out.placeholders.add(token)
        else:
            out.not_placeholders.append(token)
    return out


def _names(tokens: Iterable[str]) -> str:
    return ", ".join(sorted(tokens)) or "none"


def placeholder_problems(english: Scan, text: Scan, plural: Scan | None = None, formatted: bool = True) -> list[str]:
    """`formatted`: the text may reach Jinja's gettext, which reads every % (see percent_formatted)."""
    out = [f"{token} is not a placeholder: write the English text's as they are ({_names(english.placeholders)}), "
           "a bare name with no dot, bracket, ! or : in it" for token in text.not_placeholders]
    allowed = [english.placeholders] + ([plural.placeholders] if plural else [])
    if text.placeholders not in allowed:
        unknown = text.placeholders - set[str]().union(*allowed)
        missing = english.placeholders - text.placeholders
        why = "; ".join(filter(None, [f"{_names(unknown)} not in the English text" if unknown else "",
                                      f"{_names(missing)} missing" if missing else ""]))
        out.append(f"placeholders differ from the English text ({why}): "
                   f"expected exactly {' or '.join(_names(a) for a in allowed)}")
    for token in sorted(set(text.lone) - set(english.lone) - (set() if formatted else {"%"})):
        if token == "%":
            out.append("a lone %: Jinja reads % as the start of a placeholder; write %% for a percent sign "
                       "(the English text has none)")
        else:
            out.append(f"a lone {token} that opens or closes no placeholder (the English text has none)")
    for token in sorted(text.doubled - english.doubled - {"%%"}):
        out.append(f"{token}: the English text has no doubled brace; write a placeholder as {{name}}")
    return out


def text_problems(english: str, text: str) -> list[str]:
    """Markup, control characters, line breaks and backslashes the English text does not have."""
    out = [f"{what} ({found[0]!r}): translations are shown as text, and the English text has none"
           for what, pattern in MARKUP.items() if (found := pattern.search(text)) and not pattern.search(english)]
    out += [f"a web address that the English text has not ({address!r}): links come only from the English text"
            for address in sorted(set(WEB_ADDRESS.findall(text)) - set(WEB_ADDRESS.findall(english)))]
    out += [f"control character U+{ord(char):04X}: remove it" for char in sorted(set(CONTROL.findall(text)))]
    if "\n" in text and "\n" not in english:
        out.append("a line break (\\n) that the English text has not: keep the translation on one line")
    if "\\" in text and "\\" not in english:
        # babel keeps \x1b, \033, \a… as written, where GNU gettext would make them control characters.
        out.append("a backslash, as in an escape like \\x1b or \\033 that other gettext tools read as a "
                   "control character; the English text has none")
    return out


def entry_problems(english: str, text: str, english_plural: str | None = None, formatted: bool = True) -> list[str]:
    """What is wrong with one translation (one plural form) of `english`."""
    if not any(SPECIAL.search(part) for part in (text, english, english_plural or "")):
        return []   # most of the text: nothing any rule looks at (a third of the check's time)
    plural = scan(english_plural) if english_plural is not None else None
    return (placeholder_problems(scan(english), scan(text), plural, formatted)
            + text_problems(english + (english_plural or ""), text))


def percent_formatted(context: str | None) -> bool:
    """Whether Jinja may %-format the text: the interface's may (templates translate it); our
    data (questions, definitions: shown as values) and the browser's (filled by t()) never are,
    so a percent sign there is just one."""
    return not (context == i18n.JS_CONTEXT or i18n.is_data(context))


def _shown(path: Path) -> str:
    path = path.resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


# A catalogue is a few hundred KB; one far larger is not ours, and is refused unread.
MAX_BYTES = 4 * 1024 * 1024


def template_shapes(folder: Path) -> dict[tuple[str, str], str | None]:
    """(context, msgid) -> the English plural (None for a string without one), from toolkit.pot:
    the English a translation is checked against is the template's, never the .po file's own."""
    path = folder / f"{DOMAIN}.pot"
    if not path.is_file():
        return {}
    return {(m.context or "", singular(m)): (None if isinstance(m.id, str) else m.id[1])
            for m in read_catalogue(path) if m.id}


def catalogue_problems(path: Path, shapes: dict[tuple[str, str], str | None] | None = None) -> list[Problem]:
    shown = _shown(path)
    if path.stat().st_size > MAX_BYTES:
        return [Problem(shown, None, "", f"larger than {MAX_BYTES // 1024 // 1024} MB: not a catalogue of this toolkit")]
    try:
        catalog = read_catalogue(path)
    except UnreadableCatalogue as exc:
        return [Problem(shown, exc.line, "", exc.message)]
    out = []
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
        forms = msgstrs(message)
        key = (message.context or "", ids[0])
        if shapes and key in shapes:
            english_plural = shapes[key]
            if (english_plural is None) != (len(ids) == 1):
                shape = "plural forms (msgid_plural, msgstr[n])" if english_plural else "a single msgstr, no plural forms"
                out.append(Problem(shown, message.lineno, entry_name(message),
                                   f"the template (toolkit.pot) has {shape} for this text: run `make translations`"))
                continue
            ids = (ids[0],) if english_plural is None else (ids[0], english_plural)
        for form, text in enumerate(forms):
            if not text:
                continue
            found = entry_problems(ids[0], text, ids[1] if len(ids) > 1 else None, percent_formatted(message.context))
            if found:
                where = entry_name(message) + (f" msgstr[{form}]" if len(forms) > 1 else "")
                out += [Problem(shown, message.lineno, where, problem) for problem in found]
    return out


def catalogues(folder: Path = i18n.TRANSLATIONS) -> dict[str, Path]:
    """Every translated language's catalogue (English has none: it is the source)."""
    paths = {lang.code: i18n.po_path(lang.code, folder) for lang in i18n.catalogue_languages(folder) if lang.code != i18n.SOURCE}
    return {code: path for code, path in paths.items() if path.is_file()}


def check(folder: Path = i18n.TRANSLATIONS) -> list[str]:
    """The languages whose catalogues were checked; raises CatalogueError with every problem
    of every catalogue."""
    found = catalogues(folder)
    shapes = template_shapes(folder)
    problems = [problem for path in found.values() for problem in catalogue_problems(path, shapes)]
    # The key terms (translations/terms.yml): a wrong term is a problem like a broken placeholder.
    terms = termbase.load(folder, list(found), _shown(folder / termbase.FILE))
    if terms is not None:
        problems += [problem for code, path in found.items()
                     for problem in termbase.catalogue_problems(path, _shown(path), code, terms, shapes)]
    if problems:
        raise CatalogueError(problems)
    return list(found)
