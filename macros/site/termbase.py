"""The termbase (translations/terms.yml): the key terms each catalogue must use, checked with
the catalogues before any page is built.

A catalogue entry whose English holds a term (the `en` patterns, whole words, any case) must
hold that language's term (one of its `forms`), and none of the term's `forbidden` variants
outside those forms; a language's `everywhere` variants may appear in none of its strings.
A span of English is the first matching term's, in the file's order (so "multi-stakeholder
partnership" is not also read as "partnership"), and the `names` (titles kept in English, such
as "Web Content Accessibility Guidelines") hold no term. Forbidden variants are looked for
after every accepted form of the entry's terms is set aside: Thai หุ้นส่วนความร่วมมือ
(partnership) does not hold the forbidden bare หุ้นส่วน. Each problem names the .po file, the
line of its entry, its msgid, the term and what is expected."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from babel.messages.catalog import Message
from pydantic import Field

from ..content.model import NonEmpty, Slug, Strict
from ..content.reader import ContentError, Problem, SourceFile, read_yaml, validate
from .catalogue_file import UnreadableCatalogue, entry_name, msgstrs, read_catalogue, singular
from .languages_file import LanguageCode

FILE = "terms.yml"
Pattern = Annotated[str, Field(min_length=1, description="A regular expression (Python); most are plain text.")]


class LanguageTerm(Strict):
    term: NonEmpty = Field(description="What to write, as errors name it.")
    forms: list[Pattern] = Field(default_factory=list, description="What counts as the term in a translation "
                                 "(inflections, a stem, the short form); the term itself if none.")
    forbidden: list[Pattern] = Field(default_factory=list, description="Variants never to write for this term.")
    note: NonEmpty | None = Field(None, description="Why this term, where it comes from.")


class Term(Strict):
    id: Slug
    en: Annotated[list[Pattern], Field(min_length=1)] = Field(description="The term in English: whole words, any case.")
    languages: dict[LanguageCode, LanguageTerm]


class Variant(Strict):
    variant: Pattern
    write: NonEmpty = Field(description="What to write instead.")
    why: NonEmpty


class LanguageSource(Strict):
    source: NonEmpty = Field(description="Where this language's terms come from.")
    everywhere: list[Variant] = Field(default_factory=list, description="Variants no string of the catalogue may hold.")


class Termbase(Strict):
    languages: dict[LanguageCode, LanguageSource]
    names: list[NonEmpty] = Field(default_factory=list, description="English titles and names that hold no term.")
    terms: Annotated[list[Term], Field(min_length=1)]


class TermbaseError(ContentError):
    subject = "the termbase"


@dataclass(frozen=True)
class Rule:
    """One term in one language, compiled."""

    id: str
    line: int | None            # of the term's entry for the language in terms.yml
    term: str
    forms: re.Pattern[str]
    forbidden: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Everywhere:
    variant: re.Pattern[str]
    write: str
    why: str


@dataclass(frozen=True)
class Compiled:
    names: re.Pattern[str] | None
    english: tuple[tuple[str, re.Pattern[str]], ...]   # (term, its English), in the file's order
    rules: dict[str, dict[str, Rule]]          # by language, then term
    everywhere: dict[str, list[Everywhere]]    # by language
    shown: str                                 # terms.yml as errors name it
    # Every language's catalogue has the same English: its terms are found once.
    _found: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

    def terms_in(self, english: str) -> tuple[str, ...]:
        """The terms an English text holds: each span is the first term's that matches it."""
        if english not in self._found:
            self._found[english] = _terms_in(english, self.english, self.names)
        return self._found[english]


def _compile(source: SourceFile, where: tuple[str | int, ...], pattern: str, flags: int,
             problems: list[Problem]) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        problems.append(source.problem(where, f"not a regular expression ({exc}): escape ( ) [ ] . * + ? with \\"))
        return re.compile(re.escape(pattern), flags)


def _words(patterns: list[str]) -> str:
    return r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?!\w)"


def load(folder: Path, languages: list[str], shown: str) -> Compiled | None:
    """terms.yml of the catalogues' folder, checked: every pattern compiles and every term has an
    entry for each of `languages`. None if there is no termbase. Raises TermbaseError."""
    path = folder / FILE
    if not path.is_file():
        return None
    source, problems = read_yaml(path, path.parent)   # named as translations/terms.yml
    base, invalid = validate(source, "termbase", Termbase) if not problems else (None, [])
    if base is None:
        raise TermbaseError(problems + invalid)
    flags = re.IGNORECASE
    names = re.compile("|".join(re.escape(n) for n in base.names), flags) if base.names else None
    rules: dict[str, dict[str, Rule]] = {code: {} for code in languages}
    english: list[tuple[str, re.Pattern[str]]] = []
    for code in languages:
        if code not in base.languages:
            problems.append(source.problem(("languages",), f"no entry for {code!r}: say where its terms come from"))
    for index, term in enumerate(base.terms):
        english.append((term.id, _compile(source, ("terms", index, "en"), _words(term.en), flags, problems)))
        for code in languages:
            entry = term.languages.get(code)
            if entry is None:
                problems.append(source.problem(("terms", index, "languages"), f"term {term.id!r} has no entry for {code!r}"))
                continue
            at = ("terms", index, "languages", code)
            forms = _compile(source, at + ("forms",), "|".join(f"(?:{f})" for f in entry.forms) or re.escape(entry.term),
                             flags, problems)
            if not forms.search(entry.term):
                problems.append(source.problem(at + ("term",), f"{entry.term!r} is not one of its own forms"))
            forbidden = tuple(_compile(source, at + ("forbidden", n), f, flags, problems) for n, f in enumerate(entry.forbidden))
            rules[code][term.id] = Rule(term.id, source.line_of(at), entry.term, forms, forbidden)
    everywhere = {code: [Everywhere(_compile(source, ("languages", code, "everywhere", n, "variant"), v.variant, flags, problems),
                                    v.write, v.why) for n, v in enumerate(lang.everywhere)]
                  for code, lang in base.languages.items()}
    if problems:
        raise TermbaseError(problems)
    return Compiled(names, tuple(english), rules, everywhere, shown)


def _masked(text: str, pattern: re.Pattern[str]) -> str:
    """`text` with what `pattern` matches blanked out (same length), so that nothing else matches it."""
    return pattern.sub(lambda m: "\0" * len(m[0]), text)


# A placeholder's name is not text: "%(partners)s" holds no term.
PLACEHOLDERS = re.compile(r"\{[A-Za-z_]\w*\}|%\([A-Za-z_]\w*\)[sd]")


def _terms_in(english: str, patterns: tuple[tuple[str, re.Pattern[str]], ...], names: re.Pattern[str] | None) -> tuple[str, ...]:
    text = _masked(english, PLACEHOLDERS)
    text = _masked(text, names) if names else text
    found = []
    for term, pattern in patterns:
        if pattern.search(text):
            found.append(term)
            text = _masked(text, pattern)
    return tuple(found)


def text_problems(terms: list[Rule], text: str, everywhere: list[Everywhere], shown: str) -> list[str]:
    """What one translation does against the termbase: `terms` are its English's."""
    out = [f"{variant.variant.pattern!r} is never written in this language ({variant.why}): write {variant.write!r}"
           for variant in everywhere if variant.variant.search(text)]
    rest = text
    for rule in terms:
        rest = _masked(rest, rule.forms)
    for rule in terms:
        where = f"term {rule.id!r} ({shown}:{rule.line})"
        variants = [found[0] for variant in rule.forbidden if (found := variant.search(rest))]
        out += [f"{where}: {variant!r} is a forbidden variant; expected {rule.term!r}" for variant in variants]
        if not variants and not rule.forms.search(text):
            out.append(f"{where}: the English holds it; expected {rule.term!r}")
    return out


def catalogue_problems(path: Path, shown_path: str, code: str, base: Compiled,
                       shapes: dict[tuple[str, str], str | None]) -> list[Problem]:
    """Every termbase problem of one language's catalogue."""
    rules, everywhere = base.rules.get(code, {}), base.everywhere.get(code, [])
    if not rules and not everywhere:
        return []
    try:
        catalog = read_catalogue(path)
    except UnreadableCatalogue:
        return []   # reported by the catalogue check
    out = []
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        for form, (english, text) in enumerate(_pairs(message, shapes)):
            terms = [rules[term] for term in base.terms_in(english) if term in rules] if text else []
            found = text_problems(terms, text, everywhere, base.shown) if text else []
            if found:
                where = entry_name(message) + (f" msgstr[{form}]" if len(msgstrs(message)) > 1 else "")
                out += [Problem(shown_path, message.lineno, where, problem) for problem in found]
    return out


def _pairs(message: Message, shapes: dict[tuple[str, str], str | None]) -> list[tuple[str, str]]:
    """(English, translation) of each form: the singular's English for msgstr[0], the plural's after."""
    forms = msgstrs(message)
    msgid = singular(message)
    plural = message.id[1] if not isinstance(message.id, str) else shapes.get((message.context or "", msgid))
    return [(msgid if n == 0 or plural is None else plural, text) for n, text in enumerate(forms)]
