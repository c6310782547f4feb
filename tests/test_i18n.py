"""The toolkit in six languages, and an official translation dropped in as data.

Every language is built once per session (English at the root, the others under <lang>/),
with the TEST overlay of tests/fixtures/translations (an Urdu, right-to-left stand-in for an
official translation of box IV.1: placeholder text, not a translation): the published build
of conftest.py, `full_site`, is that build."""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import TEST_OVERLAY
from test_browser import search_without_a_key

from macros.content import overlay
from macros.content.reader import ContentError
from macros.site import i18n

FIXTURE = TEST_OVERLAY
LANGUAGES = [lang.code for lang in i18n.all_languages(FIXTURE)]
TRANSLATED = [code for code in LANGUAGES if code not in ("en", "ur")]
PAGES = ["index.html", "modules/a.html", "steps/3.html", "cases/iv-1.html", "cases/index.html", "glossary.html",
         "assessment/index.html", "assessment/module-a.html", "checklists/module-a.html", "translations.html",
         "download.html", "worksheets/index.html", "worksheets/stakeholder-map.html", "action-plan.html"]


def interface_keys() -> set:
    return {k for k in i18n.template_keys() if not i18n.is_data(k[0])}


def complete(code: str) -> bool:
    """A language whose catalogue translates every interface string."""
    return interface_keys() <= i18n.translator(i18n.Language(code, code, code)).messages.keys()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def i18n_build(full_build) -> tuple[Path, dict]:
    """Every language with the test overlay, built once for the run (conftest.py's `full_build`):
    the site and the build's return code and output."""
    return full_build


@pytest.fixture(scope="session")
def i18n_site(full_site) -> Path:
    return full_site


@pytest.fixture(scope="session")
def i18n_server(i18n_site):
    handler = functools.partial(_QuietHandler, directory=str(i18n_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def html(site: Path, code: str, path: str) -> str:
    prefix = "" if code == "en" else f"{code}/"
    return (site / prefix / path).read_text(encoding="utf-8")


def article(page: str) -> str:
    """The page's own content, without the navigation (which names every box)."""
    return page[page.index("<article"):page.index("</article>")]


def test_every_language_builds_strictly_with_every_page(i18n_site, site):
    english = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    for code in LANGUAGES:
        root = i18n_site / ("" if code == "en" else code)
        found = {p.relative_to(root).as_posix() for p in root.rglob("*.html")
                 if code != "en" or p.relative_to(root).parts[0] not in LANGUAGES}
        assert found == english, f"{code}: pages differ from English: {sorted(found ^ english)[:5]}"
        data = json.loads((root / "guidelines.json").read_text(encoding="utf-8"))
        assert data["language"] == code
        assert f'<html lang="{code}"' in html(i18n_site, code, "steps/3.html")


def test_english_addresses_and_pages_stay_where_they_are(i18n_site, site):
    for path in PAGES:
        assert (i18n_site / path).is_file() and (site / path).is_file()
    assert json.loads((i18n_site / "guidelines.json").read_text())["modules"][0]["url"] == "modules/a.html"


@pytest.mark.parametrize("code", TRANSLATED)
def test_no_interface_string_falls_back_in_a_completed_language(i18n_build, code):
    # Every one of the five is complete: a new string left untranslated fails here, never skips.
    assert complete(code), f"{code}: catalogue {i18n.status(i18n.Language(code, code, code)).translated_percent}% translated"
    out = i18n_build[1]["output"]
    # The build prints this line only when something fell back, interface or data strings alike.
    assert f"{code}: fell back to English" not in out, out
    assert "ur: fell back to English" in out   # the line the check looks for (Urdu has no catalogue)


@pytest.mark.parametrize("code", TRANSLATED)
def test_journeys_and_worksheets_show_our_words_translated_and_store_choices_in_english(i18n_site, code):
    tr = i18n.translator(i18n.Language(code, code, code))
    home = article(html(i18n_site, code, "index.html"))
    journey = tr.data("journey:starting", "Starting a partnership")
    assert journey != "Starting a partnership" and journey in home
    sheet = article(html(i18n_site, code, "worksheets/stakeholder-map.html"))
    heading = tr.data("worksheet:stakeholder-map", "Inventory of potential partners")
    assert heading != "Inventory of potential partners" and f">{heading}</h2>" in sheet
    # A choice is shown in the page's language and stored in English: exports read the same everywhere.
    choice = tr.data("worksheet:stakeholder-map", "Private sector")
    assert f'<option value="Private sector">{choice}</option>' in sheet
    assert '<option value="Private sector">Private sector</option>' in article(html(i18n_site, "en", "worksheets/stakeholder-map.html"))


def test_missing_strings_fall_back_to_english_never_blank(i18n_site):
    tr = i18n.translator(i18n.Language("fr", "French", "Français"))
    assert tr.gettext("A string no catalogue has") == "A string no catalogue has"
    assert ("", "A string no catalogue has") in tr.missing
    # The Urdu test overlay has no catalogue: its interface is English, every string counted.
    page = html(i18n_site, "ur", "steps/3.html")
    assert "Checklist for task 3.1" in page


@pytest.mark.parametrize("path", ["steps/3.html", "cases/iv-1.html", "assessment/module-a.html", "index.html"])
def test_the_switcher_leads_to_the_counterpart(i18n_site, path):
    # The sitemap's hreflang alternates: tests/test_every_language.py (they need SITE_URL).
    for code in LANGUAGES:
        page = html(i18n_site, code, path)
        here = (i18n_site / ("" if code == "en" else code) / path).parent
        switcher = {lang: href for href, lang in re.findall(r'href="([^"]+)" hreflang="([\w-]+)"[^>]*data-language-switch', page)}
        assert set(switcher) == set(LANGUAGES), code
        for other, href in switcher.items():
            target = (here / href).resolve()
            expected = (i18n_site / ("" if other == "en" else other) / path).resolve()
            assert target == expected, (code, other, href)


def test_the_switcher_keeps_the_anchor(page, i18n_server):
    page.goto(f"{i18n_server}/steps/3.html#task-3-2")
    page.locator(".md-header__option .md-select button").first.hover()
    # Material's navigation.tracking keeps the address on the section in view, which a late
    # layout shift can move to a neighbour: the reader's place is the address at the click.
    place = page.evaluate("location.hash")
    assert place.startswith("#task-3-"), place
    page.locator('a[data-language-switch][hreflang="fr"]').click()
    page.wait_for_url(f"**/fr/steps/3.html{place}")


def test_translated_pages_show_the_notice_and_the_english_guideline_text(i18n_site, content):
    task = content.task_by_id["3.2"]
    for code in TRANSLATED:
        page = html(i18n_site, code, "steps/3.html")
        assert 'class="i18n-notice"' in page, code
        assert task.title.split()[0] in page
    assert 'class="i18n-notice"' not in html(i18n_site, "en", "steps/3.html")


def test_official_translation_overlay_replaces_exactly_the_units_it_covers(i18n_site, content):
    iv1 = html(i18n_site, "ur", "cases/iv-1.html")
    assert "آزمائشی پیراگراف ایک" in iv1 and content.case_by_id["IV.1"].title not in iv1
    assert "official translation" in iv1
    iv2 = article(html(i18n_site, "ur", "cases/iv-2.html"))
    assert content.case_by_id["IV.2"].title in iv2 and "آزمائشی" not in iv2
    assert "shown in English" in iv2
    for code in LANGUAGES:
        if code != "ur":
            assert "آزمائشی" not in article(html(i18n_site, code, "cases/iv-1.html")), code
    data = json.loads((i18n_site / "ur" / "guidelines.json").read_text(encoding="utf-8"))
    assert data["official_translation"] == ["case:IV.1"]


def test_the_rtl_overlay_renders_mirrored(page, i18n_server):
    page.goto(f"{i18n_server}/ur/cases/iv-1.html")
    assert page.locator("html").get_attribute("dir") == "rtl" or page.locator("body").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content')).direction") == "rtl"
    sidebar = page.locator(".md-sidebar--primary").bounding_box()
    content_box = page.locator(".md-content").bounding_box()
    assert sidebar["x"] > content_box["x"], "the navigation should be on the right in a right-to-left page"


def test_an_overlay_that_is_not_a_counterpart_is_refused(tmp_path, content):
    shutil.copytree(FIXTURE, tmp_path / "translations")
    bad = tmp_path / "translations" / "ur" / "cases" / "IV.1.yml"
    text = bad.read_text(encoding="utf-8")
    bad.write_text(text.replace("  - p: >-\n      آزمائشی پیراگراف دو۔ یہ متن صرف جانچ کے لیے ہے۔\n", ""), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        overlay.apply(content, tmp_path / "translations", "ur")
    report = err.value.report()
    assert "translations/ur/cases/IV.1.yml" in report and "blocks" in report


def test_catalogues_have_stable_contexts_and_a_reviewed_flag_is_counted(tmp_path):
    with (i18n.TRANSLATIONS / "toolkit.pot").open("rb") as fh:
        template = read_po(fh)
    contexts = {m.context for m in template if m.id}
    assert "assessment:q-1.1-1" in contexts and "assessment-scale:fully" in contexts and "js" in contexts
    folder = tmp_path / "translations"
    shutil.copytree(i18n.TRANSLATIONS, folder)
    po = i18n.po_path("fr", folder)
    text = po.read_text(encoding="utf-8")
    before = i18n.status(i18n.Language("fr", "French", "Français"), folder).reviewed
    po.write_text(text.replace('msgctxt "assessment-scale:fully"', '#, reviewed\nmsgctxt "assessment-scale:fully"', 1),
                  encoding="utf-8")
    assert i18n.status(i18n.Language("fr", "French", "Français"), folder).reviewed == before + 1


@pytest.mark.parametrize("code", ["th", "zh"])
def test_search_in_thai_and_chinese_finds_the_translated_page(page, i18n_server, code):
    title = i18n.translator(i18n.Language(code, code, code)).gettext("Case library")
    if title == "Case library":
        pytest.fail(f"{code}: 'Case library' is not translated")
    # The page's name as an input method commits it, without spaces between words: the search
    # worker cuts Thai and Chinese into words, in the index and in the query.
    found = search_without_a_key(page, f"{i18n_server}/{code}", title)
    assert any(href.endswith("cases/index.html") or "cases/index.html#" in href for href in found), found


def test_an_export_in_thai_imports_in_russian_and_merges_in_the_partnership_view(browser, i18n_server, tmp_path):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    qid = "q-1.1-1"
    page.goto(f"{i18n_server}/th/assessment/module-a.html")
    page.locator("#assessment-organisation").fill("Thai partner")
    page.locator(f"input[name='{qid}'][value='fully']").check()
    page.goto(f"{i18n_server}/th/assessment/index.html")
    with page.expect_download() as info:
        page.locator("#assessment-export-json").click()
    thai = tmp_path / "thai.json"
    shutil.copy(info.value.path(), thai)
    assert json.loads(thai.read_text(encoding="utf-8"))["answers"][qid]["value"] == "fully"
    context.close()

    context = browser.new_context()
    page = context.new_page()
    page.on("dialog", lambda d: d.accept())
    page.goto(f"{i18n_server}/ru/assessment/module-a.html")
    page.locator("#assessment-organisation").fill("Russian partner")
    page.locator(f"input[name='{qid}'][value='not-in-place']").check()
    page.goto(f"{i18n_server}/ru/assessment/partners.html")
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

    page.goto(f"{i18n_server}/ru/assessment/index.html")
    page.locator("#assessment-import").set_input_files(str(thai))
    # This browser has answers too, given after the Thai export: the page asks whether to combine
    # (the newer answer, the Russian one, would stay) or replace; the Thai file replaces them.
    page.locator("#assessment-import-replace").click()
    page.locator("#assessment-import-result:not([hidden])").wait_for()
    page.goto(f"{i18n_server}/ru/assessment/module-a.html")
    assert page.locator(f"input[name='{qid}'][value='fully']").is_checked()
    context.close()


AXE_PAGES = ["index.html", "steps/3.html", "cases/iv-1.html", "cases/index.html", "assessment/module-a.html",
             "checklists/module-a.html", "glossary.html", "translations.html", "worksheets/stakeholder-map.html"]


def axe_pages(code: str) -> list[str]:
    """Every page in the right-to-left stand-in, the one layout of its own; each page in two of
    the other languages in turn, so that every language and every page is checked (English
    checks every page type) at half the runs of checking all of them in all."""
    if code not in TRANSLATED:
        return AXE_PAGES
    n, count = TRANSLATED.index(code), len(TRANSLATED)
    return [path for i, path in enumerate(AXE_PAGES) if n in (i % count, (i + 2) % count)]


def test_the_language_checks_cover_every_page():
    assert all(any(path in axe_pages(code) for code in TRANSLATED) for path in AXE_PAGES)


@pytest.mark.parametrize("code", ["fr", "ru", "zh", "id", "th", "ur"])
def test_no_accessibility_violations_in_each_language(page, i18n_server, code):
    from axe_playwright_python.sync_playwright import Axe
    from test_accessibility import RULES, report

    axe = Axe()
    problems = []
    for path in axe_pages(code):
        page.goto(f"{i18n_server}/{code}/{path}")
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
