"""Self-assessment questions (ours): each points at a task, principle or outcome that exists,
and every task is asked about."""
from __future__ import annotations

from dataclasses import dataclass

from ..ids import task_item_ids
from ..model import Question, Task
from ..reader import FieldPath, Problem, SourceFile
from ..tree import Content
from .common import Loaded, source


@dataclass(frozen=True)
class _Targets:
    """What questions may point at, gathered once from the modules."""

    tasks: dict[str, Task]
    module_of_task: dict[str, str]
    principles: set[str]
    outcomes: set[str]


def check(content: Content, loaded: Loaded) -> list[Problem]:
    targets = _Targets(
        tasks=content.task_by_id,
        module_of_task={task_id: content.module_of_step[step.id].id for task_id, step in content.step_of_task.items()},
        principles={g.id for m in content.modules for g in m.key_principles.groups},
        outcomes={f"{m.id}.outcomes.{i.n}" for m in content.modules for i in m.outcomes.items},
    )
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    asked: set[str] = set()
    for path, part in loaded.assessment:
        src = source(content, path)
        if path.stem != part.module:
            problems.append(src.problem(("module",), f"questions of module {part.module} must live in assessment/{part.module}.yml"))
        for q, question in enumerate(part.questions):
            here = ("questions", q)
            if question.id in seen:
                problems.append(src.problem(here + ("id",), f"question id '{question.id}' is used twice (also at {seen[question.id]})"))
            seen[question.id] = f"{src.rel}:{src.line_of(here + ('id',))}"
            problems += _question(src, here, question, part.module, targets)
            if question.task is not None and question.task in targets.tasks:
                asked.add(question.task)
    present = {part.module for _, part in loaded.assessment}
    for absent in sorted(content.module_by_id.keys() - present):
        problems.append(Problem(content.named("assessment"), None, "", f"no questions for module {absent}: expected assessment/{absent}.yml"))
    for task_id, module_id in targets.module_of_task.items():
        if module_id in present and task_id not in asked:
            problems.append(Problem(content.named(f"assessment/{module_id}.yml"), None, "",
                                    f"task {task_id} has no question: every task needs at least one"))
    return problems


def _question(src: SourceFile, here: FieldPath, question: Question, module_id: str, targets: _Targets) -> list[Problem]:
    """One question points at exactly one task, principle or outcome that exists, in its module."""
    sources = [x for x in (question.task, question.principle, question.outcome) if x]
    if len(sources) != 1:
        return [src.problem(here, "a question needs exactly one of: task, principle, outcome")]
    problems: list[Problem] = []
    if not question.id.startswith(f"q-{sources[0]}-"):
        problems.append(src.problem(here + ("id",), f"question id must start with 'q-{sources[0]}-'"))
    if question.items and not question.task:
        problems.append(src.problem(here + ("items",), "items belong to task questions only"))
    if question.principle and question.principle not in targets.principles:
        problems.append(src.problem(here + ("principle",), f"key principle {question.principle} does not exist"))
    elif question.outcome and question.outcome not in targets.outcomes:
        problems.append(src.problem(here + ("outcome",), f"outcome {question.outcome} does not exist"))
    elif question.task and question.task not in targets.tasks:
        problems.append(src.problem(here + ("task",), f"task {question.task} does not exist"))
    elif question.task:
        if targets.module_of_task[question.task] != module_id:
            problems.append(src.problem(here + ("task",), f"task {question.task} is not in module {module_id}"))
        known = task_item_ids(targets.tasks[question.task])
        problems += [src.problem(here + ("items", i), f"task {question.task} has no item '{item}'")
                     for i, item in enumerate(question.items) if item not in known]
    return problems
