"""The home page's ways in (content/journeys.yml, ours): each stop of a path, with its title
and address taken from the modules."""
from __future__ import annotations

from dataclasses import dataclass

from ..content.load import Content
from ..content.model import Journey
from . import urls
from .i18n import ENGLISH, Translating


@dataclass(frozen=True)
class Stop:
    kind: str         # 'step' / 'task': the page says 'Step 9: Reviewing' / 'Task 3.2: Assess rewards and risks'
    id: str           # '9' / '3.2'
    title: str        # the publication's, marked with its language on the page
    target: str       # 'steps/3.html#task-3-2'
    why: str          # ours


def context(journey: Journey) -> str:
    """The catalogue context of a journey's own words (macros/outputs/catalogue.py)."""
    return f"journey:{journey.id}"


def stops(content: Content, journey: Journey, tr: Translating = ENGLISH) -> list[Stop]:
    """Each stop, with our words in content/journeys.yml in the page's language."""
    data = tr.data
    out = []
    for stop in journey.stops:
        if stop.step is not None:
            step = content.step_by_id[stop.step]
            out.append(Stop("step", step.id, step.title, urls.step_path(step.id), data(context(journey), stop.editorial_why)))
        elif stop.task is not None:
            task = content.task_by_id[stop.task]
            step = content.step_of_task[task.id]
            out.append(Stop("task", task.id, task.title, f"{urls.step_path(step.id)}#{urls.task_anchor(task.id)}",
                            data(context(journey), stop.editorial_why)))
        else:   # the content check requires one of them
            raise ValueError(f"journey {journey.id}: a stop names neither a step nor a task")
    return out
