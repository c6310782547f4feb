"""Printable checklists: their selection (checklists/selection.yml), pages and PDF names."""
from __future__ import annotations

from pathlib import Path

from .loader import ContentError, read_yaml, validate
from .model import ChecklistSelection

PROJECT = Path(__file__).resolve().parent.parent
SELECTION = PROJECT / "checklists" / "selection.yml"
TEMPLATES = PROJECT / "checklists" / "templates"


def load_selection(path: Path = SELECTION) -> ChecklistSelection:
    source, problems = read_yaml(path, PROJECT / "content")
    if not problems:
        model, problems = validate(source, "checklist_selection")
    if problems:
        raise ContentError(problems)
    return model


def page_path(checklist_id: str) -> str:
    return f"checklists/{checklist_id}.html"


def pdf_path(checklist_id: str, size: str) -> str:
    return f"checklists/pdf/{checklist_id}-{size.lower()}.pdf"


def footer(title: str, path: str, site_url: str | None) -> str:
    """What every printed page of a checklist says at its foot."""
    address = f"{site_url.rstrip('/')}/{path}" if site_url else f"{path} in the Partnering Guidelines toolkit"
    return (f"{title} · Source: Partnering for Sustainable Development: Guidelines for Multi-stakeholder "
            f"Partnerships (ESCAP / UNU-IAS, 2018)\n{address}")
