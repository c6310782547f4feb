"""Word and Excel files made in the browser (docs/assets/js/office-files.js), asked for on a page
and opened as their reader's program would: python-docx, openpyxl."""
from __future__ import annotations

import datetime as dt
import zipfile

import docx
import openpyxl
from docx.oxml.ns import qn
from docx.shared import Mm

from macros.project import version

TOOLKIT = "Partnering Guidelines toolkit"


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
    headed = [t for t in document.tables if t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None]
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


def check_excel(path, title: str, paper: str, typed: list[tuple[str, str]], model_parts: list[dict], grids: dict | None = None) -> None:
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
    # The first holds the title and the fields; a grid drawn from a table (check_derived) follows it.
    drawn = {g["title"][:31] for g in (grids or {}).values()}
    sheets = [s for s in book.worksheets if s.sheet_state == "visible" and s.title not in drawn][1:]
    assert len(sheets) == len(tables)
    choices = next((s for s in book.worksheets if s.sheet_state == "hidden"), None)
    for sheet, table in zip(sheets, tables, strict=True):
        scored = 1 if table.get("score") else 0    # the score (likelihood × impact): computed, last, locked
        columns = (1 if table["fixed"] else 0) + len(table["columns"]) + scored
        assert sheet.page_setup.paperSize == (9 if paper == "A4" else 1)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.print_title_rows in ("1:1", "$1:$1")
        area = sheet.print_area if isinstance(sheet.print_area, str) else ",".join(sheet.print_area)
        assert area.split("!")[1].startswith("$A$1:$" + openpyxl.utils.get_column_letter(columns) + "$"), area
        assert sheet.freeze_panes == "A2" and sheet.protection.sheet
        assert all(sheet.cell(1, c).protection.locked for c in range(1, columns + 1))
        assert not sheet.cell(2, columns - scored).protection.locked
        if scored:
            assert sheet.cell(1, columns).value == table["score_heading"] and sheet.cell(2, columns).protection.locked
        lists = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation if v.type == "list"}
        for c, column in enumerate(table["columns"], start=2 if table["fixed"] else 1):
            if column["kind"] != "choice":
                continue
            rule = lists[f"{openpyxl.utils.get_column_letter(c)}2"]
            letters = rule.formula1.split("!")[1].replace("$", "").split(":")
            offered = [choices[f"{letters[0][0]}{r}"].value for r in range(1, len(column["options"]) + 1)]
            assert offered == column["labels"]


def check_derived(word, excel, model: dict, typed: dict) -> None:
    """What the page draws from the answers is in both files as the page shows it: a grid's names
    in the cell of their region (interest × influence), and a matrix's columns headed by the
    names typed in the table that names them (RACI). `typed`: fill_everything()'s record."""
    document, book = docx.Document(str(word)), openpyxl.load_workbook(str(excel))
    word_tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    tables = {p["id"]: p for p in model["parts"] if p["kind"] == "table"}

    def typed_in(table: str, column: str) -> list[str]:
        return [v for k, v in typed.items() if k.startswith(f"r:{table}:") and k.endswith(f":{column}")]

    for table_id, grid in model["file"].get("grids", {}).items():
        name = typed_in(table_id, grid["name"])[0].strip()
        x, y = typed_in(table_id, grid["x"])[0], typed_in(table_id, grid["y"])[0]
        across = [c["option"] for c in grid["columns"]].index(x) + 1
        down = [r["option"] for r in grid["rows"]].index(y) + 1
        head = [""] + [c["label"] for c in grid["columns"]]
        drawn = [t for t in word_tables if t[0] == head]
        assert drawn, f"{word.name}: no grid {grid['title']!r}"
        assert name in drawn[0][down][across].split("\n"), f"{word.name}: {name!r} not in its grid cell"
        sheet = book[grid["title"][:31]]
        assert [c.value or "" for c in sheet[1]] == head
        assert name in str(sheet.cell(1 + down, 1 + across).value).split("\n"), f"{excel.name}: {name!r} not in its grid cell"
        for region in grid["regions"]:
            assert f"{region['title']}: {region['strategy']}" in [p.text for p in document.paragraphs]
    for table in tables.values():
        spec = table.get("column_names")
        if not spec:
            continue
        named = dict(zip(spec["columns"], [v.strip() for v in typed_in(spec["table"], spec["column"])], strict=False))
        assert named, "fill_everything() typed no name"
        labels = [c["label"] + (f"\n{named[c['id']]}" if named.get(c["id"]) else "") for c in table["columns"]]
        assert labels in [t[0] for t in word_tables], f"{word.name}: the matrix's columns are not headed by the names"
        sheet = book[next(s.title for s in book.worksheets if s.title == table["title"][:31])]
        assert [c.value for c in sheet[1]][:len(labels)] == labels, f"{excel.name}: the matrix's columns are not headed by the names"
