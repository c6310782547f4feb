// Unit tests of the storage layer (ToolkitStore) and of the assessment's answers on top of it,
// with two "tabs" sharing one fake localStorage: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Store = require("../../docs/assets/js/toolkit-store.js");
const Answers = require("../../docs/assets/js/assessment-answers.js");
const core = require("../../docs/assets/js/assessment-core.js");

const KEY = "partnering-guidelines/assessment/v1";
const model = {
  version: "test", content_version: "c1",
  scale: [
    { key: "not-in-place", label: "Not in place", score: 0 },
    { key: "partly", label: "Partly in place", score: 1 },
    { key: "fully", label: "Fully in place", score: 2 },
    { key: "not-applicable", label: "Not applicable", score: null },
  ],
  questions: [
    { id: "q-1.1-1", module: "A", step: "1", task: "1.1", text: "One", source: "Task 1.1" },
    { id: "q-4.1-1", module: "B", step: "4", task: "4.1", text: "Two", source: "Task 4.1" },
  ],
};

/* One origin's localStorage, with a quota in characters like a browser's. */
function fakeStorage(quota) {
  const data = new Map();
  const size = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    data,
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem(k, v) {
      v = String(v);
      const before = data.has(k) ? k.length + data.get(k).length : 0;
      if (quota !== undefined && size() - before + k.length + v.length > quota) {
        const e = new Error("full"); e.name = "QuotaExceededError"; throw e;
      }
      data.set(k, v);
    },
    removeItem: (k) => { data.delete(k); },
  };
}

function fakeWindow(storage) {
  return { localStorage: storage, addEventListener() {}, document: { addEventListener() {} }, navigator: {} };
}

let tick = 0;
const clock = () => new Date(Date.UTC(2026, 0, 1) + (tick += 1000)).toISOString();

function tab(storage) { return Answers.open(core, Store, model, fakeWindow(storage), clock); }

test("combineRecords: the newer record wins, conflicts are listed, mine stays on a tie", () => {
  const mine = { a: { value: "partly", updated: "2026-01-02" }, b: { value: "fully", updated: "2026-01-05" }, c: { value: "fully" } };
  const theirs = { a: { value: "fully", updated: "2026-01-03" }, b: { value: "partly", updated: "2026-01-04" },
                   c: { value: "fully" }, d: { value: "partly", updated: "2026-01-01" } };
  const r = Store.combineRecords(mine, theirs, ["value"]);
  assert.equal(r.records.a.value, "fully");
  assert.equal(r.records.b.value, "fully");
  assert.deepEqual(r.added, ["d"]);
  assert.deepEqual(r.conflicts.map((c) => [c.id, c.kept]), [["a", "theirs"], ["b", "mine"]]);
  const tie = Store.combineRecords({ x: { value: "partly" } }, { x: { value: "fully" } }, ["value"]);
  assert.equal(tie.records.x.value, "partly");
});

test("pushSnapshot keeps the newest within count and size, never dropping the newest", () => {
  let list = [];
  for (let i = 0; i < 25; i++) list = Store.pushSnapshot(list, { id: String(i), data: "x".repeat(10) });
  assert.equal(list.length, Store.SNAPSHOT_LIMITS.max);
  assert.equal(list[list.length - 1].id, "24");
  assert.equal(list[0].id, "5");
  const big = Store.pushSnapshot(list, { id: "big", data: "y".repeat(5000) }, { max: 20, budget: 1000 });
  assert.deepEqual(big.map((s) => s.id), ["big"]);
  const some = Store.pushSnapshot([{ id: "a", data: "1".repeat(300) }, { id: "b", data: "2".repeat(300) }], { id: "c", data: "3" }, { max: 20, budget: 1000 });
  assert.deepEqual(some.map((s) => s.id), ["b", "c"]);
});

test("an unreadable snapshot list is kept as one snapshot", () => {
  const list = Store.parseSnapshots("{not json");
  assert.equal(list.length, 1);
  assert.equal(list[0].data, "{not json");
});

test("two tabs: each change is merged into the latest stored state", () => {
  const ls = fakeStorage();
  const a = tab(ls), b = tab(ls);
  a.change("q-1.1-1", { value: "partly" });
  assert.ok(a.flush().ok);
  b.change("q-4.1-1", { value: "fully" });          // b never re-read: it must not write a stale copy
  assert.ok(b.flush().ok);
  b.change("q-1.1-1", { note: "from b" });
  assert.ok(b.flush().ok);
  const stored = JSON.parse(ls.getItem(KEY));
  assert.equal(stored.answers["q-1.1-1"].value, "partly");
  assert.equal(stored.answers["q-1.1-1"].note, "from b");
  assert.equal(stored.answers["q-4.1-1"].value, "fully");
  assert.ok(stored.answers["q-1.1-1"].updated);
});

test("start over in one tab is honoured by the other, with a snapshot", () => {
  const ls = fakeStorage();
  const a = tab(ls), b = tab(ls);
  a.change("q-1.1-1", { value: "partly" }); a.flush();
  a.change("q-4.1-1", { value: "fully" }); a.flush();
  assert.ok(b.startOver().ok);
  assert.equal(ls.getItem(KEY), null);
  a.change("q-1.1-1", { note: "after" }); a.flush();
  const stored = JSON.parse(ls.getItem(KEY));
  assert.deepEqual(Object.keys(stored.answers), ["q-1.1-1"]);   // the deleted answers stay deleted
  assert.equal(stored.answers["q-1.1-1"].value, null);
  const snaps = a.snapshots();
  assert.equal(snaps.length, 1);
  assert.equal(snaps[0].count, 2);
  assert.equal(JSON.parse(snaps[0].data).answers["q-4.1-1"].value, "fully");
});

test("a failed write keeps the change on the page and in what is exported", () => {
  const ls = fakeStorage(600);
  const a = tab(ls);
  a.change("q-1.1-1", { value: "partly" });
  assert.ok(a.flush().ok);
  a.change("q-4.1-1", { note: "n".repeat(700) });
  const r = a.flush();
  assert.equal(r.ok, false);
  assert.equal(r.problem, "full");
  const seen = a.read().state;
  assert.equal(seen.answers["q-1.1-1"].value, "partly");
  assert.equal(seen.answers["q-4.1-1"].note.length, 700);
  assert.equal(JSON.parse(ls.getItem(KEY)).answers["q-1.1-1"].value, "partly");
});

test("import combine: newer wins per answer; replace keeps a snapshot; restore snapshots first", () => {
  const ls = fakeStorage();
  const a = tab(ls);
  a.change("q-1.1-1", { value: "partly" }); a.flush();
  a.change("q-4.1-1", { value: "fully" }); a.flush();
  const file = core.migrate({ format: core.FORMAT, schema_version: 1, updated: "2030-01-01T00:00:00.000Z",
                              answers: { "q-1.1-1": { value: "fully" }, "q-9.9-9": { value: "partly" } } }, model).state;
  const c = a.importState(file, "combine", "f.json");
  assert.ok(c.ok);
  assert.deepEqual(c.added, ["q-9.9-9"]);
  assert.deepEqual(c.conflicts.map((x) => [x.id, x.kept]), [["q-1.1-1", "theirs"]]);
  let stored = JSON.parse(ls.getItem(KEY));
  assert.equal(stored.answers["q-1.1-1"].value, "fully");
  assert.equal(stored.answers["q-4.1-1"].value, "fully");
  const r = a.importState(file, "replace", "f.json");
  assert.ok(r.ok);
  stored = JSON.parse(ls.getItem(KEY));
  assert.equal(stored.answers["q-4.1-1"], undefined);
  const snaps = a.snapshots();
  assert.equal(snaps.length, 2);
  assert.ok(a.restore(snaps[1].id).ok);
  stored = JSON.parse(ls.getItem(KEY));
  assert.equal(stored.answers["q-4.1-1"].value, "fully");
  assert.equal(a.snapshots().length, 3);
});

test("a replace is refused when its snapshot cannot be written", () => {
  const ls = fakeStorage();
  const a = tab(ls);
  a.change("q-1.1-1", { value: "partly", note: "keep me" }); a.flush();
  ls.setItem("filler", "x".repeat(100));
  const full = fakeStorage(JSON.stringify([...ls.data]).length);
  ls.data.forEach((v, k) => full.data.set(k, v));
  const b = tab(full);
  const file = core.migrate({ format: core.FORMAT, schema_version: 1, answers: {} }, model).state;
  const r = b.importState(file, "replace", "empty.json");
  assert.equal(r.ok, false);
  assert.equal(r.problem, "refused");
  assert.match(r.message, /Export your answers/);
  assert.equal(JSON.parse(full.getItem(KEY)).answers["q-1.1-1"].note, "keep me");
});

test("an invalid stored answer is set aside alone (after a snapshot); the rest loads", () => {
  const ls = fakeStorage();
  ls.setItem(KEY, JSON.stringify({ format: core.FORMAT, schema_version: 1, answers: {
    "q-1.1-1": { value: ["fully"] }, "q-4.1-1": { value: "partly", note: "fine" } } }));
  const a = tab(ls);
  const seen = a.read().state;
  assert.equal(seen.answers["q-1.1-1"], undefined);
  assert.equal(seen.answers["q-4.1-1"].note, "fine");
  assert.equal(seen.set_aside[0].id, "q-1.1-1");
  a.change("q-4.1-1", { value: "fully" });
  assert.ok(a.flush().ok);
  const stored = JSON.parse(ls.getItem(KEY));
  assert.deepEqual(stored.set_aside[0].data, { value: ["fully"] });
  assert.equal(a.snapshots()[0].reason, "before setting aside answers that could not be used");
  assert.equal(core.exportState(a.read().state, model, "now").set_aside[0].id, "q-1.1-1");
});

test("unreadable stored answers are kept as a snapshot before the first write", () => {
  const ls = fakeStorage();
  ls.setItem(KEY, "{broken");
  const a = tab(ls);
  assert.match(a.read().unreadable, /not valid JSON/);
  a.change("q-1.1-1", { value: "partly" });
  assert.ok(a.flush().ok);
  assert.equal(a.snapshots()[0].data, "{broken");
});

test("the old single kept copy becomes a snapshot", () => {
  const ls = fakeStorage();
  const old = JSON.stringify({ format: core.FORMAT, schema_version: 1, organisation: "Org", answers: { "q-1.1-1": { value: "fully" } } });
  ls.setItem(KEY + "/kept", JSON.stringify({ label: "answers before import", when: "2025-05-01T00:00:00Z", data: old }));
  const a = tab(ls);
  a.adoptLegacy();
  assert.equal(ls.getItem(KEY + "/kept"), null);
  const s = a.snapshots()[0];
  assert.deepEqual([s.reason, s.when, s.organisation, s.count, s.data], ["answers before import", "2025-05-01T00:00:00Z", "Org", 1, old]);
});

test("a change dropped by another tab's stale write is stored again; a restore is not undone", () => {
  const ls = fakeStorage();
  const a = tab(ls), b = tab(ls);
  a.change("q-1.1-1", { value: "partly" }); a.flush();
  const stale = ls.getItem(KEY);
  a.change("q-4.1-1", { note: "typed in a" }); a.flush();
  const other = JSON.parse(stale);                  // b wrote from a cache that had not seen a's note yet
  other.answers["q-1.1-1"] = { value: "fully", note: "", action: "", updated: clock() };
  ls.setItem(KEY, JSON.stringify(other));
  assert.ok(a.repair());
  let stored = JSON.parse(ls.getItem(KEY));
  assert.equal(stored.answers["q-4.1-1"].note, "typed in a");
  assert.equal(stored.answers["q-1.1-1"].value, "fully");      // b's newer answer stays
  const snap = a.snapshots().length;
  b.change("q-4.1-1", { value: "partly" }); b.flush();
  b.importState(core.migrate({ format: core.FORMAT, schema_version: 1, answers: {} }, model).state, "replace", "empty.json");
  assert.equal(a.repair(), false);                  // replaced on purpose: nothing put back
  stored = JSON.parse(ls.getItem(KEY));
  assert.deepEqual(stored.answers, {});
  assert.equal(a.snapshots().length, snap + 1);
});
