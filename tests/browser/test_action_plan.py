"""The action plan as a tracker, in Chromium over http:// and file://, on a fixed day (Playwright's
clock): actions added, edited, moved and removed (with Undo) on the plan; overdue and due-soon
flags in words with the dates as the page's language writes them; the completion date set when
an action is marked done; filters; the plan's file round trip; one card per action at 360 px."""
from __future__ import annotations

import datetime
import json

import pytest
from stored import values

TODAY = datetime.datetime(2026, 12, 5, 10, 0, tzinfo=datetime.UTC)


def open_plan(page, base):
    page.clock.set_fixed_time(TODAY)
    page.goto(f"{base}/action-plan.html")
    page.wait_for_selector(".plan--ready")


def rows(page):
    return page.locator("#plan-table tbody tr")


def row_of(page, action):
    """The row whose action (typed on the plan) is `action`, wherever it moves."""
    ids = rows(page).evaluate_all("(trs, a) => trs.filter(tr => tr.querySelector('[data-key=action]').value === a).map(tr => tr.dataset.action)", action)
    assert len(ids) == 1, (action, texts(page))
    return page.locator(f"#plan-table tr[data-action='{ids[0]}']")


def texts(page):
    return rows(page).evaluate_all("trs => trs.map(tr => tr.querySelector('[data-key=action]').value)")


def add(page, action, owner, due, task=""):
    count = rows(page).count()
    page.locator("[data-add-action]").click()
    page.wait_for_function("n => document.querySelectorAll('#plan-table tbody tr').length === n", arg=count + 1)
    row = rows(page).last
    assert row.locator("textarea[data-key=action]").evaluate("el => el === document.activeElement")
    row.locator("[data-key=action]").fill(action)
    row.locator("[data-key=owner]").fill(owner)
    row.locator("[data-key=due]").fill(due)
    if task:
        row.locator("[data-key=task]").select_option(task)
    row.locator("[data-key=due]").dispatch_event("change")


def choose(page, selector, value):
    """A filter chosen as a user does: the focus leaves the table first."""
    page.locator(selector).focus()
    page.select_option(selector, value)


def saved_action(page, action):
    page.wait_for_function(
        "a => Object.keys(localStorage).some(k => k.includes('/action-plan/plan:') && k.includes('/action/') && localStorage.getItem(k).includes(a))",
        arg=action)


def test_a_plan_run_for_months(context, base, tmp_path):
    page = context.new_page()
    open_plan(page, base)
    add(page, "Book the venue", "Ana", "2026-02-05", "6.2")
    add(page, "Print the agenda", "Ben", "2026-12-12")
    add(page, "Write the report", "Ana", "2027-03-01")
    saved_action(page, "Write the report")
    assert texts(page) == ["Book the venue", "Print the agenda", "Write the report"]
    # Flags in words, beside the date as the page's language writes it.
    venue, agenda, report = (row_of(page, a) for a in ("Book the venue", "Print the agenda", "Write the report"))
    assert venue.locator("[data-flag]").inner_text() == "Overdue"
    assert venue.locator("[data-due-text]").inner_text() == "February 5, 2026"
    assert agenda.locator("[data-flag]").inner_text() == "Due soon"
    assert report.locator("[data-flag]").inner_text() == ""
    assert venue.locator("[data-task-link] a").inner_text() == "Task 6.2"
    assert venue.locator("[data-task-link] a").get_attribute("href").endswith("steps/6.html#task-6-2")
    assert venue.locator("[data-from]").inner_text() == "Added on the action plan"
    # Filters: by owner, by due date, by status.
    choose(page, "[data-plan-owner]", "Ana")
    assert texts(page) == ["Book the venue", "Write the report"]
    choose(page, "[data-plan-owner]", "")
    choose(page, "[data-plan-due]", "overdue")
    assert texts(page) == ["Book the venue"]
    choose(page, "[data-plan-due]", "due-soon")
    assert texts(page) == ["Print the agenda"]
    choose(page, "[data-plan-due]", "")
    # Done: no longer overdue, completed today (editable), notes kept.
    venue.locator("[data-key=status]").select_option("Done")
    page.wait_for_function("() => document.querySelector('#plan-table tr.plan-done [data-key=completed]').value === '2026-12-05'")
    assert venue.locator("[data-flag]").inner_text() == ""
    assert venue.locator("[data-completed-text]").inner_text() == "December 5, 2026"
    choose(page, "[data-plan-filter]", "Done")
    assert texts(page) == ["Book the venue"]
    choose(page, "[data-plan-filter]", "")
    venue.locator("[data-key=notes]").fill("Paid the deposit <b>not bold</b>")
    venue.locator("[data-key=notes]").dispatch_event("change")
    # Moved: the report before the agenda, kept after a reload.
    report.locator("[data-move=up]").click()
    assert texts(page) == ["Book the venue", "Write the report", "Print the agenda"]
    page.reload()
    page.wait_for_selector(".plan--ready")
    assert texts(page) == ["Book the venue", "Write the report", "Print the agenda"]
    assert row_of(page, "Book the venue").locator("[data-key=notes]").input_value() == "Paid the deposit <b>not bold</b>"
    assert row_of(page, "Book the venue").locator("[data-key=completed]").input_value() == "2026-12-05"
    # Removed, then back with Undo.
    row_of(page, "Print the agenda").locator("[data-remove]").click()
    assert texts(page) == ["Book the venue", "Write the report"]
    assert "Action removed" in page.locator("#ws-status").inner_text()
    page.locator("#ws-status [data-undo]").click()
    assert texts(page) == ["Book the venue", "Write the report", "Print the agenda"]
    # The plan's file holds all of it, and brings it back into an empty plan (another browser).
    with page.expect_download() as download:
        page.locator("[data-export-plan-json]").click()
    path = tmp_path / "plan.json"
    download.value.save_as(path)
    exported = {a["action"]: a for a in json.loads(path.read_text())["actions"]}
    assert exported["Book the venue"]["notes"] == "Paid the deposit <b>not bold</b>"
    assert exported["Book the venue"]["completed"] == "2026-12-05"
    other = context.browser.new_context().new_page()
    open_plan(other, base)
    other.locator("[data-import-plan]").set_input_files(str(path))
    other.wait_for_function("() => document.querySelectorAll('#plan-table tbody tr').length === 3")
    assert sorted(texts(other)) == ["Book the venue", "Print the agenda", "Write the report"]
    assert row_of(other, "Book the venue").locator("[data-key=task]").input_value() == "6.2"
    assert row_of(other, "Book the venue").locator("[data-flag]").inner_text() == ""
    assert row_of(other, "Print the agenda").locator("[data-flag]").inner_text() == "Due soon"
    other.context.close()


@pytest.mark.parametrize("base", ["http"], indirect=True)
def test_a_worksheet_action_removed_on_the_plan_leaves_its_worksheet_and_comes_back(context, base):
    page = context.new_page()
    page.goto(f"{base}/worksheets/resource-map.html")
    page.locator("[data-add-row=actions]").click()
    row = page.locator("#ws-actions tbody tr").first
    row.locator("[data-cell=action] textarea").fill("Ship the laptops")
    row.locator("[data-cell=due] input").fill("2026-11-01")
    row.locator("[data-cell=due] input").dispatch_event("change")
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Saved')")
    open_plan(page, base)
    tr = page.locator("#plan-table tr[data-kind=worksheet]")
    assert tr.locator("[data-action-text]").inner_text() == "Ship the laptops"
    assert tr.locator("[data-flag]").inner_text() == "Overdue"
    tr.locator("[data-key=notes]").fill("Customs papers")
    tr.locator("[data-key=notes]").dispatch_event("change")
    tr.locator("[data-remove]").click()
    assert page.locator("#plan-table tr[data-kind=worksheet]").count() == 0
    assert not [k for k in values(page, "worksheet:resource-map") if k.startswith("r:actions:")]   # removed rows left out
    page.locator("#ws-status [data-undo]").click()
    assert page.locator("#plan-table tr[data-kind=worksheet] [data-key=notes]").input_value() == "Customs papers"
    page.goto(f"{base}/worksheets/resource-map.html")
    assert page.locator("#ws-actions tbody tr [data-cell=action] textarea").input_value() == "Ship the laptops"


@pytest.mark.parametrize("base", ["http"], indirect=True)
def test_on_a_phone_each_action_is_a_card_with_every_field(browser, base):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    open_plan(page, base)
    add(page, "A long action " * 12, "Community health workers' association", "2026-02-05", "3.2")
    saved_action(page, "A long action")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    card = rows(page).first
    cells = card.locator("td")
    assert cells.count() == 9
    for i in range(cells.count()):
        td = cells.nth(i)
        box = td.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, td.get_attribute("data-column")
        label = td.evaluate("el => getComputedStyle(el, '::before').content")
        assert label.strip('"') == td.get_attribute("data-label") != ""
    for key in ("action", "owner", "due", "status", "completed", "notes", "task"):
        box = card.locator(f"[data-key={key}]").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, key
    assert card.locator("[data-flag]").is_visible() and card.locator("[data-flag]").inner_text() == "Overdue"
    context.close()
