"""What the checks share: the files as loaded, with their paths, and where each came from."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import AssessmentModule, Case, Chapter, ChecklistActions, Module, Worksheet, WorksheetCoverage, Workshop
from ..reader import SourceFile
from ..tree import Content

# The single files, by their place under content/, and the Content attribute each fills.
SINGLES = {
    "references/footnotes.yml": "footnotes", "references/bibliography.yml": "bibliography",
    "figures.yml": "figures", "publication.yml": "publication", "corrections.yml": "corrections",
    "glossary.yml": "glossary", "assessment/scale.yml": "assessment_scale", "checklists/selection.yml": "checklists",
    "journeys.yml": "journeys", "worksheets/coverage.yml": "worksheet_coverage",
    "search/keywords.yml": "search_keywords",
}


@dataclass(frozen=True)
class Loaded:
    """The per-entity files as (path, model) pairs, before they are sorted into the Content."""

    modules: list[tuple[Path, Module]]
    cases: list[tuple[Path, Case]]
    chapters: list[tuple[Path, Chapter]]
    assessment: list[tuple[Path, AssessmentModule]]
    worksheets: list[tuple[Path, Worksheet]] = field(default_factory=list)
    coverage: WorksheetCoverage | None = None   # content/worksheets/coverage.yml
    workshops: list[tuple[Path, Workshop]] = field(default_factory=list)
    actions: list[tuple[Path, ChecklistActions]] = field(default_factory=list)


def source(content: Content, path: Path) -> SourceFile:
    return content.files[path.relative_to(content.root.parent).as_posix()]


def single(content: Content, rel: str) -> SourceFile:
    return content.files[content.named(rel)]


def text_sources(content: Content, loaded: Loaded) -> list[tuple[SourceFile, object]]:
    """Every file of text, with its model (the self-assessment questions included)."""
    entities = [*loaded.modules, *loaded.cases, *loaded.chapters, *loaded.assessment, *loaded.worksheets,
                *loaded.workshops, *loaded.actions]
    out: list[tuple[SourceFile, object]] = [(source(content, path), model) for path, model in entities]
    out += [(single(content, rel), getattr(content, attribute)) for rel, attribute in SINGLES.items()]
    return out
