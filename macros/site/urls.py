"""Where everything lives on the site: paths and anchors derived from IDs, never titles.

Courses link to these addresses, so they must never change. They are the same online and
offline (plain .html files, no directory URLs).
"""
from __future__ import annotations

import posixpath


def slug(ident: str) -> str:
    """'IV.3' -> 'iv-3', '3.2' -> '3-2', 'annex-I' -> 'annex-i'."""
    return ident.lower().replace(".", "-").replace(" ", "-")


def module_path(module_id: str) -> str:
    return f"modules/{slug(module_id)}.html"


def step_path(step_id: str) -> str:
    return f"steps/{step_id}.html"


def case_path(case_id: str) -> str:
    return f"cases/{slug(case_id)}.html"


def chapter_path(chapter_id: str) -> str:
    return f"chapters/{chapter_id}.html"


def task_anchor(task_id: str) -> str:
    return f"task-{slug(task_id)}"


def item_anchor(item_id: str) -> str:
    return f"item-{slug(item_id)}"


def principle_anchor(group_id: str) -> str:
    return f"principle-{slug(group_id)}"


def figure_anchor(figure_id: str) -> str:
    return f"figure-{slug(figure_id)}"


def footnote_anchor(footnote_id: str) -> str:
    return f"fn-{slug(footnote_id)}"


PAGES = {
    "home": "index.html",
    "about": "about.html",
    "links": "links.html",
    "references": "references.html",
    "cases": "cases/index.html",
    "checklists": "checklists/index.html",
    "glossary": "glossary.html",
    "accessibility": "accessibility.html",
    "translations": "translations.html",
    "download": "download.html",
}


def relative(target: str, from_page: str) -> str:
    """A link from one site page to another path (with optional #anchor), relative so that
    it works from file:// as well as from any web root."""
    path, _, anchor = target.partition("#")
    here = posixpath.dirname(from_page)
    if path == from_page:
        rel = ""
    else:
        rel = posixpath.relpath(path, here or ".")
    return rel + (f"#{anchor}" if anchor else "") if (rel or anchor) else posixpath.basename(path)
