// Unit tests of the worksheets' and action plan's pure functions (docs/assets/js/worksheet-core.js)
// over the data layer, and of what version 0.1.0 stored (tests/fixtures/v0.1.0/).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Layer = require("../../docs/assets/js/data-layer.js");
const Core = require("../../docs/assets/js/worksheet-core.js");
const contract = require("../../macros/site/storage.json");
const legacy = require("../fixtures/v0.1.0/storage.json");
const { origin, fakeWindow, clock } = require("./fake-storage.js");

const limits = contract.limits;
const TOOL = "worksheet:rewards-and-risks";
const model = {
  id: "rewards-and-risks", title: "Rewards and risks register", version: "0.1.0", content_version: "abc", tool: TOOL,
  parts: [
    { kind: "field", id: "partner", label: "Partner", type: "text", options: [] },
    { kind: "table", id: "risks", title: "Risks", task: "3.2", actions: false,
      columns: [{ id: "risk", heading: "The risk for us", kind: "long", options: [] },
                { id: "likelihood", heading: "Likelihood", kind: "choice", options: ["High", "Medium", "Low"] }],
      fixed: [{ id: "IV.4.1", label: "Reputation impact" }, { id: "IV.4.2", label: "Loss of autonomy" }] },
    { kind: "table", id: "actions", title: "Mitigation actions", task: "3.2", actions: true,
      columns: [{ id: "action", heading: "Action", kind: "long", options: [] }, { id: "owner", heading: "Owner", kind: "text", options: [] },
                { id: "due", heading: "Due", kind: "date", options: [] },
                { id: "status", heading: "Status", kind: "choice", options: ["Not started", "In progress", "Done"] }],
      fixed: [] },
  ],
};
const actions = model.parts[2];

function open(area, tool = TOOL) {
  return Layer.open({ contract, win: fakeWindow(), storage: area, clock: clock() });
}

function put(L, record, field, value, tool = TOOL) {
  const recs = L.state(tool).records;
  const f = recs[record] && recs[record][field];
  assert.ok(L.write(tool, [{ record, field, value, base: f ? [f.id] : [] }]).ok);
}

test("rows: fixed rows in the publication's order; added rows by order; removed rows gone", () => {
  const L = open(origin().tab());
  put(L, "r:actions:b", "@order", 1);
  put(L, "r:actions:a", "@order", 0);
  put(L, "r:actions:c", "@order", 2);
  put(L, "r:actions:c", "action", "to remove");
  const rec = L.state(TOOL).records["r:actions:c"];
  L.write(TOOL, [{ record: "r:actions:c", field: "@deleted", value: true, base: [], seen: Layer.cellHeads(rec) }]);
  assert.deepEqual(Core.rowsOf(L.state(TOOL), actions).map((r) => r.id), ["a", "b"]);
  assert.deepEqual(Core.rowsOf(L.state(TOOL), model.parts[1]).map((r) => r.id), ["IV.4.1", "IV.4.2"]);
  assert.equal(Core.nextOrder(L.state(TOOL), actions), 2);
});

test("export and import round trip, each column with its time, other versions included", () => {
  const o = origin(), L = open(o.tab());
  put(L, "f:partner", "value", "<b>NGO</b>");
  put(L, "r:actions:r1", "@order", 0);
  put(L, "r:actions:r1", "action", "Call");
  put(L, "r:actions:r1", "status", "Done");
  // The same field changed in two tabs at once: both versions are exported.
  L.write(TOOL, [{ record: "f:partner", field: "value", value: "other tab's", base: [] }]);
  const doc = Core.exportDoc(model, L.state(TOOL), "2026-02-01T00:00:00.000Z");
  assert.equal(doc.records["r:actions:r1"].values.status, "Done");
  assert.ok(doc.records["r:actions:r1"].times.action);
  assert.equal(doc.conflicts.length, 1);
  const back = Core.parseImport(JSON.stringify(doc), model, limits);
  assert.ok(!back.errors, JSON.stringify(back.errors));
  const fresh = open(origin().tab());
  const plan = Layer.importOps(fresh.state(TOOL), back.incoming, "combine", Core.isRowRecord);
  assert.ok(fresh.write(TOOL, plan.ops.concat(back.conflicts.map((c) => ({ record: c.record, field: c.field, value: c.value, base: [] })))).ok);
  const state = fresh.state(TOOL);
  assert.deepEqual(state.records["f:partner"].value.heads.map((h) => h.value).sort(), ["<b>NGO</b>", "other tab's"]);
  assert.deepEqual(Core.rowsOf(state, actions)[0].values, { action: "Call", status: "Done" });
});

test("every kind of bad file is refused with a code, never an English sentence", () => {
  const good = { format: Core.FORMAT, schema_version: 1, worksheet: model.id, records: {} };
  const cases = [
    ["not json", "not-json"],
    ["[]", "not-object"],
    [JSON.stringify({ ...good, format: "partnering-guidelines-assessment" }), "wrong-format"],
    [JSON.stringify({ ...good, schema_version: 2 }), "newer-schema"],
    [JSON.stringify({ ...good, worksheet: "moving-on" }), "other-worksheet"],
    [JSON.stringify({ ...good, records: [] }), "no-records"],
    [JSON.stringify({ ...good, records: { "x:bad": {} } }), "bad-record"],
    [JSON.stringify({ ...good, records: { "f:partner": { value: 3 } } }), "value-not-text"],
    [JSON.stringify({ ...good, records: { "r:risks:IV.4.1": { values: { likelihood: "Extreme" } } } }), "value-not-choice"],
    [JSON.stringify({ ...good, records: { "r:actions:r1": { values: { due: "tomorrow" } } } }), "value-not-date"],
    [JSON.stringify({ ...good, records: { "f:partner": { value: "x".repeat(limits.text + 1) } } }), "value-too-long"],
    ["x".repeat(limits.import_bytes + 1), "too-large"],
  ];
  for (const [text, code] of cases) {
    const result = Core.parseImport(text, model, limits);
    assert.ok(result.errors, text.slice(0, 40));
    assert.equal(result.errors[0].code, code, text.slice(0, 60));
  }
  const many = {};
  for (let i = 0; i <= limits.rows; i++) many[`r:actions:r${i}`] = { values: { action: "a" }, order: i };
  assert.equal(Core.parseImport(JSON.stringify({ ...good, records: many }), model, limits).errors[0].code, "too-many-rows");
});

test("CSV: quoted, formulas defused, and read back", () => {
  const rows = [{ id: "r1", values: { action: "=1+1", owner: "A, B", due: "2026-01-02", status: "Done" } },
                { id: "r2", values: { action: "say \"hi\"\nthen go", owner: "-x", due: "", status: "" } }];
  const csv = Core.tableCSV(actions, rows);
  assert.match(csv, /^row,Action,Owner,Due,Status\r\n/);
  assert.match(csv, /r1,'=1\+1,"A, B",2026-01-02,Done/);
  assert.match(csv, /"say ""hi""\nthen go",'-x/);
  const back = Core.csvRows(csv, actions, limits);
  assert.ok(!back.errors, JSON.stringify(back.errors));
  assert.deepEqual(back.rows[0].values, rows[0].values);
  assert.equal(back.rows[1].values.action, "say \"hi\"\nthen go");
  assert.equal(back.rows[1].values.owner, "-x");
  assert.deepEqual(Core.parseCSV("a,b\r\n\"x\"\"y\",\r\n,\n\"multi\nline\",z"), [["a", "b"], ["x\"y", ""], ["multi\nline", "z"]]);
  assert.deepEqual(Core.parseCSV("\uFEFFa,\"b\""), [["a", "b"]]);
});

test("CSV: bad files are refused with codes", () => {
  assert.equal(Core.csvRows("a,b\n1,2\n", actions, limits).errors[0].code, "csv-columns");
  assert.equal(Core.csvRows("row,Status\nr1,Maybe\n", actions, limits).errors[0].code, "value-not-choice");
  assert.equal(Core.csvRows("row,item,The risk for us\nIV.9.9,x,y\n", model.parts[1], limits).errors[0].code, "csv-row-unknown");
  assert.equal(Core.csvRows("\"unclosed", actions, limits).errors[0].code, "csv-not-csv");
});

test("CSV: 8,000 rows (95 KB) are refused at once, 1,000 are read in well under a second (0.1.0 took 150 s)", () => {
  let big = "row,Action,Owner\r\n";
  for (let i = 0; i < 8000; i++) big += `,Action ${i},Owner ${i}\r\n`;
  let start = process.hrtime.bigint();
  const refused = Core.csvRows(big, actions, limits);
  assert.equal(refused.errors[0].code, "csv-too-many-rows");
  assert.ok(Number(process.hrtime.bigint() - start) / 1e6 < 200);
  const lines = big.split("\r\n").slice(0, limits.rows + 1).join("\r\n");
  start = process.hrtime.bigint();
  const rows = Core.csvRows(lines, actions, limits).rows;
  assert.equal(rows.length, limits.rows);
  const L = open(origin().tab());
  let n = 0;
  const incoming = Core.csvIncoming(L.state(TOOL), actions, rows, () => `new-${n++}`);
  assert.ok(L.write(TOOL, Layer.importOps(L.state(TOOL), incoming, "combine", Core.isRowRecord).ops).ok);
  assert.equal(Core.rowsOf(L.state(TOOL), actions).length, limits.rows);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(ms < 1500, `${ms} ms`);
});

test("what version 0.1.0 stored is read, removed rows stay removed", () => {
  const incoming = Core.legacyIncoming(legacy["partnering-guidelines/worksheets/v1/stakeholder-map"]);
  const L = open(origin().tab(), "worksheet:stakeholder-map");
  const tool = "worksheet:stakeholder-map";
  assert.ok(L.write(tool, Layer.importOps(L.state(tool), incoming, "combine", Core.isRowRecord).ops).ok);
  const state = L.state(tool);
  const inventory = { id: "inventory", fixed: [], columns: ["partner", "type", "interest"].map((id) => ({ id })) };
  // The rows typed first, in their order; every worksheet's rows: tests/js/legacy-worksheets.test.js.
  assert.deepEqual(Core.rowsOf(state, inventory).map((r) => r.values.partner).slice(0, 2), ["Provincial Department of Agriculture", "Farmers' cooperative"]);
  assert.ok(!Core.rowsOf(state, inventory).some((r) => r.values.partner === "Removed partner"));
  assert.equal(Core.rowsOf(state, inventory)[0].values.interest, "High");
  assert.equal(state.records["f:selection"].value.value, "They hold the land records <and> the extension staff.");
  assert.equal(state.records["f:selection"].value.time, "2025-11-03T09:30:00.000Z", "with the time 0.1.0 gave it");
  assert.equal(Core.legacyIncoming("{broken"), null);
});

const plan = {
  tool: "action-plan",
  statuses: ["Not started", "In progress", "Done"],
  columns: ["action", "owner", "due", "status"],
  tasks: { "3.2": "Assess rewards and risks", "6.2": "Resources" },
  task_urls: { "3.2": "steps/3.html#task-3-2", "6.2": "steps/6.html#task-6-2" },
  soon_days: 14,
  questions: [{ id: "q-3.2-1", task: "3.2", source: "Task 3.2", text: "Risks assessed", url: "steps/3.html#task-3-2" }],
  tables: [{ sheet: "rewards-and-risks", sheet_title: "Rewards and risks register", table: "actions", title: "Mitigation actions",
             task: "3.2", tool: TOOL, url: "worksheets/rewards-and-risks.html" }],
};

test("the action plan gathers the assessment's next actions and the worksheets' action rows", () => {
  const o = origin(), L = open(o.tab());
  const assessment = JSON.stringify({ answers: { "q-3.2-1": { value: "partly", note: "", action: "Write the risk register" },
                                                  "q-1.1-1": { value: "fully", note: "", action: "" } } });
  put(L, "r:actions:r1", "@order", 0);
  put(L, "r:actions:r1", "action", "Insure the van");
  put(L, "r:actions:r1", "owner", "NGO");
  put(L, "r:actions:r1", "due", "2026-05-01");
  put(L, "r:actions:r1", "status", "In progress");
  put(L, "assessment:q-3.2-1", "owner", "Lead", "action-plan");
  put(L, "assessment:q-3.2-1", "status", "Done", "action-plan");
  put(L, "assessment:q-3.2-1", "status-for", "Write the risk register", "action-plan");
  const found = Core.gatherActions(plan, assessment, { "rewards-and-risks": L.state(TOOL) }, L.state("action-plan"));
  assert.deepEqual(found.map((a) => [a.id, a.action, a.owner, a.status, a.task]), [
    ["assessment:q-3.2-1", "Write the risk register", "Lead", "Done", "3.2"],
    ["worksheet:rewards-and-risks:actions:r1", "Insure the van", "NGO", "In progress", "3.2"],
  ]);
  assert.equal(Core.sortActions(found, "status", "ascending", plan.statuses)[0].status, "In progress");
  assert.equal(Core.sortActions(found, "due", "ascending", plan.statuses)[0].due, "2026-05-01");
  assert.match(Core.planCSV(found), /^Action,Owner,Due,Status,Task,From,Source ID,Notes,Completed\r\n/);
});

test("'Done' belongs to the action it was given for: a rewritten action starts again", () => {
  const L = open(origin().tab());
  put(L, "assessment:q-3.2-1", "status", "Done", "action-plan");
  put(L, "assessment:q-3.2-1", "status-for", "Write the risk register", "action-plan");
  const rewritten = JSON.stringify({ answers: { "q-3.2-1": { action: "Write and publish the risk register" } } });
  const [a] = Core.gatherActions(plan, rewritten, {}, L.state("action-plan"));
  assert.equal(a.status, "Not started");
  assert.equal(a.statusReset, true);
});

test("the action plan survives unreadable stored data and odd question ids", () => {
  assert.deepEqual(Core.gatherActions(plan, "{broken", {}, null), []);
  const odd = JSON.stringify({ answers: { "a/b": { action: "x" }, constructor: { action: "kept" } } });
  assert.deepEqual(Core.gatherActions(plan, odd, {}, null).map((a) => a.id), ["assessment:constructor"]);
});

test("plan imports: JSON and CSV, to where each action is kept; bad files refused with codes", () => {
  const file = Core.planExport([{ id: "assessment:q-3.2-1", action: "Write", owner: "Lead", due: "2026-03-01", status: "Done", task: "3.2", source: "x" },
                                { id: "worksheet:rewards-and-risks:actions:r1", action: "Insure", owner: "NGO", due: "", status: "In progress", task: "3.2", source: "y" }],
                               "2026-02-01T00:00:00.000Z", { "assessment:q-3.2-1": { owner: "2026-01-20T00:00:00.000Z" } });
  const parsed = Core.parsePlanImport(JSON.stringify(file), plan, limits, "json");
  assert.ok(!parsed.errors, JSON.stringify(parsed.errors));
  assert.deepEqual(parsed.targets.map((t) => [t.tool, t.record]), [["action-plan", "assessment:q-3.2-1"], [TOOL, "r:actions:r1"]]);
  assert.equal(parsed.targets[0].fields.owner.time, "2026-01-20T00:00:00.000Z");
  assert.equal(parsed.targets[0].fields["status-for"].value, "Write");
  const csv = Core.planCSV(file.actions);
  const fromCsv = Core.parsePlanImport(csv, plan, limits, "csv");
  assert.ok(!fromCsv.errors, JSON.stringify(fromCsv.errors));
  assert.equal(fromCsv.targets[1].fields.owner.value, "NGO");
  assert.equal(Core.parsePlanImport("{", plan, limits, "json").errors[0].code, "not-json");
  assert.equal(Core.parsePlanImport(JSON.stringify({ format: "x" }), plan, limits, "json").errors[0].code, "wrong-format-plan");
  assert.equal(Core.parsePlanImport("Action,Owner\nx,y\n", plan, limits, "csv").errors[0].code, "plan-csv-columns");
  const bad = { ...file, actions: [{ id: "assessment:q-3.2-1", status: "Finished" }] };
  assert.equal(Core.parsePlanImport(JSON.stringify(bad), plan, limits, "json").errors[0].code, "value-not-choice");
});

test("a refused action of a plan file is named by its place in the file, not by a 'line' the file gives it", () => {
  const file = { format: Core.PLAN_FORMAT, schema_version: 1, actions: [
    { id: "assessment:q-3.2-1", owner: "Lead" },
    { id: "not an id", line: 99 },
    { id: "assessment:q-3.2-1", status: "Finished", line: "<b>1</b>" }] };
  const errors = Core.parsePlanImport(JSON.stringify(file), plan, limits, "json").errors;
  assert.deepEqual(errors.map((e) => [e.code, e.at ? e.at.line : e.line]), [["plan-bad-id", 2], ["value-not-choice", 3]]);
});

test("actions added on the plan: gathered with their task, notes and place; removed ones left out", () => {
  const L = open(origin().tab());
  put(L, "plan:a1", "@order", 1, "action-plan");
  put(L, "plan:a1", "action", "Book the venue", "action-plan");
  put(L, "plan:a1", "task", "6.2", "action-plan");
  put(L, "plan:a1", "notes", "Ask the city", "action-plan");
  put(L, "plan:gone", "action", "Removed", "action-plan");
  const rec = L.state("action-plan").records["plan:gone"];
  assert.ok(L.write("action-plan", [{ record: "plan:gone", field: "@deleted", value: true, base: [], seen: Layer.cellHeads(rec) }]).ok);
  put(L, "plan:bad-task", "task", "99.9", "action-plan");
  put(L, "worksheet:rewards-and-risks:actions:r1", "notes", "Quote asked", "action-plan");
  put(L, "r:actions:r1", "action", "Insure the van");
  const found = Core.gatherActions(plan, null, { "rewards-and-risks": L.state(TOOL) }, L.state("action-plan"));
  assert.deepEqual(found.map((a) => [a.id, a.kind, a.task, a.notes, a.order]), [
    ["worksheet:rewards-and-risks:actions:r1", "worksheet", "3.2", "Quote asked", null],
    ["plan:a1", "plan", "6.2", "Ask the city", 1],
    ["plan:bad-task", "plan", "", "", null],
  ]);
  // In plan order: placed actions first, the others after them by task.
  assert.deepEqual(Core.sortActions(found, "order", "ascending", plan.statuses).map((a) => a.id),
                   ["plan:a1", "worksheet:rewards-and-risks:actions:r1", "plan:bad-task"]);
});

test("an action is overdue the day after its due date, due soon within the plan's days, never once done", () => {
  const flag = (due, status = "Not started") => Core.dueFlag({ due, status }, "2026-12-05", 14, "Done");
  assert.deepEqual(flag("2026-02-05"), { code: "overdue", days: 303 });
  assert.deepEqual(flag("2026-12-04"), { code: "overdue", days: 1 });
  assert.deepEqual(flag("2026-12-05"), { code: "due-soon", days: 0 });
  assert.deepEqual(flag("2026-12-19"), { code: "due-soon", days: 14 });
  assert.equal(flag("2026-12-20"), null);
  assert.equal(flag("2026-02-05", "Done"), null);
  assert.equal(flag(""), null);
  assert.equal(flag("soon"), null);
  assert.equal(Core.localDay(new Date(2026, 0, 9, 23, 59)), "2026-01-09");
});

test("moving an action places it beside its neighbour among those shown and numbers the plan again", () => {
  const a = (id, order) => ({ id, order });
  const all = [a("x", 0), a("y", 1), a("z", null), a("w", null)];
  assert.deepEqual(Core.reorder(all, all, "z", -1).map((p) => [p.action.id, p.order]), [["z", 1], ["y", 2], ["w", 3]]);
  // Among shown actions only (a filter hides y): x moves below z.
  const shown = [all[0], all[2]];
  assert.deepEqual(Core.reorder(all, shown, "x", 1).map((p) => [p.action.id, p.order]), [["y", 0], ["z", 1], ["x", 2], ["w", 3]]);
  assert.deepEqual(Core.reorder(all, all, "x", -1), []);
});

test("the plan's record of a worksheet action is a data layer id, however long the row's id", () => {
  const short = "worksheet:rewards-and-risks:actions:row-1";
  assert.equal(Core.planRecordOf(short), short);
  const long = "worksheet:rewards-and-risks:actions:" + "r".repeat(80), other = long.slice(0, -1) + "s";
  assert.ok(/^[A-Za-z0-9@:._~-]{1,120}$/.test(Core.planRecordOf(long)));
  assert.notEqual(Core.planRecordOf(long), Core.planRecordOf(other));
});

test("plan files carry notes, completion dates and the actions added on the plan", () => {
  const file = Core.planExport([{ id: "plan:a1", kind: "plan", action: "Book the venue", owner: "Ana", due: "2026-03-01", status: "Done", task: "6.2",
                                  source: null, notes: "Ask the city", completed: "2026-02-27" },
                                { id: "worksheet:rewards-and-risks:actions:r1", action: "Insure", owner: "", due: "", status: "Done", task: "3.2",
                                  source: "y", notes: "Quote asked", completed: "2026-01-02" }], "2026-02-01T00:00:00.000Z");
  for (const [kind, text] of [["json", JSON.stringify(file)], ["csv", Core.planCSV(file.actions)]]) {
    const parsed = Core.parsePlanImport(text, plan, limits, kind);
    assert.ok(!parsed.errors, JSON.stringify(parsed.errors));
    assert.deepEqual(parsed.targets.map((t) => [t.tool, t.record, Object.keys(t.fields).sort().join(" ")]), [
      ["action-plan", "plan:a1", "action completed due notes owner status task"],
      [TOOL, "r:actions:r1", "action due owner status"],
      ["action-plan", "worksheet:rewards-and-risks:actions:r1", "completed notes"],
    ], kind);
    assert.equal(parsed.targets[0].fields.completed.value, "2026-02-27");
  }
  const bad = { ...file, actions: [{ id: "plan:a1", completed: "yesterday" }, { id: "plan:a2", task: "<b>3.2</b>" }] };
  assert.deepEqual(Core.parsePlanImport(JSON.stringify(bad), plan, limits, "json").errors.map((e) => e.code), ["value-not-date", "value-not-choice"]);
});

test("the file formats and limits are the storage contract's (macros/site/storage.json)", () => {
  assert.equal(Core.FORMAT, contract.files.worksheet);
  assert.equal(Core.PLAN_FORMAT, contract.files.plan);
  assert.equal(Core.SCHEMA_VERSION, contract.files.schema_version);
  assert.ok(contract.data_prefix.startsWith(contract.namespace) && contract.history_prefix.startsWith(contract.namespace));
});
