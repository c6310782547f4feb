"""Printable checklists: their pages, PDF names and printed footers. What they contain is
defined in content/checklists/selection.yml (loaded with the rest of the content)."""
from __future__ import annotations

from ..content.model import HeadingBlock, ListBlock, ListWrap, ParaBlock, Task
from .i18n import ENGLISH, Translating, fill


def page_path(checklist_id: str) -> str:
    return f"checklists/{checklist_id}.html"


def pdf_path(checklist_id: str, size: str) -> str:
    return f"checklists/pdf/{checklist_id}-{size.lower()}.pdf"


def footer(title: str, path: str, site_url: str | None, tr: Translating = ENGLISH) -> str:
    """What every printed page of a checklist says at its foot: the checklist, the toolkit, the
    source, and the page's public address when the site has one (a path inside a local or
    offline copy would lead a reader nowhere, so it is left out)."""
    _ = tr.gettext
    lines = [fill(_("{title} · Partnering Guidelines toolkit"), title=title),
             _("Source: Partnering for Sustainable Development: Guidelines for Multi-stakeholder Partnerships "
               "(ESCAP / UNU-IAS, 2018)")]
    if site_url:
        lines.append(f"{site_url.rstrip('/')}/{path}")
    return "\n".join(lines)


def parts(task: Task) -> list[tuple[list[ParaBlock | HeadingBlock], ListBlock]]:
    """A task's lists, each with the headings and paragraphs printed just before it (back to the
    previous list or box). The first list's lead-in keeps only headings (the task's opening
    paragraphs are guidance to read, not to tick); later lists keep their lead-in paragraph, so
    that a second list numbered from 1 again (task 8.1) reads as printed."""
    out: list[tuple[list[ParaBlock | HeadingBlock], ListBlock]] = []
    before: list[ParaBlock | HeadingBlock] = []
    first = True
    for block in task.blocks:
        if isinstance(block, ListWrap):
            lead = [b for b in before if isinstance(b, HeadingBlock) or not first]
            out.append((lead, block.list))
            before, first = [], False
        elif isinstance(block, ParaBlock | HeadingBlock):
            before.append(block)
        else:
            before = []
    return out
