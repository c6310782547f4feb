/* Self-assessment: the pure functions (no DOM, no storage). Scoring, validation and migration
   of saved or imported answers, merging partners' files, comparing over time, CSV.
   Runs in the browser (window.AssessmentCore) and in Node for the unit tests.
   Its types: types/assessment.d.ts. */
// @ts-check
(/** @param {any} root @param {() => AssessmentCoreModule} factory */ function (root, factory) {
  "use strict";
  var core = factory();
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.AssessmentCore = core;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT = "partnering-guidelines-assessment";
  var SCHEMA_VERSION = 1;
  var MAX_IMPORT_BYTES = 1024 * 1024;
  // The storage contract's (macros/site/storage.json: files.assessment, limits); a unit test
  // holds these to it.
  var MAX_TEXT = 5000;
  var MAX_ORGANISATION = 200;
  var FIELDS = ["value", "note", "action"];
  var MAX_TIME = 253402300799999;   // 9999-12-31T23:59:59.999Z: a later time would not sort as text

  /* Answers are keyed by question id, and an id is any text a file holds: "constructor",
     "toString" or "__proto__" are ids like any other. So every map keyed by id has no
     prototype, and is asked whether it has an id with own(), never with map[id]. */
  /** @template [T=any] @returns {Record<string, T>} */
  function dict() { return Object.create(null); }

  /** @param {object | null | undefined} map @param {string} key */
  function own(map, key) { return !!map && Object.prototype.hasOwnProperty.call(map, key); }

  /** @param {AssessmentModel} model @returns {AssessmentState} */
  function emptyState(model) {
    return { format: FORMAT, schema_version: SCHEMA_VERSION, content_version: model.content_version,
             organisation: "", answers: dict(), set_aside: [], updated: null };
  }

  /** @param {AssessmentModel} model */
  function scaleByKey(model) {
    /** @type {Record<string, ScaleOption>} */
    var out = dict();
    model.scale.forEach(function (option) { out[option.key] = option; });
    return out;
  }

  /** @param {AssessmentModel} model */
  function questionIndex(model) {
    /** @type {Record<string, ModelQuestion>} */
    var out = dict();
    model.questions.forEach(function (q) { out[q.id] = q; });
    return out;
  }

  /** @param {AssessmentState} state @param {string} id @returns {Answer | null} */
  function answerOf(state, id) { return own(state.answers, id) ? state.answers[id] : null; }

  /** @param {unknown} value @param {number} [max] @returns {string} */
  function cleanText(value, max) {
    if (value === undefined || value === null) return "";
    if (typeof value !== "string") throw new Error("expected text");
    return value.slice(0, max || MAX_TEXT);
  }

  /* A time as kept: ISO 8601 in UTC with milliseconds, so that times compare as text;
     other forms of a date read from a file are converted, anything else is no time (oldest). */
  /** @param {unknown} value @returns {string | null} */
  function isStamp(value) {
    if (typeof value !== "string" || value.length > 40) return null;
    var ms = Date.parse(value);
    return isFinite(ms) && ms >= 0 && ms <= MAX_TIME ? new Date(ms).toISOString() : null;
  }

  /** @param {string | null | undefined} a @param {string | null | undefined} b @returns {string | null} */
  function later(a, b) { return !a ? (b || null) : !b ? a : (b > a ? b : a); }

  /* When each field of an answer last changed (value, note, action): two tabs changing
     different fields of one answer at once then both keep theirs. */
  /** @param {any} raw @returns {Answer["times"] | null} */
  function fieldTimes(raw) {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return null;
    /** @type {Record<string, string>} */
    var out = {};
    var any = false;
    FIELDS.forEach(function (f) {
      var t = isStamp(raw[f]);
      if (t) { out[f] = t; any = true; }
    });
    return any ? out : null;
  }

  /* One answer as stored or imported: the clean answer, or the reason it cannot be used (a
     code that the page says in its language: SetAsideReason). */
  /** @param {any} a @param {Record<string, ScaleOption>} scale
      @returns {{ answer: Answer, reason?: undefined } | { reason: SetAsideReason }} */
  function checkAnswer(a, scale) {
    if (!a || typeof a !== "object" || Array.isArray(a)) return { reason: "answer-not-object" };
    var value = a.value === undefined ? null : a.value;
    // typeof first: {"value": ["fully"]} would otherwise pass as the key "fully"
    if (value !== null && (typeof value !== "string" || !Object.prototype.hasOwnProperty.call(scale, value))) {
      return { reason: "value-not-on-scale" };
    }
    try {
      /** @type {Answer} */
      var out = { value: value, note: cleanText(a.note), action: cleanText(a.action) };
      var updated = isStamp(a.updated);
      if (updated) out.updated = updated;
      var times = fieldTimes(a.times);
      if (times) out.times = times;
      return { answer: out };
    } catch (e) {
      return { reason: "text-not-text" };
    }
  }

  /* Turn anything read back (storage or a file) into a current state, or say why not: problems
     { code, ... } that the page says in its language (AssessmentProblem).
     Answers to questions that no longer exist are kept, so nothing is lost. An answer that
     cannot be used is set aside alone, verbatim, with the reason (state.set_aside, listed in
     `setAside` when it was set aside just now); the other answers load. */
  /** @param {any} raw @param {AssessmentModel} model @param {string | null} [now] @returns {MigrateResult} */
  function migrate(raw, model, now) {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { errors: [{ code: "not-object" }] };
    if (raw.format !== FORMAT) return { errors: [{ code: "wrong-format" }] };
    var version = raw.schema_version;
    if (typeof version !== "number" || version < 0 || Math.floor(version) !== version) return { errors: [{ code: "no-schema" }] };
    if (version > SCHEMA_VERSION) return { errors: [{ code: "newer-schema", schema: version, reads: SCHEMA_VERSION }] };
    var answers = raw.answers;
    if (version === 0 && raw.responses) answers = raw.responses;   // schema 0 (drafts) named them "responses"
    if (!answers || typeof answers !== "object" || Array.isArray(answers)) return { errors: [{ code: "no-answers" }] };
    // JSON.parse makes "__proto__" an own key like any other; Object.keys lists it, answers[id] reads it.
    var scale = scaleByKey(model);
    var known = questionIndex(model);
    var state = emptyState(model);
    /** @type {SetAsideItem[]} */
    var setAside = [];
    /** @param {string} id @param {unknown} data @param {SetAsideReason} reason */
    function putAside(id, data, reason) {
      /** @type {SetAsideItem} */
      var item = { id: id, reason: reason, when: now || null, data: data };
      setAside.push(item);
      state.set_aside.push(item);
    }
    state.set_aside = Array.isArray(raw.set_aside) ? raw.set_aside.filter(/** @param {any} s */ function (s) {
      return s && typeof s === "object" && typeof s.id === "string" && typeof s.reason === "string";
    }) : [];
    try {
      state.organisation = cleanText(raw.organisation, MAX_ORGANISATION);
    } catch (e) {
      putAside("organisation", raw.organisation, "organisation-not-text");
    }
    var organisationUpdated = isStamp(raw.organisation_updated);
    if (organisationUpdated) state.organisation_updated = organisationUpdated;
    state.updated = isStamp(raw.updated);
    /** @type {string[]} */
    var unknown = [];
    Object.keys(answers).forEach(function (id) {
      if (!/^[A-Za-z0-9._\-]{1,60}$/.test(id)) { putAside(id.slice(0, 60), answers[id], "bad-question-id"); return; }
      var checked = checkAnswer(answers[id], scale);
      if (checked.reason !== undefined) { putAside(id, answers[id], checked.reason); return; }
      state.answers[id] = checked.answer;
      if (!own(known, id)) unknown.push(id);
    });
    if (raw.conflicts !== undefined) readConflicts(raw.conflicts, scale, state, putAside);
    return { state: state, unknown: unknown, setAside: setAside, migratedFrom: version === SCHEMA_VERSION ? null : version };
  }

  /* The other versions of fields changed in two tabs at once where the file was made (an export
     keeps them, so that no text anyone typed is left out): each is kept again beside the one
     in `answers`. One that cannot be used is set aside. */
  /** @param {unknown} raw @param {Record<string, ScaleOption>} scale @param {AssessmentState} state
      @param {(id: string, data: unknown, reason: SetAsideReason) => void} putAside */
  function readConflicts(raw, scale, state, putAside) {
    if (!Array.isArray(raw)) { putAside("conflicts", raw, "conflicts-not-list"); return; }
    /** @type {AnswerConflict[]} */
    var out = [];
    raw.forEach(function (c) {
      var ok = c && typeof c === "object" && (c.id === null ? c.field === "organisation" :
        typeof c.id === "string" && /^[A-Za-z0-9._\-]{1,60}$/.test(c.id) && FIELDS.indexOf(c.field) >= 0) &&
        typeof c.value === "string" && c.value.length <= (c.id === null ? MAX_ORGANISATION : MAX_TEXT) &&
        (c.field !== "value" || Object.prototype.hasOwnProperty.call(scale, c.value));
      if (!ok) { putAside("conflicts", c, "conflict-unusable"); return; }
      out.push({ id: c.id, field: c.field, value: c.value, updated: isStamp(c.updated) });
    });
    if (out.length) state.conflicts = out;
  }

  /** @param {unknown} text @param {AssessmentModel} model @param {string | null} [now] @returns {MigrateResult} */
  function parseImport(text, model, now) {
    if (typeof text !== "string") return { errors: [{ code: "unreadable" }] };
    if (text.length > MAX_IMPORT_BYTES) return { errors: [{ code: "too-large", size: text.length, max: MAX_IMPORT_BYTES }] };
    var raw;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return { errors: [{ code: "not-json" }] };
    }
    return migrate(raw, model, now);
  }

  /** @param {AssessmentState} state @param {AssessmentModel} model @param {string} when @returns {AssessmentExport} */
  function exportState(state, model, when) {
    /** @type {AssessmentExport} */
    var out = { format: FORMAT, schema_version: SCHEMA_VERSION, content_version: model.content_version,
                toolkit_version: model.version, exported: when, organisation: state.organisation || "",
                updated: state.updated, answers: state.answers };
    if (state.organisation_updated) out.organisation_updated = state.organisation_updated;
    if (state.set_aside && state.set_aside.length) out.set_aside = state.set_aside;
    if (state.conflicts && state.conflicts.length) out.conflicts = state.conflicts;
    return out;
  }

  /** @param {AssessmentState} state */
  function answerCount(state) {
    return Object.keys(state.answers).filter(function (id) { var a = state.answers[id]; return a.value || a.note || a.action; }).length;
  }

  /** @param {Answer | null} answer @param {Record<string, ScaleOption>} scale @returns {number | null} */
  function points(answer, scale) {
    if (!answer || answer.value === null || answer.value === undefined) return null;
    var option = scale[answer.value];
    return option && option.score !== null ? option.score : null;   // null: not applicable or unanswered
  }

  /* Scores per question, task, step and module: earned / possible over answered questions
     (not applicable left out), with counts so that partial answers are visible. */
  /** @param {AssessmentState} state @param {AssessmentModel} model @returns {Scores} */
  function score(state, model) {
    var scale = scaleByKey(model);
    var max = Math.max.apply(null, model.scale.map(function (o) { return o.score || 0; }));
    /** @type {Scores} */
    var groups = { task: {}, step: {}, module: {} };
    /** @param {keyof Scores} kind @param {string} key @param {ModelQuestion} q @param {number | null} p @param {boolean} answered */
    function add(kind, key, q, p, answered) {
      var g = groups[kind][key] || (groups[kind][key] = { key: key, earned: 0, possible: 0, answered: 0, total: 0, percent: null });
      g.total += 1;
      if (answered) g.answered += 1;
      if (p !== null) { g.earned += p; g.possible += max; }
    }
    model.questions.forEach(function (q) {
      var a = answerOf(state, q.id);
      var p = points(a, scale);
      var answered = !!(a && a.value);
      if (q.task) add("task", q.task, q, p, answered);
      if (q.step) add("step", q.step, q, p, answered);
      add("module", q.module, q, p, answered);
    });
    /** @type {(keyof Scores)[]} */ (["task", "step", "module"]).forEach(function (kind) {
      Object.keys(groups[kind]).forEach(function (key) {
        var g = groups[kind][key];
        g.percent = g.possible ? Math.round((g.earned / g.possible) * 100) : null;
      });
    });
    return groups;
  }

  /* Where to start: the tasks with the lowest scores, among those answered. */
  /** @param {AssessmentState} state @param {AssessmentModel} model @param {number} count */
  function weakest(state, model, count) {
    var tasks = score(state, model).task;
    return Object.keys(tasks).map(function (k) { return tasks[k]; })
      .filter(function (t) { return t.percent !== null && t.percent < 100; })
      .sort(function (a, b) { return Number(a.percent) - Number(b.percent) || compareIds(a.key, b.key); })
      .slice(0, count);
  }

  /** @param {string} a @param {string} b */
  function compareIds(a, b) {
    var pa = a.split("."), pb = b.split(".");
    return (Number(pa[0]) - Number(pb[0])) || (Number(pa[1]) - Number(pb[1]));
  }

  /* Partnership view: each partner's answer per question, the spread between them, and the
     questions where they disagree most first. */
  /** @param {{ state: AssessmentState }[]} partners @param {AssessmentModel} model */
  function merge(partners, model) {
    var scale = scaleByKey(model);
    var rows = model.questions.map(function (q) {
      var answers = partners.map(function (p) { return answerOf(p.state, q.id); });
      var values = /** @type {number[]} */ (answers.map(function (a) { return points(a, scale); }).filter(function (v) { return v !== null; }));
      var spread = values.length > 1 ? Math.max.apply(null, values) - Math.min.apply(null, values) : 0;
      return { question: q, answers: answers, spread: spread, answered: values.length };
    });
    var ranked = rows.slice().sort(function (a, b) { return b.spread - a.spread || b.answered - a.answered; });
    return { rows: rows, disagreements: ranked.filter(function (r) { return r.spread > 0; }) };
  }

  /* Compare over time: what changed between an earlier export and now. */
  /** @param {AssessmentState} before @param {AssessmentState} after @param {AssessmentModel} model @returns {Comparison} */
  function compare(before, after, model) {
    var scale = scaleByKey(model);
    /** @type {Comparison["changes"]} */
    var changes = [];
    model.questions.forEach(function (q) {
      var a = answerOf(before, q.id), b = answerOf(after, q.id);
      var va = a && a.value ? a.value : null, vb = b && b.value ? b.value : null;
      if (va !== vb) changes.push({ question: q, before: va, after: vb, delta: (points(b, scale) || 0) - (points(a, scale) || 0) });
    });
    var sa = score(before, model), sb = score(after, model);
    var steps = Object.keys(sb.step).map(function (k) {
      var p0 = sa.step[k] ? sa.step[k].percent : null, p1 = sb.step[k].percent;
      return { step: k, before: p0, after: p1, delta: p0 === null || p1 === null ? null : p1 - p0 };
    });
    return { changes: changes, steps: steps };
  }

  /** @param {unknown} value */
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;   // keep spreadsheets from running formulas
    return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }

  /** @param {AssessmentState} state @param {AssessmentModel} model */
  function toCSV(state, model) {
    var scale = scaleByKey(model), known = questionIndex(model);
    var lines = [["question_id", "module", "step", "task", "question", "answer", "points", "note", "next_action"].join(",")];
    model.questions.forEach(function (q) {
      /** @type {Partial<Answer>} */
      var a = answerOf(state, q.id) || {};
      var option = a.value ? scale[a.value] : null;
      lines.push([q.id, q.module, q.step || "", q.task || "", q.text, option ? option.label : "",
                  option && option.score !== null ? option.score : "", a.note || "", a.action || ""].map(csvCell).join(","));
    });
    Object.keys(state.answers).forEach(function (id) {
      if (own(known, id)) return;
      var a = state.answers[id];
      lines.push([id, "", "", "", "(question no longer in the toolkit)", a.value ? (scale[a.value] || {}).label || a.value : "",
                  "", a.note || "", a.action || ""].map(csvCell).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  return { FORMAT: FORMAT, SCHEMA_VERSION: SCHEMA_VERSION, MAX_IMPORT_BYTES: MAX_IMPORT_BYTES, MAX_TEXT: MAX_TEXT,
           MAX_ORGANISATION: MAX_ORGANISATION, isStamp: isStamp,
           emptyState: emptyState, migrate: migrate, parseImport: parseImport, exportState: exportState,
           later: later, dict: dict, own: own,
           answerCount: answerCount,
           score: score, weakest: weakest, merge: merge, compare: compare, toCSV: toCSV };
});
