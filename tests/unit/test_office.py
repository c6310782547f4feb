"""The Word and Excel worksheets: every field and table, the publication's lists, blank and
filled from a browser export; text that looks like a formula stays text."""
from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from cli import macros_cli
from docx import Document
from openpyxl import load_workbook

from macros.content import inline
from macros.outputs import office
from macros.project import version
from macros.site import worksheets as ws


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_every_worksheet_as_word_with_every_field_and_table(content):
    for sheet in content.worksheets:
        text = docx_text(office.docx_bytes(content, sheet))
        assert f"Worksheet: {sheet.title}" in text
        assert sheet.intro in text
        for part in ws.parts(content, sheet):
            if isinstance(part, ws.TableView):
                assert part.part.title in text, (sheet.id, part.part.title)
                for column in part.part.columns:
                    assert column.heading in text, (sheet.id, column.heading)
                for row in part.rows:
                    assert inline.plain(row.label or row.text) in text, (sheet.id, row.id)
            else:
                assert part.label in text, (sheet.id, part.field)


def test_every_worksheet_with_tables_as_excel(content):
    for sheet in content.worksheets:
        if not ws.has_tables(sheet):
            continue
        book = load_workbook(io.BytesIO(office.xlsx_bytes(content, sheet)))
        tables = [p for p in ws.parts(content, sheet) if isinstance(p, ws.TableView)]
        shown = [s.title for s in book.worksheets if s.sheet_state == "visible"]
        assert shown[0] == "About" and len(shown) == len(tables) + 1
        for name, view in zip(shown[1:], tables, strict=True):
            sheet_x = book[name]
            headings = [c.value for c in sheet_x[1]]
            assert headings[-len(view.part.columns):] == [c.heading for c in view.part.columns]
            if view.rows:
                first_column = [sheet_x.cell(r + 2, 1).value for r in range(len(view.rows))]
                assert [inline.plain(r.label or r.text) in v for r, v in zip(view.rows, first_column, strict=True)] == [True] * len(view.rows)
            choices = [c for c in view.part.columns if c.options]
            rules = sheet_x.data_validations.dataValidation
            assert len(rules) == len(choices)
            for rule, column in zip(rules, choices, strict=True):
                # The choices live on a hidden sheet: a choice with a comma stays one choice.
                where, cells = rule.formula1.split("!")
                listed = [c[0].value for c in book[where.strip("'")][cells.replace("$", "")]]
                assert listed == column.options, (sheet.id, column.id)


def test_the_publications_lists_in_the_files(content):
    by_id = {s.id: s for s in content.worksheets}
    risks = docx_text(office.docx_bytes(content, by_id["rewards-and-risks"]))
    for area in ("Reputation impact", "Loss of autonomy", "Conflicts of interest", "Drain on resources", "Implementation challenges"):
        assert area in risks
    assert "Professional development of key personnel" in risks and "Increased access to resources" in risks
    book = load_workbook(io.BytesIO(office.xlsx_bytes(content, by_id["scaling-up"])))
    dims = "\n".join(str(book.worksheets[1].cell(r, 1).value) for r in range(2, 6))
    for word in ("Social dimension", "Physical dimension", "Political dimension", "Conceptual dimension"):
        assert word in dims
    agreement = docx_text(office.docx_bytes(content, by_id["partnering-agreement"]))
    assert "A good partnering agreement would usually define the problem addressed" in agreement


def export(tmp_path, records, sheet="rewards-and-risks", **extra):
    data = {"format": "partnering-guidelines-worksheet", "schema_version": 1, "worksheet": sheet, "records": records, **extra}
    path = tmp_path / "export.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def run_fill(*args):
    return macros_cli("fill-worksheet", *map(str, args))


def test_filled_from_a_browser_export_with_formulas_kept_as_text(tmp_path):
    path = export(tmp_path, {
        "f:partner": {"value": "Ministry of Agriculture", "updated": "2026-01-01T00:00:00Z"},
        "r:risks:IV.4.1": {"values": {"risk": "=HYPERLINK(\"http://x\")", "likelihood": "High"}, "updated": "x"},
        "r:actions:row-1": {"values": {"action": "+1 brief the board", "owner": "@lead", "due": "2026-02-01", "status": "Done"}, "order": 0},
        "r:actions:row-2": {"values": {"action": "removed"}, "order": 1, "deleted": True},
    })
    result = run_fill(path, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    text = docx_text((tmp_path / "out" / "export.docx").read_bytes())
    assert "Ministry of Agriculture" in text and "+1 brief the board" in text and "removed" not in text
    book = load_workbook(tmp_path / "out" / "export.xlsx")
    risks = book["Risks in the five areas"]
    assert risks.cell(2, 2).value == "=HYPERLINK(\"http://x\")" and risks.cell(2, 2).data_type == "s"
    actions = book["Mitigation actions"]
    assert [c.value for c in actions[2]] == ["+1 brief the board", "@lead", dt.datetime(2026, 2, 1), "Done"]
    assert [c.data_type for c in actions[2]] == ["s", "s", "d", "s"] and actions["C2"].number_format == "yyyy-mm-dd"
    # The formula is not a formula once saved either: reopened without data_only, it is a string.
    raw = load_workbook(tmp_path / "out" / "export.xlsx", data_only=False)
    assert raw["Risks in the five areas"].cell(2, 2).data_type == "s"


def test_action_plan_export_as_excel(tmp_path):
    path = tmp_path / "action-plan.json"
    path.write_text(json.dumps({"format": "partnering-guidelines-action-plan", "schema_version": 1, "actions": [
        {"action": "=cmd", "owner": "A", "due": "2026-03-01", "status": "Done", "task": "3.2", "source": "x",
         "notes": "Paid", "completed": "2026-02-27"}]}))
    assert run_fill(path).returncode == 0
    row = [c.value for c in load_workbook(tmp_path / "action-plan.xlsx")["Action plan"][2]]
    assert row == ["=cmd", "A", dt.datetime(2026, 3, 1), "Done", "3.2", "x", "Paid", dt.datetime(2026, 2, 27)]


@pytest.mark.parametrize(("text", "message"), [
    ("not json", "not a JSON file"),
    (json.dumps({"format": "other", "schema_version": 1}), "not a worksheet or action plan export"),
    (json.dumps({"format": "partnering-guidelines-worksheet", "schema_version": 9, "worksheet": "moving-on", "records": {}}), "schema_version 9"),
    (json.dumps({"format": "partnering-guidelines-worksheet", "schema_version": 1, "worksheet": "nope", "records": {}}), "worksheet 'nope' is not one"),
])
def test_bad_exports_are_refused_with_a_message(tmp_path, text, message):
    path = tmp_path / "bad.json"
    path.write_text(text)
    result = run_fill(path)
    assert result.returncode == 1 and message in result.stderr
    assert not (tmp_path / "bad.docx").exists()


def test_the_grey_notes_of_a_word_worksheet_are_in_italics(content):
    """python-docx has no `italic` on a paragraph: setting one did nothing (found by mypy)."""
    from docx import Document

    sheet = next(s for s in content.worksheets if any(not isinstance(p, ws.TableView) for p in ws.parts(content, s)))
    notes = [p for p in Document(io.BytesIO(office.docx_bytes(content, sheet))).paragraphs if p.text.startswith("From the guidance of")]
    assert notes and all(run.italic for p in notes for run in p.runs), sheet.id


def test_fill_worksheet_help_and_usage(tmp_path):
    shown = run_fill("--help")
    assert shown.returncode == 0 and "usage: python -m macros fill-worksheet" in shown.stdout and "--force" in shown.stdout
    assert not list(tmp_path.iterdir())
    assert run_fill().returncode == 2 and "usage:" in run_fill().stderr
    wrong = run_fill("--frobnicate", "x.json")
    assert wrong.returncode == 2 and "unknown option '--frobnicate'" in wrong.stderr


def test_fill_worksheet_never_overwrites_without_force(tmp_path):
    path = export(tmp_path, {"f:partner": {"value": "First"}})
    assert run_fill(path).returncode == 0
    before = (tmp_path / "export.docx").read_bytes()
    path = export(tmp_path, {"f:partner": {"value": "Second"}})
    again = run_fill(path)
    assert again.returncode == 1 and f"{tmp_path / 'export.docx'}" in again.stderr and "--force" in again.stderr
    assert (tmp_path / "export.docx").read_bytes() == before
    assert run_fill(path, "--force").returncode == 0
    assert "Second" in docx_text((tmp_path / "export.docx").read_bytes())


@pytest.mark.parametrize(("records", "where", "what"), [
    ({"f:partner": {"value": 42}}, "records.f:partner.value", "expected text, found int"),
    ({"f:partner": {"value": "bell \x07"}}, "records.f:partner.value", "holds the control character U+0007"),
    ({"r:risks:IV.4.1": {"values": {"risk": "x" * 40_000}}}, "records.r:risks:IV.4.1.values.risk",
     "40,000 characters: an Excel cell holds at most 32,767"),
    ({"r:risks:IV.4.1": {"values": ["risk"]}}, "records.r:risks:IV.4.1.values", "expected an object"),
    ({"f:partner": "text"}, "records.f:partner", "expected an object"),
    ([], "records", "expected an object of records"),
])
def test_bad_values_are_refused_naming_file_and_field(tmp_path, records, where, what):
    result = run_fill(export(tmp_path, records))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"export.json: {where}: {what}" in result.stderr
    assert not (tmp_path / "export.docx").exists() and not (tmp_path / "export.xlsx").exists()


def test_bad_plans_and_files_are_refused_without_a_traceback(tmp_path):
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"format": "partnering-guidelines-action-plan", "schema_version": 1,
                                "actions": [{"action": "y" * 32_768}, "not an action"]}))
    result = run_fill(plan)
    assert result.returncode == 1 and "plan.json: actions[0].action: 32,768 characters" in result.stderr
    assert "plan.json: actions[1]: expected an object" in result.stderr and not (tmp_path / "plan.xlsx").exists()
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000)
    assert "nested too deeply" in run_fill(deep).stderr
    missing = run_fill(tmp_path / "nope.json")
    assert missing.returncode == 1 and "nope.json" in missing.stderr and "Traceback" not in missing.stderr
    folder = run_fill(tmp_path)
    assert folder.returncode == 1 and "Traceback" not in folder.stderr


def test_python_made_files_hold_every_field_on_a4_with_real_properties(tmp_path, content):
    path = export(tmp_path, {"f:partner": {"value": "Ministry ผู้มีส่วนได้ส่วนเสีย"}, "f:partnership-name": {"value": "Mekong 伙伴关系"},
                             "r:risks:IV.4.1": {"values": {"risk": "Loss of face", "likelihood": "High"}}})
    assert run_fill(path).returncode == 0
    book = load_workbook(tmp_path / "export.xlsx")
    about = [[c.value for c in row] for row in book.worksheets[0].iter_rows()]
    assert ["Partner organization filling in this register", "Ministry ผู้มีส่วนได้ส่วนเสีย"] in about   # whose register it is
    assert ["Partnership", "Mekong 伙伴关系"] in about
    assert book.properties.creator == "Partnering Guidelines toolkit" and version() in book.properties.description
    risks = book["Risks in the five areas"]
    assert risks.page_setup.paperSize == 9 and risks.page_setup.fitToWidth == 1 and risks.page_setup.fitToHeight == 0
    assert risks.sheet_properties.pageSetUpPr.fitToPage and risks.print_title_rows == "$1:$1"
    last = risks.cell(1, risks.max_column).column_letter   # the item, then every column of the register
    assert str(risks.print_area).endswith(f"$A$1:${last}$6") and risks.protection.sheet and risks["A1"].protection.locked
    assert not risks["B2"].protection.locked and risks["A2"].protection.locked   # the publication's item is not typed over
    assert len({risks.column_dimensions[risks.cell(1, c).column_letter].width for c in range(1, risks.max_column + 1)}) > 2   # sized
    document = Document(str(tmp_path / "export.docx"))
    section = document.sections[0]
    assert sorted([round(section.page_width.mm), round(section.page_height.mm)]) == [210, 297]
    props = document.core_properties
    assert props.author == "Partnering Guidelines toolkit" and props.language == "en" and version() in props.comments
    assert abs(props.created.replace(tzinfo=None) - dt.datetime.now(dt.UTC).replace(tzinfo=None)) < dt.timedelta(minutes=10)
    for table in document.tables[1:]:
        if len(table.columns) > 1:
            assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1
            assert len({cell.width for cell in table.rows[0].cells}) > 1
    assert "Mekong 伙伴关系" in docx_text((tmp_path / "export.docx").read_bytes())
