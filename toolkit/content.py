"""Load the whole content tree, validate each file, then check that it holds together.

`load(root)` returns a `Content` or raises ContentError listing every problem with the
file, line and field path. Cross-checks cover what a single file cannot: duplicate IDs,
references to boxes, tasks, steps, figures and footnotes that do not exist, and entries
(cases, footnotes, figures) that nothing places or cites.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .loader import ContentError, Problem, SourceFile, read_yaml, validate
from .model import (
    Bibliography,
    Case,
    Chapter,
    Corrections,
    Figures,
    Footnotes,
    Item,
    Module,
    Publication,
    Task,
)

LAYOUT = {
    "publication": "publication.yml",
    "figures": "figures.yml",
    "corrections": "corrections.yml",
    "footnotes": "references/footnotes.yml",
    "bibliography": "references/bibliography.yml",
    "assessment_scale": "assessment/scale.yml",
    "glossary": "glossary.yml",
}
EXPECTED_MODULES = ["A", "B", "C", "D", "E"]


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
    assessment_scale: Any = None
    assessment: list = field(default_factory=list)   # AssessmentModule per module, A to E
    glossary: Any = None
    files: dict[str, SourceFile] = field(default_factory=dict)

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


# --- walking text --------------------------------------------------------------------

def walk_blocks(blocks, path: tuple) -> Iterator[tuple[tuple, Any]]:
    """Yield (path, block) for every block, including lists' items."""
    for i, block in enumerate(blocks):
        yield path + (i,), block


def walk_items(items: list[Item], path: tuple) -> Iterator[tuple[tuple, Item]]:
    for i, item in enumerate(items):
        yield path + (i,), item
        if item.list:
            yield from walk_items(item.list.items, path + (i, "list", "items"))


def texts(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text string in a model, with its field path; editorial fields excluded."""
    if isinstance(obj, str):
        yield path, obj
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from texts(value, path + (i,))
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            if name.startswith("editorial") or name in ("id", "n", "style", "module", "modules", "kind", "box", "figure", "order"):
                continue
            value = getattr(obj, name)
            if value is not None:
                yield from texts(value, path + (name,))


def editorial_texts(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every editorial string (ours, not the publication's) in a model."""
    if isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from editorial_texts(value, path + (i,))
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if value is None:
                continue
            if name.startswith("editorial"):
                if isinstance(value, str):
                    yield path + (name,), value
            else:
                yield from editorial_texts(value, path + (name,))


def placements(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, str, str]]:
    """Every (path, 'box'|'figure', id) placement in a model."""
    if isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from placements(value, path + (i,))
    elif isinstance(obj, BaseModel):
        fields = type(obj).model_fields
        if "box" in fields and getattr(obj, "box", None):
            yield path + ("box",), "box", obj.box
        if "figure" in fields and isinstance(getattr(obj, "figure", None), str) and type(obj).__name__ == "FigureRef":
            yield path + ("figure",), "figure", obj.figure
        for name in fields:
            value = getattr(obj, name)
            if isinstance(value, (list, BaseModel)):
                yield from placements(value, path + (name,))


# --- loading -------------------------------------------------------------------------

def _load_one(root: Path, rel: str, kind: str, problems: list, files: dict):
    path = root / rel
    if not path.exists():
        problems.append(Problem(f"content/{rel}", None, "", f"missing file: expected the {kind} here"))
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
        problems.append(Problem(f"content/{folder}", None, "", f"missing folder: expected one {kind} per file here"))
        return out
    for path in sorted(directory.glob("*")):
        if path.suffix == ".yaml":
            problems.append(Problem(f"content/{folder}/{path.name}", None, "", "use the .yml extension"))
            continue
        if path.suffix != ".yml" or path.name in skip:
            continue
        model = _load_one(root, f"{folder}/{path.name}", kind, problems, files)
        if model is not None:
            out.append((path, model))
    return out


def load(root: Path | str = "content") -> Content:
    root = Path(root).resolve()
    problems: list[Problem] = []
    files: dict[str, SourceFile] = {}
    single = {kind: _load_one(root, rel, kind, problems, files) for kind, rel in LAYOUT.items()}
    modules = _load_dir(root, "modules", "module", problems, files)
    cases = _load_dir(root, "cases", "case", problems, files)
    chapters = _load_dir(root, "chapters", "chapter", problems, files)
    assessment = [(p, m) for p, m in _load_dir(root, "assessment", "assessment_module", problems, files, skip={"scale.yml"})]
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
        files=files,
    )
    from .checks import check  # cross-file checks need every file loaded first

    problems = check(content, modules, cases, chapters, assessment)
    if problems:
        raise ContentError(problems)
    content.index()
    return content
