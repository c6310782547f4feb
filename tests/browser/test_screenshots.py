"""Screenshots of every page type at a phone's and a laptop's width, kept as test artefacts in
build/screenshots/ (not committed) for a person to look at after each change."""
from __future__ import annotations

from pathlib import Path

import pytest

OUT = Path(__file__).resolve().parents[2] / "build" / "screenshots"
PAGE_TYPES = {
    "home": "index.html",
    "module": "modules/a.html",
    "step": "steps/3.html",
    "case": "cases/iv-3.html",
    "case-library": "cases/index.html",
    "chapter": "chapters/ii.html",
    "glossary": "glossary.html",
    "links": "links.html",
    "about": "about.html",
    "download": "download.html",
    "checklists": "checklists/index.html",
    "checklist": "checklists/module-a.html",
    "framework-checklist": "checklists/framework.html",
    "assessment": "assessment/index.html",
    "assessment-form": "assessment/module-a.html",
    "references": "references.html",
}
WIDTHS = {"phone": (360, 740), "laptop": (1366, 768)}


@pytest.mark.parametrize("device", WIDTHS)
def test_screenshot_every_page_type(browser, server, device):
    width, height = WIDTHS[device]
    OUT.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        for name, path in PAGE_TYPES.items():
            page.goto(f"{server}/{path}")
            # The first screen is what a reader meets; the full page shows everything below it.
            first = OUT / f"{name}-{width}-first.png"
            full = OUT / f"{name}-{width}-full.png"
            page.screenshot(path=str(first))
            page.screenshot(path=str(full), full_page=True)
            assert first.stat().st_size > 5000 and full.stat().st_size > 5000, name
    finally:
        context.close()
