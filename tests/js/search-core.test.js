// Unit tests of search in the reader's language (docs/assets/js/search-core.js): letters folded,
// Thai and Chinese cut into words, queries as the index holds them, ranking: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../docs/assets/js/search-core.js");

// The separator the translated sites' search uses (macros/engine/languages.py), stop words aside.
const SEPARATOR = "[\\s\\-,:!=\\[\\]()\"/]+|(?!\\b)(?=[A-Z][a-z])|\\.(?!\\d)|&[lg]t;|[\\u200b\\u3000\\-、。，．？！；'’]+";
const lower = (word) => word;

test("е and ё, and Latin letters with and without accents, are one letter", () => {
  assert.equal(core.fold("партнёрство Партнёрство ЁЛКА"), "партнерство Партнерство ЕЛКА");
  assert.equal(core.fold("évaluation Bénéfices façon"), "evaluation Benefices facon");
  // Thai vowels and tone marks, and й, are letters of their own: not accents to drop.
  assert.equal(core.fold("ผู้มีส่วนได้ส่วนเสีย й"), "ผู้มีส่วนได้ส่วนเสีย й");
});

test("Thai and Chinese runs are cut into words; other text is left as it is", () => {
  assert.equal(core.segment("ผู้มีส่วนได้ส่วนเสีย", " "), "ผู้ มี ส่วน ได้ ส่วน เสีย");
  assert.equal(core.segment("利益攸关方和伙伴", " "), "利益 攸关 方 和 伙伴");
  assert.equal(core.segment("Task 3.2: 利益攸关方 (SDG 17)", "|"), "Task 3.2: 利益|攸关|方 (SDG 17)");
  // The zero-width spaces of an earlier segmenter (jieba, in Material's build) are cut again.
  assert.equal(core.segment("利益\u200b攸关方", "|"), "利益|攸关|方");
  assert.equal(core.segment("monitoring and evaluation", " "), "monitoring and evaluation");
});

test("a query is given as the index holds its words, and remembers what was typed", () => {
  const normalize = (word) => (word === "les" ? "" : word.replace(/s$/, ""));   // a stop word, a stemmer
  const plan = core.plan("  Évaluer les Partenaires ", SEPARATOR, normalize);
  assert.equal(plan.query, "évaluer partenaire");
  assert.equal(plan.typed["partenaire"], "partenaires");
  assert.deepEqual(plan.compounds, []);
});

test("a query keeps what the separator keeps together and cuts what it cuts", () => {
  assert.equal(core.plan("task 3.2 multi-stakeholder l’évaluation", SEPARATOR, lower).query,
               "task 3.2 multi stakeholder l évaluation");
});

test("Thai typed as one word is searched as its words, and remembered as typed together", () => {
  const plan = core.plan("ผู้มีส่วนได้ส่วนเสีย", SEPARATOR, lower);
  assert.equal(plan.query, "ผู้ มี ส่วน ได้ ส่วน เสีย");
  assert.deepEqual(plan.compounds, ["ผู้มีส่วนได้ส่วนเสีย"]);
});

test("Lunr's own query syntax is handed on as typed", () => {
  assert.equal(core.plan("+trust -risk partner* fuzzy~1", SEPARATOR, () => "").query, "+trust -risk partner* fuzzy~1");
});

function item(location, score, terms) {
  return { location, title: location, text: "", score, terms };
}

test("a result missing the query's rare word falls below one holding it", () => {
  // 'partners' is in every result, 'trust' in one: the task holding 'partners' often came first.
  const groups = [
    [item("steps/5.html#task-5-2", 25, { trust: false, partners: true })],
    [item("steps/3.html#task-3-1", 22, { trust: false, partners: true })],
    [item("cases/iv-2.html", 16, { trust: true, partners: true })],
  ];
  const ranked = core.rank(groups, { total: 300, compounds: [], textOf: () => "" });
  assert.deepEqual(ranked.map((g) => g[0].location), ["cases/iv-2.html", "steps/5.html#task-5-2", "steps/3.html#task-3-1"]);
});

test("a result missing only a common word of the query keeps its place", () => {
  // Guidance, boosted above lists, stays above a worksheet that also holds the common word.
  const groups = [
    [item("steps/8.html#task-8-3", 30, { reporting: true, donors: false })],
    [item("worksheets/a.html", 8, { reporting: true, donors: true })],
  ];
  const many = [];
  for (let n = 0; n < 40; n += 1) many.push([item(`x${n}.html`, 1, { reporting: false, donors: true })]);
  const ranked = core.rank(groups.concat(many), { total: 300, compounds: [], textOf: () => "" });
  assert.equal(ranked[0][0].location, "steps/8.html#task-8-3");
});

test("a passage holding a Thai word typed as one ranks above one holding its parts apart", () => {
  const terms = { ผู้: true, มี: true, ส่วน: true };
  const groups = [[item("apart.html", 10, { ...terms })], [item("together.html", 8, { ...terms })]];
  const texts = { "apart.html": "ผู้ใหญ่ มี ส่วน", "together.html": "แผนที่ผู้มีส่วน" };
  const ranked = core.rank(groups, { total: 100, compounds: ["ผู้มีส่วน"], textOf: (l) => texts[l] });
  assert.deepEqual(ranked.map((g) => g[0].location), ["together.html", "apart.html"]);
});

test("passages of a page are ordered as they now score, the page by its best", () => {
  const groups = [[item("a.html", 0, {}), item("a.html#x", 5, { trust: false, risk: true }),
                   item("a.html#y", 4, { trust: true, risk: true })]];
  const ranked = core.rank(groups, { total: 100, compounds: [], textOf: () => "" });
  assert.deepEqual(ranked[0].map((i) => i.location), ["a.html#y", "a.html#x", "a.html"]);
});

test("results show the words as typed, not as the index holds them", () => {
  const groups = [[item("a.html", 1, { partenair: true, "3.2": false })]];
  core.showTyped(groups, { partenair: "partenaires" });
  assert.deepEqual(groups[0][0].terms, { partenaires: true, "3.2": false });
});
