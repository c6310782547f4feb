"""Worksheet, action plan and facilitator pages as built."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

from macros.content.model import FieldPart
from macros.site import worksheets as ws


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


def test_facilitator_pack_names_its_sessions_tasks_and_a_few_worksheets_and_the_questionnaire_its_questions(site, content):
    for module in content.modules:
        soup = BeautifulSoup((site / ws.facilitator_path(module.id)).read_text(encoding="utf-8"), "html.parser")
        pack = next(p for p in content.workshops if p.module == module.id)
        agenda = soup.select_one("table.agenda-table").get_text(" ")
        for task in pack.sessions[0].tasks:
            assert f"Task {task}" in agenda
        assert "Ours" in soup.select_one(".editorial-tag").get_text()
        # The worksheets to use: the sessions', not every worksheet of the module.
        sheets = [a.get_text() for a in soup.find(id="print").find_next("ul").find_all("a")
                  if a.get_text() not in ("Word", "Excel") and not a.get_text().startswith(("Checklist", "Printable"))]
        used = list(dict.fromkeys(w for s in pack.sessions for w in s.worksheets))
        assert sheets == [next(s.title for s in content.worksheets if s.id == w) for w in used]
        questions = [q for part in content.assessment if part.module == module.id for q in part.questions]
        paper = BeautifulSoup((site / ws.questionnaire_path(module.id)).read_text(encoding="utf-8"), "html.parser")
        assert len(paper.select(".paper-question")) == len(questions)
        assert len(paper.select(".paper-question")[0].select(".score-box")) == len(content.assessment_scale.scale)
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
                columns = {c.id: c for c in part.columns}     # a cell for each pair of the two choices' options
                assert len(grid.select("[data-grid-x]")) == len(columns[part.grid.x].options) * len(columns[part.grid.y].options)
                strategies = block.select_one(".ws-grid-strategies").get_text(" ", strip=True)
                for region in part.grid.regions:
                    assert region.title in strategies and region.strategy in strategies
        draft = soup.select_one("[data-draft]")
        assert (draft is not None) == bool(sheet.draft), sheet.id
        if draft:
            assert draft.select_one("h2").get_text() == sheet.draft
            # The clauses as the content names them, in order, parts in a row under one name sharing it.
            titles = [p.clause for n, p in enumerate(sheet.parts) if p.clause and (n == 0 or sheet.parts[n - 1].clause != p.clause)]
            assert [h.get_text() for h in draft.select("h3")] == [f"{n}. {title}" for n, title in enumerate(titles, 1)]
            for title, source in zip(titles, draft.select(".ws-draft-source"), strict=True):
                assert source.select_one(".editorial-tag").get_text() == "Ours"
                tasks = dict.fromkeys(p.source for p in sheet.parts if p.clause == title)
                assert [a.get_text() for a in source.select("a")] == [f"Task {t}" for t in tasks]
            assert soup.select_one("[data-print-draft]") is not None
