"""References between files: footnotes, figures and boxes are defined once, every reference in
the text points at something that exists, and every box, figure and footnote is used."""
from __future__ import annotations

from collections import Counter, defaultdict

from .. import inline
from ..reader import Problem
from ..tree import Content
from ..walk import editorial_texts, placements, texts
from .common import Loaded, single, source, text_sources


def check(content: Content, loaded: Loaded) -> list[Problem]:
    problems = _definitions(content, loaded)
    known: dict[str, set[str]] = {
        "box": set(content.case_by_id),
        "task": set(content.task_by_id),
        "step": set(content.step_by_id),
        "module": set(content.module_by_id),
        "chapter": set(content.chapter_by_id),
        "figure": set(content.figure_by_id),
    }
    problems += _text_references(content, loaded, known)
    problems += _placements(content, loaded, known)
    return problems


def _definitions(content: Content, loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []
    footnotes = single(content, "references/footnotes.yml")
    counts = Counter(f.id for f in content.footnotes.footnotes)
    for i, note in enumerate(content.footnotes.footnotes):
        if counts[note.id] > 1:
            problems.append(footnotes.problem(("footnotes", i, "id"), f"footnote '{note.id}' is defined {counts[note.id]} times"))
    figures = single(content, "figures.yml")
    counts = Counter(f.id for f in content.figures.figures)
    for i, figure in enumerate(content.figures.figures):
        if counts[figure.id] > 1:
            problems.append(figures.problem(("figures", i, "id"), f"figure {figure.id} is defined {counts[figure.id]} times"))
        if figure.kind == "module-steps" and figure.module is None:
            problems.append(figures.problem(("figures", i, "module"), f"figure {figure.id} draws a module's steps: name the module"))
        elif figure.module and figure.module not in content.module_by_id:
            problems.append(figures.problem(("figures", i, "module"), f"figure {figure.id} names module {figure.module}, which does not exist"))
    return problems


def _text_references(content: Content, loaded: Loaded, known: dict[str, set[str]]) -> list[Problem]:
    problems: list[Problem] = []
    used: set[str] = set()
    for src, model in text_sources(content, loaded):
        for path, text in [*texts(model), *editorial_texts(model)]:
            for ref in inline.references(text):
                if ref["type"] == "fn":
                    used.add(ref["id"])
                    if ref["id"] not in content.footnote_by_id:
                        problems.append(src.problem(path, f"footnote marker [^{ref['id']}] has no footnote: add it to references/footnotes.yml"))
                elif ref["key"] not in known[ref["kind"]]:
                    problems.append(src.problem(path, f"'{ref['label']}' refers to a {ref['kind']} that does not exist"))
    footnotes = single(content, "references/footnotes.yml")
    for i, note in enumerate(content.footnotes.footnotes):
        if note.id not in used:
            problems.append(footnotes.problem(("footnotes", i, "id"), f"footnote {note.id} is never referenced: add [^{note.id}] where its marker belongs"))
    return problems


def _placements(content: Content, loaded: Loaded, known: dict[str, set[str]]) -> list[Problem]:
    problems: list[Problem] = []
    placed: dict[tuple[str, str], list[str]] = defaultdict(list)   # (kind, id) -> where it is placed
    for src, model in text_sources(content, loaded):
        for path, kind, ident in placements(model):
            placed[(kind, ident)].append(f"{src.rel}:{src.line_of(path)}")
            if ident not in known[kind]:
                where = f"cases/{ident}.yml does not exist" if kind == "box" else "figures.yml does not define it"
                problems.append(src.problem(path, f"{kind} {ident} is placed here but {where}"))
    for file, module in loaded.modules:
        if module.figure not in known["figure"]:
            problems.append(source(content, file).problem(("figure",), f"figure {module.figure} is not defined in figures.yml"))
        placed[("figure", module.figure)].append("module")
    for file, case in loaded.cases:
        places = placed.get(("box", case.id), [])
        src = source(content, file)
        if not places:
            problems.append(src.problem(("id",), f"box {case.id} is placed nowhere: add '- box: {case.id}' where the publication prints it"))
        elif len(places) > 1:
            problems.append(src.problem(("id",), f"box {case.id} is placed {len(places)} times ({', '.join(places)}): place it once"))
    figures = single(content, "figures.yml")
    for i, figure in enumerate(content.figures.figures):
        if ("figure", figure.id) not in placed:
            problems.append(figures.problem(("figures", i, "id"),
                                            f"figure {figure.id} is placed nowhere: add '- figure: {figure.id}' where the publication prints it"))
    return problems
