"""The views of the self-assessment and of the worksheets, the action plan and the facilitator's
packs (templates/assessment/, templates/worksheets/)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, Self

from markupsafe import Markup

from ...content.model import FieldPart, Module, Worksheet
from .. import assessment, worksheets, workspaces
from .base import PageView, given
from .questions import Questions
from .site_data import SiteData
from .worksheet_files import WorksheetFiles


@dataclass(kw_only=True)
class AssessmentView(Questions):
    """A page of the self-assessment: a form (of one module, or of all when `module` is None)
    or one of its tools (home and results, report, partners, comparison)."""

    title: str
    workspace_model: Markup        # the workspace bar's (JSON)
    module: Module | None = None
    assessment_pages: ClassVar[tuple[assessment.ToolPage, ...]] = assessment.TOOL_PAGES
    disagreement: ClassVar[int] = assessment.DISAGREEMENT   # group scoring's threshold, said on its page

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        module = context.get("module")
        return cls(site, path, title=given(context, "title", str), workspace_model=workspaces.model(site.content, site.tr),
                   module=given(context, "module", Module) if module is not None else None)


@dataclass(kw_only=True)
class WorksheetsView(PageView):
    """The worksheets' index: every worksheet, the tasks each serves, the facilitator's packs."""

    worksheets_of_task: dict[str, list[Worksheet]]
    ws: ClassVar[WorksheetFiles] = WorksheetFiles()

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        return cls(site, path, worksheets_of_task=site.worksheets_of_task)


@dataclass(kw_only=True)
class WorksheetView(PageView):
    sheet: Worksheet
    parts: list[FieldPart | worksheets.TableView]   # in order, tables with their rows resolved
    clauses: list[worksheets.Clause]                # the draft document's clauses, if the worksheet has a draft
    model: Markup                                   # what the browser reads (JSON)
    wide: bool                                      # printed across the page (landscape)
    credit: str                                     # the source, on every printed page
    workspace_model: Markup                         # the workspace bar's (JSON)
    ws: ClassVar[WorksheetFiles] = WorksheetFiles()

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        sheet = given(context, "sheet", Worksheet)
        file = worksheets.file_model(site.content, sheet, site.tr)
        return cls(site, path, sheet=sheet, parts=worksheets.parts(site.content, sheet),
                   clauses=worksheets.clauses(sheet),
                   model=worksheets.browser_model(site.content, sheet, site.tr),
                   wide=worksheets.is_wide(site.content, sheet), credit=str(file["footer"]),
                   workspace_model=workspaces.model(site.content, site.tr))


@dataclass(kw_only=True)
class ActionPlanView(PageView):
    statuses: tuple[str, ...]      # stored in English, shown translated
    model: Markup                  # what the browser gathers (JSON)
    workspace_model: Markup        # the workspace bar's (JSON)
    soon_days: int = worksheets.DUE_SOON_DAYS   # "due soon": due within this many days
    ws: ClassVar[WorksheetFiles] = WorksheetFiles()

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        return cls(site, path, statuses=worksheets.STATUSES, model=worksheets.plan_model(site.content, site.tr),
                   workspace_model=workspaces.model(site.content, site.tr))
