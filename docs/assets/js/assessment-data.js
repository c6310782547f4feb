/* The self-assessment's answers on the data layer (data-layer.js) that every tool shares: each
   field of each answer is a field of the layer, so that no tab, however stale its copy of the
   storage, no page the Back button restores, no import or restore writes over a change it has
   not seen (data-layer.js says how). This file maps the assessment's state (assessment-core.js)
   to the layer's records and back; runs choices, imports, restores and start over; and moves
   what the assessment's own store kept before (storage.json, "legacy") into the layer.
   The tool's records:
     q:<question id>   fields "value" (a scale key), "note" and "action"
     organisation      field "value"
     aside:<hash>      field "item": one answer set aside (its JSON), kept as found and exported
   No DOM here: the unit tests run it over a fake localStorage (tests/js/assessment-data.test.js).
   Its types: types/assessment.d.ts. */
// @ts-check
(/** @param {any} root @param {() => AssessmentDataModule} factory */ function (root, factory) {
  "use strict";
  var data = factory();
  if (typeof module === "object" && module.exports) module.exports = data;
  else root.AssessmentData = data;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var ANSWER = "q:", ORG = "organisation", ASIDE = "aside:";
  /** @type {AnswerField[]} */
  var FIELDS = ["value", "note", "action"];

  /* A set-aside item's record, named by its text (FNV-1a), so that the same item set aside
     twice (two tabs moving the same old answers) is one record. */
  /** @param {string} text */
  function hash(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h.toString(36);
  }

  /** @param {FieldValue} value @returns {SetAsideItem} */
  function asideItem(value) {
    var item = null;
    try { item = JSON.parse(String(value)); } catch (e) { item = null; }
    if (item && typeof item === "object" && typeof item.id === "string" && typeof item.reason === "string") {
      return { id: item.id, reason: item.reason, when: typeof item.when === "string" ? item.when : null, data: item.data };
    }
    return { id: "?", reason: "unreadable-item", when: null, data: value };
  }

  /* What the page shows: the assessment's state from the layer's (plus, through an overlay,
     what the page has not stored yet). A field with several versions (two tabs at once) shows
     the newest; the others are listed in `conflicts`, and exported. A stored value that is not
     on the scale (written by another copy of the toolkit) is set aside, not shown. */
  /** @param {DataLayerModule} Layer @param {AssessmentCoreModule} core @param {AssessmentModel} model
      @param {LayerState} layerState @returns {AssessmentState} */
  function stateOf(Layer, core, model, layerState) {
    var state = core.emptyState(model), recs = layerState.records;
    /** @type {Record<string, boolean>} */
    var scale = Layer.dict();
    model.scale.forEach(function (o) { scale[o.key] = true; });
    /** @type {AnswerConflict[]} */
    var conflicts = [];
    /** @param {string | null} id @param {AnswerConflict["field"]} name @param {LayerField} f */
    function others(id, name, f) {
      f.heads.slice(1).forEach(function (h) {
        if (h.value === f.value) return;     // the same text twice (two tabs moving old answers at once) is no conflict
        if (name !== "value" || (typeof h.value === "string" && Layer.own(scale, h.value))) {
          conflicts.push({ id: id, field: name, value: String(h.value), updated: h.time });
        }
      });
    }
    Object.keys(recs).sort().forEach(function (r) {
      var rec = recs[r];
      if (r === ORG) {
        if (!Layer.own(rec, "value")) return;
        state.organisation = String(rec.value.value);
        state.organisation_updated = rec.value.time;
        state.updated = Layer.later(state.updated, rec.value.time);
        others(null, "organisation", rec.value);
        return;
      }
      if (r.indexOf(ASIDE) === 0) {
        if (Layer.own(rec, "item")) rec.item.heads.forEach(function (h) { state.set_aside.push(asideItem(h.value)); });
        return;
      }
      if (r.indexOf(ANSWER) !== 0) return;
      var id = r.slice(ANSWER.length);
      /** @type {Answer & Record<string, any>} */
      var a = { value: null, note: "", action: "", updated: null, times: {} };
      /** @type {Record<string, string>} */
      var times = {};
      FIELDS.forEach(function (f) {
        if (!Layer.own(rec, f)) return;
        var field = rec[f], v = field.value;
        if (f === "value" && !(typeof v === "string" && Layer.own(scale, v))) {
          state.set_aside.push({ id: id, reason: "value-not-on-scale", when: field.time, data: { value: v } });
          return;
        }
        a[f] = String(v);
        times[f] = field.time;
        a.updated = Layer.later(a.updated, field.time);
        others(id, f, field);
      });
      if (!a.updated) return;
      a.times = times;
      state.answers[id] = a;
      state.updated = Layer.later(state.updated, a.updated);
    });
    if (conflicts.length) state.conflicts = conflicts;
    return state;
  }

  /* A state (an imported file, an earlier version) as the layer's import takes it: record ->
     field -> { value, time } ("" when the file has none: it never beats a value here). Empty
     fields are left out: a replace empties what the file lacks. */
  /** @param {DataLayerModule} Layer @param {AssessmentState} state @returns {Incoming} */
  function incomingOf(Layer, state) {
    /** @type {Incoming} */
    var out = Layer.dict();
    /** @param {string} r @param {string} f @param {unknown} value @param {unknown} time */
    function put(r, f, value, time) {
      if (typeof value !== "string" || value === "") return;
      var rec = Layer.own(out, r) ? out[r] : (out[r] = Layer.dict());
      rec[f] = { value: value, time: Layer.isStamp(time) || "" };
    }
    Object.keys(state.answers).forEach(function (id) {
      /** @type {Answer & Record<string, any>} */
      var a = state.answers[id];
      /** @type {Record<string, string | undefined>} */
      var times = a.times || {};
      FIELDS.forEach(function (f) { put(ANSWER + id, f, a[f], times[f] || a.updated || state.updated); });
    });
    put(ORG, "value", state.organisation, state.organisation_updated || state.updated);
    (state.set_aside || []).forEach(function (item) {
      var text = JSON.stringify(item);
      put(ASIDE + hash(text), "item", text, item.when);
    });
    return out;
  }

  /** @param {AnswerConflict} c */
  function conflictRecord(c) { return c.id === null ? ORG : ANSWER + c.id; }

  /** @param {AnswerConflict} c */
  function conflictField(c) { return c.id === null ? "value" : c.field; }

  /* One line per question both sides answered differently: which side each field kept. */
  /** @param {FieldConflict[]} conflicts @returns {ImportConflict[]} */
  function byQuestion(conflicts) {
    /** @type {ImportConflict[]} */
    var out = [];
    conflicts.forEach(function (c) {
      if (c.record.indexOf(ANSWER) !== 0) return;
      var id = c.record.slice(ANSWER.length), last = out[out.length - 1];
      if (last && last.id === id) { if (last.kept !== c.kept) last.kept = "each"; return; }
      out.push({ id: id, kept: c.kept });
    });
    return out;
  }

  /* What the assessment's own store (version 0.1.0's keys) kept joins the layer, then its keys
     go: the answers combined by time (an older copy of the toolkit may still write there, so it
     is read at every visit), the stored text kept as an earlier version, its earlier versions
     and the older single kept copy as earlier versions, the date of the last export. A key is
     removed only once what it holds is kept; with storage full the keys stay for the next
     visit. Returns whether everything moved, and whether the answers could not be read (then
     they are kept as they were, as an earlier version). */
  /** @param {AssessmentDataHandle} handle @param {DataLayerModule} L @param {DataLayerHandle} layer
      @param {AssessmentLegacyKeys} keys @param {AssessmentCoreModule} core @param {AssessmentModel} model @param {string} tool */
  function adoptLegacy(handle, L, layer, keys, core, model, tool) {
    var moved = true, unreadable = false, text = layer.raw(keys.assessment);
    if (text !== null) {
      /** @type {MigrateResult} */
      var parsed;
      try { parsed = core.migrate(JSON.parse(text), model, layer.now()); } catch (e) { parsed = { errors: [{ code: "not-json" }] }; }
      unreadable = parsed.errors !== undefined;
      var ok = parsed.errors !== undefined || handle.merge(parsed.state).ok;
      /** @type {SnapshotReason} */
      var reason = { code: parsed.errors !== undefined ? "legacy-unreadable" : parsed.setAside.length ? "legacy-set-aside" : "legacy" };
      if (ok && keepOnce(reason, text, null)) layer.raw(keys.assessment, null);
      else moved = false;
    }
    /** @param {string} key @param {(found: any) => boolean} keep */
    function move(key, keep) {
      var found = layer.raw(key);
      if (found === null) return;
      var value;
      try { value = JSON.parse(found); } catch (e) { value = undefined; }
      var ok = value === undefined ? keepOnce({ code: "legacy-unreadable" }, found, null) : keep(value);
      if (ok) layer.raw(key, null);
      else moved = false;
    }
    /* Kept as an earlier version, once: a visit that stopped half-way (storage full) left the
       key, and some of what it holds already kept. */
    /** @param {SnapshotReason} reason @param {string} data @param {unknown} at */
    function keepOnce(reason, data, at) {
      var when = L.isStamp(at);
      if (layer.snapshots(tool).some(function (s) { return s.data === data && (!when || s.when === when); })) return true;
      return layer.keepSnapshot(tool, reason, data, count(data), at).ok;
    }
    /** @param {unknown} snapText */
    function count(snapText) {
      try {
        var r = core.migrate(JSON.parse(String(snapText)), model);
        return r.errors === undefined ? core.answerCount(r.state) : 0;
      } catch (e) { return 0; }
    }
    move(keys.assessment_snapshots, function (list) {
      if (!Array.isArray(list)) return keepOnce({ code: "legacy-unreadable" }, JSON.stringify(list), null);
      return list.every(function (s) {
        if (!s || typeof s.data !== "string") return true;
        return keepOnce({ code: "legacy-snapshot", text: String(s.reason || "").slice(0, 200) }, s.data, s.when);
      });
    });
    move(keys.assessment_kept, function (old) {   // the single hidden copy of the versions before that
      var data = old && typeof old.data === "string" ? old.data : JSON.stringify(old);
      var label = old && typeof old.label === "string" ? old.label.slice(0, 200) : "kept copy";
      return keepOnce({ code: "legacy-snapshot", text: label }, data, old && old.when);
    });
    var exported = layer.raw(keys.assessment_last_export);
    if (exported !== null) {
      var stamp = L.isStamp(exported), mine = layer.meta(tool, "last-export");
      if (!stamp || (mine && mine >= stamp) || layer.meta(tool, "last-export", stamp)) layer.raw(keys.assessment_last_export, null);
    }
    return { moved: moved, unreadable: unreadable };
  }

  /** @param {AssessmentDataOptions} o @returns {AssessmentDataHandle} */
  function open(o) {
    var layer = o.layer, core = o.core, model = o.model, tool = o.tool, L = o.Layer;
    /** @type {Record<string, { value: string, base: string[] }>} */
    var choices = L.dict();   // answers chosen on this page and not stored yet (storage full): id -> choice

    /** @param {string} record @param {string} name */
    function field(record, name) {
      var recs = layer.state(tool).records;
      return L.own(recs, record) && L.own(recs[record], name) ? recs[record][name] : null;
    }

    /* What the page shows: stored, with this page's choices and `edits` (typed, not stored) on top. */
    /** @param {Edit[]} [edits] */
    function state(edits) {
      /** @type {Edit[]} */
      var all = (edits || []).slice();
      Object.keys(choices).forEach(function (id) { all.push({ record: ANSWER + id, field: "value", value: choices[id].value }); });
      var stored = layer.state(tool);
      return stateOf(L, core, model, all.length ? L.overlay(stored, all, layer.now()) : stored);
    }

    /* The user chose an answer: a change of the versions the page showed when it was first
       chosen (a version another tab stored meanwhile stays beside it, as a conflict). Stored at
       once; kept on the page (and in exports) until it can be. */
    /** @param {string} id @param {string} value */
    function choose(id, value) {
      var cur = field(ANSWER + id, "value");
      if (!L.own(choices, id) && cur && cur.heads.length === 1 && cur.value === value) return { ok: true, saved: 0 };
      choices[id] = { value: value, base: L.own(choices, id) ? choices[id].base : L.headIds(cur) };
      return storeChoices();
    }

    /** @returns {SaveReport} */
    function storeChoices() {
      var ids = Object.keys(choices);
      if (!ids.length) return { ok: true, saved: 0 };
      var r = layer.write(tool, ids.map(function (id) { return { record: ANSWER + id, field: "value", value: choices[id].value, base: choices[id].base }; }));
      if (!r.ok) return { ok: false, problem: r.problem, saved: 0 };
      choices = L.dict();
      return { ok: true, saved: ids.length };
    }

    /** @param {AssessmentState} s */
    function worthKeeping(s) {
      return !!(core.answerCount(s) || s.organisation || s.set_aside.length || (s.conflicts && s.conflicts.length));
    }

    /** @param {AssessmentState} s */
    function exportText(s) { return JSON.stringify(core.exportState(s, model, layer.now())); }

    /* Combine or replace with `incoming` after keeping what is stored as an earlier version
       (when there is anything to keep; nothing changes if it cannot be kept). Versions this
       page has not seen (another tab's, still on their way here) are never removed: they stay
       beside what the import writes. `reason`: null to keep nothing (moving old answers in). */
    /** @param {AssessmentState} incoming @param {"combine" | "replace"} mode @param {SnapshotReason | null} reason
        @returns {ImportResult} */
    function apply(incoming, mode, reason) {
      var current = layer.state(tool), shown = stateOf(L, core, model, current);
      /** @type {KeepResult | null} */
      var kept = null;
      if (reason && worthKeeping(shown)) {
        kept = layer.keepSnapshot(tool, reason, exportText(shown), core.answerCount(shown));
        if (!kept.ok) return { ok: false, problem: kept.problem, added: [], conflicts: [], dropped: [] };
      }
      var plan = L.importOps(current, incomingOf(L, incoming), mode, null);
      // The other versions the file holds (a conflict where it was made) stay other versions.
      (incoming.conflicts || []).forEach(function (c) {
        var cur = mode === "combine" ? field(conflictRecord(c), conflictField(c)) : null;
        if (cur && cur.heads.some(function (h) { return h.value === c.value; })) return;
        plan.ops.push({ record: conflictRecord(c), field: conflictField(c), value: c.value, base: [], time: c.updated || "" });
      });
      var r = layer.write(tool, plan.ops);
      if (!r.ok) {
        if (kept && kept.ok) layer.removeSnapshot(tool, kept.snapshot.id);
        return { ok: false, problem: r.problem, added: [], conflicts: [], dropped: [] };
      }
      var added = plan.added.filter(function (rec) { return rec.indexOf(ANSWER) === 0; }).map(function (rec) { return rec.slice(ANSWER.length); });
      return { ok: true, added: added, conflicts: byQuestion(plan.conflicts), dropped: kept && kept.ok ? kept.dropped : [] };
    }

    /** @param {AssessmentState} imported @param {"combine" | "replace"} mode @param {string} file */
    function importState(imported, mode, file) {
      return apply(imported, mode, { code: mode === "replace" ? "before-replace" : "before-combine", file: file });
    }

    function startOver() {
      var r = apply(core.emptyState(model), "replace", { code: "before-start-over" });
      if (r.ok) layer.meta(tool, "last-export", null);
      return r;
    }

    /** @param {string} id @returns {ImportResult} */
    function restore(id) {
      var snap = layer.snapshots(tool).filter(function (s) { return s.id === id; })[0];
      var parsed = snap ? core.parseImport(snap.data, model, layer.now()) : null;
      if (!snap || !parsed || parsed.errors !== undefined) return { ok: false, problem: snap ? "unreadable" : "gone", added: [], conflicts: [], dropped: [] };
      return apply(parsed.state, "replace", { code: "before-restore", when: snap.when });
    }

    /** @type {AssessmentDataHandle} */
    var handle = {
      state: state, choose: choose, storeChoices: storeChoices, hasChoices: function () { return Object.keys(choices).length > 0; },
      importState: importState, startOver: startOver, restore: restore,
      merge: function (incoming) { return apply(incoming, "combine", null); },
      snapshots: function () { return layer.snapshots(tool); },
      removeSnapshot: function (id) { layer.removeSnapshot(tool, id); },
      adoptLegacy: function (keys) { return adoptLegacy(handle, L, layer, keys, core, model, tool); },
      markExported: function () { layer.meta(tool, "last-export", layer.now()); },
      lastExport: function () { return layer.meta(tool, "last-export"); },
      heads: function (id) { var f = field(ANSWER + id, "value"); return f ? f.heads : []; }
    };
    return handle;
  }

  /* Which next actions the action plan marks done (question id -> true). The plan keeps each
     self-assessment action's status in its own records of the layer ("assessment:<question id>",
     action-plan.js), with the action text it was given for ("status-for"): a rewritten action
     is not done. An action the plan has no record of yet may be marked in version 0.1.0's key
     (`legacyText`; the plan moves it into the layer when it is next opened); records that a
     later version wrote there carry the oldest time and are left out: only the layer says what
     this version's plan holds, so no tab's older copy of that key can undo a status. */
  /** @param {DataLayerModule} Layer @param {LayerState} planState @param {string | null} legacyText
      @param {Record<string, Answer>} answers @returns {Record<string, boolean>} */
  function doneOf(Layer, planState, legacyText, answers) {
    var done = /** @type {Record<string, boolean>} */ (Layer.dict()), recs = planState.records;
    /** @param {string} qid */
    function action(qid) { return Layer.own(answers, qid) && answers[qid].action ? String(answers[qid].action) : ""; }
    Object.keys(recs).forEach(function (r) {
      if (r.indexOf("assessment:") !== 0 || !Layer.own(recs[r], "status")) return;
      var qid = r.slice(11), rec = recs[r];
      var forText = Layer.own(rec, "status-for") ? String(rec["status-for"].value) : null;
      if (rec.status.value === "Done" && action(qid) && (forText === null || forText === action(qid))) done[qid] = true;
    });
    var old = null;
    try { old = JSON.parse(legacyText || "null"); } catch (e) { old = null; }
    var records = old && old.records && typeof old.records === "object" ? old.records : {};
    Object.keys(records).forEach(function (k) {
      var r = records[k];
      if (k.indexOf("assessment:") !== 0 || Layer.own(recs, k) || !r || r.updated === Layer.EPOCH) return;
      if (r.status === "Done" && action(k.slice(11))) done[k.slice(11)] = true;
    });
    return done;
  }

  /* The assessment's own CSV export (assessment-core.js, toCSV) read back, as the other tools
     read theirs (data-layer.js, parseCSV; the contract's CSV limits). Columns by their heading:
     question_id and answer at least; note, next_action, points. An answer is its label in this
     page's language, or its points (0, 1, 2; none for "not applicable"), so that a CSV exported
     in another language reads too; any other answer is set aside, shown and kept. The file has
     no times: combined, it never beats an answer here. Returns what core.migrate() returns. */
  /** @param {DataLayerModule} Layer @param {AssessmentCoreModule} core @param {AssessmentModel} model
      @param {string} text @param {StorageLimits} limits @param {string} now @returns {MigrateResult} */
  function fromCSV(Layer, core, model, text, limits, now) {
    if (text.length > limits.csv_bytes) return { errors: [{ code: "too-large", size: text.length, max: limits.csv_bytes }] };
    var grid = Layer.parseCSV(text, limits.rows);
    if (!grid || !grid.length) return { errors: [{ code: "csv-not-csv" }] };
    if (grid.length - 1 > limits.rows) return { errors: [{ code: "csv-too-many-rows", max: limits.rows }] };
    var head = grid[0].map(function (h) { return h.trim(); });
    /** @param {string} name */
    function col(name) { return head.indexOf(name); }
    if (col("question_id") < 0 || col("answer") < 0) return { errors: [{ code: "csv-columns" }] };
    var byLabel = /** @type {Record<string, string>} */ (Layer.dict()), byPoints = /** @type {Record<string, string>} */ (Layer.dict());
    model.scale.forEach(function (o) { byLabel[o.label] = o.key; byLabel[o.key] = o.key; byPoints[o.score === null ? "" : String(o.score)] = o.key; });
    var answers = /** @type {Record<string, Record<string, string>>} */ (Layer.dict());
    grid.slice(1).forEach(function (row) {
      /** @param {string} name */
      function cell(name) { var i = col(name); return i >= 0 ? Layer.undefuse(row[i] || "") : ""; }
      var id = cell("question_id").trim(), label = cell("answer").trim(), points = cell("points").trim();
      if (!id) return;
      var a = /** @type {Record<string, string>} */ ({});
      if (label) a.value = Layer.own(byLabel, label) ? byLabel[label] : col("points") >= 0 && Layer.own(byPoints, points) ? byPoints[points] : label;
      if (cell("note")) a.note = cell("note");
      if (cell("next_action")) a.action = cell("next_action");
      if (Object.keys(a).length) answers[id] = a;
    });
    return core.migrate({ format: core.FORMAT, schema_version: core.SCHEMA_VERSION, answers: answers }, model, now);
  }

  /* The organisation named in an earlier version (an export's text), or "". */
  /** @param {string} text */
  function organisationOf(text) {
    try {
      var doc = JSON.parse(text);
      return doc && typeof doc.organisation === "string" ? doc.organisation : "";
    } catch (e) { return ""; }
  }

  return { ANSWER: ANSWER, ORG: ORG, ASIDE: ASIDE, stateOf: stateOf, incomingOf: incomingOf, open: open, organisationOf: organisationOf, doneOf: doneOf, fromCSV: fromCSV };
});
