"""The toolkit in six languages, and an official translation dropped in as data.

Every language is built once per session (English at the root, the others under <lang>/),
with the TEST overlay of tests/fixtures/translations (an Urdu, right-to-left stand-in for an
official translation of box IV.1: placeholder text, not a translation): the published build
of conftest.py, `full_site`, is that build."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import TEST_OVERLAY

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


def html(site: Path, code: str, path: str) -> str:
    prefix = "" if code == "en" else f"{code}/"
    return (site / prefix / path).read_text(encoding="utf-8")


def article(page: str) -> str:
    """The page's own content, without the navigation (which names every box)."""
    return page[page.index("<article"):page.index("</article>")]


def test_every_language_builds_strictly_with_every_page(full_site, site):
    english = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    for code in LANGUAGES:
        root = full_site / ("" if code == "en" else code)
        found = {p.relative_to(root).as_posix() for p in root.rglob("*.html")
                 if code != "en" or p.relative_to(root).parts[0] not in LANGUAGES}
        assert found == english, f"{code}: pages differ from English: {sorted(found ^ english)[:5]}"
        data = json.loads((root / "guidelines.json").read_text(encoding="utf-8"))
        assert data["language"] == code
        assert f'<html lang="{code}"' in html(full_site, code, "steps/3.html")


def test_english_addresses_and_pages_stay_where_they_are(full_site, site):
    for path in PAGES:
        assert (full_site / path).is_file() and (site / path).is_file()
    assert json.loads((full_site / "guidelines.json").read_text())["modules"][0]["url"] == "modules/a.html"


@pytest.mark.parametrize("code", TRANSLATED)
def test_no_interface_string_falls_back_in_a_completed_language(full_build, code):
    # Every one of the five is complete: a new string left untranslated fails here, never skips.
    assert complete(code), f"{code}: catalogue {i18n.status(i18n.Language(code, code, code)).translated_percent}% translated"
    out = full_build[1]["output"]
    # The build prints this line only when something fell back, interface or data strings alike.
    assert f"{code}: fell back to English" not in out, out
    assert "ur: fell back to English" in out   # the line the check looks for (Urdu has no catalogue)


@pytest.mark.parametrize("code", TRANSLATED)
def test_journeys_and_worksheets_show_our_words_translated_and_store_choices_in_english(full_site, code):
    tr = i18n.translator(i18n.Language(code, code, code))
    home = article(html(full_site, code, "index.html"))
    journey = tr.data("journey:starting", "Starting a partnership")
    assert journey != "Starting a partnership" and journey in home
    sheet = article(html(full_site, code, "worksheets/stakeholder-map.html"))
    heading = tr.data("worksheet:stakeholder-map", "Inventory of potential partners")
    assert heading != "Inventory of potential partners" and f">{heading}</h2>" in sheet
    # A choice is shown in the page's language and stored in English: exports read the same everywhere.
    choice = tr.data("worksheet:stakeholder-map", "Private sector")
    assert f'<option value="Private sector">{choice}</option>' in sheet
    assert '<option value="Private sector">Private sector</option>' in article(html(full_site, "en", "worksheets/stakeholder-map.html"))


def test_missing_strings_fall_back_to_english_never_blank(full_site):
    tr = i18n.translator(i18n.Language("fr", "French", "Français"))
    assert tr.gettext("A string no catalogue has") == "A string no catalogue has"
    assert ("", "A string no catalogue has") in tr.missing
    # The Urdu test overlay has no catalogue: its interface is English, every string counted.
    page = html(full_site, "ur", "steps/3.html")
    assert "Checklist for task 3.1" in page


@pytest.mark.parametrize("path", ["steps/3.html", "cases/iv-1.html", "assessment/module-a.html", "index.html"])
def test_the_switcher_leads_to_the_counterpart(full_site, path):
    # The sitemap's hreflang alternates: tests/build/test_sitemaps.py (they need SITE_URL).
    for code in LANGUAGES:
        page = html(full_site, code, path)
        here = (full_site / ("" if code == "en" else code) / path).parent
        switcher = {lang: href for href, lang in re.findall(r'href="([^"]+)" hreflang="([\w-]+)"[^>]*data-language-switch', page)}
        assert set(switcher) == set(LANGUAGES), code
        for other, href in switcher.items():
            target = (here / href).resolve()
            expected = (full_site / ("" if other == "en" else other) / path).resolve()
            assert target == expected, (code, other, href)


def test_translated_pages_show_the_notice_and_the_english_guideline_text(full_site, content):
    task = content.task_by_id["3.2"]
    for code in TRANSLATED:
        page = html(full_site, code, "steps/3.html")
        assert 'class="i18n-notice"' in page, code
        assert task.title.split()[0] in page
    assert 'class="i18n-notice"' not in html(full_site, "en", "steps/3.html")


def test_official_translation_overlay_replaces_exactly_the_units_it_covers(full_site, content):
    iv1 = html(full_site, "ur", "cases/iv-1.html")
    assert "آزمائشی پیراگراف ایک" in iv1 and content.case_by_id["IV.1"].title not in iv1
    assert "official translation" in iv1
    iv2 = article(html(full_site, "ur", "cases/iv-2.html"))
    assert content.case_by_id["IV.2"].title in iv2 and "آزمائشی" not in iv2
    assert "shown in English" in iv2
    for code in LANGUAGES:
        if code != "ur":
            assert "آزمائشی" not in article(html(full_site, code, "cases/iv-1.html")), code
    data = json.loads((full_site / "ur" / "guidelines.json").read_text(encoding="utf-8"))
    assert data["official_translation"] == ["case:IV.1"]




@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_says_its_language_and_direction(full_site, code):
    """Every page of a language names it on <html lang> and its writing direction on <body dir>
    (Material's place for it), right to left for the Urdu test overlay: a screen reader speaks
    the page in that language, and the browser lays it out that way."""
    language = {lang.code: lang for lang in i18n.all_languages(FIXTURE)}[code]
    root = full_site / ("" if code == "en" else code)
    wrong = []
    for page in sorted(root.rglob("*.html")):
        rel = page.relative_to(root)
        if code == "en" and rel.parts[0] in LANGUAGES:
            continue
        text = page.read_text(encoding="utf-8")
        marks = (re.search(r"<html\b[^>]*\blang=\"([^\"]*)\"", text), re.search(r"<body\b[^>]*\bdir=\"([^\"]*)\"", text))
        found = tuple(m.group(1) if m else None for m in marks)
        if found != (code, language.direction):
            wrong.append(f"{rel}: lang, dir = {found}")
    assert not wrong, f"{code}: expected lang={code!r} dir={language.direction!r}:\n" + "\n".join(wrong[:10])


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_translations_page_says_how_each_language_was_made_and_reviewed(full_site, code):
    """Per language, in the page's language: how its strings were made (languages.yml, `made`)
    and how many a person has reviewed; a language with no catalogue (the test overlay's Urdu)
    says its interface is English."""
    tr = i18n.translator(i18n.Language(code, code, code)) if code not in ("en", "ur") else i18n.ENGLISH
    page = article(html(full_site, code, "translations.html"))
    rows = {m.group(1): m.group(2) for m in re.finditer(r'<tr><th scope="row" lang="([\w-]+)">.*?</th>(.*?)</tr>', page)}
    said = {"source": "written in English by the toolkit: the source",
            "machine": "machine translation by the toolkit, checked by a program against the termbase",
            None: "no catalogue: the interface is in English"}
    for lang in i18n.all_languages(FIXTURE):
        cells = re.findall(r"<td>(.*?)</td>", rows[lang.code])
        assert tr.gettext(said[lang.made]) in cells[2], (lang.code, cells)
        status = i18n.status(lang) if not lang.official_only else None
        if status is not None:
            assert cells[3] == f"{status.reviewed} ({status.reviewed_percent}%)", (lang.code, cells)
