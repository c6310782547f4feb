/* Worksheets and the action plan: the pure part (no DOM, no storage), run by Node in the unit tests.
   A worksheet's answers are records keyed by ID, each with its own `updated` time:
     "f:<field>"              { value, updated }
     "r:<table>:<row>"        { values: {column: text}, order, updated, deleted? }
   A change touches one record; merging two sets keeps, per record, the newer one, so two tabs
   or an import never overwrite each other's other answers. A removed row stays as a tombstone
   (deleted: true) so that an older copy elsewhere cannot bring it back. */
(function (root, factory) {
  "use strict";
  var core = factory();
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.WorksheetCore = core;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT = "partnering-guidelines-worksheet";
  var PLAN_FORMAT = "partnering-guidelines-action-plan";
  var SCHEMA_VERSION = 1;
  var MAX_BYTES = 1024 * 1024;
  var MAX_TEXT = 20000;
  var KEY_PATTERN = /^(f:[a-z0-9-]{1,60}|r:[a-z0-9-]{1,60}:[A-Za-z0-9.-]{1,80})$/;

  function emptyDoc(model) {
    return { format: FORMAT, schema_version: SCHEMA_VERSION, worksheet: model.id, records: {} };
  }

  function stamp(record) { return record && typeof record.updated === "string" ? record.updated : ""; }

  /* Per record, the newer wins; on a tie, mine stays. */
  function mergeRecords(mine, theirs) {
    var out = {};
    Object.keys(mine || {}).forEach(function (k) { out[k] = mine[k]; });
    Object.keys(theirs || {}).forEach(function (k) {
      if (!out[k] || stamp(theirs[k]) > stamp(out[k])) out[k] = theirs[k];
    });
    return out;
  }

  /* Stored text -> document; unreadable text gives null (the caller keeps it as a snapshot). */
  function parseDoc(text, model) {
    if (!text) return emptyDoc(model);
    try {
      var doc = JSON.parse(text);
      if (doc && typeof doc === "object" && doc.records && typeof doc.records === "object") return doc;
    } catch (e) { /* fall through */ }
    return null;
  }

  function clone(x) { return JSON.parse(JSON.stringify(x)); }

  /* Apply one change to a document (returns a new one). change.kind: field | cell | add | remove | restore. */
  function applyChange(doc, change, now) {
    var out = clone(doc);
    var key, rec;
    if (change.kind === "field") {
      out.records["f:" + change.field] = { value: String(change.value), updated: now };
      return out;
    }
    key = "r:" + change.table + ":" + change.row;
    rec = out.records[key] ? clone(out.records[key]) : { values: {}, order: change.order || 0 };
    if (change.kind === "cell") {
      rec.values = rec.values || {};
      rec.values[change.column] = String(change.value);
      if (rec.deleted && !change.fixed) return out;   // a row removed elsewhere stays removed
    } else if (change.kind === "add") {
      rec = { values: change.values || {}, order: change.order || 0 };
    } else if (change.kind === "remove") {
      rec.deleted = true;
    }
    rec.updated = now;
    out.records[key] = rec;
    return out;
  }

  function fieldValue(doc, id) {
    var r = doc.records["f:" + id];
    return r && typeof r.value === "string" ? r.value : "";
  }

  /* The rows of a table in order: fixed rows first (in the publication's order), then added rows. */
  function rowsOf(doc, table) {
    var fixedIds = {}, out = [];
    (table.fixed || []).forEach(function (f, i) {
      fixedIds[f.id] = true;
      var r = doc.records["r:" + table.id + ":" + f.id];
      out.push({ id: f.id, label: f.label, fixed: true, order: i, values: (r && r.values) || {} });
    });
    if (table.fixed && table.fixed.length) return out;
    var prefix = "r:" + table.id + ":";
    Object.keys(doc.records).forEach(function (k) {
      if (k.indexOf(prefix) !== 0) return;
      var r = doc.records[k], id = k.slice(prefix.length);
      if (r.deleted || fixedIds[id]) return;
      out.push({ id: id, fixed: false, order: typeof r.order === "number" ? r.order : 0, values: r.values || {} });
    });
    return out.sort(function (a, b) { return a.order - b.order || (a.id < b.id ? -1 : 1); });
  }

  function nextOrder(doc, table) {
    return rowsOf(doc, table).reduce(function (m, r) { return Math.max(m, r.order + 1); }, 0);
  }

  function newRowId(now, random) {
    return "row-" + now.replace(/[^0-9]/g, "").slice(0, 17) + "-" + (random || Math.random()).toString(36).slice(2, 7);
  }

  function answerCount(doc) {
    return Object.keys(doc.records).filter(function (k) {
      var r = doc.records[k];
      if (r.deleted) return false;
      if (k.charAt(0) === "f") return !!r.value;
      return Object.keys(r.values || {}).some(function (c) { return !!r.values[c]; });
    }).length;
  }

  // --- checking what comes in --------------------------------------------------------------

  function modelIndex(model) {
    var parts = {};
    model.parts.forEach(function (p) {
      var cols = {};
      (p.columns || []).forEach(function (c) { cols[c.id] = c; });
      parts[p.kind + ":" + p.id] = { part: p, columns: cols };
    });
    return parts;
  }

  function checkValue(value, spec, where) {
    if (typeof value !== "string") return where + " is not text.";
    if (value.length > MAX_TEXT) return where + " is longer than " + MAX_TEXT + " characters.";
    if (!value) return null;
    if (spec && spec.kind === "choice" && spec.options.indexOf(value) < 0) return where + " is " + JSON.stringify(value.slice(0, 40)) + ", which is not one of its choices.";
    if (spec && spec.kind === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return where + " is not a date (YYYY-MM-DD).";
    return null;
  }

  /* The records of an exported file, or the reasons it cannot be used. Values are only ever
     shown as text, so HTML in a file is harmless; it is kept as the text it is. */
  function parseImport(text, model) {
    if (typeof text !== "string") return { errors: ["The file could not be read."] };
    if (text.length > MAX_BYTES) return { errors: ["The file is larger than 1 MB: it is not a worksheet export."] };
    var raw;
    try { raw = JSON.parse(text); } catch (e) { return { errors: ["The file is not JSON."] }; }
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { errors: ["The file does not contain a worksheet (expected a JSON object)."] };
    if (raw.format !== FORMAT) return { errors: ["This is not a Partnering Guidelines worksheet file (its \"format\" field is missing or different)."] };
    if (typeof raw.schema_version !== "number" || raw.schema_version > SCHEMA_VERSION) return { errors: ["The file was made by a newer or unknown version of the toolkit (schema " + String(raw.schema_version).slice(0, 10) + "); this copy reads schema " + SCHEMA_VERSION + "."] };
    if (raw.worksheet !== model.id) return { errors: ["This file is the worksheet " + JSON.stringify(String(raw.worksheet).slice(0, 60)) + ", not " + JSON.stringify(model.id) + ". Import it on its own page."] };
    if (!raw.records || typeof raw.records !== "object" || Array.isArray(raw.records)) return { errors: ["The file has no records object."] };
    var index = modelIndex(model), errors = [], records = {};
    Object.keys(raw.records).forEach(function (k) {
      var r = raw.records[k];
      if (!KEY_PATTERN.test(k)) { errors.push("Record " + JSON.stringify(k.slice(0, 60)) + " is not valid."); return; }
      if (!r || typeof r !== "object" || Array.isArray(r)) { errors.push("Record " + k + " is not an object."); return; }
      var bits = k.split(":");
      if (bits[0] === "f") {
        var f = index["field:" + bits[1]];
        var problem = checkValue(r.value, f ? { kind: f.part.type, options: f.part.options } : null, "The answer to " + bits[1]);
        if (problem) { errors.push(problem); return; }
        records[k] = { value: r.value, updated: typeof r.updated === "string" ? r.updated.slice(0, 40) : "" };
        return;
      }
      var t = index["table:" + bits[1]], values = {};
      if (r.values !== undefined && (!r.values || typeof r.values !== "object" || Array.isArray(r.values))) { errors.push("Row " + bits[2] + " of " + bits[1] + " has no values object."); return; }
      var bad = Object.keys(r.values || {}).map(function (c) {
        values[c] = r.values[c];
        return checkValue(r.values[c], t && t.columns[c], "Column " + c + " of row " + bits[2] + " in " + bits[1]);
      }).filter(Boolean);
      if (bad.length) { errors.push(bad[0]); return; }
      records[k] = { values: values, order: typeof r.order === "number" ? r.order : 0, updated: typeof r.updated === "string" ? r.updated.slice(0, 40) : "" };
      if (r.deleted === true) records[k].deleted = true;
    });
    if (errors.length) return { errors: errors.slice(0, 5) };
    return { records: records };
  }

  function exportDoc(model, doc, now) {
    var records = {};
    Object.keys(doc.records).forEach(function (k) { if (!doc.records[k].deleted) records[k] = doc.records[k]; });
    return { format: FORMAT, schema_version: SCHEMA_VERSION, worksheet: model.id, title: model.title,
             toolkit_version: model.version, content_version: model.content_version, exported: now, records: records };
  }

  // --- CSV -------------------------------------------------------------------------------------

  /* A cell as CSV, defused: a spreadsheet must never run text people typed as a formula. */
  function csvCell(value) {
    var s = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\n\r]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }

  function tableCSV(table, rows) {
    var head = ["row"].concat(table.fixed && table.fixed.length ? ["item"] : []).concat(table.columns.map(function (c) { return c.heading; }));
    var lines = [head.map(csvCell).join(",")];
    rows.forEach(function (r) {
      var cells = [r.id].concat(table.fixed && table.fixed.length ? [r.label] : []).concat(table.columns.map(function (c) { return r.values[c.id] || ""; }));
      lines.push(cells.map(csvCell).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  function parseCSV(text) {
    var rows = [], row = [], cell = "", quoted = false, i = 0;
    text = text.replace(/^\uFEFF/, "");
    for (; i < text.length; i++) {
      var ch = text.charAt(i);
      if (quoted) {
        if (ch === "\"" && text.charAt(i + 1) === "\"") { cell += "\""; i++; }
        else if (ch === "\"") quoted = false;
        else cell += ch;
      } else if (ch === "\"") quoted = true;
      else if (ch === ",") { row.push(cell); cell = ""; }
      else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text.charAt(i + 1) === "\n") i++;
        row.push(cell); rows.push(row); row = []; cell = "";
      } else cell += ch;
    }
    if (quoted) return null;
    if (cell || row.length) { row.push(cell); rows.push(row); }
    return rows.filter(function (r) { return r.some(function (c) { return c !== ""; }); });
  }

  function undefuse(s) { return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s; }

  /* CSV text for one table -> [{id|null, values}] or the reasons it cannot be used. */
  function csvRows(text, table) {
    if (typeof text !== "string" || text.length > MAX_BYTES) return { errors: ["The file is larger than 1 MB."] };
    var grid = parseCSV(text);
    if (!grid || !grid.length) return { errors: ["The file is not CSV, or it is empty."] };
    var head = grid[0], byHeading = {};
    table.columns.forEach(function (c) { byHeading[c.heading.toLowerCase()] = c; byHeading[c.id] = c; });
    var columns = head.map(function (h) { return byHeading[h.trim().toLowerCase()] || null; });
    if (head[0] !== "row" || !columns.some(Boolean)) return { errors: ["The first line must name the columns of \"" + table.title + "\" (export the table to see the layout)."] };
    var fixed = {}, errors = [], out = [];
    (table.fixed || []).forEach(function (f) { fixed[f.id] = true; });
    grid.slice(1).forEach(function (cells, n) {
      var id = cells[0] || null, values = {};
      if (table.fixed && table.fixed.length && !fixed[id]) { errors.push("Line " + (n + 2) + ": row " + JSON.stringify(String(id).slice(0, 40)) + " is not one of this table's rows."); return; }
      if (id && !/^[A-Za-z0-9.-]{1,80}$/.test(id)) { errors.push("Line " + (n + 2) + ": the row id is not valid."); return; }
      columns.forEach(function (c, i) {
        if (!c) return;
        var v = undefuse(cells[i] || "");
        var problem = checkValue(v, c, "Line " + (n + 2) + ", " + c.heading);
        if (problem) errors.push(problem);
        values[c.id] = v;
      });
      out.push({ id: id, values: values });
    });
    if (errors.length) return { errors: errors.slice(0, 5) };
    return { rows: out };
  }

  // --- the action plan --------------------------------------------------------------------------

  /* Every action: the assessment's next actions (with owner, due and status kept in the plan's
     own records) and the worksheets' action rows (which keep theirs in the worksheet). */
  function gatherActions(plan, assessmentText, sheetTexts, planDoc) {
    var out = [], overlay = (planDoc && planDoc.records) || {};
    var questions = {};
    plan.questions.forEach(function (q) { questions[q.id] = q; });
    var assessment = null;
    try { assessment = assessmentText ? JSON.parse(assessmentText) : null; } catch (e) { assessment = null; }
    var answers = assessment && assessment.answers && typeof assessment.answers === "object" ? assessment.answers : {};
    Object.keys(answers).sort().forEach(function (qid) {
      var a = answers[qid];
      if (!a || typeof a.action !== "string" || !a.action.trim()) return;
      var q = questions[qid] || { task: null, source: "Removed question", url: null };
      var o = overlay["assessment:" + qid] || {};
      out.push({ id: "assessment:" + qid, kind: "assessment", action: a.action, owner: o.owner || "", due: o.due || "",
                 status: o.status || plan.statuses[0], task: q.task || "", source: "Self-assessment, " + (q.source || qid),
                 url: q.url || null });
    });
    plan.tables.forEach(function (t) {
      var doc = null;
      try { doc = sheetTexts[t.key] ? JSON.parse(sheetTexts[t.key]) : null; } catch (e) { doc = null; }
      if (!doc || !doc.records) return;
      rowsOf(doc, { id: t.table, fixed: [] }).forEach(function (r) {
        if (!r.values.action || !r.values.action.trim()) return;
        out.push({ id: "worksheet:" + t.sheet + ":" + t.table + ":" + r.id, kind: "worksheet", sheet: t.sheet, table: t.table,
                   row: r.id, key: t.key, action: r.values.action, owner: r.values.owner || "", due: r.values.due || "",
                   status: r.values.status || plan.statuses[0], task: t.task, source: t.sheet_title + ", " + t.title, url: t.url });
      });
    });
    return out;
  }

  function taskOrder(task) {
    var bits = String(task || "99.9").split(".");
    return Number(bits[0]) * 100 + Number(bits[1] || 0);
  }

  function sortActions(actions, key, direction, statuses) {
    var sign = direction === "descending" ? -1 : 1;
    function value(a) {
      if (key === "task") return taskOrder(a.task);
      if (key === "status") return statuses.indexOf(a.status);
      if (key === "due") return a.due || "9999";
      return String(a[key] || "").toLowerCase();
    }
    return actions.slice().sort(function (a, b) {
      var x = value(a), y = value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * sign || (a.id < b.id ? -1 : 1);
    });
  }

  function planCSV(actions) {
    var keys = ["action", "owner", "due", "status", "task", "source", "id"];
    var lines = [["Action", "Owner", "Due", "Status", "Task", "From", "Source ID"].map(csvCell).join(",")];
    actions.forEach(function (a) { lines.push(keys.map(function (k) { return csvCell(a[k]); }).join(",")); });
    return lines.join("\r\n") + "\r\n";
  }

  function planExport(actions, now) {
    return { format: PLAN_FORMAT, schema_version: SCHEMA_VERSION, exported: now,
             actions: actions.map(function (a) { return { id: a.id, action: a.action, owner: a.owner, due: a.due, status: a.status, task: a.task, source: a.source }; }) };
  }

  return { FORMAT: FORMAT, PLAN_FORMAT: PLAN_FORMAT, SCHEMA_VERSION: SCHEMA_VERSION, emptyDoc: emptyDoc,
           mergeRecords: mergeRecords, parseDoc: parseDoc, applyChange: applyChange, fieldValue: fieldValue,
           rowsOf: rowsOf, nextOrder: nextOrder, newRowId: newRowId, answerCount: answerCount,
           parseImport: parseImport, exportDoc: exportDoc, csvCell: csvCell, tableCSV: tableCSV,
           parseCSV: parseCSV, csvRows: csvRows, gatherActions: gatherActions, sortActions: sortActions,
           planCSV: planCSV, planExport: planExport };
});
