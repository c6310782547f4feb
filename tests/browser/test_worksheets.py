"""Worksheets and the action plan in Chromium, over http:// and file://: fill in, reload, two
tabs, Back button, export, import, print; bad files refused with the work untouched; the action
plan gathers from the assessment and the worksheets; pages and tasks link both ways."""
from __future__ import annotations

import json

import pytest
from hostile import BREAKOUT
from office_files import check_derived, check_excel, check_word
from office_files import download as office_file
from stored import ASSESSMENT_PREFIX, NEWEST_IS, data_keys, snapshots, values

from macros.project import ROOT
from macros.site import storage


def saved(page):
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Saved')")


def sample(kind, options, n):
    """Thai, Chinese, markup and a formula's start, all kept as text; a long answer on several lines."""
    if kind == "choice":
        return options[n % len(options)]
    if kind == "date":
        return f"2026-0{1 + n % 9}-1{n % 10}"
    text = f"=SUM(A{n}) Answer {n} <b>not bold</b> ผู้มีส่วนได้ส่วนเสีย 合作伙伴 {BREAKOUT}"
    return text + f"\nline two of {n}\n\n  indented" if kind == "long" else text


def kinds_of(sheet_model, typed: dict) -> list[tuple[str, str]]:
    """[(kind, value)] of what fill_everything() typed."""
    kinds = {}
    for part in sheet_model["parts"]:
        if part["kind"] == "field":
            kinds[f"f:{part['id']}"] = part["type"]
        for col in part.get("columns", []):
            kinds[(part["id"], col["id"])] = col["kind"]
    return [(kinds[key] if key.startswith("f:") else kinds[tuple(key.split(":")[1::2])], value) for key, value in typed.items()]


def fill(page, el, kind, value):
    if kind == "choice":
        el.select_option(value)
    else:
        el.fill(value)


def fill_everything(page, sheet_model) -> dict:
    """One value in every field and every column of a first row of every table; returns what was typed."""
    typed, n = {}, 0
    for part in sheet_model["parts"]:
        if part["kind"] == "field":
            value = sample(part["type"], part["options"], n)
            fill(page, page.locator(f"#ws-f-{part['id']}"), part["type"], value)
            typed[f"f:{part['id']}"] = value
        else:
            if not part["fixed"]:
                page.locator(f"[data-add-row={part['id']}]").click()
            row = page.locator(f"#ws-{part['id']} tbody tr").first
            row_id = row.get_attribute("data-row")
            for col in part["columns"]:
                value = sample(col["kind"], col["options"], n)
                fill(page, row.locator(f"[data-cell={col['id']}] input, [data-cell={col['id']}] textarea, [data-cell={col['id']}] select"),
                     col["kind"], value)
                typed[f"r:{part['id']}:{row_id}:{col['id']}"] = value
                n += 1
        n += 1
    saved(page)
    return typed


def shown(page, sheet_model) -> dict:
    out = {}
    for part in sheet_model["parts"]:
        if part["kind"] == "field":
            out[f"f:{part['id']}"] = page.locator(f"#ws-f-{part['id']}").input_value()
        else:
            row = page.locator(f"#ws-{part['id']} tbody tr").first
            row_id = row.get_attribute("data-row")
            for col in part["columns"]:
                out[f"r:{part['id']}:{row_id}:{col['id']}"] = row.locator(
                    f"[data-cell={col['id']}] input, [data-cell={col['id']}] textarea, [data-cell={col['id']}] select").input_value()
    return out


def model_of(page) -> dict:
    return json.loads(page.locator("#worksheet-model").text_content())


# Every worksheet in the content (coverage.yml maps tasks to worksheets; it is not one).
SHEETS = sorted(p.stem for p in (ROOT / "content" / "worksheets").glob("*.yml") if p.stem != "coverage")


# Each worksheet once, over http and file:// in turn: the sheets differ in their fields, the
# two kinds of address in where the browser stores them, which every other test here covers.
@pytest.mark.parametrize(("sheet_id", "address"), [(sheet, ("http", "file")[n % 2]) for n, sheet in enumerate(SHEETS)])
def test_each_worksheet_fill_reload_export_import_print(context, server, site, sheet_id, address, tmp_path):
    base = server if address == "http" else site.as_uri()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/worksheets/{sheet_id}.html")
    sheet_model = model_of(page)
    typed = fill_everything(page, sheet_model)
    page.reload()
    assert shown(page, sheet_model) == typed
    # Export, then start afresh in a new browser profile and import.
    with page.expect_download() as download:
        page.locator("[data-export-json]").click()
    path = tmp_path / f"{sheet_id}.json"
    download.value.save_as(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["format"] == "partnering-guidelines-worksheet" and exported["worksheet"] == sheet_id
    fresh = context.browser.new_context()
    try:
        other = fresh.new_page()
        other.goto(f"{base}/worksheets/{sheet_id}.html")
        other.locator("[data-import-json]").set_input_files(str(path))
        other.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Imported')")
        assert shown(other, sheet_model) == typed
    finally:
        fresh.close()
    # Word and Excel made in the browser from what was typed (Word on A4, Excel on US Letter).
    values = kinds_of(sheet_model, typed)
    word = office_file(page, "docx", tmp_path)
    check_word(word, sheet_model["file"]["title"], "A4", values)
    if any(p["kind"] == "table" for p in sheet_model["parts"]):
        excel = office_file(page, "xlsx", tmp_path, "Letter")
        check_excel(excel, sheet_model["file"]["title"], "Letter", values, sheet_model["parts"], sheet_model["file"]["grids"])
        check_derived(word, excel, sheet_model, typed)
    # Printed: the form and its answers, without tools or navigation.
    page.emulate_media(media="print")
    assert not page.locator(".ws-tools").is_visible() and not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("form.worksheet table, form.worksheet .ws-field").first.is_visible()
    assert not page.locator("[data-add-row], .ws-remove").first.is_visible() if page.locator("[data-add-row], .ws-remove").count() else True
    assert not errors, errors


def test_two_tabs_never_overwrite_each_other(context, base):
    a, b = context.new_page(), context.new_page()
    a.goto(f"{base}/worksheets/rewards-and-risks.html")
    b.goto(f"{base}/worksheets/rewards-and-risks.html")
    a.fill("#ws-f-partner", "From tab A")
    saved(a)
    b.locator("#ws-risks tr[data-row='IV.4.2'] textarea").first.fill("From tab B")
    saved(b)
    # B wrote after A without having reloaded: A's answer is still there, and A shows B's.
    b.wait_for_function("() => document.getElementById('ws-f-partner').value === 'From tab A'")
    a.bring_to_front()
    a.wait_for_function("() => document.querySelector(\"#ws-risks tr[data-row='IV.4.2'] textarea\").value === 'From tab B'")
    stored = values(a, "worksheet:rewards-and-risks")
    assert stored["f:partner"]["value"] == "From tab A"
    assert stored["r:risks:IV.4.2"]["risk"] == "From tab B"


def test_rows_added_and_removed_in_two_tabs(context, base):
    a, b = context.new_page(), context.new_page()
    a.goto(f"{base}/worksheets/stakeholder-map.html")
    b.goto(f"{base}/worksheets/stakeholder-map.html")
    a.locator("[data-add-row=inventory]").click()
    a.locator("#ws-inventory tbody tr").first.locator("[data-cell=partner] input").fill("Ministry")
    b.locator("[data-add-row=inventory]").click()
    b.locator("#ws-inventory tbody tr").last.locator("[data-cell=partner] input").fill("NGO")
    saved(b)
    a.bring_to_front()
    a.wait_for_function("() => document.querySelectorAll('#ws-inventory tbody tr').length === 2")
    a.locator("#ws-inventory tbody tr").first.locator(".ws-remove").click()
    b.wait_for_function("() => document.querySelectorAll('#ws-inventory tbody tr').length === 1")
    assert b.locator("#ws-inventory tbody tr [data-cell=partner] input").input_value() == "NGO"


# The browser's own functions and constructors on window, as a page without the toolkit's
# scripts has them. data-view.js once put itself on window.DataView, the browser's DataView
# constructor: every script on a worksheet or the action plan that read binary data then failed.
NATIVE_GLOBALS = """() => Object.getOwnPropertyNames(window).filter(name => {
  try { return typeof window[name] === 'function' && /\\[native code\\]/.test(Function.prototype.toString.call(window[name])); }
  catch (e) { return false; }
})"""
REPLACED = """names => names.filter(name => {
  try { return !/\\[native code\\]/.test(Function.prototype.toString.call(window[name])); }
  catch (e) { return true; }
})"""


@pytest.mark.parametrize(("address", "ready"), [("worksheets/stakeholder-map.html", ".worksheet--ready"),
                                                 ("action-plan.html", ".plan--ready")])
def test_the_tools_scripts_replace_none_of_the_browsers_globals(context, server, address, ready):
    page = context.new_page()
    page.goto("about:blank")
    native = page.evaluate(NATIVE_GLOBALS)
    assert "DataView" in native and "Blob" in native
    page.goto(f"{server}/{address}")
    page.wait_for_selector(ready, state="attached")
    assert page.evaluate(REPLACED, native) == []
    assert page.evaluate("() => new DataView(new ArrayBuffer(4)).byteLength") == 4


def test_back_button_shows_what_another_tab_saved(browser, site):
    context = browser.new_context(ignore_https_errors=True)
    try:
        page = context.new_page()
        page.goto(f"{site.as_uri()}/worksheets/scaling-up.html")
        page.goto(f"{site.as_uri()}/worksheets/index.html")
        other = context.new_page()
        other.goto(f"{site.as_uri()}/worksheets/scaling-up.html")
        other.locator("#ws-dimensions tr[data-row='11.1.1.a'] textarea").first.fill("Include fishers")
        saved(other)
        other.close()
        page.go_back()
        page.wait_for_function("() => document.querySelector(\"#ws-dimensions tr[data-row='11.1.1.a'] textarea\").value === 'Include fishers'")
    finally:
        context.close()


def test_bfcache_restore_rereads_storage(bfcache_browser, site):
    context = bfcache_browser.new_context()
    try:
        page = context.new_page()
        url = f"{site.as_uri()}/worksheets/moving-on.html"
        page.goto(url)
        page.goto(f"{site.as_uri()}/worksheets/index.html")
        # What an older copy of the toolkit (0.1.0) writes meanwhile: all file:// pages share one storage.
        page.evaluate("""key => { const d = {format: 'partnering-guidelines-worksheet', schema_version: 1, worksheet: 'moving-on',
            records: {'f:decision': {value: 'Renew', updated: '2099-01-01T00:00:00Z'}}}; localStorage.setItem(key, JSON.stringify(d)); }""",
                      storage.legacy_worksheet_key("moving-on"))
        page.go_back()
        page.wait_for_function("() => document.getElementById('ws-f-decision').value === 'Renew'")
    finally:
        context.close()


BAD = [
    ("not-json.json", "this is not JSON", "The file is not JSON."),
    ("assessment.json", json.dumps({"format": "partnering-guidelines-assessment", "schema_version": 1, "answers": {}}),
     "not a Partnering Guidelines worksheet file"),
    ("newer.json", json.dumps({"format": "partnering-guidelines-worksheet", "schema_version": 7, "worksheet": "rewards-and-risks", "records": {}}),
     "newer or unknown version"),
    ("other.json", json.dumps({"format": "partnering-guidelines-worksheet", "schema_version": 1, "worksheet": "moving-on", "records": {}}),
     "Import it on its own page"),
    ("choice.json", json.dumps({"format": "partnering-guidelines-worksheet", "schema_version": 1, "worksheet": "rewards-and-risks",
                                "records": {"r:risks:IV.4.1": {"values": {"likelihood": "<img src=x onerror=alert(1)>"}}}}),
     "not one of its choices"),
    ("big.json", "x" * (1024 * 1024 + 10), "larger than 1 MB"),
    ("long.json", json.dumps({"format": "partnering-guidelines-worksheet", "schema_version": 1, "worksheet": "rewards-and-risks",
                              "records": {"f:partner": {"value": "x" * 20001}}}), "longer than 20000 characters"),
]


def test_bad_imports_are_refused_and_the_work_is_untouched(context, base, tmp_path):
    page = context.new_page()
    page.goto(f"{base}/worksheets/rewards-and-risks.html")
    page.fill("#ws-f-partner", "Keep me")
    saved(page)
    before = data_keys(page)
    for name, text, message in BAD:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        page.locator("[data-import-json]").set_input_files(str(path))
        page.wait_for_function("m => document.getElementById('ws-status').textContent.includes(m)", arg=message)
        status = page.locator("#ws-status")
        assert status.inner_text().startswith("Not imported") and "unchanged" in status.inner_text()
        assert status.locator("img").count() == 0
        assert data_keys(page) == before
        assert page.input_value("#ws-f-partner") == "Keep me"


def test_html_in_an_imported_file_is_shown_as_text(context, base, tmp_path):
    page = context.new_page()
    page.goto(f"{base}/worksheets/stakeholder-map.html")
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"format": "partnering-guidelines-worksheet", "schema_version": 1, "worksheet": "stakeholder-map",
                                "records": {"r:inventory:row-1": {"values": {"partner": "<img src=x onerror=window.hit=1>"}, "order": 0}}}))
    page.locator("[data-import-json]").set_input_files(str(path))
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Imported')")
    assert page.locator("#ws-inventory [data-cell=partner] input").input_value() == "<img src=x onerror=window.hit=1>"
    assert page.locator("#ws-inventory img").count() == 0 and page.evaluate("window.hit") is None
    # Imported again, in place of what is there: what it replaced is kept, listed as text.
    path.write_text(json.dumps({"format": "partnering-guidelines-worksheet", "schema_version": 1, "worksheet": "stakeholder-map",
                                "records": {"f:selection": {"value": "<b>x</b>"}}}))
    page.locator("[data-import-json]").set_input_files(str(path))
    page.locator("[data-import-mode=replace]").click()
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Imported')")
    assert page.locator("[data-history] [data-restore]").count() == 1
    assert page.locator("#ws-inventory tbody tr").count() == 0 and page.input_value("#ws-f-selection") == "<b>x</b>"


def test_import_keeps_the_replaced_work_and_restores_it(context, base, tmp_path):
    page = context.new_page()
    page.goto(f"{base}/worksheets/moving-on.html")
    page.fill("#ws-f-decision", "Mine")
    saved(page)
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps({"format": "partnering-guidelines-worksheet", "schema_version": 1, "worksheet": "moving-on",
                                "records": {"f:decision": {"value": "Theirs", "updated": "2026-01-01"}}}))
    page.locator("[data-import-json]").set_input_files(str(path))
    page.locator("[data-import-mode=replace]").click()
    page.wait_for_function("() => document.getElementById('ws-f-decision').value === 'Theirs'")
    page.locator(".ws-history summary").click()
    page.locator("[data-history] [data-restore]").first.click()
    page.wait_for_function("() => document.getElementById('ws-f-decision').value === 'Mine'")
    assert values(page, "worksheet:moving-on")["f:decision"]["value"] == "Mine"
    assert [s["reason"]["code"] for s in snapshots(page, "worksheet:moving-on")] == ["before-restore", "before-replace"]


def test_csv_export_and_import_per_table(context, base, tmp_path):
    page = context.new_page()
    page.goto(f"{base}/worksheets/component-and-activity-plan.html")
    page.locator("[data-add-row=activities]").click()
    row = page.locator("#ws-activities tbody tr").first
    row.locator("[data-cell=action] textarea").fill("=SUM(A1:A9)")
    row.locator("[data-cell=status] select").select_option("Done")
    saved(page)
    with page.expect_download() as download:
        page.locator("[data-export-csv=activities]").click()
    csv_path = tmp_path / "activities.csv"
    download.value.save_as(csv_path)
    text = csv_path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "row,Component,Activity,Partner responsible,Due,Status"
    assert ",'=SUM(A1:A9),,,Done" in text
    # Into a fresh browser: the row comes back, its text exactly as typed.
    fresh = context.browser.new_context()
    try:
        other = fresh.new_page()
        other.goto(f"{base}/worksheets/component-and-activity-plan.html")
        other.locator("[data-import-csv=activities]").set_input_files(str(csv_path))
        other.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Imported 1 rows')")
        assert other.locator("#ws-activities [data-cell=action] textarea").input_value() == "=SUM(A1:A9)"
        bad = tmp_path / "bad.csv"
        bad.write_text("row,Status\nr1,Perhaps\n")
        other.locator("[data-import-csv=activities]").set_input_files(str(bad))
        other.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Not imported')")
        assert other.locator("#ws-activities tbody tr").count() == 1
    finally:
        fresh.close()


def test_full_storage_says_so_and_loses_nothing(context, base, tmp_path):
    page = context.new_page()
    page.goto(f"{base}/worksheets/moving-on.html")
    page.evaluate("""() => { const chunk = 'x'.repeat(512 * 1024); let i = 0;
        try { for (;;) localStorage.setItem('filler/' + i++, chunk); } catch (e) {}
        const small = 'x'.repeat(1024); try { for (;;) localStorage.setItem('filler/s' + i++, small); } catch (e) {} }""")
    page.fill("#ws-f-decision", "A long decision that does not fit " * 20)
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Not saved')")
    with page.expect_download() as download:
        page.locator("[data-export-json]").click()
    path = tmp_path / "e.json"
    download.value.save_as(path)
    assert json.loads(path.read_text())["records"]["f:decision"]["value"].startswith("A long decision")
    page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('filler/')).forEach(k => localStorage.removeItem(k))")


def test_action_plan_gathers_from_the_assessment_and_the_worksheets(context, base):
    page = context.new_page()
    page.goto(f"{base}/assessment/module-a.html#q-3-2-1")     # the address opens step 3
    page.locator("[data-question='q-3.2-1'] summary").click()
    page.locator("[data-question='q-3.2-1'] [data-field=action]").fill("Write the risk register")
    page.wait_for_function(NEWEST_IS, arg=[ASSESSMENT_PREFIX, "q-3.2-1", "action", "Write the risk register"])
    page.goto(f"{base}/worksheets/resource-map.html")
    page.locator("[data-add-row=actions]").click()
    row = page.locator("#ws-actions tbody tr").first
    row.locator("[data-cell=action] textarea").fill("Ship the laptops")
    row.locator("[data-cell=owner] input").fill("NGO")
    row.locator("[data-cell=due] input").fill("2026-04-01")
    saved(page)
    page.goto(f"{base}/action-plan.html")
    rows = page.locator("#plan-table tbody tr")
    assert rows.count() == 2
    texts = [rows.nth(i).locator("td").first.inner_text() for i in range(2)]
    assert texts == ["Write the risk register", "Ship the laptops"]   # by task: 3.2 before 6.2
    # Mark both done: the worksheet row changes, the assessment action's status is kept by its source ID.
    for action in texts:
        page.locator(f"#plan-table tr:has(td:text-is('{action}')) select").select_option("Done")
    stored = values(page, "worksheet:resource-map")
    assert [r["status"] for k, r in stored.items() if k.startswith("r:actions:")] == ["Done"]
    assert values(page, storage.plan_tool())["assessment:q-3.2-1"]["status"] == "Done"
    assert page.locator("#plan-table tr.plan-done").count() == 2
    # Sortable, filterable, exportable.
    page.locator("[data-sort=due]").click()
    assert page.locator("th[data-sort-key=due]").get_attribute("aria-sort") == "ascending"
    assert page.locator("#plan-table tbody tr").first.locator("td").first.inner_text() == "Ship the laptops"
    page.select_option("[data-plan-filter]", "Not started")
    assert page.locator("#plan-table tbody tr").count() == 0
    page.select_option("[data-plan-filter]", "")
    with page.expect_download() as download:
        page.locator("[data-export-plan-csv]").click()
    csv_text = open(download.value.path(), encoding="utf-8-sig").read()
    assert "Write the risk register" in csv_text and "worksheet:resource-map:actions:" in csv_text
    page.reload()
    assert page.locator("#ws-actions, #plan-table tr.plan-done").count() == 2
    page.emulate_media(media="print")
    assert not page.locator(".ws-tools").is_visible() and page.locator("#plan-table").is_visible()


