"""Keep this language on this device (issue 25), in Chromium over http: the service worker only
once the reader asks, the site opened and searched with the network cut, an update offered and
applied without a page of two versions, a copy the browser removed said so; from file://
nothing of it."""
from __future__ import annotations

import re
import shutil

import pytest
from browsing import failed_requests, search_without_a_key
from conftest import _serve

from macros.outputs.webapp import refresh_keep_list

# Ten pages of every kind a reader opens, the home page and the search among them.
TEN_PAGES = ["index.html", "modules/b.html", "steps/3.html", "steps/12.html", "cases/iv-1.html", "chapters/ii.html",
             "glossary.html", "checklists/step-3.html", "assessment/module-a.html", "worksheets/index.html"]
KEPT = re.compile(r"Kept on this device: it opens and searches with no connection\. Stored .+, version of .+\.")


def registrations(page) -> int:
    return page.evaluate("""async () => navigator.serviceWorker
        ? (await navigator.serviceWorker.getRegistrations().catch(() => [])).length : 0""")


def keep(page, base: str) -> None:
    """Keep the language from its download page, as a reader does, and wait until it says so."""
    page.goto(f"{base}/download.html")
    button = page.locator("[data-keep-button]")
    button.wait_for()
    assert re.fullmatch(r"Keep this language on this device \([\d.]+ MB\)", button.inner_text()), button.inner_text()
    assert registrations(page) == 0, "a service worker was registered before the reader asked"
    button.click()
    page.locator("[data-keep-status]").filter(has_text=KEPT).wait_for(timeout=120_000)
    assert registrations(page) == 1


@pytest.fixture
def own_copy(site, tmp_path):
    """A copy of the site on a server of its own, which a test may publish a new build into."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    server = _serve(copy)
    yield copy, next(server)
    next(server, None)


def test_kept_language_opens_and_searches_with_the_network_cut(browser, server):
    context = browser.new_context()
    page = context.new_page()
    keep(page, server)
    context.set_offline(True)
    failed = failed_requests(page)
    for path in TEN_PAGES:
        # Each page's own requests (the search worker's script) finish before the next is opened:
        # leaving a page aborts them, which is no failure of the copy.
        page.goto(f"{server}/{path}", wait_until="networkidle")
        heading = page.locator("article h1").first
        assert heading.inner_text().strip(), f"{path}: no heading with the network cut"
    assert search_without_a_key(page, server, "stakeholder"), "search found nothing with the network cut"
    assert not failed, failed
    context.close()


BUILD_B = '\ndocument.documentElement.setAttribute("data-build", "B");\n'


def test_an_update_is_offered_and_no_page_mixes_two_versions(browser, own_copy):
    folder, base = own_copy
    context = browser.new_context()
    page = context.new_page()
    keep(page, base)
    # A new build is published: a page changes, and every page's script, and so does the list. A
    # page's script is one file named by its content (macros/engine/page_bundles.py): the new build's
    # is a new file, which every page that ran the old one names; a file with a lasting name changes
    # in place.
    step = folder / "steps" / "3.html"
    bundle = re.search(r'"\.\./(assets/js/page\.[0-9a-f]+\.js)"', step.read_text(encoding="utf-8"))
    assert bundle, "the step page runs no script bundle"
    old_bundle, new_bundle = bundle.group(1), "assets/js/page.b00000000000.js"
    (folder / new_bundle).write_text((folder / old_bundle).read_text(encoding="utf-8") + BUILD_B, encoding="utf-8")
    for html in folder.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        if old_bundle in text:
            html.write_text(text.replace(old_bundle, new_bundle), encoding="utf-8")
    step.write_text(step.read_text(encoding="utf-8").replace(
        '<article class="md-content__inner md-typeset">',
        '<article class="md-content__inner md-typeset"><p id="build-b">Build B</p>', 1), encoding="utf-8")
    with (folder / "assets" / "js" / "search-input.js").open("a", encoding="utf-8") as script:
        script.write(BUILD_B)
    refresh_keep_list(folder)

    def versions(pg) -> tuple[bool, str | None]:
        """(the page is build B's, the script that ran is build B's)"""
        pg.wait_for_load_state("load")
        return pg.locator("#build-b").count() == 1, pg.evaluate("document.documentElement.getAttribute('data-build')")

    page.goto(f"{base}/steps/3.html")
    assert versions(page) == (False, None), "the kept version is served until the reader reloads"
    banner = page.locator("[data-keep-banner]")
    banner.filter(has_text="A new version of this language is ready.").wait_for(timeout=120_000)
    other = context.new_page()
    other.goto(f"{base}/steps/3.html")
    assert versions(other) == (False, None), "a page opened before Reload must stay all of the kept version"
    banner.get_by_role("button", name="Reload").click()
    page.locator("#build-b").wait_for()
    assert versions(page) == (True, "B"), "after Reload the page and its scripts are the new version's"
    # The page still open from the kept version asks for a script after the switch (as search
    # loads its worker when first used): it gets its own version's, not the new one.
    late = other.evaluate("fetch('../assets/js/search-input.js').then(r => r.text())")
    assert "data-build" not in late, "a page of the old version was given a script of the new one"
    other.goto(f"{base}/glossary.html")
    assert versions(other)[1] == "B"
    context.set_offline(True)
    other.goto(f"{base}/steps/3.html")
    assert versions(other) == (True, "B"), "the new version is the one kept"
    context.close()


def test_a_copy_the_browser_removed_is_said_and_can_be_kept_again(browser, server):
    context = browser.new_context()
    page = context.new_page()
    keep(page, server)
    # What the browser does to a site's storage when space runs short.
    page.evaluate("async () => { for (const name of await caches.keys()) await caches.delete(name); }")
    page.goto(f"{server}/steps/3.html")
    banner = page.locator("[data-keep-banner]")
    banner.filter(has_text="the browser removed it to free space").wait_for()
    banner.get_by_role("button", name="Keep it again").click()
    page.wait_for_url(re.compile(r"/download\.html#keep$"))
    status = page.locator("[data-keep-status]")
    status.filter(has_text="the browser removed it to free space").wait_for()
    button = page.locator("[data-keep-button]")
    assert re.fullmatch(r"Keep it again \([\d.]+ MB\)", button.inner_text())
    button.click()
    status.filter(has_text=KEPT).wait_for(timeout=120_000)
    context.set_offline(True)
    page.goto(f"{server}/steps/3.html")
    assert page.locator("article h1").first.inner_text().startswith("Step 3")
    context.close()


def test_from_file_nothing_is_registered_and_the_page_works(browser, site):
    context = browser.new_context()
    page = context.new_page()
    failed = failed_requests(page)
    for path in ("download.html", "index.html"):
        page.goto(f"{site.as_uri()}/{path}")
        page.wait_for_load_state("load")
        assert page.locator("[data-keep-offline]").is_hidden(), f"{path}: the control is offered from file://"
        assert page.locator("article h1").first.inner_text().strip()
    assert registrations(page) == 0
    assert not failed, failed
    context.close()
