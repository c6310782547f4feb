"""`make translations`: extract every string that is ours into the catalogue template
(translations/toolkit.pot) and update each language's catalogue from it.

What is extracted, each with a stable context where it comes from data:
- templates/ ({% trans %} and _()), with the English text as the message ID;
- the Python that names pages and menus (_() and N_());
- the browser's strings in docs/assets/js (t("…"), context "js");
- our own data in content/: self-assessment questions (context "assessment:<question id>"),
  the answer scale ("assessment-scale:<key>"), our glossary definitions ("glossary:<term id>"),
  the checklists' labels ("checklists").
Guideline text is never extracted: it is the publication's (see macros/content/overlay.py).
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.pofile import read_po, write_po

from ..content.load import Content
from ..content.model import Column, TablePart, Worksheet
from ..project import ROOT, TEMPLATES, version
from ..site import i18n
from ..site.catalogue_file import DOMAIN

JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true",
                 "newstyle_gettext": "true"}
# `_md()` is gettext for a Markdown heading (macros/site/templates.py).
JINJA_KEYWORDS = {**DEFAULT_KEYWORDS, "_md": None}
PYTHON_KEYWORDS = {"_": None, "N_": None}
JS_KEYWORDS = {"t": None, "tf": (1,)}
JS = ROOT / "docs" / "assets" / "js"
HEADER = ("# The Partnering Guidelines toolkit's own text in {language}.\n"
          "# Translated by the toolkit, not reviewed by the publishers (UNU-IAS, ESCAP).\n"
          "# A reviewer who has checked a translation adds the flag: #, reviewed\n"
          "# Update with `make translations`; the guideline text itself is not in this file.")


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def data_messages(content: Content) -> Iterator[tuple[str, str, str]]:
    """(context, English text, where) of our own text kept as data."""
    for part in content.assessment:
        for q in part.questions:
            yield f"assessment:{q.id}", q.text, f"content/assessment/{part.module}.yml"
    for option in content.assessment_scale.scale:
        yield f"assessment-scale:{option.key}", option.label, "content/assessment/scale.yml"
    for term in content.glossary.terms:
        if term.editorial_definition:
            yield f"glossary:{term.id}", term.editorial_definition, "content/glossary.yml"
    for journey in content.journeys.journeys:
        where = "content/journeys.yml"
        for text in (journey.editorial_title, journey.editorial_summary, *(s.editorial_why for s in journey.stops)):
            yield f"journey:{journey.id}", text, where
    for sheet in content.worksheets:
        yield from ((f"worksheet:{sheet.id}", text, f"content/worksheets/{sheet.id}.yml") for text in worksheet_texts(sheet))
    for entry in content.worksheet_coverage.not_needed:
        yield "worksheet:coverage", entry.reason, "content/worksheets/coverage.yml"
    selection = content.checklists
    for label in [*selection.workshop_fields, *selection.task_columns, selection.notes_label,
                  *(entry.title for entry in selection.pack)]:
        yield "checklists", label, "content/checklists/selection.yml"


def worksheet_texts(sheet: Worksheet) -> Iterator[str]:
    """A worksheet's own words, as its page shows them (templates/worksheets/parts.html)."""
    yield sheet.title
    yield sheet.intro
    if sheet.draft:
        yield sheet.draft
    for part in sheet.parts:
        columns: list[Column]
        if part.clause:
            yield part.clause
        if isinstance(part, TablePart):
            yield part.title
            if part.prompt:
                yield part.prompt
            yield from part.fixed_rows
            if part.score:
                yield part.score.heading
            if part.grid:
                yield part.grid.title
                for region in part.grid.regions:
                    yield region.title
                    yield region.strategy
            columns = part.columns
        else:
            yield part.label
            if part.example:
                yield part.example
            yield from part.options
            columns = []
        for column in columns:
            yield column.heading
            if column.example:
                yield column.example
            yield from column.options


def extract(content: Content) -> Catalog:
    catalog = Catalog(project="partnering-guidelines", version=version(), domain=DOMAIN, charset="utf-8",
                      fuzzy=False)
    for path in sorted(TEMPLATES.rglob("*")):
        if path.suffix in (".md", ".html"):
            for line, message, comments, context in extract_from_file("jinja2.ext:babel_extract", path, keywords=JINJA_KEYWORDS,
                                                                      options=JINJA_OPTIONS):
                catalog.add(message, locations=[(_rel(path), line)], auto_comments=comments, context=context)
    for path in sorted((ROOT / "macros").rglob("*.py")):
        for line, message, comments, context in extract_from_file("python", path, keywords=PYTHON_KEYWORDS):
            catalog.add(message, locations=[(_rel(path), line)], auto_comments=comments, context=context)
    for path in sorted(JS.glob("*.js")):
        for line, message, comments, _ in extract_from_file("javascript", path, keywords=JS_KEYWORDS):
            catalog.add(message, locations=[(_rel(path), line)], auto_comments=comments, context=i18n.JS_CONTEXT)
    for context, text, where in data_messages(content):
        catalog.add(text, locations=[(where, 0)], context=context)
    return catalog


def update(content: Content, folder: Path = i18n.TRANSLATIONS) -> int:
    template = extract(content)
    with (folder / f"{DOMAIN}.pot").open("wb") as fh:
        write_po(fh, template, width=100, sort_output=True, omit_header=False)
    keys = i18n.template_keys(folder)
    for lang in i18n.catalogue_languages(folder):
        if lang.code == i18n.SOURCE:
            continue
        path = i18n.po_path(lang.code, folder)
        if path.is_file():
            with path.open("rb") as fh:
                catalog = read_po(fh, locale=lang.code, domain=DOMAIN)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=lang.code, domain=DOMAIN, project="partnering-guidelines", fuzzy=False)
        catalog.header_comment = HEADER.format(language=lang.name)
        # No fuzzy matching: a changed English text must be translated again, not guessed.
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        with path.open("wb") as fh:
            write_po(fh, catalog, width=100, sort_output=True, include_previous=False)
        st = i18n.status(lang, folder, keys=keys)
        print(f"{lang.code}: {st.translated}/{len(keys)} translated ({st.translated_percent}%), "
              f"{st.reviewed} reviewed ({st.reviewed_percent}%)", file=sys.stdout)
    return 0
