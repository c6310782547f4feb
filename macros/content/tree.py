"""The loaded content: every file's model, where each came from, and the indexes by ID.

Made by load.py and by overlay.py (an official translation laid over the English); everything
else reads it. The indexes are made with it, from its own lists, before the checks across files
run: the checks look entities up in them instead of gathering their own.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .model import (
    AssessmentModule,
    AssessmentScale,
    Bibliography,
    Case,
    Chapter,
    ChecklistActions,
    ChecklistSelection,
    Corrections,
    Figure,
    Figures,
    Footnote,
    Footnotes,
    Glossary,
    Journeys,
    Module,
    Publication,
    SearchKeywordList,
    Step,
    Task,
    Worksheet,
    WorksheetCoverage,
    Workshop,
)
from .reader import SourceFile, named


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
    workshops: list[Workshop] = field(default_factory=list)              # one facilitator's pack per module (ours)
    checklist_actions: list[ChecklistActions] = field(default_factory=list)   # the checklists' actions (ours)
    files: dict[str, SourceFile] = field(default_factory=dict)
    origins: dict[int, str] = field(default_factory=dict)   # id(module, case, chapter model) -> its file

    # Indexes, made from the lists above when the Content is made
    module_by_id: dict[str, Module] = field(init=False)
    step_by_id: dict[str, Step] = field(init=False)
    task_by_id: dict[str, Task] = field(init=False)
    module_of_step: dict[str, Module] = field(init=False)
    step_of_task: dict[str, Step] = field(init=False)
    case_by_id: dict[str, Case] = field(init=False)
    chapter_by_id: dict[str, Chapter] = field(init=False)
    footnote_by_id: dict[str, Footnote] = field(init=False)
    figure_by_id: dict[str, Figure] = field(init=False)

    def __post_init__(self) -> None:
        """Where an ID appears twice, the last one is indexed (the checks report the duplicate).
        New dicts, never filled in place: a copy made with dataclasses.replace (an official
        translation laid over the English, overlay.py) must not re-index the original's."""
        self.module_by_id = {m.id: m for m in self.modules}
        self.step_by_id, self.module_of_step, self.task_by_id, self.step_of_task = {}, {}, {}, {}
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
    def steps(self) -> list[Step]:
        return [s for m in self.modules for s in m.steps]

    @property
    def tasks(self) -> list[Task]:
        return [t for s in self.steps for t in s.tasks]

    def named(self, rel: str) -> str:
        """A place under the content folder as messages name it ('content/modules')."""
        return named(self.root, rel)

    def origin_of(self, *models: object) -> list[str]:
        """The content files the given models were read from (for messages)."""
        return [self.origins[id(m)] for m in models if id(m) in self.origins]

    def fingerprint(self) -> str:
        """Changes whenever any content file changes: exports name the content they were made from."""
        digest = hashlib.sha256()
        for rel in sorted(self.files):
            digest.update(rel.encode())
            digest.update(self.files[rel].path.read_bytes())
        return digest.hexdigest()[:12]
