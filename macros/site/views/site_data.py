"""What every page of one language's build draws on: the content, the language's text, and
what is worked out from the content once for all the pages (where each box is printed, who
cites it, the home page's journeys …). The views take from it what their page shows."""
from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ...content import inline, overlay, units
from ...content.load import Content
from ...content.model import Block, FactorBlock, GlossaryEntry, Item, Journey, ListBlock, ListWrap, Section, Worksheet
from .. import i18n, journeys, places, worksheets
from ..i18n import ENGLISH, Translating


@dataclass(frozen=True)
class OfflineCopy:
    """What the offline copy says of itself on its home and download pages."""

    version: str
    date: str


@dataclass(frozen=True)
class DownloadFacts:
    """The offline ZIP a download page links (macros/engine/state.py finds it)."""

    href: str
    name: str
    version: str
    megabytes: str
    date: str
    checksum: Path | None      # its .sha256 file, when there is one


Abbreviations = tuple[re.Pattern[str] | None, Mapping[str, GlossaryEntry]]


@dataclass(frozen=True)
class TextLanguage:
    """The language of a text on a page in another language, for its lang (and dir) attributes:
    screen readers then read English with an English voice."""

    code: str
    direction: str | None = None   # set where it differs from the page's


@dataclass
class SiteData:
    content: Content
    tr: Translating = ENGLISH
    overlay_root: Path | None = None          # the official translations (content/translations/)
    catalogues: Path = i18n.TRANSLATIONS
    offline_copy: OfflineCopy | None = None   # set when the build is the offline copy
    download: DownloadFacts | None = None     # the offline ZIP, when the build has one to link
    translation: overlay.Translation = field(default_factory=overlay.Translation)   # the official one laid over the English

    @functools.cached_property
    def placed_boxes(self) -> dict[str, places.Location]:
        return places.box_placements(self.content)

    @functools.cached_property
    def placed_figures(self) -> dict[str, str]:
        return places.figure_placements(self.content)

    @functools.cached_property
    def cited(self) -> dict[tuple[str, str], list[places.Location]]:
        return places.citations(self.content)

    @functools.cached_property
    def footnote_places(self) -> dict[str, places.Location]:
        return places.footnote_places(self.content)

    @functools.cached_property
    def case_scope(self) -> dict[str, tuple[list[str], list[str]]]:
        return places.case_scope(self.content)

    @functools.cached_property
    def journeys(self) -> list[tuple[Journey, list[journeys.Stop]]]:
        return [(journey, journeys.stops(self.content, journey, self.tr)) for journey in self.content.journeys.journeys]

    @functools.cached_property
    def worksheets_of_task(self) -> dict[str, list[Worksheet]]:
        return worksheets.by_task(self.content)

    @functools.cached_property
    def abbreviations(self) -> Abbreviations:
        """The glossary's abbreviations as one pattern, longest first, and their entries."""
        by_abbreviation = {t.abbreviation: t for t in self.content.glossary.terms if t.abbreviation}
        names = sorted(by_abbreviation, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")s?(?![\w-])") if names else None
        return pattern, by_abbreviation

    def text_lang(self, text: str | None) -> TextLanguage | None:
        """The language of a text of the publication (None: a label the publication prints, such
        as "Chapter II"), or None on an English page, where everything is in the page's language.
        A text an official translation gave is in the page's language, said explicitly; any other
        is the publication's English."""
        page = self.tr.language
        if page.code == i18n.SOURCE:
            return None
        if text is not None and text in self.translation.texts:
            return TextLanguage(page.code)
        return TextLanguage(i18n.SOURCE, "ltr" if page.direction == "rtl" else None)

    def own_lang(self) -> TextLanguage | None:
        """Our own text's language, for where it sits inside an element of the publication's (a
        figure, a list item): the page's, said explicitly; None on an English page."""
        page = self.tr.language
        return None if page.code == i18n.SOURCE else TextLanguage(page.code)

    def translation_statuses(self) -> list[i18n.Status]:
        return i18n.statuses(self.overlay_root or self.content.root / "translations", self.catalogues,
                             len(units.of_content(self.content)))

    def section(self, section_id: str) -> Section:
        """A section of a chapter, however deep (checks/required.py makes sure those used exist)."""
        def walk(sections: list[Section]) -> Section | None:
            for section in sections:
                if section.id == section_id:
                    return section
                found = walk(section.sections)
                if found:
                    return found
            return None

        for chapter in self.content.chapters:
            found = walk(chapter.sections)
            if found:
                return found
        raise KeyError(f"no chapter section with id {section_id!r}")

    def factors(self, module_id: str) -> dict[str, tuple[Section, list[FactorBlock]]]:
        """Chapter III's success factors and challenges for one module, by section."""
        out: dict[str, tuple[Section, list[FactorBlock]]] = {}
        chapter = self.content.chapter_by_id.get("iii")
        for section in chapter.sections if chapter else []:
            found = [b for b in section.blocks if isinstance(b, FactorBlock) and b.module == module_id]
            if found:
                out[section.id] = (section, found)
        return out

    def credits(self) -> list[Item]:
        """The acknowledgements' credit lines (principal authors, editor, ...)."""
        return _first_list(self.content.chapter_by_id["acknowledgements"].blocks).items

    def core_principle_names(self) -> list[str]:
        """The three core principles of figure I.1, as chapter I names them before their definitions."""
        principles = _first_list(self.section("i-b").blocks)
        return [inline.plain(item.text or "").split(" – ")[0] for item in principles.items]

    def stages_of(self, module_id: str) -> list[str]:
        return [stage.label for stage in self.content.figures.policy_cycle if module_id in stage.modules]


def _first_list(blocks: list[Block]) -> ListBlock:
    return next(b.list for b in blocks if isinstance(b, ListWrap))
