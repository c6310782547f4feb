"""The termbase (translations/terms.yml, issue 22): a catalogue entry whose English holds a key
term must use the language's term and none of its forbidden variants, or `python -m macros
check` and the build refuse the catalogues, naming the .po file and line, the msgid, the term
and what is expected. Every test works on a copy of translations/ in tmp_path."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from cli import macros_cli
from mkdocs_config import write_config

from macros.content.reader import ContentError
from macros.site import catalogue_check, i18n

# `catalogues`: a copy of translations/ in the test's folder (tests/catalogue_copies.py).


def translate(folder: Path, code: str, msgid: str, msgstr: str, context: str | None = None) -> tuple[Path, int]:
    """Gives the entry of `msgid` (and `context`) the translation `msgstr`, as a translator's tool
    would write it; returns the .po file and the line of the entry."""
    po = i18n.po_path(code, folder)
    catalog = read_po(io.BytesIO(po.read_bytes()))
    message = catalog.get(msgid, context)
    assert message is not None, f"{code} has no entry {context!r} {msgid!r}"
    message.string = msgstr
    out = io.BytesIO()
    write_po(out, catalog, width=100)
    po.write_bytes(out.getvalue())
    line = read_po(io.BytesIO(po.read_bytes())).get(msgid, context).lineno
    return po.resolve(), line


def report(folder: Path) -> str:
    with pytest.raises(ContentError) as refused:
        catalogue_check.check(folder)
    return refused.value.report()


def term_line(folder: Path, term: str, code: str) -> int:
    """The line of a term's entry for a language in terms.yml, as the report names it."""
    lines = (folder / "terms.yml").read_text(encoding="utf-8").split("\n")
    start = lines.index(f"  - id: {term}")
    return next(n for n, line in enumerate(lines[start:], start=start + 1) if line == f"      {code}:")


def test_the_real_catalogues_use_the_terms():
    assert catalogue_check.check(i18n.TRANSLATIONS) == ["fr", "ru", "zh", "id", "th"]


def test_a_forbidden_variant_is_refused_naming_file_line_msgid_term_and_expected(catalogues):
    # Thai หุ้นส่วน alone is a partner, not the partnership (the reviewers' finding).
    po, line = translate(catalogues, "th", "Partnership view", "มุมมองหุ้นส่วน")
    text = report(catalogues)
    assert f'{po}:{line}: msgid "Partnership view": term \'partnership\'' in text, text
    assert "'หุ้นส่วน' is a forbidden variant; expected 'ความเป็นหุ้นส่วน'" in text, text


def test_a_missing_term_is_refused(catalogues):
    po, line = translate(catalogues, "fr", "Governance and accountability", "Gouvernance et transparence",
                         "worksheet:governance-and-accountability")
    text = report(catalogues)
    assert (f'{po}:{line}: msgctxt "worksheet:governance-and-accountability" msgid "Governance and accountability": '
            f"term 'accountability'") in text, text
    assert "the English holds it; expected 'responsabilité'" in text, text
    assert text.startswith("1 problem in the translation catalogues:"), text


@pytest.mark.parametrize("code, msgid, msgctxt, msgstr, expected", [
    ("zh", "Three paths through the guidelines", None, "阅读准则的三条路径", "'准则' is a forbidden variant; expected '指南'"),
    ("th", "Governance and accountability", "worksheet:governance-and-accountability", "ธรรมาภิบาลและภาระรับผิดชอบ",
     "'ธรรมาภิบาล' is a forbidden variant; expected 'การกำกับดูแล'"),
    ("ru", "Why can the objective not be achieved without a multi-stakeholder partnership?", "worksheet:framing-the-challenge",
     "Почему цель нельзя достичь без многостороннего партнерства?",
     "'многосторонн' is a forbidden variant; expected 'партнерство с участием многих заинтересованных сторон'"),
    ("ru", "Partnership view", None, "Взгляд партнёрства", "'ё' is never written in this language"),
], ids=["zh-guidelines", "th-governance", "ru-multilateral", "ru-yo"])
def test_each_language_s_variants_are_refused(catalogue_of, code, msgid, msgctxt, msgstr, expected):
    catalogues = catalogue_of(code)
    po, line = translate(catalogues, code, msgid, msgstr, msgctxt)
    text = report(catalogues)
    assert f"{po}:{line}: " in text and expected in text, text


def test_a_name_holds_no_term_and_a_placeholder_is_no_word(catalogues):
    """"Web Content Accessibility Guidelines" is a title ('指南' in its Chinese name is not our
    term), and "%(partners)s" names a placeholder, not partners."""
    translate(catalogues, "zh", "Partnership view", "伙伴关系视图")
    assert catalogue_check.check(catalogues)


def test_python_m_macros_check_refuses_it_and_names_the_termbase_line(catalogues):
    po, line = translate(catalogues, "zh", "Partnership view", "合作视图")
    config = write_config(catalogues.parent / "mkdocs.yml", catalogues=catalogues)
    result = macros_cli("check", "-f", config)
    assert result.returncode == 1, result.stdout + result.stderr
    expected = (f"{po}:{line}: msgid \"Partnership view\": term 'partnership' "
                f"({catalogues.resolve() / 'terms.yml'}:{term_line(catalogues, 'partnership', 'zh')}): "
                "the English holds it; expected '伙伴关系'")
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_termbase_that_is_wrong_is_refused_with_its_line(catalogues):
    terms = catalogues / "terms.yml"
    text = terms.read_text(encoding="utf-8")
    terms.write_text(text.replace("        term: 伙伴关系\n", "        term: 伙伴关系\n        forms: ['伙伴(关系']\n", 1)
                     .replace("  id:\n    source:", "  xx:\n    source:", 1), encoding="utf-8")
    text = report(catalogues)
    assert "in the termbase:" in text, text
    assert "translations/terms.yml:" in text and "not a regular expression" in text, text
    assert "no entry for 'id': say where its terms come from" in text, text
