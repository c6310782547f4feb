"""axe-core (WCAG 2.1 A and AA, plus best practices) finds nothing on any page type, and the same
load of each page type over http shows no Content Security Policy violation (the policy's other
ways in and its tools: tests/browser/test_policy_in_the_browser.py)."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import RULES, report
from policy import RECORD, violations

PAGE_TYPES = [
    "index.html", "modules/a.html", "steps/3.html", "steps/12.html", "cases/iv-12.html", "cases/index.html",
    "chapters/i.html", "chapters/iii.html", "references.html", "links.html", "about.html",
    "checklists/index.html", "checklists/module-a.html", "checklists/step-12.html", "checklists/framework.html",
    "glossary.html", "chapters/ii.html", "modules/c.html", "accessibility.html",
    "assessment/index.html", "assessment/module-a.html", "assessment/all.html", "assessment/report.html",
    "assessment/partners.html", "assessment/compare.html", "assessment/group.html",
    "worksheets/index.html", "worksheets/rewards-and-risks.html", "worksheets/stakeholder-map.html",
    "worksheets/partnering-agreement.html", "action-plan.html", "facilitator/module-a.html", "facilitator/questionnaire-a.html",
]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture(scope="module")
def reader(browser):
    """One tab for every page type: a new browser context for each cost more than its page. Each
    page is left as a first visit finds it (its storage emptied after it), and records the
    policy's violations from its first script on."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD)
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.refused = refused
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_accessibility_violations(reader, server, axe, path):
    reader.refused.clear()
    reader.goto(f"{server}/{path}")
    try:
        found = axe.run(reader, options=RULES).response["violations"]
        # axe's run takes longer than the wait a late violation needs (the policy test's 200 ms).
        refused = violations(reader) + reader.refused
    finally:
        reader.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    assert not found, report(found)
    assert not refused, f"{path}: Content Security Policy violations: {refused}"


def test_no_accessibility_violations_with_search_results_open(page, server, axe):
    from browsing import search

    assert search(page, server, "partners")
    violations = axe.run(page, options=RULES).response["violations"]
    assert not violations, report(violations)


def test_no_accessibility_violations_with_assessment_results(page, server, axe):
    page.goto(f"{server}/assessment/module-b.html")
    page.locator("fieldset[data-question] input[value='partly']").first.check()
    page.goto(f"{server}/assessment/index.html")
    page.wait_for_selector("#assessment-results svg")
    violations = axe.run(page, options=RULES).response["violations"]
    assert not violations, report(violations)


def test_no_accessibility_violations_on_a_phone(browser, server, axe):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{server}/steps/3.html")
        violations = axe.run(page, options=RULES).response["violations"]
        assert not violations, report(violations)
    finally:
        context.close()


def test_no_accessibility_violations_with_a_conflict_history_and_an_import_question(page, server, axe, tmp_path):
    """A worksheet showing a field changed in two tabs at once, its earlier versions, a removed
    row's Undo and the combine-or-replace question; then the action plan with actions in it."""
    import json

    from macros.site import storage

    page.goto(f"{server}/worksheets/moving-on.html")
    prefix = f"{storage.contract()['data_prefix']}{storage.worksheet_tool('moving-on')}/f:decision/value/"
    page.evaluate("""p => { localStorage.setItem(p + 'one', JSON.stringify({v: 'Renew', t: '2026-01-01T00:00:00.000Z', s: []}));
                           localStorage.setItem(p + 'two', JSON.stringify({v: 'Transfer', t: '2026-01-02T00:00:00.000Z', s: []})); }""", prefix)
    page.reload()
    page.wait_for_selector(".dl-conflict")
    page.locator("[data-add-row=actions]").click()
    page.locator("#ws-actions .ws-remove").click()
    path = tmp_path / "moving-on.json"
    path.write_text(json.dumps({"format": "partnering-guidelines-worksheet", "schema_version": 1, "worksheet": "moving-on",
                                "records": {"f:decision": {"value": "Terminate"}}}), encoding="utf-8")
    for _ in range(2):
        page.locator("[data-import-json]").set_input_files(str(path))
        page.locator("[data-import-mode=combine]").click()
    page.locator(".ws-history summary").click()
    page.locator("[data-import-json]").set_input_files(str(path))
    page.locator("[data-import-mode=replace]").wait_for()
    assert page.locator("[data-history] tbody tr").count() == 2
    violations = axe.run(page, options=RULES).response["violations"]
    assert not violations, report(violations)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage.legacy_assessment_key(), json.dumps(
        {"format": "partnering-guidelines-assessment", "schema_version": 1, "answers": {"q-1.1-1": {"value": "partly", "action": "Agree the problem"}}})])
    page.goto(f"{server}/action-plan.html")
    page.wait_for_selector("#plan-table tbody tr")
    violations = axe.run(page, options=RULES).response["violations"]
    assert not violations, report(violations)
