"""Search keywords (ours): each entry names exactly one passage that exists, a task's
sub-heading only together with its task, and a chapter's section only with its chapter."""
from __future__ import annotations

from ..model import HeadingBlock, SearchKeywords, Section
from ..reader import FieldPath, Problem, SourceFile
from ..tree import Content
from .common import Loaded, single

TARGETS = ("task", "step", "principles", "principle", "term", "box", "chapter")


def _known(content: Content) -> tuple[dict[str, set[str]], set[tuple[str, str]]]:
    """The IDs each kind of passage may take, and every (task, sub-heading) pair."""
    return {
        "task": set(content.task_by_id),
        "step": set(content.step_by_id),
        "principles": set(content.module_by_id),
        "principle": {g.id for m in content.modules for g in m.key_principles.groups},
        "term": {t.id for t in content.glossary.terms},
        "box": set(content.case_by_id),
        "chapter": set(content.chapter_by_id),
    }, {(t.id, b.id) for t in content.tasks for b in t.blocks if isinstance(b, HeadingBlock)} | {
        (c.id, s) for c in content.chapters for s in _section_ids(c.sections)}


def _section_ids(sections: list[Section]) -> list[str]:
    return [i for s in sections for i in (s.id, *_section_ids(s.sections))]


def _entry(src: SourceFile, known: tuple[dict[str, set[str]], set[tuple[str, str]]], entry: SearchKeywords,
           where: FieldPath) -> list[Problem]:
    ids, headings = known
    given = [name for name in TARGETS if getattr(entry, name) is not None]
    if len(given) != 1:
        return [src.problem(where, f"name exactly one passage: one of {', '.join(TARGETS)} (got {len(given)})")]
    name = given[0]
    value: str = getattr(entry, name)
    if value not in ids[name]:
        what = {"principles": "module", "term": "glossary entry"}.get(name, name)
        return [src.problem((*where, name), f"no {what} {value!r} in the content")]
    if entry.section is not None:
        if name != "chapter":
            return [src.problem((*where, "section"), "a section is named inside a chapter: give the chapter too")]
        if (value, entry.section) not in headings:
            return [src.problem((*where, "section"), f"chapter {value} has no section with id {entry.section!r}")]
    if entry.heading is not None:
        if name != "task":
            return [src.problem((*where, "heading"), "a heading is named inside a task: give the task too")]
        if (value, entry.heading) not in headings:
            return [src.problem((*where, "heading"), f"task {value} has no heading with id {entry.heading!r}")]
    return []


def check(content: Content, loaded: Loaded) -> list[Problem]:
    src = single(content, "search/keywords.yml")
    known = _known(content)
    problems: list[Problem] = []
    for n, entry in enumerate(content.search_keywords.keywords):
        problems += _entry(src, known, entry, ("keywords", n))
    return problems
