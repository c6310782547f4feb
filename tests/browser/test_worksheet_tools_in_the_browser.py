"""The deeper worksheet tools in Chromium: the partnering agreement builder drafts each answer
under its clause, prints the draft alone and makes it a Word document (opened with python-docx),
over http and file://; the risk register's score (likelihood × impact) for us and for the other
partners, on the page and in its Word and Excel files; the stakeholder map's interest–influence
grid; the RACI matrix's columns headed by the partners' names. What is typed
is kept through a reload (the data layer) and what the page computes follows it."""
from __future__ import annotations

import re
import subprocess

import docx
import openpyxl
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table
from docx.text.paragraph import Paragraph
from hostile import BREAKOUT
from office_files import download

THAI = "หน่วยงานจัดการน้ำ"


def ready(page, address):
    page.goto(address)
    page.wait_for_selector("form.worksheet--ready")


def saved(page):
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Saved')")


def row(page, table, n=0):
    return page.locator(f"#ws-{table} > tbody > tr").nth(n)


def cell(tr, column):
    return tr.locator(f"[data-cell={column}] input, [data-cell={column}] textarea, [data-cell={column}] select")


def word_blocks(document) -> list[tuple[str, str]]:
    """The document's body in order: each paragraph as (its style, its text), each table as ("table", its cells' text)."""
    out = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            para = Paragraph(child, document)
            out.append((para.style.name if para.style is not None else "", para.text))
        elif child.tag == qn("w:tbl"):
            out.append(("table", "\n".join(c.text for r in Table(child, document).rows for c in r.cells)))
    return out


def test_agreement_builder_drafts_prints_and_makes_a_word_draft_each_answer_under_its_clause(context, base, tmp_path):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    ready(page, f"{base}/worksheets/partnering-agreement.html")
    partnership = "Mekong ความร่วมมือ 伙伴关系"
    page.locator("#ws-partnership").fill(partnership)
    answers = {    # clause heading -> what is typed for it (unique words, found again in the PDF)
        "Purpose": ("f", "purpose", "Halve post-harvest losses\nin three provinces"),
        "Duration and scope": ("f", "duration", "Three years from signature"),
        "Governance and decision-making": ("f", "governance", "A steering committee decides by consensus"),
        "Communication and reporting": ("f", "communication", "Quarterly bulletins to every partner"),
        "Confidentiality, intellectual property and branding": ("f", "confidentiality", "Logos only with written consent"),
        "Dispute resolution": ("f", "disputes", f"Mediation first {BREAKOUT}"),
        "Review and amendment": ("f", "review", "Annual review by the partners"),
        "Exit and termination": ("f", "exit", "Six months notice to withdraw"),
        "Signatures": ("f", "signatories", "Signed at Bangkok"),
    }
    for _, ident, text in answers.values():
        page.locator(f"#ws-f-{ident}").fill(text)
    page.locator("[data-add-row=parties]").click()
    cell(row(page, "parties"), "party").fill(THAI)
    cell(row(page, "parties"), "type").select_option("Government")
    page.locator("[data-add-row=contributions]").click()
    cell(row(page, "contributions"), "commitment").fill("Cold storage at two markets")
    cell(row(page, "outline", 0), "draft").fill("Checked against the outline")   # the checklist, not a clause
    saved(page)
    page.reload()
    page.wait_for_selector("form.worksheet--ready")
    assert page.locator("#ws-f-purpose").input_value() == answers["Purpose"][2]
    assert cell(row(page, "parties"), "party").input_value() == THAI

    # On the page: each answer in the draft right under its own clause, as text.
    draft = page.locator("[data-draft]")
    clauses = draft.locator("h3").all_inner_texts()
    assert [re.sub(r"^\d+\. ", "", c) for c in clauses] == [
        "Parties", "Purpose", "Duration and scope", "Roles, responsibilities and contributions",
        "Governance and decision-making", "Communication and reporting",
        "Confidentiality, intellectual property and branding", "Dispute resolution", "Review and amendment",
        "Exit and termination", "Signatures"]
    assert draft.locator("[data-draft-field=disputes]").inner_text() == answers["Dispute resolution"][2]
    assert page.evaluate("() => window.__pwned") is None
    assert draft.locator("[data-draft-table=parties] td").first.inner_text() == THAI
    assert "Government" in draft.locator("[data-draft-table=parties]").inner_text()
    assert draft.locator(".ws-draft-source a").first.get_attribute("href").endswith("#task-3-4")
    assert draft.locator(".editorial-tag").count() >= len(clauses)

    # Printed with "Print the draft": the draft alone, each answer between its clause and the next.
    page.evaluate("() => { window.print = () => { window.__printed = true; }; }")
    page.locator("[data-print-draft]").click()
    assert page.evaluate("() => window.__printed")
    pdf = tmp_path / "draft.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "Draft partnering agreement" in flat
    assert "Checked against the outline" not in flat and "Export (JSON)" not in flat
    titles = [re.sub(r"^\d+\. ", "", c) for c in clauses]
    at = [flat.index(f"{n}. {title}") for n, title in enumerate(titles, 1)]
    assert at == sorted(at)
    ends = [*at[1:], len(flat)]
    bounds = {title: (at[n], ends[n]) for n, title in enumerate(titles)}
    for clause, (_, _, typed) in answers.items():
        start, end = bounds[clause]
        for line in typed.splitlines():
            assert " ".join(line.split()) in flat[start:end], (clause, line)
    start, end = bounds["Parties"]
    assert THAI in flat[start:end].replace(" ", "")
    start, end = bounds["Roles, responsibilities and contributions"]
    assert "Cold storage at two markets" in flat[start:end]
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")

    # "Draft agreement (Word)": the draft as a Word document, each clause a heading with the
    # answers under it (before the next clause), on the paper chosen, with real properties.
    paper = "Letter" if base.startswith("file:") else "A4"
    path = download(page, "draft", tmp_path, paper)
    assert path.name == "partnering-agreement-draft.docx"
    document = docx.Document(str(path))
    size = sorted([round(document.sections[0].page_width / Mm(1)), round(document.sections[0].page_height / Mm(1))])
    assert size == ([210, 297] if paper == "A4" else [216, 279]), size
    props = document.core_properties
    assert props.title == "Draft partnering agreement" and props.author == "Partnering Guidelines toolkit"
    assert props.subject == partnership and props.created.year >= 2026
    blocks = word_blocks(document)
    assert blocks[0] == ("Heading 1", "Draft partnering agreement")
    assert any(partnership in text for _, text in blocks[:4])
    heads = [n for n, (style, text) in enumerate(blocks) if style == "Heading 2" and re.match(r"\d+\. ", text)]
    assert [blocks[n][1] for n in heads] == [f"{n}. {title}" for n, title in enumerate(titles, 1)]
    assert all(blocks[n][0] == "Heading 2" for n in heads)
    under = {title: "\n".join(text for _, text in blocks[heads[n] + 1:([*heads[1:], len(blocks)])[n]])
             for n, title in enumerate(titles)}
    for clause, (_, _, typed) in answers.items():
        for line in typed.splitlines():
            assert line in under[clause].splitlines(), (clause, line)    # each line as typed, hostile text as text
    assert THAI in under["Parties"] and "Government" in under["Parties"]
    assert "Cold storage at two markets" in under["Roles, responsibilities and contributions"]
    everything = "\n".join(text for _, text in blocks)
    assert "Checked against the outline" not in everything
    assert page.evaluate("() => window.__pwned") is None
    assert not errors, errors


def test_risk_scores_and_the_interest_influence_grid_follow_the_answers(context, server, tmp_path):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    ready(page, f"{server}/worksheets/rewards-and-risks.html")
    ours = row(page, "risks", 0)
    cell(ours, "likelihood").select_option("High")
    cell(ours, "impact").select_option("Medium")
    assert ours.locator("[data-score]").inner_text() == "6"
    cell(ours, "impact").select_option("")
    assert ours.locator("[data-score]").inner_text() == ""      # no score without both
    cell(ours, "impact").select_option("Low")
    page.locator("[data-add-row=partner-risks]").click()
    theirs = row(page, "partner-risks", 0)
    cell(theirs, "partner").fill("Farmers' cooperative")
    cell(theirs, "likelihood").select_option("Medium")
    cell(theirs, "impact").select_option("High")
    cell(theirs, "review").fill("2027-03-31")
    cell(theirs, "status").select_option("Being mitigated")
    saved(page)
    page.reload()
    page.wait_for_selector("form.worksheet--ready")
    assert row(page, "risks", 0).locator("[data-score]").inner_text() == "3"
    theirs = row(page, "partner-risks", 0)
    assert theirs.locator("[data-score]").inner_text() == "6"
    assert cell(theirs, "review").input_value() == "2027-03-31" and cell(theirs, "status").input_value() == "Being mitigated"
    assert "Score (likelihood × impact)" in page.locator("#ws-partner-risks thead").inner_text()

    # The files carry the score as the page computes it: a number in Excel (not a formula), a column in Word.
    book = openpyxl.load_workbook(str(download(page, "xlsx", tmp_path)))
    for title, want in (("Risks in the five areas", 3), ("Risks for the other partners", 6)):
        sheet = book[title]
        heads = [c.value for c in sheet[1]]
        at = heads.index("Score (likelihood × impact)")
        assert sheet.cell(row=2, column=at + 1).value == want, title
        assert sheet.cell(row=3, column=at + 1).value is None          # no score without both
        assert sheet.cell(row=2, column=at + 1).protection.locked        # computed, not typed
    document = docx.Document(str(download(page, "docx", tmp_path)))
    scored = [t for t in document.tables if t.rows[0].cells[-1].text == "Score (likelihood × impact)"]
    assert [t.rows[1].cells[-1].text for t in scored] == ["3", "6"]

    ready(page, f"{server}/worksheets/stakeholder-map.html")
    for _ in range(3):
        page.locator("[data-add-row=inventory]").click()
    water, union, unnamed = row(page, "inventory", 0), row(page, "inventory", 1), row(page, "inventory", 2)
    cell(water, "partner").fill(f"Water agency {BREAKOUT}")
    cell(water, "interest").select_option("High")
    cell(water, "influence").select_option("Low")
    cell(union, "partner").fill("Farmers' union")
    cell(union, "interest").select_option("Low")
    cell(unnamed, "interest").select_option("High")
    saved(page)
    page.reload()
    page.wait_for_selector("form.worksheet--ready")
    grid = page.locator("[data-grid]")
    placed = grid.locator("li", has_text="Water agency")
    assert placed.count() == 1
    home = grid.locator("td", has=page.locator("li", has_text="Water agency"))
    assert home.get_attribute("data-grid-x") == "High" and home.get_attribute("data-grid-y") == "Low"
    assert home.locator(".ws-grid-region").inner_text() == "Keep informed"
    assert page.locator(".ws-grid-strategies dt", has_text="Keep informed").count() == 1
    unplaced = page.locator("[data-grid-unplaced]")
    assert unplaced.is_visible() and unplaced.locator("[data-grid-unplaced-names]").inner_text() == "Farmers' union"
    # Moved by a change of answer: from "Keep informed" to "Manage closely".
    cell(row(page, "inventory", 0), "influence").select_option("High")
    home = grid.locator("td", has=page.locator("li", has_text="Water agency"))
    assert home.locator(".ws-grid-region").inner_text() == "Manage closely"
    assert page.evaluate("() => window.__pwned") is None

    # The RACI matrix's columns headed by the partners named above it.
    ready(page, f"{server}/worksheets/roles-and-leadership.html")
    cell(row(page, "partners", 1), "name").fill("Provincial government")
    page.locator("[data-add-row=raci]").click()
    cell(row(page, "raci", 0), "partner-2").select_option("A")
    saved(page)
    page.reload()
    page.wait_for_selector("form.worksheet--ready")
    assert page.locator("#ws-raci thead th[data-column=partner-2]").inner_text().split("\n") == ["Partner 2", "Provincial government"]
    assert page.locator("#ws-raci thead th[data-column=partner-1] .ws-column-name").inner_text() == ""
    assert cell(row(page, "raci", 0), "partner-2").input_value() == "A"
    assert not errors, errors
