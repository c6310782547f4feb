// Everything version 0.1.0 stored for its 14 worksheets (tests/fixtures/v0.1.0/storage.json, made
// by its own code) appears in the data layer once Core.adoptLegacyWorksheet has moved it: every
// field, every cell of every row, under the ids 0.1.0 stored it by (worksheets.json: its pages'
// own models; tests/unit/test_legacy_ids.py holds today's worksheets to those ids), removed rows
// still removed, and 0.1.0's stored document and its earlier versions kept as earlier versions.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Layer = require("../../docs/assets/js/data-layer.js");
const Core = require("../../docs/assets/js/worksheet-core.js");
const contract = require("../../macros/site/storage.json");
const legacy = require("../fixtures/v0.1.0/storage.json");
const sheets = require("../fixtures/v0.1.0/worksheets.json");
const { origin, fakeWindow, clock } = require("./fake-storage.js");

const toolOf = (id) => contract.tools.worksheet.replace("{id}", id);
const keyOf = (id) => contract.legacy.worksheet.replace("{id}", id);
const snapshotsKeyOf = (id) => contract.legacy.worksheet_snapshots.replace("{id}", id);

/* A browser profile holding what 0.1.0 left, and a page of today's toolkit opened on it. */
function adopted(id) {
  const o = origin();
  Object.entries(legacy).forEach(([k, v]) => o.data.set(k, v));
  const L = Layer.open({ contract, win: fakeWindow(), storage: o.tab(), clock: clock() });
  assert.ok(Core.adoptLegacyWorksheet(L, contract, id, toolOf(id)), `${id}: everything moved`);
  return { o, L, state: L.state(toolOf(id)) };
}

/* 0.1.0's stored records of one worksheet, by kind. */
function stored(id) {
  const records = JSON.parse(legacy[keyOf(id)]).records;
  const fields = {}, rows = {}, removed = {};
  Object.entries(records).forEach(([k, r]) => {
    const [kind, part, row] = k.split(":");
    if (kind === "f") fields[part] = r.value;
    else (r.deleted ? removed : rows)[part] = Object.assign((r.deleted ? removed : rows)[part] || {}, { [row]: r.values });
  });
  return { fields, rows, removed };
}

test("0.1.0's fixture covers all 14 worksheets: every field, every table, a removed row in every table that adds rows", () => {
  assert.equal(Object.keys(sheets).length, 14);
  Object.values(sheets).forEach((model) => {
    const { fields, rows, removed } = stored(model.id);
    model.parts.forEach((p) => {
      if (p.kind === "field") { assert.ok(fields[p.id], `${model.id}: field ${p.id} stored`); return; }
      assert.ok(rows[p.id], `${model.id}: table ${p.id} stored`);
      const filled = new Set(Object.values(rows[p.id]).flatMap((v) => Object.keys(v)));
      p.columns.forEach((c) => assert.ok(filled.has(c.id), `${model.id}: ${p.id}.${c.id} stored`));
      if (!p.fixed.length) assert.ok(removed[p.id], `${model.id}: a row of ${p.id} removed`);
    });
  });
});

Object.values(sheets).forEach((model) => {
  test(`${model.id}: every value 0.1.0 stored is in the data layer, removed rows stay removed`, () => {
    const { state } = adopted(model.id);
    const { fields, rows, removed } = stored(model.id);
    Object.entries(fields).forEach(([f, value]) => assert.equal(Core.fieldValue(state, f), value, `field ${f}`));
    model.parts.filter((p) => p.kind === "table").forEach((table) => {
      const shown = Object.fromEntries(Core.rowsOf(state, table).map((r) => [r.id, r.values]));
      Object.entries(rows[table.id] || {}).forEach(([row, values]) => {
        assert.ok(shown[row], `${table.id}: row ${row} shown`);
        Object.entries(values).forEach(([c, v]) => assert.equal(shown[row][c], v, `${table.id} ${row} ${c}`));
      });
      Object.keys(removed[table.id] || {}).forEach((row) => {
        assert.equal(shown[row], undefined, `${table.id}: removed row ${row} not shown`);
        assert.ok(Layer.isRemoved(state.records[`r:${table.id}:${row}`]), `${table.id}: row ${row} kept as removed`);
      });
      if (!table.fixed.length) assert.equal(Object.keys(shown).length, Object.keys(rows[table.id] || {}).length, `${table.id}: no other rows`);
    });
  });

  test(`${model.id}: 0.1.0's document and its earlier versions are kept as earlier versions, then its keys go`, () => {
    const { o, L } = adopted(model.id);
    const kept = L.snapshots(toolOf(model.id));
    const mine = kept.filter((s) => s.reason.code === "legacy");
    assert.equal(mine.length, 1);
    assert.equal(mine[0].data, legacy[keyOf(model.id)]);
    const old = JSON.parse(legacy[snapshotsKeyOf(model.id)] || "[]");
    const theirs = kept.filter((s) => s.reason.code === "legacy-snapshot");
    assert.deepEqual(theirs.map((s) => [s.when, s.reason.text, s.data]).sort(), old.map((s) => [s.when, s.reason, s.data]).sort());
    assert.equal(o.data.has(keyOf(model.id)), false);
    assert.equal(o.data.has(snapshotsKeyOf(model.id)), false);
  });
});

test("0.1.0's earlier versions are on some worksheets (a restore and imports)", () => {
  const withSnapshots = Object.keys(sheets).filter((id) => legacy[snapshotsKeyOf(id)]);
  assert.ok(withSnapshots.length >= 3, withSnapshots.join());
});
