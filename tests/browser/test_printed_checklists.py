"""Checklists printed by Chromium (A4 and US Letter) and the PDF pack: read back with poppler."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import fidelity
import pytest
from checklist_items import flat_items

from macros.content import inline
from macros.site import workshops
from macros.site.checklists import page_path, pdf_path


def pdf_text(path: Path, mode: str = "-layout") -> str:
    """The PDF's text: '-layout' for pages of one column, '-raw' (content order) for columns."""
    return subprocess.run(["pdftotext", mode, str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def expected_sequence(module, actions=None) -> list[str]:
    """What a module's checklist must say, in the publication's order: an item given an action
    (ours, content/checklists/actions/) prints the action and the item it comes from."""
    actions = actions or {}
    seq = [inline.plain(i.text) for i in module.outcomes.items]
    for step in module.steps:
        seq.append(f"Step {step.id}: {step.title}")
        for task in step.tasks:
            seq.append(f"Task {task.id}: {task.title}")
            for e in flat_items(task):
                action = actions.get(e["id"])
                if action and action.editorial_action:
                    seq.append(f"{action.editorial_action} (item {e['id']})")
                else:
                    seq.append((e["label"] + ": " if e["label"] else "") + (e["text"] or ""))
    return seq


def assert_in_order(text: str, expected: list[str], where: str):
    folded, pos = fidelity.fold(text), 0
    for entry in expected:
        found = folded.find(fidelity.fold(entry), pos)
        assert found >= 0, f"{where}: not found after position {pos}: {entry[:100]!r}"
        pos = found + 1


def ink_bottom(pdf: Path, page: int, tmp_path: Path) -> float:
    """How far down page `page` the printing goes above the footer, as a share of the page height
    (rendered with pdftoppm in grey; the footer band is left out)."""
    out = tmp_path / f"{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(out)],
                   check=True)
    data = out.with_suffix(".pgm").read_bytes()
    magic, width, height, _, pixels = data.split(maxsplit=4)
    assert magic == b"P5"
    width, height = int(width), int(height)
    body = int(height * 0.88)   # above the running footer
    rows = [pixels[y * width:(y + 1) * width] for y in range(body)]
    inked = [y for y, row in enumerate(rows) if min(row) < 128]
    return (inked[-1] + 1) / height if inked else 0.0


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_module_checklists_print_cleanly_and_completely(browser, site, content, tmp_path, size):
    page = browser.new_page()
    try:
        for module in content.modules:
            ident = f"module-{module.id.lower()}"
            page.goto((site / page_path(ident)).as_uri())
            out = tmp_path / f"{ident}-{size}.pdf"
            page.pdf(path=str(out), format=size, print_background=True)
            text = pdf_text(out)
            pages = pdf_pages(out)
            tasks = sum(len(s.tasks) for s in module.steps)
            # Each step on its own pages (the outcomes before the first): at most ~1.5 pages a task.
            # A module of two steps whose items are short actions fits on two.
            assert len(module.steps) <= pages <= 2 + tasks * 1.5, f"{ident} {size}: {pages} pages"
            assert_in_order(text, expected_sequence(module, workshops.actions_of(content)), f"{ident} {size}")
            for n in range(1, pages + 1):
                assert f"Page {n} of {pages}" in text.replace("\n", " ") or f"Page {n} of\n" in text, f"{ident}: page {n} footer"
            assert text.count(f"Checklist: Module {module.id}") >= pages  # the footer names it on every page
            for chrome in ("Skip to content", "Table of contents", "Search", "Made with"):
                assert chrome not in text, f"{ident} {size} prints {chrome!r}"
    finally:
        page.close()


def test_printed_tick_boxes_are_black_squares_and_steps_start_new_pages(browser, site):
    page = browser.new_page()
    try:
        page.goto((site / "checklists/module-a.html").as_uri())
        page.emulate_media(media="print")
        box = page.locator(".tick input").first
        style = box.evaluate("e => { const s = getComputedStyle(e); return [s.borderTopColor, s.borderTopStyle, s.appearance, s.borderRadius] }")
        assert style[0] == "rgb(0, 0, 0)" and style[1] == "solid" and style[2] == "none"
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).display") == "none"
        assert page.locator(".md-sidebar--primary").evaluate("e => getComputedStyle(e).display") == "none"
        breaks = page.locator("h2.checklist-step").evaluate_all("es => es.map(e => getComputedStyle(e).breakBefore)")
        # The first step shares page 1 with the outcomes; every later step starts a page.
        assert len(breaks) == 3 and breaks[0] != "page" and set(breaks[1:]) == {"page"}
        avoid = page.locator(".tick-list li").first.evaluate("e => getComputedStyle(e).breakInside")
        assert avoid == "avoid"
    finally:
        page.close()


def test_pdf_pack_exists_and_is_complete(printed_site, content):
    site, selection = printed_site, content.checklists
    for entry in selection.pack:
        for size in selection.page_sizes:
            path = site / pdf_path(entry.id, size)
            assert path.is_file() and pdf_pages(path) >= 1, path
    for size in selection.page_sizes:
        all_text = pdf_text(site / pdf_path("all", size))
        for module in content.modules:
            assert_in_order(all_text, expected_sequence(module, workshops.actions_of(content)), f"all {size}")
        assert len(set(re.findall(r"Task (\d+\.\d):", all_text))) == 32
        glance = site / pdf_path("framework", size)
        assert pdf_pages(glance) == 1
        glance_text = fidelity.fold(pdf_text(glance, "-raw"))
        for task in content.tasks:
            assert fidelity.fold(f"{task.id} {task.title}") in glance_text, task.id


@pytest.mark.parametrize("ident", ["module-a", "module-d", "all"])
def test_first_printed_page_is_used(printed_site, tmp_path, ident):
    for size in ("A4", "Letter"):
        pdf = printed_site / pdf_path(ident, size)
        assert ink_bottom(pdf, 1, tmp_path) > 0.7, f"{pdf.name}: page 1 mostly blank"
        first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout
        assert re.search(r"Task \d+\.1:", first), f"{pdf.name}: page 1 has no task"


def test_printed_footer_names_the_toolkit(printed_site):
    text = pdf_text(printed_site / pdf_path("module-b", "A4"))
    pages = pdf_pages(printed_site / pdf_path("module-b", "A4"))
    assert text.count("Partnering Guidelines toolkit") == pages


def test_task_8_1_keeps_its_lead_in_between_its_two_lists(printed_site):
    text = fidelity.fold(pdf_text(printed_site / pdf_path("module-c", "A4")))
    first = text.find(fidelity.fold("Let each partner monitor the components and activities it is responsible for. (item 8.1.3)"))
    lead = text.find(fidelity.fold("The following are certain points to take note of"), first)
    second = text.find(fidelity.fold("Set the monitoring schedule before implementation starts. (item 8.1.points.1)"), lead)
    assert 0 <= first < lead < second


def test_framework_page_prints_readable_type(browser, printed_site, tmp_path):
    site = printed_site
    page = browser.new_page()
    try:
        page.goto((site / "checklists/framework.html").as_uri())
        page.emulate_media(media="print")
        sizes = page.locator(".glance li, .glance p").evaluate_all("es => es.map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert sizes and min(sizes) >= 12, f"smallest text {min(sizes)} px: 9 pt is 12 px"
    finally:
        page.close()
    for size in ("A4", "Letter"):
        pdf = site / pdf_path("framework", size)
        assert pdf_pages(pdf) == 1 and ink_bottom(pdf, 1, tmp_path) > 0.7, f"{pdf.name}: does not use its page"
