"""The checklists' PDF pack, printed by headless Chromium from the built pages themselves,
so that the PDFs and the printed pages can never differ: each language's from its own pages,
so that its PDFs hold its labels."""
from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from ..content.model import ChecklistSelection
from ..site import checklists, workshops
from .browser import launch


def print_pack(site_dir: Path, selection: ChecklistSelection, browser: Browser | None = None) -> list[Path]:
    """Print every file of the pack into site_dir/checklists/pdf/, and the facilitator's packs into
    site_dir/facilitator/pdf/, with `browser` or a new Chromium."""
    if browser is None:
        with sync_playwright() as p:
            own = launch(p)
            try:
                return print_pack(site_dir, selection, own)
            finally:
                own.close()

    written = []
    page = browser.new_page()
    try:
        for entry in selection.pack:
            source = site_dir / checklists.page_path(entry.id)
            if not source.is_file():
                raise FileNotFoundError(f"{source} not found: build the site before printing the PDF pack")
            page.goto(source.as_uri())
            page.emulate_media(media="print")
            for size in selection.page_sizes:
                out = site_dir / checklists.pdf_path(entry.id, size)
                out.parent.mkdir(parents=True, exist_ok=True)
                page.pdf(path=str(out), format=size, print_background=True, prefer_css_page_size=False,
                         landscape=entry.id == "framework", outline=True, tagged=True)
                written.append(out)
        written += _print_workshops(page, site_dir, selection)
    finally:
        page.close()
    return written


def _print_workshops(page: Page, site_dir: Path, selection: ChecklistSelection) -> list[Path]:
    """Each module's facilitator's pack, in each page size of the pack, into facilitator/pdf/."""
    written = []
    for source in sorted((site_dir / "facilitator").glob("module-*.html")):
        module_id = source.stem.removeprefix("module-").upper()
        page.goto(source.as_uri())
        page.emulate_media(media="print")
        for size in selection.page_sizes:
            out = site_dir / workshops.pdf_path(module_id, size)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.pdf(path=str(out), format=size, print_background=True, outline=True, tagged=True)
            written.append(out)
    return written


def print_packs(folders: list[Path], selection: ChecklistSelection, browser: Browser | None = None) -> list[Path]:
    """The pack of each language's site (its folder: the site's root for English, <code>/ for
    another), with one Chromium."""
    if browser is None:
        with sync_playwright() as p:
            own = launch(p)
            try:
                return print_packs(folders, selection, own)
            finally:
                own.close()
    return [path for folder in folders for path in print_pack(folder, selection, browser)]
