"""The views of a module's facilitator's pack and of its printed questionnaire
(templates/worksheets/facilitator.md, questionnaire.md)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, Self

from ...content.model import Agenda, Module, Worksheet, Workshop
from .. import urls, workshops
from .base import PageView, given
from .questions import Questions
from .site_data import SiteData
from .worksheet_files import WorksheetFiles


class UseModule(PageView):
    """What a page with "Use this module" adds to its view (a mixin: the module page, the checklists)."""

    def ways_in(self, module_id: str) -> list[workshops.WayIn]:
        return workshops.ways_in(self.content, module_id, self._site.tr)


@dataclass(kw_only=True)
class PrintedPack(Questions):
    """What a printed page of a module's workshop shows at its foot and beside its links."""

    module: Module
    footer: str                     # each printed page's foot: the page, the toolkit, the source
    _public: str | None             # the published site's address (with the language's folder), if it has one
    ws: ClassVar[WorksheetFiles] = WorksheetFiles()

    def address(self, path: str) -> str:
        """A link's address as printed beside it: the public address, or else its place in the
        toolkit (a path inside a local copy would lead a reader nowhere)."""
        return f"{self._public}{path}" if self._public else path


@dataclass(kw_only=True)
class FacilitatorView(PrintedPack):
    """A module's facilitator's pack: two timed agendas, their sessions, the closing round."""

    pack: Workshop
    pdfs: list[tuple[str, str]]     # (page size, path) of the pack's PDFs
    sheets: dict[str, Worksheet]    # the worksheets the sessions use, by id
    clock = staticmethod(workshops.clock)

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        module = given(context, "module", Module)
        pack = workshops.pack_of(site.content, module.id)
        if pack is None:
            raise KeyError(f"module {module.id} has no facilitator's pack in content/workshops/")
        by_id = {w.id: w for w in site.content.worksheets}
        public = context.get("public")
        return cls(site, path, module=module, pack=pack, footer=given(context, "footer", str),
                   _public=public if isinstance(public, str) else None,
                   pdfs=[(str(size), str(pdf)) for size, pdf in given(context, "pdfs", list)],
                   sheets={w: by_id[w] for w in workshops.used_sheets(pack)})

    def slots(self, agenda: Agenda) -> list[workshops.Slot]:
        return workshops.slots(self.pack, agenda)

    @staticmethod
    def task_path(task_id: str) -> str:
        return f"{urls.step_path(task_id.split('.')[0])}#{urls.task_anchor(task_id)}"

    def session_text(self, text: str) -> str:
        """Our own words of the pack, in the page's language."""
        return self.data_text("workshop", text)


@dataclass(kw_only=True)
class QuestionnaireView(PrintedPack):
    """A module's self-assessment questions on paper: write-in lines, a grid on the online scale."""

    @classmethod
    def make(cls, site: SiteData, path: str, context: Mapping[str, object]) -> Self:
        public = context.get("public")
        return cls(site, path, module=given(context, "module", Module), footer=given(context, "footer", str),
                   _public=public if isinstance(public, str) else None)
