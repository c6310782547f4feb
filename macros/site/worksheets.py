"""Worksheets, the action plan and the facilitator's packs: their addresses, what their pages
show (the publication's lists resolved from the content), and the model the browser reads.

The browser model is embedded in each page as JSON data (<script type="application/json">),
which the Content-Security-Policy does not treat as code and which loads from file:// too."""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..content import inline
from ..content.checks.worksheets import ACTION_COLUMNS
from ..content.checks.worksheets import PARTNERSHIP_FIELD as PARTNERSHIP_FIELD  # re-exported for the files
from ..content.lists import Row, paragraph, resolve, task_of
from ..content.load import Content
from ..content.model import Column, FieldPart, Grid, GridRegion, TablePart, Worksheet
from ..project import version
from . import assessment, storage, urls
from .i18n import ENGLISH, N_, Translating, fill

PAGE_DIR = "worksheets"
INDEX = f"{PAGE_DIR}/index.html"
ACTION_PLAN = "action-plan.html"
FILES_DIR = f"{PAGE_DIR}/files"
STATUSES = (N_("Not started"), N_("In progress"), N_("Done"))   # stored in English, shown translated
DUE_SOON_DAYS = 14   # ours: an action due within two weeks is flagged "due soon" on the plan


def page_path(sheet_id: str) -> str:
    return f"{PAGE_DIR}/{sheet_id}.html"


def docx_path(sheet_id: str) -> str:
    return f"{FILES_DIR}/{sheet_id}.docx"


def xlsx_path(sheet_id: str) -> str:
    return f"{FILES_DIR}/{sheet_id}.xlsx"


def facilitator_path(module_id: str) -> str:
    return f"facilitator/module-{module_id.lower()}.html"


def questionnaire_path(module_id: str) -> str:
    return f"facilitator/questionnaire-{module_id.lower()}.html"


def has_tables(sheet: Worksheet) -> bool:
    return any(getattr(p, "table", None) for p in sheet.parts)


@dataclass(frozen=True)
class GridCell:
    x: str                   # the options of the grid's two columns (stored, English)
    y: str
    region: int              # the index of its region in the grid's regions


@dataclass(frozen=True)
class GridView:
    grid: Grid
    x: Column
    y: Column
    xs: list[str]            # across, left to right: the x column's options from last to first (low to high)
    rows: list[list[GridCell]]   # top to bottom: the y column's options in order (high to low)
    regions: list[GridRegion]


def grid_view(table: TablePart) -> GridView | None:
    grid = table.grid
    if grid is None:
        return None
    columns = {c.id: c for c in table.columns}
    x, y = columns[grid.x], columns[grid.y]
    region = {(a, b): n for n, r in enumerate(grid.regions) for a in r.x for b in r.y}
    xs = list(reversed(x.options))
    return GridView(grid, x, y, xs, [[GridCell(a, b, region[(a, b)]) for a in xs] for b in y.options], grid.regions)


@dataclass(frozen=True)
class TableView:
    part: TablePart
    rows: list[Row]          # fixed rows: the publication's items, or ours
    ours: bool               # fixed rows named by us, not the publication
    quote: str | None        # a paragraph of the publication shown above the table
    grid: GridView | None = None   # the rows drawn on a grid below the table


@dataclass(frozen=True)
class Clause:
    """A clause of a worksheet's draft document: its heading (ours) and the parts whose answers go under it."""

    title: str
    parts: list[FieldPart | TablePart]

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(p.source for p in self.parts))


def clauses(sheet: Worksheet) -> list[Clause]:
    """The draft's clauses in order; consecutive parts with the same clause share it."""
    out: list[Clause] = []
    for part in sheet.parts:
        if part.clause is None:
            continue
        if out and out[-1].title == part.clause:
            out[-1].parts.append(part)
        else:
            out.append(Clause(part.clause, [part]))
    return out


def table_view(content: Content, table: TablePart) -> TableView:
    rows: list[Row] = []
    for ref in table.rows_from:
        found, problem = resolve(ref, content.task_by_id, content.case_by_id)
        if found is None:
            raise ValueError(problem)   # the checks have run: this cannot happen with loaded content
        rows += found
    ours = bool(table.fixed_rows)
    rows += [Row(f"row-{n}", None, None, name) for n, name in enumerate(table.fixed_rows, start=1)]
    quote = paragraph(content.task_by_id[table.quote.task], table.quote.paragraph) if table.quote else None
    return TableView(table, rows, ours, quote, grid_view(table))


def parts(content: Content, sheet: Worksheet) -> list[FieldPart | TableView]:
    """The worksheet's parts in order: fields as they are, tables with their resolved rows."""
    return [table_view(content, p) if isinstance(p, TablePart) else p for p in sheet.parts]


# PARTNERSHIP_FIELD: the field of every worksheet that names the partnership it is for, printed on
# every page and in the files' headers, kept in the worksheet's own records like any answer.
# A table of this many columns or more prints across the page (A4 or US Letter landscape), as
# office-files.js lays its Word and Excel files out.
WIDE_COLUMNS = 5
# `publication`: its title as published, in English (the toolkit translates only its own words).
CREDIT = N_("Source: {publication} (ESCAP / UNU-IAS, 2018). Worksheet prompts, headings and examples are ours "
            "(Partnering Guidelines toolkit).")
TOOLKIT = "Partnering Guidelines toolkit"


def is_wide(content: Content, sheet: Worksheet) -> bool:
    return any(len(p.part.columns) + (1 if p.rows else 0) >= WIDE_COLUMNS for p in parts(content, sheet) if isinstance(p, TableView))


def source_text(tr: Translating, source: str) -> str:
    """Where a prompt comes from: "From the guidance of task 3.2, item 4"."""
    _ = tr.gettext
    task = ".".join(source.split(".")[:2])
    if source == task:
        return fill(_("From the guidance of task {id}"), id=task)
    return fill(_("From the guidance of task {id}, item {item}"), id=task, item=source[len(task) + 1:])


def row_text(row: Row) -> str:
    """A fixed row's name in plain text, with its number and run-in heading as printed."""
    number = f"({row.n}) " if row.n else ""
    label = inline.plain(row.label) if row.label else ""
    text = inline.plain(row.text) if row.text else ""
    return number + (f"{label}: {text}" if label and text else label or text)


def row_name(tr: Translating, sheet: Worksheet, row: Row) -> tuple[str, bool]:
    """(a fixed row's name, whether it is the publication's: then it stays English); ours are translated."""
    if row.id.startswith("row-"):
        return tr.data(f"worksheet:{sheet.id}", row_text(row)), False
    return row_text(row), True


def item_heading(tr: Translating, view: TableView) -> str:
    _ = tr.gettext
    return _("Item (ours)") if view.ours else _("From the publication")


def file_model(content: Content, sheet: Worksheet, tr: Translating = ENGLISH) -> dict[str, object]:
    """What the browser needs, beyond the parts, to make the worksheet's Word and Excel files
    (docs/assets/js/worksheet-office.js): our words in the page's language."""
    _ = tr.gettext

    def d(text: str) -> str:
        return tr.data(f"worksheet:{sheet.id}", text)

    notes: dict[str, str] = {}
    items: dict[str, dict[str, object]] = {}
    grids: dict[str, dict[str, object]] = {}
    for part in parts(content, sheet):
        if isinstance(part, TableView):
            t = part.part
            notes[t.table] = " · ".join([source_text(tr, t.source)] + ([d(t.prompt)] if t.prompt else []))
            if part.rows:
                items[t.table] = {"heading": item_heading(tr, part), "names": [row_name(tr, sheet, r)[0] for r in part.rows]}
            if part.grid:
                grids[t.table] = grid_file(tr, d, part.grid)
        else:
            notes[part.field] = " · ".join([source_text(tr, part.source)] +
                                           ([fill(_("Example (ours): {example}"), example=d(part.example))] if part.example else []))
    publication = f"{content.publication.title}: {content.publication.subtitle}"
    draft: dict[str, object] | None = None
    if sheet.draft:     # the draft document's clauses, numbered as the page numbers them, and what goes under each
        draft = {"title": d(sheet.draft), "empty": _("(not yet written)"), "file_name": f"{sheet.id}-draft",
                 "clauses": [{"title": f"{n}. {d(c.title)}",
                              "parts": [p.table if isinstance(p, TablePart) else p.field for p in c.parts]}
                             for n, c in enumerate(clauses(sheet), start=1)]}
    return {"title": fill(_("Worksheet: {title}"), title=d(sheet.title)),
            "intro": [fill(_("Serves tasks {ids}"), ids=", ".join(sheet.tasks)), _("Ours") + ": " + d(sheet.intro)],
            "footer": fill(_(CREDIT), publication=publication),
            "toolkit": TOOLKIT, "language": tr.language.code, "notes": notes, "items": items,
            "grids": grids, "partnership": PARTNERSHIP_FIELD, "draft": draft,
            "words": {"page": _("Page {page} of {pages}"), "about": _("About"),
                      "choices": _("Choices"), "question": _("Question"), "answer": _("Answer"),
                      "partnership": _("Partnership")}}


def grid_file(tr: Translating, d: Callable[[str], str], g: GridView) -> dict[str, object]:
    """A grid as its page draws it, in the page's language, for the Word and Excel files: its
    columns (x's options, low to high), its rows (y's, high to low) with the region of each cell,
    the regions' titles and strategies, and the words for the rows not placed on it."""
    _ = tr.gettext
    x, y = d(g.x.heading), d(g.y.heading)
    return {"title": d(g.grid.title),
            "note": _("Each row of the table above is placed by its “%(x)s” and its “%(y)s”. The regions and their strategies are ours.")
            % {"x": x, "y": y},
            "name": g.grid.name, "x": g.grid.x, "y": g.grid.y,
            "columns": [{"option": o, "label": f"{x}: {d(o)}"} for o in g.xs],
            "rows": [{"option": row[0].y, "label": f"{y}: {d(row[0].y)}", "regions": [c.region for c in row]} for row in g.rows],
            "regions": [{"title": d(r.title), "strategy": d(r.strategy)} for r in g.regions],
            "unplaced": _("Not placed yet (“%(x)s” or “%(y)s” not given):") % {"x": x, "y": y}}


def plan_file_model(content: Content, tr: Translating = ENGLISH) -> dict[str, object]:
    """Our words for the action plan's Word and Excel files, in the page's language."""
    _ = tr.gettext
    publication = f"{content.publication.title}: {content.publication.subtitle}"
    return {"title": _("Action plan"), "toolkit": TOOLKIT, "language": tr.language.code,
            "footer": fill(_(CREDIT), publication=publication),
            "columns": [_("Action"), _("Owner"), _("Due"), _("Status"), _("Task"), _("From"), _("Notes"), _("Completed on")],
            "words": {"page": _("Page {page} of {pages}"), "about": _("About"), "choices": _("Choices"),
                      "question": _("Question"), "answer": _("Answer")}}


def source_target(source: str) -> str:
    """The guidance a prompt comes from: the item's anchor, or the task's."""
    task_id = task_of(source)
    step = task_id.split(".")[0]
    anchor = urls.task_anchor(task_id) if source == task_id else urls.item_anchor(source)
    return f"{urls.step_path(step)}#{anchor}"


def by_task(content: Content) -> dict[str, list[Worksheet]]:
    out: dict[str, list[Worksheet]] = {}
    for sheet in content.worksheets:
        for task_id in sheet.tasks:
            out.setdefault(task_id, []).append(sheet)
    return out


def of_module(content: Content, module_id: str) -> list[Worksheet]:
    module_tasks = {t.id for s in content.module_by_id[module_id].steps for t in s.tasks}
    return [s for s in content.worksheets if module_tasks & set(s.tasks)]


def _json(data: object) -> Markup:
    # "<" escaped so that no text in the data can close the script element.
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c"))


def browser_model(content: Content, sheet: Worksheet, tr: Translating = ENGLISH) -> Markup:
    """In the page's language: the browser's messages and the worksheet's own words as the page
    shows them. Column headings (`heading`) and choices (`options`) stay English: the headings
    head the CSV files and the choices are what is stored, so that files import in every
    language; `label` and `labels` are what the page shows of them."""
    def d(text: str) -> str:
        return tr.data(f"worksheet:{sheet.id}", text)

    out: list[dict[str, object]] = []
    for part in parts(content, sheet):
        if isinstance(part, TableView):
            t = part.part
            out.append({"kind": "table", "id": t.table, "title": d(t.title), "task": task_of(t.source),
                        "actions": t.actions,
                        "columns": [{"id": c.id, "heading": c.heading, "label": d(c.heading), "kind": c.kind,
                                     "options": c.options, "labels": [d(o) for o in c.options], "scores": c.scores}
                                    for c in t.columns],
                        "score": t.score.of if t.score else [],
                        "score_heading": d(t.score.heading) if t.score else None,
                        "grid": {"name": t.grid.name, "x": t.grid.x, "y": t.grid.y} if t.grid else None,
                        "column_names": ({"table": t.column_names.table, "column": t.column_names.column,
                                          "columns": t.column_names.columns} if t.column_names else None),
                        "fixed": [{"id": r.id, "label": r.plain} for r in part.rows]})
        else:
            out.append({"kind": "field", "id": part.field, "label": d(part.label), "type": part.kind,
                        "options": part.options, "labels": [d(o) for o in part.options]})
    files = storage.contract()["files"]
    return _json({"format": files["worksheet"], "schema_version": files["schema_version"], "id": sheet.id,
                  "title": sheet.title, "version": version(), "content_version": content.fingerprint(),
                  "tool": storage.worksheet_tool(sheet.id), "storage": storage.contract(), "parts": out,
                  "strings": tr.js_strings(), "file": file_model(content, sheet, tr)})


def plan_model(content: Content, tr: Translating = ENGLISH) -> Markup:
    """What the action plan gathers: the assessment's questions (their next actions) and every
    worksheet's action tables, with the questions' text and source labels and the browser's
    messages in the page's language, and what the page shows of the statuses (`status_labels`;
    `statuses`, stored and exported, stay English)."""
    tasks = {t.id: t.title for t in content.tasks}
    task_urls = {t.id: urls.relative(source_target(t.id), ACTION_PLAN) for t in content.tasks}
    questions = []
    for module_id, q in assessment.questions(content):
        label, target, _ = assessment.source_of(content, module_id, q, tr)
        questions.append({"id": q.id, "task": q.task, "source": label, "text": assessment.question_text(q, tr),
                          "url": urls.relative(target, ACTION_PLAN)})
    tables = []
    for sheet in content.worksheets:
        for part in sheet.parts:
            if isinstance(part, TablePart) and part.actions:
                tables.append({"sheet": sheet.id, "sheet_title": tr.data(f"worksheet:{sheet.id}", sheet.title),
                               "table": part.table, "title": tr.data(f"worksheet:{sheet.id}", part.title),
                               "task": task_of(part.source),
                               "tool": storage.worksheet_tool(sheet.id),
                               "url": urls.relative(page_path(sheet.id), ACTION_PLAN)})
    files = storage.contract()["files"]
    return _json({"format": files["plan"], "schema_version": files["schema_version"], "tool": storage.plan_tool(),
                  "assessment_tool": storage.assessment_tool(), "storage": storage.contract(),
                  "statuses": list(STATUSES), "status_labels": [tr.gettext(s) for s in STATUSES],
                  "columns": list(ACTION_COLUMNS),
                  "tasks": tasks, "task_urls": task_urls, "soon_days": DUE_SOON_DAYS, "questions": questions,
                  "tables": tables, "strings": tr.js_strings(), "version": version(), "file": plan_file_model(content, tr)})
