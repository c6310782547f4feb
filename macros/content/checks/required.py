"""What the site's pages are built on, so that a renamed or missing part is found by
`make check`, with its file, instead of failing while a page renders."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import ListWrap, Section
from ..reader import Problem
from ..tree import Content
from .chapters import CHAPTER_IDS
from .common import Loaded, source

CHAPTER_FILES = {"foreword": "foreword", "acknowledgements": "acknowledgements", "i": "I", "ii": "II", "iii": "III",
                 "iv": "IV", "annex-i": "annex-I", "annex-ii": "annex-II"}
# Section id -> (chapter, what uses it, whether it must hold a list).
SECTIONS = {
    "i-b": ("i", "figure I.1 names the three core principles from its list", True),
    "i-c-aims": ("i", "the home page shows what the guidelines are for", False),
}


def _sections(sections: Iterable[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _sections(section.sections)


def check(content: Content, loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []
    chapters = {chapter.id: (path, chapter) for path, chapter in loaded.chapters}
    for chapter_id in sorted(CHAPTER_IDS - set(chapters)):
        problems.append(Problem(content.named("chapters"), None, "",
                                f"chapter '{chapter_id}' is missing: expected chapters/{CHAPTER_FILES[chapter_id]}.yml with id: {chapter_id}"))
    for section_id, (chapter_id, use, needs_list) in SECTIONS.items():
        if chapter_id not in chapters:
            continue
        path, chapter = chapters[chapter_id]
        found = next((s for s in _sections(chapter.sections) if s.id == section_id), None)
        if found is None:
            problems.append(source(content, path).problem(("sections",), f"a section with id '{section_id}' is required: {use}"))
        elif needs_list and not any(isinstance(b, ListWrap) for b in found.blocks):
            problems.append(source(content, path).problem(("sections",), f"section '{section_id}' needs a list: {use}"))
    if "acknowledgements" in chapters:
        path, chapter = chapters["acknowledgements"]
        if not any(isinstance(b, ListWrap) for b in chapter.blocks):
            problems.append(source(content, path).problem(("blocks",), "the acknowledgements need their list of credits (the About page shows it)"))
    return problems
