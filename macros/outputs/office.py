"""Every worksheet as an editable Word document and, when it has tables, an Excel workbook:
blank at build time, or filled from a browser export (`python -m macros fill-worksheet`).

The layout comes from the same data as the pages (macros.site.worksheets), so the files,
the pages and the browser never disagree. Each language's files are in that language, as its
pages are: our labels, headings, prompts and choices translated (macros/site/i18n.py), the
publication's text in English, its runs marked as English in Word. Text people typed is only
ever written as text: no cell becomes a formula, whatever it starts with."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import shutil
import unicodedata
import uuid
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from ..content import inline
from ..content.load import Content
from ..content.model import Worksheet
from ..project import ROOT, version
from ..site import storage
from ..site import worksheets as ws
from ..site.i18n import ENGLISH, N_, SOURCE, Translating
from ..site.i18n import fill as fill_text

if TYPE_CHECKING:   # imported where a file is made: they slow every build
    from docx.document import Document
    from docx.text.paragraph import Paragraph
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet as Sheet

CREDIT = ws.CREDIT
BLANK_ROWS = 5
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_IMPORT_BYTES = storage.contract()["limits"]["import_bytes"]
PLAN_KEYS = ("action", "owner", "due", "status", "task", "source", "notes", "completed")   # an exported action's fields, the workbook's columns
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


# What a Word or Excel file cannot hold: Excel refuses a cell of more than 32,767 characters, and
# neither format holds control characters (XML 1.0) other than tab and line ends.
EXCEL_CELL_MAX = 32_767
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text_problem(value: object) -> str | None:
    if not isinstance(value, str):
        return f"expected text, found {type(value).__name__}"
    if len(value) > EXCEL_CELL_MAX:
        return f"{len(value):,} characters: an Excel cell holds at most {EXCEL_CELL_MAX:,}"
    bad = CONTROL.search(value)
    if bad:
        return f"holds the control character U+{ord(bad[0]):04X}, which Word and Excel files cannot hold"
    return None


def check_records(records: object) -> list[str]:
    """What is wrong with a worksheet export's records, each as `field.path: what`."""
    if not isinstance(records, dict):
        return ["records: expected an object of records"]
    problems: list[str] = []
    for key, record in records.items():
        if not isinstance(record, dict):
            problems.append(f"records.{key}: expected an object")
            continue
        if key.startswith("f:"):
            if "value" in record and (problem := _text_problem(record["value"])):
                problems.append(f"records.{key}.value: {problem}")
        elif key.startswith("r:"):
            values = record.get("values", {})
            if not isinstance(values, dict):
                problems.append(f"records.{key}.values: expected an object of column: text")
                continue
            problems += [f"records.{key}.values.{column}: {problem}" for column, value in values.items()
                         if (problem := _text_problem(value))]
        else:
            problems.append(f"records.{key}: not a record of a worksheet (expected f:<field> or r:<table>:<row>)")
    return problems


def check_actions(actions: object) -> list[str]:
    """What is wrong with an action plan export's actions, each as `field.path: what`."""
    if not isinstance(actions, list):
        return ["actions: expected a list of actions"]
    problems: list[str] = []
    for n, action in enumerate(actions):
        if not isinstance(action, dict):
            problems.append(f"actions[{n}]: expected an object")
            continue
        problems += [f"actions[{n}].{key}: {problem}" for key in PLAN_KEYS if key in action
                     and (problem := _text_problem(action[key]))]
    return problems


def read_export(path: Path) -> dict[str, object]:
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise ExportError(f"{path}: larger than 1 MB: not an export of this toolkit")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError(f"{path}: not a JSON file ({exc})") from None
    except RecursionError:
        raise ExportError(f"{path}: nested too deeply: not an export of this toolkit") from None
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
        return ws.source_text(self.tr, source)

    def item_heading(self, view: ws.TableView) -> str:
        return ws.item_heading(self.tr, view)

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
    _properties(doc, w.title(), tr.language.code)
    _page(doc, ws.is_wide(content, sheet))
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
    partnership = fields.get(ws.PARTNERSHIP_FIELD, "")
    doc.add_paragraph(w._("Partnership: {long}   Date: {short}   Filled in by: {long}",
                          long=partnership or "______________________", short="____________"))
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
    footer = doc.sections[0].footer
    footer.paragraphs[0].text = w.credit(content)
    _page_numbers(footer.add_paragraph(), tr.gettext("Page {page} of {pages}"))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _properties(doc: Document, title: str, language: str) -> None:
    """Real properties: the toolkit as author, made now, its version, the file's language."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props = doc.core_properties
    props.title, props.language, props.author, props.last_modified_by = title, language, ws.TOOLKIT, ws.TOOLKIT
    props.created = props.modified = now
    props.comments = f"{ws.TOOLKIT} {version()}"
    props.keywords = ws.TOOLKIT
    props.revision = 1


def _page(doc: Document, wide: bool) -> None:
    """A4, landscape when a table is wide (as the page prints it), 18 mm margins."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if wide else (Mm(210), Mm(297))
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(18)


def _page_numbers(paragraph: Paragraph, pattern: str) -> None:
    """ "Page {page} of {pages}" with Word's own fields, so that each page says its number."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for piece in re.split(r"(\{pages?\})", pattern):
        if piece in ("{page}", "{pages}"):
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), "PAGE" if piece == "{page}" else "NUMPAGES")
            run = OxmlElement("w:r")
            text = OxmlElement("w:t")
            text.text = "1"
            run.append(text)
            field.append(run)
            paragraph._p.append(field)
        elif piece:
            paragraph.add_run(piece)


def widths(kinds: list[str], headings: list[str], rows: list[list[str]]) -> list[float]:
    """Each column's width in characters, as office-files.js sizes the browser's files: enough for
    its heading's longest word and its content, within bounds, long text wider than short."""
    def measure(text: str) -> int:
        return max((sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in line)
                    for line in text.split("\n")), default=0)

    out = []
    for i, (kind, heading) in enumerate(zip(kinds, headings, strict=True)):
        content = max([measure(r[i]) for r in rows if i < len(r)] or [0])
        least = 30 if kind == "long" else 24 if kind == "item" else 11 if kind == "date" else 10
        most = 60 if kind in ("long", "item") else 36
        word = max((measure(x) for x in heading.split()), default=0)
        out.append(float(min(most, max(least, word + 1, min(measure(heading), 24) * 0.7, content + 1))))
    return out


def _repeat_header(row: object) -> None:
    """The row heads the table on every page (w:tblHeader) and is never split."""
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    for tag in ("w:cantSplit", "w:tblHeader"):
        properties.append(OxmlElement(tag))


def _docx_table(doc: Document, w: Words, view: ws.TableView, filled: Filled) -> None:
    t = view.part
    doc.add_heading(w.d(t.title), level=2)
    _note(doc, " · ".join([w.source(t.source)] + ([w.d(t.prompt)] if t.prompt else [])))
    if view.quote and t.quote:   # the quote is the paragraph t.quote names
        p = doc.add_paragraph()
        p.add_run(w._("From the publication, task {id}:", id=t.quote.task) + " ").bold = True
        _english(p, inline.plain(view.quote), italic=True)
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Mm

    headings = ([w.item_heading(view)] if view.rows else []) + [w.d(c.heading) for c in t.columns]
    table = doc.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    _repeat_header(table.rows[0])
    body = _body(view, filled, w)
    kinds = (["item"] if view.rows else []) + [c.kind for c in t.columns]
    chars = widths(kinds, headings, [([name[0]] if view.rows and name else [""] if view.rows else []) +
                                     [values.get(c.id, "") for c in t.columns] for name, values in body])
    section = doc.sections[0]
    room = (section.page_width or Mm(210)) - (section.left_margin or 0) - (section.right_margin or 0)
    column_widths = [int(room * c / sum(chars)) for c in chars]
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
        if not any(values.values()):   # a row to write in by hand
            row = table.rows[-1]
            row.height, row.height_rule = Mm(10), WD_ROW_HEIGHT_RULE.AT_LEAST
    for row in table.rows:
        for cell, width in zip(row.cells, column_widths, strict=True):
            cell.width = width
    options = [f"{w.d(c.heading)}: {w.choices(c.options)}" for c in t.columns if c.options]
    if options:
        _note(doc, w._("Choices (ours): {choices}", choices="; ".join(options)))


def _body(view: ws.TableView, filled: Filled, w: Words) -> list[tuple[tuple[str, bool] | None, RowValues]]:
    """A table's rows: ((the publication's item or ours, whether it is the publication's), values),
    or (None, values) for a row of the reader's."""
    if view.rows:
        by_id = dict(filled)
        return [(ws.row_name(w.tr, w.sheet, r), by_id.get(r.id, {})) for r in view.rows]
    return [(None, values) for _, values in filled] or [(None, {})] * BLANK_ROWS


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
    from openpyxl.styles import Alignment, Font

    w = Words(sheet, tr)
    fields, rows = answers_of(records or {}, sheet.id)
    book = Workbook()
    _book_properties(book, w.title(), tr.language.code)
    taken: set[str] = set()
    about = book.worksheets[0]   # the one sheet a new workbook has, active
    about.title = _sheet_title(w._("About"), taken)
    for line in (w.title(), w._("Serves tasks {ids}", ids=", ".join(sheet.tasks)), w._("Ours") + ": " + w.d(sheet.intro),
                 w.credit(content)):
        about.append([None])
        safe_cell(_cell(about, about.max_row, 1), line)
    # Every field, as question and answer (the tables have their own sheets), the partnership first.
    about.append([None])
    about.append([None])
    for col, text in enumerate((w._("Question"), w._("Answer")), start=1):
        safe_cell(_cell(about, about.max_row, col), text)
        _cell(about, about.max_row, col).font = Font(bold=True)
    questions = [(w._("Partnership"), ws.PARTNERSHIP_FIELD)] + [
        (w.d(p.label), p.field) for p in ws.parts(content, sheet) if not isinstance(p, ws.TableView)]
    for label, field in questions:
        about.append([None])
        safe_cell(_cell(about, about.max_row, 1), label)
        safe_cell(_cell(about, about.max_row, 2), fields.get(field) or None)
        for col in (1, 2):
            _cell(about, about.max_row, col).alignment = Alignment(wrap_text=True, vertical="top")
    about.column_dimensions["A"].width = 50
    about.column_dimensions["B"].width = 80
    _print_setup(about, "B", about.max_row, wide=False)
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


def _book_properties(book: object, title: str, language: str) -> None:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props = book.properties  # type: ignore[attr-defined]
    props.title, props.language, props.creator, props.lastModifiedBy = title, language, ws.TOOLKIT, ws.TOOLKIT
    props.created = props.modified = now
    props.description, props.keywords = f"{ws.TOOLKIT} {version()}", ws.TOOLKIT


def _print_setup(sheet: Sheet, last_column: str, last_row: int, wide: bool, header: bool = False) -> None:
    """A4, one page wide (as many long as it takes), the header row on every printed page."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if wide else "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_area = f"A1:{last_column}{max(last_row, 2)}"
    if header:
        sheet.print_title_rows = "1:1"


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
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    t = view.part
    first = 1 if view.rows else 0
    headings = ([w.item_heading(view)] if view.rows else []) + [w.d(c.heading) for c in t.columns]
    body = _body(view, filled, w)
    kinds = (["item"] if first else []) + [c.kind for c in t.columns]
    chars = widths(kinds, headings, [([name[0]] if first and name else [""] if first else []) + [values.get(c.id, "") for c in t.columns]
                                     for name, values in body])
    for col, text in enumerate(headings, start=1):
        cell = _cell(sheet, 1, col)
        safe_cell(cell, text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[cell.column_letter].width = chars[col - 1]
    last = max(len(body) + 1, 200)
    for r, (name, values) in enumerate(body, start=2):
        if first:
            safe_cell(_cell(sheet, r, 1), name[0] if name else None)
            _cell(sheet, r, 1).alignment = Alignment(wrap_text=True, vertical="top")
        for c, column in enumerate(t.columns, start=1 + first):
            _value(_cell(sheet, r, c), values.get(column.id, ""), column.kind)
            _cell(sheet, r, c).alignment = Alignment(wrap_text=True, vertical="top")
    # The header and the publication's items are protected (no password); the columns people
    # fill in are not, down to the last row the drop-down lists cover.
    for r in range(2, last + 1):
        for c in range(1 + first, len(headings) + 1):
            _cell(sheet, r, c).protection = Protection(locked=False)
    for c, column in enumerate(t.columns, start=1 + first):
        letter = _cell(sheet, 1, c).column_letter
        if column.kind == "date":
            for r in range(2, last + 1):
                _cell(sheet, r, c).number_format = "yyyy-mm-dd"
        if column.options:
            if choices is None:   # xlsx_bytes makes the sheet before the first table with choices
                raise ValueError(f"{t.table}: a choice column, and no {CHOICES} sheet for its list")
            # A blank file offers the choices in its language; one filled from an export holds
            # what was stored, which is the English choice, and is made in English.
            rule = DataValidation(type="list", formula1=_choice_range(choices, [w.d(o) for o in column.options]), allow_blank=True)
            rule.add(f"{letter}2:{letter}{last}")
            sheet.add_data_validation(rule)
    sheet.freeze_panes = "A2"
    _protect(sheet, rows_fixed=bool(first))
    _print_setup(sheet, _cell(sheet, 1, len(headings)).column_letter, len(body) + 1, wide=len(headings) >= ws.WIDE_COLUMNS, header=True)


def _value(cell: Cell, text: str, kind: str) -> None:
    """A date typed as one (YYYY-MM-DD) is a date; anything else is text."""
    if kind == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            cell.value = dt.date.fromisoformat(text)
            cell.number_format = "yyyy-mm-dd"
            return
        except ValueError:
            pass
    safe_cell(cell, text)


def _protect(sheet: Sheet, rows_fixed: bool) -> None:
    """Protected without a password: the header is not typed over by mistake; rows can still be
    formatted, sorted and filtered, and added or removed where people add rows."""
    p = sheet.protection
    p.sheet = True
    p.formatCells = p.formatColumns = p.formatRows = p.sort = p.autoFilter = False
    p.selectLockedCells = p.selectUnlockedCells = False
    p.insertRows = p.deleteRows = rows_fixed


def plan_xlsx_bytes(export: dict[str, object]) -> bytes:
    """The action plan exported from the browser, as a workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.worksheets[0]   # the one sheet a new workbook has, active
    sheet.title = "Action plan"
    headings = ["Action", "Owner", "Due", "Status", "Task", "From", "Notes", "Completed"]
    keys = PLAN_KEYS
    for col, text in enumerate(headings, start=1):
        safe_cell(_cell(sheet, 1, col), text)
        _cell(sheet, 1, col).font = Font(bold=True)
    actions = export.get("actions")
    if not isinstance(actions, list):
        actions = []
    listed = [a for a in actions if isinstance(a, dict)]
    for r, action in enumerate(listed):
        for c, key in enumerate(keys, start=1):
            _value(_cell(sheet, r + 2, c), str(action.get(key, "")), "date" if key in ("due", "completed") else "text")
            _cell(sheet, r + 2, c).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFGH", widths(["long", "text", "date", "text", "text", "text", "long", "date"], headings,
                                               [[str(a.get(k, "")) for k in keys] for a in listed]), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    _book_properties(book, "Action plan", SOURCE)
    _print_setup(sheet, "H", len(listed) + 1, wide=True, header=True)
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


def fill(loaded: Callable[[], Content], export_path: Path, out_dir: Path, force: bool = False) -> list[Path]:
    """The filled files of an export, in out_dir. Everything is checked before anything is
    written: a bad export, or a file that exists without `force`, writes nothing. The content
    is loaded (`loaded()`) only for an export that can be used."""
    data = read_export(export_path)
    if data["format"] != FILES["plan"] and (problem := check_records(data["records"]) if "records" in data else None):
        raise ExportError(f"{export_path}: nothing written:\n" + "\n".join(f"  {export_path.name}: {p}" for p in problem[:20]))
    content = loaded()
    stem = export_path.stem
    plan = data["format"] == FILES["plan"]
    sheet = None
    if plan:
        problems = check_actions(data.get("actions", []))
        targets = [out_dir / f"{stem}.xlsx"]
    else:
        sheet = next((s for s in content.worksheets if s.id == data.get("worksheet")), None)
        if sheet is None:
            raise ExportError(f"{export_path}: worksheet {data.get('worksheet')!r} is not one of this toolkit's worksheets")
        if "records" not in data:
            raise ExportError(f"{export_path}: records: missing (an export holds the worksheet's records)")
        problems = check_records(data["records"])
        targets = [out_dir / f"{stem}.docx"] + ([out_dir / f"{stem}.xlsx"] if ws.has_tables(sheet) else [])
    if problems:
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise ExportError(f"{export_path}: nothing written:\n" + "\n".join(f"  {export_path.name}: {p}" for p in problems[:20]) + more)
    existing = [str(t) for t in targets if t.exists()]
    if existing and not force:
        raise ExportError(f"{', '.join(existing)}: already there; nothing written. Give --force to replace "
                          f"{'it' if len(existing) == 1 else 'them'}, or another OUT_DIR.")
    if sheet is None:
        made = [plan_xlsx_bytes(data)]
    else:
        records = data["records"]
        assert isinstance(records, dict)   # check_records() said so
        made = [docx_bytes(content, sheet, records)] + ([xlsx_bytes(content, sheet, records)] if len(targets) > 1 else [])
    out_dir.mkdir(parents=True, exist_ok=True)
    for path, data_bytes in zip(targets, made, strict=True):
        path.write_bytes(data_bytes)
    return targets
