"""Case boxes: one file per box, named by its number."""
from __future__ import annotations

from ..reader import Problem
from ..tree import Content
from .common import Loaded, source


def check(content: Content, loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path, case in loaded.cases:
        src = source(content, path)
        if path.stem != case.id:
            problems.append(src.problem(("id",), f"case '{case.id}' must live in cases/{case.id}.yml"))
        if case.id in seen:
            problems.append(src.problem(("id",), f"box {case.id} is defined twice (also in {seen[case.id]})"))
        seen[case.id] = src.rel
    return problems
