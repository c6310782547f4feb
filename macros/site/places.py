"""Where things are placed and who cites whom, computed from the content.

A case box is printed in one place (a task, a step's opening, a module's key principles)
and cited from others ("see box IV.3"). Both directions are derived here from the data,
so adding a citation in the text adds the link on the case page.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..content import inline
from ..content.load import Content
from ..content.model import Chapter, FactorBlock, HeadingBlock, ParaBlock, Section
from ..content.walk import placements, texts
from . import urls


@dataclass(frozen=True)
class Location:
    """A place in the guidelines that a reader can be sent to."""

    label: str          # "Task 3.1: Map partners' resources", in English (guidelines.json, search)
    target: str         # "steps/3.html#task-3-1"
    module: str | None = None
    step: str | None = None
    task: str | None = None
    # What a page says it is in its own language (templates/parts/inline.html, place()): "module",
    # "principle", "step" or "task" with the publication's title; else the label is all the publication's.
    kind: str = "text"
    title: str = ""


def _module_locations(content: Content) -> Iterator[tuple[Location, object]]:
    """Yield (location, model) for every part of every module that holds text."""
    for module in content.modules:
        page = urls.module_path(module.id)
        whole = Location(f"Module {module.id}: {module.title}", page, module.id, kind="module", title=module.title)
        yield whole, module.intro
        yield whole, module.outcomes
        for group in module.key_principles.groups:
            yield Location(f"Module {module.id} key principle: {group.title}",
                           f"{page}#{urls.principle_anchor(group.id)}", module.id, kind="principle", title=group.title), group
        yield whole, module.closing_blocks
        for step in module.steps:
            spage = urls.step_path(step.id)
            yield Location(f"Step {step.id}: {step.title}", spage, module.id, step.id, kind="step", title=step.title), step.blocks
            for task in step.tasks:
                yield (Location(f"Task {task.id}: {task.title}", f"{spage}#{urls.task_anchor(task.id)}",
                                module.id, step.id, task.id, kind="task", title=task.title), task)


def _chapter_locations(content: Content) -> Iterator[tuple[Location, object]]:
    def walk(chapter: Chapter, sections: list[Section]) -> Iterator[tuple[Location, object]]:
        for section in sections:
            target = f"{urls.chapter_path(chapter.id)}#{section.id}"
            label = f"{chapter.label + ': ' if chapter.label else ''}{section.title}"
            yield Location(label, target), section.blocks
            yield from walk(chapter, section.sections)

    for chapter in content.chapters:
        name = f"{chapter.label}: {chapter.title}" if chapter.label else chapter.title
        yield Location(name, urls.chapter_path(chapter.id)), chapter.blocks
        yield from walk(chapter, chapter.sections)


def box_placements(content: Content) -> dict[str, Location]:
    """Case id -> the place where the publication prints the box."""
    found: dict[str, Location] = {}
    for location, model in [*_module_locations(content), *_chapter_locations(content)]:
        for _, kind, ident in placements(model):
            if kind == "box":
                found[ident] = location
    return found


def figure_placements(content: Content) -> dict[str, str]:
    """Figure id -> page path where it is drawn."""
    found = {m.figure: urls.module_path(m.id) for m in content.modules}
    for location, model in _chapter_locations(content):
        for _, kind, ident in placements(model):
            if kind == "figure":
                found[ident] = location.target.split("#")[0]
    return found


def _all_locations(content: Content) -> Iterator[tuple[Location, object]]:
    """Every text-holding part of the content, with its place: chapters, modules, then boxes."""
    yield from _chapter_locations(content)
    yield from _module_locations(content)
    for case in content.cases:
        yield Location(f"Box {case.id}: {case.title}", urls.case_path(case.id)), case


def citations(content: Content) -> dict[tuple[str, str], list[Location]]:
    """(kind, id) -> the places whose text cites it, in publication order, without repeats."""
    cited: dict[tuple[str, str], list[Location]] = defaultdict(list)
    for location, model in _all_locations(content):
        for _, text in texts(model):
            for ref in inline.references(text):
                if ref["type"] == "ref":
                    key = (ref["kind"], ref["key"])
                    if location not in cited[key]:
                        cited[key].append(location)
    return cited


def footnote_places(content: Content) -> dict[str, Location]:
    """Footnote id -> the place whose text carries its marker."""
    found: dict[str, Location] = {}
    for location, model in _all_locations(content):
        for _, text in texts(model):
            for ref in inline.references(text):
                if ref["type"] == "fn":
                    found.setdefault(ref["id"], location)
    return found


def case_scope(content: Content) -> dict[str, tuple[list[str], list[str]]]:
    """Case id -> (modules, steps) it illustrates: where it is printed, where the text cites it,
    and the modules its own sections speak to (box IV.12's lessons per module)."""
    placed = box_placements(content)
    cited = citations(content)
    order = {s.id: i for i, s in enumerate(content.steps)}
    out: dict[str, tuple[list[str], list[str]]] = {}
    for case in content.cases:
        places = [placed[case.id], *cited.get(("box", case.id), [])]
        modules = {p.module for p in places if p.module}
        steps = {p.step for p in places if p.step}
        modules |= {b.module for b in case.blocks if isinstance(b, ParaBlock | HeadingBlock | FactorBlock) and b.module}
        out[case.id] = (sorted(modules), sorted(steps, key=lambda step: order[step]))
    return out
