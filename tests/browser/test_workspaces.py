"""Workspaces, one per partnership, in Chromium: what was stored before workspaces is in the default
workspace (stored data made by the code of that time, tests/fixtures/before-workspaces); each tab
shows and writes its own workspace and two never mix; a workspace goes out as one file and comes
back as a new workspace or combined with another; clearing keeps an earlier version to restore."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from stored import values

from macros.project import ROOT
from macros.site import storage

BEFORE = json.loads((ROOT / "tests" / "fixtures" / "before-workspaces" / "storage.json").read_text(encoding="utf-8"))
PREFIX = storage.contract()["workspaces"]["prefix"]
RISK = "#ws-risks tr[data-row='IV.4.2'] [data-cell=risk] textarea"


def open_plan(page, base):
    page.goto(f"{base}/action-plan.html")
    page.wait_for_selector(".plan--ready")


def open_sheet(page, base, sheet):
    page.goto(f"{base}/worksheets/{sheet}.html")
    page.wait_for_selector(".worksheet--ready")


def bar(page):
    return page.locator("[data-workspace-bar]")


def shown_name(page):
    return bar(page).locator("[data-workspace-name]").inner_text()


def new_workspace(page, name):
    """Created in the bar: the page opens again in it."""
    bar(page).locator("summary").click()
    bar(page).locator("[data-workspace-name-input]").fill(name)
    with page.expect_navigation():
        bar(page).locator("[data-workspace-new]").click()
    page.wait_for_function("n => document.querySelector('[data-workspace-name]').textContent === n", arg=name)


def switch(page, name):
    with page.expect_navigation():
        bar(page).locator("[data-workspace-select]").select_option(label=name)
    page.wait_for_function("n => document.querySelector('[data-workspace-name]').textContent === n", arg=name)


def plan_texts(page):
    return page.locator("#plan-table tbody tr").evaluate_all(
        "trs => trs.map(tr => { const a = tr.querySelector('textarea[data-key=action]'); return a ? a.value : tr.querySelector('[data-action-text]').textContent; })")


def add_action(page, text):
    n = page.locator("#plan-table tbody tr").count()
    page.locator("[data-add-action]").click()
    page.wait_for_function("n => document.querySelectorAll('#plan-table tbody tr').length === n", arg=n + 1)
    area = page.locator("#plan-table tbody tr").last.locator("textarea[data-key=action]")
    area.fill(text)
    area.dispatch_event("change")
    page.wait_for_function("t => Object.keys(localStorage).some(k => k.includes('/plan:') && localStorage.getItem(k).includes(t))", arg=text)


@pytest.mark.parametrize("base", ["file"], indirect=True)
def test_what_was_stored_before_is_in_the_default_workspace(context, base):
    page = context.new_page()
    page.goto(f"{base}/worksheets/index.html")
    page.evaluate("data => Object.entries(data).forEach(([k, v]) => localStorage.setItem(k, v))", BEFORE)
    open_plan(page, base)
    assert shown_name(page) == "My partnership"
    assert sorted(plan_texts(page)) == ["Old assessment action", "Old worksheet action"]
    assert page.locator("#plan-table [data-action-id='assessment:q-3.2-1'][data-key=owner]").input_value() == "Old owner"
    new_workspace(page, "Second partnership")
    assert plan_texts(page) == []
    assert page.locator("[data-plan-empty]").is_visible()
    # Every tool page shows the same workspace, and its own empty data.
    open_sheet(page, base, "rewards-and-risks")
    assert shown_name(page) == "Second partnership"
    field = page.locator("[data-field-part=partner] input")
    assert field.input_value() == ""
    page.goto(f"{base}/assessment/module-a.html#q-3-2-1")
    page.wait_for_selector(".assessment--ready")
    assert shown_name(page) == "Second partnership"
    assert not page.locator("[data-question='q-3.2-1'] input[value=partly]").is_checked()
    switch(page, "My partnership")
    assert page.locator("[data-question='q-3.2-1'] input[value=partly]").is_checked()
    open_sheet(page, base, "rewards-and-risks")
    assert field.input_value() == "Old partner NGO"
    # Nothing was moved or rewritten: the keys stored before are all there as they were.
    stored = page.evaluate("keys => keys.map(k => localStorage.getItem(k))", list(BEFORE))
    assert stored == list(BEFORE.values())


@pytest.mark.parametrize("base", ["http"], indirect=True)
def test_two_tabs_in_two_workspaces_never_mix(context, base):
    alpha, beta = context.new_page(), context.new_page()
    open_plan(alpha, base)
    open_plan(beta, base)
    new_workspace(beta, "Beta <b>partnership</b>")
    add_action(beta, "Beta action")
    add_action(alpha, "Alpha action")
    # The same worksheet field typed in both tabs, each in its own workspace.
    for page, text in ((alpha, "Alpha NGO"), (beta, "Beta NGO")):
        open_sheet(page, base, "rewards-and-risks")
        field = page.locator("[data-field-part=partner] input")
        field.fill(text)
        field.dispatch_event("change")
    for page in (alpha, beta):
        page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Saved')")
        page.reload()
        page.wait_for_selector(".worksheet--ready")
    assert alpha.locator("[data-field-part=partner] input").input_value() == "Alpha NGO"
    assert beta.locator("[data-field-part=partner] input").input_value() == "Beta NGO"
    assert shown_name(alpha) == "My partnership" and shown_name(beta) == "Beta <b>partnership</b>"
    for page, mine in ((alpha, ["Alpha action"]), (beta, ["Beta action"])):
        open_plan(page, base)
        assert plan_texts(page) == mine
    # Each in its own keys: the default workspace's tools as always, the other's under its prefix.
    beta_id = beta.locator("[data-workspace-select]").input_value()
    assert values(alpha, "worksheet:rewards-and-risks")["f:partner"]["value"] == "Alpha NGO"
    assert values(alpha, PREFIX.replace("{id}", beta_id) + "worksheet:rewards-and-risks")["f:partner"]["value"] == "Beta NGO"
    # The other tab's new workspace is offered in the list, and this tab stays where it is.
    assert alpha.locator("[data-workspace-select] option").all_inner_texts() == ["My partnership", "Beta <b>partnership</b>"]


@pytest.mark.parametrize("base", ["http"], indirect=True)
def test_a_workspace_goes_out_as_one_file_comes_back_and_clears_with_a_version_to_restore(context, browser, base, tmp_path):
    page = context.new_page()
    open_plan(page, base)
    new_workspace(page, "Gamma")
    add_action(page, "Gamma action")
    open_sheet(page, base, "rewards-and-risks")
    page.locator("[data-field-part=partner] input").fill("Gamma NGO")
    page.locator("[data-field-part=partner] input").dispatch_event("change")
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Saved')")
    bar(page).locator("summary").click()
    with page.expect_download() as download:
        bar(page).locator("[data-workspace-export]").click()
    path = tmp_path / "gamma.json"
    download.value.save_as(path)
    doc = json.loads(path.read_text())
    assert doc["name"] == "Gamma" and doc["tools"]["worksheet:rewards-and-risks"]["f:partner"]["value"]["value"] == "Gamma NGO"
    # Cleared, then restored from the version kept.
    with page.expect_navigation():
        bar(page).locator("[data-workspace-clear]").click()
    page.wait_for_selector(".worksheet--ready")
    assert page.locator("[data-field-part=partner] input").input_value() == ""
    assert "Cleared" in bar(page).locator("[data-workspace-status]").inner_text()
    bar(page).locator("summary").click()
    with page.expect_navigation():
        bar(page).locator("[data-workspace-restore]").first.click()
    page.wait_for_selector(".worksheet--ready")
    assert page.locator("[data-field-part=partner] input").input_value() == "Gamma NGO"
    # Another browser: opened as a new workspace, then a partner's file combined into another.
    other = browser.new_context(accept_downloads=True).new_page()
    open_plan(other, base)
    add_action(other, "Default action")
    bar(other).locator("summary").click()
    bar(other).locator("[data-workspace-import]").set_input_files(str(path))
    with other.expect_navigation():
        bar(other).locator("[data-workspace-mode=new]").click()
    other.wait_for_selector(".plan--ready")
    assert shown_name(other) == "Gamma"
    assert plan_texts(other) == ["Gamma action"]
    switch(other, "My partnership")
    assert plan_texts(other) == ["Default action"]
    bar(other).locator("summary").click()
    bar(other).locator("[data-workspace-import]").set_input_files(str(path))
    with other.expect_navigation():
        bar(other).locator("[data-workspace-mode=combine]").click()
    other.wait_for_selector(".plan--ready")
    assert sorted(plan_texts(other)) == ["Default action", "Gamma action"]
    assert "Combined" in bar(other).locator("[data-workspace-status]").inner_text()
    # A file that is not a workspace changes nothing and says why.
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "partnering-guidelines-worksheet", "records": {}}))
    bar(other).locator("summary").click()
    bar(other).locator("[data-workspace-import]").set_input_files(str(bad))
    other.wait_for_function("() => document.querySelector('[data-workspace-status]').textContent.startsWith('Not imported')")
    assert sorted(plan_texts(other)) == ["Default action", "Gamma action"]
    other.context.close()


def type_partner(page, text):
    field = page.locator("[data-field-part=partner] input")
    field.fill(text)
    field.dispatch_event("change")
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Saved')")


@pytest.mark.parametrize("base", ["http"], indirect=True)
def test_deleting_a_workspace_removes_its_keys_only_and_the_other_tab_is_told(context, base, tmp_path):
    page, other = context.new_page(), context.new_page()
    open_sheet(page, base, "rewards-and-risks")
    type_partner(page, "Default NGO")
    assert bar(page).locator("[data-workspace-delete]").evaluate("b => b.hidden")    # never the default
    new_workspace(page, "Keep")
    type_partner(page, "Kept NGO")
    keep_id = page.locator("[data-workspace-select]").input_value()
    new_workspace(page, "Gone")
    type_partner(page, "Gone NGO")
    gone_id = page.locator("[data-workspace-select]").input_value()
    gone_prefix = PREFIX.replace("{id}", gone_id)
    # A second tab in the workspace to delete (a tab keeps the workspace it was opened in), with
    # text typed and not stored yet when the first tab deletes it.
    open_sheet(other, base, "rewards-and-risks")
    assert other.locator("[data-field-part=partner] input").input_value() == "Gone NGO"
    other.locator(RISK).fill("typed in the other tab")
    assert page.evaluate("p => Object.keys(localStorage).some(k => k.includes(p))", gone_prefix)
    bar(page).locator("summary").click()
    bar(page).locator("[data-workspace-delete]").click()
    # Asked first, its export offered: cancelling changes nothing.
    bar(page).locator("[data-workspace-delete-mode=cancel]").click()
    assert values(page, gone_prefix + "worksheet:rewards-and-risks")["f:partner"]["value"] == "Gone NGO"
    bar(page).locator("[data-workspace-delete]").click()
    with page.expect_download() as saved, page.expect_navigation():
        bar(page).locator("[data-workspace-delete-mode=export]").click()
    path = tmp_path / "gone.json"
    saved.value.save_as(path)
    assert json.loads(path.read_text(encoding="utf-8"))["tools"]["worksheet:rewards-and-risks"]["f:partner"]["value"]["value"] == "Gone NGO"
    page.wait_for_selector(".worksheet--ready")
    assert shown_name(page) == "My partnership"
    assert page.locator("[data-field-part=partner] input").input_value() == "Default NGO"
    assert page.locator("[data-workspace-select] option").all_inner_texts() == ["My partnership", "Keep"]
    assert not page.evaluate("p => Object.keys(localStorage).filter(k => k.includes(p) && !k.includes('@dropped'))", gone_prefix)
    assert values(page, "worksheet:rewards-and-risks")["f:partner"]["value"] == "Default NGO"
    assert values(page, PREFIX.replace("{id}", keep_id) + "worksheet:rewards-and-risks")["f:partner"]["value"] == "Kept NGO"
    # The other tab is told, and keeps on its page what it showed and what was typed there, which
    # its export holds; nothing more is stored under the deleted workspace.
    other.wait_for_function("() => document.querySelector('[data-workspace-status]').textContent.includes('deleted in another tab')")
    assert other.locator("[data-workspace-delete]").evaluate("b => b.hidden")
    other.wait_for_timeout(1500)    # past the save's pause: the typed text must still be there
    assert other.locator("[data-field-part=partner] input").input_value() == "Gone NGO"
    assert other.locator(RISK).input_value() == "typed in the other tab"
    with other.expect_download() as kept:
        other.locator("[data-export-json]").click()
    records = json.loads(Path(kept.value.path()).read_text(encoding="utf-8"))["records"]
    assert records["f:partner"]["value"] == "Gone NGO" and records["r:risks:IV.4.2"]["values"]["risk"] == "typed in the other tab"
    other.reload()          # as on a visit after: nothing of the deleted workspace comes back
    other.wait_for_selector(".worksheet--ready")
    assert not other.evaluate("p => Object.keys(localStorage).filter(k => k.includes(p) && !k.includes('@dropped'))", gone_prefix)
