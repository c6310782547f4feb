"""What a language's build holds in its own language: the Word and Excel worksheets (labels,
headings and choices; the publication's text marked English), and the publication's English
on a page in another language marked lang="en", so that screen readers read it with an English
voice. On the published build of every language (conftest.py's `full_site`); what a browser
shows of them: tests/browser/test_translated_everything.py."""
from __future__ import annotations

import re

import lxml.html
import pytest
from docx import Document
from docx.oxml.ns import qn

from macros.content import inline
from macros.site import i18n, worksheets

TRANSLATED = [lang.code for lang in i18n.catalogue_languages() if lang.code != i18n.SOURCE]


def docx_runs(path):
    doc = Document(str(path))
    paragraphs = list(doc.paragraphs) + [p for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return doc, paragraphs


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_word_file_is_in_its_language_with_the_publication_marked_english(full_site, content, code):
    tr = i18n.translator(i18n.Language(code, code, code))
    sheet = next(s for s in content.worksheets if s.id == "stakeholder-map")
    path = full_site / code / worksheets.docx_path(sheet.id)
    doc, paragraphs = docx_runs(path)
    text = "\n".join(p.text for p in paragraphs)
    title = i18n.fill(tr.gettext("Worksheet: {title}"), title=tr.data("worksheet:stakeholder-map", sheet.title))
    assert doc.core_properties.title == title and title in text
    for english in ("Inventory of potential partners", "Government", "To be decided"):
        translated = tr.data("worksheet:stakeholder-map", english)
        assert translated != english and translated in text, (code, english)
    for label in ("From the guidance of task {id}, item {item}", "Choices (ours): {choices}", "Serves"):
        ours = tr.gettext(label).split("{")[0].strip()
        assert ours and ours in text, (code, label)
        assert label.split("{")[0].strip() not in text, (code, label)
    # The task it serves is named in the publication's words, marked as English; the rest is the language's.
    task_title = inline.plain(content.task_by_id[sheet.tasks[0]].title)
    runs = [r for p in paragraphs for r in p.runs if task_title in r.text]
    assert runs and all(r._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "en" for r in runs)
    normal = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert normal.get(qn("w:val")) == code


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_excel_file_offers_the_choices_in_its_language(full_site, code):
    from openpyxl import load_workbook

    tr = i18n.translator(i18n.Language(code, code, code))
    book = load_workbook(full_site / code / worksheets.xlsx_path("stakeholder-map"))
    shown = [s.title for s in book.worksheets if s.sheet_state == "visible"]
    assert shown[0] == tr.gettext("About")
    inventory = book[shown[1]]
    assert inventory.cell(1, 2).value == tr.data("worksheet:stakeholder-map", "Type")
    rule = inventory.data_validations.dataValidation[0]
    where, cells = rule.formula1.split("!")
    listed = [c[0].value for c in book[where.strip("'")][cells.replace("$", "")]]
    assert tr.data("worksheet:stakeholder-map", "Government") in listed and "Government" not in listed


def test_english_paragraphs_of_a_thai_step_say_they_are_english(full_site):
    """Every text of /th/steps/3.html with English words in it is inside an element marked
    lang="en"; the Thai around it is not."""
    doc = lxml.html.fromstring((full_site / "th" / "steps" / "3.html").read_bytes())
    article = doc.xpath("//article")[0]

    def language(element) -> str:
        return next((e.get("lang") for e in element.iterancestors(None) if e.get("lang")), None) if element.get("lang") is None \
            else element.get("lang")

    english, thai = [], []
    for element in article.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "code"):
            continue
        for text, owner in ((element.text, element), (element.tail, element.getparent())):
            if not text or owner is None:
                continue
            if re.search(r"[A-Za-z]+(?:[\s,;:()]+[A-Za-z]+){3,}", text):
                english.append((language(owner), text.strip()[:80]))
            elif re.search(r"[ก-๙]{2,}", text):
                thai.append((language(owner), text.strip()[:80]))
    paragraphs = doc.xpath("//article//p[@lang='en'] | //article//li[@lang='en']")
    assert len(paragraphs) >= 15, "the step's English paragraphs and list items"
    assert [t for lang, t in english if lang != "en"] == []
    assert [t for lang, t in thai if lang != "th"] == []

