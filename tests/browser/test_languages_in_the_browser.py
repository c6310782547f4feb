"""Every language in Chromium: the switcher, right-to-left, search, an export carried across languages, axe-core, the Thai ZIP."""
from __future__ import annotations

import json
import shutil

import pytest
from browsing import search_without_a_key
from conftest import TEST_OVERLAY

from macros.site import i18n

TRANSLATED = [lang.code for lang in i18n.all_languages(TEST_OVERLAY) if lang.code not in ("en", "ur")]


AXE_PAGES = ["index.html", "steps/3.html", "cases/iv-1.html", "cases/index.html", "assessment/module-a.html",
             "checklists/module-a.html", "glossary.html", "translations.html", "worksheets/stakeholder-map.html"]


def axe_pages(code: str) -> list[str]:
    """Every page in the right-to-left stand-in, the one layout of its own; each page in one of
    the other languages in turn, so that every language and every page is checked (English
    checks every page type, tests/browser/test_accessibility.py): axe is among the suite's
    largest costs, and what differs between languages is the text, not the page's structure."""
    if code not in TRANSLATED:
        return AXE_PAGES
    n, count = TRANSLATED.index(code), len(TRANSLATED)
    return [path for i, path in enumerate(AXE_PAGES) if i % count == n]


def test_the_language_checks_cover_every_page():
    assert all(any(path in axe_pages(code) for code in TRANSLATED) for path in AXE_PAGES)


def test_the_switcher_keeps_the_anchor(page, full_server):
    page.goto(f"{full_server}/steps/3.html#task-3-2")
    page.locator(".md-header__option .md-select button").first.hover()
    # Material's navigation.tracking keeps the address on the section in view, which a late
    # layout shift can move to a neighbour: the reader's place is the address at the click.
    place = page.evaluate("location.hash")
    assert place.startswith("#task-3-"), place
    page.locator('a[data-language-switch][hreflang="fr"]').click()
    page.wait_for_url(f"**/fr/steps/3.html{place}")


def test_the_rtl_overlay_renders_mirrored(page, full_server):
    page.goto(f"{full_server}/ur/cases/iv-1.html")
    assert page.locator("html").get_attribute("dir") == "rtl" or page.locator("body").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content')).direction") == "rtl"
    sidebar = page.locator(".md-sidebar--primary").bounding_box()
    content_box = page.locator(".md-content").bounding_box()
    assert sidebar["x"] > content_box["x"], "the navigation should be on the right in a right-to-left page"


@pytest.mark.parametrize("code", ["th", "zh"])
def test_search_in_thai_and_chinese_finds_the_translated_page(page, full_server, code):
    title = i18n.translator(i18n.Language(code, code, code)).gettext("Case library")
    if title == "Case library":
        pytest.fail(f"{code}: 'Case library' is not translated")
    # The page's name as an input method commits it, without spaces between words: the search
    # worker cuts Thai and Chinese into words, in the index and in the query.
    found = search_without_a_key(page, f"{full_server}/{code}", title)
    assert any(href.endswith("cases/index.html") or "cases/index.html#" in href for href in found), found


def test_an_export_in_thai_imports_in_russian_and_merges_in_the_partnership_view(browser, full_server, tmp_path):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    qid = "q-1.1-1"
    page.goto(f"{full_server}/th/assessment/module-a.html")
    page.locator("#assessment-organisation").fill("Thai partner")
    page.locator(f"input[name='{qid}'][value='fully']").check()
    page.goto(f"{full_server}/th/assessment/index.html")
    with page.expect_download() as info:
        page.locator("#assessment-export-json").click()
    thai = tmp_path / "thai.json"
    shutil.copy(info.value.path(), thai)
    assert json.loads(thai.read_text(encoding="utf-8"))["answers"][qid]["value"] == "fully"
    context.close()

    context = browser.new_context()
    page = context.new_page()
    page.on("dialog", lambda d: d.accept())
    page.goto(f"{full_server}/ru/assessment/module-a.html")
    page.locator("#assessment-organisation").fill("Russian partner")
    page.locator(f"input[name='{qid}'][value='not-in-place']").check()
    page.goto(f"{full_server}/ru/assessment/partners.html")
    page.locator("#partners-include-mine").check()
    page.locator("#partners-files").set_input_files(str(thai))
    table = page.locator("#partners-result table").first
    table.wait_for()
    head = table.locator("thead").inner_text()
    assert "Thai partner" in head
    ru = i18n.translator(i18n.Language("ru", "Russian", "Русский"))
    fully, none_ = ru.data("assessment-scale:fully", "Fully in place"), ru.data("assessment-scale:not-in-place", "Not in place")
    first = table.locator("tbody tr").first.inner_text()
    assert fully in first and none_ in first, first

    page.goto(f"{full_server}/ru/assessment/index.html")
    page.locator("#assessment-import").set_input_files(str(thai))
    # This browser has answers too, given after the Thai export: the page asks whether to combine
    # (the newer answer, the Russian one, would stay) or replace; the Thai file replaces them.
    page.locator("#assessment-import-replace").click()
    page.locator("#assessment-import-result:not([hidden])").wait_for()
    page.goto(f"{full_server}/ru/assessment/module-a.html")
    assert page.locator(f"input[name='{qid}'][value='fully']").is_checked()
    context.close()


@pytest.mark.parametrize("code", ["fr", "ru", "zh", "id", "th", "ur"])
def test_no_accessibility_violations_in_each_language(page, full_server, code):
    from axe_playwright_python.sync_playwright import Axe
    from browsing import RULES, report

    axe = Axe()
    problems = []
    for path in axe_pages(code):
        page.goto(f"{full_server}/{code}/{path}")
        violations = axe.run(page, options=RULES).response["violations"]
        if violations:
            problems.append(f"{path}: {report(violations)}")
    assert not problems, "\n".join(problems)


def test_each_language_has_its_own_offline_zip_within_budget(tmp_path, browser, content, offline_sites):
    """Thai as a field office gets it: the Thai site alone at the ZIP's root, its checklists'
    PDF pack printed from the Thai pages, a README that says so in Thai, within 5 MB."""
    import subprocess
    import zipfile

    from macros.outputs.offline import BUDGET_BYTES, make_zip, zip_name
    from macros.outputs.pdf import print_pack

    site_dir = tmp_path / "th"
    shutil.copytree(offline_sites["th"], site_dir)   # the shared build, printed into a copy
    index = (site_dir / "index.html").read_text(encoding="utf-8")
    assert '<html lang="th"' in index and "data-language-switch" not in index
    written = print_pack(site_dir, content.checklists, browser)
    package = make_zip(content, site_dir, tmp_path / "dist", zip_name("th"), "th")
    assert package.zip_path.name.endswith("-th.zip") and package.size <= BUDGET_BYTES
    with zipfile.ZipFile(package.zip_path) as archive:
        readme = next(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith("README.txt"))
    assert "ชุดเครื่องมือฉบับนี้" in readme
    checklist = next(p for p in written if "module-a" in p.name)
    text = subprocess.run(["pdftotext", str(checklist), "-"], capture_output=True, text=True).stdout
    assert "ผู้รับผิดชอบ" in text, "the Thai checklist PDF should carry its Thai labels as text"
