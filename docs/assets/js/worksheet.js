/* A worksheet page: fill in, add and remove rows, autosave, export and import. What the page
   shows is always the stored state plus this page's changes not yet stored (kept through a
   failed write and included in exports); it is re-read when another tab writes, when the page
   comes back with the Back button, and when the tab is shown again. Text from storage or files
   is only ever set as values or textContent, never as HTML. */
(function () {
  "use strict";
  var Core = window.WorksheetCore, Store = window.WorksheetStore;
  var form = document.querySelector("[data-worksheet]");
  var modelNode = document.getElementById("worksheet-model");
  if (!form || !modelNode || !Core || !Store) return;
  var model = JSON.parse(modelNode.textContent);
  var store = Store.open(model.key);
  var status = document.getElementById("ws-status");
  var pending = [];        // changes this page made that could not be stored yet
  var tables = {};
  model.parts.forEach(function (p) { if (p.kind === "table") tables[p.id] = p; });

  // The page's language: the model carries the browser's messages translated (English text as
  // the key); any missing stays English.
  function t(text) { return (model.strings && model.strings[text]) || text; }
  function tf(text, values) {
    var out = t(text);
    Object.keys(values).forEach(function (k) { out = out.split("{" + k + "}").join(String(values[k])); });
    return out;
  }

  function now() { return new Date().toISOString(); }

  function say(text, problem) {
    status.textContent = text;
    status.classList.toggle("ws-status--problem", !!problem);
  }

  function storedDoc() {
    var text = store.read();
    var doc = Core.parseDoc(text, model);
    return doc || Core.emptyDoc(model);
  }

  function currentDoc() {
    return pending.reduce(function (doc, c) { return Core.applyChange(doc, c.change, c.when); }, storedDoc());
  }

  /* Apply changes to the latest stored text and write it back; on failure keep them pending. */
  function commit(changes) {
    pending = pending.concat(changes);
    var todo = pending;
    var result = store.update(function (text) {
      var doc = Core.parseDoc(text, model);
      if (!doc) {
        if (!store.snapshot("stored worksheet that could not be read", text, now())) return null;
        doc = Core.emptyDoc(model);
      }
      todo.forEach(function (c) { doc = Core.applyChange(doc, c.change, c.when); });
      return JSON.stringify(doc);
    });
    if (result.ok) {
      pending = [];
      say(tf("Saved in this browser at {time}.", { time: new Date().toLocaleTimeString() }));
    } else if (result.problem === "unavailable") {
      say(t("This browser is not saving: storage is blocked or unavailable (private mode?). Your entries stay on this page only: export them before you leave."), true);
    } else {
      say(t("Not saved: this browser's storage is full. Nothing you typed is lost while this page stays open: export (JSON) now, then free some space."), true);
    }
  }

  function change(c) { commit([{ change: c, when: now() }]); }

  // --- drawing -----------------------------------------------------------------------------
  /* The element being typed into keeps its value (it is saved on every keystroke) unless an
     import or restore replaces everything. */
  function setValue(el, value, force) {
    if (el && (force || el !== document.activeElement) && el.value !== value) el.value = value;
  }

  function input(column, id, label) {
    var el;
    if (column.kind === "long") { el = document.createElement("textarea"); el.rows = 2; }
    else if (column.kind === "choice") {
      el = document.createElement("select");
      [""].concat(column.options).forEach(function (o) {
        var opt = document.createElement("option");
        opt.value = o; opt.textContent = o;
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

  function makeRow(table, id) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-row", id);
    table.columns.forEach(function (col) {
      var td = document.createElement("td");
      td.setAttribute("data-cell", col.id);
      td.appendChild(input(col, "ws-" + table.id + "-" + id + "-" + col.id, col.heading));
      tr.appendChild(td);
    });
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

  /* Rows are kept, added, removed and reordered in place, never redrawn: an element someone
     is typing into is never replaced because another tab changed the table. */
  function drawRows(table, rows) {
    var body = document.querySelector("#ws-" + table.id + " tbody");
    var existing = {};
    Array.prototype.forEach.call(body.querySelectorAll("tr[data-row]"), function (tr) { existing[tr.getAttribute("data-row")] = tr; });
    var wanted = {};
    rows.forEach(function (r, n) {
      wanted[r.id] = true;
      var tr = existing[r.id] || makeRow(table, r.id);
      if (body.children[n] !== tr) body.insertBefore(tr, body.children[n] || null);
      table.columns.forEach(function (col) {
        tr.querySelector("[data-cell=\"" + col.id + "\"] input, [data-cell=\"" + col.id + "\"] textarea, [data-cell=\"" + col.id + "\"] select")
          .setAttribute("aria-label", col.heading + ", row " + (n + 1));
      });
      tr.querySelector(".ws-remove").setAttribute("aria-label", tf("Remove row {n} of {table}", { n: n + 1, table: table.title }));
    });
    Object.keys(existing).forEach(function (id) { if (!wanted[id]) existing[id].remove(); });
  }

  function draw(force) {
    var doc = currentDoc();
    model.parts.forEach(function (p) {
      if (p.kind === "field") { setValue(document.getElementById("ws-f-" + p.id), Core.fieldValue(doc, p.id), force); return; }
      var rows = Core.rowsOf(doc, p);
      if (!p.fixed.length) drawRows(p, rows);
      rows.forEach(function (r) {
        var tr = form.querySelector("#ws-" + p.id + " tr[data-row=\"" + CSS.escape(r.id) + "\"]");
        if (!tr) return;
        p.columns.forEach(function (col) {
          var td = tr.querySelector("[data-cell=\"" + col.id + "\"]");
          setValue(td && td.querySelector("input, textarea, select"), r.values[col.id] || "", force);
        });
      });
    });
  }

  // --- events --------------------------------------------------------------------------------
  function onEdit(event) {
    var el = event.target;
    var fieldWrap = el.closest("[data-field-part]");
    if (fieldWrap) { change({ kind: "field", field: fieldWrap.getAttribute("data-field-part"), value: el.value }); return; }
    var td = el.closest("td[data-cell]"), tr = el.closest("tr[data-row]"), part = el.closest("[data-table]");
    if (!td || !tr || !part) return;
    var table = tables[part.getAttribute("data-table")];
    change({ kind: "cell", table: table.id, row: tr.getAttribute("data-row"), column: td.getAttribute("data-cell"),
             value: el.value, fixed: table.fixed.length > 0, order: Core.nextOrder(currentDoc(), table) });
  }
  form.addEventListener("input", onEdit);
  form.addEventListener("change", function (event) { if (event.target.tagName === "SELECT") onEdit(event); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  document.addEventListener("click", function (event) {
    var add = event.target.closest("[data-add-row]"), remove = event.target.closest("[data-remove-row]");
    var csv = event.target.closest("[data-export-csv]");
    if (add) {
      var table = tables[add.getAttribute("data-add-row")];
      var when = now();
      commit([{ change: { kind: "add", table: table.id, row: Core.newRowId(when), order: Core.nextOrder(currentDoc(), table) }, when: when }]);
      draw();
      var rows = document.querySelectorAll("#ws-" + table.id + " tbody tr");
      var first = rows.length && rows[rows.length - 1].querySelector("input, textarea, select");
      if (first) first.focus();
    } else if (remove) {
      var t = tables[remove.closest("[data-table]").getAttribute("data-table")];
      change({ kind: "remove", table: t.id, row: remove.getAttribute("data-remove-row") });
      draw();
      say(t("Row removed. An earlier version can be restored from “Earlier versions” after an import; a removed row stays removed in every tab."));
    } else if (csv) {
      var tb = tables[csv.getAttribute("data-export-csv")];
      download(model.id + "-" + tb.id + ".csv", "\uFEFF" + Core.tableCSV(tb, Core.rowsOf(currentDoc(), tb)), "text/csv");
    } else if (event.target.closest("[data-export-json]")) {
      download(model.id + ".json", JSON.stringify(Core.exportDoc(model, currentDoc(), now()), null, 1), "application/json");
      say(tf("Exported {file}.", { file: model.id + ".json" }));
    }
  });

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

  function readFile(inputEl, done) {
    var file = inputEl.files && inputEl.files[0];
    inputEl.value = "";
    if (!file) return;
    if (file.size > 1024 * 1024) { say(t("Not imported: the file is larger than 1 MB. Your worksheet is unchanged."), true); return; }
    var reader = new FileReader();
    reader.onload = function () { done(String(reader.result)); };
    reader.onerror = function () { say(t("Not imported: the file could not be read. Your worksheet is unchanged."), true); };
    reader.readAsText(file);
  }

  /* Replace stored records, keeping what was there as a snapshot first. */
  function replaceWith(records, reason, message) {
    var kept = false;
    var result = store.update(function (text) {
      kept = store.snapshot(reason, text, now());
      if (!kept) return null;
      var doc = Core.emptyDoc(model);
      doc.records = records;
      return JSON.stringify(doc);
    });
    if (!kept || !result.ok) { say(t("Not imported: a copy of your current worksheet could not be kept first (storage full or blocked). Nothing was changed. Export your work, free some space and try again."), true); return; }
    pending = [];
    draw(true);
    drawSnapshots();
    say(message);
  }

  form.ownerDocument.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches("[data-import-json]")) {
      readFile(el, function (text) {
        var result = Core.parseImport(text, model);
        if (result.errors) { say(tf("Not imported: {errors} Your worksheet is unchanged.", { errors: result.errors.join(" ") }), true); return; }
        replaceWith(result.records, "before import", t("Imported. Your previous answers are kept under “Earlier versions”."));
      });
    } else if (el.matches("[data-import-csv]")) {
      var table = tables[el.getAttribute("data-import-csv")];
      readFile(el, function (text) {
        var result = Core.csvRows(text, table);
        if (result.errors) { say(tf("Not imported: {errors} Your worksheet is unchanged.", { errors: result.errors.join(" ") }), true); return; }
        if (!store.snapshot("before importing CSV into " + table.title, store.read(), now()) && store.available) {
          say(t("Not imported: a copy of your current worksheet could not be kept first. Nothing was changed."), true); return;
        }
        var order = Core.nextOrder(currentDoc(), table), existing = {};
        Core.rowsOf(currentDoc(), table).forEach(function (r) { existing[r.id] = true; });
        var changes = [];
        result.rows.forEach(function (r) {
          var when = now();
          var id = r.id && existing[r.id] ? r.id : (table.fixed.length ? r.id : Core.newRowId(when, Math.random()));
          if (!existing[id] && !table.fixed.length) changes.push({ change: { kind: "add", table: table.id, row: id, order: order++, values: r.values }, when: when });
          else Object.keys(r.values).forEach(function (c) { changes.push({ change: { kind: "cell", table: table.id, row: id, column: c, value: r.values[c], fixed: true }, when: when }); });
        });
        commit(changes);
        draw(true);
        drawSnapshots();
        say(tf("Imported {n} rows into “{table}”. The worksheet as it was is kept under “Earlier versions”.", { n: result.rows.length, table: table.title }));
      });
    } else if (el.matches("[data-restore]") && el.value !== "") {
      var snap = store.snapshots()[Number(el.value)];
      el.value = "";
      var doc = snap && Core.parseDoc(snap.data, model);
      if (!doc) { say(t("That earlier version cannot be read."), true); return; }
      replaceWith(doc.records, "before restoring an earlier version", tf("Restored the version kept {date}. The one it replaced is kept too.", { date: snap.when }));
    }
  });

  function drawSnapshots() {
    var select = document.querySelector("[data-restore]");
    if (!select) return;
    while (select.options.length > 1) select.remove(1);
    store.snapshots().forEach(function (s, n) {
      var opt = document.createElement("option");
      opt.value = String(n);
      opt.textContent = (s.when || "").replace("T", " ").slice(0, 19) + " — " + s.reason;
      select.appendChild(opt);
    });
  }

  store.watch(function () { draw(); drawSnapshots(); });
  form.querySelectorAll("tr.ws-blank").forEach(function (tr) { tr.remove(); });
  draw();
  drawSnapshots();
  if (!store.available) say(t("This browser is not saving (storage blocked or private mode): export your work before you leave."), true);
  else if (Core.answerCount(currentDoc())) say(t("Your answers saved in this browser are shown."));
})();
