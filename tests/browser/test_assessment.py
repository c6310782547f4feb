"""The self-assessment in a real browser, over http:// and file://: answers are never lost."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from stored import ASSESSMENT, ASSESSMENT_PREFIX, NEWEST_IS, answers, nothing_stored

from macros.outputs.browser import ARGS, chromium_path

Q1, Q2, QB = "q-1.1-1", "q-1.2-1", "q-4.1-1"


def open_notes(page, qid):
    """A question's note and next action are behind a disclosure; open it as a user would."""
    details = page.locator(f"[data-question='{qid}'] details")
    if details.get_attribute("open") is None:
        details.locator("summary").click()


def answer(page, qid, value, note=None):
    page.locator(f"input[name='{qid}'][value='{value}']").check()
    if note is not None:
        open_notes(page, qid)
        page.locator(f"[data-question='{qid}'] [data-field=note]").fill(note)
    page.wait_for_function("() => document.getElementById('assessment-status').textContent.startsWith('Saved')")
    if note is not None:      # typed text is stored after a pause
        page.wait_for_function(NEWEST_IS, arg=[ASSESSMENT_PREFIX, qid, "note", note])


def checked(page, qid):
    return page.locator(f"input[name='{qid}']:checked").get_attribute("value") if page.locator(f"input[name='{qid}']:checked").count() else None


def saved_file(tmp_path, name, answers, **extra):
    data = {"format": "partnering-guidelines-assessment", "schema_version": 1, "organisation": extra.pop("organisation", name),
            "answers": answers, **extra}
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_answers_survive_reload_and_moving_between_modules(context, base):
    page = context.new_page()
    page.goto(f"{base}/assessment/module-a.html")
    answer(page, Q1, "partly", note="Framed with the ministry")
    page.reload()
    assert checked(page, Q1) == "partly"
    assert page.locator(f"[data-question='{Q1}'] [data-field=note]").input_value() == "Framed with the ministry"
    page.goto(f"{base}/assessment/module-b.html")
    answer(page, QB, "fully")
    page.goto(f"{base}/assessment/all.html")
    assert checked(page, Q1) == "partly" and checked(page, QB) == "fully"
    page.goto(f"{base}/assessment/index.html")
    assert "Where to start" in page.locator("#assessment-results").inner_text()
    # The chart draws the table's figures beside it; the table is what screen readers read.
    assert page.locator("#assessment-results svg.assessment-chart[aria-hidden=true] text").first.text_content().startswith("Module A: ")


def test_answers_survive_restarting_the_browser(playwright, tmp_path, base):
    profile = tmp_path / "profile"
    kwargs = {"args": ARGS}
    if chromium_path():
        kwargs["executable_path"] = chromium_path()
    first = playwright.chromium.launch_persistent_context(str(profile), **kwargs)
    page = first.new_page()
    page.goto(f"{base}/assessment/module-a.html")
    answer(page, Q2, "not-in-place", note="kept")
    first.close()
    second = playwright.chromium.launch_persistent_context(str(profile), **kwargs)
    try:
        page = second.new_page()
        page.goto(f"{base}/assessment/module-a.html")
        assert checked(page, Q2) == "not-in-place"
        assert page.locator(f"[data-question='{Q2}'] [data-field=note]").input_value() == "kept"
    finally:
        second.close()


def test_export_json_and_csv_then_import_back(context, server, tmp_path):
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    page.locator("#assessment-organisation").fill("Ministry of Planning")
    answer(page, Q1, "fully", note="<b>bold?</b>")
    page.goto(f"{server}/assessment/index.html")
    with page.expect_download() as info:
        page.locator("#assessment-export-json").click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert data["format"] == "partnering-guidelines-assessment" and data["schema_version"] == 1
    assert data["organisation"] == "Ministry of Planning" and data["content_version"] and data["exported"]
    assert {k: v for k, v in data["answers"][Q1].items() if k not in ("updated", "times")} == {"value": "fully", "note": "<b>bold?</b>", "action": ""}
    assert data["answers"][Q1]["updated"].startswith("20")   # each answer carries when it was given
    # and when each of its fields was, so that two tabs changing one answer at once both keep theirs
    assert set(data["answers"][Q1]["times"]) == {"value", "note"} and data["answers"][Q1]["times"]["note"] <= data["answers"][Q1]["updated"]
    assert info.value.suggested_filename.startswith("partnering-guidelines-ministry-of-planning-")
    assert "Last exported on" in page.locator("#assessment-backup").inner_text()
    with page.expect_download() as info:
        page.locator("#assessment-export-csv").click()
    csv = Path(info.value.path()).read_text(encoding="utf-8-sig")
    assert csv.startswith("question_id,module,step,task,question,answer") and "Fully in place" in csv

    other = saved_file(tmp_path, "other", {Q1: {"value": "not-in-place"}, "q-99.9-1": {"value": "fully", "note": "old question"}})
    page.locator("#assessment-import").set_input_files(str(other))
    page.locator("#assessment-import-choice").wait_for()
    assert "other.json has 2 answers; this browser has 1" in page.locator("#assessment-import-question").inner_text()
    page.locator("#assessment-import-replace").click()
    page.wait_for_selector("#assessment-import-result:not([hidden])")
    assert "with the 2 answers in other.json" in page.locator("#assessment-import-result").inner_text()
    assert "no longer in the toolkit" in page.locator("#assessment-import-result").inner_text()
    assert "old question" in page.locator("#assessment-results").inner_text()
    row = page.locator("#assessment-snapshots tbody tr").first       # nothing lost: the answers replaced are kept
    assert "Before replacing with other.json" in row.inner_text() and "Ministry of Planning" in row.inner_text()
    with page.expect_download() as info:
        row.locator("[data-download]").click()
    kept = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert kept["answers"][Q1]["note"] == "<b>bold?</b>" and kept["organisation"] == "Ministry of Planning"
    page.goto(f"{server}/assessment/module-a.html")
    assert checked(page, Q1) == "not-in-place"


def test_a_csv_export_imports_back_in_another_browser(context, browser, server, tmp_path):
    """The CSV a partner exported (for a spreadsheet) imports like the JSON: answers by their
    label or points, notes as typed (a formula defused on export comes back as typed)."""
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    answer(page, Q1, "partly", note="=1+1 is what we typed")
    answer(page, Q2, "not-applicable")
    page.goto(f"{server}/assessment/index.html")
    with page.expect_download() as info:
        page.locator("#assessment-export-csv").click()
    path = tmp_path / "partner.csv"
    info.value.save_as(path)
    other = browser.new_context()
    try:
        fresh = other.new_page()
        fresh.goto(f"{server}/assessment/index.html")
        fresh.wait_for_selector(".assessment--ready")
        fresh.locator("#assessment-import").set_input_files(str(path))
        fresh.wait_for_selector("#assessment-import-choice:not([hidden]), #assessment-import-result:not([hidden])")
        if fresh.locator("#assessment-import-choice").is_visible():
            fresh.locator("#assessment-import-combine").click()
        fresh.wait_for_selector("#assessment-import-result:not([hidden])")
        assert "partner.csv" in fresh.locator("#assessment-import-result").inner_text()
        fresh.goto(f"{server}/assessment/module-a.html")
        fresh.wait_for_selector(".assessment--ready")
        assert checked(fresh, Q1) == "partly" and checked(fresh, Q2) == "not-applicable"
        assert fresh.input_value(f"[data-question='{Q1}'] [data-field=note]") == "=1+1 is what we typed"
    finally:
        other.close()


@pytest.mark.parametrize("name,content,message", [
    ("not-json", "this is not JSON {", "not valid JSON"),
    ("wrong-format", json.dumps({"format": "something-else", "answers": {}}), "not a Partnering Guidelines assessment"),
    ("newer", json.dumps({"format": "partnering-guidelines-assessment", "schema_version": 99, "answers": {}}), "newer version"),
    ("no-answers", json.dumps({"format": "partnering-guidelines-assessment", "schema_version": 1, "answers": ["<script>window.pwned=1</script>"]}), "no answers object"),
    ("huge", json.dumps({"format": "partnering-guidelines-assessment", "schema_version": 1, "answers": {}, "pad": "x" * 1_200_000}), "too large"),
])
def test_bad_files_are_refused_and_answers_untouched(context, server, tmp_path, name, content, message):
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    answer(page, Q1, "partly")
    page.goto(f"{server}/assessment/index.html")
    bad = tmp_path / f"{name}.json"
    bad.write_text(content, encoding="utf-8")
    page.locator("#assessment-import").set_input_files(str(bad))
    page.wait_for_selector("#assessment-import-result:not([hidden])")
    text = page.locator("#assessment-import-result").inner_text()
    assert "Nothing was imported; your answers are unchanged." in text and message in text
    assert page.evaluate("window.pwned") is None
    assert answers(page)[Q1]["value"] == "partly"
    page.goto(f"{server}/assessment/module-a.html")
    assert checked(page, Q1) == "partly"


def test_html_in_imported_text_is_shown_as_text(context, server, tmp_path):
    page = context.new_page()
    page.goto(f"{server}/assessment/index.html")
    evil = saved_file(tmp_path, "evil", {Q1: {"value": "fully", "note": "<img src=x onerror=\"window.pwned=1\">"},
                                         "q-8.8-8": {"value": "partly", "action": "<script>window.pwned=2</script>"}},
                      organisation="<h1>Org</h1>")
    page.locator("#assessment-import").set_input_files(str(evil))
    page.wait_for_selector("#assessment-import-result:not([hidden])")
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned") is None
    assert page.locator("#assessment-results img, #assessment-results script").count() == 0
    assert "<script>window.pwned=2</script>" in page.locator("#assessment-results").inner_text()
    page.goto(f"{server}/assessment/report.html")
    assert page.evaluate("window.pwned") is None
    assert "<img src=x" in page.locator("#assessment-report").inner_text()


def test_partnership_view_merges_three_partners(context, server, tmp_path):
    files = [
        saved_file(tmp_path, "Ministry", {Q1: {"value": "fully"}, Q2: {"value": "partly"}}),
        saved_file(tmp_path, "NGO network", {Q1: {"value": "not-in-place"}, Q2: {"value": "partly"}}),
        saved_file(tmp_path, "University", {Q1: {"value": "partly"}, Q2: {"value": "partly", "note": "agreed"}}),
    ]
    page = context.new_page()
    page.goto(f"{server}/assessment/partners.html")
    page.locator("#partners-files").set_input_files([str(f) for f in files])
    table = page.locator("#partners-result table").first
    table.wait_for()
    head = table.locator("thead").inner_text()
    assert "Ministry" in head and "NGO network" in head and "University" in head
    first_row = table.locator("tbody tr").first.inner_text()
    assert "Task 1.1" in first_row and "2" in first_row  # widest spread first
    assert "Fully in place" in first_row and "Not in place" in first_row
    everything = page.locator("#partners-result").inner_text()
    assert "Partly in place (agreed)" in everything


def test_compare_with_an_earlier_export(context, server, tmp_path):
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    answer(page, Q1, "fully")
    earlier = saved_file(tmp_path, "earlier", {Q1: {"value": "not-in-place"}})
    page.goto(f"{server}/assessment/compare.html")
    page.locator("#compare-file").set_input_files(str(earlier))
    page.wait_for_selector("#compare-result table")
    text = page.locator("#compare-result").inner_text()
    assert "Not in place" in text and "Fully in place" in text and "+" in text


def test_start_over_asks_and_removes_only_this_tools_data(context, server):
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    page.evaluate("localStorage.setItem('another-tool', 'keep me')")
    answer(page, Q1, "partly")
    page.goto(f"{server}/assessment/index.html")
    page.once("dialog", lambda d: d.dismiss())
    page.locator("#assessment-start-over").click()
    assert answers(page)[Q1]["value"] == "partly"
    assert "1 of 35" in page.locator("#assessment-results").inner_text()
    page.once("dialog", lambda d: d.accept())
    page.locator("#assessment-start-over").click()
    page.wait_for_function("() => document.getElementById('assessment-status').textContent.startsWith('All answers were removed')")
    assert nothing_stored(page, ASSESSMENT)
    assert "1 of 35" not in page.locator("#assessment-results").inner_text()
    assert page.evaluate("localStorage.getItem('another-tool')") == "keep me"
    page.goto(f"{server}/assessment/module-a.html")
    assert checked(page, Q1) is None


DISABLED = "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});"
FULL = ("const set = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) {"
        " if (k.indexOf('/probe') < 0) throw new DOMException('full', 'QuotaExceededError'); return set.call(this, k, v); };")


def test_without_storage_the_form_works_and_says_answers_are_not_saved(context, server):
    context.add_init_script(DISABLED)
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    assert "NOT being saved" in page.locator("#assessment-status").inner_text()
    page.locator(f"input[name='{Q1}'][value='fully']").check()
    assert "NOT being saved" in page.locator("#assessment-status").inner_text()
    assert "1 of" in page.locator("#assessment-progress").inner_text()


def test_with_full_storage_the_user_is_told_and_can_export(context, server):
    context.add_init_script(FULL)
    page = context.new_page()
    page.goto(f"{server}/assessment/index.html")
    page.goto(f"{server}/assessment/module-a.html")
    page.locator(f"input[name='{Q1}'][value='fully']").check()
    assert "could NOT be saved" in page.locator("#assessment-status").inner_text()


def test_report_lists_questions_answers_notes_and_actions(context, server):
    page = context.new_page()
    page.goto(f"{server}/assessment/module-c.html")
    qid = page.locator("[data-question]").first.get_attribute("data-question")
    page.locator(f"input[name='{qid}'][value='partly']").check()
    open_notes(page, qid)
    page.locator(f"[data-question='{qid}'] [data-field=action]").fill("Schedule monthly coordination meetings")
    page.wait_for_function(NEWEST_IS, arg=[ASSESSMENT_PREFIX, qid, "action", "Schedule monthly coordination meetings"])
    page.goto(f"{server}/assessment/report.html")
    report = page.locator("#assessment-report").inner_text()
    assert "Module C: Managing implementation" in report
    assert "Partly in place" in report and "Schedule monthly coordination meetings" in report
    assert report.count("Not answered") > 50
