"""The light pages in the browser (issue 25): one request, text shown, links to the next light
page and to the full one, over http and from file://; and, in the full site with JavaScript off,
the guidance still reads and a tool says it needs JavaScript; on a 2G connection the full page
offers its light copy."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from axe_playwright_python.sync_playwright import Axe
from browsing import RULES, report

from macros.site import i18n


def test_a_light_page_is_one_request_and_links_the_next_light_page(browser, full_server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        url = f"{full_server}/ur/light/steps/3.html"
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)   # anything asked for after the load would be counted too
        assert requests == [url], requests
        heading = page.locator("main h1")
        assert heading.is_visible() and "3" in heading.inner_text()
        assert len(page.locator("main").inner_text()) > 2000
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, "scrolls sideways on a phone"
        assert page.locator("a.light-full").evaluate("a => a.href") == f"{full_server}/ur/steps/3.html"
        violations = Axe().run(page, options=RULES).response["violations"]   # evaluated, not a script the policy would stop
        assert not violations, report(violations)
        page.locator(".light-nav a[rel=next]").click()
        page.wait_for_load_state("load")
        assert page.url == f"{full_server}/ur/light/modules/b.html"
        assert page.locator("main h1").is_visible()
    finally:
        context.close()


def test_a_light_page_from_disk_opens_and_its_links_work(browser, site):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((site / "light" / "steps" / "3.html").as_uri())
        assert "Step 3" in page.locator("main h1").inner_text()
        full = page.locator("a.light-full").evaluate("a => a.href")
        assert Path(unquote(urlsplit(full).path)) == site / "steps" / "3.html"
        checklist = page.locator("main a[href*='checklists/step-3.html']").first.evaluate("a => a.href")
        assert Path(unquote(urlsplit(checklist).path)) == site / "checklists" / "step-3.html"
        page.locator(".light-nav a[rel=prev]").click()
        page.wait_for_load_state("load")
        assert page.url == (site / "light" / "steps" / "2.html").as_uri()
        assert "Step 2" in page.locator("main h1").inner_text()
    finally:
        context.close()


def test_without_javascript_the_guidance_reads_and_a_tool_says_it_needs_it(browser, full_server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{full_server}/fr/steps/3.html")
        assert page.locator("article h1").is_visible()
        assert page.locator("#task-3-2").is_visible()
        assert page.locator("p.light-version a").is_visible()
        page.goto(f"{full_server}/fr/checklists/step-3.html")
        tr = i18n.translator(i18n.Language("fr", "fr", "fr"))
        said = tr.gettext("The print button needs JavaScript: print with your browser's own Print command.")
        assert "JavaScript" in said and said.startswith("Le ")
        # Playwright's text search skips <noscript>: the element itself, as the reader sees it.
        note = page.locator(".checklist-actions noscript")
        assert note.is_visible() and note.inner_text() == said
    finally:
        context.close()


def test_on_2g_a_full_page_offers_its_light_copy_and_the_offer_can_be_dismissed(browser, full_server):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script("Object.defineProperty(navigator, 'connection', {value: {effectiveType: '2g', saveData: false}})")
        page.goto(f"{full_server}/steps/3.html")
        offer = page.locator(".light-offer")
        offer.wait_for()
        assert offer.locator("a").evaluate("a => a.href") == f"{full_server}/light/steps/3.html"
        assert page.url == f"{full_server}/steps/3.html", "offered, never taken there"
        offer.locator("button").click()
        assert offer.count() == 0
    finally:
        context.close()
