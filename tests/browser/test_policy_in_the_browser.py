"""Every page runs in Chromium without any Content Security Policy violation, over http and from file://.

Over http, each page type's one load in tests/browser/test_accessibility.py checks its violations
too (that list holds every page of PAGES): this test loads them from file:// alone, and over both
ways in uses the tools."""
from __future__ import annotations

from policy import RECORD, violations

PAGES = ("index.html", "steps/3.html", "modules/a.html", "cases/index.html", "chapters/ii.html",
         "checklists/module-a.html", "glossary.html", "links.html", "about.html")


def test_pages_run_without_any_policy_violation(browser, base, tmp_path):
    context = browser.new_context(accept_downloads=True, permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(RECORD)
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        for path in PAGES if base.startswith("file:") else ():
            page.goto(f"{base}/{path}")
            page.wait_for_timeout(200)
            assert not violations(page), (path, violations(page))
        # Search (a worker over http, the iframe-worker shim from file://)
        from browsing import search

        assert search(page, base, "scaling up")
        assert not violations(page), violations(page)
        # Case filters, the self-assessment with its export, a copy button
        page.goto(f"{base}/cases/index.html#country=India")
        page.select_option("select[name=module]", "D")
        page.goto(f"{base}/assessment/module-e.html")
        page.locator("fieldset[data-question] input[value='partly']").first.check()
        page.goto(f"{base}/assessment/index.html")
        with page.expect_download():
            page.locator("#assessment-export-csv").click()
        assert page.locator("#assessment-results svg").count() == 2
        # A worksheet (fill, add a row, export) and the action plan it feeds
        page.goto(f"{base}/worksheets/rewards-and-risks.html")
        page.locator("[data-add-row=actions]").click()
        page.locator("#ws-actions tbody tr textarea").first.fill("Insure the van")
        with page.expect_download():
            page.locator("[data-export-json]").click()
        page.goto(f"{base}/action-plan.html")
        assert page.locator("#plan-table tbody tr").count() == 1
        assert not violations(page), violations(page)
        page.goto(f"{base}/links.html")
        page.locator("button.copy-link").first.click()
        page.wait_for_timeout(200)
        assert not violations(page), violations(page)
        assert not refused, refused
    finally:
        context.close()


def test_every_page_loaded_from_file_alone_is_checked_over_http_by_its_axe_load():
    from test_accessibility import PAGE_TYPES

    assert set(PAGES) <= set(PAGE_TYPES)
