"""The glossary: each term once, each abbreviation once, and whose definition it is."""
from __future__ import annotations

from collections import Counter

from ..reader import Problem
from ..tree import Content
from .common import single


def check(content: Content) -> list[Problem]:
    problems: list[Problem] = []
    src = single(content, "glossary.yml")
    ids: Counter[str] = Counter()
    abbreviations: Counter[str] = Counter()
    for i, entry in enumerate(content.glossary.terms):
        ids[entry.id] += 1
        if entry.abbreviation:
            abbreviations[entry.abbreviation] += 1
        if bool(entry.definition) == bool(entry.editorial_definition):
            problems.append(src.problem(("terms", i), "give exactly one of 'definition' (the publication's) and 'editorial_definition' (ours)"))
        if entry.definition and not entry.defined_in:
            problems.append(src.problem(("terms", i, "defined_in"), "say where the publication defines it, e.g. 'chapter I'"))
        if ids[entry.id] == 2:
            problems.append(src.problem(("terms", i, "id"), f"glossary id '{entry.id}' is used twice"))
        if entry.abbreviation and abbreviations[entry.abbreviation] == 2:
            problems.append(src.problem(("terms", i, "abbreviation"), f"abbreviation '{entry.abbreviation}' is defined twice"))
    return problems
