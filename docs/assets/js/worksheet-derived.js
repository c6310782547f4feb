/* What a worksheet page computes from the answers shown in it, never stored: a table's score
   (the product of its choices' scores: likelihood × impact), the grid its rows are placed on
   (interest × influence), columns headed by names typed in another table (a RACI matrix's
   partners), and the draft document its answers make, clause by clause (the partnering
   agreement). It reads the controls, which the data layer keeps (worksheet.js), so
   it shows what the page shows, and it follows every change: typing, another tab, an import.
   Text from the answers is only ever set as textContent. */
// @ts-check
(function () {
  "use strict";
  var form = document.querySelector("[data-worksheet]"), modelNode = document.getElementById("worksheet-model");
  if (!form || !modelNode) return;
  var root = form;
  /** @type {WorksheetModel} */
  var model = JSON.parse(String(modelNode.textContent));
  /** @type {WorksheetTable[]} */
  var tables = [];
  model.parts.forEach(function (p) { if (p.kind === "table") tables.push(p); });

  /** @param {Element | null} cell @returns {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null} */
  function controlIn(cell) { return cell ? cell.querySelector("input, textarea, select") : null; }

  /* A control's answer as the page shows it: a choice by its label in the page's language. */
  /** @param {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null} el */
  function shown(el) {
    if (!el) return "";
    if (el instanceof HTMLSelectElement) return el.value && el.selectedIndex >= 0 ? el.options[el.selectedIndex].text : "";
    return el.value.trim();
  }

  /** @param {WorksheetTable} table @returns {Element[]} */
  function rowsOf(table) {
    return Array.prototype.slice.call(root.querySelectorAll("#ws-" + table.id + " > tbody > tr"));
  }

  /** @param {Element} tr @param {string} column */
  function cellControl(tr, column) { return controlIn(tr.querySelector("[data-cell=\"" + column + "\"]")); }

  /** @param {WorksheetTable} table */
  function scores(table) {
    var factors = (table.score || []).map(function (id) { return table.columns.filter(function (c) { return c.id === id; })[0]; });
    rowsOf(table).forEach(function (tr) {
      var out = tr.querySelector("[data-score] output");
      if (!out) return;
      var product = 1;
      factors.forEach(function (c) {
        var el = cellControl(tr, c.id), at = el ? c.options.indexOf(el.value) : -1;
        product = at < 0 || !c.scores ? NaN : product * c.scores[at];
      });
      out.textContent = isNaN(product) ? "" : String(product);
    });
  }

  /** @param {WorksheetTable} table */
  function grid(table) {
    var given = table.grid, part = root.querySelector("[data-table=\"" + table.id + "\"]");
    if (!given || !part) return;
    var spec = given;
    var cells = Array.prototype.slice.call(part.querySelectorAll("[data-grid-x]"));
    cells.forEach(function (td) { var ul = td.querySelector("[data-grid-names]"); if (ul) ul.textContent = ""; });
    /** @type {string[]} */
    var unplaced = [];
    rowsOf(table).forEach(function (tr) {
      var name = shown(cellControl(tr, spec.name)), x = cellControl(tr, spec.x), y = cellControl(tr, spec.y);
      var xv = x ? x.value : "", yv = y ? y.value : "";
      if (!name) return;     // a row with nothing to call it by is not drawn
      var cell = xv && yv ? cells.filter(function (td) { return td.getAttribute("data-grid-x") === xv && td.getAttribute("data-grid-y") === yv; })[0] : null;
      var ul = cell ? cell.querySelector("[data-grid-names]") : null;
      if (!ul) { unplaced.push(name); return; }
      var li = document.createElement("li");
      li.textContent = name;
      ul.appendChild(li);
    });
    /** @type {HTMLElement | null} */
    var note = part.querySelector("[data-grid-unplaced]"), names = part.querySelector("[data-grid-unplaced-names]");
    if (note && names) { note.hidden = !unplaced.length; names.textContent = unplaced.join("; "); }
  }

  /* Columns headed by what is typed in another table (the partners of a RACI matrix): the n-th
     column listed by the n-th row, under its own heading ("Partner 1"). */
  /** @param {WorksheetTable} table */
  function columnNames(table) {
    var spec = table.column_names;
    if (!spec) return;
    var names = spec, source = tables.filter(function (t) { return t.id === names.table; })[0];
    var rows = source ? rowsOf(source) : [];
    names.columns.forEach(function (id, n) {
      var th = root.querySelector("#ws-" + table.id + " thead th[data-column=\"" + id + "\"]");
      if (!th) return;
      var span = th.querySelector(".ws-column-name");
      if (!span) { span = document.createElement("span"); span.className = "ws-column-name"; th.appendChild(span); }
      span.textContent = rows[n] ? shown(cellControl(rows[n], names.column)) : "";
    });
  }

  /** @param {Element} target @param {string} empty */
  function emptyLine(target, empty) {
    var p = document.createElement("p");
    p.className = "ws-draft-empty";
    p.textContent = empty;
    target.appendChild(p);
  }

  /** @param {HTMLElement} section */
  function draft(section) {
    var empty = section.getAttribute("data-empty") || "";
    Array.prototype.forEach.call(section.querySelectorAll("[data-draft-field]"), function (/** @type {Element} */ target) {
      var text = shown(/** @type {HTMLInputElement | null} */ (document.getElementById("ws-f-" + target.getAttribute("data-draft-field"))));
      target.textContent = "";
      var lines = text.split(/\n+/).filter(function (l) { return l.trim(); });
      if (!lines.length) { emptyLine(target, empty); return; }
      lines.forEach(function (line) { var p = document.createElement("p"); p.textContent = line; target.appendChild(p); });
    });
    Array.prototype.forEach.call(section.querySelectorAll("[data-draft-table]"), function (/** @type {Element} */ target) {
      var table = tables.filter(function (t) { return t.id === target.getAttribute("data-draft-table"); })[0];
      target.textContent = "";
      if (!table) return;
      var rows = rowsOf(table).map(function (tr) { return table.columns.map(function (c) { return shown(cellControl(tr, c.id)); }); })
        .filter(function (values) { return values.some(Boolean); });
      if (!rows.length) { emptyLine(target, empty); return; }
      var out = document.createElement("table"), head = document.createElement("tr"), body = document.createElement("tbody");
      out.className = "ws-draft-table";
      table.columns.forEach(function (c) { var th = document.createElement("th"); th.scope = "col"; th.textContent = c.label; head.appendChild(th); });
      var thead = document.createElement("thead");
      thead.appendChild(head);
      out.appendChild(thead);
      rows.forEach(function (values) {
        var tr = document.createElement("tr");
        values.forEach(function (v) { var td = document.createElement("td"); td.textContent = v; tr.appendChild(td); });
        body.appendChild(tr);
      });
      out.appendChild(body);
      target.appendChild(out);
    });
  }

  function refresh() {
    tables.forEach(function (table) {
      if (table.score && table.score.length) scores(table);
      if (table.grid) grid(table);
      if (table.column_names) columnNames(table);
    });
    /** @type {HTMLElement | null} */
    var section = document.querySelector("[data-draft]");
    if (section) draft(section);
  }

  ["input", "change", "worksheet-drawn"].forEach(function (name) { root.addEventListener(name, refresh); });
  // "Print the draft" prints the draft alone (worksheet.css), then the page is as it was.
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element) || !target.closest("[data-print-draft]")) return;
    refresh();
    document.documentElement.classList.add("ws-printing-draft");
    window.print();
  });
  window.addEventListener("afterprint", function () { document.documentElement.classList.remove("ws-printing-draft"); });
  window.addEventListener("beforeprint", refresh);
  refresh();
})();
