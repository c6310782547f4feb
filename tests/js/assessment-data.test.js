// Unit tests of the self-assessment's answers on the data layer (docs/assets/js/assessment-data.js):
// tabs whose copy of localStorage lags (as a busy Chromium tab's does), imports, restores, start
// over, full storage, clocks hours apart, odd ids, and what the assessment's own store left
// (tests/fixtures: version 0.1.0's, and the store's last format, each made by its own code).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Layer = require("../../docs/assets/js/data-layer.js");
const Data = require("../../docs/assets/js/assessment-data.js");
const core = require("../../docs/assets/js/assessment-core.js");
const contract = require("../../macros/site/storage.json");
const v010 = require("../fixtures/v0.1.0/storage.json");
const v1 = require("../fixtures/assessment-v1/storage.json");
const { origin, fakeWindow, clock } = require("./fake-storage.js");

const TOOL = contract.tools.assessment;
const Q1 = "q-1.1-1", Q2 = "q-1.2-1", Q4 = "q-4.1-1";
const model = {
  version: "test", content_version: "c1",
  scale: [
    { key: "not-in-place", label: "Not in place", score: 0 },
    { key: "partly", label: "Partly in place", score: 1 },
    { key: "fully", label: "Fully in place", score: 2 },
    { key: "not-applicable", label: "Not applicable", score: null },
  ],
  questions: [Q1, "q-1.1-2", Q2, "q-1.4-1", Q4].map((id) => ({ id, module: "A", step: "1", task: "1.1", text: id, source: id })),
};

/* A tab: its layer over `area` (a tab's localStorage) and the assessment on it. */
function tab(area, { shiftMs = 0, limits } = {}) {
  const c = limits ? { ...contract, limits: { ...contract.limits, ...limits } } : contract;
  const layer = Layer.open({ contract: c, win: fakeWindow(), storage: area, clock: clock("2026-01-01T00:00:00.000Z", shiftMs) });
  const answers = Data.open({ Layer, layer, core, model, tool: TOOL });
  return { layer, answers, area, state: () => answers.state(), catchUp() { area.sync(); layer.rescan(); } };
}

/* What a page does when the user types a note or next action: a change of the version shown. */
function type(t, id, field, value) {
  const rec = t.layer.state(TOOL).records["q:" + id];
  const f = rec && rec[field] ? rec[field] : null;
  return t.layer.write(TOOL, [{ record: "q:" + id, field, value, base: f ? [f.id] : [] }]);
}

function file(answers, extra) {
  const r = core.migrate({ format: core.FORMAT, schema_version: 1, answers, ...extra }, model, "2026-06-01T00:00:00.000Z");
  assert.equal(r.errors, undefined);
  return r.state;
}

function answer(t, id) { return t.state().answers[id] || null; }

test("a note, then an answer to the same question, then another tab's stale write: both stay (issue 20)", () => {
  const o = origin(), a = tab(o.tab()), b = tab(o.tab(false));
  a.answers.choose(Q4, "partly");
  b.catchUp();
  type(a, Q1, "note", "my note");
  assert.ok(a.answers.choose(Q1, "fully").ok);
  // B has not seen either: it writes another field of another answer, and of the same one.
  assert.ok(b.answers.choose(Q4, "fully").ok);
  assert.ok(type(b, Q1, "action", "from b").ok);
  a.catchUp(); b.catchUp();
  for (const t of [a, b]) {
    assert.deepEqual([answer(t, Q1).value, answer(t, Q1).note, answer(t, Q1).action], ["fully", "my note", "from b"]);
    assert.equal(answer(t, Q4).value, "fully");
    assert.equal(t.state().conflicts, undefined);
  }
});

test("the same answer chosen in two tabs at once: both kept, the newest shown, a choice resolves it", () => {
  const o = origin(), a = tab(o.tab()), b = tab(o.tab(false));
  a.answers.choose(Q1, "partly");
  b.catchUp();
  a.answers.choose(Q1, "fully");
  b.answers.choose(Q1, "not-in-place");   // B had seen "partly" only
  a.catchUp(); b.catchUp();
  assert.deepEqual(a.answers.heads(Q1).map((h) => h.value).sort(), ["fully", "not-in-place"]);
  const shown = answer(a, Q1).value;
  assert.deepEqual(a.state().conflicts.map((c) => [c.id, c.field]), [[Q1, "value"]]);
  assert.ok(a.answers.choose(Q1, shown).ok);   // choosing the one shown resolves it
  b.catchUp();
  assert.equal(b.answers.heads(Q1).length, 1);
  assert.equal(answer(b, Q1).value, shown);
});

test("start over in one tab holds in the other; what a stale tab gives after it is kept, nothing deleted comes back", () => {
  const o = origin(), a = tab(o.tab()), b = tab(o.tab(false));
  a.answers.choose(Q1, "partly");
  type(a, Q1, "note", "gone after start over");
  a.answers.choose(Q4, "fully");
  b.catchUp();
  const r = a.answers.startOver();
  assert.ok(r.ok);
  assert.equal(core.answerCount(a.state()), 0);
  b.answers.choose(Q2, "partly");          // B had not seen the start over
  a.catchUp(); b.catchUp();
  assert.deepEqual(Object.keys(b.state().answers), [Q2]);
  const snaps = a.answers.snapshots();
  assert.deepEqual(snaps.map((s) => [s.reason.code, s.count]), [["before-start-over", 2]]);
  assert.equal(JSON.parse(snaps[0].data).answers[Q1].note, "gone after start over");
});

test("a choice that cannot be stored stays on the page and in exports, and is stored once there is room", () => {
  const o = origin(3000), a = tab(o.tab());
  assert.ok(a.answers.choose(Q1, "partly").ok);
  o.tab().setItem("filler", "x".repeat(3000 - o.size() - 10));
  const r = a.answers.choose(Q4, "fully");
  assert.deepEqual([r.ok, r.problem], [false, "full"]);
  assert.ok(a.answers.hasChoices());
  const shown = a.answers.state([{ record: "q:" + Q1, field: "note", value: "typed, not stored" }]);
  assert.equal(shown.answers[Q4].value, "fully");
  assert.equal(core.exportState(shown, model, "now").answers[Q1].note, "typed, not stored");
  assert.equal(tab(o.tab()).state().answers[Q4], undefined);
  o.data.delete("filler");
  assert.deepEqual(a.answers.storeChoices(), { ok: true, saved: 1 });
  assert.equal(tab(o.tab()).state().answers[Q4].value, "fully");
});

test("import, combine: per field the newer wins, a file without times never beats what is here, conflicts by question", () => {
  const o = origin(), a = tab(o.tab());
  a.answers.choose(Q1, "partly");
  type(a, Q1, "note", "mine");
  a.answers.choose(Q2, "partly");
  const r = a.answers.importState(file({
    [Q1]: { value: "fully", note: "theirs, older", times: { value: "2030-01-01T00:00:00.000Z", note: "2020-01-01T00:00:00.000Z" } },
    [Q2]: { value: "fully", note: "theirs, added to mine" },
    [Q4]: { value: "not-in-place" },
  }), "combine", "partner.json");
  assert.ok(r.ok);
  assert.deepEqual(r.added, [Q4]);
  assert.deepEqual(r.conflicts, [{ id: Q1, kept: "each" }, { id: Q2, kept: "mine" }]);
  const s = a.state();
  assert.deepEqual([s.answers[Q1].value, s.answers[Q1].note], ["fully", "mine"]);
  assert.deepEqual([s.answers[Q2].value, s.answers[Q2].note], ["partly", "theirs, added to mine"]);
  assert.equal(s.answers[Q4].value, "not-in-place");
  assert.deepEqual(a.answers.snapshots().map((x) => [x.reason.code, x.reason.file, x.count]), [["before-combine", "partner.json", 2]]);
});

test("import, replace, then restore: each keeps what it replaces first, and restores it exactly", () => {
  const o = origin(), a = tab(o.tab());
  a.answers.choose(Q1, "partly");
  type(a, Q1, "action", "Agree the problem statement");
  const r = a.answers.importState(file({ [Q4]: { value: "fully" } }, { organisation: "Ministry" }), "replace", "ministry.json");
  assert.ok(r.ok);
  assert.deepEqual(Object.keys(a.state().answers), [Q4]);
  assert.equal(a.state().organisation, "Ministry");
  const before = a.answers.snapshots()[0];
  assert.ok(a.answers.restore(before.id).ok);
  const s = a.state();
  assert.deepEqual(Object.keys(s.answers), [Q1]);
  assert.deepEqual([s.answers[Q1].value, s.answers[Q1].action, s.organisation], ["partly", "Agree the problem statement", ""]);
  assert.deepEqual(a.answers.snapshots().map((x) => x.reason.code), ["before-restore", "before-replace"]);
  assert.equal(Data.organisationOf(a.answers.snapshots()[0].data), "Ministry");
});

test("a replace in a stale tab never removes what it had not seen; the earlier version holds what it had", () => {
  const o = origin(), a = tab(o.tab()), b = tab(o.tab(false));
  a.answers.choose(Q1, "partly");
  b.catchUp();
  type(a, Q1, "note", "typed just before the replace");
  assert.ok(b.answers.importState(file({ [Q4]: { value: "fully" } }), "replace", "new.json").ok);
  a.catchUp(); b.catchUp();
  const s = b.state();
  assert.equal(s.answers[Q1].value, null);
  assert.equal(s.answers[Q1].note, "typed just before the replace");
  assert.equal(s.answers[Q4].value, "fully");
  assert.equal(JSON.parse(b.answers.snapshots()[0].data).answers[Q1].value, "partly");
});

test("nothing is replaced when the earlier version cannot be kept (storage full, or no room left for it)", () => {
  const o = origin(6000), a = tab(o.tab());
  a.answers.choose(Q1, "partly");
  type(a, Q1, "note", "keep me");
  o.tab().setItem("filler", "x".repeat(6000 - o.size() - 100));
  const full = a.answers.importState(file({}), "replace", "empty.json");
  assert.deepEqual([full.ok, full.problem], [false, "full"]);
  assert.equal(a.state().answers[Q1].note, "keep me");
  o.data.delete("filler");
  const small = tab(o.tab(), { limits: { history_chars: 100 } });
  const none = small.answers.startOver();
  assert.deepEqual([none.ok, none.problem], [false, "history-full"]);
  assert.equal(small.state().answers[Q1].note, "keep me");
});

test("a tab whose clock is hours ahead: a later change that saw its answer replaces it", () => {
  const o = origin(), ahead = tab(o.tab(), { shiftMs: 3 * 3600 * 1000 }), ontime = tab(o.tab());
  ahead.answers.choose(Q1, "fully");
  ontime.catchUp();
  ontime.answers.choose(Q1, "partly");
  ahead.catchUp();
  assert.equal(ahead.answers.heads(Q1).length, 1);
  assert.equal(answer(ahead, Q1).value, "partly");
  // The answer from the tab ahead, imported again, is older than the one that replaced it.
  const stamp = answer(ontime, Q1).times.value;
  const r = ontime.answers.importState(file({ [Q1]: { value: "fully", updated: "2026-01-01T03:00:01.000Z" } }), "combine", "old.json");
  assert.ok(stamp > "2026-01-01T03:00:01.000Z");
  assert.deepEqual(r.conflicts, [{ id: Q1, kept: "mine" }]);
  assert.equal(answer(ontime, Q1).value, "partly");
});

test("ids named like Object's properties are stored, combined and exported as ordinary ids", () => {
  const o = origin(), a = tab(o.tab());
  a.answers.choose(Q1, "partly");
  const text = '{"format": "' + core.FORMAT + '", "schema_version": 1, "answers": {' +
    '"constructor": {"value": "fully"}, "__proto__": {"value": "partly", "note": "p"}, "toString": {"note": "t"}, "' + Q1 + '": {"value": "fully"}}}';
  const parsed = core.parseImport(text, model, "2026-02-02T00:00:00Z");
  const r = a.answers.importState(parsed.state, "combine", "odd.json");
  assert.deepEqual(r.added.slice().sort(), ["__proto__", "constructor", "toString"]);
  assert.deepEqual(r.conflicts, [{ id: Q1, kept: "mine" }]);
  const s = tab(o.tab()).state();
  assert.equal(Object.getPrototypeOf(s.answers), null);
  assert.deepEqual([s.answers.constructor.value, s.answers.__proto__.note, s.answers.toString.note], ["fully", "p", "t"]);
  const exported = JSON.parse(JSON.stringify(core.exportState(s, model, "now")));
  assert.ok(Object.prototype.hasOwnProperty.call(exported.answers, "__proto__"));
  assert.ok(core.toCSV(s, model).includes("__proto__,"));
});

test("an export keeps both versions of a field changed in two tabs at once, and an import of it keeps both again", () => {
  const o = origin(), a = tab(o.tab()), b = tab(o.tab(false));
  type(a, Q1, "note", "seen by both");
  b.catchUp();
  type(a, Q1, "note", "A's note");
  type(b, Q1, "note", "B's note");
  a.catchUp();
  const exported = JSON.stringify(core.exportState(a.state(), model, "now"));
  const doc = JSON.parse(exported);
  assert.deepEqual([doc.answers[Q1].note, doc.conflicts.map((c) => c.value)].flat().sort(), ["A's note", "B's note"]);
  const other = tab(origin().tab());
  assert.ok(other.answers.importState(core.parseImport(exported, model).state, "replace", "both.json").ok);
  assert.deepEqual(other.layer.state(TOOL).records["q:" + Q1].note.heads.map((h) => h.value).sort(), ["A's note", "B's note"]);
  // Combined again: no third copy of either.
  other.answers.importState(core.parseImport(exported, model).state, "combine", "both.json");
  assert.equal(other.layer.state(TOOL).records["q:" + Q1].note.heads.length, 2);
});

test("a stored answer off the scale (another copy of the toolkit wrote it) is set aside, not shown", () => {
  const o = origin(), a = tab(o.tab());
  a.layer.write(TOOL, [{ record: "q:" + Q1, field: "value", value: "maybe", base: [] }, { record: "q:" + Q1, field: "note", value: "still here", base: [] }]);
  const s = a.state();
  assert.deepEqual([s.answers[Q1].value, s.answers[Q1].note], [null, "still here"]);
  assert.equal(s.set_aside[0].id, Q1);
  assert.deepEqual(s.set_aside[0].data, { value: "maybe" });
});

/* Load stored keys (a fixture) into a fresh origin. */
function seeded(fixture, quota) {
  const o = origin(quota), area = o.tab();
  Object.entries(fixture).forEach(([k, v]) => area.setItem(k, v));
  return o;
}

test("what version 0.1.0 stored for the assessment moves into the layer; its key is kept as an earlier version, then goes", () => {
  const o = seeded(v010), a = tab(o.tab());
  const moved = a.answers.adoptLegacy(contract.legacy);
  assert.deepEqual(moved, { moved: true, unreadable: false });
  const s = a.state();
  assert.deepEqual([s.organisation, s.answers["q-1.4-1"].value, s.answers["q-1.4-1"].action], ["Delta partnership", "partly", "Map the remaining partners"]);
  assert.equal(s.answers["q-1.4-1"].times.value, "2025-11-03T10:00:00.000Z");
  assert.equal(o.data.get(contract.legacy.assessment), undefined);
  assert.deepEqual(a.answers.snapshots().map((x) => [x.reason.code, x.data]), [["legacy", v010[contract.legacy.assessment]]]);
  assert.equal(o.data.get(contract.legacy.plan), v010[contract.legacy.plan], "the plan's key is the plan's business");
});

test("what the assessment's own store kept moves over whole: answers with their times, set aside, earlier versions, last export", () => {
  const o = seeded(v1), a = tab(o.tab()), b = tab(o.tab());
  assert.deepEqual(a.answers.adoptLegacy(contract.legacy), { moved: true, unreadable: false });
  assert.deepEqual(b.answers.adoptLegacy(contract.legacy), { moved: true, unreadable: false });   // another tab: nothing twice
  const old = JSON.parse(v1[contract.legacy.assessment]);
  const s = tab(o.tab()).state();
  assert.equal(s.organisation, "Delta partnership");
  for (const id of Object.keys(old.answers)) {
    for (const f of ["value", "note", "action"]) assert.equal(s.answers[id][f], old.answers[id][f], `${id} ${f}`);
  }
  assert.deepEqual(s.answers[Q1].times, old.answers[Q1].times);
  assert.deepEqual(s.set_aside, old.set_aside);
  assert.equal(s.conflicts, undefined);
  const list = a.answers.snapshots();
  const oldList = JSON.parse(v1[contract.legacy.assessment_snapshots]);
  assert.deepEqual(list.map((x) => x.reason.code).sort(), ["legacy", "legacy-snapshot", "legacy-snapshot", "legacy-snapshot"]);
  assert.equal(list.filter((x) => x.reason.code === "legacy")[0].data, v1[contract.legacy.assessment]);
  assert.deepEqual(list.filter((x) => x.reason.code === "legacy-snapshot").map((x) => x.reason.text).sort(), oldList.map((x) => x.reason).sort());
  assert.deepEqual(list.filter((x) => x.reason.code === "legacy-snapshot").map((x) => x.data).sort(), oldList.map((x) => x.data).sort());
  assert.equal(a.answers.lastExport(), v1[contract.legacy.assessment_last_export]);
  for (const key of ["assessment", "assessment_snapshots", "assessment_last_export"]) assert.equal(o.data.get(contract.legacy[key]), undefined, key);
  // Each earlier version restores.
  for (const snap of list) assert.ok(a.answers.restore(snap.id).ok, snap.reason.code);
});

/* What a tab shows after moving over, clocks aside: the answers exported, the earlier versions. */
function moved(t) {
  return { answers: JSON.stringify(core.exportState(t.state(), model, "now").answers),
           snapshots: t.answers.snapshots().map((x) => `${x.reason.code} ${x.reason.text || ""} ${x.data}`).sort() };
}

test("moving over with storage full keeps the old keys for the next visit; then everything moves, once", () => {
  const direct = tab(seeded(v1).tab());
  direct.answers.adoptLegacy(contract.legacy);
  const want = moved(direct);
  const need = Object.entries(v1).reduce((n, [k, v]) => n + k.length + v.length, 0);
  let stopped = 0;
  for (let quota = need; quota < need + 30000; quota += 500) {
    const o = seeded(v1, quota), a = tab(o.tab());
    if (a.answers.adoptLegacy(contract.legacy).moved) continue;
    stopped += 1;
    assert.ok(Object.keys(v1).some((k) => o.data.has(k) && k !== contract.legacy.plan && !k.includes("worksheets")), "nothing left for the next visit");
    const roomy = origin();
    o.data.forEach((v, k) => roomy.tab().setItem(k, v));
    const again = tab(roomy.tab());
    assert.equal(again.answers.adoptLegacy(contract.legacy).moved, true);
    assert.deepEqual(moved(again), want, `stopped at ${quota} characters`);
  }
  assert.ok(stopped >= 5, `storage was full in ${stopped} runs only`);
});

test("stored answers that cannot be read are kept as they were, as an earlier version", () => {
  const o = seeded({ [contract.legacy.assessment]: "{broken", [contract.legacy.assessment_kept]: JSON.stringify({ label: "answers before import", when: "2025-05-01T00:00:00Z", data: "{}" }) });
  const a = tab(o.tab());
  assert.deepEqual(a.answers.adoptLegacy(contract.legacy), { moved: true, unreadable: true });
  const list = a.answers.snapshots();
  assert.deepEqual(list.map((x) => [x.reason.code, x.data]).sort(), [["legacy-snapshot", "{}"], ["legacy-unreadable", "{broken"]]);
  assert.equal(list.filter((x) => x.reason.code === "legacy-snapshot")[0].reason.text, "answers before import");
  assert.equal(o.data.size, 2);
});

test("the assessment's formats and limits are the storage contract's (macros/site/storage.json)", () => {
  assert.equal(core.FORMAT, contract.files.assessment);
  assert.equal(core.SCHEMA_VERSION, contract.files.schema_version);
  assert.equal(core.MAX_IMPORT_BYTES, contract.limits.import_bytes);
  assert.equal(core.MAX_TEXT, contract.limits.answer_text);
  assert.equal(core.MAX_ORGANISATION, contract.limits.organisation);
  assert.ok(contract.legacy.assessment_snapshots.startsWith(contract.legacy.assessment + "/"));
});

test("'Done' on the assessment comes from the plan's records in the layer, never from a copy of version 0.1.0's key", () => {
  const o = origin(), a = tab(o.tab());
  const PLAN = contract.tools.plan, id = "assessment:" + Q1;
  type(a, Q1, "action", "Agree the problem statement");
  type(a, Q2, "action", "Draft the scope");
  const set = (field, value) => {
    const rec = a.layer.state(PLAN).records[id], f = rec && rec[field];
    assert.ok(a.layer.write(PLAN, [{ record: id, field, value, base: f ? [f.id] : [] }]).ok);
  };
  const done = (legacy) => Object.keys(Data.doneOf(Layer, a.layer.state(PLAN), legacy ? JSON.stringify({ records: legacy }) : null, a.state().answers));
  set("status", "Done");
  set("status-for", "Agree the problem statement");
  // A copy of the key that an earlier build wrote for this page (the oldest time), from a stale tab, says otherwise: ignored.
  const stale = { [id]: { status: "Not started", updated: Layer.EPOCH }, ["assessment:" + Q2]: { status: "Done", updated: Layer.EPOCH } };
  assert.deepEqual(done(stale), [Q1]);
  // Rewritten since the status was given: no longer done.
  type(a, Q1, "action", "Agree the problem statement with every partner");
  assert.deepEqual(done(null), []);
  // What 0.1.0 wrote counts for an action the plan has no record of yet, not over one it has.
  const v010 = { [id]: { status: "Done", updated: "2025-11-03T10:00:00.000Z" }, ["assessment:" + Q2]: { status: "Done", updated: "2025-11-03T10:00:00.000Z" } };
  assert.deepEqual(done(v010), [Q2]);
  assert.deepEqual(done("not json"), []);
});

test("the assessment's CSV export reads back: answers by label or by points, notes, formulas as typed, odd ids; bad files refused with codes", () => {
  const typed = file({
    [Q1]: { value: "partly", note: "=SUM(A1)", action: "Call, \"the\" board" },
    [Q2]: { value: "not-applicable" },
    constructor: { value: "fully", note: "an old question" },
  });
  const csv = core.toCSV(typed, model);
  const back = Data.fromCSV(Layer, core, model, csv, contract.limits, "2026-06-02T00:00:00.000Z");
  assert.equal(back.errors, undefined);
  const pick = (s) => Object.fromEntries(Object.keys(s.answers).map((id) => [id, [s.answers[id].value, s.answers[id].note || "", s.answers[id].action || ""]]));
  assert.deepEqual(pick(back.state), pick(typed));
  // Exported in another language: the labels are not this page's, the points say which answer.
  const thai = csv.replace("Partly in place", "มีบางส่วน").replace("Not applicable", "ไม่เกี่ยวข้อง");
  assert.deepEqual(pick(Data.fromCSV(Layer, core, model, thai, contract.limits, "2026-06-02T00:00:00.000Z").state), pick(typed));
  // An answer that is neither a label nor points is set aside, not dropped.
  const odd = Data.fromCSV(Layer, core, model, "question_id,answer\r\n" + Q4 + ",Maybe\r\n", contract.limits, "2026-06-02T00:00:00.000Z");
  assert.deepEqual(odd.state.set_aside.map((x) => [x.id, x.reason]), [[Q4, "value-not-on-scale"]]);
  const codes = (text, limits = contract.limits) => Data.fromCSV(Layer, core, model, text, limits, "2026-06-02T00:00:00.000Z").errors.map((e) => e.code);
  assert.deepEqual(codes(""), ["csv-not-csv"]);
  assert.deepEqual(codes("\"never closed"), ["csv-not-csv"]);
  assert.deepEqual(codes("id,value\r\nq,1\r\n"), ["csv-columns"]);
  assert.deepEqual(codes("question_id,answer\r\n" + "q,x\r\n".repeat(4), { ...contract.limits, rows: 3 }), ["csv-too-many-rows"]);
  assert.deepEqual(codes("x".repeat(contract.limits.csv_bytes + 1)), ["too-large"]);
});
