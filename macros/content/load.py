"""Load the whole content tree, validate each file, then check that it holds together.

`load(root)` returns a `Content` or raises ContentError listing every problem with the
file, line and field path. Cross-checks cover what a single file cannot: duplicate IDs,
references to boxes, tasks, steps, figures and footnotes that do not exist, and entries
(cases, footnotes, figures) that nothing places or cites.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .checks import Loaded, check
from .model import (
    AssessmentModule,
    AssessmentScale,
    Bibliography,
    Case,
    Chapter,
    ChecklistSelection,
    Corrections,
    Figures,
    Footnotes,
    Glossary,
    Journeys,
    Module,
    Publication,
    SearchKeywordList,
    Task,
    Worksheet,
    WorksheetCoverage,
)
from .reader import ContentError, Problem, SourceFile, named, read_yaml, validate

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


@dataclass
class Content:
    root: Path
    publication: Publication
    modules: list[Module]
    cases: list[Case]
    chapters: list[Chapter]
    footnotes: Footnotes
    bibliography: Bibliography
    figures: Figures
    corrections: Corrections
    assessment_scale: AssessmentScale
    assessment: list[AssessmentModule]   # one per module, A to E
    glossary: Glossary
    checklists: ChecklistSelection
    journeys: Journeys
    search_keywords: SearchKeywordList
    worksheets: list[Worksheet]
    worksheet_coverage: WorksheetCoverage
    files: dict[str, SourceFile] = field(default_factory=dict)
    origins: dict[int, str] = field(default_factory=dict)   # id(module, case, chapter model) -> its file

    # Indexes, filled by index()
    module_by_id: dict[str, Module] = field(default_factory=dict)
    step_by_id: dict[str, Any] = field(default_factory=dict)
    task_by_id: dict[str, Task] = field(default_factory=dict)
    module_of_step: dict[str, Module] = field(default_factory=dict)
    step_of_task: dict[str, Any] = field(default_factory=dict)
    case_by_id: dict[str, Case] = field(default_factory=dict)
    chapter_by_id: dict[str, Chapter] = field(default_factory=dict)
    footnote_by_id: dict[str, Any] = field(default_factory=dict)
    figure_by_id: dict[str, Any] = field(default_factory=dict)

    def index(self) -> None:
        self.module_by_id = {m.id: m for m in self.modules}
        for module in self.modules:
            for step in module.steps:
                self.step_by_id[step.id] = step
                self.module_of_step[step.id] = module
                for task in step.tasks:
                    self.task_by_id[task.id] = task
                    self.step_of_task[task.id] = step
        self.case_by_id = {c.id: c for c in self.cases}
        self.chapter_by_id = {c.id: c for c in self.chapters}
        self.footnote_by_id = {f.id: f for f in self.footnotes.footnotes}
        self.figure_by_id = {f.id: f for f in self.figures.figures}

    @property
    def steps(self):
        return [s for m in self.modules for s in m.steps]

    @property
    def tasks(self):
        return [t for s in self.steps for t in s.tasks]

    def named(self, rel: str) -> str:
        """A place under the content folder as messages name it ('content/modules')."""
        return named(self.root, rel)

    def origin_of(self, *models) -> list[str]:
        """The content files the given models were read from (for messages)."""
        return [self.origins[id(m)] for m in models if id(m) in self.origins]

    def fingerprint(self) -> str:
        """Changes whenever any content file changes: exports name the content they were made from."""
        digest = hashlib.sha256()
        for rel in sorted(self.files):
            digest.update(rel.encode())
            digest.update(self.files[rel].path.read_bytes())
        return digest.hexdigest()[:12]


# --- loading -------------------------------------------------------------------------

def _load_one(root: Path, rel: str, kind: str, problems: list, files: dict):
    path = root / rel
    if not path.exists():
        problems.append(Problem(named(root, rel), None, "", f"missing file: expected the {kind} here"))
        return None
    source, found = read_yaml(path, root)
    files[source.rel] = source
    problems.extend(found)
    if found:
        return None
    model, found = validate(source, kind)
    problems.extend(found)
    return model


def _load_dir(root: Path, folder: str, kind: str, problems: list, files: dict, skip: set = frozenset()) -> list:
    out = []
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
        model = _load_one(root, f"{folder}/{path.name}", kind, problems, files)
        if model is not None:
            out.append((path, model))
    return out


def _first_task(sheet) -> tuple:
    """Worksheets in the order of the first task they serve."""
    return tuple(int(x) for x in sheet.tasks[0].split(".")), sheet.id


def load(root: Path | str = "content") -> Content:
    root = Path(root).resolve()
    problems: list[Problem] = []
    files: dict[str, SourceFile] = {}
    single = {kind: _load_one(root, rel, kind, problems, files) for kind, rel in LAYOUT.items()}
    modules = _load_dir(root, "modules", "module", problems, files)
    cases = _load_dir(root, "cases", "case", problems, files)
    chapters = _load_dir(root, "chapters", "chapter", problems, files)
    assessment = _load_dir(root, "assessment", "assessment_module", problems, files, skip={"scale.yml"})
    worksheets = _load_dir(root, "worksheets", "worksheet", problems, files, skip={"coverage.yml"})
    if problems:
        raise ContentError(problems)

    content = Content(
        root=root,
        publication=single["publication"],
        modules=sorted((m for _, m in modules), key=lambda m: m.id),
        cases=sorted((c for _, c in cases), key=lambda c: int(c.id.split(".")[1])),
        chapters=sorted((c for _, c in chapters), key=lambda c: c.order),
        footnotes=single["footnotes"],
        bibliography=single["bibliography"],
        figures=single["figures"],
        corrections=single["corrections"],
        assessment_scale=single["assessment_scale"],
        assessment=sorted((m for _, m in assessment), key=lambda m: m.module),
        glossary=single["glossary"],
        checklists=single["checklist_selection"],
        journeys=single["journeys"],
        search_keywords=single["search_keywords"],
        worksheets=sorted((w for _, w in worksheets), key=lambda w: _first_task(w)),
        worksheet_coverage=single["worksheet_coverage"],
        files=files,
    )
    content.origins = {id(model): named(root, path.relative_to(root).as_posix())
                       for path, model in [*modules, *cases, *chapters, *assessment, *worksheets]}
    # Cross-file checks need every file loaded first.
    problems = check(content, Loaded(modules, cases, chapters, assessment, worksheets, single["worksheet_coverage"]))
    if problems:
        raise ContentError(problems)
    content.index()
    return content
