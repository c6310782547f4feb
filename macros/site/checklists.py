"""Printable checklists: their pages, PDF names and printed footers. What they contain is
defined in content/checklists/selection.yml (loaded with the rest of the content)."""
from __future__ import annotations


def page_path(checklist_id: str) -> str:
    return f"checklists/{checklist_id}.html"


def pdf_path(checklist_id: str, size: str) -> str:
    return f"checklists/pdf/{checklist_id}-{size.lower()}.pdf"


def english(text: str) -> str:
    return text


def footer(title: str, path: str, site_url: str | None, _=english) -> str:
    """What every printed page of a checklist says at its foot."""
    address = f"{site_url.rstrip('/')}/{path}" if site_url else _("{path} in the Partnering Guidelines toolkit").format(path=path)
    return _("{title} · Source: Partnering for Sustainable Development: Guidelines for Multi-stakeholder "
             "Partnerships (ESCAP / UNU-IAS, 2018)").format(title=title) + f"\n{address}"
