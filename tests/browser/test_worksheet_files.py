"""Word and Excel made in the browser from what was typed (office-files.js), for every worksheet
and the action plan, over http and file://: each file opened as its reader's program would
(python-docx, openpyxl) holds every typed value exactly, in A4 or US Letter, with its header row
repeated, its print area, its drop-down lists and its properties."""
from __future__ import annotations

import datetime as dt
import json
import zipfile

import docx
import openpyxl
import pytest
from docx.shared import Mm
from hostile import BREAKOUT, ENDINGS

from macros.project import ROOT, version

SHEETS = sorted(p.stem for p in (ROOT / "content" / "worksheets").glob("*.yml") if p.stem != "coverage")
TOOLKIT = "Partnering Guidelines toolkit"
PARTNERSHIP = "Mekong ความเป็นหุ้นส่วน 伙伴关系" + ENDINGS


def text_for(kind: str, n: int) -> str:
    """A distinct value for the nth control: Thai, Chinese, markup and formula starts as text; a
    long one on several lines."""
    one_line = f"=SUM(A{n}) v{n} ผู้มีส่วนได้ส่วนเสีย 合作伙伴 {BREAKOUT}"
    return one_line + f"\nline two of v{n}\n\n  indented" if kind == "long" else one_line


def fill_everything(page, model: dict) -> list[tuple[str, str]]:
    """A value in every field and every column of one row of every table: [(kind, value)]."""
    typed: list[tuple[str, str]] = [("text", PARTNERSHIP)]
    page.fill("#ws-partnership", PARTNERSHIP)
    n = 0
    for part in model["parts"]:
        controls = []
        if part["kind"] == "field":
            controls.append((page.locator(f"#ws-f-{part['id']}"), part["type"], part["options"]))
        else:
            if not part["fixed"]:
                page.locator(f"[data-add-row={part['id']}]").click()
            row = page.locator(f"#ws-{part['id']} tbody tr[data-row]").first
            controls += [(row.locator(f"[data-cell={c['id']}]").locator("input, textarea, select"), c["kind"], c["options"])
                         for c in part["columns"]]
        for control, kind, options in controls:
            n += 1
            if kind == "choice":
                value = options[n % len(options)]
                control.select_option(value)
            elif kind == "date":
                value = f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}"
                control.fill(value)
            else:
                value = text_for(kind, n)
                control.fill(value)
            typed.append((kind, value))
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Saved')")
    return typed


def download(page, kind: str, tmp_path, paper: str = "A4"):
    page.select_option("[data-paper]", paper)
    with page.expect_download() as got:
        page.locator(f"[data-office={kind}]").click()
    path = tmp_path / got.value.suggested_filename
    got.value.save_as(path)
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Made')")
    return path


def word_texts(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


def check_word(path, title: str, paper: str, typed: list[tuple[str, str]]) -> None:
    document = docx.Document(str(path))
    section = document.sections[0]
    size = sorted([round(section.page_width / Mm(1)), round(section.page_height / Mm(1))])
    assert size == ([210, 297] if paper == "A4" else [216, 279]), size
    texts = word_texts(document)
    for _kind, value in typed:
        assert value in texts, f"{value!r} is not a cell or paragraph of {path.name}"
    # Every table's first row is its header, repeated on each page (the fields' boxes have none).
    headed = [t for t in document.tables if t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None]
    assert headed, "no table repeats its header row"
    properties = document.core_properties
    assert properties.title == title and properties.author == TOOLKIT and properties.last_modified_by == TOOLKIT
    assert abs(properties.created - dt.datetime.now(dt.UTC)) < dt.timedelta(hours=1)
    assert version() in properties.comments
    with zipfile.ZipFile(path) as package:   # python-docx reads no custom properties
        custom = package.read("docProps/custom.xml").decode()
    assert f">{version()}<" in custom and ">en<" in custom
    footer = " ".join(p.text for p in section.footer.paragraphs)
    assert "Page" in footer


def check_excel(path, title: str, paper: str, typed: list[tuple[str, str]], model_parts: list[dict]) -> None:
    book = openpyxl.load_workbook(str(path))
    assert book.properties.title == title and book.properties.creator == TOOLKIT and book.properties.language == "en"
    assert version() in book.properties.description
    values, formulas = [], []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    values.append(cell.value)
                    if cell.data_type == "f":
                        formulas.append(cell.coordinate)
    assert not formulas, f"formulas in {path.name}: {formulas}"
    for kind, value in typed:
        expected = dt.datetime.fromisoformat(value) if kind == "date" else value
        assert expected in values, f"{value!r} is not a cell of {path.name}"
    tables = [p for p in model_parts if p["kind"] == "table"]
    sheets = [s for s in book.worksheets if s.sheet_state == "visible"][1:]   # the first holds the title and the fields
    assert len(sheets) == len(tables)
    choices = next((s for s in book.worksheets if s.sheet_state == "hidden"), None)
    for sheet, table in zip(sheets, tables, strict=True):
        columns = (1 if table["fixed"] else 0) + len(table["columns"])
        assert sheet.page_setup.paperSize == (9 if paper == "A4" else 1)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.print_title_rows in ("1:1", "$1:$1")
        area = sheet.print_area if isinstance(sheet.print_area, str) else ",".join(sheet.print_area)
        assert area.split("!")[1].startswith("$A$1:$" + openpyxl.utils.get_column_letter(columns) + "$"), area
        assert sheet.freeze_panes == "A2" and sheet.protection.sheet
        assert all(sheet.cell(1, c).protection.locked for c in range(1, columns + 1))
        assert not sheet.cell(2, columns).protection.locked
        lists = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation if v.type == "list"}
        for c, column in enumerate(table["columns"], start=2 if table["fixed"] else 1):
            if column["kind"] != "choice":
                continue
            rule = lists[f"{openpyxl.utils.get_column_letter(c)}2"]
            letters = rule.formula1.split("!")[1].replace("$", "").split(":")
            offered = [choices[f"{letters[0][0]}{r}"].value for r in range(1, len(column["options"]) + 1)]
            assert offered == column["labels"]


@pytest.mark.parametrize(("sheet_id", "address"), [(sheet, ("file", "http")[n % 2]) for n, sheet in enumerate(SHEETS)])
def test_word_and_excel_hold_everything_typed(context, server, site, sheet_id, address, tmp_path):
    page = context.new_page()
    page.goto(f"{server if address == 'http' else site.as_uri()}/worksheets/{sheet_id}.html")
    model = json.loads(page.locator("#worksheet-model").text_content())
    # No library is loaded with the page: only when a file is asked for.
    assert page.evaluate("() => typeof window.docx === 'undefined' && typeof window.ExcelJS === 'undefined'")
    typed = fill_everything(page, model)
    check_word(download(page, "docx", tmp_path), model["file"]["title"], "A4", typed)
    if any(p["kind"] == "table" for p in model["parts"]):
        check_excel(download(page, "xlsx", tmp_path, "Letter"), model["file"]["title"], "Letter", typed, model["parts"])


def test_action_plan_word_and_excel(context, base, tmp_path):
    page = context.new_page()
    page.goto(f"{base}/worksheets/stakeholder-map.html")
    page.locator("[data-add-row=actions]").click()
    row = page.locator("#ws-actions tbody tr[data-row]").first
    action = "Call the ministry ผู้มีส่วนได้ส่วนเสีย 合作伙伴" + ENDINGS + "\nthen write"
    row.locator("[data-cell=action] textarea").fill(action)
    row.locator("[data-cell=owner] input").fill("=Owner 甲")
    row.locator("[data-cell=due] input").fill("2026-03-31")
    row.locator("[data-cell=status] select").select_option("In progress")
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Saved')")
    page.goto(f"{base}/action-plan.html")
    page.wait_for_selector("#plan-table tbody tr")
    document = docx.Document(str(download(page, "docx", tmp_path)))
    assert {action, "=Owner 甲", "2026-03-31", "In progress"} <= set(word_texts(document))
    book = openpyxl.load_workbook(str(download(page, "xlsx", tmp_path)))
    plan = book.worksheets[1]
    assert [c.value for c in plan[2]][:4] == [action, "=Owner 甲", dt.datetime(2026, 3, 31), "In progress"]
    assert plan.page_setup.orientation == "landscape" and plan.print_title_rows in ("1:1", "$1:$1")
