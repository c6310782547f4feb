"""Nothing a user types in a worksheet or the action plan is lost (issue 20), in Chromium over
http:// and file://: two tabs on one page (different fields; the same field with the cursor in
it; a row removed while it is typed in), tabs made stale on purpose (their main thread kept busy
while the other tab writes, then writing from the copy of localStorage they had), the Back
button with the back-forward cache on, imports and restores in a stale tab, storage full then
freed, clocks hours apart, a slow connection with typing before the scripts load, and what
version 0.1.0 stored. Each test checks what the user sees, then what is stored (read by
tests/stored.py, not by the page's code). Every page error fails the test."""
from __future__ import annotations

import functools
import http.server
import json
import threading
import time
from pathlib import Path

import pytest
from conftest import one_way_in
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect
from stored import ASSESSMENT_PREFIX, NEWEST_IS, heads, snapshots, values
from stored import answers as assessment_answers
from two_tabs import NotStale, Tool, TwoTabRun, runs, seed_of, stale, stale_done, tool_heads

from macros.project import ROOT
from macros.site import storage

LEGACY = json.loads((ROOT / "tests/fixtures/v0.1.0/storage.json").read_text(encoding="utf-8"))
LEGACY_SHEETS = json.loads((ROOT / "tests/fixtures/v0.1.0/worksheets.json").read_text(encoding="utf-8"))
RESTORED = "window.__restored = window.__restored || 0; addEventListener('pageshow', e => { if (e.persisted) window.__restored += 1; });"
CLOCK_AHEAD = """(() => {
  const Real = Date, shift = 3 * 3600 * 1000;
  class Ahead extends Real {
    constructor(...args) { if (args.length) super(...args); else super(Real.now() + shift); }
    static now() { return Real.now() + shift; }
  }
  window.Date = Ahead;
})();"""
FILL = """() => {
  let have = '';
  for (let n = 1 << 23; n >= 1; n >>= 1) {
    try { localStorage.setItem('filler', have + 'x'.repeat(n)); have += 'x'.repeat(n); } catch (e) { /* too big: try half */ }
  }
  try { localStorage.setItem('filler-probe', '1'); return -1; } catch (e) { return have.length; }
}"""
PLAN = storage.plan_tool()


def sheet_tool(sheet: str) -> str:
    return storage.worksheet_tool(sheet)


class Tabs:
    """New tabs of one browser profile, each failing the test on any uncaught page error."""

    def __init__(self, context):
        self.context = context
        self.errors: list[str] = []

    def new(self, init: str | None = None):
        page = self.context.new_page()
        if init:
            page.add_init_script(init)
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: {e}"))
        return page


@pytest.fixture
def tabs(request, browser):
    """The full browser with its back-forward cache for tests marked back_forward_cache."""
    if request.node.get_closest_marker("back_forward_cache"):
        browser = request.getfixturevalue("bfcache_browser")
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(RESTORED)
    context.on("page", lambda p: p.on("dialog", lambda d: d.accept()))
    t = Tabs(context)
    yield t
    context.close()
    assert not t.errors, t.errors


def open_sheet(page, base, sheet):
    page.goto(f"{base}/worksheets/{sheet}.html")
    page.wait_for_selector(".worksheet--ready")


def open_plan(page, base):
    page.goto(f"{base}/action-plan.html")
    page.wait_for_selector(".plan--ready")


def type_in(page, selector, text):
    """Type and leave the control (its change event stores at once)."""
    page.locator(selector).fill(text)
    page.locator(selector).dispatch_event("change")


def shows(page, selector, value, timeout=15000):
    try:
        page.wait_for_function("([s, v]) => document.querySelector(s) && document.querySelector(s).value === v", arg=[selector, value],
                               timeout=timeout)
    except PlaywrightTimeout:
        shown = page.evaluate("s => document.querySelector(s) && document.querySelector(s).value", selector)
        pytest.fail(f"{page.url} shows {shown!r} in {selector}, expected {value!r}")


def eventually(page, check, what, timeout=15.0):
    """Poll what is stored (read by the test, not by the page) until check() holds."""
    end = time.monotonic() + timeout
    while True:
        try:
            if check():
                return
        except (KeyError, IndexError):
            pass
        if time.monotonic() > end:
            pytest.fail(what)
        page.wait_for_timeout(100)


def stored_is(page, tool, record, field, value, why):
    eventually(page, lambda: heads(page, tool).get(record, {}).get(field) == [value],
               f"{why}: stored {heads(page, tool).get(record, {}).get(field)!r}, expected only {value!r}")


def conflict_text(page, selector) -> str:
    box = page.locator(selector).locator("xpath=following-sibling::div[contains(@class, 'dl-conflict')]")
    return box.inner_text() if box.count() else ""


# The notice follows the control, after its print-only copy (print-values.js) where it has one.
SEES = """([s, texts]) => { const el = document.querySelector(s); if (!el) return false;
  let next = el.nextElementSibling;
  while (next && !next.classList.contains('dl-conflict')) next = next.nextElementSibling;
  const box = next ? next.textContent : '';
  return !!box && texts.every(t => el.value === t || box.includes(t)); }"""


def sees_both(page, selector, texts):
    """The control shows one version (the newest) and the conflict beside it the other."""
    try:
        page.wait_for_function(SEES, arg=[selector, texts], timeout=15000)
    except PlaywrightTimeout:
        pytest.fail(f"{page.url}: {selector} shows {page.input_value(selector)!r} and beside it "
                    f"{conflict_text(page, selector)!r}, expected both of {texts!r}")


DECISION = "#ws-f-decision"
PARTNER = "#ws-f-partner"
RISK = "#ws-risks tr[data-row='IV.4.2'] [data-cell=risk] textarea"
WHY = "#ws-options tr[data-row='12.1.renewal.a'] [data-cell=why] textarea"


# --- two tabs on one worksheet ---------------------------------------------------------------

def test_a_stale_tab_writing_one_field_keeps_the_other_tabs_field(tabs, base):
    """0.1.0 wrote the whole worksheet from the stale tab's copy: the other tab's answer went."""
    a, b = tabs.new(), tabs.new()
    open_sheet(a, base, "rewards-and-risks")
    open_sheet(b, base, "rewards-and-risks")
    stale(b, {"kind": "type", "selector": RISK, "text": "Typed in B"}, probe="Typed in A")
    type_in(a, PARTNER, "Typed in A")
    stored_is(a, sheet_tool("rewards-and-risks"), "f:partner", "value", "Typed in A", "A's answer was not stored")
    stale_done(b, a.evaluate("Date.now()"))
    shows(b, PARTNER, "Typed in A")
    shows(a, RISK, "Typed in B")
    stored = values(a, sheet_tool("rewards-and-risks"))
    assert stored["f:partner"]["value"] == "Typed in A" and stored["r:risks:IV.4.2"]["risk"] == "Typed in B"


def test_the_same_field_with_the_cursor_in_it(tabs, base):
    """A field with the cursor shows what another tab wrote while its user has not typed; its next
    key press changes that text. Typed in both at once: both versions kept, a choice offered."""
    a, b = tabs.new(), tabs.new()
    open_sheet(a, base, "moving-on")
    open_sheet(b, base, "moving-on")
    a.focus(DECISION)
    type_in(b, DECISION, "Renew for two years")
    shows(a, DECISION, "Renew for two years")
    assert a.evaluate("document.activeElement.id") == "ws-f-decision"
    a.keyboard.press("End")
    a.keyboard.type(", then review")
    stored_is(a, sheet_tool("moving-on"), "f:decision", "value", "Renew for two years, then review", "A's key presses")
    shows(b, DECISION, "Renew for two years, then review")
    # Both type at once: B from a stale copy.
    stale(b, {"kind": "type", "selector": DECISION, "text": "B: transfer to the ministry"}, probe="A: renew")
    type_in(a, DECISION, "A: renew")
    stored_is(a, sheet_tool("moving-on"), "f:decision", "value", "A: renew", "A's version")
    stale_done(b, a.evaluate("Date.now()"))
    for page in (a, b):
        sees_both(page, DECISION, ["A: renew", "B: transfer to the ministry"])
    eventually(a, lambda: sorted(heads(a, sheet_tool("moving-on"))["f:decision"]["value"]) == ["A: renew", "B: transfer to the ministry"],
               "both versions are not stored")
    # A chooses B's version: one version left, in both tabs, and no conflict shown.
    if a.input_value(DECISION) == "B: transfer to the ministry":
        a.locator(".dl-conflict__keep").click()
    else:
        a.locator(".dl-conflict__use").click()
    shows(a, DECISION, "B: transfer to the ministry")
    shows(b, DECISION, "B: transfer to the ministry")
    b.wait_for_function("() => !document.querySelector('.dl-conflict')")
    assert heads(a, sheet_tool("moving-on"))["f:decision"]["value"] == ["B: transfer to the ministry"]


def add_row(page, table, partner):
    page.locator(f"[data-add-row={table}]").click()
    row = page.locator(f"#ws-{table} tbody tr").last
    row.locator("[data-cell=partner] input").fill(partner)
    row.locator("[data-cell=partner] input").dispatch_event("change")
    return row.get_attribute("data-row")


def test_a_row_removed_in_one_tab_while_typed_in_another(tabs, base):
    """The row stays under the cursor and comes back in the tab that removed it, with the text;
    from a live tab and from a stale one."""
    tool = sheet_tool("stakeholder-map")
    a, b = tabs.new(), tabs.new()
    open_sheet(a, base, "stakeholder-map")
    open_sheet(b, base, "stakeholder-map")
    row = add_row(a, "inventory", "Ministry")
    cell = f"#ws-inventory tr[data-row='{row}'] [data-cell=value] textarea"
    shows(b, f"#ws-inventory tr[data-row='{row}'] [data-cell=partner] input", "Ministry")
    # Live: A is typing (not stored yet) when B removes the row. On a loaded machine A could store
    # its text before B's click and B have it: B then removed text it had seen, as it may, and
    # the test proved nothing (NotStale: run again). B's click records whether B's storage had it.
    a.locator(cell).fill("typed while B removes")
    stale(b, {"kind": "click", "selector": f"#ws-inventory tr[data-row='{row}'] .ws-remove"},
          probe="typed while B removes", ms=1)
    b.wait_for_function("() => window.__stale !== undefined", timeout=20000)
    if b.evaluate("window.__stale.saw"):
        raise NotStale("A's text was stored, and B had it, before B removed the row: run again")
    a.wait_for_timeout(1000)
    shows(a, cell, "typed while B removes")
    stored_is(a, tool, f"r:inventory:{row}", "value", "typed while B removes", "the text typed in the removed row")
    shows(b, cell, "typed while B removes")
    b.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('A row you removed is back')")
    assert values(a, tool)[f"r:inventory:{row}"]["partner"] == "Ministry"
    # Stale: B removes from a copy that has not seen A's next words.
    a.locator(cell).blur()
    stale(b, {"kind": "click", "selector": f"#ws-inventory tr[data-row='{row}'] .ws-remove"}, probe="and more")
    type_in(a, cell, "typed while B removes, and more")
    stale_done(b, a.evaluate("Date.now()"))
    shows(b, cell, "typed while B removes, and more")
    a.wait_for_timeout(500)
    assert a.locator(cell).count() == 1
    stored_is(a, tool, f"r:inventory:{row}", "value", "typed while B removes, and more", "the text typed while a stale tab removed the row")
    # Removed by a tab that has seen everything: gone in both (once the cursor has left it), and
    # Undo brings it back.
    a.locator(cell).blur()
    b.locator(f"#ws-inventory tr[data-row='{row}'] .ws-remove").click()
    a.wait_for_function("r => !document.querySelector(`#ws-inventory tr[data-row='${r}']`)", arg=row)
    assert f"r:inventory:{row}" not in values(a, tool)
    b.locator("#ws-status [data-undo]").click()
    shows(a, cell, "typed while B removes, and more")
    assert values(b, tool)[f"r:inventory:{row}"]["partner"] == "Ministry"


def test_typing_goes_on_while_another_tab_removes_a_row_above(tabs, base):
    """Another tab removing a row above the one being typed in used to move every row below it
    out of the page and back: the cursor left the row and the next key presses went nowhere."""
    tool = sheet_tool("stakeholder-map")
    a, b = tabs.new(), tabs.new()
    open_sheet(a, base, "stakeholder-map")
    open_sheet(b, base, "stakeholder-map")
    first, second, third = (add_row(a, "inventory", name) for name in ("Ministry", "Chamber", "Union"))
    contact = f"#ws-inventory tr[data-row='{third}'] [data-cell=contact] input"
    shows(b, f"#ws-inventory tr[data-row='{third}'] [data-cell=partner] input", "Union")
    b.locator(contact).click()
    b.keyboard.type("Ms Lee, ")
    for row in (first, second):
        a.locator(f"#ws-inventory tr[data-row='{row}'] .ws-remove").click()
        b.wait_for_function("r => !document.querySelector(`#ws-inventory tr[data-row='${r}']`)", arg=row)
        assert b.evaluate("document.activeElement.id") == f"ws-inventory-{third}-contact", "the cursor left the row typed in"
    a.locator("#ws-status [data-undo]").click()      # the second row comes back, above the one typed in
    b.wait_for_selector(f"#ws-inventory tr[data-row='{second}']")
    assert b.evaluate("document.activeElement.id") == f"ws-inventory-{third}-contact", "the cursor left the row typed in"
    b.keyboard.type("lee@example.org")
    stored_is(b, tool, f"r:inventory:{third}", "contact", "Ms Lee, lee@example.org", "what was typed while rows above went and came back")
    shows(a, contact, "Ms Lee, lee@example.org")


def json_file(tmp_path, name, sheet, records):
    path = tmp_path / name
    path.write_text(json.dumps({"format": "partnering-guidelines-worksheet", "schema_version": 1, "worksheet": sheet, "records": records}),
                    encoding="utf-8")
    return path


def test_import_and_restore_in_a_stale_tab(tabs, base, tmp_path):
    """A replace and a restore made from a stale copy keep what the other tab typed meanwhile:
    beside the file's value (a conflict, both shown), or untouched where they did not reach."""
    tool = sheet_tool("moving-on")
    a, b = tabs.new(), tabs.new()
    open_sheet(a, base, "moving-on")
    open_sheet(b, base, "moving-on")
    type_in(a, DECISION, "Mine, first")
    shows(b, DECISION, "Mine, first")
    b.locator("[data-import-json]").set_input_files(str(json_file(tmp_path, "file.json", "moving-on",
                                                                   {"f:decision": {"value": "From the file", "updated": "2026-01-01T00:00:00Z"}})))
    b.locator("[data-import-mode=replace]").wait_for()
    stale(b, {"kind": "click", "selector": "[data-import-mode=replace]"}, probe="Typed in A meanwhile")
    type_in(a, DECISION, "Typed in A meanwhile")
    stale_done(b, a.evaluate("Date.now()"))
    b.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Imported')")
    for page in (a, b):
        sees_both(page, DECISION, ["Typed in A meanwhile", "From the file"])
    eventually(a, lambda: sorted(heads(a, tool)["f:decision"]["value"]) == ["From the file", "Typed in A meanwhile"],
               "the replace from a stale copy dropped what A typed")
    assert [s["reason"]["code"] for s in snapshots(a, tool)] == ["before-replace"]
    # A keeps its text; then a restore from a stale copy, while A types another field.
    if a.input_value(DECISION) == "Typed in A meanwhile":
        a.locator(".dl-conflict__keep").click()
    else:
        a.locator(".dl-conflict__use").click()
    stored_is(a, tool, "f:decision", "value", "Typed in A meanwhile", "A's choice")
    b.locator(".ws-history summary").click()
    stale(b, {"kind": "click", "selector": "[data-history] [data-restore]"}, probe="why, typed during the restore")
    type_in(a, WHY, "why, typed during the restore")
    stale_done(b, a.evaluate("Date.now()"))
    b.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Restored')")
    shows(b, WHY, "why, typed during the restore")
    shows(a, WHY, "why, typed during the restore")
    shows(b, DECISION, "Mine, first")
    stored_is(a, tool, "r:options:12.1.renewal.a", "why", "why, typed during the restore", "the restore from a stale copy")
    # What the restore replaced is kept: A's chosen text is in the newest earlier version.
    assert "Typed in A meanwhile" in snapshots(a, tool)[0]["data"]


@pytest.mark.back_forward_cache
def test_the_back_button_shows_what_another_tab_wrote_and_the_next_key_press_builds_on_it(tabs, base):
    tool = sheet_tool("moving-on")
    page, other = tabs.new(), tabs.new()
    open_sheet(page, base, "moving-on")
    type_in(page, DECISION, "first")
    page.focus(DECISION)
    page.goto(f"{base}/worksheets/index.html")
    open_sheet(other, base, "moving-on")
    type_in(other, DECISION, "from the other tab")
    type_in(other, WHY, "a reason")
    page.go_back(wait_until="commit")
    page.wait_for_selector(".worksheet--ready")
    assert page.evaluate("window.__restored") == (1 if base.startswith("http") else 0)   # file:// pages are never cached
    shows(page, DECISION, "from the other tab")
    shows(page, WHY, "a reason")
    page.locator(DECISION).click()
    page.keyboard.press("End")
    page.keyboard.type("!")
    stored_is(page, tool, "f:decision", "value", "from the other tab!", "the key press after Back")
    assert values(page, tool)["r:options:12.1.renewal.a"]["why"] == "a reason"
    shows(other, DECISION, "from the other tab!")


def fill_storage(page):
    assert page.evaluate(FILL) > 0, "could not fill localStorage to its quota"


TYPED_WHILE_FULL = "typed while full, longer than what it replaces " * 3


def test_storage_full_then_freed_then_an_import(tabs, base, tmp_path):
    """Typed while storage is full: shown, in the export, and stored before an import replaces it
    (0.1.0 replaced it unseen: the earlier version kept did not have it)."""
    tool = sheet_tool("moving-on")
    page = tabs.new()
    open_sheet(page, base, "moving-on")
    type_in(page, DECISION, "stored before the disk filled")
    fill_storage(page)
    type_in(page, DECISION, TYPED_WHILE_FULL)
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Not saved')")
    with page.expect_download() as download:
        page.locator("#ws-status button").click()
    assert json.loads(Path(download.value.path()).read_text(encoding="utf-8"))["records"]["f:decision"]["value"] == TYPED_WHILE_FULL
    path = json_file(tmp_path, "theirs.json", "moving-on", {"f:decision": {"value": "theirs"}})
    page.locator("[data-import-json]").set_input_files(str(path))
    page.locator("[data-import-mode=replace]").click()
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Not imported')")
    shows(page, DECISION, TYPED_WHILE_FULL)
    page.evaluate("() => { localStorage.removeItem('filler'); localStorage.removeItem('filler-probe'); }")
    page.locator("[data-import-json]").set_input_files(str(path))
    page.locator("[data-import-mode=replace]").click()
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Imported')")
    shows(page, DECISION, "theirs")
    kept = snapshots(page, tool)[0]
    assert json.loads(kept["data"])["records"]["f:decision"]["value"] == TYPED_WHILE_FULL
    page.locator(".ws-history summary").click()
    page.locator("[data-history] [data-restore]").first.click()
    shows(page, DECISION, TYPED_WHILE_FULL)
    stored_is(page, tool, "f:decision", "value", TYPED_WHILE_FULL, "restored")


def test_typed_while_full_is_stored_once_space_is_freed(tabs, base):
    tool = sheet_tool("moving-on")
    page = tabs.new()
    open_sheet(page, base, "moving-on")
    fill_storage(page)
    page.locator(DECISION).fill("typed while full, kept")
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Not saved')")
    page.evaluate("() => { localStorage.removeItem('filler'); localStorage.removeItem('filler-probe'); }")
    stored_is(page, tool, "f:decision", "value", "typed while full, kept", "not stored after space was freed")
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Saved')")


def test_tabs_with_clocks_hours_apart(tabs, base, tmp_path):
    """A replace made in a tab three hours ahead, then a change after it in a tab on time: the
    later change wins (it replaced what it saw), even when the tab ahead then writes from a stale
    copy."""
    tool = sheet_tool("moving-on")
    ahead, ontime = tabs.new(CLOCK_AHEAD), tabs.new()
    open_sheet(ontime, base, "moving-on")
    open_sheet(ahead, base, "moving-on")
    type_in(ontime, DECISION, "before the import")
    shows(ahead, DECISION, "before the import")
    ahead.locator("[data-import-json]").set_input_files(str(json_file(tmp_path, "ahead.json", "moving-on", {"f:decision": {"value": "imported ahead"}})))
    ahead.locator("[data-import-mode=replace]").click()
    shows(ontime, DECISION, "imported ahead")
    stale(ahead, {"kind": "type", "selector": WHY, "text": "from the tab ahead"}, probe="after the import, on time")
    type_in(ontime, DECISION, "after the import, on time")
    stale_done(ahead, ontime.evaluate("Date.now()") + 3 * 3600 * 1000)
    shows(ahead, DECISION, "after the import, on time")
    shows(ontime, WHY, "from the tab ahead")
    stored = heads(ontime, tool)
    assert stored["f:decision"]["value"] == ["after the import, on time"]
    assert stored["r:options:12.1.renewal.a"]["why"] == ["from the tab ahead"]
    assert not ontime.locator(".dl-conflict").count() and not ahead.locator(".dl-conflict").count()


class SlowScripts(http.server.SimpleHTTPRequestHandler):
    """The built site, with every script answered seconds late (a slow phone's connection)."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.server.slow and self.path.split("?")[0].endswith(".js"):
            time.sleep(3)
        super().do_GET()

    def end_headers(self):
        # Never from the browser's cache: the tab that stored earlier work fetched the same scripts.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@pytest.fixture
def slow_server(site):
    """The server and a switch: `slow_server.slow = True` holds the scripts back from then on (the
    tab that stores earlier work needs no slow connection)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SlowScripts, directory=str(site)))
    httpd.slow = False
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()


def address(httpd) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}"


def not_yet(page, controls, loading):
    """Before the page's script ran: controls that need it cannot be used (a file chosen or a
    click would otherwise do nothing, silently), and the status says it is loading."""
    for c in controls:
        assert page.locator(c).is_disabled(), f"{c} can be used before the script that handles it has loaded"
    assert page.locator("#ws-status").inner_text().startswith(loading)


def ready_now(page, controls):
    for c in controls:
        assert page.locator(c).is_enabled(), f"{c} is still disabled once the page is ready"
    assert "Loading" not in page.locator("#ws-status").inner_text()


def test_the_plan_cannot_be_imported_or_exported_before_its_scripts_load(tabs, slow_server):
    """The plan's table is drawn by its script, so nothing can be typed there before it runs; its
    file import and exports, served in the page, wait for it and say so."""
    slow_server.slow = True
    page = tabs.new()
    page.goto(f"{address(slow_server)}/action-plan.html", wait_until="commit")
    page.wait_for_selector("[data-import-plan]", state="attached")
    assert not page.locator(".plan--ready").count(), "the scripts had loaded already: the test proves nothing"
    controls = ["[data-import-plan]", "[data-export-plan-csv]", "[data-export-plan-json]", "[data-sort=owner]"]
    not_yet(page, controls, "Loading the action plan")
    page.wait_for_selector(".plan--ready", timeout=60000)
    ready_now(page, controls)


def test_typed_before_the_scripts_load_is_kept_and_stored(tabs, slow_server):
    """The form shows and takes typing seconds before its scripts run: what was typed in a field
    and in a blank row stays, and is stored (0.1.0 cleared both). Stored text typed over before
    the page could show it is kept beside it, never replaced unseen."""
    tool = sheet_tool("stakeholder-map")
    seed = tabs.new()
    open_sheet(seed, address(slow_server), "stakeholder-map")
    type_in(seed, "#ws-f-selection", "stored earlier")
    slow_server.slow = True
    page = tabs.new()
    cdp = tabs.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 300, "downloadThroughput": 200 * 1024,
                                                   "uploadThroughput": 100 * 1024})
    page.goto(f"{address(slow_server)}/worksheets/stakeholder-map.html", wait_until="commit")
    page.locator("#ws-inventory tr.ws-blank [data-cell=partner] input").first.fill("Typed before ready")
    page.locator("#ws-f-selection").fill("typed over, before ready")
    assert not page.locator(".worksheet--ready").count(), "the scripts had loaded already: the test proves nothing"
    not_yet(page, ["[data-import-json]", "[data-export-json]", "[data-add-row=inventory]", "[data-import-csv=inventory]"], "Loading the worksheet")
    page.wait_for_selector(".worksheet--ready", timeout=60000)
    ready_now(page, ["[data-import-json]", "[data-export-json]", "[data-add-row=inventory]", "[data-import-csv=inventory]"])
    shows(page, "#ws-inventory tbody tr [data-cell=partner] input", "Typed before ready")
    shows(page, "#ws-f-selection", "typed over, before ready")
    assert "stored earlier" in conflict_text(page, "#ws-f-selection")
    eventually(page, lambda: any(r.get("partner") == "Typed before ready" for r in values(page, tool).values()), "the blank row's text")
    eventually(page, lambda: sorted(heads(page, tool)["f:selection"]["value"]) == ["stored earlier", "typed over, before ready"],
               "the field typed before ready")
    assert page.locator("#ws-inventory tbody tr").count() == 1


# --- the action plan -------------------------------------------------------------------------

ASSESSMENT = {"format": "partnering-guidelines-assessment", "schema_version": 1, "organisation": "",
              "answers": {"q-1.1-1": {"value": "partly", "note": "", "action": "Agree the problem statement", "updated": "2026-01-01T00:00:00.000Z"},
                          "q-1.2-1": {"value": "partly", "note": "", "action": "Draft the scope", "updated": "2026-01-01T00:00:00.000Z"}},
              "set_aside": [], "updated": "2026-01-01T00:00:00.000Z"}
ACTION_1 = "assessment:q-1.1-1"
ACTION_2 = "assessment:q-1.2-1"


def plan_control(action_id, key):
    return f"#plan-table [data-action-id='{action_id}'][data-key='{key}']"


def seed_plan(page, base, worksheet_row=True):
    """Two self-assessment actions, and one worksheet action row (stakeholder-map's next actions)."""
    page.goto(f"{base}/worksheets/index.html")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage.legacy_assessment_key(), json.dumps(ASSESSMENT)])
    if not worksheet_row:
        return None
    open_sheet(page, base, "stakeholder-map")
    page.locator("[data-add-row=actions]").click()
    row = page.locator("#ws-actions tbody tr").last
    row.locator("[data-cell=action] textarea").fill("Call the cooperative")
    row.locator("[data-cell=action] textarea").dispatch_event("change")
    return "worksheet:stakeholder-map:actions:" + row.get_attribute("data-row")


def test_plan_two_tabs_a_stale_tab_and_typing_not_erased(tabs, base):
    a, b = tabs.new(), tabs.new()
    sheet_action = seed_plan(a, base)
    open_plan(a, base)
    open_plan(b, base)
    # A is typing an owner when B writes elsewhere: A's typing stays, and goes on.
    a.locator(plan_control(ACTION_1, "owner")).click()
    a.keyboard.type("Mai")
    type_in(b, plan_control(ACTION_2, "due"), "2026-05-01")
    shows(a, plan_control(ACTION_2, "due"), "2026-05-01")
    a.keyboard.type(", typing")
    shows(a, plan_control(ACTION_1, "owner"), "Mai, typing")
    stored_is(a, PLAN, ACTION_1, "owner", "Mai, typing", "the owner typed")
    # B, stale, sets a status while A sets the owner of the same action (and moves on): both stored.
    stale(b, {"kind": "type", "selector": plan_control(ACTION_1, "status"), "text": "In progress"}, probe="Mai Tran")
    type_in(a, plan_control(ACTION_1, "owner"), "Mai Tran")
    a.locator(plan_control(ACTION_1, "owner")).blur()
    stale_done(b, a.evaluate("Date.now()"))
    shows(b, plan_control(ACTION_1, "owner"), "Mai Tran")
    shows(a, plan_control(ACTION_1, "status"), "In progress")
    stored = values(a, PLAN)[ACTION_1]
    assert stored["owner"] == "Mai Tran" and stored["status"] == "In progress"
    # The same for an action kept in a worksheet.
    stale(b, {"kind": "type", "selector": plan_control(sheet_action, "due"), "text": "2026-06-30"}, probe="NGO desk")
    type_in(a, plan_control(sheet_action, "owner"), "NGO desk")
    a.locator(plan_control(sheet_action, "owner")).blur()
    stale_done(b, a.evaluate("Date.now()"))
    record = "r:actions:" + sheet_action.rsplit(":", 1)[1]
    eventually(a, lambda: values(a, sheet_tool("stakeholder-map"))[record] == {**values(a, sheet_tool("stakeholder-map"))[record],
                                                                              "owner": "NGO desk", "due": "2026-06-30"},
               "an owner or due date of the worksheet action was lost")
    shows(b, plan_control(sheet_action, "owner"), "NGO desk")


def test_plan_the_same_owner_with_the_cursor_in_it(tabs, base):
    a, b = tabs.new(), tabs.new()
    seed_plan(a, base, worksheet_row=False)
    open_plan(a, base)
    open_plan(b, base)
    a.focus(plan_control(ACTION_1, "owner"))
    type_in(b, plan_control(ACTION_1, "owner"), "Lead partner")
    shows(a, plan_control(ACTION_1, "owner"), "Lead partner")
    assert a.evaluate("document.activeElement.getAttribute('data-key')") == "owner"
    a.keyboard.press("End")
    a.keyboard.type(" (Mai)")
    stored_is(a, PLAN, ACTION_1, "owner", "Lead partner (Mai)", "A's key presses")
    stale(b, {"kind": "type", "selector": plan_control(ACTION_1, "owner"), "text": "B: the ministry"}, probe="A: the NGO")
    type_in(a, plan_control(ACTION_1, "owner"), "A: the NGO")
    stale_done(b, a.evaluate("Date.now()"))
    for page in (a, b):
        sees_both(page, plan_control(ACTION_1, "owner"), ["A: the NGO", "B: the ministry"])
    eventually(a, lambda: sorted(heads(a, PLAN)[ACTION_1]["owner"]) == ["A: the NGO", "B: the ministry"], "both owners are not stored")


def test_plan_owner_typed_then_the_tab_closed_is_stored(tabs, base):
    """0.1.0 saved when the field lost focus: closing the tab lost the owner."""
    page = tabs.new()
    seed_plan(page, base, worksheet_row=False)
    open_plan(page, base)
    page.locator(plan_control(ACTION_2, "owner")).press_sequentially("Closed right after typing")
    page.close(run_before_unload=True)
    check = tabs.new()
    check.goto(f"{base}/worksheets/index.html")
    stored_is(check, PLAN, ACTION_2, "owner", "Closed right after typing", "the owner typed before the tab closed")
    open_plan(check, base)
    shows(check, plan_control(ACTION_2, "owner"), "Closed right after typing")


def test_plan_exports_hold_the_edit_storage_could_not_keep(tabs, base):
    page = tabs.new()
    seed_plan(page, base, worksheet_row=False)
    open_plan(page, base)
    fill_storage(page)
    type_in(page, plan_control(ACTION_1, "owner"), "Owner typed while full")
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Not saved')")
    with page.expect_download() as download:
        page.locator("[data-export-plan-csv]").click()
    assert "Owner typed while full" in Path(download.value.path()).read_text(encoding="utf-8-sig")
    with page.expect_download() as download:
        page.locator("[data-export-plan-json]").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert [a["owner"] for a in exported["actions"] if a["id"] == ACTION_1] == ["Owner typed while full"]
    page.evaluate("() => { localStorage.removeItem('filler'); localStorage.removeItem('filler-probe'); }")
    stored_is(page, PLAN, ACTION_1, "owner", "Owner typed while full", "stored once space was freed")


def test_done_belongs_to_the_action_it_was_given_for(tabs, base):
    page = tabs.new()
    seed_plan(page, base, worksheet_row=False)
    open_plan(page, base)
    page.locator(plan_control(ACTION_1, "status")).select_option("Done")
    page.wait_for_function("() => document.querySelector(\"tr[data-action='assessment:q-1.1-1']\").classList.contains('plan-done')")
    assert values(page, PLAN)[ACTION_1]["status"] == "Done"          # what the assessment page reads
    page.goto(f"{base}/assessment/module-a.html")
    page.wait_for_selector(".assessment--ready")
    assert page.locator("[data-question='q-1.1-1'] [data-action-done]:not(fieldset)").is_visible()
    details = page.locator("[data-question='q-1.1-1'] details")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    page.locator("[data-question='q-1.1-1'] [data-field=action]").fill("Agree the problem statement with every partner")
    page.wait_for_function(NEWEST_IS, arg=[ASSESSMENT_PREFIX, "q-1.1-1", "action", "Agree the problem statement with every partner"])
    open_plan(page, base)
    shows(page, plan_control(ACTION_1, "status"), "Not started")
    assert "rewritten" in page.locator("tr[data-action='assessment:q-1.1-1'] .plan-reset").inner_text()
    assert not page.locator("tr[data-action='assessment:q-1.1-1']").get_attribute("class") or "plan-done" not in page.locator(
        "tr[data-action='assessment:q-1.1-1']").get_attribute("class")
    page.goto(f"{base}/assessment/module-a.html")
    page.wait_for_selector(".assessment--ready")
    assert not page.locator("[data-question='q-1.1-1'] [data-action-done]:not(fieldset)").is_visible()
    open_plan(page, base)
    page.locator(plan_control(ACTION_1, "status")).select_option("Done")
    assert values(page, PLAN)[ACTION_1]["status-for"] == "Agree the problem statement with every partner"


def test_plan_a_status_chosen_between_two_versions_is_shown_and_kept_for_the_assessment(tabs, base):
    """Two tabs set one action's status at once, then the user chooses one of the two versions:
    the row is drawn again (no longer struck through as done), the page says it saved, and the
    assessment page no longer shows "Done". (data-view.js reported a choice without the count of
    fields saved, which the plan took for nothing saved.)"""
    a, b = tabs.new(), tabs.new()
    seed_plan(a, base, worksheet_row=False)
    open_plan(a, base)
    open_plan(b, base)
    status, row = plan_control(ACTION_1, "status"), f"tr[data-action='{ACTION_1}']"
    stale(b, {"kind": "type", "selector": status, "text": "Done"}, probe="In progress")
    a.locator(status).select_option("In progress")
    stale_done(b, a.evaluate("Date.now()"))
    sees_both(a, status, ["In progress", "Done"])
    eventually(a, lambda: sorted(heads(a, PLAN)[ACTION_1]["status"]) == ["Done", "In progress"], "both statuses are not stored")
    b.close()
    shows(a, status, "Done")      # the newer, written last by B
    a.wait_for_function("r => document.querySelector(r).classList.contains('plan-done')", arg=row)
    a.locator(".dl-conflict__use").click()
    shows(a, status, "In progress")
    a.wait_for_function("r => !document.querySelector(r).classList.contains('plan-done')", arg=row, timeout=5000)
    assert a.locator("#ws-status").inner_text().startswith("Saved")
    a.goto(f"{base}/assessment/module-a.html")
    a.wait_for_selector(".assessment--ready")
    assert not a.locator("[data-question='q-1.1-1'] [data-action-done]:not(fieldset)").is_visible()


def test_plan_a_replace_in_a_stale_tab_hours_ahead(tabs, base, tmp_path):
    """The plan replaced from a file in a tab whose clock is three hours ahead and whose copy of
    the storage is stale: the owner typed meanwhile in the other tab stays beside the file's (both
    shown, both stored), and the choice made later in the tab on time wins over the tab ahead."""
    ontime, ahead = tabs.new(), tabs.new(CLOCK_AHEAD)
    seed_plan(ontime, base, worksheet_row=False)
    open_plan(ontime, base)
    open_plan(ahead, base)
    owner = plan_control(ACTION_1, "owner")
    type_in(ontime, owner, "Mine, first")
    shows(ahead, owner, "Mine, first")
    with ontime.expect_download() as download:
        ontime.locator("[data-export-plan-json]").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    for action in exported["actions"]:
        if action["id"] == ACTION_1:
            action["owner"] = "From the file"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    ahead.locator("[data-import-plan]").set_input_files(str(path))
    ahead.locator("[data-import-mode=replace]").wait_for()
    stale(ahead, {"kind": "click", "selector": "[data-import-mode=replace]"}, probe="Typed meanwhile")
    type_in(ontime, owner, "Typed meanwhile")
    stale_done(ahead, ontime.evaluate("Date.now()") + 3 * 3600 * 1000)
    for page in (ontime, ahead):
        sees_both(page, owner, ["Typed meanwhile", "From the file"])
    eventually(ontime, lambda: sorted(heads(ontime, PLAN)[ACTION_1]["owner"]) == ["From the file", "Typed meanwhile"],
               "the replace from a stale tab dropped the owner typed meanwhile")
    assert [s["reason"]["code"] for s in snapshots(ontime, PLAN)][:1] == ["before-replace"]
    if ontime.input_value(owner) == "Typed meanwhile":
        ontime.locator(".dl-conflict__keep").click()
    else:
        ontime.locator(".dl-conflict__use").click()
    stored_is(ontime, PLAN, ACTION_1, "owner", "Typed meanwhile", "the choice made on time, after the tab ahead")
    shows(ahead, owner, "Typed meanwhile")
    # The tab ahead takes the choice in its next redraw: its notice goes then, not before.
    expect(ahead.locator(".dl-conflict")).to_have_count(0)


def test_a_worksheet_row_removed_while_its_owner_is_typed_in_the_plan(tabs, base):
    """The plan's tab is typing an owner, not stored yet, when the worksheet's tab removes the row:
    the owner, stored after the removal that never saw it, brings the row back in both. The
    plan's tab is kept busy (stale) while the row is removed, so that its owner is stored after
    the removal whatever the machine's load (its pause before saving once raced the removal)."""
    plan_tab, sheet = tabs.new(), tabs.new()
    action = seed_plan(plan_tab, base)
    row = action.rsplit(":", 1)[1]
    record = "r:actions:" + row
    open_plan(plan_tab, base)
    open_sheet(sheet, base, "stakeholder-map")
    stale(plan_tab, {"kind": "type", "selector": plan_control(action, "owner"), "text": "Typed in the plan"}, probe='"v":true')
    sheet.locator(f"#ws-actions tr[data-row='{row}'] .ws-remove").click()
    sheet.wait_for_selector(f"#ws-actions tr[data-row='{row}']", state="detached")
    eventually(sheet, lambda: record not in heads(sheet, sheet_tool("stakeholder-map")), "the row was not removed")
    stale_done(plan_tab, sheet.evaluate("Date.now()"))
    shows(plan_tab, plan_control(action, "owner"), "Typed in the plan")
    stored_is(plan_tab, sheet_tool("stakeholder-map"), record, "owner", "Typed in the plan", "the owner typed in the removed row")
    shows(sheet, f"#ws-actions tr[data-row='{row}'] [data-cell=owner] input", "Typed in the plan")
    shows(sheet, f"#ws-actions tr[data-row='{row}'] [data-cell=action] textarea", "Call the cooperative")


# --- what version 0.1.0 stored ------------------------------------------------------------------

def legacy_actions() -> set[str]:
    """The actions (as the plan shows them, on one line) of the rows 0.1.0 stored and did not
    remove in every worksheet's action tables."""
    out = set()
    for sheet in LEGACY_SHEETS.values():
        records = json.loads(LEGACY[storage.legacy_worksheet_key(sheet["id"])])["records"]
        for table in (p["id"] for p in sheet["parts"] if p.get("actions")):
            out |= {" ".join(r["values"]["action"].split()) for k, r in records.items()
                    if k.startswith(f"r:{table}:") and not r.get("deleted") and r["values"].get("action")}
    return out


def test_everything_version_0_1_0_stored_appears(tabs, base):
    """Storage captured from 0.1.0 (tests/fixtures/v0.1.0, made by its own code): the plan, opened
    first, shows its actions; each worksheet its answers and earlier versions; the old keys are
    kept as earlier versions before they go; the assessment still shows "Done"."""
    page = tabs.new()
    page.goto(f"{base}/worksheets/index.html")
    page.evaluate("d => { localStorage.clear(); for (const [k, v] of Object.entries(d)) localStorage.setItem(k, v); }", LEGACY)
    open_plan(page, base)
    rows = {page.locator("#plan-table tbody tr").nth(i).locator("td").first.inner_text(): page.locator("#plan-table tbody tr").nth(i)
            for i in range(page.locator("#plan-table tbody tr").count())}
    assert set(rows) == {"Map the remaining partners"} | legacy_actions()
    assert rows["Map the remaining partners"].locator("[data-key=owner]").input_value() == "Lead partner"
    assert rows["Map the remaining partners"].locator("[data-key=due]").input_value() == "2026-01-15"
    assert rows["Map the remaining partners"].locator("[data-key=status]").input_value() == "Done"
    assert rows["Call the cooperative's board"].locator("[data-key=owner]").input_value() == "Mai"
    assert rows["Call the cooperative's board"].locator("[data-key=status]").input_value() == "Done"
    open_sheet(page, base, "stakeholder-map")
    partners = page.locator("#ws-inventory tbody tr [data-cell=partner] input")
    assert [partners.nth(i).input_value() for i in range(partners.count())][:2] == ["Provincial Department of Agriculture", "Farmers' cooperative"]
    assert page.input_value("#ws-f-selection") == "They hold the land records <and> the extension staff."
    page.locator(".ws-history summary").click()
    history = page.locator("[data-history]").inner_text()
    assert "As stored by version 0.1.0" in history and "Kept by version 0.1.0: before import" in history
    # The plan moved every worksheet with an action table; the others move when their page opens.
    old_keys = {k for k in page.evaluate("Object.keys(localStorage)") if k.startswith(storage.legacy_worksheet_key(""))}
    without_actions = {storage.legacy_worksheet_key(s["id"]) for s in LEGACY_SHEETS.values() if not any(p.get("actions") for p in s["parts"])}
    assert old_keys == without_actions & set(LEGACY) | {k + "/snapshots" for k in without_actions} & set(LEGACY)
    kept = {s["reason"]["code"]: s for s in snapshots(page, sheet_tool("stakeholder-map"))}
    assert kept["legacy"]["data"] == LEGACY["partnering-guidelines/worksheets/v1/stakeholder-map"]
    assert "before import" == kept["legacy-snapshot"]["reason"]["text"]
    open_sheet(page, base, "rewards-and-risks")
    assert page.input_value(PARTNER) == "Ministry of Environment"
    assert page.input_value(RISK) == "=Loss of control over the agenda"
    assert page.input_value("#ws-risks tr[data-row='IV.4.2'] [data-cell=likelihood] select") == "Medium"
    # The earlier version kept by 0.1.0 restores (it is 0.1.0's stored document).
    open_sheet(page, base, "stakeholder-map")
    page.locator(".ws-history summary").click()
    page.locator("[data-history] tr", has_text="Kept by version 0.1.0").locator("[data-restore]").click()
    page.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Restored')")
    assert page.locator("#ws-inventory tbody tr").count() == 1 and page.input_value("#ws-f-selection") == "They hold the land records <and> the extension staff."
    # The assessment page reads the plan's "Done" from 0.1.0's key, still written, and moves its
    # own answers into the layer: shown, and 0.1.0's key kept as an earlier version, then gone.
    page.goto(f"{base}/assessment/module-a.html#q-1-4-1")
    page.wait_for_selector(".assessment--ready")
    assert page.locator("[data-question='q-1.4-1'] [data-action-done]:not(fieldset)").is_visible()
    assert page.locator("input[name='q-1.4-1'][value='partly']").is_checked()
    assert page.input_value("[data-question='q-1.4-1'] [data-field=action]") == "Map the remaining partners"
    assert page.input_value("#assessment-organisation") == "Delta partnership"
    assert page.evaluate("k => localStorage.getItem(k)", storage.legacy_assessment_key()) is None
    page.goto(f"{base}/assessment/index.html")
    assert "As stored by version 0.1.0" in page.locator("#assessment-snapshots").inner_text()
    open_plan(page, base)
    assert page.locator("#plan-table tbody tr", has_text="Map the remaining partners").locator("[data-key=owner]").input_value() == "Lead partner"


ASSESSMENT_V1 = json.loads((ROOT / "tests/fixtures/assessment-v1/storage.json").read_text(encoding="utf-8"))


def test_everything_the_assessments_own_store_kept_appears(tabs, base):
    """Storage captured from the assessment's own store before the data layer (tests/fixtures/
    assessment-v1, made by its own code): the action plan, opened first, shows its next actions
    from the old key; the assessment's pages then show every answer, note, next action, the
    organisation, the answer set aside, the earlier versions (each restorable) and the last
    export date, and the old keys are gone."""
    page = tabs.new()
    page.goto(f"{base}/worksheets/index.html")
    page.evaluate("d => { localStorage.clear(); for (const [k, v] of Object.entries(d)) localStorage.setItem(k, v); }", ASSESSMENT_V1)
    open_plan(page, base)
    plan_rows = page.locator("#plan-table tbody tr td:first-child")
    assert sorted(plan_rows.nth(i).inner_text() for i in range(plan_rows.count())) == ["Agree the problem statement", "Draft the scope"]
    page.goto(f"{base}/assessment/all.html")
    page.wait_for_selector(".assessment--ready")
    old = json.loads(ASSESSMENT_V1[storage.legacy_assessment_key()])
    assert page.input_value("#assessment-organisation") == old["organisation"]
    for qid, a in old["answers"].items():
        if page.locator(f"[data-question='{qid}']").count():
            checked = page.locator(f"input[name='{qid}']:checked")
            assert (checked.get_attribute("value") if checked.count() else None) == a["value"], qid
            for field in ("note", "action"):
                assert page.input_value(f"[data-question='{qid}'] [data-field={field}]") == a[field], (qid, field)
    assert "set aside" in page.locator("#assessment-status").inner_text()
    assert not [k for k in page.evaluate("Object.keys(localStorage)") if k.startswith(storage.legacy_assessment_key())]
    page.goto(f"{base}/assessment/index.html")
    results = page.locator("#assessment-results").inner_text()
    assert "An old question" in results and "[\"fully\"]" in results      # the removed question's answer, the one set aside
    assert "changed since your last export" in page.locator("#assessment-backup").inner_text()   # a next action was given after it
    rows = page.locator("#assessment-snapshots tbody tr")
    kept = rows.all_inner_texts()
    assert len(kept) == 4 and sum("Kept by version 0.1.0: before" in r for r in kept) == 3 and sum("As stored by version 0.1.0" in r for r in kept) == 1
    exported = page.locator("#assessment-snapshots tbody tr", has_text="before replacing with ministry.json")
    exported.locator("[data-restore]").click()
    page.wait_for_function("() => document.getElementById('assessment-import-result').textContent.startsWith('Restored')")
    assert assessment_answers(page)["q-4.1-1"]["note"] == "From the partner"


# --- the randomised two-tab runs (tests/two_tabs.py) ---------------------------------------------
# 60 steps each in `make test` (its time budget), over one way in; DATA_LAYER_STEPS=400 for the
# long run over both, DATA_LAYER_REPEAT=20 for twenty runs of each, each with its own seed.
SHEET_TOOL = sheet_tool("stakeholder-map")
CELLS = {"partner": "input", "value": "textarea", "contact": "input"}


class WorksheetTool(Tool):
    """A worksheet's field and the cells of a table, rows added, removed and brought back."""

    name = "worksheet"
    ready = ".worksheet--ready"
    weights = {"type": 55, "stale": 8, "add": 10, "remove": 5, "back": 5, "reload": 3, "import": 3}
    required = ("add", "stale", "remove", "back", "import", "type")

    def __init__(self, base):
        self.base = base
        self.rows: list[str] = []             # rows not removed, by record

    def targets(self):
        return [("f:selection", "value")] + [(r, f) for r in self.rows for f in CELLS]

    def selector(self, target):
        record, field = target
        if record == "f:selection":
            return "#ws-f-selection"
        return f"#ws-inventory tr[data-row='{record.split(':')[2]}'] [data-cell={field}] {CELLS[field]}"

    def new_value(self, target, n, rng):
        return f"{n} <b>{rng.random():.4f}</b> é"

    def stored(self, page, target):
        return tool_heads(page, SHEET_TOOL, *target)

    def instead(self, op, rng):
        return "add" if op in ("type", "stale") and not self.rows and rng.random() < 0.5 else op

    def do_add(self, run, page, other, n):
        run.step(page, f"{n} add a row")
        page.locator("[data-add-row=inventory]").click()
        page.wait_for_function("() => !!document.activeElement.closest('#ws-inventory tr[data-row]')")
        self.rows.append("r:inventory:" + page.evaluate("document.activeElement.closest('tr').dataset.row"))
        return True

    def do_remove(self, run, page, other, n):
        if not self.rows:
            return False
        run.settle()
        record = run.rng.choice(self.rows)
        for f in CELLS:
            run.shows_expected(page, (record, f))
        run.step(page, f"{n} remove {record}")
        page.locator(f"#ws-inventory tr[data-row='{record.split(':')[2]}'] .ws-remove").click()
        self.rows.remove(record)
        kept = {t: run.expected.pop(t) for t in list(run.expected) if t[0] == record}
        if run.rng.random() < 0.5:                 # brought back at once
            page.locator("#ws-status [data-undo]").click()
            self.rows.append(record)
            run.expected.update(kept)
            run.done["undo"] = run.done.get("undo", 0) + 1
        return True

    def away_and_back(self, page):
        page.goto(f"{self.base}/action-plan.html")
        page.wait_for_selector(".plan--ready")
        page.go_back(wait_until="commit")
        page.wait_for_selector(self.ready)

    def exchange(self, run, page, other, path, rng):
        with page.expect_download() as download:
            page.locator("[data-export-json]").click()
        download.value.save_as(path)
        other.evaluate("document.getElementById('ws-status').textContent = ''")
        other.locator("[data-import-json]").set_input_files(str(path))
        other.wait_for_function("() => document.querySelector('[data-import-mode=combine]') || "
                                "document.getElementById('ws-status').textContent.startsWith('Imported')")
        if other.locator("[data-import-mode=combine]").count():
            other.locator("[data-import-mode=combine]").click()
        other.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Imported')")
        return "export, imported in the other tab"

    def finish(self, run):
        shown = sorted(run.pages[1].evaluate("[...document.querySelectorAll('#ws-inventory tbody tr')].map(r => 'r:inventory:' + r.dataset.row)"))
        assert shown == sorted(self.rows), (run.seed, shown, self.rows)


@pytest.mark.back_forward_cache
@one_way_in("file")
@runs
def test_random_two_tabs_on_a_worksheet(tabs, base, request, tmp_path, run):
    pages = [tabs.new(), tabs.new()]
    for p in pages:
        open_sheet(p, base, "stakeholder-map")
    TwoTabRun(WorksheetTool(base), pages, seed_of(request, run, 0), tmp_path).run()


class PlanTool(Tool):
    """Owner, due date and status of two self-assessment actions and two worksheet actions."""

    name = "action plan"
    ready = ".plan--ready"
    weights = {"type": 65, "stale": 10, "sort": 5, "back": 5, "reload": 3, "import": 3}
    STATUSES = ("Not started", "In progress", "Done")

    def __init__(self, base, actions):
        self.base, self.actions = base, actions

    def targets(self):
        return [(a, k) for a in self.actions for k in ("owner", "due", "status")]

    def selector(self, target):
        return plan_control(*target)

    def default(self, target):
        return "Not started" if target[1] == "status" else ""

    def new_value(self, target, n, rng):
        if target[1] == "status":
            return rng.choice(self.STATUSES)
        if target[1] == "due":
            return f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return f"owner {n} <i>{rng.random():.4f}</i>"

    def stored(self, page, target):
        action, key = target
        if action.startswith("assessment:"):
            return tool_heads(page, PLAN, action, key)
        return tool_heads(page, SHEET_TOOL, "r:actions:" + action.rsplit(":", 1)[1], key)

    def give(self, page, target, value, commit):
        if target[1] == "status":
            page.locator(self.selector(target)).select_option(value)
        else:
            super().give(page, target, value, commit)

    def do_sort(self, run, page, other, n):
        run.step(page, f"{n} sort")
        page.locator(f"[data-sort={run.rng.choice(['task', 'owner', 'due', 'status', 'action'])}]").click()
        return True

    def away_and_back(self, page):
        page.goto(f"{self.base}/worksheets/index.html")
        page.go_back(wait_until="commit")
        page.wait_for_selector(self.ready)

    def exchange(self, run, page, other, path, rng):
        with page.expect_download() as download:
            page.locator("[data-export-plan-json]").click()
        download.value.save_as(path)
        other.evaluate("document.getElementById('ws-status').textContent = ''")
        other.locator("[data-import-plan]").set_input_files(str(path))
        other.locator("[data-import-mode=combine]").click()
        other.wait_for_function("() => document.getElementById('ws-status').textContent.startsWith('Combined')")
        return "export, imported in the other tab"


@pytest.mark.back_forward_cache
@one_way_in("http")
@runs
def test_random_two_tabs_on_the_action_plan(tabs, base, request, tmp_path, run):
    pages = [tabs.new(), tabs.new()]
    sheet_rows = [seed_plan(pages[0], base)]
    pages[0].locator("[data-add-row=actions]").click()
    row = pages[0].locator("#ws-actions tbody tr").last
    row.locator("[data-cell=action] textarea").fill("Visit the district office")
    row.locator("[data-cell=action] textarea").dispatch_event("change")
    sheet_rows.append("worksheet:stakeholder-map:actions:" + row.get_attribute("data-row"))
    for p in pages:
        open_plan(p, base)
    TwoTabRun(PlanTool(base, [ACTION_1, ACTION_2, *sheet_rows]), pages, seed_of(request, run, 7), tmp_path).run()


ASSESSMENT_TOOL = storage.assessment_tool()
SCALE = ["not-in-place", "partly", "fully", "not-applicable"]


class AssessmentTool(Tool):
    """Choices on the scale, notes and next actions of four questions, and the organisation; a
    stale tab often changes another field of the same question (the issue's lost note)."""

    name = "assessment"
    ready = ".assessment--ready"
    weights = {"type": 62, "stale": 15, "back": 8, "reload": 5, "import": 4}

    def __init__(self, base, questions):
        self.base = base
        self._targets = [("organisation", "value")] + [(f"q:{q}", f) for q in questions for f in ("value", "note", "action")]

    def targets(self):
        return self._targets

    @staticmethod
    def scale(target):
        return target[1] == "value" and target[0] != "organisation"

    def selector(self, target):
        record, field = target
        return "#assessment-organisation" if record == "organisation" else f"[data-question='{record[2:]}'] [data-field={field}]"

    def default(self, target):
        return None if self.scale(target) else ""

    def new_value(self, target, n, rng):
        return rng.choice(SCALE) if self.scale(target) else super().new_value(target, n, rng)

    def stored(self, page, target):
        return tool_heads(page, ASSESSMENT_TOOL, *target)

    def shown(self, page, target):
        if self.scale(target):
            return page.evaluate("q => { const r = document.querySelector(`input[name='${q}']:checked`); return r ? r.value : null; }", target[0][2:])
        return super().shown(page, target)

    def wait_shows(self, page, target, want):
        if not self.scale(target):
            return super().wait_shows(page, target, want)
        page.wait_for_function("([q, v]) => { const r = document.querySelector(`input[name='${q}']:checked`); return (r ? r.value : null) === v; }",
                               arg=[target[0][2:], want], timeout=15000)

    def give(self, page, target, value, commit):
        if self.scale(target):
            page.locator(f"input[name='{target[0][2:]}'][value='{value}']").click()
            return
        if target[0] != "organisation":
            # Opened as a user does, but without a click that a refresh opening it meanwhile would undo.
            page.locator(f"[data-question='{target[0][2:]}'] details").evaluate("d => { d.open = true; }")
        super().give(page, target, value, commit)

    def stale_action(self, target, value):
        if self.scale(target):
            return {"kind": "click", "selector": f"input[name='{target[0][2:]}'][value='{value}']"}
        return super().stale_action(target, value)

    def pick_stale(self, targets, rng):
        mine = rng.choice(targets)
        same = [t for t in targets if t[0] == mine[0] and t != mine]
        return mine, rng.choice(same if same and rng.random() < 0.6 else [t for t in targets if t != mine])

    def away_and_back(self, page, then=None):
        page.goto(f"{self.base}/assessment/index.html")
        page.wait_for_selector(self.ready)
        if then:
            then(page)
        page.go_back(wait_until="commit")
        page.wait_for_selector(self.ready)

    def exchange(self, run, page, other, path, rng):
        mode = rng.choice(["combine", "replace"])

        def export_to(p):
            with p.expect_download() as download:
                p.locator("#assessment-export-json").click()
            download.value.save_as(path)

        def import_from(p):
            p.evaluate("document.getElementById('assessment-import-result').hidden = true")
            p.locator("#assessment-import").set_input_files(str(path))
            p.wait_for_selector("#assessment-import-choice:not([hidden]), #assessment-import-result:not([hidden])")
            if p.locator("#assessment-import-choice").is_visible():
                p.locator(f"#assessment-import-{mode}").click()
            p.wait_for_selector("#assessment-import-result:not([hidden])")
            assert "Nothing was imported" not in p.locator("#assessment-import-result").inner_text()

        self.away_and_back(page, export_to)
        self.away_and_back(other, import_from)
        return f"export, imported in the other tab ({mode})"

    def finish(self, run):
        page = run.pages[1]
        page.goto(f"{self.base}/assessment/index.html")
        with page.expect_download() as download:
            page.locator("#assessment-export-json").click()
        exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        for (record, field), want in run.expected.items():
            got = exported["organisation"] if record == "organisation" else exported["answers"].get(record[2:], {}).get(field)
            assert got == want, (run.seed, record, field, got, want)


def open_form(page, base):
    page.goto(f"{base}/assessment/module-a.html")
    page.wait_for_selector(".assessment--ready")


@pytest.mark.back_forward_cache
@one_way_in("http")
@runs
def test_random_two_tabs_on_the_assessment(tabs, base, request, tmp_path, run):
    """The export of the last page holds exactly what was given last, too."""
    pages = [tabs.new(), tabs.new()]
    for p in pages:
        open_form(p, base)
    questions = pages[0].evaluate("[...document.querySelectorAll('[data-question]')].filter(f => f.getClientRects().length)"
                                  ".slice(0, 4).map(f => f.dataset.question)")
    TwoTabRun(AssessmentTool(base, questions), pages, seed_of(request, run, 11), tmp_path).run()
