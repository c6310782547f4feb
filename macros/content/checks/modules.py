"""Modules, steps, tasks and their lists: IDs unique, in order, where they belong."""
from __future__ import annotations

from collections import Counter

from ..model import Item, ListWrap, Task
from ..reader import FieldPath, Problem, SourceFile
from ..tree import Content
from .common import Loaded, source

MODULE_IDS = "ABCDE"
STEP_IDS = [str(n) for n in range(1, 13)]


def check(content: Content, loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []
    module_ids = Counter(module.id for _, module in loaded.modules)
    for path, module in loaded.modules:
        src = source(content, path)
        if path.stem != module.id:
            problems.append(src.problem(("id",), f"module '{module.id}' must live in modules/{module.id}.yml"))
        for g, group in enumerate(module.key_principles.groups):
            if not group.id.startswith(module.id + "."):
                problems.append(src.problem(("key_principles", "groups", g, "id"),
                                            f"key principle '{group.id}' must start with '{module.id}.'"))
    for missing in sorted(set(MODULE_IDS) - set(module_ids)):
        problems.append(Problem(content.named("modules"), None, "", f"module {missing} is missing: expected modules/{missing}.yml"))
    problems += _steps_and_tasks(content, loaded)
    ordered = [s.id for _, m in sorted(loaded.modules, key=lambda x: x[1].id) for s in m.steps]
    if loaded.modules and len(module_ids) == len(MODULE_IDS) and ordered != STEP_IDS[: len(ordered)]:
        problems.append(Problem(content.named("modules"), None, "", f"steps must run 1 to 12 across modules A to E; found {ordered}"))
    return problems


def _steps_and_tasks(content: Content, loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []
    step_seen: dict[str, str] = {}
    task_seen: dict[str, str] = {}
    for path, module in loaded.modules:
        src = source(content, path)
        for s, step in enumerate(module.steps):
            here = ("steps", s)
            if step.id in step_seen:
                problems.append(src.problem(here + ("id",), f"step {step.id} is defined twice (also at {step_seen[step.id]})"))
            step_seen[step.id] = f"{src.rel}:{src.line_of(here + ('id',))}"
            for t, task in enumerate(step.tasks):
                tpath = here + ("tasks", t)
                if not task.id.startswith(step.id + "."):
                    problems.append(src.problem(tpath + ("id",), f"task {task.id} does not belong to step {step.id}: expected '{step.id}.N'"))
                if task.id in task_seen:
                    problems.append(src.problem(tpath + ("id",), f"task {task.id} is defined twice (also at {task_seen[task.id]})"))
                task_seen[task.id] = f"{src.rel}:{src.line_of(tpath + ('id',))}"
                problems += _task_lists(src, task, tpath)
            numbers = [int(t.id.split(".")[1]) for t in step.tasks]
            if numbers != sorted(numbers):
                problems.append(src.problem(here + ("tasks",), f"tasks of step {step.id} are out of order: {numbers}"))
    return problems


def _task_lists(src: SourceFile, task: Task, tpath: FieldPath) -> list[Problem]:
    problems: list[Problem] = []
    list_ids: Counter[str | None] = Counter()
    for i, block in enumerate(task.blocks):
        if isinstance(block, ListWrap):
            list_ids[block.list.id] += 1
            problems += _items(src, block.list.items, tpath + ("blocks", i, "list", "items"))
    for lid, count in list_ids.items():
        if count > 1:
            name = f"list id '{lid}'" if lid else "main list (no id)"
            problems.append(src.problem(tpath + ("blocks",),
                                        f"task {task.id} has its {name} {count} times: give every list after the first an 'id'"))
    return problems


def _items(src: SourceFile, items: list[Item], path: FieldPath) -> list[Problem]:
    problems: list[Problem] = []
    numbers = Counter(item.n for item in items if item.n)
    for n, count in numbers.items():
        if count > 1:
            problems.append(src.problem(path, f"item number '{n}' is used {count} times in one list"))
    for i, item in enumerate(items):
        if not item.text and not item.label:
            problems.append(src.problem(path + (i,), "an item needs text or a label"))
        if item.after and not item.list:
            problems.append(src.problem(path + (i, "after"), "'after' follows sub-items, but this item has none"))
        if item.list:
            problems += _items(src, item.list.items, path + (i, "list", "items"))
    return problems
