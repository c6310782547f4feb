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

  /* A row's controls by column, in one pass over its cells (a grid reads three of each of up to
     1,000 rows on a keystroke; a query per cell was most of that time). */
  /** @param {Element} tr @returns {Record<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null>} */
  function controlsOf(tr) {
    /** @type {Record<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null>} */
    var out = Object.create(null);
    for (var i = 0; i < tr.children.length; i++) {
      var td = tr.children[i], id = td.getAttribute("data-cell"), first = td.firstElementChild;
      if (!id) continue;
      out[id] = first instanceof HTMLInputElement || first instanceof HTMLTextAreaElement || first instanceof HTMLSelectElement ? first : controlIn(td);
    }
    return out;
  }

  /** @param {WorksheetTable} table @param {Element} [only] the one row to score, else every row */
  function scores(table, only) {
    var factors = (table.score || []).map(function (id) { return table.columns.filter(function (c) { return c.id === id; })[0]; });
    (only ? [only] : rowsOf(table)).forEach(function (tr) {
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
    /** @type {Record<string, { ul: Element, names: DocumentFragment }>} */
    var cells = Object.create(null);     // by x and y, the grid's cells' lists and what goes in them
    Array.prototype.forEach.call(part.querySelectorAll("[data-grid-x]"), function (/** @type {Element} */ td) {
      var ul = td.querySelector("[data-grid-names]");
      if (ul) cells[td.getAttribute("data-grid-x") + "\n" + td.getAttribute("data-grid-y")] = { ul: ul, names: document.createDocumentFragment() };
    });
    /** @type {string[]} */
    var unplaced = [];
    rowsOf(table).forEach(function (tr) {
      var controls = controlsOf(tr), name = shown(controls[spec.name] || null), x = controls[spec.x], y = controls[spec.y];
      if (!name) return;     // a row with nothing to call it by is not drawn
      var cell = x && y && x.value && y.value ? cells[x.value + "\n" + y.value] : undefined;
      if (!cell) { unplaced.push(name); return; }
      var li = document.createElement("li");
      li.textContent = name;
      cell.names.appendChild(li);
    });
    Object.keys(cells).forEach(function (k) { cells[k].ul.textContent = ""; cells[k].ul.appendChild(cells[k].names); });
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

  /* A keystroke refreshes only what reads the control typed in: its row's score, its table's grid
     if the column is one the grid reads, the columns it names, the draft (linear in its rows:
     1,000 rows redrawn on every keystroke in any column made typing lag). */
  /** @param {Event} event */
  function changed(event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var part = target.closest("[data-table]"), td = target.closest("[data-cell]"), tr = target.closest("tr");
    var id = part ? part.getAttribute("data-table") : null;
    var table = tables.filter(function (t) { return t.id === id; })[0];
    if (table && td && tr) {
      var column = String(td.getAttribute("data-cell")), typedIn = table;
      if (typedIn.score && typedIn.score.indexOf(column) >= 0) scores(typedIn, tr);
      if (typedIn.grid && [typedIn.grid.name, typedIn.grid.x, typedIn.grid.y].indexOf(column) >= 0) grid(typedIn);
      tables.forEach(function (t) { if (t.column_names && t.column_names.table === typedIn.id) columnNames(t); });
    }
    /** @type {HTMLElement | null} */
    var section = document.querySelector("[data-draft]");
    if (section) draft(section);
  }

  root.addEventListener("input", changed);
  root.addEventListener("change", changed);
  root.addEventListener("worksheet-drawn", refresh);
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
