// Unit tests of the Word and Excel descriptions (docs/assets/js/worksheet-office.js) and of
// office-files.js's pure parts: what a file will hold, before any library writes it.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Layer = require("../../docs/assets/js/data-layer.js");
const Office = require("../../docs/assets/js/worksheet-office.js");
const Files = require("../../docs/assets/js/office-files.js");

const words = { page: "Page {page} of {pages}", about: "About", choices: "Choices", question: "Question", answer: "Answer", partnership: "Partnership" };
const model = {
  id: "rewards-and-risks", title: "Rewards and risks register", version: "9.9.9",
  parts: [
    { kind: "field", id: "partner", label: "Partenaire", type: "text", options: [], labels: [] },
    { kind: "table", id: "risks", title: "Risques", task: "3.2", actions: false,
      columns: [{ id: "risk", heading: "The risk for us", label: "Le risque", kind: "long", options: [], labels: [] },
                { id: "likelihood", heading: "Likelihood", label: "Probabilité", kind: "choice", options: ["High", "Low"], labels: ["Élevée", "Faible"] }],
      fixed: [{ id: "IV.4.1", label: "Reputation impact" }, { id: "IV.4.2", label: "Loss of autonomy" }] },
    { kind: "table", id: "actions", title: "Actions", task: "3.2", actions: true,
      columns: [{ id: "action", heading: "Action", label: "Action", kind: "long", options: [], labels: [] }], fixed: [] }],
  file: { title: "Fiche : Risques", intro: ["Sert la tâche 3.2"], footer: "Source", toolkit: "Partnering Guidelines toolkit", language: "fr",
          notes: { partner: "Tâche 3.2", risks: "Tâche 3.2 · Pour chaque domaine" }, partnership: "partnership-name", words: words,
          items: { risks: { heading: "De la publication", names: ["(1) Reputation impact", "(2) Loss of autonomy"] } } }
};

function state(records) {
  const out = { records: Layer.dict() };
  Object.keys(records).forEach((r) => {
    out.records[r] = Layer.dict();
    Object.keys(records[r]).forEach((f) => { out.records[r][f] = { value: records[r][f], time: "2026-01-01T00:00:00.000Z", heads: [] }; });
  });
  return out;
}

test("a worksheet's description holds every field and column, choices as the page shows them", () => {
  const doc = Office.describe(model, state({
    "f:partnership-name": { value: "Mekong" }, "f:partner": { value: "=1+1 <b>x</b>" },
    "r:risks:IV.4.2": { risk: "line one\nline two", likelihood: "Low" }
  }), "2026-02-03T00:00:00.000Z");
  assert.equal(doc.title, "Fiche : Risques");
  assert.equal(doc.subtitle, "Mekong");
  assert.equal(doc.language, "fr");
  assert.equal(doc.version, "9.9.9");
  assert.deepEqual(doc.parts[0], { kind: "field", label: "Partnership", type: "text", value: "Mekong" });
  assert.equal(doc.parts[1].value, "=1+1 <b>x</b>");
  const risks = doc.parts[2];
  assert.deepEqual(risks.columns.map((c) => [c.label, c.kind]), [["De la publication", "item"], ["Le risque", "long"], ["Probabilité", "choice"]]);
  assert.deepEqual(risks.columns[2].options, ["Élevée", "Faible"]);
  assert.deepEqual(risks.rows, [["(1) Reputation impact", "", ""], ["(2) Loss of autonomy", "line one\nline two", "Faible"]]);
  assert.deepEqual(doc.parts[3].rows, []);   // no rows: the file offers rows to write in
});

test("without a partnership, no subtitle and no partnership field", () => {
  const doc = Office.describe(model, state({}), "2026-02-03T00:00:00.000Z");
  assert.equal(doc.subtitle, undefined);
  assert.equal(doc.parts[0].label, "Partenaire");
});

test("column widths follow content, Chinese counts double, within bounds", () => {
  const table = { kind: "table", title: "t", rows: [["短", "x".repeat(200), "2026-01-01"]],
                  columns: [{ label: "Name", kind: "text" }, { label: "Notes", kind: "long" }, { label: "Due", kind: "date" }] };
  const [name, notes, due] = Files.widths(table);
  assert.equal(name, 10);
  assert.equal(notes, 60);
  assert.equal(due, 11);
  assert.ok(Files.widths({ kind: "table", title: "t", rows: [["合作伙伴合作伙伴"]], columns: [{ label: "N", kind: "text" }] })[0] >= 17);
  assert.equal(Files.landscape({ kind: "table", title: "t", rows: [], columns: Array(5).fill({ label: "c", kind: "text" }) }), true);
  assert.equal(Files.landscape({ kind: "table", title: "t", rows: [], columns: Array(4).fill({ label: "c", kind: "text" }) }), false);
});

test("sheet names Excel accepts, unique; dates only when they are dates", () => {
  const taken = {};
  assert.equal(Files.sheetName("Risks: a/b [c]", taken), "Risks  a b  c");
  assert.equal(Files.sheetName("History", taken), "History (table)");
  assert.equal(Files.sheetName("x".repeat(40), taken).length, 31);
  assert.equal(Files.sheetName("x".repeat(40), taken), "x".repeat(27) + " (2)");
  assert.equal(Files.isoDate("2026-02-30"), null);
  assert.equal(Files.isoDate("tomorrow"), null);
  assert.equal(Files.isoDate("2026-02-28").toISOString(), "2026-02-28T00:00:00.000Z");
});

test("a draft's description: each clause a heading, its answers under it, empty ones said so", () => {
  const drafting = Object.assign({}, model, {
    file: Object.assign({}, model.file, { draft: { title: "Projet", empty: "(pas encore écrit)", file_name: "rewards-and-risks-draft",
      clauses: [{ title: "1. Partenaire", parts: ["partner"] }, { title: "2. Risques", parts: ["risks", "actions"] }] } }) });
  const doc = Office.describeDraft(drafting, state({
    "f:partnership-name": { value: "Mekong" }, "f:partner": { value: "=1+1 <b>x</b>\n\n  second  " },
    "r:risks:IV.4.2": { risk: "line one", likelihood: "High" }
  }), "2026-02-03T00:00:00.000Z");
  assert.equal(doc.title, "Projet");
  assert.equal(doc.subtitle, "Mekong");
  assert.equal(doc.fileName, "rewards-and-risks-draft");
  assert.deepEqual(doc.parts.map((p) => [p.kind, p.text || p.value || p.title]), [
    ["field", "Mekong"], ["text", "1. Partenaire"], ["text", "=1+1 <b>x</b>\nsecond"], ["text", "2. Risques"], ["table", ""], ["text", "(pas encore écrit)"]]);
  assert.equal(doc.parts[1].heading, true);
  assert.deepEqual(doc.parts[4].rows, [["(2) Loss of autonomy", "line one", "Élevée"]]);   // only rows that hold something
  assert.equal(Office.describeDraft(model, state({}), "2026-02-03T00:00:00.000Z"), null);
});

test("a scored table's files carry its score (likelihood × impact), computed as the page does", () => {
  const scored = Object.assign({}, model, { file: Object.assign({}, model.file, { items: {} }), parts: [
    { kind: "table", id: "risks", title: "Risques", task: "3.2", actions: false, score: ["likelihood", "impact"], score_heading: "Score (probabilité × impact)",
      columns: [{ id: "likelihood", heading: "Likelihood", label: "Probabilité", kind: "choice", options: ["High", "Medium", "Low"], labels: ["Élevée", "Moyenne", "Faible"], scores: [3, 2, 1] },
                { id: "impact", heading: "Impact", label: "Impact", kind: "choice", options: ["High", "Medium", "Low"], labels: ["Élevé", "Moyen", "Faible"], scores: [3, 2, 1] }],
      fixed: [] }] });
  const doc = Office.describe(scored, state({
    "r:risks:a": { "@order": 0, likelihood: "High", impact: "Medium" },
    "r:risks:b": { "@order": 1, likelihood: "Low" },
    "r:risks:c": { "@order": 2, likelihood: "Medium", impact: "Unknown" }
  }), "2026-02-03T00:00:00.000Z");
  const risks = doc.parts[0];
  assert.deepEqual(risks.columns.map((c) => [c.label, c.kind]), [["Probabilité", "choice"], ["Impact", "choice"], ["Score (probabilité × impact)", "score"]]);
  assert.deepEqual(risks.rows, [["Élevée", "Moyen", "6"], ["Faible", "", ""], ["Moyenne", "Unknown", ""]]);
});

test("a grid's names and a matrix's named columns are in the description as the page shows them", () => {
  const choice = (id, label) => ({ id, heading: id, label, kind: "choice", options: ["High", "Low"], labels: ["Haut", "Bas"] });
  const gridModel = {
    id: "stakeholder-map", title: "Map", version: "9.9.9",
    parts: [
      { kind: "table", id: "inventory", title: "Inventaire", task: "1.4", actions: false, fixed: [],
        columns: [{ id: "partner", heading: "Partner", label: "Partenaire", kind: "text", options: [], labels: [] },
                  choice("interest", "Intérêt"), choice("influence", "Influence")],
        grid: { name: "partner", x: "interest", y: "influence" } },
      { kind: "table", id: "partners", title: "Partenaires", task: "5.2", actions: false,
        fixed: [{ id: "partner-1", label: "Partner 1" }, { id: "partner-2", label: "Partner 2" }],
        columns: [{ id: "name", heading: "Name", label: "Nom", kind: "text", options: [], labels: [] }] },
      { kind: "table", id: "raci", title: "RACI", task: "5.2", actions: false, fixed: [],
        column_names: { table: "partners", column: "name", columns: ["p1", "p2"] },
        columns: [{ id: "component", heading: "Component", label: "Composante", kind: "long", options: [], labels: [] },
                  { id: "p1", heading: "Partner 1", label: "Partenaire 1", kind: "choice", options: ["R"], labels: ["R"] },
                  { id: "p2", heading: "Partner 2", label: "Partenaire 2", kind: "choice", options: ["R"], labels: ["R"] }] }],
    file: Object.assign({}, model.file, { items: {}, notes: {},
      grids: { inventory: { title: "Grille", note: "Placés", name: "partner", x: "interest", y: "influence",
                            columns: [{ option: "Low", label: "Intérêt : Bas" }, { option: "High", label: "Intérêt : Haut" }],
                            rows: [{ option: "High", label: "Influence : Haut", regions: [1, 0] }, { option: "Low", label: "Influence : Bas", regions: [2, 2] }],
                            regions: [{ title: "Gérer", strategy: "De près" }, { title: "Satisfaire", strategy: "Consulter" }, { title: "Suivre", strategy: "Informer" }],
                            unplaced: "Pas encore placés :" } } })
  };
  const doc = Office.describe(gridModel, state({
    "r:inventory:a": { "@order": 1, partner: "  Ministère <b>  ", interest: "High", influence: "High" },
    "r:inventory:b": { "@order": 2, partner: "省农业厅", interest: "High", influence: "High" },
    "r:inventory:c": { "@order": 3, partner: "ผู้มีส่วนได้ส่วนเสีย", interest: "Low" },
    "r:inventory:d": { "@order": 4, partner: "", interest: "Low", influence: "Low" },
    "r:partners:partner-2": { name: " Ville de Hué " }
  }), "2026-02-03T00:00:00.000Z");
  const grid = doc.parts.find((p) => p.title === "Grille");
  assert.deepEqual(grid.columns.map((c) => c.label), ["", "Intérêt : Bas", "Intérêt : Haut"]);
  assert.deepEqual(grid.rows, [["Influence : Haut", "Satisfaire", "Gérer\nMinistère <b>\n省农业厅"],
                               ["Influence : Bas", "Suivre", "Suivre"],
                               ["Pas encore placés :", "ผู้มีส่วนได้ส่วนเสีย", ""]]);
  assert.ok(doc.parts.some((p) => p.kind === "text" && p.text === "Gérer: De près"));
  const raci = doc.parts.find((p) => p.title === "RACI");
  assert.deepEqual(raci.columns.map((c) => c.label), ["Composante", "Partenaire 1", "Partenaire 2\nVille de Hué"]);
});
