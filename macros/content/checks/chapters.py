"""Chapters: known IDs, each once, section IDs unique within a chapter."""
from __future__ import annotations

from collections import Counter

from ..model import Section
from ..reader import FieldPath, Problem, SourceFile
from ..tree import Content
from .common import Loaded, source

CHAPTER_IDS = frozenset({"foreword", "acknowledgements", "i", "ii", "iii", "iv", "annex-i", "annex-ii"})


def check(content: Content, loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path, chapter in loaded.chapters:
        src = source(content, path)
        if chapter.id not in CHAPTER_IDS:
            problems.append(src.problem(("id",), f"unknown chapter id '{chapter.id}': expected one of {sorted(CHAPTER_IDS)}"))
        if chapter.id in seen:
            problems.append(src.problem(("id",), f"chapter '{chapter.id}' is defined twice (also in {seen[chapter.id]})"))
        seen[chapter.id] = src.rel
        problems += _sections(src, chapter.sections, ("sections",), Counter())
    return problems


def _sections(src: SourceFile, sections: list[Section], path: FieldPath, seen: Counter[str]) -> list[Problem]:
    problems: list[Problem] = []
    for i, section in enumerate(sections):
        seen[section.id] += 1
        if seen[section.id] == 2:
            problems.append(src.problem(path + (i, "id"), f"section id '{section.id}' is used twice in this chapter"))
        problems += _sections(src, section.sections, path + (i, "sections"), seen)
    return problems
