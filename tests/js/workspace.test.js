// Unit tests of workspaces' pure functions (docs/assets/js/workspace.js) over the data layer: tool
// names per workspace, the list, one file out and back in (combine and replace through the data
// layer's import), files refused with codes.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Layer = require("../../docs/assets/js/data-layer.js");
const WS = require("../../docs/assets/js/workspace.js");
const contract = require("../../macros/site/storage.json");
const { origin, fakeWindow, clock } = require("./fake-storage.js");

const SHEET = "worksheet:rewards-and-risks";
const KNOWN = ["assessment", "action-plan", SHEET];

function open(area) { return Layer.open({ contract, win: fakeWindow(), storage: area, clock: clock() }); }

function put(L, tool, record, field, value) {
  const recs = L.state(tool).records;
  const f = recs[record] && recs[record][field];
  assert.ok(L.write(tool, [{ record, field, value, base: f ? [f.id] : [] }]).ok);
}

function states(L, id) {
  return Object.fromEntries(KNOWN.map((base) => [base, L.state(WS.toolOf(contract, id, base))]));
}

test("the default workspace's tools are the names as they always were; another's carry its prefix", () => {
  assert.equal(WS.toolOf(contract, "default", SHEET), SHEET);
  assert.equal(WS.toolOf(contract, "w1", SHEET), "ws~w1~" + SHEET);
  const L = open(origin().tab());
  put(L, "workspaces", "w:b2", "name", "Beta");
  put(L, "workspaces", "w:a1", "name", "<b>Alpha</b>");
  put(L, "workspaces", "w:default", "name", "Ours");
  put(L, "workspaces", "w:Not-An-Id", "name", "x");   // not an id a workspace is given: left out
  assert.deepEqual(WS.list(contract, L.state("workspaces"), Layer.isRemoved),
                   [{ id: "default", name: "Ours" }, { id: "a1", name: "<b>Alpha</b>" }, { id: "b2", name: "Beta" }]);
});

test("a workspace goes out as one file and comes back into another, rows and all", () => {
  const L = open(origin().tab());
  put(L, SHEET, "f:partner", "value", "NGO");
  put(L, SHEET, "r:actions:r1", "action", "Insure");
  put(L, SHEET, "r:actions:r2", "action", "Gone");
  const gone = L.state(SHEET).records["r:actions:r2"];
  assert.ok(L.write(SHEET, [{ record: "r:actions:r2", field: "@deleted", value: true, base: [], seen: Layer.cellHeads(gone) }]).ok);
  put(L, "action-plan", "plan:p1", "action", "Book");
  const doc = WS.exportDoc(contract, "Ours", states(L, "default"), "2026-12-05T00:00:00.000Z", "0.1.0", Layer.isRemoved);
  assert.deepEqual(Object.keys(doc.tools[SHEET]).sort(), ["f:partner", "r:actions:r1"]);
  const back = WS.parseImport(JSON.stringify(doc), contract, KNOWN);
  assert.ok(!back.errors, JSON.stringify(back.errors));
  assert.equal(back.name, "Ours");
  for (const base of Object.keys(back.tools)) {
    const tool = WS.toolOf(contract, "w2", base);
    assert.ok(L.write(tool, Layer.importOps(L.state(tool), back.tools[base], "combine", WS.rowLike).ops).ok);
  }
  assert.equal(L.state("ws~w2~" + SHEET).records["f:partner"].value.value, "NGO");
  assert.equal(L.state("ws~w2~action-plan").records["plan:p1"].action.value, "Book");
  // Replace with a file that lacks a row: the row is removed, the default workspace untouched.
  const less = JSON.parse(JSON.stringify(doc));
  delete less.tools["action-plan"];
  const tool = "ws~w2~action-plan";
  assert.ok(L.write(tool, Layer.importOps(L.state(tool), {}, "replace", WS.rowLike).ops).ok);
  assert.ok(Layer.isRemoved(L.state(tool).records["plan:p1"]));
  assert.ok(!Layer.isRemoved(L.state("action-plan").records["plan:p1"]));
});

test("files that are not a workspace, or hold what this toolkit has not, are refused with codes", () => {
  const codes = (text) => WS.parseImport(text, contract, KNOWN).errors.map((e) => e.code);
  const file = (tools, extra = {}) => JSON.stringify({ format: contract.workspaces.file, schema_version: 1, name: "x", tools, ...extra });
  assert.deepEqual(codes("{"), ["not-json"]);
  assert.deepEqual(codes(JSON.stringify({ format: contract.files.worksheet })), ["wrong-format-workspace"]);
  assert.deepEqual(codes(file({}, { schema_version: 9 })), ["newer-schema"]);
  assert.deepEqual(codes(file({ "worksheet:nope": {} })), ["unknown-tool"]);
  assert.deepEqual(codes(file({ [SHEET]: { "a/b": { value: { value: "x" } } } })), ["bad-record"]);
  assert.deepEqual(codes(file({ [SHEET]: { "f:x": { value: { value: { nested: 1 } } } } })), ["bad-record"]);
  assert.deepEqual(codes(file({ [SHEET]: { "f:x": { "@deleted": { value: true } } } })), ["bad-record"]);
  assert.deepEqual(codes(file({ [SHEET]: { "f:x": { value: { value: "y".repeat(contract.limits.text + 1) } } } })), ["value-too-long"]);
  assert.deepEqual(codes("x".repeat(contract.limits.import_bytes + 1)), ["too-large"]);
  const ok = WS.parseImport(file({ [SHEET]: { constructor: { value: { value: "kept" } } } }), contract, KNOWN);
  assert.equal(ok.tools[SHEET].constructor.value.value, "kept");
});
