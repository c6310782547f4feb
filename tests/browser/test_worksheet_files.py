"""What a worksheet gives on paper and in files, over http and file://: each worksheet printed to
PDF (A4 and US Letter), blank and filled with long, multi-line, Thai and Chinese text, every typed
piece, every question and every column is on the page (pdftotext), with the worksheet's and the partnership's names and the
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

from macros.project import ROOT
from macros.site.worksheets import WIDE_COLUMNS

PARTNERSHIP = "Mekong ความเป็นหุ้นส่วน 伙伴关系"
LONG = ("Long text. " * 60).strip()
# Every worksheet in the content (coverage.yml maps tasks to worksheets; it is not one).
SHEETS = sorted(p.stem for p in (ROOT / "content" / "worksheets").glob("*.yml") if p.stem != "coverage")


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


# Fills every control of a worksheet from its model, as the page draws it: a first row added to
# each table people add rows to, every row of a table with fixed rows (a RACI matrix's partners
# name its columns), each value different, so that a piece printed twice or not at all is seen.
# Long answers run over several lines in Thai and Chinese, the first of them over a page.
FILL = """([model, partnership, long]) => {
  const typed = [], text = (n) => `T${n} ผู้มีส่วนได้ส่วนเสีย 合作伙伴`;
  let n = 0, longGiven = false;
  const put = (el, kind, options, labels) => {
    n += 1;
    let value, shown;
    if (kind === "choice") { value = options[n % options.length]; shown = labels[n % options.length]; }
    else if (kind === "date") { value = `2026-0${1 + n % 9}-1${n % 10}`; shown = value; }
    else if (kind === "long") {
      value = `L${n} first line\\nบรรทัดที่สอง ${n} 第二行\\n\\n  ${"Some words. ".repeat(12).trim()} ${n}`;
      if (!longGiven) { value += "\\n" + long; longGiven = true; }
      shown = value;
    } else { value = text(n); shown = value; }
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
    typed.push([kind, shown]);
  };
  const box = document.getElementById("ws-partnership");
  box.value = partnership;
  box.dispatchEvent(new Event("input", { bubbles: true }));
  typed.push(["text", partnership]);
  for (const part of model.parts) {
    if (part.kind === "field") { put(document.getElementById(`ws-f-${part.id}`), part.type, part.options, part.labels); continue; }
    if (!part.fixed.length) document.querySelector(`[data-add-row="${part.id}"]`).click();
    const rows = [...document.querySelectorAll(`#ws-${part.id} > tbody > tr[data-row]`)];
    for (const tr of part.fixed.length ? rows : rows.slice(0, 1))
      for (const c of part.columns) put(tr.querySelector(`[data-cell="${c.id}"]`).querySelector("input, textarea, select"), c.kind, c.options, c.labels);
  }
  return typed;
}"""

# Each worksheet printed twice from one page: blank, then filled, on the two papers in turn
# (A4 filled and Letter blank, then the other way round), so that every worksheet is printed
# blank and filled and each paper is used both ways across the worksheets.
PRINTS = [(sheet, ("A4", "Letter")[n % 2], ("http", "file")[n // 2 % 2]) for n, sheet in enumerate(SHEETS)]
SIZES = {"A4": (595, 842), "Letter": (612, 792)}


@pytest.mark.parametrize(("sheet_id", "filled_paper", "address"), PRINTS)
def test_each_worksheet_prints_blank_and_filled_every_word_and_column(context, server, site, sheet_id, filled_paper, address, tmp_path):
    base = server if address == "http" else site.as_uri()
    blank_paper = "Letter" if filled_paper == "A4" else "A4"
    page = context.new_page()
    page.goto(f"{base}/worksheets/{sheet_id}.html")
    page.wait_for_selector(".worksheet--ready")
    model = json.loads(page.locator("#worksheet-model").text_content())
    tables = [p for p in model["parts"] if p["kind"] == "table"]
    # Every heading a worksheet prints: its fields' questions and its tables' columns (and the
    # score column a table computes).
    labels = [p["label"] for p in model["parts"] if p["kind"] == "field"] + headings(model)
    labels += [t["score_heading"] for t in tables if t.get("score_heading")]
    wide = any(len(t["columns"]) + (1 if t["fixed"] else 0) >= WIDE_COLUMNS for t in tables)

    path = tmp_path / f"blank-{blank_paper}.pdf"
    pages = print_pdf(page, path, blank_paper)
    check_paper(path, blank_paper, wide)
    whole = squeezed("".join(pages))
    for label in labels:
        assert squeezed(label) in whole, f"blank, {blank_paper}: {label!r} is not printed"
    # A table people add rows to prints six rows to write in, each choice's options in each as
    # boxes to tick; and they are in the table while it is printed only.
    for table in tables:
        choice = next((c for c in table["columns"] if c["kind"] == "choice"), None)
        if not table["fixed"] and choice:
            assert whole.count(squeezed(choice["labels"][0])) >= 6, f"blank: {table['id']}: no choices to tick"
    check_every_page(pages, model["file"]["title"], None)
    page.wait_for_function("() => !document.querySelector('.ws-print-rows')")

    typed = page.evaluate(FILL, [model, PARTNERSHIP, LONG])
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Saved')")
    path = tmp_path / f"filled-{filled_paper}.pdf"
    pages = print_pdf(page, path, filled_paper)
    check_paper(path, filled_paper, wide)
    whole = squeezed("".join(pages))
    # A row taller than what is left of a page goes on over the next (under its header row,
    # repeated): each line typed is printed whole, the long one as many times as it was typed.
    for kind, piece in typed:
        for line in piece.split("\n"):
            if line.strip() and line != LONG:
                assert squeezed(line) in whole, f"filled, {filled_paper}: {kind} {line[:60]!r} is not printed whole"
    # (Counted by its first word: a page may end between "Long" and "text.".)
    assert whole.count("Long") == 60, f"filled, {filled_paper}: long text cut"
    for label in labels:
        assert squeezed(label) in whole, f"filled, {filled_paper}: {label!r} is not printed"
    check_every_page(pages, model["file"]["title"], PARTNERSHIP)


def check_paper(path, paper: str, wide: bool) -> None:
    """The paper asked for, across when a table is wide (as a print dialog sets the paper and the
    page its orientation)."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    expected = SIZES[paper][::-1] if wide else SIZES[paper]
    assert abs(width - expected[0]) < 2 and abs(height - expected[1]) < 2, f"not {paper}{' across' if wide else ''}: {width} x {height}"


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
