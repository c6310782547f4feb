"""The facilitator's packs as printed PDFs of the pack (`make build`), and the paper
questionnaire as Chromium prints it: read back with pdftotext, as a trainer gets them."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from macros.site import urls, workshops


def pdf_text(path: Path, mode: str = "-layout") -> str:
    """'-layout' for the page as laid out; '-raw' for the text in the order it was written
    (a table's cells one after another)."""
    return subprocess.run(["pdftotext", mode, str(path), "-"], capture_output=True, text=True, check=True).stdout


def loose(literal: str) -> str:
    """A pattern for `literal` that a line break may cut anywhere (long addresses wrap)."""
    return r"\s*".join(map(re.escape, literal))


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def flat(text: str) -> str:
    """The text in one line, words joined again where a column or a line broke them."""
    return re.sub(r"\s+", " ", text)


def test_each_pack_pdf_prints_times_cases_questions_link_addresses_and_page_numbers(printed_site, content):
    for pack in content.workshops:
        for size in content.checklists.page_sizes:
            pdf = printed_site / workshops.pdf_path(pack.module, size)
            text, pages = pdf_text(pdf), pdf_pages(pdf)
            one = flat(text)
            assert 3 <= pages <= 8, f"{pdf.name}: {pages} pages"
            for n in range(1, pages + 1):
                assert f"Page {n} of {pages}" in one, f"{pdf.name}: no footer on page {n}"
            assert one.count(f"Facilitator's pack: Module {pack.module} · Partnering Guidelines toolkit") == pages
            for agenda in pack.agendas:
                assert f"({agenda.minutes} minutes)" in one
                for slot in workshops.slots(pack, agenda):
                    assert f"{workshops.clock(slot.start)}–{workshops.clock(slot.end)}" in one, f"{pdf.name}: {slot}"
            for session in pack.sessions:
                case = content.case_by_id[session.case]
                assert f"Box {case.id}: {flat(case.title)}" in one
                for question in session.questions:
                    # pdftotext breaks lines; the question's words are all there, in order.
                    words = re.escape(question.split(":")[0][:60]).replace(r"\ ", r"\s+")
                    assert re.search(words, text), f"{pdf.name}: {question[:60]!r}"
            # The address of each link is printed beside it: tasks, case boxes, worksheets, the plan.
            task = pack.sessions[0].tasks[0]
            for address in (f"<{urls.case_path(pack.sessions[0].case)}>", "<action-plan.html>",
                            f"<facilitator/questionnaire-{pack.module.lower()}.html>",
                            f"<steps/{task.split('.')[0]}.html#task-{task.replace('.', '-')}>"):
                assert re.search(loose(address), text), f"{pdf.name}: {address}"
            for chrome in ("Skip to content", "Print this pack", "Made with"):
                assert chrome not in one, f"{pdf.name} prints {chrome!r}"


def test_the_printed_questionnaire_has_lines_to_write_on_a_grid_and_a_footer(browser, site, content, tmp_path):
    page = browser.new_page()
    try:
        page.goto((site / "facilitator/questionnaire-b.html").as_uri())
        out = tmp_path / "questionnaire-b.pdf"
        page.pdf(path=str(out), format="A4", print_background=True)
        lines = page.evaluate("""() => [...document.querySelectorAll('.write-in__line')].map(e => {
            const r = e.getBoundingClientRect(); return [r.width, getComputedStyle(e).borderBottomStyle]; })""")
    finally:
        page.close()
    # Three lines to write on, wide enough for a name: not bare words.
    assert len(lines) == 3 and all(width >= 100 and style == "solid" for width, style in lines), lines
    text, pages = pdf_text(out), pdf_pages(out)
    one = flat(text)
    assert re.search(r"Participant:\s+Organization:\s+Date:", one)
    labels = [o.label for o in content.assessment_scale.scale]
    raw = flat(pdf_text(out, "-raw"))
    assert re.search(r"Statement\s+" + r"\s+".join(loose(label) for label in labels), raw), raw[:400]
    for n in range(1, pages + 1):
        assert f"Page {n} of {pages}" in one
    assert one.count("Printable questionnaire: Module B · Partnering Guidelines toolkit") == pages
