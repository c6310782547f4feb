// Unit tests of the self-assessment's pure functions: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../docs/assets/js/assessment-core.js");

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
    { id: "q-1.1-2", module: "A", step: "1", task: "1.1", text: "Two", source: "Task 1.1" },
    { id: "q-1.2-1", module: "A", step: "1", task: "1.2", text: "Three", source: "Task 1.2" },
    { id: "q-4.1-1", module: "B", step: "4", task: "4.1", text: "=SUM(A1)", source: "Task 4.1" },
    { id: "q-A.1-1", module: "A", step: null, task: null, principle: "A.1", text: "Principle", source: "Key principle" },
  ],
};

function state(answers, extra) {
  return Object.assign({ format: core.FORMAT, schema_version: 1, organisation: "", answers: answers }, extra || {});
}

test("scores count answered questions and leave 'not applicable' out", () => {
  const s = core.score(state({ "q-1.1-1": { value: "fully" }, "q-1.1-2": { value: "not-applicable" },
                               "q-1.2-1": { value: "not-in-place" } }), model);
  assert.equal(s.task["1.1"].percent, 100);
  assert.equal(s.task["1.1"].answered, 2);
  assert.equal(s.task["1.2"].percent, 0);
  assert.equal(s.step["1"].percent, 50);          // 2 of 4 points
  assert.equal(s.module["A"].total, 4);            // principle questions count for the module
  assert.equal(s.module["B"].percent, null);       // nothing answered: no score, not zero
});

test("weakest lists the lowest-scoring answered tasks first", () => {
  const w = core.weakest(state({ "q-1.1-1": { value: "partly" }, "q-1.2-1": { value: "not-in-place" },
                                 "q-4.1-1": { value: "fully" } }), model, 5);
  assert.deepEqual(w.map((g) => g.key), ["1.2", "1.1"]);
});

test("migrate keeps answers to unknown questions and reports them", () => {
  const r = core.migrate(state({ "q-1.1-1": { value: "partly", note: "n" }, "q-9.9-9": { value: "fully" } }), model);
  assert.equal(r.errors, undefined);
  assert.deepEqual(r.unknown, ["q-9.9-9"]);
  assert.equal(r.state.answers["q-9.9-9"].value, "fully");
  assert.equal(r.state.answers["q-1.1-1"].note, "n");
});

test("migrate converts schema 0 files", () => {
  const r = core.migrate({ format: core.FORMAT, schema_version: 0, responses: { "q-1.1-1": { value: "fully" } } }, model);
  assert.equal(r.migratedFrom, 0);
  assert.equal(r.state.answers["q-1.1-1"].value, "fully");
  assert.equal(r.state.schema_version, 1);
});

test("bad files are refused with a reason (a code the page says in its language)", () => {
  assert.deepEqual(core.parseImport("not json", model).errors[0], { code: "not-json" });
  assert.deepEqual(core.parseImport("[]", model).errors[0], { code: "not-object" });
  assert.deepEqual(core.parseImport(JSON.stringify({ format: "other" }), model).errors[0], { code: "wrong-format" });
  assert.deepEqual(core.parseImport(JSON.stringify(state({}, { schema_version: 7 })), model).errors[0],
                   { code: "newer-schema", schema: 7, reads: core.SCHEMA_VERSION });
  assert.deepEqual(core.parseImport(JSON.stringify(state({}, { schema_version: "1" })), model).errors[0], { code: "no-schema" });
  assert.deepEqual(core.parseImport(JSON.stringify(state({}, { answers: [] })), model).errors[0], { code: "no-answers" });
  assert.deepEqual(core.parseImport("x".repeat(core.MAX_IMPORT_BYTES + 1), model).errors[0],
                   { code: "too-large", size: core.MAX_IMPORT_BYTES + 1, max: core.MAX_IMPORT_BYTES });
  assert.deepEqual(core.parseImport(null, model).errors[0], { code: "unreadable" });
});

test("an answer that cannot be used is set aside alone, verbatim; the others load", () => {
  const cases = [
    [{ "q-1.1-1": { value: "maybe" } }, "value-not-on-scale"],
    [{ "q-1.1-1": { value: ["fully"] } }, "value-not-on-scale"],          // an array is not the key "fully"
    [{ "q-1.1-1": { value: "fully", note: 5 } }, "text-not-text"],
    [{ "<img src=x>": { value: "fully" } }, "bad-question-id"],
    [{ "q-1.1-1": "fully" }, "answer-not-object"],
  ];
  cases.forEach(([answers, reason]) => {
    const r = core.parseImport(JSON.stringify(state(Object.assign({ "q-1.2-1": { value: "partly" } }, answers))), model, "2026-02-02T00:00:00Z");
    assert.equal(r.errors, undefined);
    assert.equal(r.state.answers["q-1.2-1"].value, "partly");
    assert.equal(r.setAside.length, 1);
    assert.equal(r.setAside[0].reason, reason);
    assert.deepEqual(r.state.set_aside[0].data, Object.values(answers)[0]);
    assert.equal(r.state.set_aside[0].when, "2026-02-02T00:00:00Z");
    assert.equal(core.score(r.state, model).task["1.1"].answered, 0);
  });
  const again = core.migrate(core.exportState(core.parseImport(JSON.stringify(state({ "q-1.1-1": { value: ["fully"] } })), model).state, model, "x"), model);
  assert.equal(again.state.set_aside.length, 1);                   // what was set aside stays set aside, not twice
  assert.equal(again.setAside.length, 0);
});

test("text in files is kept as text, never interpreted", () => {
  const r = core.parseImport(JSON.stringify(state({ "q-1.1-1": { value: "fully", note: "<script>alert(1)</script>" } },
                                                  { organisation: "<b>Org</b>" })), model);
  assert.equal(r.state.answers["q-1.1-1"].note, "<script>alert(1)</script>");
  assert.equal(r.state.organisation, "<b>Org</b>");
});

test("merge shows each partner's answer and ranks disagreement", () => {
  const partners = [
    { state: state({ "q-1.1-1": { value: "fully" }, "q-1.2-1": { value: "partly" } }) },
    { state: state({ "q-1.1-1": { value: "not-in-place" }, "q-1.2-1": { value: "partly" } }) },
    { state: state({ "q-1.1-1": { value: "partly" } }) },
  ];
  const m = core.merge(partners, model);
  assert.equal(m.rows.length, model.questions.length);
  assert.equal(m.disagreements[0].question.id, "q-1.1-1");
  assert.equal(m.disagreements[0].spread, 2);
  assert.equal(m.rows.find((r) => r.question.id === "q-1.2-1").spread, 0);
  assert.equal(m.rows[0].answers.length, 3);
});

test("compare lists changed answers and step score changes", () => {
  const before = state({ "q-1.1-1": { value: "partly" }, "q-1.2-1": { value: "partly" } });
  const after = state({ "q-1.1-1": { value: "fully" }, "q-1.2-1": { value: "partly" } });
  const c = core.compare(before, after, model);
  assert.deepEqual(c.changes.map((x) => [x.question.id, x.before, x.after]), [["q-1.1-1", "partly", "fully"]]);
  assert.equal(c.steps.find((s) => s.step === "1").delta, 25);
});

test("CSV quotes text and defuses spreadsheet formulas", () => {
  const csv = core.toCSV(state({ "q-4.1-1": { value: "partly", note: "a, \"b\"\nc", action: "+1" },
                                 "q-old-1": { value: "fully" } }), model);
  const lines = csv.split("\r\n");
  assert.equal(lines[0], "question_id,module,step,task,question,answer,points,note,next_action");
  assert.ok(csv.includes("'=SUM(A1)"));
  assert.ok(csv.includes("\"a, \"\"b\"\"\nc\""));
  assert.ok(csv.includes(",'+1"));
  assert.ok(csv.includes("q-old-1,,,,(question no longer in the toolkit),Fully in place"));
});

test("export carries format, versions, date and organisation", () => {
  const e = core.exportState(state({ "q-1.1-1": { value: "fully" } }, { organisation: "Org" }), model, "2026-01-01T00:00:00Z");
  assert.equal(e.format, core.FORMAT);
  assert.equal(e.schema_version, core.SCHEMA_VERSION);
  assert.equal(e.content_version, "c1");
  assert.equal(e.exported, "2026-01-01T00:00:00Z");
  assert.equal(e.organisation, "Org");
  const back = core.parseImport(JSON.stringify(e), model);
  assert.deepEqual(back.state.answers["q-1.1-1"], { value: "fully", note: "", action: "" });
});
