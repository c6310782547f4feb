// Unit tests of the data layer (docs/assets/js/data-layer.js): tabs whose copy of localStorage
// lags (as a busy Chromium tab's does), conflicts, removals, clocks, imports, earlier versions.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Layer = require("../../docs/assets/js/data-layer.js");
const contract = require("../../macros/site/storage.json");
const { origin, fakeWindow, clock } = require("./fake-storage.js");

const TOOL = "worksheet:stakeholder-map";

function open(area, shiftMs = 0, limits) {
  const c = limits ? { ...contract, limits: { ...contract.limits, ...limits } } : contract;
  return Layer.open({ contract: c, win: fakeWindow(), storage: area, clock: clock("2026-01-01T00:00:00.000Z", shiftMs) });
}

function field(layer, record, name) {
  const recs = layer.state(TOOL).records;
  return recs[record] && recs[record][name] ? recs[record][name] : null;
}

/* What a page does when the user types: a change of the version shown. */
function type(layer, record, name, value) {
  const f = field(layer, record, name);
  return layer.write(TOOL, [{ record, field: name, value, base: f ? [f.id] : [] }]);
}

test("a stale tab writing one field never removes another field (the old whole-document write did)", () => {
  const o = origin(), a = o.tab(), b = o.tab(false);
  const A = open(a), B = open(b);
  type(A, "f:partner", "value", "From tab A");
  // B's copy has not taken in A's write: B types another field.
  assert.equal(field(B, "f:partner", "value"), null);
  assert.ok(type(B, "r:inventory:row-1", "partner", "From tab B").ok);
  b.sync(); B.rescan(); A.rescan();
  for (const L of [A, B]) {
    assert.equal(field(L, "f:partner", "value").value, "From tab A");
    assert.equal(field(L, "r:inventory:row-1", "partner").value, "From tab B");
  }
});

test("the same field typed in two tabs at once: both versions kept, a choice resolves it", () => {
  const o = origin(), a = o.tab(), b = o.tab(false);
  const A = open(a), B = open(b);
  type(A, "f:goal", "value", "first");
  b.sync(); B.rescan();
  type(A, "f:goal", "value", "A's text");           // B has not seen it yet
  type(B, "f:goal", "value", "B's text");           // a change of "first", which A replaced
  b.sync(); B.rescan(); A.rescan();
  const f = field(A, "f:goal", "value");
  assert.deepEqual(f.heads.map((h) => h.value).sort(), ["A's text", "B's text"]);
  assert.deepEqual(field(B, "f:goal", "value").heads.map((h) => h.id), f.heads.map((h) => h.id));
  // The user keeps one: it replaces every version the page knows.
  assert.ok(A.write(TOOL, [{ record: "f:goal", field: "value", value: "B's text", base: Layer.headIds(f) }]).ok);
  b.sync(); B.rescan();
  assert.equal(field(B, "f:goal", "value").heads.length, 1);
  assert.equal(field(B, "f:goal", "value").value, "B's text");
  assert.equal([...o.data.keys()].filter((k) => k.includes("/f:goal/")).length, 1, "the versions replaced are removed");
});

test("a row removed in a stale tab comes back with the text typed in it meanwhile", () => {
  const o = origin(), a = o.tab(), b = o.tab(false);
  const A = open(a), B = open(b);
  type(A, "r:inventory:row-1", "partner", "Ministry");
  A.write(TOOL, [{ record: "r:inventory:row-1", field: "@order", value: 0, base: [] }]);
  b.sync(); B.rescan();
  type(A, "r:inventory:row-1", "role", "typed while B removes");
  const rec = B.state(TOOL).records["r:inventory:row-1"];
  B.write(TOOL, [{ record: "r:inventory:row-1", field: "@deleted", value: true, base: [], seen: Layer.cellHeads(rec) }]);
  b.sync(); B.rescan(); A.rescan();
  const shown = A.state(TOOL).records["r:inventory:row-1"];
  assert.equal(Layer.isRemoved(shown), false, "the removal had not seen the text");
  assert.equal(shown.role.value, "typed while B removes");
  // Removed again by a tab that has seen everything: removed, and Undo brings it back.
  const del = A.write(TOOL, [{ record: "r:inventory:row-1", field: "@deleted", value: true, base: Layer.headIds(shown["@deleted"]), seen: Layer.cellHeads(shown) }]);
  assert.ok(Layer.isRemoved(A.state(TOOL).records["r:inventory:row-1"]));
  A.write(TOOL, [{ record: "r:inventory:row-1", field: "@deleted", value: "", base: [del.ids[0]] }]);
  assert.equal(Layer.isRemoved(A.state(TOOL).records["r:inventory:row-1"]), false);
  assert.equal(A.state(TOOL).records["r:inventory:row-1"].partner.value, "Ministry");
});

test("a clock hours ahead does not win forever: a later change that saw it replaces it", () => {
  const o = origin(), a = o.tab(), b = o.tab();
  const ahead = open(a, 3 * 3600 * 1000), behind = open(b);
  type(ahead, "f:goal", "value", "from the tab ahead");
  behind.rescan();
  type(behind, "f:goal", "value", "later, from the tab on time");
  ahead.rescan();
  const f = field(ahead, "f:goal", "value");
  assert.equal(f.heads.length, 1);
  assert.equal(f.value, "later, from the tab on time");
  assert.ok(f.time > field(behind, "f:goal", "value").time === false);   // the same version in both
  const stored = JSON.parse(o.data.get([...o.data.keys()].find((k) => k.includes("/f:goal/"))));
  assert.ok(stored.t > "2026-01-01T03:00:00.000Z", "stamped after what it replaced");
});

test("stampAfter: own time, or just after what it replaces", () => {
  assert.equal(Layer.stampAfter("2026-01-02T00:00:00.000Z", "2026-01-01T00:00:00.000Z"), "2026-01-02T00:00:00.000Z");
  assert.equal(Layer.stampAfter("2026-01-01T00:00:00.000Z", "2026-01-01T05:00:00.000Z"), "2026-01-01T05:00:00.001Z");
});

test("all or nothing: a full storage takes back what the write had stored", () => {
  const o = origin(3000), a = o.tab();
  const A = open(a);
  type(A, "f:goal", "value", "small");
  const before = new Map(o.data);
  const result = A.write(TOOL, [{ record: "f:a", field: "value", value: "x".repeat(500), base: [] },
                                { record: "f:b", field: "value", value: "y".repeat(5000), base: [] }]);
  assert.equal(result.ok, false);
  assert.equal(result.problem, "full");
  assert.deepEqual(new Map(o.data), before);
  assert.equal(field(A, "f:a", "value"), null);
});

test("ids named like Object's properties are ids like others", () => {
  const o = origin(), A = open(o.tab());
  type(A, "f:constructor", "value", "c");
  type(A, "r:__proto__:toString", "hasOwnProperty", "p");
  A.rescan();
  assert.equal(field(A, "f:constructor", "value").value, "c");
  assert.equal(field(A, "r:__proto__:toString", "hasOwnProperty").value, "p");
});

test("an id with a slash is refused: it would name another key", () => {
  const o = origin(), A = open(o.tab());
  assert.throws(() => A.write(TOOL, [{ record: "f:a/b", field: "value", value: "x", base: [] }]));
});

test("import, combine: per field the newer wins, conflicts listed, a file without times never beats what is here", () => {
  const o = origin(), A = open(o.tab());
  type(A, "f:goal", "value", "mine");                         // 2026-01-01T00:00:01
  type(A, "f:scope", "value", "mine too");
  const incoming = {
    "f:goal": { value: { value: "theirs, newer", time: "2030-01-01T00:00:00.000Z" } },
    "f:scope": { value: { value: "theirs, no time", time: "" } },
    "f:new": { value: { value: "added", time: "" } },
  };
  const plan = Layer.importOps(A.state(TOOL), incoming, "combine", (r) => r.startsWith("r:"));
  assert.deepEqual(plan.added, ["f:new"]);
  assert.deepEqual(plan.conflicts.map((c) => [c.record, c.kept]), [["f:goal", "theirs"], ["f:scope", "mine"]]);
  assert.ok(A.write(TOOL, plan.ops).ok);
  assert.equal(field(A, "f:goal", "value").value, "theirs, newer");
  assert.equal(field(A, "f:goal", "value").heads.length, 1);
  assert.equal(field(A, "f:scope", "value").value, "mine too");
  assert.equal(field(A, "f:new", "value").value, "added");
});

test("import, replace in a stale tab: what it had not seen stays beside the file's value", () => {
  const o = origin(), a = o.tab(), b = o.tab(false);
  const A = open(a), B = open(b);
  type(A, "f:goal", "value", "seen by both");
  type(A, "r:inventory:row-1", "partner", "seen by both");
  b.sync(); B.rescan();
  type(A, "f:goal", "value", "typed in A just before B's replace");
  const plan = Layer.importOps(B.state(TOOL), { "f:goal": { value: { value: "from the file", time: "" } } }, "replace", (r) => r.startsWith("r:"));
  assert.ok(B.write(TOOL, plan.ops).ok);
  b.sync(); B.rescan(); A.rescan();
  const f = field(A, "f:goal", "value");
  assert.deepEqual(f.heads.map((h) => h.value).sort(), ["from the file", "typed in A just before B's replace"]);
  assert.ok(Layer.isRemoved(A.state(TOOL).records["r:inventory:row-1"]), "the row the file lacks is removed (and can be brought back)");
});

test("earlier versions: the oldest is never dropped, others go oldest first, and a version too big is refused", () => {
  const limits = { history_count: 3, history_chars: 5000 };
  const list = [{ id: "a", when: "2026-01-01", data: "original" }, { id: "b", when: "2026-01-02", data: "b" }, { id: "c", when: "2026-01-03", data: "c" }];
  assert.deepEqual(Layer.pruneHistory(list, { id: "d", when: "2026-01-04", data: "d" }, limits), { drop: ["b"] });
  assert.deepEqual(Layer.pruneHistory(list, { id: "d", when: "2026-01-04", data: "x".repeat(4300) }, limits), { drop: ["b", "c"] });
  assert.deepEqual(Layer.pruneHistory(list, { id: "d", when: "2026-01-04", data: "x".repeat(6000) }, limits), { refuse: true });
});

test("earlier versions in storage: eleven imports keep the original work, and say what was dropped", () => {
  const o = origin(), A = open(o.tab(), 0, { history_count: 10 });
  const first = A.keepSnapshot(TOOL, { code: "before-replace", file: "1.json" }, "{\"original\":true}", 1);
  assert.ok(first.ok);
  const dropped = [];
  for (let n = 2; n <= 11; n++) {
    const kept = A.keepSnapshot(TOOL, { code: "before-replace", file: `${n}.json` }, `{"n":${n}}`, 1);
    assert.ok(kept.ok);
    dropped.push(...kept.dropped.map((s) => s.reason.file));
  }
  const list = A.snapshots(TOOL);
  assert.equal(list.length, 10);
  assert.equal(list[list.length - 1].data, "{\"original\":true}");
  assert.deepEqual(dropped, ["2.json"]);
  // Another tab sees the same list (each version is a key of its own).
  const B = open(o.tab());
  assert.deepEqual(B.snapshots(TOOL).map((s) => s.id), list.map((s) => s.id));
});

test("a snapshot that cannot be written is refused, and nothing else is removed", () => {
  const o = origin(2000), A = open(o.tab());
  A.keepSnapshot(TOOL, { code: "x" }, "small", 0);
  const result = A.keepSnapshot(TOOL, { code: "x" }, "z".repeat(3000), 0);
  assert.equal(result.ok, false);
  assert.equal(A.snapshots(TOOL).length, 1);
});

test("overlay: what a page has not stored yet is in its view and exports", () => {
  const o = origin(), A = open(o.tab());
  type(A, "f:goal", "value", "stored");
  const view = Layer.overlay(A.state(TOOL), [{ record: "f:goal", field: "value", value: "typed, not stored" }, { record: "f:new", field: "value", value: "new" }], "2026-02-01T00:00:00.000Z");
  assert.equal(view.records["f:goal"].value.value, "typed, not stored");
  assert.equal(view.records["f:new"].value.value, "new");
  assert.equal(field(A, "f:goal", "value").value, "stored");
});

test("a version that is not one (hand-edited, truncated) is left alone and not shown", () => {
  const o = origin(), a = o.tab();
  a.setItem(`${contract.data_prefix}${TOOL}/f:goal/value/bad`, "{not json");
  a.setItem(`${contract.data_prefix}${TOOL}/f:goal/value/odd`, JSON.stringify({ v: { nested: 1 }, t: "x" }));
  const A = open(a);
  assert.equal(field(A, "f:goal", "value"), null);
  type(A, "f:goal", "value", "fine");
  assert.equal(field(A, "f:goal", "value").value, "fine");
  assert.ok(o.data.has(`${contract.data_prefix}${TOOL}/f:goal/value/bad`));
});

test("a workspace dropped in one tab stays on another tab's page, which stores nothing more there", () => {
  const o = origin(), a = o.tab(), b = o.tab();
  const A = open(a), B = open(b);
  const gone = "w-gone~" + TOOL, kept = "w-kept~" + TOOL;
  for (const L of [A]) {
    L.write(gone, [{ record: "f:partner", field: "value", value: "Gone NGO", base: [] }]);
    L.write(kept, [{ record: "f:partner", field: "value", value: "Kept NGO", base: [] }]);
  }
  B.rescan();
  assert.ok(A.dropTools("w-gone~") > 0);
  assert.ok(![...o.data.keys()].some((k) => k.includes("w-gone~") && !k.includes("@dropped")), "the dropped tools' keys are gone");
  B.rescan();   // as on coming back to the tab: what it held of the dropped tools stays on its page
  assert.equal(B.state(gone).records["f:partner"].value.value, "Gone NGO");
  assert.equal(B.state(kept).records["f:partner"].value.value, "Kept NGO");
  const refused = B.write(gone, [{ record: "f:partner", field: "value", value: "typed after", base: [] }]);
  assert.equal(refused.ok, false);
  assert.ok(![...o.data.keys()].some((k) => k.includes("w-gone~") && !k.includes("@dropped")), "nothing written where no page shows it");
  assert.ok(B.write(kept, [{ record: "f:partner", field: "value", value: "still saved", base: [] }]).ok);
  // A page opened later does not hold it.
  assert.equal(Object.keys(open(o.tab()).state(gone).records).length, 0);
});
