"""What a worksheet gives on paper and in files, over http and file://: printed to PDF (A4 and US
Letter), blank and filled with long, multi-line, Thai and Chinese text, every typed piece and
every column is on the page (pdftotext), with the worksheet's and the partnership's names and the
page number on every page; the action plan's Word and Excel files made in the browser hold every
action. (Every worksheet's own Word and Excel files: test_worksheets.py.)"""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess

import docx
import openpyxl
import pytest
from hostile import ENDINGS
from office_files import download, word_texts

PARTNERSHIP = "Mekong ความเป็นหุ้นส่วน 伙伴关系"
LONG = ("Long text. " * 60).strip()


def pdf_pages(path) -> list[str]:
    """Each page's text in the order it was drawn (a cell's text stays together)."""
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def print_pdf(page, path, paper: str):
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    # The paper as a print dialog sets it; the orientation is the page's own (landscape when wide).
    page.pdf(path=str(path), format=paper)
    page.emulate_media(media="screen")
    return pdf_pages(path)


def headings(model: dict) -> list[str]:
    return [c["label"] for p in model["parts"] if p["kind"] == "table" for c in p["columns"]]


def check_every_page(pages: list[str], title: str, partnership: str | None) -> None:
    for n, text in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in text, f"page {n}: no page number"
        assert squeezed(title) in squeezed(text), f"page {n}: no title"
        if partnership:
            assert squeezed(partnership) in squeezed(text), f"page {n}: no partnership"


@pytest.mark.parametrize("base", ["http"], indirect=True)
def test_a_filled_worksheet_prints_every_word_and_column(context, base, tmp_path):
    page = context.new_page()
    page.goto(f"{base}/worksheets/stakeholder-map.html")
    model = json.loads(page.locator("#worksheet-model").text_content())
    page.fill("#ws-partnership", PARTNERSHIP)
    typed = [PARTNERSHIP]
    for n, partner in enumerate(["ผู้มีส่วนได้ส่วนเสียในจังหวัด", "省农业厅合作伙伴"]):
        page.locator("[data-add-row=inventory]").click()
        row = page.locator("#ws-inventory tbody tr[data-row]").nth(n)
        value = f"Line one {n}\nกรมส่งเสริมการเกษตร line two\n合作伙伴 line three\n{LONG}"
        row.locator("[data-cell=partner] input").fill(partner)
        row.locator("[data-cell=value] textarea").fill(value)
        row.locator("[data-cell=contact] input").fill(f"contact-{n}@example.org")
        row.locator("[data-cell=selected] select").select_option("To be decided")
        typed += [partner, value, f"contact-{n}@example.org"]
    page.fill("#ws-f-selection", "Because they hold the land.\nและมีความรู้ 他们有知识" + ENDINGS)
    typed.append("Because they hold the land.\nและมีความรู้ 他们有知识" + ENDINGS)
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Saved')")
    for paper, size in (("A4", (842, 595)), ("Letter", (792, 612))):
        path = tmp_path / f"filled-{paper}.pdf"
        pages = print_pdf(page, path, paper)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        assert abs(width - size[0]) < 2 and abs(height - size[1]) < 2, f"not landscape on {paper}: {width} x {height}"
        # A row taller than what is left of a page goes on over the next (under its header row,
        # repeated), after the rest of the row: each line of what was typed is printed whole, and
        # the long one as many times as it was typed.
        whole = squeezed("".join(pages))
        for piece in typed:
            for line in piece.split("\n"):
                if line != LONG:
                    assert squeezed(line) in whole, f"{paper}: {line[:60]!r} is not printed whole"
        # (Counted by its first word: a page may end between "Long" and "text.".)
        assert whole.count("Long") == 60 * sum(piece.count(LONG) for piece in typed), f"{paper}: long text cut"
        assert whole.count("Tobedecided") >= 2          # the Selected? column, chosen
        for heading in headings(model):
            assert squeezed(heading) in squeezed("".join(pages)), f"{paper}: column {heading!r} is not printed"
        check_every_page(pages, model["file"]["title"], PARTNERSHIP)


@pytest.mark.parametrize("base", ["file"], indirect=True)
def test_a_blank_worksheet_prints_rows_to_write_in_and_choices_to_tick(context, base, tmp_path):
    page = context.new_page()
    page.goto(f"{base}/worksheets/resource-map.html")
    model = json.loads(page.locator("#worksheet-model").text_content())
    for paper in ("A4", "Letter"):
        pages = print_pdf(page, tmp_path / f"blank-{paper}.pdf", paper)
        whole = squeezed("".join(pages))
        for heading in headings(model):
            assert squeezed(heading) in whole, f"{paper}: column {heading!r} is not printed"
        # Each table's blank rows offer the choices to tick: the in-kind table's "Kind" six times.
        kinds = next(c for p in model["parts"] if p["kind"] == "table" for c in p["columns"] if c["kind"] == "choice")
        assert whole.count(squeezed(kinds["labels"][0])) >= 6
        check_every_page(pages, model["file"]["title"], None)
    # The rows to write in are in the table while it is printed, and only then.
    page.emulate_media(media="print")
    page.wait_for_function("() => document.querySelectorAll('#ws-in-kind .ws-print-rows tr').length === 6")
    page.emulate_media(media="screen")
    page.wait_for_function("() => document.querySelectorAll('#ws-in-kind tbody tr').length === 0")


@pytest.mark.parametrize("base", ["http"], indirect=True)
def test_action_plan_word_and_excel(context, base, tmp_path):
    page = context.new_page()
    page.goto(f"{base}/worksheets/stakeholder-map.html")
    page.locator("[data-add-row=actions]").click()
    row = page.locator("#ws-actions tbody tr[data-row]").first
    action = "Call the ministry ผู้มีส่วนได้ส่วนเสีย 合作伙伴" + ENDINGS + "\nthen write"
    row.locator("[data-cell=action] textarea").fill(action)
    row.locator("[data-cell=owner] input").fill("=Owner 甲")
    row.locator("[data-cell=due] input").fill("2026-03-31")
    row.locator("[data-cell=status] select").select_option("In progress")
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Saved')")
    page.goto(f"{base}/action-plan.html")
    page.wait_for_selector("#plan-table tbody tr")
    document = docx.Document(str(download(page, "docx", tmp_path)))
    assert {action, "=Owner 甲", "2026-03-31", "In progress"} <= set(word_texts(document))
    book = openpyxl.load_workbook(str(download(page, "xlsx", tmp_path)))
    plan = book.worksheets[1]
    assert [c.value for c in plan[2]][:4] == [action, "=Owner 甲", dt.datetime(2026, 3, 31), "In progress"]
    assert plan.page_setup.orientation == "landscape" and plan.print_title_rows in ("1:1", "$1:$1")
