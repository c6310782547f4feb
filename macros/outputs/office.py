"""Every worksheet as an editable Word document and, when it has tables, an Excel workbook:
blank at build time, or filled from a browser export (`python -m macros fill-worksheet`).

The layout comes from the same data as the pages (macros.site.worksheets), so the files,
the pages and the browser never disagree. Each language's files are in that language, as its
pages are: our labels, headings, prompts and choices translated (macros/site/i18n.py), the
publication's text in English, its runs marked as English in Word. Text people typed is only
ever written as text: no cell becomes a formula, whatever it starts with."""
from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import uuid
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from ..content import inline
from ..content.lists import Row
from ..content.load import Content
from ..content.model import Worksheet
from ..project import ROOT
from ..site import storage
from ..site import worksheets as ws
from ..site.i18n import ENGLISH, N_, SOURCE, Translating
from ..site.i18n import fill as fill_text

if TYPE_CHECKING:   # imported where a file is made: they slow every build
    from docx.document import Document
    from docx.text.paragraph import Paragraph
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet as Sheet

# `publication`: its title as published, in English (the toolkit translates only its own words).
CREDIT = N_("Source: {publication} (ESCAP / UNU-IAS, 2018). Worksheet prompts, headings and examples are ours "
            "(Partnering Guidelines toolkit).")
BLANK_ROWS = 5
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_IMPORT_BYTES = storage.contract()["limits"]["import_bytes"]
FILES = storage.contract()["files"]


class ExportError(ValueError):
    """An export file that cannot be used, with a message for the person who gave it."""


# --- answers from a browser export ------------------------------------------------------

RowValues = dict[str, str]              # column id -> what was typed
Filled = list[tuple[str, RowValues]]    # a table's rows in order: (row id, values)


def answers_of(records: dict[str, object], sheet_id: str) -> tuple[dict[str, str], dict[str, Filled]]:
    """(field values, {table id: [row dicts in order]}) from the stored records of a worksheet."""
    fields: dict[str, str] = {}
    rows: dict[str, list[tuple[object, str, RowValues]]] = {}
    for key, record in (records or {}).items():
        if not isinstance(record, dict) or record.get("deleted"):
            continue
        kind, _, rest = key.partition(":")
        if kind == "f":
            fields[rest] = str(record.get("value", ""))
        elif kind == "r":
            table, _, row = rest.partition(":")
            values = record.get("values")
            if not isinstance(values, dict):
                values = {}
            rows.setdefault(table, []).append((record.get("order", 0), row, {k: str(v) for k, v in values.items()}))
    ordered = {t: [(row, values) for _, row, values in sorted(found, key=lambda x: (_number(x[0]), x[1]))]
               for t, found in rows.items()}
    return fields, ordered


def _number(value: object) -> float:
    return value if isinstance(value, int | float) else 0


def read_export(path: Path) -> dict[str, object]:
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise ExportError(f"{path}: larger than 1 MB: not an export of this toolkit")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError(f"{path}: not a JSON file ({exc})") from None
    if not isinstance(data, dict) or data.get("format") not in (FILES["worksheet"], FILES["plan"]):
        raise ExportError(f"{path}: not a worksheet or action plan export of the Partnering Guidelines toolkit "
                          "(its \"format\" is missing or different)")
    if not isinstance(data.get("schema_version"), int) or data["schema_version"] > FILES["schema_version"]:
        raise ExportError(f"{path}: schema_version {data.get('schema_version')!r}: this toolkit reads schema "
                          f"{FILES['schema_version']}")
    return data


# --- our words, in the file's language ------------------------------------------------------

class Words:
    """Our text in a worksheet's files, in one language: the interface's strings (`_`) and the
    worksheet's own words (`d`, content/worksheets/, translated with the context
    "worksheet:<id>", as its page does)."""

    def __init__(self, sheet: Worksheet, tr: Translating) -> None:
        self.sheet, self.tr = sheet, tr
        self.english = tr.language.code == SOURCE

    def _(self, text: str, **values: object) -> str:
        return fill_text(self.tr.gettext(text), **values)

    def d(self, text: str) -> str:
        return self.tr.data(f"worksheet:{self.sheet.id}", text) if text else text

    def title(self) -> str:
        return self._("Worksheet: {title}", title=self.d(self.sheet.title))

    def credit(self, content: Content) -> str:
        return self._(CREDIT, publication=f"{content.publication.title}: {content.publication.subtitle}")

    def source(self, source: str) -> str:
        """Where a prompt comes from: "From the guidance of task 3.2, item 4"."""
        task = ".".join(source.split(".")[:2])
        if source == task:
            return self._("From the guidance of task {id}", id=task)
        return self._("From the guidance of task {id}, item {item}", id=task, item=source[len(task) + 1:])

    def item_heading(self, view: ws.TableView) -> str:
        return self.tr.gettext("Item (ours)") if view.ours else self.tr.gettext("From the publication")

    def choices(self, options: list[str]) -> str:
        return " / ".join(self.d(o) for o in options)


# --- Word ---------------------------------------------------------------------------------

def _note(doc: Document, text: str) -> None:
    """A grey note in italics (a paragraph has no `italic` of its own: its run does)."""
    doc.add_paragraph().add_run(text).italic = True


def _language(element: object, code: str) -> None:
    """Say which language a run (or a style) is in (w:lang), so that Word checks the spelling and
    screen readers read it in that language's voice. Thai and Chinese also set the complex-script
    and East Asian attributes, which Word reads for those scripts."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = element.get_or_add_rPr()  # type: ignore[attr-defined]
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), code)
    lang.set(qn("w:bidi"), code)
    lang.set(qn("w:eastAsia"), code)


def _english(paragraph: Paragraph, text: str, italic: bool = False) -> None:
    """A run of the publication's text, which stays in English: marked as such."""
    run = paragraph.add_run(text)
    run.italic = italic or None
    _language(run._r, SOURCE)


def docx_bytes(content: Content, sheet: Worksheet, records: dict[str, object] | None = None,
               tr: Translating = ENGLISH) -> bytes:
    from docx import Document  # python-docx and openpyxl load only when a file is made (they slow every build)
    from docx.shared import Pt

    w = Words(sheet, tr)
    fields, rows = answers_of(records or {}, sheet.id)
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = w.title()
    doc.core_properties.language = tr.language.code
    if not w.english:
        for style in ("Normal", "Heading 1", "Heading 2"):
            _language(doc.styles[style].element, tr.language.code)
    doc.add_heading(w.title(), level=1)
    serves = doc.add_paragraph(w._("Serves") + " ")
    for n, task in enumerate(sheet.tasks):
        serves.add_run(("; " if n else "") + w._("Task {id}", id=task) + ": ")
        _english(serves, inline.plain(content.task_by_id[task].title))
    intro = doc.add_paragraph()
    intro.add_run(w._("Ours") + ": ").bold = True
    intro.add_run(w.d(sheet.intro))
    doc.add_paragraph(w._("Partnership: {long}   Date: {short}   Filled in by: {long}",
                          long="______________________", short="____________"))
    for part in ws.parts(content, sheet):
        if isinstance(part, ws.TableView):
            _docx_table(doc, w, part, rows.get(part.part.table, []))
        else:
            doc.add_heading(w.d(part.label), level=2)
            _note(doc, " · ".join([w.source(part.source)] +
                                  ([w._("Choose one: {choices}", choices=w.choices(part.options))] if part.options else []) +
                                  ([w._("Example (ours): {example}", example=w.d(part.example))] if part.example else [])))
            box = doc.add_table(rows=1, cols=1)
            box.style = "Table Grid"
            box.cell(0, 0).text = fields.get(part.field, "") or "\n\n"
    doc.sections[0].footer.paragraphs[0].text = w.credit(content)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _docx_table(doc: Document, w: Words, view: ws.TableView, filled: Filled) -> None:
    t = view.part
    doc.add_heading(w.d(t.title), level=2)
    _note(doc, " · ".join([w.source(t.source)] + ([w.d(t.prompt)] if t.prompt else [])))
    if view.quote and t.quote:   # the quote is the paragraph t.quote names
        p = doc.add_paragraph()
        p.add_run(w._("From the publication, task {id}:", id=t.quote.task) + " ").bold = True
        _english(p, inline.plain(view.quote), italic=True)
    headings = ([w.item_heading(view)] if view.rows else []) + [w.d(c.heading) for c in t.columns]
    table = doc.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    body = _body(view, filled, w)
    for name, values in body:
        cells = table.add_row().cells
        start = 0
        if view.rows:
            if name is not None and name[1]:
                _english(cells[0].paragraphs[0], name[0])
            else:
                cells[0].text = name[0] if name else ""
            start = 1
        for cell, column in zip(cells[start:], t.columns, strict=True):
            cell.text = values.get(column.id, "")
    options = [f"{w.d(c.heading)}: {w.choices(c.options)}" for c in t.columns if c.options]
    if options:
        _note(doc, w._("Choices (ours): {choices}", choices="; ".join(options)))


def _body(view: ws.TableView, filled: Filled, w: Words) -> list[tuple[tuple[str, bool] | None, RowValues]]:
    """A table's rows: ((the publication's item or ours, whether it is the publication's), values),
    or (None, values) for a row of the reader's."""
    if view.rows:
        by_id = dict(filled)
        return [((w.d(_row_text(r)), False) if r.id.startswith("row-") else (_row_text(r), True), by_id.get(r.id, {}))
                for r in view.rows]
    return [(None, values) for _, values in filled] or [(None, {})] * BLANK_ROWS


def _row_text(row: Row) -> str:
    number = f"({row.n}) " if row.n else ""
    label = inline.plain(row.label) if row.label else ""
    text = inline.plain(row.text) if row.text else ""
    return number + (f"{label}: {text}" if label and text else label or text)


# --- Excel --------------------------------------------------------------------------------

def safe_cell(cell: Cell, value: str | None) -> None:
    """Put text into a cell as text, never as a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def _cell(sheet: Sheet, row: int, column: int) -> Cell:
    from openpyxl.cell.cell import Cell

    cell = sheet.cell(row, column)
    if not isinstance(cell, Cell):
        raise TypeError(f"cell {row},{column} is merged: our sheets merge none")
    return cell


def _sheet_title(title: str, taken: set[str]) -> str:
    """A name Excel accepts: none of []:*?/\\, no apostrophe first or last, 31 characters at most,
    not "History" (Excel's own), unique in the workbook."""
    base = re.sub(r"[\[\]:*?/\\]", " ", title)[:31].strip().strip("'").strip() or "Table"
    if base.lower() == "history":
        base += " (table)"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def xlsx_bytes(content: Content, sheet: Worksheet, records: dict[str, object] | None = None,
               tr: Translating = ENGLISH) -> bytes:
    from openpyxl import Workbook

    w = Words(sheet, tr)
    _, rows = answers_of(records or {}, sheet.id)
    book = Workbook()
    taken: set[str] = set()
    about = book.worksheets[0]   # the one sheet a new workbook has, active
    about.title = _sheet_title(w._("About"), taken)
    for line in (w.title(), w._("Serves tasks {ids}", ids=", ".join(sheet.tasks)), w._("Ours") + ": " + w.d(sheet.intro),
                 w.credit(content)):
        about.append([None])
        safe_cell(_cell(about, about.max_row, 1), line)
    about.column_dimensions["A"].width = 120
    choices_name = _sheet_title(w._(CHOICES), taken)
    choices = None
    for part in ws.parts(content, sheet):
        if isinstance(part, ws.TableView):
            if choices is None and any(c.options for c in part.part.columns):
                choices = book.create_sheet(choices_name)
                choices.sheet_state = "hidden"
            _xlsx_table(book.create_sheet(_sheet_title(w.d(part.part.title), taken)), w, part, rows.get(part.part.table, []),
                        choices)
    if choices is not None:   # last, after the sheets people fill in
        book.move_sheet(choices, offset=len(book.sheetnames) - 1 - book.index(choices))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# The choices of every choice column, one column each, on a hidden sheet that the drop-down lists
# name: a list written into the rule itself splits a choice at its commas and may hold 255
# characters in all. Its name is in the file's language too.
CHOICES = N_("Choices")


def _choice_range(choices: Sheet, options: list[str]) -> str:
    column = choices.max_column + 1 if choices.max_row > 1 or choices.cell(1, 1).value is not None else 1
    for row, option in enumerate(options, start=1):
        safe_cell(_cell(choices, row, column), option)
    letter = _cell(choices, 1, column).column_letter
    quoted = choices.title.replace("'", "''")
    return f"'{quoted}'!${letter}$1:${letter}${len(options)}"


def _xlsx_table(sheet: Sheet, w: Words, view: ws.TableView, filled: Filled, choices: Sheet | None = None) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    t = view.part
    first = 1 if view.rows else 0
    headings = ([w.item_heading(view)] if view.rows else []) + [w.d(c.heading) for c in t.columns]
    for col, text in enumerate(headings, start=1):
        cell = _cell(sheet, 1, col)
        safe_cell(cell, text)
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = 60 if (first and col == 1) else 28
    body = _body(view, filled, w)
    for r, (name, values) in enumerate(body, start=2):
        if first:
            safe_cell(_cell(sheet, r, 1), name[0] if name else None)
        for c, column in enumerate(t.columns, start=1 + first):
            safe_cell(_cell(sheet, r, c), values.get(column.id, ""))
            _cell(sheet, r, c).alignment = Alignment(wrap_text=True, vertical="top")
    last = max(len(body) + 1, 200)
    for c, column in enumerate(t.columns, start=1 + first):
        if column.options:
            if choices is None:   # xlsx_bytes makes the sheet before the first table with choices
                raise ValueError(f"{t.table}: a choice column, and no {CHOICES} sheet for its list")
            letter = _cell(sheet, 1, c).column_letter
            # A blank file offers the choices in its language; one filled from an export holds
            # what was stored, which is the English choice, and is made in English.
            rule = DataValidation(type="list", formula1=_choice_range(choices, [w.d(o) for o in column.options]), allow_blank=True)
            rule.add(f"{letter}2:{letter}{last}")
            sheet.add_data_validation(rule)
    sheet.freeze_panes = "A2"


def plan_xlsx_bytes(export: dict[str, object]) -> bytes:
    """The action plan exported from the browser, as a workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.worksheets[0]   # the one sheet a new workbook has, active
    sheet.title = "Action plan"
    headings = ["Action", "Owner", "Due", "Status", "Task", "From", "Notes", "Completed"]
    keys = ["action", "owner", "due", "status", "task", "source", "notes", "completed"]
    for col, text in enumerate(headings, start=1):
        safe_cell(_cell(sheet, 1, col), text)
        _cell(sheet, 1, col).font = Font(bold=True)
    actions = export.get("actions")
    if not isinstance(actions, list):
        actions = []
    for r, action in enumerate(a for a in actions if isinstance(a, dict)):
        for c, key in enumerate(keys, start=1):
            safe_cell(_cell(sheet, r + 2, c), str(action.get(key, "")))
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- at build time and from the command line -----------------------------------------------

def _cache_key(content: Content, tr: Translating) -> str:
    """Changes with the content, the language and its catalogue, with this file's code and with
    the libraries that write the files."""
    digest = hashlib.sha256(content.fingerprint().encode())
    digest.update(f"{tr.language.code} {tr.fingerprint()}".encode())
    digest.update(Path(__file__).read_bytes())
    digest.update(f"{metadata.version('python-docx')} {metadata.version('openpyxl')}".encode())
    return digest.hexdigest()[:16]


def write_blank(content: Content, site_dir: Path, tr: Translating = ENGLISH) -> list[Path]:
    """Blank .docx (and .xlsx for worksheets with tables) in `tr`'s language into the built site
    (a language's own folder). Writing them is a sixth of a build, so they are kept in
    build/cache/ and made again only when the content, the catalogue or this code changes."""
    cache = ROOT / "build" / "cache" / "office" / _cache_key(content, tr)
    written = []
    for sheet in content.worksheets:
        targets = [(ws.docx_path(sheet.id), docx_bytes)]
        if ws.has_tables(sheet):
            targets.append((ws.xlsx_path(sheet.id), xlsx_bytes))
        for rel, make in targets:
            kept = cache / rel
            if not kept.is_file():
                kept.parent.mkdir(parents=True, exist_ok=True)
                # Builds run side by side (the languages, the tests' workers) may fill the cache at
                # once: each writes its own partial file, and the last complete one stays.
                partial = kept.with_name(f"{kept.name}.{uuid.uuid4().hex}.partial")
                partial.write_bytes(make(content, sheet, None, tr))
                partial.replace(kept)
            path = site_dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(kept, path)
            written.append(path)
    return written


def fill(content: Content, export_path: Path, out_dir: Path) -> list[Path]:
    data = read_export(export_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = export_path.stem
    if data["format"] == FILES["plan"]:
        path = out_dir / f"{stem}.xlsx"
        path.write_bytes(plan_xlsx_bytes(data))
        return [path]
    sheet = next((s for s in content.worksheets if s.id == data.get("worksheet")), None)
    if sheet is None:
        raise ExportError(f"{export_path}: worksheet {data.get('worksheet')!r} is not one of this toolkit's worksheets")
    records = data.get("records")
    if not isinstance(records, dict):
        raise ExportError(f"{export_path}: no records object")
    written = [out_dir / f"{stem}.docx"]
    written[0].write_bytes(docx_bytes(content, sheet, records))
    if ws.has_tables(sheet):
        written.append(out_dir / f"{stem}.xlsx")
        written[1].write_bytes(xlsx_bytes(content, sheet, records))
    return written
