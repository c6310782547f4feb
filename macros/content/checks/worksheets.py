"""Worksheets (ours): each serves tasks that exist, every prompt points at a task or item that
exists, every list it borrows from the publication exists, and every task is served by a
worksheet or says why it needs none."""
from __future__ import annotations

from ..ids import task_item_ids
from ..lists import paragraph, resolve, task_of
from ..model import Case, Column, FieldPart, TablePart, Task, Worksheet
from ..reader import FieldPath, Problem, SourceFile
from ..tree import Content
from .common import Loaded, single, source

# The columns the action plan reads from an action table.
ACTION_COLUMNS = ("action", "owner", "due", "status")
# Every worksheet page has this field of its own, naming the partnership (printed on every page,
# in the files' headers): a worksheet's parts may not take its id.
PARTNERSHIP_FIELD = "partnership-name"
DONE = "Done"


def check(content: Content, loaded: Loaded) -> list[Problem]:
    tasks, cases = content.task_by_id, content.case_by_id
    problems: list[Problem] = []
    served: set[str] = set()
    for path, sheet in loaded.worksheets:
        src = source(content, path)
        if path.stem != sheet.id:
            problems.append(src.problem(("id",), f"worksheet id '{sheet.id}' must be its file name ('{path.stem}')"))
        for t, task_id in enumerate(sheet.tasks):
            if task_id not in tasks:
                problems.append(src.problem(("tasks", t), f"task {task_id} does not exist"))
            served.add(task_id)
        seen: set[str] = set()
        for p, part in enumerate(sheet.parts):
            here = ("parts", p)
            ident = part.field if isinstance(part, FieldPart) else part.table
            if ident in seen:
                problems.append(src.problem(here, f"part id '{ident}' is used twice in this worksheet"))
            if ident == PARTNERSHIP_FIELD:
                problems.append(src.problem(here + ("field",), f"part id '{ident}' is the partnership's name that every "
                                                               "worksheet page has: choose another id"))
            seen.add(ident)
            problems += _source(src, here, part.source, sheet, tasks)
            if isinstance(part, FieldPart):
                problems += _choice(src, here, part)
            else:
                problems += _table(src, here, part, tasks, cases)
    problems += _coverage(content, loaded, tasks, served)
    return problems


def _source(src: SourceFile, here: FieldPath, ident: str, sheet: Worksheet, tasks: dict[str, Task]) -> list[Problem]:
    task_id = task_of(ident)
    if task_id not in tasks:
        return [src.problem(here + ("source",), f"task {task_id} does not exist")]
    if ident != task_id and ident not in task_item_ids(tasks[task_id]):
        return [src.problem(here + ("source",), f"task {task_id} has no item '{ident}'")]
    if task_id not in sheet.tasks:
        return [src.problem(here + ("source",), f"task {task_id} is not one of this worksheet's tasks {sheet.tasks}")]
    return []


def _choice(src: SourceFile, here: FieldPath, thing: FieldPart | Column) -> list[Problem]:
    if thing.kind == "choice" and not thing.options:
        return [src.problem(here + ("options",), "a choice needs options")]
    if thing.kind != "choice" and thing.options:
        return [src.problem(here + ("options",), f"options belong to choices only (kind is '{thing.kind}')")]
    return []


def _table(src: SourceFile, here: FieldPath, table: TablePart, tasks: dict[str, Task], cases: dict[str, Case]) -> list[Problem]:
    problems: list[Problem] = []
    ids = [c.id for c in table.columns]
    for c, column in enumerate(table.columns):
        if ids.count(column.id) > 1:
            problems.append(src.problem(here + ("columns", c, "id"), f"column id '{column.id}' is used twice"))
        problems += _choice(src, here + ("columns", c), column)
    for r, ref in enumerate(table.rows_from):
        rows, problem = resolve(ref, tasks, cases)
        if problem:
            problems.append(src.problem(here + ("rows_from", r), problem))
    if table.rows_from and table.fixed_rows:
        problems.append(src.problem(here + ("fixed_rows",), "rows come from the publication's list or are ours, not both"))
    if table.quote and (table.quote.task not in tasks or paragraph(tasks[table.quote.task], table.quote.paragraph) is None):
        problems.append(src.problem(here + ("quote",), f"task {table.quote.task} has no paragraph {table.quote.paragraph}"))
    if table.actions:
        missing = [name for name in ACTION_COLUMNS if name not in ids]
        if missing:
            problems.append(src.problem(here + ("columns",), f"an action table needs the columns {', '.join(missing)}"))
        status = next((c for c in table.columns if c.id == "status"), None)
        if status and (status.kind != "choice" or DONE not in status.options):
            problems.append(src.problem(here + ("columns",), f"the status column of an action table is a choice that includes '{DONE}'"))
        if table.rows_from or table.fixed_rows:
            problems.append(src.problem(here + ("actions",), "an action table has no fixed rows"))
    return problems


def _coverage(content: Content, loaded: Loaded, tasks: dict[str, Task], served: set[str]) -> list[Problem]:
    if loaded.coverage is None:
        return []
    src = single(content, "worksheets/coverage.yml")
    problems: list[Problem] = []
    excused: set[str] = set()
    for n, entry in enumerate(loaded.coverage.not_needed):
        here = ("not_needed", n, "task")
        if entry.task not in tasks:
            problems.append(src.problem(here, f"task {entry.task} does not exist"))
        elif entry.task in served:
            problems.append(src.problem(here, f"task {entry.task} is served by a worksheet: remove it from not_needed"))
        excused.add(entry.task)
    for task_id in tasks:
        if task_id not in served and task_id not in excused:
            problems.append(Problem(content.named("worksheets"), None, "",
                                    f"task {task_id} has no worksheet: list it in a worksheet's tasks, or in coverage.yml "
                                    "under not_needed with the reason"))
    return problems
