"""An official translation of the guideline text, unit by unit (issue 22): exported as a
translator's PO file, translated, imported back as an overlay, built with English and that
language only, and shown with each unit's status: anything not official labelled, with its
English one tap away (a <details>, which works without JavaScript). The fidelity check refuses,
with file and line, a unit the publication has not, an English that changed since, a translation
that lost a footnote marker and translated text without a status.

Every test works in tmp_path: the repository's own content/translations/ is never written."""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po, write_po
from conftest import mkdocs_build
from mkdocs_config import write_config

from macros.content.load import load
from macros.content.reader import ContentError
from macros.outputs import units_po
from macros.project import CONTENT, ROOT
from macros.site import i18n

LANGUAGE = "th"
# What the translator does to a few units: its translation and the status it gives.
PLAN = {
    "case:IV.2/title": ("ชื่อกรณีศึกษาทดสอบ", "draft"),
    "case:IV.2/blocks/0/p": ("ย่อหน้าทดสอบที่หนึ่ง", "reviewed"),
    "case:IV.2/blocks/1/p": ("ย่อหน้าทดสอบที่สอง", "official"),
}
LIST_ITEM_PREFIX = "module:A/steps/1/tasks/1.1/blocks/"   # and a list item of a step page, as a draft
LIST_ITEM_TEXT = "รายการทดสอบของงาน"
THAI = i18n.translator(i18n.Language(LANGUAGE, "Thai", "ไทย"))
DRAFT, REVIEWED = THAI.gettext("Draft translation, not official"), THAI.gettext("Reviewed translation, not official")


def macros_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def entries(po: Path) -> list:
    return [m for m in read_po(io.BytesIO(po.read_bytes())) if m.id]


def rewrite(po: Path, change) -> None:
    """The PO file with `change(message)` applied to every entry, written as a PO editor would."""
    catalog = read_po(io.BytesIO(po.read_bytes()))
    for message in catalog:
        if message.id:
            change(message)
    out = io.BytesIO()
    write_po(out, catalog, width=100)
    po.write_bytes(out.getvalue())


def translate(message) -> None:
    if message.context in PLAN:
        message.string, status = PLAN[message.context]
        message.flags.add(status)
    elif message.context.startswith(LIST_ITEM_PREFIX) and "/items/0/text" in message.context:
        message.string = LIST_ITEM_TEXT   # no flag: a draft


def listed_at(translation: Path, unit_id: str) -> tuple[int, int]:
    """The line of a unit's entry in units.yml, and its index."""
    lines = (translation / "units.yml").read_text(encoding="utf-8").split("\n")
    ids = [line for line in lines if line.startswith("- id: ")]
    return lines.index(f"- id: {unit_id}") + 1, ids.index(f"- id: {unit_id}")


def line_of(po: Path, context: str) -> int:
    return next(m.lineno for m in entries(po) if m.context == context)


@pytest.fixture
def project(tmp_path) -> Path:
    """A mkdocs.yml whose official translations are an empty folder in tmp_path."""
    (tmp_path / "translations").mkdir()
    return write_config(tmp_path / "mkdocs.yml", official_translations=tmp_path / "translations")


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory) -> dict:
    """Export, translate a few units, import, build English and Thai only: what each step left."""
    folder = tmp_path_factory.mktemp("official-translation")
    overlay = folder / "translations"
    overlay.mkdir()
    config = write_config(folder / "mkdocs.yml", official_translations=overlay)
    po = folder / "th.po"
    exported = macros_cli("export-units", LANGUAGE, str(po), "-f", str(config))
    assert exported.returncode == 0, exported.stderr
    untouched = po.read_bytes()
    rewrite(po, translate)
    imported = macros_cli("import-units", str(po), "-f", str(config))
    assert imported.returncode == 0, imported.stderr
    site = folder / "site"
    built = mkdocs_build(site, official_translations=overlay, languages=["en", LANGUAGE])
    assert built.returncode == 0, built.stdout + built.stderr
    return {"po": po, "exported": untouched, "imported": imported.stdout, "overlay": overlay / LANGUAGE, "site": site}


def test_the_export_has_one_entry_per_unit_with_its_id_and_english(round_trip, content, tmp_path):
    po = tmp_path / "exported.po"
    po.write_bytes(round_trip["exported"])
    found = entries(po)
    assert len({m.context for m in found}) == len(found), "every unit has its own ID"
    by_id = {m.context: m for m in found}
    box = content.case_by_id["IV.2"]
    assert by_id["case:IV.2/title"].id == box.title
    assert [by_id[f"case:IV.2/blocks/{n}/p"].id for n in range(3)] == [b.p for b in box.blocks[:3]]
    # Where the English is, for the translator: the file and line of the box's title.
    lines = (CONTENT / "cases" / "IV.2.yml").read_text(encoding="utf-8").split("\n")
    title_line = next(n for n, line in enumerate(lines, start=1) if line.startswith("title:"))
    assert by_id["case:IV.2/title"].locations == [("content/cases/IV.2.yml", title_line)]
    task = content.task_by_id["3.2"]
    assert task.title in {m.id for m in found} and "module:A/steps/3/tasks/3.2/title" in by_id
    assert all(not m.string for m in found), "nothing is translated yet"
    assert dict(read_po(io.BytesIO(round_trip["exported"])).mime_headers)["Language"] == LANGUAGE


def test_the_import_writes_the_overlay_and_each_unit_s_status(round_trip, content):
    listed = yaml.safe_load((round_trip["overlay"] / "units.yml").read_text(encoding="utf-8"))["units"]
    statuses = {unit["id"]: unit["status"] for unit in listed}
    assert {unit_id: statuses[unit_id] for unit_id in PLAN} == {unit_id: status for unit_id, (_, status) in PLAN.items()}
    assert len(statuses) == len(PLAN) + 1 and "draft" in statuses.values()
    box = yaml.safe_load((round_trip["overlay"] / "cases" / "IV.2.yml").read_text(encoding="utf-8"))
    assert box["title"] == PLAN["case:IV.2/title"][0]
    assert box["blocks"][2]["p"] == content.case_by_id["IV.2"].blocks[2].p   # not translated: still English
    assert "1 official, 1 reviewed, 2 draft" in round_trip["imported"]


def test_units_not_official_are_labelled_with_their_english_one_tap_away(page, round_trip, content):
    site = round_trip["site"]
    box = content.case_by_id["IV.2"]
    page.goto((site / LANGUAGE / "cases" / "iv-2.html").as_uri())
    assert PLAN["case:IV.2/title"][0] in page.locator("h1").inner_text()
    notes = page.locator("details.unit-english")
    assert notes.count() == 2, "the draft title and the reviewed paragraph; the official paragraph is not labelled"
    title_note, paragraph_note = notes.nth(0), notes.nth(1)
    assert DRAFT != "Draft translation, not official", "the label is in the page's language"
    assert title_note.locator("summary").inner_text().startswith(DRAFT)
    assert paragraph_note.locator("summary").inner_text().startswith(REVIEWED)
    english_title = title_note.get_by_text(box.title, exact=True)
    assert not english_title.is_visible()
    title_note.locator("summary").click()
    assert english_title.is_visible() and english_title.get_attribute("lang") == "en"
    official = page.get_by_text(PLAN["case:IV.2/blocks/1/p"][0], exact=True)
    assert official.is_visible()
    assert official.evaluate("p => p.nextElementSibling === null || !p.nextElementSibling.matches('details')")
    assert THAI.gettext("Parts of the guideline text on this page are translations that are not official yet: each is "
                        "labelled, with its English one tap away.") in page.locator(".i18n-notice").inner_text()
    page.goto((site / "cases" / "iv-2.html").as_uri())
    assert page.locator("details.unit-english").count() == 0 and box.title in page.locator("h1").inner_text()


def test_the_english_opens_without_javascript(browser, round_trip, content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((round_trip["site"] / LANGUAGE / "cases" / "iv-2.html").as_uri())
    note = page.locator("details.unit-english").nth(1)
    paragraph = note.get_by_text(content.case_by_id["IV.2"].blocks[0].p[:40])
    assert not paragraph.is_visible()
    note.locator("summary").click()
    assert paragraph.is_visible()
    context.close()


def test_a_list_item_is_labelled_in_its_place(page, round_trip):
    page.goto((round_trip["site"] / LANGUAGE / "steps" / "1.html").as_uri())
    item = page.locator("li", has_text=LIST_ITEM_TEXT).last
    assert item.locator("details.unit-english summary").inner_text().startswith(DRAFT)


def test_the_status_page_counts_the_units(round_trip):
    status = (round_trip["site"] / LANGUAGE / "translations.html").read_text(encoding="utf-8")
    total = len(units_po.units.of_content(load(CONTENT)))
    expected = THAI.gettext("%(official)s official, %(reviewed)s reviewed and %(draft)s draft units of %(total)s; the rest in English")
    assert expected % {"official": 1, "reviewed": 1, "draft": 2, "total": total} in status


@pytest.fixture
def exported(project) -> Path:
    po = project.parent / "th.po"
    result = macros_cli("export-units", LANGUAGE, str(po), "-f", str(project))
    assert result.returncode == 0, result.stderr
    return po


@pytest.mark.parametrize("change, context, expected", [
    (lambda m: setattr(m, "context", "case:IV.2/blocks/99/p") if m.context == "case:IV.2/blocks/0/p" else None,
     "case:IV.2/blocks/99/p", "no unit 'case:IV.2/blocks/99/p' in the publication"),
    (lambda m: setattr(m, "id", m.id + " (older wording)") if m.context == "case:IV.2/blocks/0/p" else None,
     "case:IV.2/blocks/0/p", "the English of this unit has changed since the export"),
    (lambda m: setattr(m, "string", "ย่อหน้าที่ไม่มีเชิงอรรถ") if m.context == "case:IV.13/blocks/1/p" else None,
     "case:IV.13/blocks/1/p", "footnote markers [] where the English has ['IV.13-1', 'IV.13-2']"),
    (lambda m: (setattr(m, "string", "ชื่อ"), m.flags.update({"official", "draft"})) if m.context == "case:IV.2/title" else None,
     "case:IV.2/title", "flags official, draft: give one status"),
], ids=["unknown-id", "changed-english", "footnote-lost", "two-statuses"])
def test_a_file_that_does_not_map_to_the_publication_is_refused_with_its_line(exported, project, change, context, expected):
    rewrite(exported, translate)
    rewrite(exported, change)
    result = macros_cli("import-units", str(exported), "-f", str(project))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{exported}:{line_of(exported, context)}: msgctxt \"{context}\"" in result.stderr, result.stderr
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert list((project.parent / "translations").iterdir()) == [], "nothing is written when anything is wrong"


@pytest.fixture
def imported(exported, project) -> Path:
    rewrite(exported, translate)
    result = macros_cli("import-units", str(exported), "-f", str(project))
    assert result.returncode == 0, result.stderr
    return project.parent / "translations" / LANGUAGE


def test_a_unit_whose_english_changed_in_the_publication_fails_the_check(imported, tmp_path):
    publication = tmp_path / "content"
    shutil.copytree(CONTENT, publication)
    box = publication / "cases" / "IV.2.yml"
    english = load(CONTENT).case_by_id["IV.2"].blocks[0].p
    box.write_text(box.read_text(encoding="utf-8").replace(english[:60], "A corrected " + english[:48], 1), encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        units_po.overlay.apply(load(publication), imported.parent, LANGUAGE)
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
        units_po.overlay.apply(content, imported.parent, LANGUAGE)
    line = next(n for n, row in enumerate(box.read_text(encoding="utf-8").split("\n"), start=1) if "ย่อหน้าที่ไม่มีสถานะ" in row)
    assert f"translations/th/cases/IV.2.yml:{line}: blocks[2].p: translated, but units.yml gives 'case:IV.2/blocks/2/p' no status" \
        in refused.value.report()


def test_python_m_macros_check_checks_a_translation_in_a_catalogue_language(imported, project):
    units = imported / "units.yml"
    at, index = listed_at(imported, "case:IV.2/title")
    units.write_text(units.read_text(encoding="utf-8").replace("- id: case:IV.2/title", "- id: case:IV.2/headline"), encoding="utf-8")
    result = macros_cli("check", "-f", str(project))
    assert result.returncode == 1, result.stdout
    assert (f"translations/th/units.yml:{at}: units[{index}].id: no unit 'case:IV.2/headline' in the publication"
            in result.stderr), result.stderr
