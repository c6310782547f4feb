"""Load the whole content tree, validate each file, then check that it holds together.

`load(root)` returns a `Content` or raises ContentError listing every problem with the
file, line and field path. Cross-checks cover what a single file cannot: duplicate IDs,
references to boxes, tasks, steps, figures and footnotes that do not exist, and entries
(cases, footnotes, figures) that nothing places or cites.
"""
from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from .checks import Loaded, check
from .model import (
    MODELS,
    AssessmentModule,
    AssessmentScale,
    Bibliography,
    Case,
    Chapter,
    ChecklistActions,
    ChecklistSelection,
    Corrections,
    Figures,
    Footnotes,
    Glossary,
    Journeys,
    Module,
    Publication,
    SearchKeywordList,
    Strict,
    Worksheet,
    WorksheetCoverage,
    Workshop,
)
from .reader import ContentError, Problem, SourceFile, named, read_yaml, validate
from .tree import Content as Content  # where the layers above import it from

LAYOUT = {
    "publication": "publication.yml",
    "figures": "figures.yml",
    "corrections": "corrections.yml",
    "footnotes": "references/footnotes.yml",
    "bibliography": "references/bibliography.yml",
    "assessment_scale": "assessment/scale.yml",
    "glossary": "glossary.yml",
    "checklist_selection": "checklists/selection.yml",
    "journeys": "journeys.yml",
    "search_keywords": "search/keywords.yml",
    "worksheet_coverage": "worksheets/coverage.yml",
}


# --- loading -------------------------------------------------------------------------

M = TypeVar("M", bound=Strict)


def _load_one(root: Path, rel: str, kind: str, model: type[M], problems: list[Problem],
              files: dict[str, SourceFile]) -> M | None:
    path = root / rel
    if not path.exists():
        problems.append(Problem(named(root, rel), None, "", f"missing file: expected the {kind} here"))
        return None
    source, found = read_yaml(path, root)
    files[source.rel] = source
    problems.extend(found)
    if found:
        return None
    loaded, found = validate(source, kind, model)
    problems.extend(found)
    return loaded


def _load_dir(root: Path, folder: str, kind: str, model: type[M], problems: list[Problem], files: dict[str, SourceFile],
              skip: frozenset[str] = frozenset()) -> list[tuple[Path, M]]:
    out: list[tuple[Path, M]] = []
    directory = root / folder
    if not directory.is_dir():
        problems.append(Problem(named(root, folder), None, "", f"missing folder: expected one {kind} per file here"))
        return out
    for path in sorted(directory.glob("*")):
        if path.suffix == ".yaml":
            problems.append(Problem(named(root, f"{folder}/{path.name}"), None, "", "use the .yml extension"))
            continue
        if path.suffix != ".yml" or path.name in skip:
            continue
        loaded = _load_one(root, f"{folder}/{path.name}", kind, model, problems, files)
        if loaded is not None:
            out.append((path, loaded))
    return out


def _single(single: dict[str, Strict | None], kind: str, model: type[M]) -> M:
    """A single file's model, once every file has loaded without a problem."""
    loaded = single[kind]
    if not isinstance(loaded, model):
        raise TypeError(f"{kind}: expected a {model.__name__}, got {type(loaded).__name__}")
    return loaded


def _first_task(sheet: Worksheet) -> tuple[tuple[int, ...], str]:
    """Worksheets in the order of the first task they serve."""
    return tuple(int(x) for x in sheet.tasks[0].split(".")), sheet.id


def load(root: Path | str = "content") -> Content:
    root = Path(root).resolve()
    problems: list[Problem] = []
    files: dict[str, SourceFile] = {}
    single = {kind: _load_one(root, rel, kind, MODELS[kind], problems, files) for kind, rel in LAYOUT.items()}
    modules = _load_dir(root, "modules", "module", Module, problems, files)
    cases = _load_dir(root, "cases", "case", Case, problems, files)
    chapters = _load_dir(root, "chapters", "chapter", Chapter, problems, files)
    assessment = _load_dir(root, "assessment", "assessment_module", AssessmentModule, problems, files,
                           skip=frozenset({"scale.yml"}))
    worksheets = _load_dir(root, "worksheets", "worksheet", Worksheet, problems, files, skip=frozenset({"coverage.yml"}))
    workshops = _load_dir(root, "workshops", "workshop", Workshop, problems, files)
    actions = _load_dir(root, "checklists/actions", "checklist_actions", ChecklistActions, problems, files)
    if problems:
        raise ContentError(problems)

    coverage = _single(single, "worksheet_coverage", WorksheetCoverage)
    content = Content(
        root=root,
        publication=_single(single, "publication", Publication),
        modules=sorted((m for _, m in modules), key=lambda m: m.id),
        cases=sorted((c for _, c in cases), key=lambda c: int(c.id.split(".")[1])),
        chapters=sorted((c for _, c in chapters), key=lambda c: c.order),
        footnotes=_single(single, "footnotes", Footnotes),
        bibliography=_single(single, "bibliography", Bibliography),
        figures=_single(single, "figures", Figures),
        corrections=_single(single, "corrections", Corrections),
        assessment_scale=_single(single, "assessment_scale", AssessmentScale),
        assessment=sorted((m for _, m in assessment), key=lambda m: m.module),
        glossary=_single(single, "glossary", Glossary),
        checklists=_single(single, "checklist_selection", ChecklistSelection),
        journeys=_single(single, "journeys", Journeys),
        search_keywords=_single(single, "search_keywords", SearchKeywordList),
        worksheets=sorted((w for _, w in worksheets), key=lambda w: _first_task(w)),
        worksheet_coverage=coverage,
        workshops=sorted((w for _, w in workshops), key=lambda w: w.module),
        checklist_actions=sorted((a for _, a in actions), key=lambda a: a.module),
        files=files,
    )
    content.origins = {id(model): named(root, path.relative_to(root).as_posix())
                       for path, model in [*modules, *cases, *chapters, *assessment, *worksheets,
                                                         *workshops, *actions]}
    # Cross-file checks need every file loaded first, and look entities up in the content's indexes.
    problems = check(content, Loaded(modules, cases, chapters, assessment, worksheets, coverage,
                                            workshops, actions))
    if problems:
        raise ContentError(problems)
    return content
