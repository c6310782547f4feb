"""An official translation of the guideline text, unit by unit (issue 22), as files: the
translator's PO file that export-units writes (one entry per unit, its ID and its English), the
overlay that import-units writes from it (the translated files and units.yml), and the fidelity
check that refuses, with file and line, a unit the publication has not, an English that changed
since, a translation that lost a footnote marker, two statuses, and translated text with no
status. How pages show it: tests/browser/test_official_translation.py.

Every test works in tmp_path: the repository's own content/translations/ is never written."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from cli import macros_cli
from mkdocs_config import write_config
from translator_files import LANGUAGE, LIST_ITEM, PLAN, entries, line_of, listed_at, rewrite, translate

from macros.content import overlay
from macros.content.load import load
from macros.content.reader import ContentError
from macros.project import CONTENT


@pytest.fixture
def project(tmp_path) -> Path:
    """A mkdocs.yml whose official translations are an empty folder in tmp_path."""
    (tmp_path / "translations").mkdir()
    return write_config(tmp_path / "mkdocs.yml", official_translations=tmp_path / "translations")


@pytest.fixture
def exported(project) -> Path:
    po = project.parent / f"{LANGUAGE}.po"
    result = macros_cli("export-units", LANGUAGE, po, "-f", project)
    assert result.returncode == 0, result.stderr
    return po


@pytest.fixture
def imported(exported, project) -> Path:
    rewrite(exported, translate)
    result = macros_cli("import-units", exported, "-f", project)
    assert result.returncode == 0, result.stderr
    return project.parent / "translations" / LANGUAGE


def test_the_export_has_one_entry_per_unit_with_its_id_and_english(exported, content):
    found = entries(exported)
    assert len({m.context for m in found}) == len(found), "every unit has its own ID"
    by_id = {m.context: m for m in found}
    box = content.case_by_id["IV.2"]
    assert by_id["case:IV.2/title"].id == box.title
    assert [by_id[f"case:IV.2/blocks/{n}/p"].id for n in range(3)] == [b.p for b in box.blocks[:3]]
    # Where the English is, for the translator: the file and line of the box's title.
    lines = (CONTENT / "cases" / "IV.2.yml").read_text(encoding="utf-8").split("\n")
    title_line = next(n for n, line in enumerate(lines, start=1) if line.startswith("title:"))
    assert by_id["case:IV.2/title"].locations == [("content/cases/IV.2.yml", title_line)]
    assert by_id["module:A/steps/3/tasks/3.2/title"].id == content.task_by_id["3.2"].title
    assert by_id[LIST_ITEM].id == content.task_by_id["1.1"].blocks[0].list.items[0].text
    assert all(not m.string for m in found), "nothing is translated yet"
    assert dict(read_po(exported.open("rb")).mime_headers)["Language"] == LANGUAGE


def test_the_import_writes_the_overlay_and_each_unit_s_status(exported, project, content):
    rewrite(exported, translate)
    result = macros_cli("import-units", exported, "-f", project)
    assert result.returncode == 0, result.stderr
    assert "1 official, 1 reviewed, 2 draft" in result.stdout
    translation = project.parent / "translations" / LANGUAGE
    listed = yaml.safe_load((translation / "units.yml").read_text(encoding="utf-8"))["units"]
    assert {unit["id"]: unit["status"] for unit in listed} == {LIST_ITEM: "draft", **{k: s for k, (_, s) in PLAN.items()}}
    box = yaml.safe_load((translation / "cases" / "IV.2.yml").read_text(encoding="utf-8"))
    assert box["title"] == PLAN["case:IV.2/title"][0]
    assert box["blocks"][2]["p"] == content.case_by_id["IV.2"].blocks[2].p   # not translated: still English
    # Exported again, the file carries the translation and its status: a round trip loses nothing.
    again = project.parent / "again.po"
    assert macros_cli("export-units", LANGUAGE, again, "-f", project).returncode == 0
    title = next(m for m in entries(again) if m.context == "case:IV.2/title")
    assert title.string == PLAN["case:IV.2/title"][0] and "draft" in title.flags


@pytest.mark.parametrize("change, unit_id, expected", [
    (lambda m: setattr(m, "context", "case:IV.2/blocks/99/p") if m.context == "case:IV.2/blocks/0/p" else None,
     "case:IV.2/blocks/99/p", "no unit 'case:IV.2/blocks/99/p' in the publication"),
    (lambda m: setattr(m, "id", m.id + " (older wording)") if m.context == "case:IV.2/blocks/0/p" else None,
     "case:IV.2/blocks/0/p", "the English of this unit has changed since the export"),
    (lambda m: setattr(m, "string", "ย่อหน้าที่ไม่มีเชิงอรรถ") if m.context == "case:IV.13/blocks/1/p" else None,
     "case:IV.13/blocks/1/p", "footnote markers [] where the English has ['IV.13-1', 'IV.13-2']"),
    (lambda m: (setattr(m, "string", "ชื่อ"), m.flags.update({"official", "draft"})) if m.context == "case:IV.2/title" else None,
     "case:IV.2/title", "flags official, draft: give one status"),
], ids=["unknown-id", "changed-english", "footnote-lost", "two-statuses"])
def test_a_file_that_does_not_map_to_the_publication_is_refused_with_its_line(exported, project, change, unit_id, expected):
    rewrite(exported, translate)
    rewrite(exported, change)
    result = macros_cli("import-units", exported, "-f", project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{exported}:{line_of(exported, unit_id)}: msgctxt \"{unit_id}\"" in result.stderr, result.stderr
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert list((project.parent / "translations").iterdir()) == [], "nothing is written when anything is wrong"


def test_a_unit_whose_english_changed_in_the_publication_fails_the_check(imported, tmp_path):
    publication = tmp_path / "content"
    shutil.copytree(CONTENT, publication)
    box = publication / "cases" / "IV.2.yml"
    english = load(CONTENT).case_by_id["IV.2"].blocks[0].p
    box.write_text(box.read_text(encoding="utf-8").replace(english[:60], "A corrected " + english[:48], 1), encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        overlay.apply(load(publication), imported.parent, LANGUAGE)
    report = refused.value.report()
    at, index = listed_at(imported, "case:IV.2/blocks/0/p")
    assert report.startswith("1 problem"), report
    assert (f"translations/th/units.yml:{at + 2}: units[{index}].english: the English of 'case:IV.2/blocks/0/p' "
            "has changed since it was translated; it now reads \"A corrected") in report, report


def test_translated_text_without_a_status_fails_the_check(imported, content):
    box = imported / "cases" / "IV.2.yml"
    english = content.case_by_id["IV.2"].blocks[2].p
    text = box.read_text(encoding="utf-8")
    assert english in text
    box.write_text(text.replace(english, "ย่อหน้าที่ไม่มีสถานะ"), encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        overlay.apply(content, imported.parent, LANGUAGE)
    line = next(n for n, row in enumerate(box.read_text(encoding="utf-8").split("\n"), start=1) if "ย่อหน้าที่ไม่มีสถานะ" in row)
    assert f"translations/th/cases/IV.2.yml:{line}: blocks[2].p: translated, but units.yml gives 'case:IV.2/blocks/2/p' no status" \
        in refused.value.report()


def test_python_m_macros_check_checks_a_translation_in_a_catalogue_language(imported, project):
    units = imported / "units.yml"
    at, index = listed_at(imported, "case:IV.2/title")
    units.write_text(units.read_text(encoding="utf-8").replace("- id: case:IV.2/title", "- id: case:IV.2/headline"), encoding="utf-8")
    result = macros_cli("check", "-f", project)
    assert result.returncode == 1, result.stdout
    assert (f"translations/th/units.yml:{at}: units[{index}].id: no unit 'case:IV.2/headline' in the publication"
            in result.stderr), result.stderr
