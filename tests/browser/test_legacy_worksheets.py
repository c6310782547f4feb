"""What version 0.1.0 stored for all 14 of its worksheets (tests/fixtures/v0.1.0/storage.json, made
by its own code) shows on today's pages: each worksheet opened once, every field and every cell
0.1.0 stored in its control, as the text it is (markup, quotes, Thai and Chinese never run as
HTML), rows it removed still gone, and its document kept under "Earlier versions". One test,
one load per page, over http: the Node tests (tests/js/legacy-worksheets.test.js) cover the
moving itself in detail, this the pages that show it."""
from __future__ import annotations

import json

import pytest

from macros.project import ROOT
from macros.site import storage

FIXTURE = ROOT / "tests/fixtures/v0.1.0"
LEGACY: dict[str, str] = json.loads((FIXTURE / "storage.json").read_text(encoding="utf-8"))
SHEETS: dict[str, dict] = json.loads((FIXTURE / "worksheets.json").read_text(encoding="utf-8"))
SNAPSHOTS = storage.contract()["legacy"]["worksheet_snapshots"]

# Every control of the worksheet as the page shows it, and any element that stored text would
# have made had it been taken as HTML.
SHOWN = """tables => {
  const value = el => el ? el.value : null;
  const fields = {};
  document.querySelectorAll("[id^='ws-f-']").forEach(el => { fields[el.id.slice(5)] = el.value; });
  const rows = {};
  tables.forEach(t => {
    rows[t] = {};
    document.querySelectorAll(`#ws-${t} tr[data-row]`).forEach(tr => {
      const cells = {};
      tr.querySelectorAll("[data-cell]").forEach(td => { cells[td.dataset.cell] = value(td.querySelector("input, textarea, select")); });
      rows[t][tr.dataset.row] = cells;
    });
  });
  const markup = document.querySelectorAll("img[src='x']").length + [...document.querySelectorAll("b")].filter(b => b.textContent === "x").length;
  return { fields, rows, markup };
}"""


def stored(sheet: str) -> tuple[dict[str, str], dict[str, dict[str, dict[str, str]]], dict[str, set[str]]]:
    """0.1.0's fields, live rows (table -> row -> column -> value) and removed rows of a worksheet."""
    records = json.loads(LEGACY[storage.legacy_worksheet_key(sheet)])["records"]
    fields: dict[str, str] = {}
    rows: dict[str, dict[str, dict[str, str]]] = {}
    removed: dict[str, set[str]] = {}
    for key, record in records.items():
        kind, part, *row = key.split(":")
        if kind == "f":
            fields[part] = record["value"]
        elif record.get("deleted"):
            removed.setdefault(part, set()).add(row[0])
        else:
            rows.setdefault(part, {})[row[0]] = record["values"]
    return fields, rows, removed


def differences(sheet: str, shown: dict) -> list[str]:
    fields, rows, removed = stored(sheet)
    out = [f"field {f}: {shown['fields'].get(f)!r}, stored {v!r}" for f, v in fields.items() if shown["fields"].get(f) != v]
    for part in SHEETS[sheet]["parts"]:
        if part["kind"] != "table":
            continue
        on_page = shown["rows"][part["id"]]
        for row, values in rows.get(part["id"], {}).items():
            out += [f"{part['id']} {row} {c}: {on_page.get(row, {}).get(c)!r}, stored {v!r}"
                    for c, v in values.items() if on_page.get(row, {}).get(c) != v]
        out += [f"{part['id']} {row}: removed in 0.1.0, shown" for row in removed.get(part["id"], set()) & set(on_page)]
        if not part["fixed"] and len(on_page) != len(rows.get(part["id"], {})):
            out.append(f"{part['id']}: {len(on_page)} rows shown, {len(rows.get(part['id'], {}))} stored")
    if shown["markup"]:
        out.append(f"{shown['markup']} elements made from stored text")
    return out


@pytest.mark.parametrize("base", ["http"], indirect=True)
def test_every_worksheet_0_1_0_stored_shows_on_its_page(page, base):
    assert len(SHEETS) == 14
    page.goto(f"{base}/worksheets/index.html")
    page.evaluate("d => { localStorage.clear(); for (const [k, v] of Object.entries(d)) localStorage.setItem(k, v); }", LEGACY)
    problems: dict[str, list[str]] = {}
    for sheet, model in SHEETS.items():
        page.goto(f"{base}/worksheets/{sheet}.html")
        page.wait_for_selector(".worksheet--ready")
        shown = page.evaluate(SHOWN, [p["id"] for p in model["parts"] if p["kind"] == "table"])
        page.locator(".ws-history summary").click()
        history = page.locator("[data-history]").inner_text()
        found = differences(sheet, shown)
        if "As stored by version 0.1.0" not in history:
            found.append("0.1.0's document not under Earlier versions")
        if SNAPSHOTS.replace("{id}", sheet) in LEGACY and "Kept by version 0.1.0" not in history:
            found.append("0.1.0's earlier versions not under Earlier versions")
        if found:
            problems[sheet] = found
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("base", ["http", "file"], indirect=True)
def test_the_whole_workspace_exported_holds_every_worksheet_0_1_0_stored(page, base, tmp_path):
    """Exported from the self-assessment's page (which has none of the worksheets' code) before
    any worksheet was opened: the file holds every field and cell of every worksheet 0.1.0
    stored, and none of the rows it removed."""
    page.goto(f"{base}/assessment/index.html")
    page.evaluate("d => { localStorage.clear(); for (const [k, v] of Object.entries(d)) localStorage.setItem(k, v); }", LEGACY)
    page.reload()
    page.locator("[data-workspace-bar] summary").click()
    with page.expect_download() as saved:
        page.locator("[data-workspace-export]").click()
    path = tmp_path / "workspace.json"
    saved.value.save_as(path)
    tools = json.loads(path.read_text(encoding="utf-8"))["tools"]
    missing = []
    for sheet in SHEETS:
        records = tools.get(storage.contract()["tools"]["worksheet"].replace("{id}", sheet), {})
        fields, rows, removed = stored(sheet)
        missing += [f"{sheet} {f}" for f, v in fields.items() if records.get(f"f:{f}", {}).get("value", {}).get("value") != v]
        missing += [f"{sheet} {t} {r} {c}" for t, by_row in rows.items() for r, values in by_row.items() for c, v in values.items()
                    if records.get(f"r:{t}:{r}", {}).get(c, {}).get("value") != v]
        missing += [f"{sheet} {t} {r}: removed in 0.1.0, exported" for t, gone in removed.items() for r in gone
                    if f"r:{t}:{r}" in records and "@deleted" not in records[f"r:{t}:{r}"]]
    assert not missing, missing
