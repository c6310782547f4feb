"""What the tools (worksheets, the action plan, the self-assessment) have stored, read from
localStorage by the tests themselves (not by the page's code): the data layer's keys
(macros/site/storage.json) as docs/assets/js/data-layer.js documents them. A field's heads are its versions that no other
version replaced, newest first; more than one is a conflict. A row is removed when a head of its
"@deleted" field saw (listed in "w") every cell head it has."""
from __future__ import annotations

import json

from macros.site.storage import contract

DATA = contract()["data_prefix"]
HISTORY = contract()["history_prefix"]
DUMP = "(p) => Object.keys(localStorage).filter(k => k.startsWith(p)).map(k => [k, localStorage.getItem(k)])"


def _heads(page, tool: str) -> dict[str, dict[str, list[dict]]]:
    return _heads_of(page.evaluate(DUMP, DATA + tool + "/"), tool)


def _heads_of(pairs, tool: str) -> dict[str, dict[str, list[dict]]]:
    """The heads of a tool's fields from [key, text] pairs (a dump of localStorage)."""
    versions: dict = {}
    for key, text in pairs:
        if not key.startswith(DATA + tool + "/"):
            continue
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


# --- the self-assessment (records of docs/assets/js/assessment-data.js) ------------------------
ASSESSMENT = contract()["tools"]["assessment"]
# In a page: whether the newest stored version of a question's field (value, note, action) is v
# (null: none, for an answer; "" for text).
NEWEST_IS = """([prefix, q, f, v]) => {
  const p = prefix + 'q:' + q + '/' + f + '/', found = {};
  for (const k of Object.keys(localStorage)) {
    if (!k.startsWith(p)) continue;
    try { found[k.slice(p.length)] = JSON.parse(localStorage.getItem(k)); } catch (e) { /* not a version */ }
  }
  const replaced = new Set(Object.values(found).flatMap(x => x.s || []));
  const heads = Object.entries(found).filter(([id]) => !replaced.has(id))
    .sort(([a, x], [b, y]) => (x.t < y.t || (x.t === y.t && a < b)) ? 1 : -1);
  return (heads.length ? heads[0][1].v : (f === 'value' ? null : '')) === v;
}"""
ASSESSMENT_PREFIX = DATA + ASSESSMENT + "/"


def answers(page, dump=None) -> dict[str, dict]:
    """{question id: {"value", "note", "action"}} of the self-assessment as stored (newest
    versions), answers with nothing stored left out; from `dump` ([key, text] pairs) if given."""
    out: dict[str, dict] = {}
    heads = _heads_of(dump, ASSESSMENT) if dump is not None else _heads(page, ASSESSMENT)
    for record, fields in heads.items():
        fields = {f: hs[0]["v"] for f, hs in fields.items()}
        if record.startswith("q:"):
            out[record[2:]] = {"value": fields.get("value"), "note": fields.get("note", ""), "action": fields.get("action", "")}
    return out


def organisation(page) -> str:
    return values(page, ASSESSMENT).get("organisation", {}).get("value", "")


def nothing_stored(page, tool: str) -> bool:
    return not page.evaluate(DUMP, DATA + tool + "/")
