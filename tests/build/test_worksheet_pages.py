"""Worksheet, action plan and facilitator pages as built."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

from macros.content.model import FieldPart
from macros.site import worksheets as ws
from macros.site.worksheets import clauses, grid_view


def test_every_task_links_to_its_worksheet_and_back(site, content):
    served = ws.by_task(content)
    excused = {n.task for n in content.worksheet_coverage.not_needed}
    for step in content.steps:
        soup = BeautifulSoup((site / f"steps/{step.id}.html").read_text(encoding="utf-8"), "html.parser")
        for task in step.tasks:
            heading = soup.find(id=f"task-{task.id.replace('.', '-')}")
            tools = heading.find_next("p", class_="task-tools")
            links = [a for a in tools.find_all("a", class_="task-worksheet")]
            assert [a.get_text() for a in links] == [f"Worksheet: {s.title}" for s in served.get(task.id, [])], task.id
            assert links or task.id in excused
            for a in links:
                target = (site / "steps" / a["href"]).resolve()
                page = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                back = [x["href"] for x in page.select(".ws-serves a")]
                assert any(h.endswith(f"steps/{step.id}.html#task-{task.id.replace('.', '-')}") for h in back)
    index = BeautifulSoup((site / "worksheets/index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(index.select(".ws-coverage li")) == 32
    assert all(li.find_all("a")[1:] or "no worksheet needed" in li.get_text() for li in index.select(".ws-coverage li"))


def test_worksheets_action_plan_and_packs_are_in_the_menu(site, content):
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = " ".join(a.get("href", "") for a in home.select("nav.md-nav a"))
    assert "worksheets/index.html" in nav and "action-plan.html" in nav and "facilitator/module-a.html" in nav
    for sheet in content.worksheets:
        assert f"worksheets/{sheet.id}.html" in nav


def test_facilitator_pack_lists_the_modules_tasks_worksheets_and_questions(site, content):
    for module in content.modules:
        soup = BeautifulSoup((site / ws.facilitator_path(module.id)).read_text(encoding="utf-8"), "html.parser")
        agenda = soup.select_one("ol.agenda").get_text(" ")
        for step in module.steps:
            for task in step.tasks:
                assert f"Task {task.id}:" in agenda
        assert "Ours" in soup.select_one(".editorial-tag").get_text()
        sheets = [a.get_text() for a in soup.find(id="worksheets").find_next("ul").find_all("a") if "Word" not in a.get_text() and "Excel" not in a.get_text()]
        assert sheets == [s.title for s in ws.of_module(content, module.id)]
        questions = [q for part in content.assessment if part.module == module.id for q in part.questions]
        assert len(soup.select("ol.fac-questions li")) == len(questions)
        paper = BeautifulSoup((site / ws.questionnaire_path(module.id)).read_text(encoding="utf-8"), "html.parser")
        assert len(paper.select(".paper-question")) == len(questions)
        assert len(paper.select(".paper-question")[0].select(".paper-box")) == len(content.assessment_scale.scale)
        assert not paper.select_one("article").select("input, textarea, select"), "a paper questionnaire has nothing to fill on screen"


def test_worksheet_pages_mark_what_is_ours_and_quote_the_publication(site):
    soup = BeautifulSoup((site / "worksheets/rewards-and-risks.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one(".editorial-tag").get_text() == "Ours"
    risks = soup.select_one("#ws-risks")
    assert risks.select_one("thead th").get_text() == "From the publication"
    assert [th.strong.get_text() for th in risks.select("tbody th")] == [
        "Reputation impact", "Loss of autonomy", "Conflicts of interest", "Drain on resources", "Implementation challenges"]
    assert re.search(r"Task 3\.2", soup.select_one(".ws-source").get_text())
    agreement = BeautifulSoup((site / "worksheets/partnering-agreement.html").read_text(encoding="utf-8"), "html.parser")
    assert "From the publication, task 3.4" in agreement.select_one(".ws-quote").get_text()
    assert agreement.select_one("#ws-outline thead th").get_text() == "Item (ours)"


def test_every_worksheet_page_renders_every_field_column_clause_score_and_grid(site, content):
    for sheet in content.worksheets:
        soup = BeautifulSoup((site / f"worksheets/{sheet.id}.html").read_text(encoding="utf-8"), "html.parser")
        form = soup.select_one("form.worksheet")
        for part in sheet.parts:
            if isinstance(part, FieldPart):
                assert form.select_one(f"label[for=ws-f-{part.field}]").get_text() == part.label, (sheet.id, part.field)
                assert form.select_one(f"#ws-f-{part.field}") is not None
                continue
            block = form.select_one(f"[data-table={part.table}]")
            headings = [th.get_text(" ", strip=True) for th in block.select(f"#ws-{part.table} thead th")]
            for column in part.columns:
                assert any(h.startswith(column.heading) for h in headings), (sheet.id, part.table, column.id)
            if part.score:
                assert f"{part.score.heading} Ours" in headings
                assert all(tr.select_one("[data-score] output") for tr in block.select(f"#ws-{part.table} > tbody > tr"))
            if part.grid:
                grid = block.select_one("[data-grid]")
                assert len(grid.select("[data-grid-x]")) == len(grid_view(part).xs) * len(grid_view(part).rows)
                strategies = block.select_one(".ws-grid-strategies").get_text(" ", strip=True)
                for region in part.grid.regions:
                    assert region.title in strategies and region.strategy in strategies
        draft = soup.select_one("[data-draft]")
        assert (draft is not None) == bool(sheet.draft), sheet.id
        if draft:
            assert draft.select_one("h2").get_text() == sheet.draft
            assert [h.get_text() for h in draft.select("h3")] == [f"{n}. {c.title}" for n, c in enumerate(clauses(sheet), 1)]
            for clause, source in zip(clauses(sheet), draft.select(".ws-draft-source"), strict=True):
                assert source.select_one(".editorial-tag").get_text() == "Ours"
                assert [a.get_text() for a in source.select("a")] == [f"Task {s}" for s in clause.sources]
            assert soup.select_one("[data-print-draft]") is not None
