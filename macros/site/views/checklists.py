"""The views of the printable checklists (templates/checklists/)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, Self, TypedDict

from ...content.model import ChecklistSelection, ItemAction, Module, Step
from .. import checklists, workshops
from .base import PageView, given
from .site_data import SiteData
from .worksheet_files import WorksheetFiles
from .workshops import UseModule


@dataclass(kw_only=True)
class ChecklistsView(PageView):
    """The checklists' index: the PDF pack, and the worksheets' Word and Excel files."""

    selection: ChecklistSelection
    ws: ClassVar[WorksheetFiles] = WorksheetFiles()
    pdf_path = staticmethod(checklists.pdf_path)

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        return cls(site, path, selection=site.content.checklists)


@dataclass(kw_only=True)
class PrintedView(UseModule):
    """A page made to be printed (the framework at a glance): its title, PDFs and printed footer."""

    title: str
    pdfs: list[tuple[str, str]]     # (page size, path) of its PDFs in the pack
    footer: str

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        return cls(site, path, **_printed(context))


@dataclass(kw_only=True)
class ChecklistView(PrintedView):
    """A checklist of all modules, of a module or of a step (`scope`)."""

    scope: str
    module: Module | None
    step: Step | None
    selection: ChecklistSelection
    actions: dict[str, ItemAction]     # the items given an action or marked descriptive (ours), by ID
    checklist_parts = staticmethod(checklists.parts)

    def action_text(self, entry: ItemAction) -> str:
        return self.data_text("checklist-actions", entry.editorial_action or "")

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        scope = given(context, "scope", str)
        return cls(site, path, **_printed(context), scope=scope,
                   module=given(context, "module", Module) if scope != "all" else None,
                   step=given(context, "step", Step) if scope == "step" else None,
                   selection=site.content.checklists, actions=workshops.actions_of(site.content))


class _Printed(TypedDict):
    title: str
    pdfs: list[tuple[str, str]]
    footer: str


def _printed(context: Mapping[str, object]) -> _Printed:
    pdfs = [(str(size), str(pdf)) for size, pdf in given(context, "pdfs", list)]
    return {"title": given(context, "title", str), "pdfs": pdfs, "footer": given(context, "footer", str)}
