// Unit tests of the worksheets' pure functions (docs/assets/js/worksheet-core.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const Core = require("../../docs/assets/js/worksheet-core.js");

const model = {
  id: "rewards-and-risks", title: "Rewards and risks register", version: "0.1.0", content_version: "abc",
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

test("two tabs changing different answers both keep theirs (read-merge-write of one record)", () => {
  let stored = JSON.stringify(Core.emptyDoc(model));
  const write = (change, when) => { stored = JSON.stringify(Core.applyChange(JSON.parse(stored), change, when)); };
  write({ kind: "field", field: "partner", value: "Ministry" }, "2026-01-01T00:00:01Z");        // tab A
  write({ kind: "cell", table: "risks", row: "IV.4.1", column: "risk", value: "Press", fixed: true }, "2026-01-01T00:00:02Z"); // tab B
  write({ kind: "cell", table: "risks", row: "IV.4.1", column: "likelihood", value: "High", fixed: true }, "2026-01-01T00:00:03Z"); // tab A
  const doc = JSON.parse(stored);
  assert.strictEqual(Core.fieldValue(doc, "partner"), "Ministry");
  assert.deepStrictEqual(Core.rowsOf(doc, model.parts[1])[0].values, { risk: "Press", likelihood: "High" });
});

test("merge keeps the newer record per ID, and a removed row stays removed", () => {
  const mine = { "f:partner": { value: "old", updated: "2026-01-01" }, "r:actions:r1": { values: { action: "a" }, order: 0, updated: "2026-01-03", deleted: true } };
  const theirs = { "f:partner": { value: "new", updated: "2026-01-02" }, "r:actions:r1": { values: { action: "a" }, order: 0, updated: "2026-01-02" } };
  const out = Core.mergeRecords(mine, theirs);
  assert.strictEqual(out["f:partner"].value, "new");
  assert.strictEqual(out["r:actions:r1"].deleted, true);
  const doc = Core.applyChange({ records: out }, { kind: "cell", table: "actions", row: "r1", column: "action", value: "x" }, "2026-01-04");
  assert.deepStrictEqual(Core.rowsOf(doc, actions), []);
});

test("rows: fixed rows in the publication's order; added rows in the order they were added", () => {
  let doc = Core.emptyDoc(model);
  doc = Core.applyChange(doc, { kind: "add", table: "actions", row: "b", order: 1 }, "t2");
  doc = Core.applyChange(doc, { kind: "add", table: "actions", row: "a", order: 0 }, "t1");
  assert.deepStrictEqual(Core.rowsOf(doc, actions).map((r) => r.id), ["a", "b"]);
  assert.deepStrictEqual(Core.rowsOf(doc, model.parts[1]).map((r) => r.id), ["IV.4.1", "IV.4.2"]);
  assert.strictEqual(Core.nextOrder(doc, actions), 2);
});

test("export and import round trip", () => {
  let doc = Core.emptyDoc(model);
  doc = Core.applyChange(doc, { kind: "field", field: "partner", value: "<b>NGO</b>" }, "t1");
  doc = Core.applyChange(doc, { kind: "add", table: "actions", row: "r1", order: 0, values: { action: "Call", status: "Done" } }, "t2");
  const text = JSON.stringify(Core.exportDoc(model, doc, "2026-01-01"));
  const back = Core.parseImport(text, model);
  assert.ok(!back.errors, back.errors);
  assert.strictEqual(back.records["f:partner"].value, "<b>NGO</b>");   // kept as the text it is
  assert.strictEqual(back.records["r:actions:r1"].values.status, "Done");
});

test("every kind of bad file is refused with a reason", () => {
  const good = { format: Core.FORMAT, schema_version: 1, worksheet: model.id, records: {} };
  const cases = [
    ["not json", /not JSON/],
    ["[]", /expected a JSON object/],
    [JSON.stringify({ ...good, format: "partnering-guidelines-assessment" }), /not a Partnering Guidelines worksheet/],
    [JSON.stringify({ ...good, schema_version: 2 }), /newer or unknown version/],
    [JSON.stringify({ ...good, worksheet: "moving-on" }), /not "rewards-and-risks"/],
    [JSON.stringify({ ...good, records: [] }), /no records object/],
    [JSON.stringify({ ...good, records: { "x:bad": {} } }), /is not valid/],
    [JSON.stringify({ ...good, records: { "f:partner": { value: 3 } } }), /not text/],
    [JSON.stringify({ ...good, records: { "r:risks:IV.4.1": { values: { likelihood: "Extreme" } } } }), /not one of its choices/],
    [JSON.stringify({ ...good, records: { "r:actions:r1": { values: { due: "tomorrow" } } } }), /not a date/],
    ["x".repeat(1024 * 1024 + 1), /larger than 1 MB/],
  ];
  for (const [text, message] of cases) {
    const result = Core.parseImport(text, model);
    assert.ok(result.errors, text.slice(0, 40));
    assert.match(result.errors.join(" "), message);
  }
});

test("CSV: quoted, formulas defused, and read back", () => {
  const rows = [{ id: "r1", values: { action: "=1+1", owner: "A, B", due: "2026-01-02", status: "Done" } },
                { id: "r2", values: { action: "say \"hi\"\nthen go", owner: "-x", due: "", status: "" } }];
  const csv = Core.tableCSV(actions, rows);
  assert.match(csv, /^row,Action,Owner,Due,Status\r\n/);
  assert.match(csv, /r1,'=1\+1,"A, B",2026-01-02,Done/);
  assert.match(csv, /"say ""hi""\nthen go",'-x/);
  const back = Core.csvRows(csv, actions);
  assert.ok(!back.errors, back.errors);
  assert.deepStrictEqual(back.rows[0].values, rows[0].values);
  assert.strictEqual(back.rows[1].values.action, "say \"hi\"\nthen go");
  assert.strictEqual(back.rows[1].values.owner, "-x");
});

test("CSV: bad files are refused", () => {
  assert.match(Core.csvRows("a,b\n1,2\n", actions).errors[0], /must name the columns/);
  assert.match(Core.csvRows("row,Status\nr1,Maybe\n", actions).errors[0], /not one of its choices/);
  assert.match(Core.csvRows("row,item,The risk for us\nIV.9.9,x,y\n", model.parts[1]).errors[0], /not one of this table's rows/);
  assert.match(Core.csvRows("\"unclosed", actions).errors[0], /not CSV/);
});

const plan = {
  statuses: ["Not started", "In progress", "Done"],
  questions: [{ id: "q-3.2-1", task: "3.2", source: "Task 3.2", text: "Risks assessed", url: "steps/3.html#task-3-2" }],
  tables: [{ sheet: "rewards-and-risks", sheet_title: "Rewards and risks register", table: "actions", title: "Mitigation actions",
             task: "3.2", key: "partnering-guidelines/worksheets/v1/rewards-and-risks", url: "worksheets/rewards-and-risks.html" }],
};

test("the action plan gathers the assessment's next actions and the worksheets' action rows", () => {
  const assessment = JSON.stringify({ answers: { "q-3.2-1": { value: "partly", note: "", action: "Write the risk register" },
                                                  "q-1.1-1": { value: "fully", note: "", action: "" } } });
  let doc = Core.emptyDoc(model);
  doc = Core.applyChange(doc, { kind: "add", table: "actions", row: "r1", order: 0, values: { action: "Insure the van", owner: "NGO", due: "2026-05-01", status: "In progress" } }, "t");
  const planDoc = { records: { "assessment:q-3.2-1": { status: "Done", owner: "Lead", updated: "t" } } };
  const found = Core.gatherActions(plan, assessment, { [plan.tables[0].key]: JSON.stringify(doc) }, planDoc);
  assert.deepStrictEqual(found.map((a) => [a.id, a.action, a.owner, a.status, a.task]), [
    ["assessment:q-3.2-1", "Write the risk register", "Lead", "Done", "3.2"],
    ["worksheet:rewards-and-risks:actions:r1", "Insure the van", "NGO", "In progress", "3.2"],
  ]);
  const sorted = Core.sortActions(found, "status", "ascending", plan.statuses);
  assert.strictEqual(sorted[0].status, "In progress");
  assert.strictEqual(Core.sortActions(found, "due", "ascending", plan.statuses)[0].due, "2026-05-01");
  assert.match(Core.planCSV(found), /^Action,Owner,Due,Status,Task,From,Source ID\r\n/);
});

test("the action plan survives unreadable stored data", () => {
  assert.deepStrictEqual(Core.gatherActions(plan, "{broken", { [plan.tables[0].key]: "also broken" }, null), []);
});
