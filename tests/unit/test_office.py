"""The Word and Excel worksheets: every field and table, the publication's lists, blank and
filled from a browser export; text that looks like a formula stays text."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from docx import Document
from openpyxl import load_workbook

from macros.content import inline
from macros.outputs import office
from macros.project import ROOT
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
    return subprocess.run([sys.executable, "-m", "macros", "fill-worksheet", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True)


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
    assert [c.value for c in actions[2]] == ["+1 brief the board", "@lead", "2026-02-01", "Done"]
    assert all(c.data_type == "s" for c in actions[2])
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
    assert row == ["=cmd", "A", "2026-03-01", "Done", "3.2", "x", "Paid", "2026-02-27"]


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
