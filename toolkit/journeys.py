"""The home page's ways in (content/journeys.yml, ours): short paths through the steps and
tasks for common situations, checked against the content so that no stop points nowhere."""
from __future__ import annotations

from dataclasses import dataclass

from . import urls
from .content import Content
from .loader import ContentError, read_yaml, validate
from .model import Journey

FILE = "journeys.yml"


@dataclass(frozen=True)
class Stop:
    label: str        # 'Step 9: Reviewing' / 'Task 3.2: Assess rewards and risks'
    target: str       # 'steps/3.html#task-3-2'
    why: str          # ours


def load(content: Content) -> list[Journey]:
    source, problems = read_yaml(content.root / FILE, content.root)
    model = None
    if not problems:
        model, problems = validate(source, "journeys")
    if model is not None:
        steps, tasks = {s.id for s in content.steps}, {t.id for t in content.tasks}
        seen = set()
        for j, journey in enumerate(model.journeys):
            if journey.id in seen:
                problems.append(source.problem(("journeys", j, "id"), f"duplicate journey id {journey.id!r}"))
            seen.add(journey.id)
            for n, stop in enumerate(journey.stops):
                where = ("journeys", j, "stops", n)
                if (stop.step is None) == (stop.task is None):
                    problems.append(source.problem(where, "give exactly one of 'step' or 'task'"))
                elif stop.step is not None and stop.step not in steps:
                    problems.append(source.problem((*where, "step"), f"no step {stop.step!r} in the modules"))
                elif stop.task is not None and stop.task not in tasks:
                    problems.append(source.problem((*where, "task"), f"no task {stop.task!r} in the modules"))
    if problems:
        raise ContentError(problems)
    return model.journeys


def stops(content: Content, journey: Journey) -> list[Stop]:
    out = []
    for stop in journey.stops:
        if stop.step is not None:
            step = next(s for s in content.steps if s.id == stop.step)
            out.append(Stop(f"Step {step.id}: {step.title}", urls.step_path(step.id), stop.editorial_why))
        else:
            task = next(t for t in content.tasks if t.id == stop.task)
            step_id = task.id.split(".")[0]
            out.append(Stop(f"Task {task.id}: {task.title}", f"{urls.step_path(step_id)}#{urls.task_anchor(task.id)}",
                            stop.editorial_why))
    return out
