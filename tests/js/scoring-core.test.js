// Unit tests of group scoring's links and figures (docs/assets/js/scoring-core.js): node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../docs/assets/js/scoring-core.js");

const scale = [
  { key: "not-in-place", label: "Not in place", score: 0 },
  { key: "partly", label: "Partly in place", score: 1 },
  { key: "fully", label: "Fully in place", score: 2 },
  { key: "not-applicable", label: "Not applicable", score: null },
];
// Module A has 35 questions, the most of any module: a full link of 35 answers is the longest.
const questionsA = Array.from({ length: 35 }, (_, i) => ({ id: `q-a-${i}`, module: "A", step: "1", task: "1.1", text: `A${i}`, source: "" }));
const questionsB = Array.from({ length: 21 }, (_, i) => ({ id: `q-b-${i}`, module: "B", step: "4", task: "4.1", text: `B${i}`, source: "" }));
const model = {
  scale,
  modules: [{ id: "A", title: "A", url: "", form: "" }, { id: "B", title: "B", url: "", form: "" }],
  questions: questionsA.concat(questionsB),
  disagreement: 2,
};
const keys = scale.map((o) => o.key);
const allAnswered = Object.fromEntries(questionsA.map((q, i) => [q.id, keys[i % 4]]));

function payloadBytes(payload) { return core.fromBase64url(payload); }
function withChecksum(bytes) {
  const body = bytes.slice(0, bytes.length - 4);
  const h = core.fnv(body);
  return core.toBase64url(body.concat([(h >>> 24) & 255, (h >>> 16) & 255, (h >>> 8) & 255, h & 255]));
}

test("a full module's answers and a name make the round trip", () => {
  const p = core.encode(model, "A", allAnswered, { token: 123456789, name: "Aïcha 李" });
  const r = core.decode(model, p);
  assert.equal(r.ok, true);
  assert.equal(r.participant.module, "A");
  assert.equal(r.participant.token, 123456789);
  assert.equal(r.participant.name, "Aïcha 李");
  assert.deepEqual({ ...r.participant.values }, allAnswered);
});

test("unanswered questions and values off the scale travel as no answer", () => {
  const p = core.encode(model, "B", { "q-b-0": "partly", "q-b-1": "maybe", "q-b-2": ["fully"] }, { token: 1 });
  const r = core.decode(model, p);
  assert.equal(r.participant.values["q-b-0"], "partly");
  assert.equal(r.participant.values["q-b-1"], null);
  assert.equal(r.participant.values["q-b-2"], null);
  assert.equal(r.participant.name, "");
});

test("a full module's link is short: under 60 characters of payload without a name, 120 with the longest name", () => {
  const bare = core.encode(model, "A", allAnswered, { token: 4294967295 });
  const named = core.encode(model, "A", allAnswered, { token: 4294967295, name: "字".repeat(core.MAX_NAME) });
  assert.ok(bare.length <= 60, `${bare.length} characters`);
  assert.ok(named.length <= 230, `${named.length} characters`);
  assert.match(core.linkOf("https://example.org/assessment/group.html?x=1#old", bare), /^https:\/\/example\.org\/assessment\/group\.html\?x=1#answers=[A-Za-z0-9_-]+$/);
});

test("names are cleaned when packed: control and direction marks removed, length limited", () => {
  assert.equal(core.cleanName("  Ana\u202e\u0000 Lima \n"), "Ana Lima");
  assert.equal(Array.from(core.cleanName("x".repeat(100))).length, core.MAX_NAME);
  assert.equal(core.cleanName(42), "");
  const hostile = '<img src=x onerror=alert(1)>"\'&';
  const r = core.decode(model, core.encode(model, "A", {}, { token: 9, name: hostile }));
  assert.equal(r.participant.name, hostile.slice(0, core.MAX_NAME));   // kept as text, shown as text
});

test("a truncated, mistyped or tampered link is refused as damaged", () => {
  const p = core.encode(model, "A", allAnswered, { token: 5, name: "Sam" });
  for (const cut of [1, 2, 5, 10, p.length - 3]) assert.equal(core.decode(model, p.slice(0, p.length - cut)).code, "damaged", `cut ${cut}`);
  const flipped = p.slice(0, 20) + (p[20] === "A" ? "B" : "A") + p.slice(21);
  assert.equal(core.decode(model, flipped).code, "damaged");
  assert.equal(core.decode(model, p + "A").code, "damaged");
  assert.equal(core.decode(model, "").code, "empty");
  assert.equal(core.decode(model, "abc$def").code, "not-a-link");
  assert.equal(core.decode(model, "A".repeat(1000)).code, "too-long");
});

test("a link made with other questions, another module list or a newer format is refused with its code", () => {
  const p = core.encode(model, "B", { "q-b-0": "fully" }, { token: 5 });
  const changed = { ...model, questions: model.questions.filter((q) => q.id !== "q-b-3") };
  assert.equal(core.decode(changed, p).code, "other-questions");
  const reordered = { ...model, modules: [model.modules[1], model.modules[0]] };
  assert.equal(core.decode(reordered, p).code, "other-questions");
  const otherScale = { ...model, scale: scale.slice(0, 3) };
  assert.equal(core.decode(otherScale, p).code, "other-questions");
  const bytes = payloadBytes(p);
  bytes[0] = 2;
  assert.equal(core.decode(model, withChecksum(bytes)).code, "newer-version");
  const noModule = payloadBytes(p);
  noModule[1] = 9;
  assert.equal(core.decode(model, withChecksum(noModule)).code, "other-questions");
});

test("a value beyond the scale or a name that is not clean text is refused even with a right checksum", () => {
  const bytes = payloadBytes(core.encode(model, "A", {}, { token: 5 }));
  bytes[11] = 0xff;   // first values: 7, beyond the four options
  assert.equal(core.decode(model, withChecksum(bytes)).code, "bad-value");
  const named = payloadBytes(core.encode(model, "A", {}, { token: 5, name: "ab" }));
  const at = named.length - 4 - 2;
  named[at] = 0xc3; named[at + 1] = 0x28;   // not UTF-8
  assert.equal(core.decode(model, withChecksum(named)).code, "bad-name");
  const marked = payloadBytes(core.encode(model, "A", {}, { token: 5, name: "ab" }));
  marked[marked.length - 4 - 1] = 0x0a;   // a line break
  assert.equal(core.decode(model, withChecksum(marked)).code, "bad-name");
});

test("links are found in pasted text; a participant sending again replaces their answers", () => {
  const first = core.encode(model, "A", { "q-a-0": "partly" }, { token: 7 });
  const again = core.encode(model, "A", { "q-a-0": "fully" }, { token: 7 });
  const other = core.encode(model, "A", { "q-a-0": "not-in-place" }, { token: 8 });
  const text = `here: https://x/assessment/group.html#answers=${first}\nand file:///g.html#answers=${other} then #answers=${again}`;
  const found = core.payloadsIn(text);
  assert.deepEqual(found, [first, other, again]);
  const r = core.round(model, found.concat(["broken"]));
  assert.equal(r.participants.length, 2);
  assert.equal(r.participants[0].values["q-a-0"], "fully");   // P1 stays P1, with their new answer
  assert.equal(r.problems.damaged, 1);
  assert.equal(r.module, "A");
});

test("figures per question: answered, median, spread and disagreement at two points apart", () => {
  const ps = [
    { "q-a-0": "not-in-place", "q-a-1": "partly", "q-a-2": "not-applicable" },
    { "q-a-0": "fully", "q-a-1": "partly", "q-a-2": "fully" },
    { "q-a-0": "partly", "q-a-1": "fully" },
  ].map((values, i) => core.decode(model, core.encode(model, "A", values, { token: i + 1 })).participant);
  const f = core.figures(model, ps, "A");
  assert.equal(f.length, 35);
  assert.deepEqual([f[0].answered, f[0].median, f[0].spread, f[0].disagree], [3, 1, 2, true]);
  assert.deepEqual([f[1].answered, f[1].median, f[1].spread, f[1].disagree], [3, 1, 1, false]);
  assert.deepEqual([f[2].answered, f[2].scored, f[2].median, f[2].spread, f[2].disagree], [2, 1, 2, 0, false]);
  assert.deepEqual([f[3].answered, f[3].median, f[3].spread, f[3].disagree], [0, null, null, false]);
  assert.deepEqual(f[0].byValue["fully"], [1]);
  assert.equal(core.median([0, 1, 1, 2]), 1);
  assert.equal(core.median([0, 1]), 0.5);
});

test("rounds compare by the change of each question's median", () => {
  const make = (vals) => vals.map((v, i) => core.decode(model, core.encode(model, "B", { "q-b-0": v }, { token: i + 1 })).participant);
  const before = core.figures(model, make(["not-in-place", "partly"]), "B");
  const after = core.figures(model, make(["fully", "fully", "partly"]), "B");
  const c = core.compare(before, after);
  assert.deepEqual([c[0].before, c[0].after, c[0].change], [0.5, 2, 1.5]);
  assert.equal(c[1].change, null);
});

test("files: the participant's file, a round's file, any text with links; others refused with codes", () => {
  const p = core.encode(model, "A", { "q-a-0": "partly" }, { token: 7 });
  assert.deepEqual(core.payloadsOfFile(core.participantFile(p, "2026-01-01T00:00:00.000Z")).payloads, [p]);
  assert.deepEqual(core.payloadsOfFile(core.roundFile([p, p], "2026-01-01T00:00:00.000Z", "A")).payloads, [p, p]);
  assert.deepEqual(core.payloadsOfFile(`my link: #answers=${p}`).payloads, [p]);
  assert.equal(core.payloadsOfFile(JSON.stringify({ format: "partnering-guidelines-assessment" })).code, "file-other-format");
  assert.equal(core.payloadsOfFile(JSON.stringify({ format: core.FILE_FORMAT, schema_version: 2, answers: [p] })).code, "newer-version");
  assert.equal(core.payloadsOfFile(JSON.stringify({ format: core.FILE_FORMAT, schema_version: 1, answers: [1] })).code, "file-no-answers");
  assert.equal(core.payloadsOfFile("nothing here").code, "file-no-answers");
  assert.equal(core.payloadsOfFile("x".repeat(core.MAX_TEXT + 1)).code, "file-too-large");
});

test("a round field with several heads (two tabs added at once) keeps every line once", () => {
  assert.deepEqual(core.unionLines(["a\nb", "b\nc\n", ""]), ["a", "b", "c"]);
});

test("the group file's format is the storage contract's (macros/site/storage.json)", () => {
  const contract = require("../../macros/site/storage.json");
  assert.equal(core.FILE_FORMAT, contract.files.group);
  assert.equal(typeof contract.tools.group, "string");
});
