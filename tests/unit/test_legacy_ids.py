"""Version 0.1.0 stored worksheet answers under its ids ("f:<field>", "r:<table>:<row>", values by
column id) and the data layer takes them in as they are (worksheet-core.js,
adoptLegacyWorksheet). A field, table, column, fixed row or choice renamed or dropped since then
would hide what 0.1.0's users typed: every id of 0.1.0's worksheets (tests/fixtures/v0.1.0/
worksheets.json, from 0.1.0's own pages) must still be today's, with the same kind of control."""
from __future__ import annotations

import json

import pytest

from macros.project import ROOT
from macros.site.worksheets import browser_model

OLD = json.loads((ROOT / "tests/fixtures/v0.1.0/worksheets.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def today(content) -> dict[str, dict[tuple[str, str], dict]]:
    models = {s.id: json.loads(str(browser_model(content, s))) for s in content.worksheets}
    return {sid: {(p["kind"], p["id"]): p for p in m["parts"]} for sid, m in models.items()}


@pytest.mark.parametrize("sheet", sorted(OLD))
def test_every_id_0_1_0_stored_under_is_still_there(sheet, today):
    assert sheet in today, f"worksheet {sheet} is gone: 0.1.0's answers to it have no page"
    now = today[sheet]
    problems = []
    for part in OLD[sheet]["parts"]:
        new = now.get((part["kind"], part["id"]))
        if new is None:
            problems.append(f"{part['kind']} {part['id']} is gone")
        elif part["kind"] == "field":
            if new["type"] != part["type"] or not set(part["options"]) <= set(new["options"]):
                problems.append(f"field {part['id']}: {part['type']} {part['options']} is now {new['type']} {new['options']}")
        else:
            problems += _table_changes(part, new)
    assert not problems, f"{sheet}: " + "; ".join(problems)


def _table_changes(old: dict, new: dict) -> list[str]:
    out = []
    columns = {c["id"]: c for c in new["columns"]}
    for c in old["columns"]:
        now = columns.get(c["id"])
        if now is None:
            out.append(f"column {old['id']}.{c['id']} is gone")
        elif now["kind"] != c["kind"] or not set(c["options"]) <= set(now["options"]):
            out.append(f"column {old['id']}.{c['id']}: {c['kind']} {c['options']} is now {now['kind']} {now['options']}")
    fixed_then = [f["id"] for f in old["fixed"]]
    fixed_now = [f["id"] for f in new["fixed"]]
    if bool(fixed_then) != bool(fixed_now) or not set(fixed_then) <= set(fixed_now):
        out.append(f"table {old['id']}'s fixed rows {fixed_then} are now {fixed_now}")
    return out
