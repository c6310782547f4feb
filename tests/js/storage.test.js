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
  assert.equal(r.message, "snapshot-full");
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
  assert.deepEqual(a.snapshots()[0].reason, { code: "before-set-aside" });
  assert.equal(core.exportState(a.read().state, model, "now").set_aside[0].id, "q-1.1-1");
});

test("unreadable stored answers are kept as a snapshot before the first write", () => {
  const ls = fakeStorage();
  ls.setItem(KEY, "{broken");
  const a = tab(ls);
  assert.deepEqual(a.read().unreadable, { code: "not-json" });
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

test("two tabs changing different fields of one answer at once both keep theirs (per-field times)", () => {
  const shared = fakeStorage();
  const a = tab(shared), b = tab(shared);
  a.change("q-1.1-1", { value: "partly" });
  assert.ok(a.flush().ok);
  const stale = shared.getItem(KEY);                    // what tab B's cache still holds
  a.change("q-1.1-1", { note: "from tab A" });
  assert.ok(a.flush().ok);
  shared.setItem(KEY, stale);                           // B writes over A from its stale copy...
  b.change("q-1.1-1", { value: "fully" });
  assert.ok(b.flush().ok);
  a.repair();                                           // ...and A, told of B's write, puts its note back
  const stored = JSON.parse(shared.getItem(KEY)).answers["q-1.1-1"];
  assert.equal(stored.value, "fully");
  assert.equal(stored.note, "from tab A");
});

// --- issue 20: what a stale tab's write drops is always put back ---------------------------
const Q1 = "q-1.1-1", Q4 = "q-4.1-1";

/* A tab in another process whose copy of localStorage lags (its main thread was busy): it
   reads the answers as they were stored when it last caught up, and writes through. */
function staleView(storage, text) {
  return {
    getItem: (k) => (k === KEY ? text : storage.getItem(k)),
    setItem: (k, v) => storage.setItem(k, v),
    removeItem: (k) => storage.removeItem(k),
  };
}

/* One tab (its own sessionStorage, shared by the pages it shows) with its own clock. */
function tabIn(storage, { session, clock: own } = {}) {
  const win = fakeWindow(storage);
  if (session) win.sessionStorage = session;
  return Answers.open(core, Store, model, win, own || clock);
}

function storedAnswers(ls) { return JSON.parse(ls.getItem(KEY)).answers; }

const HOURS_AHEAD = (hours) => () => new Date(Date.parse(clock()) + hours * 3600 * 1000).toISOString();

function file(answers, extra) {
  return core.migrate(Object.assign({ format: core.FORMAT, schema_version: 1, answers: answers }, extra || {}), model).state;
}

test("a note, then an answer to the same question, then another tab's stale write: both are put back", () => {
  const ls = fakeStorage();
  const a = tabIn(ls);
  a.change(Q4, { value: "partly" }); assert.ok(a.flush().ok);
  const seen = ls.getItem(KEY);                        // all the other tab has seen
  a.change(Q1, { note: "my note" }); assert.ok(a.flush().ok);
  a.change(Q1, { value: "fully" }); assert.ok(a.flush().ok);
  const b = tabIn(staleView(ls, seen));
  b.change(Q4, { action: "from b" }); assert.ok(b.flush().ok);
  assert.equal(storedAnswers(ls)[Q1], undefined);      // the stale write dropped both fields
  assert.ok(a.repair());
  const stored = storedAnswers(ls);
  assert.equal(stored[Q1].note, "my note");
  assert.equal(stored[Q1].value, "fully");
  assert.equal(stored[Q4].action, "from b");
  assert.equal(a.repair(), false);                     // nothing left to put back
});

test("the repair record keeps every field, with its own time, across the pages of a tab", () => {
  const ls = fakeStorage(), session = fakeStorage();
  const page1 = tabIn(ls, { session });
  page1.change(Q1, { note: "on page 1" }); assert.ok(page1.flush().ok);
  const page2 = tabIn(ls, { session });                // the next page in the same tab
  page2.change(Q1, { value: "partly" }); assert.ok(page2.flush().ok);
  const written = storedAnswers(ls)[Q1].times;
  const b = tabIn(staleView(ls, null));
  b.change(Q4, { value: "fully" }); assert.ok(b.flush().ok);
  assert.ok(page2.repair());
  const stored = storedAnswers(ls)[Q1];
  assert.deepEqual([stored.value, stored.note], ["partly", "on page 1"]);
  assert.deepEqual(stored.times, written);             // put back with the times they had, not now
  assert.ok(stored.times.note < stored.times.value);
});

test("another tab's later change to one field is not undone by the repair of another field", () => {
  const ls = fakeStorage();
  const a = tabIn(ls), b = tabIn(ls);
  a.change(Q1, { note: "a's note" }); a.flush();
  a.change(Q1, { value: "partly" }); a.flush();
  b.change(Q1, { note: "b's newer note" }); b.flush();
  const c = tabIn(staleView(ls, null));                // a third tab that had seen nothing
  c.change(Q4, { value: "fully" }); c.flush();
  a.repair();
  b.repair();
  const stored = storedAnswers(ls)[Q1];
  assert.deepEqual([stored.value, stored.note], ["partly", "b's newer note"]);
});

test("a page restored by the Back button repairs with the tab's latest record, not the one it kept in memory", () => {
  const ls = fakeStorage(), session = fakeStorage();
  const moduleA = tabIn(ls, { session });
  moduleA.change(Q1, { note: "first" }); assert.ok(moduleA.flush().ok);
  const seen = ls.getItem(KEY);                        // the other tab's copy stops here
  const all = tabIn(ls, { session });                  // the reader moves on in the same tab...
  all.change(Q1, { note: "second" }); assert.ok(all.flush().ok);
  moduleA.repair();                                    // ...and comes back: pageshow, persisted
  const b = tabIn(staleView(ls, seen));
  b.change(Q4, { value: "fully" }); assert.ok(b.flush().ok);
  moduleA.repair();                                    // the stale write reaches the restored page
  assert.equal(storedAnswers(ls)[Q1].note, "second");
});

test("a page restored by the Back button does not bring back answers a start over removed", () => {
  const ls = fakeStorage(), session = fakeStorage();
  const moduleA = tabIn(ls, { session });
  moduleA.change(Q1, { value: "partly" }); assert.ok(moduleA.flush().ok);
  const home = tabIn(ls, { session });
  assert.ok(home.startOver().ok);
  home.change(Q4, { value: "fully" }); assert.ok(home.flush().ok);
  assert.equal(moduleA.repair(), false);               // restored: its old record is not written back
  assert.deepEqual(Object.keys(storedAnswers(ls)), [Q4]);
});

test("a replace import in a stale tab: the earlier version it keeps holds what that tab had not seen", () => {
  const ls = fakeStorage();
  const a = tabIn(ls);
  a.change(Q1, { value: "partly" }); assert.ok(a.flush().ok);
  const seen = ls.getItem(KEY);
  a.change(Q1, { note: "typed just before the replace" }); assert.ok(a.flush().ok);
  const s = tabIn(staleView(ls, seen));
  assert.ok(s.importState(file({ [Q4]: { value: "fully" } }), "replace", "f.json").ok);
  assert.equal(a.repair(), false);                     // replaced on purpose: not put back...
  assert.deepEqual(Object.keys(storedAnswers(ls)), [Q4]);
  const snaps = a.snapshots();
  assert.equal(snaps.length, 1);
  const kept = JSON.parse(snaps[0].data).answers[Q1];   // ...but kept with what it replaced
  assert.deepEqual([kept.value, kept.note], ["partly", "typed just before the replace"]);
  assert.ok(a.restore(snaps[0].id).ok);
  assert.equal(storedAnswers(ls)[Q1].note, "typed just before the replace");
});

test("a replace import in a stale tab that had seen nothing keeps the other tab's answers as an earlier version", () => {
  const ls = fakeStorage();
  const a = tabIn(ls);
  a.change(Q1, { note: "only here" }); assert.ok(a.flush().ok);
  const s = tabIn(staleView(ls, null));
  assert.ok(s.importState(file({ [Q4]: { value: "fully" } }), "replace", "f.json").ok);
  assert.equal(a.repair(), false);
  assert.deepEqual(Object.keys(storedAnswers(ls)), [Q4]);
  const snaps = a.snapshots();
  assert.equal(snaps.length, 1);
  assert.equal(JSON.parse(snaps[0].data).answers[Q1].note, "only here");
});

test("an importing tab whose clock is hours ahead does not make newer work in another tab unrepairable", () => {
  const ls = fakeStorage();
  const a = tabIn(ls), s = tabIn(ls, { clock: HOURS_AHEAD(3) });
  a.change(Q1, { value: "partly" }); assert.ok(a.flush().ok);
  assert.ok(s.importState(file({ [Q4]: { value: "fully" } }), "replace", "f.json").ok);
  const seen = ls.getItem(KEY);
  a.change(Q1, { note: "after the import" }); assert.ok(a.flush().ok);
  const stale = tabIn(staleView(ls, seen), { clock: HOURS_AHEAD(3) });
  stale.change(Q4, { note: "from the tab ahead" }); assert.ok(stale.flush().ok);
  assert.ok(a.repair());
  const stored = storedAnswers(ls);
  assert.equal(stored[Q1].note, "after the import");
  assert.equal(stored[Q4].note, "from the tab ahead");
});

test("an answer given hours 'in the future' by a tab whose clock is ahead does not win over a later one", () => {
  const ls = fakeStorage();
  const a = tabIn(ls), s = tabIn(ls, { clock: HOURS_AHEAD(3) });
  s.change(Q1, { value: "fully" }); assert.ok(s.flush().ok);
  const seen = ls.getItem(KEY);
  a.change(Q1, { value: "partly" }); assert.ok(a.flush().ok);   // later, having seen it
  const future = JSON.parse(seen).answers[Q1].times.value;
  assert.ok(storedAnswers(ls)[Q1].times.value > future);        // stamped after what it replaced
  const stale = tabIn(staleView(ls, seen), { clock: HOURS_AHEAD(3) });
  stale.change(Q4, { value: "fully" }); assert.ok(stale.flush().ok);
  assert.ok(a.repair());
  assert.equal(storedAnswers(ls)[Q1].value, "partly");
  // The tab ahead's answer, imported again from a file, is still older than the later one.
  const again = a.importState(file({ [Q1]: { value: "fully", updated: future } }), "combine", "old.json");
  assert.deepEqual(again.conflicts.map((c) => [c.id, c.kept]), [[Q1, "mine"]]);
  assert.equal(storedAnswers(ls)[Q1].value, "partly");
});

test("ids named like Object's own properties are stored, merged and repaired as ordinary ids", () => {
  const ls = fakeStorage();
  const a = tabIn(ls);
  a.change(Q1, { value: "partly" }); assert.ok(a.flush().ok);
  const text = '{"format": "' + core.FORMAT + '", "schema_version": 1, "answers": {' +
    '"constructor": {"value": "fully"}, "__proto__": {"value": "partly", "note": "p"}, "toString": {"note": "t"},' +
    '"hasOwnProperty": {"value": "not-applicable"}, "' + Q1 + '": {"value": "fully"}}}';
  const parsed = core.parseImport(text, model, "2026-02-02T00:00:00Z");
  assert.equal(parsed.setAside.length, 0);
  assert.deepEqual(parsed.unknown.slice().sort(), ["__proto__", "constructor", "hasOwnProperty", "toString"]);
  const out = a.importState(parsed.state, "combine", "odd.json");
  assert.ok(out.ok);
  assert.deepEqual(out.added.slice().sort(), ["__proto__", "constructor", "hasOwnProperty", "toString"]);
  assert.deepEqual(out.conflicts.map((c) => [c.id, c.kept]), [[Q1, "mine"]]);
  const raw = ls.getItem(KEY);
  assert.ok(raw.includes('"__proto__":{'));
  const stored = JSON.parse(raw).answers;
  assert.ok(Object.prototype.hasOwnProperty.call(stored, "__proto__"));
  assert.deepEqual([stored.constructor.value, stored.__proto__.note, stored.toString.note, stored.hasOwnProperty.value],
                   ["fully", "p", "t", "not-applicable"]);
  const seen = a.read().state;
  assert.equal(Object.getPrototypeOf(seen.answers), null);
  assert.equal(core.answerCount(seen), 5);
  a.change("constructor", { note: "changed" }); assert.ok(a.flush().ok);
  a.change("valueOf", { value: "partly" }); assert.ok(a.flush().ok);
  const b = tabIn(staleView(ls, raw));
  b.change(Q4, { value: "fully" }); assert.ok(b.flush().ok);
  assert.ok(a.repair());
  const after = storedAnswers(ls);
  assert.deepEqual([after.constructor.value, after.constructor.note, after.valueOf.value], ["fully", "changed", "partly"]);
  assert.ok(core.toCSV(a.read().state, model).includes("__proto__,"));
});
