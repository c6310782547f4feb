"""What the checks share: the files as loaded, with their paths, and where each came from."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..reader import SourceFile

# Single files whose text is checked for references, by their place under content/.
SINGLES = {
    "references/footnotes.yml": "footnotes", "references/bibliography.yml": "bibliography",
    "figures.yml": "figures", "publication.yml": "publication", "corrections.yml": "corrections",
    "glossary.yml": "glossary",
}


@dataclass(frozen=True)
class Loaded:
    """The per-entity files as (path, model) pairs, before they are sorted into the Content."""

    modules: list
    cases: list
    chapters: list
    assessment: list
    worksheets: list = field(default_factory=list)
    coverage: object = None   # content/worksheets/coverage.yml


def source(content, path: Path) -> SourceFile:
    return content.files[path.relative_to(content.root.parent).as_posix()]


def single(content, rel: str) -> SourceFile:
    return content.files[f"content/{rel}"]


def text_sources(content, loaded: Loaded) -> list[tuple[SourceFile, object]]:
    """Every file whose text may carry cross-references, with its model."""
    out = [(source(content, path), model) for path, model in [*loaded.modules, *loaded.cases, *loaded.chapters]]
    out += [(single(content, rel), getattr(content, attribute)) for rel, attribute in SINGLES.items()]
    return out
