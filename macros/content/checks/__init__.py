"""Checks across files, one module per kind of entity: what a single file's schema cannot see.

Every check returns problems (file, line, field, what was expected); none raises. They run on
files that each validated, before anything is rendered, in two rounds: first what the rest
stands on (the modules, boxes and chapters themselves), then what refers to them, so that a
missing module is reported as itself and not as a hundred broken references.
"""
from __future__ import annotations

from ..reader import Problem
from ..tree import Content
from . import (
    assessment,
    cases,
    chapters,
    glossary,
    journeys,
    modules,
    references,
    required,
    search_keywords,
    text,
    worksheets,
    workshops,
)
from .common import Loaded

__all__ = ["Loaded", "check"]

FOUNDATIONS = (modules.check, cases.check, chapters.check, required.check)
REFERENCES = (text.check, references.check, assessment.check, journeys.check, worksheets.check,
              search_keywords.check, workshops.check)


def check(content: Content, loaded: Loaded) -> list[Problem]:
    problems = [p for run in FOUNDATIONS for p in run(content, loaded)]
    if problems:
        return problems
    problems = [p for run in REFERENCES for p in run(content, loaded)]
    return problems + glossary.check(content)
