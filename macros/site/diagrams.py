"""Layout of the framework diagrams, computed from the data: where each box, node and line
of text goes. Templates (templates/parts/diagrams.html) draw them as inline SVG, so the
figures can never disagree with the modules, steps and tasks they show."""
from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field
from typing import Required, TypedDict

from ..content.load import Content
from . import urls
from .i18n import ENGLISH, Translating, fill

WIDTH = 420
# Boxes of the module figures are links: 64 units are 44 px (WCAG 2.5.5) where a 360 px phone
# draws the 420-unit figure inside its frame about 295 px wide.
MIN_BOX = 64


@dataclass
class Box:
    x: float
    y: float
    w: float
    h: float
    lines: list[str]
    target: str
    label: str = ""            # accessible name when it differs from the lines
    current: bool = False
    kind: str = ""
    module: str = ""


class Arc(TypedDict):
    """A module's arc around the policy cycle (figure II.2)."""

    module: str
    target: str
    path: str           # SVG path data
    label_x: float
    label_y: float
    label: str
    title: str
    stages: str


class Label(TypedDict, total=False):
    """Text placed on a diagram, a link when it has a target."""

    x: Required[float]
    y: Required[float]
    lines: Required[list[str]]
    anchor: Required[str]    # SVG text-anchor
    kind: Required[str]
    target: str
    module: str
    title: str


@dataclass
class Diagram:
    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)
    arcs: list[Arc] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)


def wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=False) or [text]


def module_steps(content: Content, module_id: str, tr: Translating = ENGLISH) -> Diagram:
    """Figures IV.3 to IV.7: a module's steps, each with its tasks, stacked so that they stay
    readable on a phone."""
    _ = tr.gettext
    module = content.module_by_id[module_id]
    y = 0.0
    boxes: list[Box] = []
    for step in module.steps:
        boxes.append(Box(0, y, WIDTH, MIN_BOX, [f"STEP {step.id} · {(step.figure_label or step.title).upper()}"], urls.step_path(step.id),
                         fill(_("Step {id}: {title}"), id=step.id, title=step.title), kind="step"))
        y += MIN_BOX + 8
        for task in step.tasks:
            lines = wrap(f"{task.id}  {task.title}", 38)
            h = max(MIN_BOX, 14 + 22 * len(lines))
            boxes.append(Box(20, y, WIDTH - 20, h, lines, f"{urls.step_path(step.id)}#{urls.task_anchor(task.id)}",
                             fill(_("Task {id}: {title}"), id=task.id, title=task.title), kind="task"))
            y += h + 8
        y += 12
    return Diagram(WIDTH, y - 12, boxes)


def framework(content: Content, current_step: str | None = None, tr: Translating = ENGLISH) -> Diagram:
    """Figure II.2: the twelve steps around the 2030 Agenda policy cycle, grouped by module."""
    _ = tr.gettext
    width, height, cx, cy, ring = 900, 720, 450, 360, 250
    steps = content.steps
    d = Diagram(width, height)
    angle_of: dict[str, float] = {}
    for i, step in enumerate(steps):
        angle = -math.pi / 2 + (i + 0.5) * 2 * math.pi / len(steps)
        angle_of[step.id] = angle
        x, y = cx + ring * math.cos(angle), cy + ring * math.sin(angle)
        label = step.figure_label or step.title
        d.boxes.append(Box(x, y, 34, 34, [step.id], urls.step_path(step.id),
                           fill(_("Step {id}: {title}"), id=step.id, title=step.title),
                           current=step.id == current_step, kind="node"))
        lx, ly = cx + (ring + 58) * math.cos(angle), cy + (ring + 58) * math.sin(angle)
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("start" if math.cos(angle) > 0 else "end")
        d.labels.append({"x": lx, "y": ly, "lines": wrap(label, 16), "anchor": anchor, "kind": "step"})
    step_angle = 2 * math.pi / len(steps)
    for module in content.modules:
        first, last = angle_of[module.steps[0].id], angle_of[module.steps[-1].id]
        start, end = first - step_angle * 0.45, last + step_angle * 0.45
        r = ring - 62
        large = 1 if end - start > math.pi else 0
        d.arcs.append({
            "module": module.id, "target": urls.module_path(module.id),
            "path": (f"M {cx + r * math.cos(start):.1f} {cy + r * math.sin(start):.1f} "
                     f"A {r} {r} 0 {large} 1 {cx + r * math.cos(end):.1f} {cy + r * math.sin(end):.1f}"),
            "label_x": cx + (r - 34) * math.cos((start + end) / 2),
            "label_y": cy + (r - 34) * math.sin((start + end) / 2),
            "label": fill(_("Module {id}"), id=module.id),
            "title": fill(_("Module {id}: {title}"), id=module.id, title=module.title),
            "stages": ", ".join(s.label for s in content.figures.policy_cycle if module.id in s.modules),
        })
    return d


def you_are_here(content: Content, current_step: str, tr: Translating = ENGLISH) -> Diagram:
    """A strip of the twelve steps by module, the current one marked."""
    _ = tr.gettext
    d = Diagram(720, 74)
    x = 8.0
    for module in content.modules:
        start = x
        for step in module.steps:
            d.boxes.append(Box(x, 30, 44, 36, [step.id], urls.step_path(step.id),
                               fill(_("Step {id}: {title}"), id=step.id, title=step.title),
                               current=step.id == current_step, kind="node", module=module.id))
            x += 50
        d.labels.append({"x": (start + x - 6) / 2, "y": 18, "lines": [fill(_("Module {id}"), id=module.id)], "anchor": "middle",
                         "kind": "module", "target": urls.module_path(module.id), "module": module.id,
                         "title": fill(_("Module {id}: {title}"), id=module.id, title=module.title)})
        x += 12
    d.width = x - 4
    return d
