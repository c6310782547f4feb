"""What the worksheets and the action plan have stored, read from localStorage by the tests
themselves (not by the page's code): the data layer's keys (macros/site/storage.json) as
docs/assets/js/data-layer.js documents them. A field's heads are its versions that no other
version replaced, newest first; more than one is a conflict. A row is removed when a head of its
"@deleted" field saw (listed in "w") every cell head it has."""
from __future__ import annotations

import json

from macros.site.storage import contract

DATA = contract()["data_prefix"]
HISTORY = contract()["history_prefix"]
DUMP = "(p) => Object.keys(localStorage).filter(k => k.startsWith(p)).map(k => [k, localStorage.getItem(k)])"


def _heads(page, tool: str) -> dict[str, dict[str, list[dict]]]:
    versions: dict = {}
    for key, text in page.evaluate(DUMP, DATA + tool + "/"):
        record, field, vid = key[len(DATA) + len(tool) + 1:].split("/")
        try:
            body = json.loads(text)
        except json.JSONDecodeError:
            continue
        versions.setdefault((record, field), {})[vid] = body
    out: dict = {}
    for (record, field), found in versions.items():
        replaced = {r for body in found.values() for r in body.get("s", [])}
        live = sorted(({"id": vid, **body} for vid, body in found.items() if vid not in replaced),
                      key=lambda h: (h["t"], h["id"]), reverse=True)
        if live:
            out.setdefault(record, {})[field] = live
    return out


def _removed(fields: dict) -> bool:
    deletions = [h for h in fields.get("@deleted", []) if h["v"] is True]
    if not deletions:
        return False
    seen = {i for h in deletions for i in h.get("w", [])}
    return all(h["id"] in seen for f, hs in fields.items() if not f.startswith("@") for h in hs)


def heads(page, tool: str, keep_removed: bool = False) -> dict[str, dict[str, list]]:
    """{record: {field: [values of its heads, newest first]}} of one tool (removed rows left out)."""
    return {r: {f: [h["v"] for h in hs] for f, hs in fields.items()}
            for r, fields in _heads(page, tool).items() if keep_removed or not _removed(fields)}


def values(page, tool: str) -> dict[str, dict]:
    """{record: {field: value}}: each field's newest head (removed rows left out)."""
    return {r: {f: v[0] for f, v in fields.items()} for r, fields in heads(page, tool).items()}


def snapshots(page, tool: str) -> list[dict]:
    found = [json.loads(text) for _, text in page.evaluate(DUMP, HISTORY + tool + "/")]
    return sorted(found, key=lambda s: s.get("when") or "", reverse=True)


def data_keys(page) -> dict[str, str]:
    return dict(page.evaluate(DUMP, DATA))
