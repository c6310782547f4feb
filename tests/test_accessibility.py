"""axe-core (WCAG 2.1 A and AA, plus best practices) finds nothing on any page type."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGE_TYPES = [
    "index.html", "modules/a.html", "steps/3.html", "steps/12.html", "cases/iv-12.html", "cases/index.html",
    "chapters/i.html", "chapters/iii.html", "references.html", "links.html", "about.html",
    "checklists/index.html", "checklists/module-a.html", "checklists/step-12.html", "checklists/framework.html",
    "glossary.html", "chapters/ii.html", "modules/c.html", "accessibility.html",
    "assessment/index.html", "assessment/module-a.html", "assessment/all.html", "assessment/report.html",
    "assessment/partners.html", "assessment/compare.html",
    "worksheets/index.html", "worksheets/rewards-and-risks.html", "worksheets/stakeholder-map.html",
    "worksheets/partnering-agreement.html", "action-plan.html", "facilitator/module-a.html", "facilitator/questionnaire-a.html",
]
# resultTypes: every violation in full, the passing checks only counted (a third less work).
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
         "resultTypes": ["violations"]}


def report(violations) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
                     for v in violations)


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_accessibility_violations(page, server, axe, path):
    page.goto(f"{server}/{path}")
    violations = axe.run(page, options=RULES).response["violations"]
    assert not violations, report(violations)


def test_no_accessibility_violations_with_search_results_open(page, server, axe):
    from test_browser import search

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
