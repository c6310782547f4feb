"""The facilitator's packs (ours): one per module, each agenda's slots adding up to its length,
each session with a case box and three questions, every ID it names existing; and the checklist
actions: every item of the module's tasks once, as an action or as description."""
from __future__ import annotations

from ..ids import task_lists, walk
from ..model import AgendaItem, Workshop
from ..reader import Problem, SourceFile
from ..tree import Content
from .common import Loaded, source

KINDS = ("opening", "session", "energiser", "pause", "closing")


def _kinds(item: AgendaItem) -> list[str]:
    return [k for k in KINDS if getattr(item, k) not in (None, False)]


def check(content: Content, loaded: Loaded) -> list[Problem]:
    return _packs(content, loaded) + _actions(content, loaded)


def _packs(content: Content, loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path, pack in loaded.workshops:
        src = source(content, path)
        if path.stem != pack.module:
            problems.append(src.problem(("module",), f"the file is named {path.name}: name it {pack.module}.yml, after its module"))
        if pack.module in seen:
            problems.append(src.problem(("module",), f"module {pack.module} already has a pack in {seen[pack.module]}"))
        seen[pack.module] = src.rel
        ids = {session.id for session in pack.sessions}
        problems += _sessions(content, src, pack)
        lengths = [a.length for a in pack.agendas]
        if sorted(lengths) != ["full-day", "half-day"]:
            problems.append(src.problem(("agendas",), f"expected one half-day and one full-day agenda, found {', '.join(lengths)}"))
        for a, agenda in enumerate(pack.agendas):
            problems += _agenda(src, a, agenda.minutes, agenda.items, ids)
    for module in content.modules:
        if module.id not in seen:
            problems.append(Problem(content.named(f"workshops/{module.id}.yml"), None, "",
                                    f"missing file: expected module {module.id}'s facilitator's pack here"))
    return problems


def _tasks_of(content: Content, module_id: str) -> list[str]:
    """The module's tasks, in order, from the content's index."""
    return [t for t in content.task_by_id if content.module_of_step[content.step_of_task[t].id].id == module_id]


def _sessions(content: Content, src: SourceFile, pack: Workshop) -> list[Problem]:
    problems: list[Problem] = []
    sheets = {w.id for w in content.worksheets}
    module_tasks = _tasks_of(content, pack.module)
    ids: set[str] = set()
    for n, session in enumerate(pack.sessions):
        where = ("sessions", n)
        if session.id in ids:
            problems.append(src.problem((*where, "id"), f"duplicate session id {session.id!r}"))
        ids.add(session.id)
        for t, task in enumerate(session.tasks):
            if task not in module_tasks:
                problems.append(src.problem((*where, "tasks", t), f"task {task} is not a task of module {pack.module}"))
        if session.case not in content.case_by_id:
            problems.append(src.problem((*where, "case"), f"no case box {session.case}: expected one of content/cases/"))
        for w, sheet in enumerate(session.worksheets):
            if sheet not in sheets:
                problems.append(src.problem((*where, "worksheets", w), f"no worksheet {sheet!r} in content/worksheets/"))
    return problems


def _agenda(src: SourceFile, a: int, minutes: int, items: list[AgendaItem], sessions: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    where = ("agendas", a)
    total = sum(item.minutes for item in items)
    if total != minutes:
        problems.append(src.problem((*where, "minutes"), f"the slots add up to {total} minutes, not {minutes}: "
                                    "change a slot's minutes or the agenda's"))
    for i, item in enumerate(items):
        kinds = _kinds(item)
        if len(kinds) != 1:
            problems.append(src.problem((*where, "items", i), "give exactly one of opening, session, energiser, pause "
                                        f"or closing (found {', '.join(kinds) or 'none'})"))
        elif item.session is not None and item.session not in sessions:
            problems.append(src.problem((*where, "items", i, "session"), f"no session {item.session!r} in this pack's sessions"))
    if not items[0].opening:
        problems.append(src.problem((*where, "items", 0), "an agenda starts with the opening"))
    if not items[-1].closing:
        problems.append(src.problem((*where, "items", len(items) - 1), "an agenda ends with the closing round"))
    if not any(item.session for item in items):
        problems.append(src.problem((*where, "items"), "an agenda needs at least one session"))
    return problems


def _actions(content: Content, loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []
    for path, actions in loaded.actions:
        src = source(content, path)
        if path.stem != actions.module:
            problems.append(src.problem(("module",), f"the file is named {path.name}: name it {actions.module}.yml"))
        expected = [entry.id for task_id in _tasks_of(content, actions.module)
                    for lst in task_lists(content.task_by_id[task_id]) for entry in walk(lst, task_id)]
        given: set[str] = set()
        for i, entry in enumerate(actions.items):
            where = ("items", i)
            if entry.item not in expected:
                problems.append(src.problem((*where, "item"), f"no item {entry.item} in the tasks of module {actions.module}"))
            if entry.item in given:
                problems.append(src.problem((*where, "item"), f"item {entry.item} is given twice"))
            given.add(entry.item)
            if (entry.editorial_action is None) == (not entry.descriptive):
                problems.append(src.problem(where, "give an editorial_action, or descriptive: true for an item that only "
                                            "describes (not both)"))
        missing = [ident for ident in expected if ident not in given]
        if missing:
            problems.append(src.problem(("items",), f"{len(missing)} item(s) of module {actions.module} have neither an "
                                        f"action nor descriptive: true: {', '.join(missing)}"))
    return problems
