/* A worksheet page: fill in, add and remove rows (with Undo), export and import (combine or
   replace), earlier versions. Storage is the data layer's (data-layer.js); the controls are
   bound to its fields by data-view.js, which saves as the user types and shows other tabs'
   changes live. Text from storage or files is only ever set as values or textContent. */
// @ts-check
(function () {
  "use strict";
  var loaded = { Core: window.WorksheetCore, Layer: window.DataLayer, View: window.DataLayerView,
                 form: document.querySelector("[data-worksheet]"), modelNode: document.getElementById("worksheet-model"),
                 status: document.getElementById("ws-status") };
  if (!loaded.form || !loaded.modelNode || !loaded.status || !loaded.Core || !loaded.Layer || !loaded.View) return;
  var Core = loaded.Core, Layer = loaded.Layer, View = loaded.View, form = loaded.form, status = loaded.status;
  /** @type {WorksheetModel} */
  var model = JSON.parse(String(loaded.modelNode.textContent));
  var contract = model.storage, limits = contract.limits;
  // This tab's workspace (workspace.js); version 0.1.0's key belongs to the default one.
  var WS = window.Workspaces ? window.Workspaces.current(window, contract, Layer) : null;
  var tool = WS ? WS.tool(model.tool) : model.tool, OLD_KEYS = !WS || WS.isDefault;
  /** @type {Record<string, WorksheetTable>} */
  var tables = Layer.dict();
  model.parts.forEach(function (p) { if (p.kind === "table") tables[p.id] = p; });
  // A column as the page names it, by the English heading that CSV files and problems give.
  /** @type {Record<string, string>} */
  var headingLabels = Layer.dict();
  Object.keys(tables).forEach(function (id) { tables[id].columns.forEach(function (c) { headingLabels[c.heading] = c.label; }); });

  // The page's language: the model carries the browser's messages translated (English text as
  // the key); any missing stays English.
  /** @param {string} text */
  function t(text) { return (model.strings && model.strings[text]) || text; }
  /** @param {string} text @param {Record<string, unknown>} values */
  function tf(text, values) {
    var out = t(text);
    Object.keys(values).forEach(function (k) { out = out.split("{" + k + "}").join(String(values[k])); });
    return out;
  }

  // Dates and numbers in the page's language (data-view.js, which every tool's page loads).
  var Lang = View.formats(document);

  /** @param {string} text @param {boolean} [problem] @param {HTMLElement} [button] */
  function say(text, problem, button) {
    status.textContent = text;
    status.classList.toggle("ws-status--problem", !!problem);
    if (button) { status.appendChild(document.createTextNode(" ")); status.appendChild(button); }
  }

  /** @param {string} label @param {() => void} onClick @param {Record<string, string>} [attrs] */
  function button(label, onClick, attrs) {
    var b = document.createElement("button"), values = attrs || {};
    b.type = "button";
    b.className = "md-button";
    b.textContent = label;
    Object.keys(values).forEach(function (k) { b.setAttribute(k, values[k]); });
    b.addEventListener("click", onClick);
    return b;
  }

  function notSaving() {
    return t("This browser is not saving: storage is blocked or unavailable (private mode?). Your entries stay on this page only: export them before you leave.");
  }

  function full() {
    return t("Not saved: this browser's storage is full. Nothing you typed is lost while this page stays open: export (JSON) now, then free some space.");
  }

  /** @type {SaveReport["problem"] | null} */
  var failing = null;    // the problem last said, so that retries do not redraw it (and its button) again and again
  /** @param {{ ok: boolean, problem?: SaveReport["problem"], saved?: number }} result */
  function saveReport(result) {
    if (result.ok) { failing = null; if (result.saved) say(tf("Saved in this browser at {time}.", { time: Lang.time(new Date()) })); return; }
    if (failing === result.problem && status.classList.contains("ws-status--problem")) return;
    failing = result.problem;
    say(result.problem === "unavailable" ? notSaving() : full(), true, exportButton());
  }

  var layer = Layer.open({ contract: contract, win: window });
  var view = View.create({ layer: layer, win: window, t: t, saveAfter: contract.save_after_ms, retryAfter: contract.retry_after_ms,
                           maxText: limits.text, report: saveReport });

  // --- drawing -----------------------------------------------------------------------------
  /* The control in a cell (or the first of a row): every cell the page or makeRow() draws holds
     one, made by input() or by the page's template. */
  /** @param {ParentNode | null} root @returns {ViewControl} */
  function control(root) { return /** @type {ViewControl} */ (must(must(root).querySelector("input, textarea, select"))); }

  /* An element the page's template or this script always draws: one missing is a bug here. */
  /** @template T @param {T | null} node @returns {T} */
  function must(node) {
    if (!node) throw new Error("worksheet.js: an element of the page is missing");
    return node;
  }

  /** @param {WorksheetColumn} column @param {string} id @param {string} label @returns {FieldControl} */
  function input(column, id, label) {
    /** @type {FieldControl} */
    var el;
    if (column.kind === "long") { el = document.createElement("textarea"); el.rows = 2; }
    else if (column.kind === "choice") {
      el = document.createElement("select");
      // Stored and exported as the English choice; shown as the page's language names it.
      [""].concat(column.options).forEach(function (o, i) {
        var opt = document.createElement("option");
        opt.value = o; opt.textContent = i ? column.labels[i - 1] : "";
        el.appendChild(opt);
      });
    } else {
      el = document.createElement("input");
      el.type = column.kind === "date" ? "date" : "text";
    }
    el.id = id;
    el.setAttribute("aria-label", label);
    return el;
  }

  /** @param {WorksheetTable} table @param {string} id */
  function makeRow(table, id) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-row", id);
    table.columns.forEach(function (col) {
      var td = document.createElement("td");
      td.setAttribute("data-cell", col.id);
      td.appendChild(input(col, "ws-" + table.id + "-" + id + "-" + col.id, col.label));
      tr.appendChild(td);
    });
    if (table.score && table.score.length) {    // computed by worksheet-derived.js, never stored
      var score = document.createElement("td");
      score.className = "ws-score";
      score.setAttribute("data-score", "");
      score.appendChild(document.createElement("output"));
      tr.appendChild(score);
    }
    var td = document.createElement("td");
    td.className = "ws-noprint";
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "ws-remove";
    remove.setAttribute("data-remove-row", id);
    remove.textContent = t("Remove");
    td.appendChild(remove);
    tr.appendChild(td);
    return tr;
  }

  /** @param {WorksheetTable} table @param {Element} tr @param {string} id */
  function bindRow(table, tr, id) {
    table.columns.forEach(function (col) {
      view.bind(control(tr.querySelector("[data-cell=\"" + col.id + "\"]")), tool, "r:" + table.id + ":" + id, col.id);
    });
  }

  /** @type {Record<string, Record<string, Element>>} */
  var rowsShown = Layer.dict();   // table id -> row id -> tr, for the tables people add rows to
  /** @type {Record<string, boolean>} */
  var removedHere = Layer.dict(); // rows this page removed: if one comes back, say why

  /* Rows are kept, added, removed and reordered in place, never redrawn: an element someone is
     typing into is never replaced. A row removed elsewhere stays while someone here is typing
     in it (their text then brings it back) or has the cursor in it. Linear in the rows. */
  /** @param {WorksheetTable} table @param {SheetRow[]} rows */
  function drawRows(table, rows) {
    var body = must(document.querySelector("#ws-" + table.id + " tbody"));
    var shown = rowsShown[table.id] || (rowsShown[table.id] = Layer.dict());
    var wanted = Layer.dict(), gone = 0;
    rows.forEach(function (r) { wanted[r.id] = true; });
    // Rows removed elsewhere go first, so that the rows after them need not move.
    Object.keys(shown).forEach(function (id) {
      if (wanted[id] || view.holds(shown[id])) return;
      Array.prototype.forEach.call(shown[id].querySelectorAll("input, textarea, select"), view.unbind);
      shown[id].remove();
      delete shown[id];
      gone += 1;
    });
    var trs = rows.map(function (r) {
      if (Layer.own(removedHere, r.record)) {
        delete removedHere[r.record];
        say(t("A row you removed is back: someone was typing in it in another tab or window, and their text is kept. Remove it again if it should go."));
      }
      var tr = shown[r.id];
      if (!tr) { tr = shown[r.id] = makeRow(table, r.id); bindRow(table, tr, r.id); }
      else syncRow(table, tr, r.id);
      return tr;
    });
    placeRows(body, trs);
    trs.forEach(function (tr, n) {
      Array.prototype.forEach.call(tr.querySelectorAll("[data-cell]"), function (td, i) {
        control(td).setAttribute("aria-label", tf("{column}, row {n}", { column: table.columns[i].label, n: n + 1 }));
      });
      must(tr.querySelector(".ws-remove")).setAttribute("aria-label", tf("Remove row {n} of {table}", { n: n + 1, table: table.title }));
    });
    /** @type {HTMLButtonElement | null} */
    var add = document.querySelector("[data-add-row=\"" + table.id + "\"]");
    if (add) add.disabled = rows.length >= limits.rows;
    return gone;
  }

  /* Put the rows in order, never moving the one with the cursor in it: moving an element out of
     the page and back takes the cursor out of it, and what the user types next goes nowhere
     (another tab removing a row above the one someone types in moved every row below it). The
     rows before it are placed before it, the rows after it after it; a row already in place
     stays. */
  /** @param {Element} body @param {Element[]} trs */
  function placeRows(body, trs) {
    var active = document.activeElement, pin = -1;
    trs.forEach(function (tr, i) { if (active && tr.contains(active)) pin = i; });
    if (pin < 0) {
      var prev = /** @type {Element | null} */ (null);
      trs.forEach(function (tr) {
        var at = prev ? prev.nextSibling : body.firstChild;
        if (at !== tr) body.insertBefore(tr, at);
        prev = tr;
      });
      return;
    }
    for (var i = pin - 1; i >= 0; i--) if (trs[i + 1].previousSibling !== trs[i]) body.insertBefore(trs[i], trs[i + 1]);
    for (var j = pin + 1; j < trs.length; j++) if (trs[j - 1].nextSibling !== trs[j]) body.insertBefore(trs[j], trs[j - 1].nextSibling);
  }

  function draw() {
    var state = layer.state(tool), gone = 0;
    var named = /** @type {ViewControl | null} */ (document.querySelector("[data-partnership]"));
    if (named) { if (named._dl) view.sync(named); else view.bind(named, tool, "f:" + model.file.partnership, "value"); }
    model.parts.forEach(function (p) {
      if (p.kind === "field") {
        var el = /** @type {ViewControl} */ (must(document.getElementById("ws-f-" + p.id)));   // the template's control of the field
        if (el._dl) view.sync(el); else view.bind(el, tool, "f:" + p.id, "value");
        return;
      }
      if (!p.fixed.length) { gone += drawRows(p, Core.rowsOf(state, p)); return; }
      p.fixed.forEach(function (f) {
        var tr = form.querySelector("#ws-" + p.id + " tr[data-row=\"" + CSS.escape(f.id) + "\"]");
        if (tr) syncRow(p, tr, f.id);
      });
    });
    if (window.PrintValues) window.PrintValues.refresh();   // the printed copies follow rows added, removed or changed elsewhere
    // What the page computes from the answers (scores, grids, a draft: worksheet-derived.js) follows.
    form.dispatchEvent(new CustomEvent("worksheet-drawn"));
    return gone;
  }

  /* A row's controls show what is stored; a control not bound yet is bound. */
  /** @param {WorksheetTable} table @param {Element} tr @param {string} id */
  function syncRow(table, tr, id) {
    table.columns.forEach(function (col) {
      var el = control(tr.querySelector("[data-cell=\"" + col.id + "\"]"));
      if (el._dl) view.sync(el); else view.bind(el, tool, "r:" + table.id + ":" + id, col.id);
    });
  }

  /* Rows typed into before this script ran (the page offers three blank rows per table) become
     rows, with what was typed: data-view takes the text in as typed. */
  function adoptBlankRows() {
    /** @type {{ table: WorksheetTable, record: string }[]} */
    var ops = [];
    Array.prototype.forEach.call(form.querySelectorAll("tr.ws-blank"), function (tr) {
      var table = tables[tr.closest("[data-table]").getAttribute("data-table")];
      var typed = Array.prototype.some.call(tr.querySelectorAll("input, textarea, select"), function (el) { return el.value !== ""; });
      if (!typed) { tr.remove(); return; }
      var id = Core.newRowId(layer.now(), Math.random()), shown = rowsShown[table.id] || (rowsShown[table.id] = Layer.dict());
      tr.classList.remove("ws-blank");
      tr.setAttribute("data-row", id);
      var remove = tr.lastElementChild;
      var b = document.createElement("button");
      b.type = "button"; b.className = "ws-remove"; b.setAttribute("data-remove-row", id); b.textContent = t("Remove");
      remove.appendChild(b);
      shown[id] = tr;
      bindRow(table, tr, id);
      ops.push({ table: table, record: "r:" + table.id + ":" + id });
    });
    var state = layer.state(tool), order = /** @type {Record<string, number>} */ (Layer.dict());
    ops.forEach(function (o) {
      if (!(o.table.id in order)) order[o.table.id] = Core.nextOrder(state, o.table);
      layer.write(tool, [{ record: o.record, field: "@order", value: order[o.table.id]++, base: [] }]);
    });
  }

  // --- rows --------------------------------------------------------------------------------
  /** @param {WorksheetTable} table */
  function addRow(table) {
    var state = layer.state(tool);
    if (Core.rowsOf(state, table).length >= limits.rows) { say(tf("Not added: a table holds at most {max} rows.", { max: limits.rows }), true); return; }
    var id = Core.newRowId(layer.now(), Math.random());
    var result = layer.write(tool, [{ record: "r:" + table.id + ":" + id, field: "@order", value: Core.nextOrder(state, table), base: [] }]);
    if (!result.ok) { say(result.problem === "unavailable" ? notSaving() : t("No row added: this browser's storage is full. Export (JSON) now, then free some space."), true, exportButton()); return; }
    draw();
    var tr = rowsShown[table.id][id];
    if (tr) control(tr).focus();
  }

  /** @param {string[]} records */
  function undoButton(records) {
    return button(t("Undo"), function () {
      var state = layer.state(tool);
      var ops = records.filter(function (r) { return Layer.own(state.records, r) && Layer.own(state.records[r], "@deleted"); })
        .map(function (r) { return { record: r, field: "@deleted", value: "", base: Layer.headIds(state.records[r]["@deleted"]) }; });
      var result = layer.write(tool, ops);
      if (!result.ok) { saveReport(result); return; }
      records.forEach(function (r) { delete removedHere[r]; });
      draw();
      say(t("The row is back."));
    }, { "data-undo": "" });
  }

  /** @param {WorksheetTable} table @param {string} id */
  function removeRow(table, id) {
    view.flush();     // what was typed in the row is stored first, so that the removal has seen it (and Undo brings it back)
    var state = layer.state(tool), record = "r:" + table.id + ":" + id;
    var rec = Layer.own(state.records, record) ? state.records[record] : /** @type {LayerRecord} */ (Layer.dict());
    var result = layer.write(tool, [{ record: record, field: "@deleted", value: true, base: Layer.headIds(rec["@deleted"] || null), seen: Layer.cellHeads(rec) }]);
    if (!result.ok) { saveReport(result); return; }
    var tr = rowsShown[table.id] && rowsShown[table.id][id], active = document.activeElement;
    if (tr && active instanceof HTMLElement && tr.contains(active)) active.blur();
    draw();
    removedHere[record] = true;
    say(t("Row removed."), false, undoButton([record]));
  }

  // --- files -------------------------------------------------------------------------------
  /** @param {string} name @param {string} text @param {string} type */
  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /* What is stored plus what this page has not stored yet: an export leaves nothing out. */
  function current() {
    return Layer.overlay(layer.state(tool), view.pending().filter(function (p) { return p.tool === tool; }), layer.now());
  }

  function exportJSON() {
    download(model.id + ".json", JSON.stringify(Core.exportDoc(model, current(), layer.now()), null, 1), "application/json");
  }

  function exportButton() { return button(t("Export (JSON)"), exportJSON); }

  /* Word or Excel of what is typed (office-files.js loads its library only now); "draft": the
     worksheet's draft document (the partnering agreement), in Word. */
  /** @param {OfficeFileKind | "draft"} kind */
  function officeFile(kind) {
    var Office = window.OfficeFiles, Describe = window.WorksheetOffice;
    if (!Office || !Describe) return;
    var doc = kind === "draft" ? Describe.describeDraft(model, current(), layer.now()) : Describe.describe(model, current(), layer.now());
    if (!doc) return;
    var paper = /** @type {HTMLSelectElement | null} */ (document.querySelector("[data-paper]"));
    say(t("Making the file…"));
    Office.download(doc, kind === "draft" ? "docx" : kind, paper && paper.value === "Letter" ? "Letter" : "A4").then(
      function (name) { say(tf("Made {file}: it holds what you typed.", { file: name })); },
      function () { say(t("The file could not be made in this browser. Export (JSON) to keep your work, or print the worksheet."), true, exportButton()); });
  }

  /* The partnership's name at the top of every printed page, beside the worksheet's title that
     the page's own style prints. A constructed style sheet: the page's policy allows no inline
     style that it did not write. */
  var printedName = (function () {
    try {
      var sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
      return sheet;
    } catch (e) { return null; }
  })();
  function printHeader() {
    if (!printedName) return;
    var name = Core.fieldValue(current(), model.file.partnership);
    // A CSS string holds any text once quotes, backslashes and line ends are escaped.
    var quoted = "\"" + name.replace(/\\/g, "\\\\").replace(/"/g, "\\\"").replace(/[\n\r\f]/g, " ") + "\"";
    printedName.replaceSync("@media print { @page { @top-right { content: " + quoted + "; } } }");
  }
  function printed() {
    printHeader();
    if (window.PrintValues) window.PrintValues.refresh();
  }

  /** @param {number} bytes */
  function size(bytes) { return bytes % (1024 * 1024) === 0 ? tf("{n} MB", { n: Lang.number(bytes / 1024 / 1024) }) : tf("{n} KB", { n: Lang.number(Math.round(bytes / 1024)) }); }

  /** @param {string} id */
  function partLabel(id) {
    var p = model.parts.filter(function (x) { return x.id === id; })[0];
    return p ? (p.kind === "field" ? p.label : p.title) : id;
  }

  /** @param {string} tableId @param {string} column */
  function columnLabel(tableId, column) {
    var table = tables[tableId], c = table && table.columns.filter(function (x) { return x.id === column; })[0];
    return c ? c.label : column;
  }

  /* Where a problem or a conflict is, in words. */
  /** @param {ProblemPlace} at */
  function where(at) {
    if (at.field) return tf("the answer to “{field}”", { field: partLabel(at.field) });
    if (at.table) return tf("column “{column}” of row {row} in “{table}”", { column: columnLabel(at.table, at.column), row: at.row, table: partLabel(at.table) });
    var heading = at.column === undefined ? "" : at.column;
    return tf("line {line}, “{column}”", { line: at.line, column: Layer.own(headingLabels, heading) ? headingLabels[heading] : heading });
  }

  /** @param {WorksheetProblem} p @returns {string} */
  function problemText(p) {
    switch (p.code) {
      case "unreadable": return t("The file could not be read.");
      case "too-large": return tf("The file is larger than {max}.", { max: size(p.max) });
      case "not-json": return t("The file is not JSON.");
      case "not-object": return t("The file does not contain a worksheet (expected a JSON object).");
      case "wrong-format": return t("This is not a Partnering Guidelines worksheet file (its “format” field is missing or different).");
      case "newer-schema": return tf("The file was made by a newer or unknown version of the toolkit (schema {schema}); this copy reads schema {reads}.", p);
      case "other-worksheet": return tf("This file is the worksheet “{worksheet}”, not “{expected}”. Import it on its own page.", p);
      case "no-records": return t("The file has no records object.");
      case "bad-record": return tf("Record “{record}” is not valid.", p);
      case "value-not-text": return tf("In the file, {where} is not text.", { where: where(p.at) });
      case "value-too-long": return tf("In the file, {where} is longer than {max} characters.", { where: where(p.at), max: p.max });
      case "value-not-choice": return tf("In the file, {where} is “{value}”, which is not one of its choices.", { where: where(p.at), value: p.value });
      case "value-not-date": return tf("In the file, {where} is not a date (YYYY-MM-DD).", { where: where(p.at) });
      case "too-many-rows": return tf("The table “{table}” would have {rows} rows: a table holds at most {max}.", { table: partLabel(p.table), rows: p.rows, max: p.max });
      case "csv-too-many-rows": return tf("The file has more than {max} rows: a table holds at most {max}.", p);
      case "csv-not-csv": return t("The file is not CSV, or it is empty.");
      case "csv-columns": return tf("The first line must name the columns of “{table}” (export the table to see the layout).", p);
      case "csv-row-unknown": return tf("Line {line}: row “{row}” is not one of this table's rows.", p);
      case "csv-row-id": return tf("Line {line}: the row id is not valid.", p);
      default: return unhandled(p);
    }
  }

  /* A problem with no message above: tsc refuses it (every code of WorksheetProblem has one);
     should one come all the same, the page says so with its code. */
  /** @param {never} p @returns {string} */
  function unhandled(p) { return tf("The file cannot be used ({code}).", { code: String(/** @type {{ code?: unknown }} */ (p).code) }); }

  /** @param {WorksheetProblem[]} problems */
  function refuse(problems) {
    say(tf("Not imported: {errors} Your worksheet is unchanged.", { errors: problems.map(problemText).join(" ") }), true);
  }

  /** @param {HTMLInputElement} inputEl @param {number} max @param {(text: string, name: string) => void} done */
  function readFile(inputEl, max, done) {
    var file = inputEl.files && inputEl.files[0];
    inputEl.value = "";
    if (!file) return;
    if (file.size > max) { refuse([{ code: "too-large", max: max }]); return; }
    var reader = new FileReader(), name = file.name;
    reader.onload = function () { done(String(reader.result), name); };
    reader.onerror = function () { refuse([{ code: "unreadable" }]); };
    reader.readAsText(file);
  }

  /* Ask: combine (per field the newer wins) or replace? Only when there is something to lose. */
  /** @param {string} name @param {(choice: "into-empty" | "combine" | "replace") => void} done */
  function ask(name, done) {
    if (!Core.answerCount(current(), model)) { done("into-empty"); return; }
    var box = must(document.getElementById("ws-import-choice"));
    box.textContent = "";
    var q = document.createElement("p");
    q.textContent = tf("Import {file}: combine it with your worksheet (where both have a different answer, the newer is kept) or replace your worksheet with it? Either way your worksheet as it is now is kept under “Earlier versions”.", { file: name });
    box.appendChild(q);
    /** @type {["combine" | "replace" | null, string][]} */
    var choices = [["combine", t("Combine")], ["replace", t("Replace")], [null, t("Cancel")]];
    choices.forEach(function (pair) {
      box.appendChild(button(pair[1], function () { box.hidden = true; box.textContent = ""; if (pair[0]) done(pair[0]); },
                             { "data-import-mode": pair[0] || "cancel" }));
      box.appendChild(document.createTextNode(" "));
    });
    box.hidden = false;
    must(box.querySelector("button")).focus();
  }

  /** @param {string | undefined} problem */
  function historyProblem(problem) {
    return problem === "history-full" ?
      t("Not imported: there is no room left for earlier versions of this worksheet. Download and delete some under “Earlier versions”, then try again. Nothing was changed.") :
      problem === "unavailable" ? notSaving() :
      t("Not imported: a copy of your current worksheet could not be kept first (storage full). Nothing was changed. Export your work, free some space and try again.");
  }

  /** @param {HistorySnapshot[]} dropped */
  function droppedText(dropped) {
    return dropped.map(function (s) { return " " + tf("To make room, the earlier version of {date} was removed from this browser.", { date: when(s.when) }); }).join("");
  }

  /* Import records (from a file or an earlier version), after storing what was typed and keeping
     the worksheet as it is as an earlier version. Per field: combine keeps the newer, replace the
     file's; a field changed here meanwhile by a tab this page had not heard from yet is kept
     beside it (data-layer.js), so even a stale tab's replace loses nothing. */
  /** @param {Incoming} incoming @param {ImportedConflict[]} extra @param {"combine" | "replace"} mode
      @param {SnapshotReason} reason @param {string} [scope]
      @returns {{ ok: true, plan: ImportPlan, dropped: HistorySnapshot[] } | { ok: false, message: string }} */
  function importRecords(incoming, extra, mode, reason, scope) {
    var first = view.flush();
    if (!first.ok) return { ok: false, message: first.problem === "unavailable" ? notSaving() : t("Not imported: what you typed could not be stored first (storage full). Export (JSON) now, free some space and try again.") };
    var state = layer.state(tool), kept = null;
    if (Core.answerCount(state, model)) {
      kept = layer.keepSnapshot(tool, reason, JSON.stringify(Core.exportDoc(model, state, layer.now())), Core.answerCount(state, model));
      if (!kept.ok) return { ok: false, message: historyProblem(kept.problem) };
    }
    /** @type {LayerState} */
    var sub = scope ? { records: Layer.dict() } : state;
    if (scope) Object.keys(state.records).forEach(function (r) { if (r.indexOf(scope) === 0) sub.records[r] = state.records[r]; });
    var plan = Layer.importOps(sub, incoming, mode, Core.isRowRecord);
    (extra || []).forEach(function (c) {     // the other versions of fields the file holds
      // Its time as the file gives it: a version's time that is not one reads as the oldest (parseVersion).
      plan.ops.push({ record: c.record, field: c.field, value: c.value, base: [], time: /** @type {string} */ (c.updated) });
    });
    var after = Layer.overlay(state, plan.ops, layer.now());
    var over = model.parts.filter(/** @param {WorksheetPart} p @returns {p is WorksheetTable} */ function (p) {
      return p.kind === "table" && Core.rowsOf(after, p).length > limits.rows;
    })[0];
    if (over) {
      if (kept) layer.removeSnapshot(tool, kept.snapshot.id);
      return { ok: false, message: tf("Not imported: the table “{table}” would have more than {max} rows. Your worksheet is unchanged.", { table: over.title, max: limits.rows }) };
    }
    var result = layer.write(tool, plan.ops);
    if (!result.ok) {
      if (kept) layer.removeSnapshot(tool, kept.snapshot.id);
      return { ok: false, message: result.problem === "unavailable" ? notSaving() : t("Not imported: this browser's storage is full. Your worksheet is unchanged. Export it, free some space and try again.") };
    }
    draw();
    drawHistory();
    return { ok: true, plan: plan, dropped: kept ? kept.dropped : [] };
  }

  /** @param {FieldConflict[]} conflicts */
  function conflictLines(conflicts) {
    return conflicts.slice(0, 10).map(function (c) {
      var bits = c.record.split(":");
      var at = bits[0] === "f" ? { field: bits[1] } : { table: bits[1], row: bits[2], column: c.field };
      return " " + (c.kept === "theirs" ? tf("Both had {where}: kept the file's (newer).", { where: where(at) }) :
        tf("Both had {where}: kept yours (newer or as new).", { where: where(at) }));
    }).join("");
  }

  /** @param {string} text @param {string} name */
  function importJSON(text, name) {
    var parsed = Core.parseImport(text, model, limits);
    if (parsed.errors) { refuse(parsed.errors); return; }
    var incoming = parsed.incoming, conflicts = parsed.conflicts;
    ask(name, function (choice) {
      /** @type {"combine" | "replace"} */
      var mode = choice === "replace" ? "replace" : "combine";
      var done = importRecords(incoming, conflicts, mode, { code: mode === "replace" ? "before-replace" : "before-combine", file: name });
      if (!done.ok) { say(done.message, true, exportButton()); return; }
      say((choice === "into-empty" ? tf("Imported {file}.", { file: name }) : mode === "replace" ?
        tf("Imported {file} in place of your worksheet. Your previous answers are kept under “Earlier versions”.", { file: name }) :
        tf("Imported {file}, combined with your worksheet. Your previous answers are kept under “Earlier versions”.", { file: name })) +
        conflictLines(done.plan.conflicts) + droppedText(done.dropped));
    });
  }

  /** @param {WorksheetTable} table @param {string} text @param {string} name */
  function importCSV(table, text, name) {
    var parsed = Core.csvRows(text, table, limits);
    if (parsed.errors) { refuse(parsed.errors); return; }
    var rows = parsed.rows;
    ask(name, function (choice) {
      /** @type {"combine" | "replace"} */
      var mode = choice === "replace" ? "replace" : "combine";
      // A spreadsheet has no times: what the file says is the newest (combine updates the rows it names and adds the others).
      var now = layer.now(), incoming = Core.csvIncoming(layer.state(tool), table, rows, function () { return Core.newRowId(now, Math.random()); });
      Object.keys(incoming).forEach(function (r) { Object.keys(incoming[r]).forEach(function (f) { incoming[r][f].time = now; }); });
      var done = importRecords(incoming, [], mode, { code: "before-csv", file: name, table: table.title }, "r:" + table.id + ":");
      if (!done.ok) { say(done.message, true, exportButton()); return; }
      say(tf("Imported {n} rows into “{table}”. The worksheet as it was is kept under “Earlier versions”.", { n: rows.length, table: table.title }) + droppedText(done.dropped));
    });
  }

  // --- earlier versions --------------------------------------------------------------------
  /** @param {string | null | undefined} iso */
  function when(iso) { return (iso && Lang.dateTime(iso)) || t("an unknown date"); }

  /** @param {Partial<SnapshotReason> | null | undefined} r */
  function reasonText(r) {
    r = r || {};
    switch (r.code) {
      case "legacy": return t("As stored by version 0.1.0 of the toolkit");
      case "legacy-snapshot": return tf("Kept by version 0.1.0: {reason}", { reason: r.text || "" });
      case "legacy-unreadable": return t("Stored by version 0.1.0, could not be read (kept as it was)");
      case "before-replace": return tf("Before replacing with {file}", { file: r.file });
      case "before-combine": return tf("Before combining with {file}", { file: r.file });
      case "before-csv": return tf("Before importing {file} into “{table}”", { file: r.file, table: r.table });
      case "before-restore": return tf("Before restoring the version of {date}", { date: when(r.when) });
      default: return t("Kept by another version of the toolkit");
    }
  }

  /** @param {HistorySnapshot} snap */
  function restore(snap) {
    var parsed = Core.parseImport(snap.data, model, limits);
    var incoming = parsed.errors ? Core.legacyIncoming(snap.data) : parsed.incoming;
    if (!incoming) { say(t("That earlier version cannot be read; download it to keep it."), true); return; }
    var done = importRecords(incoming, parsed.errors ? [] : parsed.conflicts, "replace", { code: "before-restore", when: snap.when });
    if (!done.ok) { say(done.message, true, exportButton()); return; }
    say(tf("Restored the version kept {date}. The one it replaced is kept too.", { date: when(snap.when) }) + droppedText(done.dropped));
  }

  function drawHistory() {
    var target = document.querySelector("[data-history]");
    if (!target) return;
    target.textContent = "";
    var list = layer.snapshots(tool);
    if (!list.length) {
      var p = document.createElement("p");
      p.textContent = t("None yet: one is kept each time an import or a restore replaces answers.");
      target.appendChild(p);
      return;
    }
    var table = document.createElement("table");
    table.className = "ws-table ws-history-table";
    var head = document.createElement("tr");
    [t("Kept on"), t("Why"), t("Answers"), t("Restore or download")].forEach(function (h) { var th = document.createElement("th"); th.scope = "col"; th.textContent = h; head.appendChild(th); });
    var thead = document.createElement("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var body = document.createElement("tbody");
    list.forEach(function (snap) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-snapshot", snap.id);
      [when(snap.when), reasonText(snap.reason), snap.count ? Lang.number(snap.count) : ""].forEach(function (text) { var td = document.createElement("td"); td.textContent = text; tr.appendChild(td); });
      var td = document.createElement("td");
      td.appendChild(button(t("Restore"), function () { restore(snap); }, { "data-restore": snap.id }));
      td.appendChild(button(t("Download"), function () {
        download(model.id + "-" + (snap.when || "undated").slice(0, 19).replace(/[^0-9T]/g, "-") + ".json", snap.data, "application/json");
      }, { "data-download": snap.id }));
      td.appendChild(button(t("Delete"), function () {
        if (!window.confirm(tf("Delete the earlier version of {date} from this browser? Download it first to keep it.", { date: when(snap.when) }))) return;
        layer.removeSnapshot(tool, snap.id);
        drawHistory();
      }, { "data-delete-snapshot": snap.id }));
      tr.appendChild(td);
      body.appendChild(tr);
    });
    table.appendChild(body);
    target.appendChild(table);
  }

  // --- events --------------------------------------------------------------------------------
  view.listen(form);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  // A row kept only because the cursor was in it goes once the cursor leaves.
  form.addEventListener("focusout", function () { setTimeout(draw, 0); });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var add = target.closest("[data-add-row]"), remove = target.closest("[data-remove-row]");
    var csv = target.closest("[data-export-csv]"), office = target.closest("[data-office]");
    var officeKind = office ? office.getAttribute("data-office") : null;
    if (office) officeFile(officeKind === "xlsx" || officeKind === "draft" ? officeKind : "docx");
    else if (add) addRow(tables[String(add.getAttribute("data-add-row"))]);
    else if (remove) removeRow(tables[String(must(remove.closest("[data-table]")).getAttribute("data-table"))], String(remove.getAttribute("data-remove-row")));
    else if (csv) {
      var table = tables[String(csv.getAttribute("data-export-csv"))];
      download(model.id + "-" + table.id + ".csv", "\uFEFF" + Core.tableCSV(table, Core.rowsOf(current(), table)), "text/csv");
    } else if (target.closest("[data-export-json]")) {
      exportJSON();
      say(tf("Exported {file}.", { file: model.id + ".json" }));
    }
  });

  document.addEventListener("change", function (event) {
    var el = event.target;
    if (!(el instanceof HTMLInputElement)) return;
    if (el.matches("[data-import-json]")) readFile(el, limits.import_bytes, importJSON);
    else if (el.matches("[data-import-csv]")) {
      var table = tables[String(el.getAttribute("data-import-csv"))];
      readFile(el, limits.csv_bytes, function (text, name) { importCSV(table, text, name); });
    }
  });

  // Registered first: a page restored by the Back button reads again before anything else.
  function adoptLegacy() { return !OLD_KEYS || Core.adoptLegacyWorksheet(layer, contract, model.id, tool); }

  layer.watch(function (reason) {
    adoptLegacy();      // an older copy of the toolkit may still write its key (file:// pages of every copy share one storage)
    var gone = draw();
    drawHistory();
    printed();
    view.retry();
    if (gone && reason === "storage") say(t("A row was removed in another tab or window."), false);
  });

  var moved = adoptLegacy();
  adoptBlankRows();
  draw();
  drawHistory();
  printed();
  window.addEventListener("beforeprint", printHeader);
  form.addEventListener("input", printHeader);
  Array.prototype.forEach.call(document.querySelectorAll("[data-office]"), function (/** @type {HTMLButtonElement} */ b) { b.disabled = !window.OfficeFiles; });
  View.ready(document);
  form.classList.add("worksheet--ready");
  if (!layer.available) say(notSaving(), true, exportButton());
  else if (!moved) say(t("Your answers saved by the previous version of the toolkit could not be moved yet (storage full): they are kept as they were. Free some space and open this page again."), true);
  else if (!layer.writable()) say(full(), true, exportButton());
  else if (Core.answerCount(layer.state(tool), model)) say(t("Your answers saved in this browser are shown."));
})();
