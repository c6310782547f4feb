"""Typed views: each page template receives one `page` object, of the view class of its
template, holding exactly what the template shows (and what the shared parts it imports draw
with). A template reaches no module and no helper beyond its view."""
from __future__ import annotations

from collections.abc import Mapping

from .base import PageView
from .checklists import ChecklistsView, ChecklistView, PrintedView
from .guidance import (
    AboutView,
    CasesView,
    CaseView,
    ChapterView,
    DownloadView,
    HomeView,
    ModuleView,
    ReferencesView,
    StepView,
    TranslationsView,
)
from .site_data import DownloadFacts, OfflineCopy, SiteData
from .tools import (
    ActionPlanView,
    AssessmentView,
    FacilitatorView,
    QuestionnaireView,
    WorksheetsView,
    WorksheetView,
)

__all__ = ["VIEWS", "DownloadFacts", "OfflineCopy", "PageView", "SiteData", "view"]

# Every page template (templates/) and the view it receives.
VIEWS: dict[str, type[PageView]] = {
    "pages/home.md": HomeView,
    "pages/module.md": ModuleView,
    "pages/step.md": StepView,
    "pages/case.md": CaseView,
    "pages/cases.md": CasesView,
    "pages/chapter.md": ChapterView,
    "pages/glossary.md": PageView,
    "pages/references.md": ReferencesView,
    "pages/links.md": PageView,
    "pages/download.md": DownloadView,
    "pages/accessibility.md": PageView,
    "pages/about.md": AboutView,
    "pages/translations.md": TranslationsView,
    "checklists/checklists.md": ChecklistsView,
    "checklists/framework.md": PrintedView,
    "checklists/checklist.md": ChecklistView,
    "assessment/home.md": AssessmentView,
    "assessment/form.md": AssessmentView,
    "assessment/report.md": AssessmentView,
    "assessment/partners.md": AssessmentView,
    "assessment/compare.md": AssessmentView,
    "assessment/group.md": AssessmentView,
    "worksheets/index.md": WorksheetsView,
    "worksheets/worksheet.md": WorksheetView,
    "worksheets/action-plan.md": ActionPlanView,
    "worksheets/facilitator.md": FacilitatorView,
    "worksheets/questionnaire.md": QuestionnaireView,
}


def view(template: str, site: SiteData, path: str, context: Mapping[str, object]) -> PageView:
    """The `page` object of the page at `path`, rendered with `template`."""
    if template not in VIEWS:
        raise KeyError(f"templates/{template} has no view: add it to VIEWS in macros/site/views/__init__.py")
    return VIEWS[template].make(site, path, context)
