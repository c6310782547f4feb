"""The home page's journeys (ours): each id once, each stop exactly one step or task that exists."""
from __future__ import annotations

from ..reader import Problem
from ..tree import Content
from .common import Loaded, single


def check(content: Content, loaded: Loaded) -> list[Problem]:
    src = single(content, "journeys.yml")
    problems: list[Problem] = []
    seen: set[str] = set()
    for j, journey in enumerate(content.journeys.journeys):
        if journey.id in seen:
            problems.append(src.problem(("journeys", j, "id"), f"duplicate journey id {journey.id!r}"))
        seen.add(journey.id)
        for n, stop in enumerate(journey.stops):
            where = ("journeys", j, "stops", n)
            if (stop.step is None) == (stop.task is None):
                problems.append(src.problem(where, "give exactly one of 'step' or 'task'"))
            elif stop.step is not None and stop.step not in content.step_by_id:
                problems.append(src.problem((*where, "step"), f"no step {stop.step!r} in the modules"))
            elif stop.task is not None and stop.task not in content.task_by_id:
                problems.append(src.problem((*where, "task"), f"no task {stop.task!r} in the modules"))
    return problems
