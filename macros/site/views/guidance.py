"""The views of the publication's own pages and of the home and download pages
(templates/pages/)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, Self

from ...content.model import Case, Chapter, FactorBlock, Item, Journey, Module, Section, Step, Worksheet
from .. import diagrams, i18n, journeys, worksheets
from ..journeys import Stop
from ..places import Location
from .base import PageView, given
from .site_data import DownloadFacts, OfflineCopy, SiteData
from .worksheet_files import WorksheetFiles
from .workshops import UseModule


@dataclass(kw_only=True)
class HomeView(PageView):
    aims: Section                                          # what the guidelines are for (chapter I, C)
    journeys: list[tuple[Journey, list[Stop]]]             # the ways in, ours
    offline_copy: OfflineCopy | None
    download: DownloadFacts | None
    workshops_list: ClassVar[str] = f"{worksheets.INDEX}#facilitator"   # the facilitator's packs, one per module

    @staticmethod
    def journey_context(journey: Journey) -> str:
        """The catalogue context of a journey's own words."""
        return journeys.context(journey)

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        return cls(site, path, aims=site.section("i-c-aims"), journeys=site.journeys,
                   offline_copy=site.offline_copy, download=site.download)


@dataclass(kw_only=True)
class DownloadView(PageView):
    offline_copy: OfflineCopy | None
    download: DownloadFacts | None

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        return cls(site, path, offline_copy=site.offline_copy, download=site.download)


@dataclass(kw_only=True)
class ModuleView(UseModule):
    module: Module
    factors: dict[str, tuple[Section, list[FactorBlock]]]   # chapter III's, for this module, by section

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        module = given(context, "module", Module)
        return cls(site, path, module=module, factors=site.factors(module.id))


@dataclass(kw_only=True)
class StepView(PageView):
    module: Module
    step: Step
    here: diagrams.Diagram                          # the twelve steps, this one marked
    worksheets_of_task: dict[str, list[Worksheet]]
    ws: ClassVar[WorksheetFiles] = WorksheetFiles()

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        step = given(context, "step", Step)
        return cls(site, path, module=given(context, "module", Module), step=step,
                   here=diagrams.you_are_here(site.content, step.id, site.tr), worksheets_of_task=site.worksheets_of_task)


@dataclass(kw_only=True)
class CaseView(PageView):
    case: Case
    printed: Location           # where the publication prints the box
    citing: list[Location]      # where its text refers to the box

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        case = given(context, "case", Case)
        return cls(site, path, case=case, printed=site.placed_boxes[case.id], citing=site.cited.get(("box", case.id), []))


@dataclass(kw_only=True)
class CasesView(PageView):
    case_scope: dict[str, tuple[list[str], list[str]]]   # case id -> (modules, steps) it illustrates
    placed_boxes: dict[str, Location]

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        return cls(site, path, case_scope=site.case_scope, placed_boxes=site.placed_boxes)


@dataclass(kw_only=True)
class ChapterView(PageView):
    chapter: Chapter

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        return cls(site, path, chapter=given(context, "chapter", Chapter))


@dataclass(kw_only=True)
class ReferencesView(PageView):
    footnote_places: dict[str, Location]      # footnote id -> the place that carries its marker

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        return cls(site, path, footnote_places=site.footnote_places)


@dataclass(kw_only=True)
class AboutView(PageView):
    credits: list[Item]       # the acknowledgements' credit lines

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        return cls(site, path, credits=site.credits())


@dataclass(kw_only=True)
class TranslationsView(PageView):
    statuses: list[i18n.Status]

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        return cls(site, path, statuses=site.translation_statuses())
