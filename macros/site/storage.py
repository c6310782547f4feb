"""What the toolkit keeps in the browser, defined once in storage.json: the keys, the formats'
names and the limits. Python reads it here (the page models name the keys the browser uses);
the build embeds the same file in every page model for docs/assets/js/data-layer.js."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

CONTRACT = Path(__file__).with_name("storage.json")


@cache
def contract() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CONTRACT.read_text(encoding="utf-8"))
    return data


def _text(*path: str) -> str:
    """One string of the contract, by its path (a KeyError names a contract that lost it)."""
    value: Any = contract()
    for key in path:
        value = value[key]
    return str(value)


def worksheet_tool(sheet_id: str) -> str:
    return _text("tools", "worksheet").replace("{id}", sheet_id)


def plan_tool() -> str:
    return _text("tools", "plan")


def legacy_worksheet_key(sheet_id: str) -> str:
    """Where version 0.1.0 kept a worksheet's answers (read once, then kept as an earlier version)."""
    return _text("legacy", "worksheet").replace("{id}", sheet_id)


def group_tool() -> str:
    return _text("tools", "group")


def legacy_plan_key() -> str:
    return _text("legacy", "plan")


def assessment_tool() -> str:
    return _text("tools", "assessment")


def legacy_assessment_key() -> str:
    """Where the self-assessment's own store kept its answers (moved into the data layer by the
    assessment's pages; the action plan reads next actions there until then)."""
    return _text("legacy", "assessment")
