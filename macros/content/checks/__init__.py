"""Checks across files, one module per kind of entity: what a single file's schema cannot see.

Every check returns problems (file, line, field, what was expected); none raises. They run on
files that each validated, before anything is rendered.
"""
from __future__ import annotations

from . import assessment, cases, chapters, glossary, modules, references, worksheets
from .common import Loaded

__all__ = ["Loaded", "check"]


def check(content, loaded: Loaded) -> list:
    problems: list = []
    problems += modules.check(content, loaded)
    problems += cases.check(content, loaded)
    problems += chapters.check(content, loaded)
    problems += references.check(content, loaded)
    problems += assessment.check(content, loaded)
    problems += glossary.check(content)
    problems += worksheets.check(content, loaded)
    return problems
