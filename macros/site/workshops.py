"""Workshops: the facilitator's packs (their agendas as timed slots, their PDFs), the five ways
into each module ("Use this module") and the checklists' actions, from content/workshops/ and
content/checklists/actions/ (ours)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..content.load import Content
from ..content.model import Agenda, AgendaItem, ItemAction, Session, Workshop
from . import assessment, checklists, places, urls, worksheets
from .i18n import ENGLISH, Translating, fill

PDF_DIR = "facilitator/pdf"


def pdf_path(module_id: str, size: str) -> str:
    return f"{PDF_DIR}/module-{module_id.lower()}-{size.lower()}.pdf"


def pack_of(content: Content, module_id: str) -> Workshop | None:
    return next((w for w in content.workshops if w.module == module_id), None)


@dataclass(frozen=True)
class Slot:
    """One slot of an agenda as printed: from `start` to `end`, minutes since the start."""

    start: int
    end: int
    item: AgendaItem
    session: Session | None


def slots(pack: Workshop, agenda: Agenda) -> list[Slot]:
    by_id = {s.id: s for s in pack.sessions}
    out, start = [], 0
    for item in agenda.items:
        out.append(Slot(start, start + item.minutes, item, by_id.get(item.session) if item.session else None))
        start += item.minutes
    return out


def clock(minutes: int) -> str:
    """Time since the start, as h:mm (the same in every language)."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def used_sheets(pack: Workshop) -> list[str]:
    """The worksheets the pack's sessions use, each once, in order."""
    return list(dict.fromkeys(w for s in pack.sessions for w in s.worksheets))


@dataclass(frozen=True)
class WayIn:
    """One of the five ways into a module: what it is and its links (title, address)."""

    key: str
    links: Sequence[tuple[str, str, str | None]]   # (label, address, the case box's ID for a case)


def ways_in(content: Content, module_id: str, tr: Translating = ENGLISH) -> list[WayIn]:
    """The module's checklist, self-assessment, worksheets, facilitator's pack and case boxes."""
    _ = tr.gettext
    module = content.module_by_id[module_id]
    tasks = {t.id for s in module.steps for t in s.tasks}
    sheets = [(tr.data(f"worksheet:{w.id}", w.title), worksheets.page_path(w.id), None)
              for w in content.worksheets if tasks & set(w.tasks)]
    pack = pack_of(content, module_id)
    printed = [box for box, where in places.box_placements(content).items() if where.module == module_id]
    cases = list(dict.fromkeys([*printed, *(s.case for s in (pack.sessions if pack else []))]))
    return [
        WayIn("checklist", [(fill(_("Checklist for module {id}"), id=module_id), checklists.page_path(f"module-{module_id.lower()}"), None)]),
        WayIn("assessment", [(fill(_("Self-assessment: module {id}"), id=module_id), assessment.form_path(module_id), None)]),
        WayIn("worksheets", sheets),
        WayIn("facilitator", [(fill(_("Facilitator's pack: Module {id}"), id=module_id), worksheets.facilitator_path(module_id), None)]),
        WayIn("cases", [(fill(_("Box {id}"), id=c), urls.case_path(c), c) for c in cases]),
    ]


def actions_of(content: Content) -> dict[str, ItemAction]:
    """Every checklist item given an action or marked descriptive, by its ID."""
    return {entry.item: entry for part in content.checklist_actions for entry in part.items}
