"""Everything the toolkit says is in the page's language, in a browser set to English: the
controls, choices, statuses and messages of the tools, the dates and the checklist PDFs. The
publication's text stays English and says so (lang="en"), which is what lets a page hold it.
The Word and Excel files and the lang marks in the built pages: tests/build/test_translated_files.py.

All on the published build of every language (conftest.py's `full_site`); the English a page
must not show is the catalogue's: every English text of ours that the language translates
differently (translations/toolkit.pot and the language's .po file)."""
from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime
from functools import cache

import pytest
import yaml
from babel.messages.pofile import read_po

from macros.outputs.pdf import print_pack
from macros.site import i18n
from macros.site.storage import assessment_tool, contract

TRANSLATED = [lang.code for lang in i18n.catalogue_languages() if lang.code != i18n.SOURCE]
# The self-assessment's keys in the data layer (macros/site/storage.json).
ANSWERS = contract()["data_prefix"] + assessment_tool() + "/"
STORED = "([prefix, text]) => Object.keys(localStorage).some(k => k.startsWith(prefix) && localStorage.getItem(k).includes(text))"
# A next action and a row typed with no English word in them: whatever English a page shows is its own.
ACTION = "№ 42"
# Words of ours that stay as they are in every language (formats, units, the toolkit's name).
KEPT = re.compile(r"Partnering Guidelines|US Letter|schema_version")
LATIN_WORDS = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'’-]+[A-Za-z]{2,})+")
# Scripts that write no Latin letters: any two English words running on are English.
NOT_LATIN = {"th", "ru", "zh"}


def _pattern(text: str) -> str:
    """A message as a pattern: its words as written, each placeholder standing for anything."""
    return re.sub(r"\\\{\w+\\\}|%\\\(\w+\\\)s", ".+?", re.escape(" ".join(text.split())))


@cache
def english_of(code: str) -> tuple[re.Pattern[str], re.Pattern[str], list[tuple[re.Pattern[str], re.Pattern[str]]]]:
    """What a page in `code` must not show: each English text of ours that the catalogue of `code`
    translates differently. A pattern of them all matching a whole text, one finding a longer
    sentence inside a status that joins several, and each (English, translation) pair: a text
    its translation matches too ("Module A : Étapes 1, 2" is French for "Module {id}: {title}")
    is the language's."""
    with (i18n.TRANSLATIONS / f"{code}" / "LC_MESSAGES" / "toolkit.po").open("rb") as fh:
        catalogue = read_po(fh)
    pairs, inside = [], []
    for message in catalogue:
        english, translated = message.id, message.string
        if not english or not isinstance(english, str) or not translated or translated == english:
            continue
        words = re.sub(r"\{\w+\}|%\(\w+\)s", " ", english)
        if not re.search(r"[A-Za-z]{2,}", words):
            continue
        pairs.append((re.compile(_pattern(english)), re.compile(_pattern(translated))))
        if len(words.split()) >= 3:
            inside.append(_pattern(english))
    whole = re.compile("|".join(f"(?:{e.pattern})" for e, _ in pairs))
    return whole, re.compile("|".join(f"(?:{p})" for p in inside)), pairs


# What a user sees of the page's controls, labels, choices, headings of tables and messages:
# each element's text without the text of the publication inside it (marked lang="en"), and
# the names controls are given (aria-label, title, placeholder).
SHOWN = """() => {
  const sel = 'button, label, option, th, td, li, caption, summary, legend, [role=status], [role=alert], [aria-live], '
    + '.ws-status, .assessment-message, .plan-reset, .checklist-english, h1, h2, h3';
  const english = n => { const h = n.closest('[lang]'); return !!h && h.lang.toLowerCase().startsWith('en'); };
  const visible = el => { const box = el.tagName === 'OPTION' ? el.closest('select') : el;
                          return !!box && box.getClientRects().length > 0 && getComputedStyle(box).visibility !== 'hidden'; };
  const out = [];
  for (const el of document.querySelectorAll('.md-content ' + sel.split(', ').join(', .md-content '))) {
    if (!visible(el)) continue;
    let text = '';
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) if (!english(n.parentElement) && !n.parentElement.closest('code')) text += n.textContent;
    text = text.replace(/\\s+/g, ' ').trim();
    if (text) out.push(['text', el.tagName.toLowerCase(), text]);
    // Each piece of its own text too: a button's label beside a hidden word of its name.
    for (const n of el.childNodes) {
      const piece = n.nodeType === Node.TEXT_NODE ? n.textContent.replace(/\\s+/g, ' ').trim() : '';
      if (piece && piece !== text && !english(el)) out.push(['piece', el.tagName.toLowerCase(), piece]);
    }
  }
  for (const el of document.querySelectorAll('.md-content [aria-label], .md-content [title], .md-content [placeholder]')) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value && !english(el)) out.push([name, el.tagName.toLowerCase(), value.replace(/\\s+/g, ' ').trim()]);
    }
  }
  return out;
}"""


def english_shown(page, code: str, where: str) -> list[str]:
    whole, inside, pairs = english_of(code)
    found = []
    for kind, tag, text in page.evaluate(SHOWN):
        loose = KEPT.sub(" ", text)
        english = whole.fullmatch(text) and any(e.fullmatch(text) and not t.fullmatch(text) for e, t in pairs)
        if english or inside.search(text):
            found.append(f"{where}: <{tag}> {kind}: {text[:160]}")
        elif kind == "text" and code in NOT_LATIN and LATIN_WORDS.search(loose):
            found.append(f"{where}: <{tag}> English words: {text[:160]}")
    return found


def bad_file(tmp_path, name: str = "x.json"):
    path = tmp_path / name
    path.write_text("{ not json", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("code", TRANSLATED)
def test_no_english_in_a_browser_set_to_english(browser, full_server, tmp_path, code):
    """Two checks of what a translated page shows a browser set to English, on one walk through
    the pages, each page loaded once for both (TESTING.md: checks that share a page load):

    - no text of ours in the catalogue's English (`english_shown`): the self-assessment with an
      answer and a next action, its results and report; a worksheet with a row added (its
      choices), a refused import, an import that keeps an earlier version; the action plan
      listing the next action (its statuses) and refusing a file; two checklists; a link copied;
    - no visible control saying its English msgid (`english_controls`) on any page of WALKED:
      buttons, labels, options, links, tags, the chart's labels, and every aria-label, title,
      placeholder and alt, unless the publication's English (inside lang="en") or a proper name.
      A tool's page is read as the walk leaves it before anything is refused or imported: an
      answer given, the chart drawn, a worksheet's row added."""
    context = browser.new_context(locale="en-US", timezone_id="America/New_York", accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    base = f"{full_server}/{code}/"
    shown: list[str] = []
    controls: list[str] = []
    walked: list[str] = []

    def read_controls(path: str) -> None:
        controls.extend(english_controls(page, code, path))
        walked.append(path)

    try:
        page.goto(base + "assessment/module-a.html")
        question = page.locator("[data-question]").first
        question.locator("input[type=radio]").first.check()
        page.wait_for_function(STORED, arg=[ANSWERS, ""])
        read_controls("assessment/module-a.html")
        question.locator("summary").click()
        question.locator("[data-field=action]").fill(ACTION)
        page.wait_for_function(STORED, arg=[ANSWERS, ACTION])
        shown += english_shown(page, code, "assessment/module-a.html")
        page.locator("[data-send-make]").click()
        page.goto(page.locator("#send-link").input_value())   # group scoring: the link opened on the facilitator's device
        page.wait_for_selector("#group-figures table")
        shown += english_shown(page, code, "assessment/group.html, a round")

        page.goto(base + "assessment/index.html")
        page.wait_for_selector("#assessment-results svg.assessment-chart text")
        read_controls("assessment/index.html")
        page.locator("#assessment-import").set_input_files(bad_file(tmp_path))
        page.wait_for_selector("#assessment-import-result:not([hidden])")
        shown += english_shown(page, code, "assessment/index.html")
        page.goto(base + "assessment/report.html")
        page.wait_for_selector("#assessment-report table")
        shown += english_shown(page, code, "assessment/report.html")
        read_controls("assessment/report.html")

        page.goto(base + "worksheets/stakeholder-map.html")
        page.locator("[data-add-row=inventory]").click()
        page.wait_for_selector("#ws-inventory tbody tr select")
        read_controls("worksheets/stakeholder-map.html")
        row = page.locator("#ws-inventory tbody tr").first
        row.locator("[data-cell=partner] input").fill(ACTION)
        row.locator("[data-cell=type] select").select_option("Government")
        page.wait_for_function("() => document.getElementById('ws-status').textContent.trim() !== ''")
        with page.expect_download() as download:
            page.locator("[data-export-json]").click()
        exported = tmp_path / "sheet.json"
        download.value.save_as(exported)
        page.locator("[data-import-json]").set_input_files(bad_file(tmp_path))
        page.wait_for_selector("#ws-status.ws-status--problem")
        shown += english_shown(page, code, "worksheets/stakeholder-map.html, a refused import")
        page.locator("[data-import-json]").set_input_files(str(exported))
        page.locator("[data-import-mode=replace]").click()
        page.locator(".ws-history summary").click()
        page.wait_for_selector("[data-history] tbody tr")
        shown += english_shown(page, code, "worksheets/stakeholder-map.html")

        page.goto(base + "action-plan.html")
        page.wait_for_selector("#plan-table tbody tr select")
        read_controls("action-plan.html")
        page.locator("[data-import-plan]").set_input_files(bad_file(tmp_path))
        page.wait_for_selector("#ws-status.ws-status--problem")
        shown += english_shown(page, code, "action-plan.html")

        for path in ("checklists/index.html", "checklists/module-b.html"):
            page.goto(base + path)
            shown += english_shown(page, code, path)
            read_controls(path)

        page.goto(base + "links.html")
        read_controls("links.html")
        page.locator("button.copy-link").first.click()
        page.wait_for_function("() => document.getElementById('copy-status').textContent !== ''")
        shown += english_shown(page, code, "links.html, a link copied")

        for path in [p for p in WALKED if p not in walked]:
            page.goto(base + path)
            read_controls(path)
    finally:
        context.close()
    assert sorted(walked) == sorted(WALKED), walked
    problems = []
    if shown:
        problems.append(f"{code}: English on a page in another language:\n" + "\n".join(shown))
    if controls:
        problems.append(f"{code}: controls in English on a page in another language:\n" + "\n".join(controls))
    assert not problems, "\n\n".join(problems)


def test_a_thai_page_dates_as_thai_does_in_a_browser_set_to_english(browser, full_server):
    """The Thai calendar's year (the Buddhist era: 2026 is 2569) and a Thai month, not 12/5/2026."""
    context = browser.new_context(locale="en-US", timezone_id="UTC")
    page = context.new_page()
    try:
        page.goto(f"{full_server}/th/assessment/module-a.html")
        page.locator("[data-question] input[type=radio]").first.check()
        page.wait_for_function(STORED, arg=[ANSWERS, ""])
        page.reload()
        status = page.locator("#assessment-status")
        page.wait_for_function("() => !document.getElementById('assessment-status').classList.contains('assessment-status--loading')")
        text = status.inner_text()
    finally:
        context.close()
    today = datetime.now(UTC)
    assert str(today.year + 543) in text, text
    assert re.search(r"[ก-๙]+\.[ก-๙]+\.", text), f"no Thai month in {text!r}"
    assert f"{today.month}/{today.day}/{today.year}" not in text, text


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_checklist_pdf_is_in_its_language(browser, full_site, content, tmp_path, code):
    """Printed from the language's own page as the build prints its pack (one file of it here):
    our labels in the language, the publication's items in English, and a line saying why."""
    tr = i18n.translator(i18n.Language(code, code, code))
    # The language's site as it is built, printed into a folder of this test's own (links to
    # the shared build), not into the build every test shares.
    built, folder = full_site / code, tmp_path / code
    # The pack prints into checklists/pdf/ and facilitator/pdf/: both real folders here.
    printed_into = ("checklists", "facilitator")
    folder.mkdir(parents=True)
    for entry in built.iterdir():
        if entry.name not in printed_into:
            (folder / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    for sub in printed_into:
        (folder / sub).mkdir(parents=True, exist_ok=True)
        for entry in (built / sub).iterdir():
            if entry.name != "pdf":
                (folder / sub / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    one = content.checklists.model_copy(update={"pack": [e for e in content.checklists.pack if e.id == "module-b"],
                                                "page_sizes": ["A4"]})
    [pdf] = [p for p in print_pack(folder, one, browser) if "checklists" in p.parts]
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    expected = [tr.data("checklists", "Partnership"), tr.data("checklists", "Notes"), tr.data("checklists", "By when"),
                " ".join(tr.gettext("The guideline text is shown in English, the language of the publication: its "
                                    "publishers have not published a translation.").split()[:3])]
    for label in expected:
        assert " ".join(label.split()) in text, (code, label)
    for english in ("Partnership:", "By when", "Guidance for task"):
        assert english not in text, (code, english)
    assert "Prepared a detailed plan of the components" in text   # the publication's item, as written


@cache
def english_msgids(code: str) -> frozenset[str]:
    """Every English text of the catalogue (interface and data: "Show all", "trust", "Mongolia")
    that `code` translates otherwise; a text its translation keeps as it is ("PDF") is the
    language's too."""
    with (i18n.TRANSLATIONS / code / "LC_MESSAGES" / "toolkit.po").open("rb") as fh:
        catalogue = read_po(fh)
    return frozenset(" ".join(m.id.split()) for m in catalogue
                     if isinstance(m.id, str) and m.id and m.string and m.string != m.id)


# Proper names kept in every language: the termbase's names (the toolkit's name, ESCAP...).
NAMES = frozenset(" ".join(n.split()) for entry in
                  yaml.safe_load((i18n.TRANSLATIONS / "terms.yml").read_text(encoding="utf-8"))["names"]
                  for n in str(entry).split(", "))

# Each visible control's text and each piece of it, and the names controls are given, anywhere
# on the page (Material's header and menus too); text inside an element marked lang="en", the
# publication's own English (or a language menu's "English"), is set aside.
CONTROLS = """() => {
  // getAttribute: an SVG <tspan lang="en"> has no .lang property.
  const english = n => { const h = n && n.closest('[lang]'); return !!h && h.getAttribute('lang').toLowerCase().startsWith('en'); };
  const visible = el => { const box = el.tagName === 'OPTION' ? el.closest('select') : el;
    return !!box && box.getClientRects().length > 0 && getComputedStyle(box).visibility !== 'hidden'; };
  const clean = s => s.replace(/\\s+/g, ' ').trim();
  const out = [];
  const sel = 'button, label, option, summary, legend, caption, th, a, [role=button], .tag, svg text';
  for (const el of document.querySelectorAll(sel)) {
    if (!visible(el)) continue;
    let text = '';
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (english(n.parentElement)) continue;
      text += n.textContent;
      out.push([el.tagName.toLowerCase(), 'piece', clean(n.textContent)]);
    }
    out.push([el.tagName.toLowerCase(), 'text', clean(text)]);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    if (english(el)) continue;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = el.getAttribute(name);
      if (value) out.push([el.tagName.toLowerCase(), name, clean(value)]);
    }
  }
  return out.filter(([, , text]) => text);
}"""

# One of each kind of page a reader meets; the tools with something in them (an answer, a row).
WALKED = ["index.html", "modules/c.html", "steps/3.html", "cases/index.html", "cases/iv-11.html",
          "assessment/module-a.html", "assessment/index.html", "assessment/report.html",
          "worksheets/stakeholder-map.html", "action-plan.html", "checklists/index.html",
          "checklists/module-b.html", "glossary.html", "links.html", "download.html", "translations.html"]


def english_controls(page, code: str, where: str) -> list[str]:
    """The visible controls of the page that say the English text of a catalogue entry `code`
    translates."""
    english = english_msgids(code) - NAMES
    return sorted({f"{where}: <{tag}> {kind}: {text!r}" for tag, kind, text in page.evaluate(CONTROLS) if text in english})
