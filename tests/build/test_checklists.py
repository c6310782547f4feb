"""Printable checklists and the PDF pack, read as a trainer gets them: printed, as PDF text."""
from __future__ import annotations

import re

from checklist_items import flat_items

from macros.site import urls
from macros.site.checklists import page_path


def test_every_module_and_step_has_a_checklist_page(site, content):
    for module in content.modules:
        assert (site / page_path(f"module-{module.id.lower()}")).is_file()
    for step in content.steps:
        html = (site / page_path(f"step-{step.id}")).read_text(encoding="utf-8")
        for task in step.tasks:
            assert f'id="{urls.task_anchor(task.id)}"' in html
            assert f'href="../steps/{step.id}.html#{urls.task_anchor(task.id)}"' in html  # back to the guidance
            for item in flat_items(task):
                assert f'id="check-{urls.item_anchor(item["id"])}"' in html, item["id"]


def test_each_task_on_a_step_page_links_to_its_checklist(site, content):
    for step in content.steps:
        html = (site / urls.step_path(step.id)).read_text(encoding="utf-8")
        for task in step.tasks:
            assert f'href="../checklists/step-{step.id}.html#{urls.task_anchor(task.id)}"' in html


def _linked_stylesheet(site, name: str) -> str:
    """The text of the one stylesheet the page links (its stylesheets bundled: macros/site/css_bundle.py)."""
    page = site / name
    href = re.search(r'<link rel="stylesheet" href="([^"]+)">', page.read_text(encoding="utf-8"))
    assert href, name
    return (page.parent / href.group(1)).read_text(encoding="utf-8")


def test_checklist_css_loads_only_on_checklist_pages(site):
    checklist = (site / "assets/css/checklist.css").read_text(encoding="utf-8").strip()
    assert checklist in _linked_stylesheet(site, "checklists/module-a.html")
    for other in ("index.html", "steps/3.html", "cases/iv-3.html"):
        assert "/* assets/css/checklist.css */" not in _linked_stylesheet(site, other), other


def test_checklist_pages_link_their_pdfs(site):
    html = (site / "checklists/module-c.html").read_text(encoding="utf-8")
    assert 'href="pdf/module-c-a4.pdf"' in html and 'href="pdf/module-c-letter.pdf"' in html


def test_every_task_has_room_to_write(site, content):
    selection = content.checklists
    html = (site / "checklists/all.html").read_text(encoding="utf-8")
    tables = re.findall(r'<table class="task-table">.*?</table>', html, re.S)
    assert len(tables) == len(content.tasks)
    assert all(t.count("<tr>") == 1 + selection.task_rows >= 4 for t in tables)
    notes = re.findall(r'<div class="notes-lines">(.*?)</div>', html, re.S)
    assert len(notes) == len(content.tasks) and all(n.count('class="notes-line"') == selection.notes_lines >= 3 for n in notes)


def test_pdf_pack_table_gives_each_file_its_own_link(site, content):
    html = (site / "checklists/index.html").read_text(encoding="utf-8")
    table = re.search(r'<table class="pack-table">.*?</table>', html, re.S).group(0)
    assert " · " not in table
    assert table.count('<ul class="pack-files"><li>') == len(content.checklists.pack)
    assert re.search(r'<li><a href="pdf/module-a-a4.pdf" download>PDF, A4', table)
