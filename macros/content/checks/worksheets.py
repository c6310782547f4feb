"""Worksheets (ours): each serves tasks that exist, every prompt points at a task or item that
exists, every list it borrows from the publication exists, and every task is served by a
worksheet or says why it needs none."""
from __future__ import annotations

from ..ids import task_item_ids
from ..lists import paragraph, resolve, task_of
from ..model import Case, Column, FieldPart, GridRegion, TablePart, Task, Worksheet
from ..reader import FieldPath, Problem, SourceFile
from ..tree import Content
from .common import Loaded, single, source

# The columns the action plan reads from an action table.
ACTION_COLUMNS = ("action", "owner", "due", "status")
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
        earlier: dict[str, TablePart] = {}
        for p, part in enumerate(sheet.parts):
            here = ("parts", p)
            ident = part.field if isinstance(part, FieldPart) else part.table
            if ident in seen:
                problems.append(src.problem(here, f"part id '{ident}' is used twice in this worksheet"))
            seen.add(ident)
            problems += _source(src, here, part.source, sheet, tasks)
            if isinstance(part, FieldPart):
                problems += _choice(src, here, part)
            else:
                problems += _table(src, here, part, tasks, cases) + _column_names(src, here, part, earlier)
                earlier[part.table] = part
            if part.clause and not sheet.draft:
                problems.append(src.problem(here + ("clause",), "a clause goes into the worksheet's draft: give the worksheet a 'draft' title"))
        if sheet.draft and not any(part.clause for part in sheet.parts):
            problems.append(src.problem(("draft",), "a draft needs parts with a 'clause' to put in it"))
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
    if isinstance(thing, Column) and thing.scores and len(thing.scores) != len(thing.options):
        return [src.problem(here + ("scores",), f"scores are one number per option: {len(thing.options)} expected, "
                                                f"{len(thing.scores)} given")]
    return []


def _score(src: SourceFile, here: FieldPath, table: TablePart, columns: dict[str, Column]) -> list[Problem]:
    if table.score is None:
        return []
    problems: list[Problem] = []
    for n, ident in enumerate(table.score.of):
        column = columns.get(ident)
        if column is None or column.kind != "choice" or not column.scores:
            problems.append(src.problem(here + ("score", "of", n), f"'{ident}' is not a choice column of this table with scores"))
    return problems


def _region(src: SourceFile, here: FieldPath, region: GridRegion, x: Column, y: Column) -> list[Problem]:
    return [src.problem(here + (key, v), f"'{value}' is not an option of '{column.id}' ({', '.join(column.options)})")
            for key, column, values in (("x", x, region.x), ("y", y, region.y))
            for v, value in enumerate(values) if value not in column.options]


def _grid(src: SourceFile, here: FieldPath, table: TablePart, columns: dict[str, Column]) -> list[Problem]:
    grid = table.grid
    if grid is None:
        return []
    here = here + ("grid",)
    problems = [src.problem(here + (key,), f"'{ident}' is not a column of this table")
                for key, ident in (("name", grid.name), ("x", grid.x), ("y", grid.y)) if ident not in columns]
    if problems:
        return problems
    x, y = columns[grid.x], columns[grid.y]
    for key, column in (("x", x), ("y", y)):
        if column.kind != "choice":
            problems.append(src.problem(here + (key,), f"'{column.id}' is not a choice column"))
    if problems:
        return problems
    covered: dict[tuple[str, str], int] = {}
    for r, region in enumerate(grid.regions):
        problems += _region(src, here + ("regions", r), region, x, y)
        for pair in ((a, b) for a in region.x for b in region.y):
            if pair in covered:
                problems.append(src.problem(here + ("regions", r), f"{grid.x} '{pair[0]}' and {grid.y} '{pair[1]}' are "
                                                                   f"already in region {covered[pair] + 1}"))
            covered.setdefault(pair, r)
    missing = [f"{a}/{b}" for a in x.options for b in y.options if (a, b) not in covered]
    if missing and not problems:
        problems.append(src.problem(here + ("regions",), f"no region covers {', '.join(missing)} ({grid.x}/{grid.y})"))
    return problems


def _column_names(src: SourceFile, here: FieldPath, table: TablePart, earlier: dict[str, TablePart]) -> list[Problem]:
    names = table.column_names
    if names is None:
        return []
    here = here + ("column_names",)
    source = earlier.get(names.table)
    if source is None:
        return [src.problem(here + ("table",), f"'{names.table}' is not a table earlier in this worksheet")]
    problems: list[Problem] = []
    if names.column not in {c.id for c in source.columns}:
        problems.append(src.problem(here + ("column",), f"'{names.column}' is not a column of table '{names.table}'"))
    if len(source.fixed_rows) < len(names.columns):
        problems.append(src.problem(here + ("columns",), f"table '{names.table}' has {len(source.fixed_rows)} fixed rows "
                                                         f"(fixed_rows) to name {len(names.columns)} columns"))
    ids = {c.id for c in table.columns}
    problems += [src.problem(here + ("columns", n), f"'{ident}' is not a column of this table")
                 for n, ident in enumerate(names.columns) if ident not in ids]
    return problems


def _table(src: SourceFile, here: FieldPath, table: TablePart, tasks: dict[str, Task], cases: dict[str, Case]) -> list[Problem]:
    problems: list[Problem] = []
    ids = [c.id for c in table.columns]
    for c, column in enumerate(table.columns):
        if ids.count(column.id) > 1:
            problems.append(src.problem(here + ("columns", c, "id"), f"column id '{column.id}' is used twice"))
        problems += _choice(src, here + ("columns", c), column)
    by_id = {c.id: c for c in table.columns}
    problems += _score(src, here, table, by_id) + _grid(src, here, table, by_id)
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
