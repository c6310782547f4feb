"""No answer is ever lost: two tabs, the Back button with the back-forward cache on, imports,
start over, full storage, earlier versions. Chromium with its back-forward cache enabled (as in
every real browser; Playwright turns it off by default), over http:// and file://. What is
stored is read by the tests themselves (tests/stored.py: the data layer's keys), not by the
page's code."""
from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest
from conftest import one_way_in
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from stored import ASSESSMENT_PREFIX, NEWEST_IS, organisation
from stored import answers as stored_answers
from two_tabs import check_stale, stale_ms

from macros.site import storage

LEGACY = storage.legacy_assessment_key()     # where the assessment's own store kept its answers
Q1, Q2, QB, QB2 = "q-1.1-1", "q-1.2-1", "q-4.1-1", "q-4.1-2"
RESTORED = "window.__restored = window.__restored || 0; addEventListener('pageshow', e => { if (e.persisted) window.__restored += 1; });"
# Fills this origin's localStorage to the last character with one filler key (halving steps).
FILL = """() => {
  let have = '';
  for (let n = 1 << 23; n >= 1; n >>= 1) {
    try { localStorage.setItem('filler', have + 'x'.repeat(n)); have += 'x'.repeat(n); } catch (e) { /* too big: try half */ }
  }
  try { localStorage.setItem('filler-probe', '1'); return -1; } catch (e) { return have.length; }
}"""


@pytest.fixture(scope="module")
def question_ids(content):
    from macros.site.assessment import questions

    return sorted(q.id for _, q in questions(content))


@pytest.fixture
def context(request, browser):
    """A tab's browser: the full one with its back-forward cache for tests marked
    back_forward_cache, the lighter headless shell for the rest."""
    if request.node.get_closest_marker("back_forward_cache"):
        browser = request.getfixturevalue("bfcache_browser")
    ctx = browser.new_context(accept_downloads=True)
    ctx.add_init_script(RESTORED)
    ctx.on("page", lambda p: p.on("dialog", lambda d: d.accept()))
    yield ctx
    ctx.close()


STORED_IS = NEWEST_IS
KEY = ASSESSMENT_PREFIX       # what STORED_IS reads: the assessment's fields in the data layer


def stored(page) -> dict:
    return stored_answers(page)


def eventually(page, check, what, timeout=15.0):
    """Poll what is stored (read by the test, not by the page) until check() holds; `what`
    (text, or a function giving it) says what failed."""
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            pytest.fail(what() if callable(what) else what)
        page.wait_for_timeout(100)


def value_of(page, qid):
    return page.evaluate(f"(() => {{ const r = document.querySelector(\"input[name='{qid}']:checked\"); return r ? r.value : null; }})()")


def note_of(page, qid):
    return page.locator(f"[data-question='{qid}'] [data-field=note]").input_value()


def answer(page, qid, value):
    page.locator(f"input[name='{qid}'][value='{value}']").check()
    page.wait_for_function(STORED_IS, arg=[KEY, qid, "value", value])


def open_notes(page, qid):
    """A question's note and next action are behind a disclosure; open it as a user would."""
    details = page.locator(f"[data-question='{qid}'] details")
    if details.get_attribute("open") is None:
        details.locator("summary").click()


def note(page, qid, text):
    open_notes(page, qid)
    page.locator(f"[data-question='{qid}'] [data-field=note]").fill(text)
    page.wait_for_function(STORED_IS, arg=[KEY, qid, "note", text])


def shows(page, qid, value):
    page.wait_for_function("([q, v]) => { const r = document.querySelector(`input[name='${q}']:checked`); return (r ? r.value : null) === v; }",
                           arg=[qid, value])


def shows_note(page, qid, text):
    page.wait_for_function("([q, t]) => document.querySelector(`[data-question='${q}'] [data-field=note]`).value === t", arg=[qid, text])


def export(page) -> dict:
    """The JSON export, from the Results page or from the status's 'Export answers now'."""
    button = page.locator("#assessment-export-json, #assessment-status .assessment-export-now").first
    with page.expect_download() as info:
        button.click()
    return json.loads(Path(info.value.path()).read_text(encoding="utf-8"))


def file_with(tmp_path, name, answers, **extra):
    data = {"format": "partnering-guidelines-assessment", "schema_version": 1, "organisation": extra.pop("organisation", name),
            "answers": answers, **extra}
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def import_file(page, path, mode=None):
    page.locator("#assessment-import").set_input_files(str(path))
    if mode:
        page.locator(f"#assessment-import-{mode}").click()
    page.wait_for_selector("#assessment-import-result:not([hidden])")
    return page.locator("#assessment-import-result").inner_text()


def back(page, base):
    page.go_back(wait_until="commit")
    page.wait_for_function("() => document.readyState === 'complete' && document.querySelector('.assessment--ready')")


def forward(page, base):
    page.go_forward(wait_until="commit")
    page.wait_for_function("() => document.readyState === 'complete' && document.querySelector('.assessment--ready')")


def assert_restored_from_cache(page, base, times):
    """Over http the page must come from the back-forward cache, or the test proves nothing.
    Chromium never caches file:// pages (blocking reason SchemeNotHTTPOrHTTPS): they reload."""
    expected = times if base.startswith("http") else 0
    assert page.evaluate("window.__restored") == expected


@pytest.mark.back_forward_cache
def test_back_forward_cache_is_really_on(context, server):
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    page.evaluate("window.__marker = 'still here'")
    page.goto(f"{server}/assessment/module-b.html")
    back(page, server)
    assert page.evaluate("window.__marker") == "still here" and page.evaluate("window.__restored") == 1


def test_two_tabs_on_the_same_module(context, base):
    a, b = context.new_page(), context.new_page()
    a.goto(f"{base}/assessment/module-a.html")
    b.goto(f"{base}/assessment/module-a.html")
    answer(a, Q1, "partly")
    answer(b, Q2, "fully")                     # b loaded before a answered: it must not write a stale copy
    note(a, Q2, "note from tab a")
    note(b, Q1, "note from tab b")
    shows(a, Q2, "fully")
    shows(b, Q1, "partly")
    shows_note(a, Q1, "note from tab b")      # live, however late the other tab's write arrives
    shows_note(b, Q2, "note from tab a")
    answers = stored(a)
    assert answers[Q1]["value"] == "partly" and answers[Q1]["note"] == "note from tab b"
    assert answers[Q2]["value"] == "fully" and answers[Q2]["note"] == "note from tab a"
    assert "Saved" in a.locator("#assessment-status").inner_text()
    assert "2 of" in a.locator("#assessment-progress").inner_text()


def test_two_tabs_on_different_modules(context, base):
    a, b = context.new_page(), context.new_page()
    a.goto(f"{base}/assessment/module-a.html")
    b.goto(f"{base}/assessment/module-b.html")
    a.locator("#assessment-organisation").fill("Ministry")
    answer(a, Q1, "partly")
    answer(b, QB, "fully")
    answer(a, Q2, "not-in-place")
    note(b, QB2, "B's note")
    answer(a, Q1, "fully")
    a.wait_for_timeout(400)
    answers = stored(b)
    assert {q: answers[q]["value"] for q in (Q1, Q2, QB)} == {Q1: "fully", Q2: "not-in-place", QB: "fully"}
    assert answers[QB2]["note"] == "B's note"
    assert b.locator("#assessment-organisation").input_value() == "Ministry"
    b.goto(f"{base}/assessment/index.html")
    data = export(b)
    assert data["organisation"] == "Ministry" and data["answers"][QB2]["note"] == "B's note" and data["answers"][Q1]["value"] == "fully"


def test_import_in_one_tab_with_a_form_open_in_another(context, base, tmp_path):
    form, home = context.new_page(), context.new_page()
    form.goto(f"{base}/assessment/module-a.html")
    answer(form, Q1, "partly")
    note(form, Q2, "mine")
    home.goto(f"{base}/assessment/index.html")
    newer = file_with(tmp_path, "newer.json", {Q1: {"value": "fully", "updated": "2099-01-01T00:00:00Z"}, QB: {"value": "partly"}})
    text = import_file(home, newer, "combine")
    assert "1 new answer added" in text and f"Both had an answer to {Q1}: kept the file's (newer)" in text
    shows(form, Q1, "fully")                   # live in the other tab
    answer(form, Q2, "partly")
    answers = stored(form)
    assert answers[QB]["value"] == "partly" and answers[Q1]["value"] == "fully" and answers[Q2]["note"] == "mine"
    other = file_with(tmp_path, "other.json", {Q2: {"value": "not-applicable"}})
    text = import_file(home, other, "replace")
    assert "Replaced your answers" in text
    shows(form, Q1, None)
    shows(form, Q2, "not-applicable")
    shows_note(form, Q2, "")
    rows = home.locator("#assessment-snapshots tbody tr")
    assert rows.count() == 2
    assert "Before replacing with other.json" in rows.nth(0).inner_text() and "3" in rows.nth(0).inner_text()


def test_start_over_in_one_tab_is_honoured_by_the_other(context, base):
    form, home = context.new_page(), context.new_page()
    form.goto(f"{base}/assessment/module-a.html")
    answer(form, Q1, "partly")
    answer(form, Q2, "fully")
    home.goto(f"{base}/assessment/index.html")
    home.locator("#assessment-start-over").click()
    home.wait_for_function("() => document.getElementById('assessment-status').textContent.startsWith('All answers were removed')")
    shows(form, Q1, None)
    shows(form, Q2, None)
    answer(form, "q-1.1-2", "partly")
    assert set(stored(form)) == {"q-1.1-2"}    # the deleted answers did not come back
    home.bring_to_front()
    row = home.locator("#assessment-snapshots tbody tr").first
    row.wait_for()
    assert "Before starting over" in row.inner_text() and "2" in row.inner_text()


@pytest.mark.back_forward_cache
def test_back_and_forward_between_modules_while_answering(context, base):
    page, other = context.new_page(), context.new_page()
    page.goto(f"{base}/assessment/module-a.html")
    answer(page, Q1, "partly")
    page.goto(f"{base}/assessment/module-b.html")
    answer(page, QB, "fully")
    other.goto(f"{base}/assessment/all.html")
    answer(other, Q1, "not-in-place")
    note(other, QB, "given elsewhere")
    back(page, base)                            # module A comes back with its old memory
    assert_restored_from_cache(page, base, 1)
    shows(page, Q1, "not-in-place")            # re-read, not the old copy
    answer(page, Q2, "fully")
    forward(page, base)
    assert_restored_from_cache(page, base, 1)   # counted per page: module B's first return
    shows_note(page, QB, "given elsewhere")
    answer(page, QB2, "partly")
    back(page, base)
    assert_restored_from_cache(page, base, 2)
    assert value_of(page, Q2) == "fully"
    answer(page, Q1, "fully")
    answers = stored(page)
    assert {q: answers[q]["value"] for q in (Q1, Q2, QB, QB2)} == {Q1: "fully", Q2: "fully", QB: "fully", QB2: "partly"}
    assert answers[QB]["note"] == "given elsewhere"
    other.goto(f"{base}/assessment/index.html")
    data = export(other)
    assert data["answers"][QB]["note"] == "given elsewhere" and data["answers"][QB2]["value"] == "partly"


def fill_storage(page):
    assert page.evaluate(FILL) > 0, "could not fill localStorage to its quota"


def test_storage_full_at_open_and_while_answering(context, base):
    page = context.new_page()
    page.goto(f"{base}/assessment/module-a.html")
    answer(page, Q1, "partly")
    note(page, Q2, "stored before the disk filled")
    fill_storage(page)
    page.goto(f"{base}/assessment/module-b.html")
    page.goto(f"{base}/assessment/module-a.html")
    assert value_of(page, Q1) == "partly" and note_of(page, Q2) == "stored before the disk filled"
    assert "storage is full" in page.locator("#assessment-status").inner_text()
    page.locator(f"input[name='{Q2}'][value='fully']").check()
    page.wait_for_function("() => document.getElementById('assessment-status').textContent.includes('could NOT be saved')")
    assert value_of(page, Q2) == "fully"
    data = export(page)                        # what is stored and what could not be stored yet
    assert data["answers"][Q1]["value"] == "partly" and data["answers"][Q2] == {**data["answers"][Q2], "value": "fully", "note": "stored before the disk filled"}
    page.evaluate("localStorage.removeItem('filler')")
    answer(page, "q-1.1-2", "partly")
    answers = stored(page)
    assert answers[Q2]["value"] == "fully" and answers[Q1]["value"] == "partly"   # the unsaved change was kept and saved


def test_storage_full_at_import_and_start_over_refuses_and_offers_export(context, base, tmp_path):
    page = context.new_page()
    page.goto(f"{base}/assessment/module-a.html")
    answer(page, Q1, "partly")
    page.goto(f"{base}/assessment/index.html")
    fill_storage(page)
    page.reload()
    incoming = file_with(tmp_path, "incoming.json", {Q1: {"value": "fully"}, QB: {"value": "fully"}})
    for mode in ("replace", "combine"):
        text = import_file(page, incoming, mode)
        assert "Nothing was imported; your answers are unchanged." in text and "storage is full" in text and "Export your answers" in text
        assert stored(page)[Q1]["value"] == "partly"
        assert page.locator("#assessment-import-result .assessment-export-now").count() == 1
    page.locator("#assessment-start-over").click()
    page.wait_for_function("() => document.getElementById('assessment-import-result').textContent.includes('Nothing was removed')")
    assert stored(page)[Q1]["value"] == "partly"
    with page.expect_download() as info:
        page.locator("#assessment-import-result .assessment-export-now").click()
    assert json.loads(Path(info.value.path()).read_text(encoding="utf-8"))["answers"][Q1]["value"] == "partly"


def test_import_twice_and_restore_each_snapshot(context, base, tmp_path):
    page = context.new_page()
    page.goto(f"{base}/assessment/module-a.html")
    page.locator("#assessment-organisation").fill("Original")
    answer(page, Q1, "partly")
    page.goto(f"{base}/assessment/index.html")
    import_file(page, file_with(tmp_path, "first.json", {Q1: {"value": "fully"}, Q2: {"value": "fully"}}, organisation="First"), "replace")
    import_file(page, file_with(tmp_path, "second.json", {Q1: {"value": "not-in-place"}}, organisation="Second"), "replace")
    rows = page.locator("#assessment-snapshots tbody tr")
    assert rows.count() == 2
    assert [rows.nth(i).locator("td").nth(1).inner_text() for i in range(2)] == ["First", "Original"]
    assert [rows.nth(i).locator("td").nth(2).inner_text() for i in range(2)] == ["2", "1"]
    with page.expect_download() as info:
        rows.nth(1).locator("[data-download]").click()
    assert json.loads(Path(info.value.path()).read_text(encoding="utf-8"))["organisation"] == "Original"

    rows.nth(1).locator("[data-restore]").click()                    # the answers before the first import
    page.wait_for_function("() => document.getElementById('assessment-import-result').textContent.includes('Restored')")
    answers = stored(page)
    assert answers[Q1]["value"] == "partly" and Q2 not in answers
    assert rows.count() == 3 and "Second" in rows.nth(0).inner_text()  # restoring kept what it replaced
    rows.filter(has_text="Before replacing with second.json").locator("[data-restore]").click()
    eventually(page, lambda: organisation(page) == "First", "the version before second.json was not restored")
    assert stored(page)[Q2]["value"] == "fully"
    assert rows.count() == 4
    rows.filter(has=page.get_by_role("cell", name="Second", exact=True)).locator("[data-restore]").click()  # what the first restore replaced: the second file
    eventually(page, lambda: organisation(page) == "Second", "what the first restore replaced was not restored")
    assert stored(page)[Q1]["value"] == "not-in-place"


def test_invalid_imported_answer_is_set_aside_alone(context, server, tmp_path):
    page = context.new_page()
    page.goto(f"{server}/assessment/index.html")
    text = import_file(page, file_with(tmp_path, "mixed.json", {Q1: {"value": ["fully"]}, Q2: {"value": "partly"}}))
    assert f"The answer to {Q1} was set aside" in text and "not on the scale" in text
    assert "Answers set aside" in page.locator("#assessment-results").inner_text()
    answers = stored(page)
    assert Q1 not in answers and answers[Q2]["value"] == "partly"
    data = export(page)
    assert data["set_aside"][0]["id"] == Q1 and data["set_aside"][0]["data"] == {"value": ["fully"]}
    page.goto(f"{server}/assessment/module-a.html")
    assert value_of(page, Q1) is None and value_of(page, Q2) == "partly"


def test_invalid_stored_answer_is_set_aside_and_the_rest_loads(context, base):
    page = context.new_page()
    page.goto(f"{base}/assessment/index.html")
    page.evaluate(f"""localStorage.setItem('{LEGACY}', JSON.stringify({{format: 'partnering-guidelines-assessment', schema_version: 1,
        answers: {{'{Q1}': {{value: 'maybe'}}, '{Q2}': {{value: 'fully', note: 'still here'}}}}}}))""")
    page.goto(f"{base}/assessment/module-a.html")
    assert value_of(page, Q2) == "fully" and note_of(page, Q2) == "still here"
    assert "set aside" in page.locator("#assessment-status").inner_text()
    answer(page, "q-1.1-2", "partly")
    page.goto(f"{base}/assessment/index.html")
    assert "maybe" in page.locator("#set-aside + p + .assessment-table-wrap table").inner_text()
    assert "setting aside" in page.locator("#assessment-snapshots").inner_text()


def test_the_old_kept_copy_becomes_an_earlier_version(context, base):
    page = context.new_page()
    page.goto(f"{base}/assessment/index.html")
    old = json.dumps({"format": "partnering-guidelines-assessment", "schema_version": 1, "organisation": "Old org",
                      "answers": {Q1: {"value": "fully"}}})
    page.evaluate("([k, v]) => localStorage.setItem(k, v)",
                  [storage.contract()["legacy"]["assessment_kept"], json.dumps({"label": "answers before import", "when": "2025-05-01T10:00:00Z", "data": old})])
    page.reload()
    row = page.locator("#assessment-snapshots tbody tr").first
    assert "answers before import" in row.inner_text() and "Old org" in row.inner_text()
    assert page.evaluate("k => localStorage.getItem(k)", storage.contract()["legacy"]["assessment_kept"]) is None
    row.locator("[data-restore]").click()
    eventually(page, lambda: organisation(page) == "Old org", "the old kept copy was not restored")
    assert stored(page)[Q1]["value"] == "fully"


def test_persistence_and_export_reminder_are_stated(context, server):
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    answer(page, Q1, "partly")
    page.goto(f"{server}/assessment/index.html")
    privacy = page.locator("#privacy + ul").inner_text()
    assert "Safari" in privacy and "7 days" in privacy
    page.wait_for_function("() => document.getElementById('assessment-persist').textContent.length > 0")
    assert "keep this site's data" in page.locator("#assessment-persist").inner_text()
    assert "not exported" in page.locator("#assessment-backup").inner_text()
    export(page)
    assert "Last exported on" in page.locator("#assessment-backup").inner_text()
    page.goto(f"{server}/assessment/module-a.html")
    answer(page, Q1, "fully")
    page.goto(f"{server}/assessment/index.html")
    assert "changed since your last export" in page.locator("#assessment-backup").inner_text()


# --- a tab made stale on purpose (issue 20) ---------------------------------------------------
# A tab whose main thread is busy reads localStorage from its own copy, which other tabs' writes
# reach only once it is free again (STYLE.md). STALE_CLICK keeps a tab busy, then clicks in the
# same task: the click's write is made from the copy as it was when the tab became busy.
STALE_CLICK = """([prefix, selector, ms]) => {
  window.__staleRead = undefined;
  setTimeout(() => {
    const end = performance.now() + ms;
    while (performance.now() < end) { /* busy: other tabs' writes wait in the queue */ }
    window.__staleAt = Date.now();
    window.__staleRead = Object.keys(localStorage).filter(k => k.startsWith(prefix)).map(k => [k, localStorage.getItem(k)]);
    document.querySelector(selector).click();
  }, 0);
}"""
# A tab whose clock is three hours ahead of the others'.
CLOCK_AHEAD = """(() => {
  const Real = Date, shift = 3 * 3600 * 1000;
  class Ahead extends Real {
    constructor(...args) { if (args.length) super(...args); else super(Real.now() + shift); }
    static now() { return Real.now() + shift; }
  }
  window.Date = Ahead;
})();"""


def stale_click(page, selector, more_ms=0):
    """Make `page` stale (two_tabs.stale_ms(), plus `more_ms`), then click `selector` from its
    stale copy; returns at once."""
    page.evaluate(STALE_CLICK, [KEY, selector, stale_ms() + more_ms])


def stale_read(page, after_ms: float) -> dict:
    """Wait for the stale tab's click; the answers it had read. `after_ms` (Date.now() in another
    tab) must come before the click, or the test did not make the tab stale at the right time."""
    page.wait_for_function("() => window.__staleRead !== undefined")
    check_stale(page.evaluate("window.__staleAt"), after_ms)
    return stored_answers(page, page.evaluate("window.__staleRead"))


def stored_eventually(page, qid, field, value, why):
    try:
        page.wait_for_function(STORED_IS, arg=[KEY, qid, field, value], timeout=15000)
    except PlaywrightTimeout:
        pytest.fail(f"{why}: {field} of {qid} is {stored(page).get(qid)!r}, expected {value!r}")


def test_a_note_then_an_answer_on_one_question_survive_a_stale_tab(context, base):
    """Issue 20: a note saved, an answer clicked on the same question, then another tab's write
    from its stale copy: both are put back (the repair record keeps every field changed)."""
    a, b = context.new_page(), context.new_page()
    a.goto(f"{base}/assessment/module-a.html")
    b.goto(f"{base}/assessment/module-a.html")
    answer(a, Q2, "partly")
    shows(b, Q2, "partly")
    stale_click(b, "input[name='q-1.1-2'][value='fully']")
    note(a, Q1, "kept through a stale write")
    answer(a, Q1, "fully")
    seen = stale_read(b, a.evaluate("Date.now()"))
    assert Q1 not in seen and seen[Q2]["value"] == "partly"
    stored_eventually(a, Q1, "note", "kept through a stale write", "the note was not put back")
    stored_eventually(a, Q1, "value", "fully", "the answer was not put back")
    shows(b, Q1, "fully")
    answers = stored(b)
    assert answers["q-1.1-2"]["value"] == "fully" and answers[Q2]["value"] == "partly"
    b.wait_for_function(f"() => document.querySelector(\"[data-question='{Q1}'] [data-field=note]\").value === 'kept through a stale write'")


@pytest.mark.back_forward_cache
def test_a_page_restored_by_back_repairs_with_the_tabs_latest_changes(context, server):
    """A page the Back button restores keeps its old memory: it must not repair (or record)
    with the changes it left with, but with the ones its tab made since."""
    page, other = context.new_page(), context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    other.goto(f"{server}/assessment/module-a.html")
    note(page, Q1, "first")
    other.wait_for_function(STORED_IS, arg=[KEY, Q1, "note", "first"])
    page.goto(f"{server}/assessment/all.html")
    stale_click(other, "input[name='q-1.1-2'][value='fully']", more_ms=1500)
    note(page, Q1, "second")
    back(page, server)
    assert_restored_from_cache(page, server, 1)
    seen = stale_read(other, page.evaluate("Date.now()"))
    assert seen[Q1]["note"] == "first"
    stored_eventually(page, Q1, "note", "second", "the restored page put back its old note, or none")
    # The other tab's answer is stored once its busy time is over: it must arrive, never be lost.
    stored_eventually(page, "q-1.1-2", "value", "fully", "the other tab's answer, clicked while it was busy, is lost")


def test_an_import_in_a_tab_whose_clock_is_hours_ahead_does_not_outrank_later_work(context, server, tmp_path):
    """A replace stamped three hours ahead: a note given after it in another tab is still
    newer, and is put back when the tab ahead writes from its stale copy."""
    form, ahead = context.new_page(), context.new_page()
    ahead.add_init_script(CLOCK_AHEAD)
    form.goto(f"{server}/assessment/module-a.html")
    ahead.goto(f"{server}/assessment/index.html")
    answer(form, Q1, "partly")
    ahead.wait_for_function(STORED_IS, arg=[KEY, Q1, "value", "partly"])
    import_file(ahead, file_with(tmp_path, "ahead.json", {QB: {"value": "fully"}}), "replace")
    shows(form, Q1, None)
    ahead.goto(f"{server}/assessment/module-b.html")
    stale_click(ahead, f"input[name='{QB2}'][value='partly']")
    note(form, Q2, "after the import")
    seen = stale_read(ahead, form.evaluate("Date.now()"))
    assert Q2 not in seen and seen[QB]["value"] == "fully"
    stored_eventually(form, Q2, "note", "after the import", "the note given after the import was not put back")
    answers = stored(form)
    assert answers[QB]["value"] == "fully" and answers[QB2]["value"] == "partly" and Q1 not in answers


def test_a_replace_in_a_stale_tab_never_removes_what_it_had_not_seen(context, server, tmp_path):
    """A replace import in a tab that had not seen the last note: the file replaces what that tab
    had (kept as an earlier version, which restores), and the note it had not seen stays, shown
    in both tabs and exported."""
    form, home = context.new_page(), context.new_page()
    form.goto(f"{server}/assessment/module-a.html")
    home.goto(f"{server}/assessment/index.html")
    answer(form, Q1, "partly")
    home.wait_for_function(STORED_IS, arg=[KEY, Q1, "value", "partly"])
    home.locator("#assessment-import").set_input_files(str(file_with(tmp_path, "new.json", {QB: {"value": "fully"}})))
    home.locator("#assessment-import-replace").wait_for()
    stale_click(home, "#assessment-import-replace")
    note(form, Q1, "typed just before the replace")
    seen = stale_read(home, form.evaluate("Date.now()"))
    assert seen[Q1]["note"] == ""
    home.wait_for_selector("#assessment-import-result:not([hidden])")
    shows(form, Q1, None)
    assert note_of(form, Q1) == "typed just before the replace"
    stored_eventually(home, Q1, "note", "typed just before the replace", "the replace removed a note it had not seen")
    answers = stored(home)
    assert answers[QB]["value"] == "fully" and answers[Q1]["value"] is None
    home.reload()
    assert export(home)["answers"][Q1]["note"] == "typed just before the replace"
    rows = home.locator("#assessment-snapshots tbody tr")
    assert rows.count() == 1 and "Before replacing with new.json" in rows.first.inner_text()
    with home.expect_download() as info:
        rows.first.locator("[data-download]").click()
    assert json.loads(Path(info.value.path()).read_text(encoding="utf-8"))["answers"][Q1]["value"] == "partly"
    rows.first.locator("[data-restore]").click()
    home.wait_for_function(STORED_IS, arg=[KEY, Q1, "value", "partly"])
    shows(form, Q1, "partly")
    # The restore replaced the note too (it is the answers as they were): kept, as an earlier version.
    with home.expect_download() as info:
        rows.filter(has_text="Before restoring").locator("[data-download]").click()
    assert json.loads(Path(info.value.path()).read_text(encoding="utf-8"))["answers"][Q1]["note"] == "typed just before the replace"


STALE_TYPE = """([selector, text, ms]) => {
  window.__staleTyped = undefined;
  setTimeout(() => {
    const end = performance.now() + ms;
    while (performance.now() < end) { /* busy */ }
    const el = document.querySelector(selector);
    el.value = text;
    el.dispatchEvent(new Event('input', {bubbles: true}));
    el.dispatchEvent(new Event('change', {bubbles: true}));
    window.__staleTyped = Date.now();
  }, 0);
}"""


def conflict_beside(page, selector) -> str:
    box = page.locator(selector).locator("xpath=following-sibling::div[contains(@class, 'dl-conflict')][1]")
    return box.inner_text() if box.count() else ""


def test_the_same_answer_and_note_changed_in_two_tabs_at_once_are_both_kept_and_shown(context, base):
    """Both tabs change Q1's answer and note, one from a stale copy: both versions are kept, each
    tab shows the newest with the other beside it and a choice; choosing resolves it everywhere."""
    a, b = context.new_page(), context.new_page()
    a.goto(f"{base}/assessment/module-a.html")
    b.goto(f"{base}/assessment/module-a.html")
    answer(a, Q1, "partly")
    note(a, Q1, "first note")
    shows(b, Q1, "partly")
    open_notes(b, Q1)
    b.wait_for_function(STORED_IS, arg=[KEY, Q1, "note", "first note"])
    stale_click(b, f"input[name='{Q1}'][value='fully']")
    answer(a, Q1, "not-in-place")
    stale_read(b, a.evaluate("Date.now()"))
    b.evaluate(STALE_TYPE, [f"[data-question='{Q1}'] [data-field=note]", "B's note", stale_ms()])
    note(a, Q1, "A's note")
    b.wait_for_function("() => window.__staleTyped !== undefined", timeout=20000)
    scale = f"[data-question='{Q1}'] .q-scale"
    for page in (a, b):
        page.wait_for_function("s => !!document.querySelector(s + ' + .dl-conflict')", arg=scale, timeout=15000)
        shown, other = value_of(page, Q1), conflict_beside(page, scale)
        assert {shown, "fully" if "Fully in place" in other else "not-in-place" if "Not in place" in other else None} == {"fully", "not-in-place"}
        page.wait_for_function("s => { const el = document.querySelector(s); const box = el.nextElementSibling;"
                               " return !!box && box.classList.contains('dl-conflict') && [el.value, box.textContent].join(' ').includes(\"A's note\")"
                               " && [el.value, box.textContent].join(' ').includes(\"B's note\"); }",
                               arg=f"[data-question='{Q1}'] [data-field=note]", timeout=15000)
    # A keeps "Not in place" and B's note: one version of each left, shown in both, no conflict.
    a.locator(f"input[name='{Q1}'][value='not-in-place']").click()
    if note_of(a, Q1) == "B's note":
        a.locator(f"[data-question='{Q1}'] .dl-conflict__keep").click()
    else:
        a.locator(f"[data-question='{Q1}'] .q-notes .dl-conflict__use").click()
    for page in (a, b):
        shows(page, Q1, "not-in-place")
        page.wait_for_function(f"() => document.querySelector(\"[data-question='{Q1}'] [data-field=note]\").value === \"B's note\"")
        page.wait_for_function(f"() => !document.querySelector(\"[data-question='{Q1}'] .dl-conflict\")")
    a.goto(f"{base}/assessment/index.html")
    data = export(a)
    assert data["answers"][Q1]["note"] == "B's note" and data["answers"][Q1]["value"] == "not-in-place" and "conflicts" not in data


ODD_IDS = ["constructor", "__proto__", "toString"]


def test_ids_named_like_object_properties_are_ordinary_ids(context, server, tmp_path):
    """Answers to questions named like Object's properties (a file from another tool, or a later
    toolkit) are added, kept and exported like any other, never dropped as 'kept yours'."""
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    answer(page, Q1, "partly")
    page.goto(f"{server}/assessment/index.html")
    path = file_with(tmp_path, "odd.json", {"constructor": {"value": "fully"}, "__proto__": {"value": "partly", "note": "proto"},
                                            "toString": {"note": "text"}, Q1: {"value": "fully"}})
    text = import_file(page, path, "combine")
    assert "3 new answers added" in text and f"Both had an answer to {Q1}: kept yours" in text
    assert "constructor" not in text.replace("3 new answers added", "") and "set aside" not in text
    answers = stored(page)
    assert answers["constructor"]["value"] == "fully" and answers["__proto__"]["note"] == "proto" and answers["toString"]["note"] == "text"
    removed = page.locator("#removed ~ .assessment-table-wrap").first.inner_text()
    assert all(i in removed for i in ODD_IDS)
    data = export(page)
    assert all(i in data["answers"] for i in ODD_IDS) and data["answers"][Q1]["value"] == "partly"


FORMS = ["module-a", "module-b", "module-c", "module-d", "module-e", "all"]
SCALE = ["not-in-place", "partly", "fully", "not-applicable"]


class Tab:
    """One tab of the randomised test and the questions its page shows (None on Results)."""

    def __init__(self, page, base):
        self.page, self.base, self.questions = page, base, None
        self.errors: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.depth = 0                  # position in the tab's history (0: the blank first page)

    def settle(self):
        self.page.wait_for_function("() => document.readyState === 'complete' && document.querySelector('.assessment--ready')")
        self.questions = self.page.evaluate("[...document.querySelectorAll('[data-question]')].filter(f => f.getClientRects().length).map(f => f.dataset.question)") or None

    def go(self, name):
        url = f"{self.base}/assessment/{name}.html"
        if self.page.url != url:
            self.depth += 1             # going to the same address again adds no history entry
        self.page.goto(url)
        self.settle()

    def home(self):
        if self.questions is not None or "index.html" not in self.page.url:
            self.go("index")
        self.page.evaluate("document.getElementById('assessment-import-result').hidden = true")


def given(answers: dict) -> dict:
    return {q: (a.get("value"), a.get("note") or "") for q, a in answers.items() if a.get("value") or a.get("note")}


def combined(mine: dict, theirs: dict) -> dict:
    """Combine, per field: a file without times never beats a value here, and adds what is not."""
    return {q: tuple(m or t for m, t in zip(mine.get(q, (None, "")), theirs.get(q, (None, "")), strict=True))
            for q in {**theirs, **mine}}


# 120 answers in `make test`; DATA_LAYER_STEPS=400 gives 400, over both ways in (TESTING.md).
ANSWERS = int(os.environ.get("DATA_LAYER_STEPS", "120"))


@pytest.mark.back_forward_cache
@one_way_in("file")
def test_random_tabs_answers_notes_navigation_imports_restores(context, base, tmp_path, question_ids):
    """Two tabs, a seeded random interleaving of ANSWERS answers with notes, moves, Back, imports and
    restores; then storage and the export hold exactly the answers and notes given last (the
    expected state is kept alongside)."""
    rng = random.Random(int(os.environ.get("STORAGE_TEST_SEED", "20261125")))
    tabs = [Tab(context.new_page(), base), Tab(context.new_page(), base)]
    tabs[0].go("module-a")
    tabs[1].go("module-b")
    expected: dict[str, tuple] = {}
    history: list[dict] = []          # the states kept as earlier versions, oldest first
    typing: dict[str, tuple] = {}       # notes typed but perhaps not saved yet: question -> (tab, text)

    def settle_typing(*only):
        for q in list(only or typing):
            tab, text = typing.pop(q)
            assert not tab.errors, tab.errors
            # Saved after the typing pause; if the other tab's write, made from its stale copy,
            # dropped it, this tab stores it again when that write reaches it (the 'storage'
            # event), which on a loaded machine takes seconds: Playwright's 30 s, not less.
            try:
                tab.page.wait_for_function(STORED_IS, arg=[KEY, q, "note", text])
            except PlaywrightTimeout:
                shown = tab.page.locator(f"[data-question='{q}'] [data-field=note]").input_value()
                pytest.fail(f"note on {q} typed in {tab.page.url} never stored: stored "
                            f"{stored(tab.page).get(q)!r}, the box shows {shown!r}, typed {text!r}")

    def forget_typing(tab):              # leaving a page saves what was being typed on it
        for q in [q for q, (t, _) in typing.items() if t is tab]:
            del typing[q]

    def fresh_home(tab):
        """An import or a restore replaces what its tab has seen: the test expects it to have seen
        everything (a stale tab's replace is tested on its own above), so the tab's copy of the
        storage must hold what was given last before its page is loaded again."""
        eventually(tab.page, lambda: given(stored(tab.page)) == expected,
                   lambda: f"{tab.page.url} never saw what was given: it has {given(stored(tab.page))!r}, expected {expected!r}")
        tab.go("index")
        tab.page.evaluate("document.getElementById('assessment-import-result').hidden = true")

    done = {"answer": 0, "note": 0, "navigate": 0, "back": 0, "import": 0, "restore": 0}
    # A number of steps, not a time: the same run on a fast machine and a busy one.
    while done["answer"] < ANSWERS:
        tab = rng.choice(tabs)
        op = rng.choices(list(done), weights=[70, 12, 6, 4, 4, 4])[0]
        if done["answer"] > ANSWERS - 40:        # every kind of step happens at least once
            if not done["import"]:
                op = "import"
            elif not done["restore"]:
                op = "restore" if history else "import"
        if op in ("answer", "note") and tab.questions is None:
            op = "navigate"
        if op == "answer":                       # a few clicks in a row, as people answer
            for _ in range(rng.randint(1, 5)):
                q, v = rng.choice(tab.questions), rng.choice(SCALE)
                tab.page.evaluate("([q, v]) => document.querySelector(`input[name='${q}'][value='${v}']`).click()", [q, v])
                expected[q] = (v, expected.get(q, (None, ""))[1])
                done["answer"] += 1
            continue
        elif op == "note":                       # saved after a pause in typing, or on leaving the page
            q, text = rng.choice(tab.questions), f"note {sum(done.values())} <i>{rng.random():.3f}</i>"
            if q in typing:                      # two people typing the same note at once: not this test
                settle_typing(q)
            open_notes(tab.page, q)
            tab.page.locator(f"[data-question='{q}'] [data-field=note]").fill(text)
            expected[q] = (expected.get(q, (None, ""))[0], text)
            typing[q] = (tab, text)
        elif op == "navigate":
            forget_typing(tab)
            tab.go(rng.choice(FORMS + ["index"]))
        elif op == "back":
            if tab.depth < 2:
                continue
            forget_typing(tab)
            tab.page.go_back(wait_until="commit")
            tab.depth -= 1
            tab.settle()
        elif op == "import":
            settle_typing()
            fresh_home(tab)
            answers = {q: {"value": rng.choice(SCALE), **({"note": f"imported {rng.random():.3f}"} if rng.random() < 0.3 else {})}
                       for q in rng.sample(question_ids, rng.randint(1, 6))}
            path = file_with(tmp_path, f"import-{done['import']}.json", answers)
            tab.page.locator("#assessment-import").set_input_files(str(path))
            incoming = given(answers)
            if expected:
                mode = rng.choice(["combine", "replace"])
                tab.page.locator(f"#assessment-import-{mode}").click()
                history.append(dict(expected))
                expected = incoming if mode == "replace" else combined(expected, incoming)
            else:
                expected = incoming
            tab.page.wait_for_selector("#assessment-import-result:not([hidden])")
        elif op == "restore":
            if not history:
                continue
            settle_typing()
            fresh_home(tab)
            rows = tab.page.locator("#assessment-snapshots tbody tr")
            k = rng.randrange(min(len(history), rows.count()))
            chosen = history[-1 - k]
            rows.nth(k).locator("[data-restore]").click()
            tab.page.wait_for_selector("#assessment-import-result:not([hidden])")
            assert "Restored" in tab.page.locator("#assessment-import-result").inner_text()
            if expected:
                history.append(dict(expected))
            expected = dict(chosen)
        done[op] += 1
    for tab in tabs:
        forget_typing(tab)
        tab.go("index")
    assert not tabs[0].errors and not tabs[1].errors
    assert done["answer"] >= ANSWERS and done["import"] and done["restore"], done
    assert given(stored(tabs[0].page)) == expected
    assert given(export(tabs[1].page)["answers"]) == expected
