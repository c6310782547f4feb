/* Worksheets and the action plan: the pure part (no DOM, no storage), run by Node in the unit
   tests. What a worksheet keeps is a set of records in the data layer (data-layer.js), each
   field with its own versions:
     "f:<field>"            field "value"
     "r:<table>:<row>"      one field per column, "@order" (added rows), "@deleted" (a removal)
   Files (export, import, version 0.1.0's stored documents) hold records as schema 1 does:
     "f:<field>"            { value, updated }
     "r:<table>:<row>"      { values: {column: text}, order, updated, times?: {column: time}, deleted? }
   Problems are returned as codes with parameters ({ code: "not-json" }); the pages say them in
   the reader's language. Its types: types/worksheet.d.ts. */
// @ts-check
(/** @param {any} root @param {(layer: DataLayerModule) => WorksheetCoreModule} factory */ function (root, factory) {
  "use strict";
  var core = factory(root.DataLayer || (typeof require === "function" ? require("./data-layer.js") : null));
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.WorksheetCore = core;
})(typeof self !== "undefined" ? self : this, function (Layer) {
  "use strict";

  var FORMAT = "partnering-guidelines-worksheet";
  var PLAN_FORMAT = "partnering-guidelines-action-plan";
  var SCHEMA_VERSION = 1;
  var RECORD = /^(f:[a-z0-9-]{1,60}|r:[a-z0-9-]{1,60}:[A-Za-z0-9.-]{1,80})$/;
  var ROW_ID = /^[A-Za-z0-9.-]{1,80}$/;
  var dict = Layer.dict, own = Layer.own;

  /** @param {unknown} v @returns {string} */
  function text(v) { return v === null || v === undefined || v === false ? "" : String(v); }

  /** @param {LayerState} state @param {string} id */
  function fieldValue(state, id) {
    var r = own(state.records, "f:" + id) ? state.records["f:" + id] : null;
    return r && own(r, "value") ? text(r.value.value) : "";
  }

  /** @param {string} id */
  function isRowRecord(id) { return id.indexOf("r:") === 0; }

  /* The rows of a table in order: fixed rows (the publication's order), or the rows added and
     not removed, by their order then id. Each: { id, fixed, order, values, record }. */
  /** @param {LayerState} state @param {RowSource} table @returns {SheetRow[]} */
  function rowsOf(state, table) {
    var out = /** @type {SheetRow[]} */ ([]), prefix = "r:" + table.id + ":";
    /** @param {LayerRecord | null} rec */
    function values(rec) {
      /** @type {Record<string, string>} */
      var v = {};
      table.columns.forEach(function (c) { if (rec && own(rec, c.id)) v[c.id] = text(rec[c.id].value); });
      return v;
    }
    if (table.fixed && table.fixed.length) {
      return table.fixed.map(function (f, i) {
        var rec = own(state.records, prefix + f.id) ? state.records[prefix + f.id] : null;
        return { id: f.id, label: f.label, fixed: true, order: i, values: values(rec), record: prefix + f.id };
      });
    }
    Object.keys(state.records).forEach(function (k) {
      if (k.indexOf(prefix) !== 0) return;
      var rec = state.records[k];
      if (Layer.isRemoved(rec)) return;
      var order = own(rec, "@order") && typeof rec["@order"].value === "number" ? rec["@order"].value : 0;
      out.push({ id: k.slice(prefix.length), fixed: false, order: order, values: values(rec), record: k });
    });
    return out.sort(function (a, b) { return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); });
  }

  /** @param {LayerState} state @param {RowSource} table */
  function nextOrder(state, table) {
    return rowsOf(state, table).reduce(function (m, r) { return Math.max(m, r.order + 1); }, 0);
  }

  /** @param {string} now @param {number} [random] */
  function newRowId(now, random) {
    return "row-" + Date.parse(now).toString(36) + "-" + Math.floor((random === undefined ? Math.random() : random) * 1679616).toString(36);
  }

  /** @param {LayerState} state @param {{ parts: WorksheetPart[] }} model */
  function answerCount(state, model) {
    var n = 0;
    model.parts.forEach(function (p) {
      if (p.kind === "field") { if (fieldValue(state, p.id)) n += 1; return; }
      rowsOf(state, p).forEach(function (r) { if (Object.keys(r.values).some(function (c) { return !!r.values[c]; })) n += 1; });
    });
    return n;
  }

  // --- what comes in -----------------------------------------------------------------------------
  /** @param {{ parts: WorksheetPart[] }} model */
  function modelIndex(model) {
    /** @type {Record<string, { part: WorksheetPart, columns: Record<string, WorksheetColumn> }>} */
    var parts = dict();
    model.parts.forEach(function (p) {
      /** @type {Record<string, WorksheetColumn>} */
      var cols = dict();
      (p.kind === "table" ? p.columns : []).forEach(function (c) { cols[c.id] = c; });
      parts[p.kind + ":" + p.id] = { part: p, columns: cols };
    });
    return parts;
  }

  /* A value typed or imported: null, or the problem { code, at, max? }. The same limits apply
     to both (the page sets maxlength from limits.text). */
  /** @param {unknown} value @param {ValueSpec | null | undefined} spec @param {ProblemPlace} at @param {StorageLimits} limits
      @returns {ValueProblem | null} */
  function checkValue(value, spec, at, limits) {
    if (typeof value !== "string") return { code: "value-not-text", at: at };
    if (value.length > limits.text) return { code: "value-too-long", at: at, max: limits.text };
    if (!value) return null;
    if (spec && spec.kind === "choice" && spec.options.indexOf(value) < 0) return { code: "value-not-choice", at: at, value: value.slice(0, 40) };
    if (spec && spec.kind === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { code: "value-not-date", at: at };
    return null;
  }

  /* Records as files and version 0.1.0 keep them -> what the data layer imports:
     record -> field -> { value, time }. */
  /** @param {Record<string, FileRecord>} records @returns {Incoming} */
  function incomingOf(records) {
    /** @type {Incoming} */
    var out = dict();
    Object.keys(records).forEach(function (k) {
      var r = records[k], time = Layer.isStamp(r.updated) || "", rec = /** @type {Record<string, IncomingField>} */ (dict());
      if (k.charAt(0) === "f") { if (r.value !== undefined) rec.value = { value: r.value, time: time }; }
      else {
        // An object from JSON: any key reads as a value or undefined.
        var times = r.times && typeof r.times === "object" ? /** @type {Record<string, unknown>} */ (r.times) : {};
        var values = r.values || {};
        Object.keys(values).forEach(function (c) { rec[c] = { value: values[c], time: Layer.isStamp(times[c]) || time }; });
        if (typeof r.order === "number" && isFinite(r.order)) rec["@order"] = { value: r.order, time: time };
        if (r.deleted === true) rec["@deleted"] = { value: true, time: time };
      }
      out[k] = rec;
    });
    return out;
  }

  /* An exported file's text -> { incoming, conflicts, rows } or { errors: [problems] }. Values
     are only ever shown as text, so HTML in a file is harmless: it is kept as the text it is. */
  /** @param {unknown} fileText @param {WorksheetModel} model @param {StorageLimits} limits @returns {WorksheetImport} */
  function parseImport(fileText, model, limits) {
    if (typeof fileText !== "string") return { errors: [{ code: "unreadable" }] };
    if (fileText.length > limits.import_bytes) return { errors: [{ code: "too-large", max: limits.import_bytes }] };
    /** @type {any} */
    var raw;   // the file's JSON: each part is checked below before it is used
    try { raw = JSON.parse(fileText); } catch (e) { return { errors: [{ code: "not-json" }] }; }
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { errors: [{ code: "not-object" }] };
    if (raw.format !== FORMAT) return { errors: [{ code: "wrong-format" }] };
    if (typeof raw.schema_version !== "number" || raw.schema_version > SCHEMA_VERSION) return { errors: [{ code: "newer-schema", schema: String(raw.schema_version).slice(0, 10), reads: SCHEMA_VERSION }] };
    if (raw.worksheet !== model.id) return { errors: [{ code: "other-worksheet", worksheet: String(raw.worksheet).slice(0, 60), expected: model.id }] };
    if (!raw.records || typeof raw.records !== "object" || Array.isArray(raw.records)) return { errors: [{ code: "no-records" }] };
    var index = modelIndex(model), errors = /** @type {WorksheetProblem[]} */ ([]);
    var records = /** @type {Record<string, FileRecord>} */ (dict()), rows = /** @type {Record<string, number>} */ (dict());
    Object.keys(raw.records).forEach(function (k) {
      var r = raw.records[k];
      if (!RECORD.test(k)) { errors.push({ code: "bad-record", record: k.slice(0, 60) }); return; }
      if (!r || typeof r !== "object" || Array.isArray(r)) { errors.push({ code: "bad-record", record: k }); return; }
      var bits = k.split(":");
      if (bits[0] === "f") {
        var f = index["field:" + bits[1]], part = f && f.part.kind === "field" ? f.part : null;
        var problem = checkValue(r.value, part ? { kind: part.type, options: part.options } : null, { field: bits[1] }, limits);
        if (problem) { errors.push(problem); return; }
        records[k] = { value: r.value, updated: r.updated };
        return;
      }
      var t = index["table:" + bits[1]], values = /** @type {Record<string, string>} */ (dict());
      if (r.values !== undefined && (!r.values || typeof r.values !== "object" || Array.isArray(r.values))) { errors.push({ code: "bad-record", record: k }); return; }
      var bad = Object.keys(r.values || {}).map(function (c) {
        values[c] = r.values[c];
        return checkValue(r.values[c], t && t.columns[c], { table: bits[1], row: bits[2], column: c }, limits);
      }).filter(/** @param {ValueProblem | null} p @returns {p is ValueProblem} */ function (p) { return !!p; });
      if (bad.length) { errors.push(bad[0]); return; }
      records[k] = { values: values, order: r.order, updated: r.updated, times: r.times, deleted: r.deleted };
      if (r.deleted !== true) rows[bits[1]] = (rows[bits[1]] || 0) + 1;
    });
    Object.keys(rows).forEach(function (table) {
      if (rows[table] > limits.rows) errors.push({ code: "too-many-rows", table: table, rows: rows[table], max: limits.rows });
    });
    if (errors.length) return { errors: errors.slice(0, 5) };
    var conflicts = Array.isArray(raw.conflicts) ? raw.conflicts.filter(
      /** @param {{ record?: unknown, field?: unknown, value?: unknown } | null} c @returns {c is ImportedConflict} */ function (c) {
      return !!c && typeof c.record === "string" && RECORD.test(c.record) && typeof c.field === "string" && /^[a-z0-9-]{1,60}$/.test(c.field) &&
        typeof c.value === "string" && c.value.length <= limits.text;
    }).slice(0, 1000) : [];
    return { incoming: incomingOf(records), conflicts: conflicts };
  }

  /* Version 0.1.0's stored document -> incoming records, or null when it cannot be read. */
  /** @param {string} stored @returns {Incoming | null} */
  function legacyIncoming(stored) {
    /** @type {any} */
    var doc;   // what version 0.1.0 stored: each part is checked below before it is used
    try { doc = JSON.parse(stored); } catch (e) { return null; }
    if (!doc || typeof doc !== "object" || !doc.records || typeof doc.records !== "object" || Array.isArray(doc.records)) return null;
    /** @type {Record<string, FileRecord>} */
    var records = dict();
    Object.keys(doc.records).forEach(function (k) {
      var r = doc.records[k];
      if (!RECORD.test(k) || !r || typeof r !== "object") return;
      if (k.charAt(0) === "f") { if (typeof r.value === "string" && r.value) records[k] = { value: r.value, updated: r.updated }; return; }
      /** @type {Record<string, string>} */
      var values = dict();
      Object.keys(r.values && typeof r.values === "object" ? r.values : {}).forEach(function (c) {
        if (/^[a-z0-9-]{1,60}$/.test(c) && typeof r.values[c] === "string" && r.values[c]) values[c] = r.values[c];
      });
      records[k] = { values: values, order: r.order, updated: r.updated, deleted: r.deleted };
    });
    return incomingOf(records);
  }

  /* What version 0.1.0 stored for a worksheet joins the data layer (combined: per field, the
     newer wins), and what it stored is kept as an earlier version; only then is its key removed.
     Its own earlier versions become earlier versions here. If storage is full its keys stay as
     they were, for the next visit; returns whether everything moved. `layer`: DataLayer.open(). */
  /** @param {DataLayerHandle} layer @param {StorageContract} contract @param {string} sheetId @param {string} tool */
  function adoptLegacyWorksheet(layer, contract, sheetId, tool) {
    var key = contract.legacy.worksheet.replace("{id}", sheetId), stored = layer.raw(key), moved = true;
    if (stored !== null) {
      var incoming = legacyIncoming(stored);
      if (incoming) moved = layer.write(tool, Layer.importOps(layer.state(tool), incoming, "combine", isRowRecord).ops).ok;
      var kept = moved && layer.keepSnapshot(tool, { code: incoming ? "legacy" : "legacy-unreadable" }, stored, incoming ? Object.keys(incoming).length : 0);
      if (kept && kept.ok) layer.raw(key, null);
      else moved = false;
    }
    var snapKey = contract.legacy.worksheet_snapshots.replace("{id}", sheetId), list = layer.raw(snapKey);
    if (list !== null) {
      var snaps;
      try { snaps = JSON.parse(list); } catch (e) { snaps = null; }
      var all = Array.isArray(snaps) ? snaps.every(/** @param {{ data?: unknown, reason?: unknown, when?: unknown } | null} s */ function (s) {
        if (!s || typeof s.data !== "string") return true;
        return layer.keepSnapshot(tool, { code: "legacy-snapshot", text: String(s.reason || "").slice(0, 200) }, s.data, 0, s.when).ok;
      }) : layer.keepSnapshot(tool, { code: "legacy-unreadable" }, list, 0).ok;
      if (all) layer.raw(snapKey, null);
      else moved = false;
    }
    return moved;
  }

  /* The export file: schema 1, as version 0.1.0 wrote it (python -m macros fill-worksheet reads
     it), each column with its own time, and the other version of any field changed in two tabs
     at once under "conflicts", so that no text anyone typed is left out. */
  /** @param {WorksheetModel} model @param {LayerState} state @param {string} now @returns {WorksheetExport} */
  function exportDoc(model, state, now) {
    var records = /** @type {WorksheetExport["records"]} */ ({}), conflicts = /** @type {FileConflict[]} */ ([]);
    /** @param {string} k @param {string} f @param {LayerField} field */
    function others(k, f, field) {
      field.heads.slice(1).forEach(function (h) { conflicts.push({ record: k, field: f, value: text(h.value), updated: h.time }); });
    }
    Object.keys(state.records).forEach(function (k) {
      var rec = state.records[k];
      if (k.charAt(0) === "f") {
        if (own(rec, "value")) { records[k] = { value: text(rec.value.value), updated: rec.value.time }; others(k, "value", rec.value); }
        return;
      }
      if (Layer.isRemoved(rec)) return;
      var values = /** @type {Record<string, string>} */ ({}), times = /** @type {Record<string, string>} */ ({}), updated = "";
      Object.keys(rec).forEach(function (c) {
        if (c.charAt(0) === "@") { updated = Layer.later(updated, rec[c].time) || ""; return; }
        values[c] = text(rec[c].value);
        times[c] = rec[c].time;
        updated = Layer.later(updated, rec[c].time) || "";
        others(k, c, rec[c]);
      });
      var order = own(rec, "@order") && typeof rec["@order"].value === "number" ? rec["@order"].value : 0;
      records[k] = { values: values, order: order, updated: updated, times: times };
    });
    /** @type {WorksheetExport} */
    var out = { format: FORMAT, schema_version: SCHEMA_VERSION, worksheet: model.id, title: model.title,
                toolkit_version: model.version, content_version: model.content_version, exported: now, records: records };
    if (conflicts.length) out.conflicts = conflicts;
    return out;
  }

  // --- CSV ---------------------------------------------------------------------------------------

  /* A cell as CSV, defused: a spreadsheet must never run text people typed as a formula. */
  /** @param {unknown} value @returns {string} */
  function csvCell(value) {
    var s = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\n\r]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }

  /** @param {WorksheetTable} table @param {SheetRow[]} rows */
  function tableCSV(table, rows) {
    var head = ["row"].concat(table.fixed && table.fixed.length ? ["item"] : []).concat(table.columns.map(function (c) { return c.heading; }));
    var lines = [head.map(csvCell).join(",")];
    rows.forEach(function (r) {
      var cells = [r.id].concat(table.fixed && table.fixed.length ? [r.label || ""] : []).concat(table.columns.map(function (c) { return r.values[c.id] || ""; }));
      lines.push(cells.map(csvCell).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  // Read as the data layer reads CSV for every tool (data-layer.js: linear, bounded rows).
  var parseCSV = Layer.parseCSV, undefuse = Layer.undefuse;

  /* CSV text for one table -> { rows: [{ id | null, values }] } or { errors: [problems] }. */
  /** @param {unknown} input @param {WorksheetTable} table @param {StorageLimits} limits @returns {CsvImport} */
  function csvRows(input, table, limits) {
    if (typeof input !== "string") return { errors: [{ code: "unreadable" }] };
    if (input.length > limits.csv_bytes) return { errors: [{ code: "too-large", max: limits.csv_bytes }] };
    var grid = parseCSV(input, limits.rows);
    if (!grid || !grid.length) return { errors: [{ code: "csv-not-csv" }] };
    if (grid.length - 1 > limits.rows) return { errors: [{ code: "csv-too-many-rows", max: limits.rows }] };
    var head = grid[0], byHeading = /** @type {Record<string, WorksheetColumn>} */ (dict());
    table.columns.forEach(function (c) { byHeading[c.heading.toLowerCase()] = c; byHeading[c.id] = c; });
    var columns = head.map(function (h) { var k = h.trim().toLowerCase(); return own(byHeading, k) ? byHeading[k] : null; });
    if (head[0] !== "row" || !columns.some(Boolean)) return { errors: [{ code: "csv-columns", table: table.title }] };
    var fixed = /** @type {Record<string, boolean>} */ (dict()), errors = /** @type {WorksheetProblem[]} */ ([]);
    var out = /** @type {{ id: string | null, values: Record<string, string> }[]} */ ([]);
    (table.fixed || []).forEach(function (f) { fixed[f.id] = true; });
    for (var n = 1; n < grid.length && errors.length < 5; n++) {
      var cells = grid[n], id = cells[0] || null, values = /** @type {Record<string, string>} */ ({});
      if (table.fixed && table.fixed.length && !(id && own(fixed, id))) { errors.push({ code: "csv-row-unknown", line: n + 1, row: String(id).slice(0, 40) }); continue; }
      if (id && !ROW_ID.test(id)) { errors.push({ code: "csv-row-id", line: n + 1 }); continue; }
      for (var i = 0; i < columns.length; i++) {
        var c = columns[i];
        if (!c) continue;
        var v = undefuse(cells[i] || "");
        var problem = checkValue(v, c, { line: n + 1, column: c.heading }, limits);
        if (problem) errors.push(problem);
        values[c.id] = v;
      }
      out.push({ id: id, values: values });
    }
    if (errors.length) return { errors: errors.slice(0, 5) };
    return { rows: out };
  }

  /* CSV rows for one table -> incoming records: rows with a known id change that row; others
     are added after the existing rows, each with a new id from newId(). */
  /** @param {LayerState} state @param {WorksheetTable} table @param {{ id: string | null, values: Record<string, string> }[]} rows
      @param {() => string} newId @returns {Incoming} */
  function csvIncoming(state, table, rows, newId) {
    var incoming = /** @type {Incoming} */ (dict()), existing = /** @type {Record<string, boolean>} */ (dict()), order = nextOrder(state, table);
    rowsOf(state, table).forEach(function (r) { existing[r.id] = true; });
    rows.forEach(function (r) {
      var fixed = table.fixed && table.fixed.length;
      var id = r.id && (own(existing, r.id) || fixed) ? r.id : newId();
      /** @type {Record<string, IncomingField>} */
      var rec = dict();
      Object.keys(r.values).forEach(function (c) { rec[c] = { value: r.values[c], time: "" }; });
      if (!fixed && !own(existing, id)) rec["@order"] = { value: order++, time: "" };
      incoming["r:" + table.id + ":" + id] = rec;
    });
    return incoming;
  }

  // --- the action plan ---------------------------------------------------------------------------
  var QUESTION = /^[A-Za-z0-9._-]{1,60}$/;
  var PLAN_RECORD = /^plan:[A-Za-z0-9.-]{1,80}$/;

  /* Where the plan keeps what only the plan has of an action (notes, completion date, its place
     in the plan): an action added on the plan and a self-assessment action in their own record,
     a worksheet action in a record of the plan named by the action's id. */
  /** @param {string} actionId */
  function planRecordOf(actionId) {
    if (actionId.length <= 120) return actionId;
    // A data layer id holds at most 120 characters: a longer one (a row id from a file can be
    // 80) is cut, and made unique again by a hash of the whole (FNV-1a).
    var h = 0x811c9dc5;
    for (var i = 0; i < actionId.length; i++) h = Math.imul(h ^ actionId.charCodeAt(i), 0x01000193) >>> 0;
    return actionId.slice(0, 110) + "~" + h.toString(36);
  }

  /* Every action: the assessment's next actions (owner, due and status kept in the plan's own
     records, "assessment:<question id>"), the worksheets' action rows (which keep theirs in the
     worksheet) and the actions added on the plan ("plan:<id>", kept whole in the plan). A status
     applies to the action it was given for: an action rewritten since shows the first status
     again (statusReset). */
  /** @param {PlanModel} plan @param {string | null} assessmentText @param {Record<string, LayerState>} sheetStates
      @param {LayerState | null} planState @returns {PlanAction[]} */
  function gatherActions(plan, assessmentText, sheetStates, planState) {
    var out = /** @type {PlanAction[]} */ ([]), questions = /** @type {Record<string, PlanQuestion>} */ (dict());
    plan.questions.forEach(function (q) { questions[q.id] = q; });
    var assessment = null;
    try { assessment = assessmentText ? JSON.parse(assessmentText) : null; } catch (e) { assessment = null; }
    var answers = assessment && assessment.answers && typeof assessment.answers === "object" ? assessment.answers : {};
    /** @type {Record<string, LayerRecord>} */
    var records = planState ? planState.records : dict();
    /** @param {string} id @returns {LayerRecord} */
    function recordOf(id) { return own(records, id) ? records[id] : /** @type {LayerRecord} */ (dict()); }
    /** @param {LayerRecord} rec @param {string} f */
    function get(rec, f) { return own(rec, f) ? text(rec[f].value) : ""; }
    /** @param {LayerRecord} rec @returns {number | null} */
    function orderOf(rec) { var o = own(rec, "@order") ? Number(rec["@order"].value) : NaN; return isFinite(o) ? o : null; }
    Object.keys(answers).sort().forEach(function (qid) {
      var a = answers[qid];
      if (!QUESTION.test(qid) || !a || typeof a.action !== "string" || !a.action.trim()) return;
      var q = own(questions, qid) ? questions[qid] : { task: null, source: null, url: null };
      var id = "assessment:" + qid, rec = recordOf(id);
      var status = get(rec, "status"), forText = own(rec, "status-for") ? text(rec["status-for"].value) : null;
      var reset = !!status && forText !== null && forText !== a.action;
      out.push({ id: id, kind: "assessment", question: qid, action: a.action, owner: get(rec, "owner"), due: get(rec, "due"),
                 status: status && !reset ? status : plan.statuses[0], statusReset: reset, task: q.task || "",
                 source: q.source, url: q.url || null, tool: plan.tool, record: id,
                 notes: get(rec, "notes"), completed: get(rec, "completed"), order: orderOf(rec), planRecord: id });
    });
    plan.tables.forEach(function (t) {
      var state = sheetStates[t.sheet];
      if (!state) return;
      rowsOf(state, { id: t.table, fixed: [], columns: plan.columns.map(function (c) { return { id: c }; }) }).forEach(function (r) {
        if (!r.values.action || !r.values.action.trim()) return;
        var id = "worksheet:" + t.sheet + ":" + t.table + ":" + r.id, rec = recordOf(planRecordOf(id));
        out.push({ id: id, kind: "worksheet", sheet: t.sheet, table: t.table,
                   row: r.id, action: r.values.action, owner: r.values.owner || "", due: r.values.due || "",
                   status: r.values.status || plan.statuses[0], statusReset: false, task: t.task,
                   source: t.sheet_title + ", " + t.title, url: t.url, tool: t.tool, record: r.record,
                   notes: get(rec, "notes"), completed: get(rec, "completed"), order: orderOf(rec), planRecord: planRecordOf(id) });
      });
    });
    Object.keys(records).sort().forEach(function (id) {
      if (!PLAN_RECORD.test(id) || Layer.isRemoved(records[id])) return;
      var rec = records[id], task = get(rec, "task");
      out.push({ id: id, kind: "plan", action: get(rec, "action"), owner: get(rec, "owner"), due: get(rec, "due"),
                 status: get(rec, "status") || plan.statuses[0], statusReset: false, task: own(plan.tasks, task) ? task : "",
                 source: null, url: null, tool: plan.tool, record: id,
                 notes: get(rec, "notes"), completed: get(rec, "completed"), order: orderOf(rec), planRecord: id });
    });
    return out;
  }

  /* The local calendar day of a time, as YYYY-MM-DD (due dates are days, not instants). */
  /** @param {Date} d */
  function localDay(d) {
    /** @param {number} n */
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  /** @param {string} day @returns {number} days since 1970-01-01, NaN when not a date */
  function dayNumber(day) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || "");
    return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000 : NaN;
  }

  /* An action's flag on `today` (YYYY-MM-DD): overdue (due before today and not done), due soon
     (due today or within `soonDays`), or none; with the number of days. */
  /** @param {{ due: string, status: string }} action @param {string} today @param {number} soonDays @param {string} doneStatus
      @returns {DueFlag | null} */
  function dueFlag(action, today, soonDays, doneStatus) {
    if (action.status === doneStatus) return null;
    var due = dayNumber(action.due), now = dayNumber(today);
    if (!isFinite(due) || !isFinite(now)) return null;
    if (due < now) return { code: "overdue", days: now - due };
    if (due - now <= soonDays) return { code: "due-soon", days: due - now };
    return null;
  }

  /* Actions in a new order: `moved` goes just before (`by` -1) or after (+1) its neighbour among
     `shown`. Returns [{ action, order }] for every action whose place changes (0, 1, 2 …). */
  /** @param {PlanAction[]} all @param {PlanAction[]} shown @param {string} moved @param {-1 | 1} by
      @returns {{ action: PlanAction, order: number }[]} */
  function reorder(all, shown, moved, by) {
    var i = -1;
    shown.forEach(function (a, n) { if (a.id === moved) i = n; });
    var next = shown[i + by];
    if (i < 0 || !next) return [];
    var list = all.filter(function (a) { return a.id !== moved; });
    var at = list.map(function (a) { return a.id; }).indexOf(next.id) + (by > 0 ? 1 : 0);
    list.splice(at, 0, shown[i]);
    var out = /** @type {{ action: PlanAction, order: number }[]} */ ([]);
    list.forEach(function (a, n) { if (a.order !== n) out.push({ action: a, order: n }); });
    return out;
  }

  /** @param {string} task */
  function taskOrder(task) {
    var bits = String(task || "99.9").split(".");
    return Number(bits[0]) * 100 + Number(bits[1] || 0);
  }

  /** @param {PlanAction[]} actions @param {keyof PlanAction} key @param {string} direction @param {string[]} statuses */
  function sortActions(actions, key, direction, statuses) {
    var sign = direction === "descending" ? -1 : 1;
    /** @param {PlanAction} a */
    function value(a) {
      if (key === "task") return taskOrder(a.task);
      if (key === "status") return statuses.indexOf(a.status);
      if (key === "due") return a.due || "9999";
      // The plan's own order; actions never placed come after, by task.
      if (key === "order") return a.order !== null ? a.order : 1e9 + taskOrder(a.task);
      return String(a[key] || "").toLowerCase();
    }
    return actions.slice().sort(function (a, b) {
      var x = value(a), y = value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * sign || (a.id < b.id ? -1 : 1);
    });
  }

  /** @type {(keyof PlanAction)[]} */
  var PLAN_COLUMNS = ["action", "owner", "due", "status", "task", "source", "id", "notes", "completed"];
  var PLAN_HEADINGS = ["Action", "Owner", "Due", "Status", "Task", "From", "Source ID", "Notes", "Completed"];

  /** @param {PlanAction[]} actions */
  function planCSV(actions) {
    var lines = [PLAN_HEADINGS.map(csvCell).join(",")];
    actions.forEach(function (a) { lines.push(PLAN_COLUMNS.map(function (k) { return csvCell(a[k]); }).join(",")); });
    return lines.join("\r\n") + "\r\n";
  }

  /* The plan as a file (python -m macros fill-worksheet makes a workbook of it); each action
     with the time of its owner, due date and status, for a later import to combine by. */
  /** @param {PlanAction[]} actions @param {string} now @param {Record<string, Partial<Record<PlanField, string>>>} [times]
      @returns {PlanExport} */
  function planExport(actions, now, times) {
    return { format: PLAN_FORMAT, schema_version: SCHEMA_VERSION, exported: now,
             actions: actions.map(function (a) {
               /** @type {PlanExport["actions"][number]} */
               var out = { id: a.id, action: a.action, owner: a.owner, due: a.due, status: a.status, task: a.task, source: a.source,
                           notes: a.notes || "", completed: a.completed || "" };
               if (times && times[a.id]) out.times = times[a.id];
               return out;
             }) };
  }

  /** @type {PlanField[]} */
  var PLAN_FIELDS = ["action", "owner", "due", "status", "notes", "completed", "task"];
  var FILE_HEADINGS = ["Action", "Owner", "Due", "Status", "Notes", "Completed", "Task"];

  var ACTION_ID = /^(assessment:[A-Za-z0-9._-]{1,60}|worksheet:[a-z0-9-]{1,60}:[a-z0-9-]{1,60}:[A-Za-z0-9.-]{1,80}|plan:[A-Za-z0-9.-]{1,80})$/;

  /** @param {PlanFileAction} a @returns {a is PlanFileAction & { id: string }} */
  function hasActionId(a) { return typeof a.id === "string" && ACTION_ID.test(a.id); }

  /** @param {PlanFileAction} a @param {PlanModel} plan @param {number} at @param {StorageLimits} limits */
  function checkAction(a, plan, at, limits) {
    /** @type {ValueProblem[]} */
    var problems = [];
    PLAN_FIELDS.forEach(function (k) {
      if (a[k] === undefined || a[k] === null) return;
      /** @type {ValueSpec | null} */
      var spec = k === "due" || k === "completed" ? { kind: "date" } : k === "status" ? { kind: "choice", options: plan.statuses } :
        k === "task" ? { kind: "choice", options: Object.keys(plan.tasks) } : null;
      var p = checkValue(a[k], spec, { line: at, column: k }, limits);
      if (p) problems.push(p);
    });
    return problems;
  }

  /* One action from a file -> where it goes: [{ tool, record, fields: {field: {value, time}} }]
     (a worksheet action's notes and completion date go to the plan's record of it). */
  /** @param {PlanFileAction & { id: string }} a @param {PlanModel} plan @param {string} time @returns {PlanTarget[] | null} */
  function actionTarget(a, plan, time) {
    // An object from JSON: any key reads as a value or undefined.
    var times = a.times && typeof a.times === "object" ? /** @type {Record<string, unknown>} */ (a.times) : {};
    /** @param {Record<string, IncomingField>} fields @param {string} f */
    function put(fields, f) {
      var v = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (a))[f];
      if (typeof v === "string") fields[f] = { value: v, time: Layer.isStamp(times[f]) || time };
    }
    /** @type {Record<string, IncomingField>} */
    var fields = dict(), extra = /** @type {Record<string, IncomingField>} */ (dict());
    ["notes", "completed"].forEach(function (f) { put(extra, f); });
    if (a.id.indexOf("plan:") === 0) {
      ["action", "owner", "due", "status", "task"].forEach(function (f) { put(extra, f); });
      return [{ tool: plan.tool, record: a.id, fields: extra }];
    }
    if (a.id.indexOf("assessment:") === 0) {
      ["owner", "due", "status"].forEach(function (f) { put(extra, f); });
      if (typeof a.status === "string" && typeof a.action === "string") extra["status-for"] = { value: a.action, time: Layer.isStamp(times.status) || time };
      return [{ tool: plan.tool, record: a.id, fields: extra }];
    }
    var bits = a.id.split(":");
    var table = plan.tables.filter(function (t) { return t.sheet === bits[1] && t.table === bits[2]; })[0];
    if (!table) return null;
    ["action", "owner", "due", "status"].forEach(function (f) { put(fields, f); });
    var out = [{ tool: table.tool, record: "r:" + bits[2] + ":" + bits[3], fields: fields }];
    if (Object.keys(extra).some(function (f) { return !!extra[f].value; })) out.push({ tool: plan.tool, record: planRecordOf(a.id), fields: extra });
    return out;
  }

  /* A plan file (JSON or CSV) -> { targets: [...] } or { errors: [problems] }. */
  /** @param {unknown} fileText @param {PlanModel} plan @param {StorageLimits} limits @param {"csv" | "json"} kind
      @returns {PlanImport} */
  function parsePlanImport(fileText, plan, limits, kind) {
    if (typeof fileText !== "string") return { errors: [{ code: "unreadable" }] };
    var max = kind === "csv" ? limits.csv_bytes : limits.import_bytes;
    if (fileText.length > max) return { errors: [{ code: "too-large", max: max }] };
    /** @type {PlanFileAction[]} */
    var actions = [];
    if (kind === "csv") {
      var grid = parseCSV(fileText, limits.rows * 4);
      if (!grid || !grid.length) return { errors: [{ code: "csv-not-csv" }] };
      var head = grid[0].map(function (h) { return h.trim().toLowerCase(); });
      var at = /** @param {string} name */ function (name) { return head.indexOf(name.toLowerCase()); };
      if (at("Source ID") < 0) return { errors: [{ code: "plan-csv-columns" }] };
      for (var n = 1; n < grid.length; n++) {
        var cells = grid[n];
        /** @type {PlanFileAction} */
        var a = { id: cells[at("Source ID")] || "", line: n + 1 };
        PLAN_FIELDS.forEach(function (k, i) {
          var col = at(FILE_HEADINGS[i]);
          if (col >= 0) a[k] = undefuse(cells[col] || "");
        });
        actions.push(a);
      }
    } else {
      var raw;
      try { raw = JSON.parse(fileText); } catch (e) { return { errors: [{ code: "not-json" }] }; }
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { errors: [{ code: "not-object" }] };
      if (raw.format !== PLAN_FORMAT) return { errors: [{ code: "wrong-format-plan" }] };
      if (typeof raw.schema_version !== "number" || raw.schema_version > SCHEMA_VERSION) return { errors: [{ code: "newer-schema", schema: String(raw.schema_version).slice(0, 10), reads: SCHEMA_VERSION }] };
      if (!Array.isArray(raw.actions)) return { errors: [{ code: "no-actions" }] };
      // The line is the action's place in the file, whatever the action itself says.
      actions = raw.actions.map(/** @param {unknown} a @param {number} i */ function (a, i) {
        return a && typeof a === "object" && !Array.isArray(a) ? Object.assign({}, a, { line: i + 1 }) : { id: "", line: i + 1 };
      });
    }
    if (actions.length > limits.rows * 4) return { errors: [{ code: "too-many-rows", table: "plan", rows: actions.length, max: limits.rows * 4 }] };
    var errors = /** @type {PlanProblem[]} */ ([]), targets = /** @type {PlanTarget[]} */ ([]);
    actions.forEach(function (a) {
      if (!hasActionId(a)) { errors.push({ code: "plan-bad-id", line: a.line }); return; }
      var problems = checkAction(a, plan, a.line, limits);
      if (problems.length) { errors.push(problems[0]); return; }
      var target = actionTarget(a, plan, "");
      if (target) targets = targets.concat(target);
      else errors.push({ code: "plan-unknown-table", line: a.line });
    });
    if (errors.length) return { errors: errors.slice(0, 5) };
    return { targets: targets };
  }

  return { FORMAT: FORMAT, PLAN_FORMAT: PLAN_FORMAT, SCHEMA_VERSION: SCHEMA_VERSION, fieldValue: fieldValue, isRowRecord: isRowRecord,
           rowsOf: rowsOf, nextOrder: nextOrder, newRowId: newRowId, answerCount: answerCount, checkValue: checkValue,
           incomingOf: incomingOf, parseImport: parseImport, legacyIncoming: legacyIncoming, adoptLegacyWorksheet: adoptLegacyWorksheet, exportDoc: exportDoc,
           csvCell: csvCell, tableCSV: tableCSV, parseCSV: parseCSV, csvRows: csvRows, csvIncoming: csvIncoming,
           gatherActions: gatherActions, planRecordOf: planRecordOf, sortActions: sortActions, localDay: localDay, dueFlag: dueFlag, reorder: reorder, planCSV: planCSV, planExport: planExport,
           parsePlanImport: parsePlanImport };
});
