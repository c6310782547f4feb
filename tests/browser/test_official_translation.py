"""An official translation of the guideline text, unit by unit (issue 22), as a reader sees it:
exported, a few units translated, imported, and built with English and that language only (not
every language: the suite's budget). Anything not official is labelled in the page's language,
with its English one tap away (a <details>, which works without JavaScript); official text is
shown as it is; the English site is unchanged. The files themselves:
tests/unit/test_official_translation_files.py."""
from __future__ import annotations

from pathlib import Path

import pytest
from cli import macros_cli
from conftest import mkdocs_build
from mkdocs_config import write_config
from translator_files import LANGUAGE, LIST_ITEM_TEXT, PLAN, rewrite, translate

from macros.content import units
from macros.content.load import load
from macros.project import CONTENT
from macros.site import i18n

THAI = i18n.translator(i18n.Language(LANGUAGE, "Thai", "ไทย"))
DRAFT, REVIEWED = THAI.gettext("Draft translation, not official"), THAI.gettext("Reviewed translation, not official")


@pytest.fixture(scope="module")
def translated_site(tmp_path_factory) -> Path:
    """Export, translate a few units, import, build English and Thai only."""
    folder = tmp_path_factory.mktemp("official-translation")
    overlay = folder / "translations"
    overlay.mkdir()
    config = write_config(folder / "mkdocs.yml", official_translations=overlay)
    po = folder / f"{LANGUAGE}.po"
    assert macros_cli("export-units", LANGUAGE, po, "-f", config).returncode == 0
    rewrite(po, translate)
    imported = macros_cli("import-units", po, "-f", config)
    assert imported.returncode == 0, imported.stderr
    site = folder / "site"
    built = mkdocs_build(site, official_translations=overlay, languages=["en", LANGUAGE])
    assert built.returncode == 0, built.stdout + built.stderr
    return site


def test_units_not_official_are_labelled_with_their_english_one_tap_away(page, translated_site, content):
    box = content.case_by_id["IV.2"]
    page.goto((translated_site / LANGUAGE / "cases" / "iv-2.html").as_uri())
    assert PLAN["case:IV.2/title"][0] in page.locator("h1").inner_text()
    notes = page.locator("details.unit-english")
    assert notes.count() == 2, "the draft title and the reviewed paragraph; the official paragraph is not labelled"
    title_note, paragraph_note = notes.nth(0), notes.nth(1)
    assert DRAFT != "Draft translation, not official", "the label is in the page's language"
    assert title_note.locator("summary").inner_text().startswith(DRAFT)
    assert paragraph_note.locator("summary").inner_text().startswith(REVIEWED)
    english_title = title_note.get_by_text(box.title, exact=True)
    assert not english_title.is_visible()
    title_note.locator("summary").click()
    assert english_title.is_visible() and english_title.get_attribute("lang") == "en"
    official = page.get_by_text(PLAN["case:IV.2/blocks/1/p"][0], exact=True)
    assert official.is_visible()
    assert official.evaluate("p => !(p.nextElementSibling && p.nextElementSibling.matches('details'))")
    assert THAI.gettext("Parts of the guideline text on this page are translations that are not official yet: each is "
                        "labelled, with its English one tap away.") in page.locator(".i18n-notice").inner_text()
    page.goto((translated_site / "cases" / "iv-2.html").as_uri())
    assert page.locator("details.unit-english").count() == 0 and box.title in page.locator("h1").inner_text()


def test_the_english_opens_without_javascript(browser, translated_site, content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((translated_site / LANGUAGE / "cases" / "iv-2.html").as_uri())
    note = page.locator("details.unit-english").nth(1)
    paragraph = note.get_by_text(content.case_by_id["IV.2"].blocks[0].p[:40])
    assert not paragraph.is_visible()
    note.locator("summary").click()
    assert paragraph.is_visible()
    context.close()


def test_a_list_item_is_labelled_in_its_place(page, translated_site):
    page.goto((translated_site / LANGUAGE / "steps" / "1.html").as_uri())
    item = page.locator("li", has_text=LIST_ITEM_TEXT).last
    assert item.locator("details.unit-english summary").inner_text().startswith(DRAFT)


def test_the_status_page_counts_the_units(page, translated_site):
    page.goto((translated_site / LANGUAGE / "translations.html").as_uri())
    total = len(units.of_content(load(CONTENT)))
    expected = THAI.gettext("%(official)s official, %(reviewed)s reviewed and %(draft)s draft units of %(total)s; the rest in English")
    assert expected % {"official": 1, "reviewed": 1, "draft": 2, "total": total} in page.locator("table.translation-status").inner_text()
