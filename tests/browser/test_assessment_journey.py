"""The self-assessment as a guided tool: a start page that says what it is and where to begin,
module forms one step at a time with progress, notes behind a disclosure, a partnership view
with each partner's module scores, the action plan's "Done", and every page readable on a phone."""
from __future__ import annotations

import json
import math

import pytest
from stored import ASSESSMENT_PREFIX, NEWEST_IS

from macros.site.assessment import questions

PLAN_KEY = "partnering-guidelines/action-plan/v1"
PHONE = {"width": 360, "height": 740}
PAGES = ("index", "module-a", "module-e", "all", "report", "partners", "compare")


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


def visible(page, selector):
    return page.locator(selector).evaluate_all("els => els.filter(e => e.getClientRects().length).length")


def answer(page, qid, value="partly"):
    page.locator(f"input[name='{qid}'][value='{value}']").check()
    page.wait_for_function("() => document.getElementById('assessment-status').textContent.startsWith('Saved')")


def partner_file(tmp_path, name, answers):
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps({"format": "partnering-guidelines-assessment", "schema_version": 1, "organisation": name,
                                "answers": {q: {"value": v} for q, v in answers.items()}}), encoding="utf-8")
    return str(path)


def test_start_page_says_what_it_is_how_long_and_where_to_begin(context, server, content):
    total, module_a = len(questions(content)), len(questions(content, "A"))
    page = context.new_page()
    page.goto(f"{server}/assessment/index.html")
    text = page.locator("article").inner_text()
    assert f"{total} questions" in text
    assert f"about {math.ceil(total * 0.5 / 5) * 5} minutes in all" in text
    assert f"about {math.ceil(module_a * 0.5 / 5) * 5} minutes for module A" in text
    assert "Your answers stay in this browser" in text
    begin = page.locator("#assessment-begin")
    assert begin.inner_text().startswith("Start with module A") and begin.get_attribute("href").endswith("module-a.html")
    # What came before is still there, lower down: results, backup, earlier versions, start over.
    order = page.evaluate("['begin', 'results', 'backup', 'earlier-versions'].map(id => document.getElementById(id).getBoundingClientRect().top)")
    assert order == sorted(order)
    for control in ("#assessment-export-json", "#assessment-import", "#assessment-start-over", "#assessment-snapshots"):
        assert page.locator(control).count() == 1
    assert not page.locator("#assessment-resume").is_visible()
    # Once started, it offers to carry on at the first unanswered question.
    page.goto(f"{server}/assessment/module-a.html")
    answer(page, "q-1.1-1")
    page.goto(f"{server}/assessment/index.html")
    resume = page.locator("#assessment-resume")
    assert "continue with module A" in resume.inner_text() and "1 of 35 answered" in resume.inner_text()
    resume.locator("a").click()
    page.wait_for_url("**/module-a.html#q-1-1-2")
    assert page.locator("#q-1-1-2").is_visible()


def test_module_form_goes_one_step_at_a_time(context, server):
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    stepper = page.locator(".assessment-stepper")
    assert stepper.inner_text().startswith("Step 1 of 3 · 0 of 35 answered")
    assert page.locator("#step-1").is_visible() and not page.locator("#step-2").is_visible()
    assert visible(page, "[data-question]") == 9
    assert not page.locator(".assessment-next").is_visible()
    answer(page, "q-1.1-1")
    assert stepper.inner_text().startswith("Step 1 of 3 · 1 of 35 answered")
    page.get_by_role("button", name="Continue to the next step: Step 2: Agenda setting and scoping").click()
    assert stepper.inner_text().startswith("Step 2 of 3 · 1 of 35 answered")
    assert page.locator("#step-2").is_visible() and not page.locator("#step-1").is_visible()
    assert page.evaluate("document.activeElement.id") == "step-2"
    assert page.url.endswith("#step-2")
    page.get_by_role("button", name="Previous: Step 1: Getting started").click()
    assert page.locator("#step-1").is_visible()
    for _ in range(3):
        page.locator(".assessment-part:not([hidden]) .assessment-pager .md-button--primary").click()
    assert stepper.inner_text().startswith("Last part: key principles")
    assert page.locator(".assessment-part:not([hidden]) .assessment-pager .md-button--primary").count() == 0
    after = page.locator(".assessment-next")
    assert after.is_visible() and "Continue to module B" in after.inner_text() and "See your results" in after.inner_text()
    # The last module ends with the results.
    page.goto(f"{server}/assessment/module-e.html")
    assert "Continue to module" not in page.locator(".assessment-next").inner_text()


def test_question_addresses_open_their_step(context, server):
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html#q-3-2-1")
    assert page.locator("#q-3-2-1").is_visible() and page.locator("#step-3").is_visible()
    assert not page.locator("#step-1").is_visible()
    page.evaluate("location.hash = '#q-1-2-1'")
    page.wait_for_function("() => document.getElementById('q-1-2-1').getClientRects().length > 0")
    assert not page.locator("#step-3").is_visible()


def test_a_malformed_address_opens_the_first_step(context, server):
    """"#q-1%" cannot be decoded: the form starts at step 1 (it threw a URIError before the
    steps were set up, leaving every step shown and no progress)."""
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html#q-1%")
    page.wait_for_selector(".assessment-stepper")
    assert page.locator("#step-1").is_visible() and not page.locator("#step-2").is_visible()


def test_without_javascript_and_on_paper_every_step_shows(browser, server):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    assert visible(page, "[data-question]") == 35
    ctx.close()
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    assert visible(page, "[data-question]") == 9
    page.emulate_media(media="print")
    assert visible(page, "[data-question]") == 35
    assert visible(page, ".assessment-pager") == 0
    ctx.close()


def test_notes_open_on_demand_and_by_themselves_when_they_have_content(context, server):
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    q = page.locator("[data-question='q-1.1-1']")
    assert not q.locator("[data-field=note]").is_visible() and not q.locator("[data-field=action]").is_visible()
    q.locator("summary").click()
    q.locator("[data-field=note]").fill("Raised at the first meeting")
    page.wait_for_function(NEWEST_IS, arg=[ASSESSMENT_PREFIX, "q-1.1-1", "note", "Raised at the first meeting"])
    page.reload()
    q = page.locator("[data-question='q-1.1-1']")
    assert q.locator("[data-field=note]").is_visible()
    assert "(note)" in q.locator("summary").inner_text()
    assert not page.locator("[data-question='q-1.1-2'] [data-field=note]").is_visible()
    # A closed disclosure stays closed on the next refresh.
    q.locator("summary").click()
    answer(page, "q-1.1-2")
    assert not q.locator("[data-field=note]").is_visible()


def test_done_in_the_action_plan_shows_on_the_form_and_the_report(context, server):
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    answer(page, "q-1.1-1")
    q = page.locator("[data-question='q-1.1-1']")
    q.locator("summary").click()
    q.locator("[data-field=action]").fill("Map the stakeholders")
    page.wait_for_function(NEWEST_IS, arg=[ASSESSMENT_PREFIX, "q-1.1-1", "action", "Map the stakeholders"])
    assert not q.locator(".q-done").is_visible()
    page.evaluate("([k, v]) => localStorage.setItem(k, v)",
                  [PLAN_KEY, json.dumps({"records": {"assessment:q-1.1-1": {"status": "Done"}, "assessment:q-1.1-2": {"status": "Done"}}})])
    page.reload()
    assert q.locator(".q-done").is_visible() and q.locator(".q-done").inner_text().startswith("Done")
    assert "next action, done" in q.locator("summary").inner_text()
    # Done without a next action of its own shows nothing.
    assert not page.locator("[data-question='q-1.1-2'] .q-done").is_visible()
    page.goto(f"{server}/assessment/report.html")
    assert "Map the stakeholders (Done)" in page.locator("#assessment-report").inner_text()


def test_partnership_view_shows_module_scores_and_only_answered_questions(context, server, tmp_path):
    files = [partner_file(tmp_path, "Ministry", {"q-1.1-1": "fully", "q-1.2-1": "fully", "q-4.1-1": "partly"}),
             partner_file(tmp_path, "NGO network", {"q-1.1-1": "not-in-place", "q-1.2-1": "partly"})]
    page = context.new_page()
    page.goto(f"{server}/assessment/partners.html")
    page.locator("#partners-files").set_input_files(files)
    page.wait_for_selector("#module-scores")
    result = page.locator("#partners-result")
    assert "0, they agree; 1, one step apart" in result.inner_text()
    scores = page.locator("table:has(caption:text('Scores by module'))")
    assert "Ministry" in scores.locator("thead").inner_text() and "NGO network" in scores.locator("thead").inner_text()
    row_a = scores.locator("tbody tr").first.inner_text()
    assert "Module A" in row_a and "100% (2 of 35 answered)" in row_a and "25% (2 of 35 answered)" in row_a
    row_b = scores.locator("tbody tr").nth(1).inner_text()
    assert "50% (1 of 21 answered)" in row_b and "not answered" in row_b
    every = page.locator("table:has(caption:text('questions someone answered')) tbody tr")
    assert every.count() == 3
    assert "2: furthest apart" in every.first.inner_text()
    assert "3 of " in result.inner_text()


@pytest.mark.parametrize("path", PAGES)
def test_assessment_pages_fit_a_phone_with_answers_and_partners(browser, server, tmp_path, path):
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    answer(page, "q-1.1-1")
    page.goto(f"{server}/assessment/{path}.html")
    if path == "partners":
        page.locator("#partners-files").set_input_files([
            partner_file(tmp_path, "A ministry of planning and development cooperation", {"q-1.1-1": "fully"}),
            partner_file(tmp_path, "Network of civil society organisations", {"q-1.1-1": "partly"}),
            partner_file(tmp_path, "University", {"q-1.1-1": "not-in-place"})])
        page.wait_for_selector("#module-scores")
        # One block per row, each answer named by its partner, rather than columns scrolling sideways.
        cell = page.locator("#partners-result table tbody td").nth(1)
        assert cell.evaluate("e => getComputedStyle(e, '::before').content") == '"A ministry of planning and development cooperation: "'
        assert page.locator("#partners-result .assessment-table-wrap").first.evaluate("e => e.scrollWidth <= e.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The saved status sits in the page: it never covers rows or buttons as they scroll.
    assert page.locator("#assessment-status").evaluate("e => getComputedStyle(e).position") == "static"
    if path == "index":
        sizes = page.eval_on_selector_all("#assessment-results svg text", """els => els
            .filter(e => e.textContent.trim()).map(e => parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM().a)""")
        assert sizes and min(sizes) >= 12
        overflowing = page.eval_on_selector_all("#assessment-results svg text", """els => els
            .filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > 360; }).length""")
        assert overflowing == 0
    ctx.close()


def test_result_tables_are_left_aligned_with_row_rules(context, server):
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    answer(page, "q-1.1-1")
    page.goto(f"{server}/assessment/index.html")
    cell = page.locator("#assessment-results table.assessment-table tbody td").first
    assert cell.evaluate("e => getComputedStyle(e).textAlign") in ("left", "start")
    assert cell.evaluate("e => getComputedStyle(e).borderBottomStyle") == "solid"


def test_guided_form_and_partnership_view_are_axe_clean(context, server, tmp_path):
    from axe_playwright_python.sync_playwright import Axe
    from browsing import RULES, report

    axe = Axe()
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    answer(page, "q-1.1-1")
    page.locator("[data-question='q-1.1-1'] summary").click()
    page.locator("[data-question='q-1.1-1'] [data-field=action]").fill("Map the stakeholders")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [PLAN_KEY, json.dumps({"records": {"assessment:q-1.1-1": {"status": "Done"}}})])
    page.reload()
    page.get_by_role("button", name="Continue to the next step: Step 2: Agenda setting and scoping").click()
    page.get_by_role("button", name="Previous: Step 1: Getting started").click()
    violations = axe.run(page, options=RULES).response["violations"]
    assert not violations, report(violations)
    for path in ("index", "report"):
        page.goto(f"{server}/assessment/{path}.html")
        violations = axe.run(page, options=RULES).response["violations"]
        assert not violations, f"{path}: " + report(violations)
    page.goto(f"{server}/assessment/partners.html")
    page.locator("#partners-files").set_input_files([partner_file(tmp_path, "Ministry", {"q-1.1-1": "fully"}),
                                                     partner_file(tmp_path, "NGO", {"q-1.1-1": "partly"})])
    page.wait_for_selector("#module-scores")
    violations = axe.run(page, options=RULES).response["violations"]
    assert not violations, report(violations)
