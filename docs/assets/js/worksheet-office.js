/* A worksheet, or the action plan, as the description of a document that office-files.js turns
   into Word and Excel (types/office.d.ts): every field and every column, what was typed exactly,
   choices as the page's language shows them, in the page's language. Pure (no DOM, no storage):
   run by Node in tests/js. */
// @ts-check
(/** @param {any} root @param {(core: WorksheetCoreModule) => WorksheetOfficeModule} factory */ function (root, factory) {
  "use strict";
  var api = factory(root.WorksheetCore || (typeof require === "function" ? require("./worksheet-core.js") : null));
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.WorksheetOffice = api;
})(typeof self !== "undefined" ? self : this, function (Core) {
  "use strict";

  /* A stored choice (English) as the page shows it; anything else as it is. */
  /** @param {string} value @param {string[]} options @param {string[]} labels */
  function shown(value, options, labels) {
    var i = options.indexOf(value);
    return i >= 0 && labels[i] ? labels[i] : value;
  }

  /** @param {WorksheetColumn} c @returns {OfficeColumn} */
  function column(c) {
    return { label: c.label, kind: c.kind, options: c.kind === "choice" ? c.labels.slice() : undefined };
  }

  /* A row's score, as the page computes it (worksheet-derived.js): the product of its score
     columns' options' scores; "" until each has a choice. */
  /** @param {WorksheetTable} table @param {Record<string, string>} values */
  function score(table, values) {
    var product = 1;
    (table.score || []).forEach(function (id) {
      var c = table.columns.filter(function (col) { return col.id === id; })[0];
      var at = c ? c.options.indexOf(values[id] || "") : -1;
      product = at < 0 || !c.scores || c.scores[at] === undefined ? NaN : product * c.scores[at];
    });
    return isNaN(product) ? "" : String(product);
  }

  /* A control's text as the page shows it (worksheet-derived.js trims what was typed). */
  /** @param {string | undefined} value @param {WorksheetColumn | undefined} c */
  function shownTrimmed(value, c) { return c ? shown(value || "", c.options, c.labels).trim() : ""; }

  /* Columns headed by the rows of another table (a RACI matrix's partners), as the page heads
     them: the column's own heading, then the name typed in the row it takes its name from. */
  /** @param {WorksheetModel} model @param {LayerState} state @param {WorksheetTable} table @returns {Record<string, string>} */
  function columnNames(model, state, table) {
    /** @type {Record<string, string>} */
    var out = Object.create(null), spec = table.column_names;
    if (!spec) return out;
    var names = spec, source = /** @type {WorksheetTable | undefined} */ (model.parts.filter(function (p) { return p.kind === "table" && p.id === names.table; })[0]);
    if (!source) return out;
    var from = source.columns.filter(function (c) { return c.id === names.column; })[0], rows = Core.rowsOf(state, source);
    names.columns.forEach(function (id, n) { out[id] = rows[n] ? shownTrimmed(rows[n].values[names.column], from) : ""; });
    return out;
  }

  /* The grid a table's rows are placed on (the interest–influence grid), as the page draws it:
     each cell its region's title and the names placed in it, then the rows not placed; in Word
     the regions' strategies under it. */
  /** @param {WorksheetTable} table @param {WorksheetGridFile} grid @param {LayerState} state @returns {OfficePart[]} */
  function describeGrid(table, grid, state) {
    /** @param {string} id */
    function col(id) { return table.columns.filter(function (c) { return c.id === id; })[0]; }
    var nameColumn = col(grid.name);
    /** @type {Record<string, string[]>} */
    var placed = Object.create(null);
    /** @type {string[]} */
    var unplaced = [];
    Core.rowsOf(state, table).forEach(function (r) {
      var name = shownTrimmed(r.values[grid.name], nameColumn), x = r.values[grid.x] || "", y = r.values[grid.y] || "";
      if (!name) return;     // as on the page: a row with nothing to call it by is not drawn
      var on = grid.columns.some(function (c) { return c.option === x; }) && grid.rows.some(function (c) { return c.option === y; });
      if (!on) { unplaced.push(name); return; }
      (placed[x + "\n" + y] = placed[x + "\n" + y] || []).push(name);
    });
    var rows = grid.rows.map(function (row) {
      return [row.label].concat(grid.columns.map(function (c, i) {
        var region = grid.regions[row.regions[i]];
        return [region ? region.title : ""].concat(placed[c.option + "\n" + row.option] || []).join("\n");
      }));
    });
    if (unplaced.length) rows.push([grid.unplaced, unplaced.join("\n")].concat(grid.columns.slice(1).map(function () { return ""; })));
    /** @type {OfficePart[]} */
    var parts = [{ kind: "table", title: grid.title, note: grid.note, blankRows: 0,
                   columns: [{ label: "", kind: /** @type {OfficeKind} */ ("item") }].concat(grid.columns.map(function (c) { return { label: c.label, kind: /** @type {OfficeKind} */ ("item") }; })),
                   rows: rows }];
    grid.regions.forEach(function (r) { parts.push({ kind: "text", text: r.title + ": " + r.strategy }); });
    return parts;
  }

  /** @param {WorksheetModel} model @param {LayerState} state @param {string} now @returns {OfficeDoc} */
  function describe(model, state, now) {
    var file = model.file, partnership = Core.fieldValue(state, file.partnership);
    /** @type {OfficePart[]} */
    var parts = [];
    if (partnership) parts.push({ kind: "field", label: file.words.partnership, type: "text", value: partnership });
    model.parts.forEach(function (p) {
      var note = file.notes[p.id];
      if (p.kind === "field") {
        parts.push({ kind: "field", label: p.label, note: note, type: p.type, options: p.type === "choice" ? p.labels.slice() : undefined,
                     value: shown(Core.fieldValue(state, p.id), p.options, p.labels) });
        return;
      }
      var table = p, items = file.items[p.id], rows = Core.rowsOf(state, p), scored = !!(p.score && p.score.length && p.score_heading);
      var named = columnNames(model, state, p), grid = (file.grids || {})[p.id];
      var columns = (items ? [{ label: items.heading, kind: /** @type {OfficeKind} */ ("item") }] : [])
        .concat(p.columns.map(function (c) {
          var out = column(c);
          if (named[c.id]) out.label += "\n" + named[c.id];
          return out;
        }))
        .concat(scored ? [{ label: String(p.score_heading), kind: /** @type {OfficeKind} */ ("score") }] : []);
      parts.push({ kind: "table", title: p.title, note: note, columns: columns,
                   rows: rows.map(function (r, n) {
                     var cells = table.columns.map(function (c) { return shown(r.values[c.id] || "", c.options, c.labels); })
                       .concat(scored ? [score(table, r.values)] : []);
                     return items ? [items.names[n] || r.label || ""].concat(cells) : cells;
                   }) });
      if (grid) parts = parts.concat(describeGrid(p, grid, state));
    });
    return { title: file.title, subtitle: partnership || undefined, language: file.language, toolkit: file.toolkit,
             version: model.version, date: now, fileName: model.id, intro: file.intro, footer: file.footer,
             words: file.words, parts: parts };
  }

  /* A worksheet's draft document (the partnering agreement): its title, then each clause as a
     heading with the answers of its parts under it, as the page's draft shows them: a field's
     lines, a table's rows that hold something (under no title of their own), and "(not yet
     written)" where nothing is. The worksheet's own words (prompts, sources) stay on the worksheet. */
  /** @param {WorksheetModel} model @param {LayerState} state @param {string} now @returns {OfficeDoc | null} */
  function describeDraft(model, state, now) {
    var file = model.file, draft = file.draft, partnership = Core.fieldValue(state, file.partnership);
    if (!draft) return null;
    var empty = draft.empty;
    /** @type {Record<string, WorksheetPart>} */
    var byId = Object.create(null);
    model.parts.forEach(function (p) { byId[p.id] = p; });
    /** @type {OfficePart[]} */
    var parts = [];
    if (partnership) parts.push({ kind: "field", label: file.words.partnership, type: "text", value: partnership });
    draft.clauses.forEach(function (clause) {
      parts.push({ kind: "text", text: clause.title, heading: true });
      clause.parts.forEach(function (id) {
        var p = byId[id];
        if (!p) return;
        if (p.kind === "field") {
          var lines = shown(Core.fieldValue(state, p.id), p.options, p.labels).split(/\n+/)
            .map(function (l) { return l.trim(); }).filter(Boolean);
          parts.push({ kind: "text", text: lines.length ? lines.join("\n") : empty });
          return;
        }
        var table = p, items = file.items[p.id];
        var rows = Core.rowsOf(state, table).map(function (r, n) {
          var cells = table.columns.map(function (c) { return shown(r.values[c.id] || "", c.options, c.labels).trim(); });
          return { name: items ? items.names[n] || r.label || "" : "", cells: cells };
        }).filter(function (r) { return r.cells.some(Boolean); });
        if (!rows.length) { parts.push({ kind: "text", text: empty }); return; }
        parts.push({ kind: "table", title: "", blankRows: 0,
                     columns: (items ? [{ label: items.heading, kind: /** @type {OfficeKind} */ ("item") }] : []).concat(table.columns.map(column)),
                     rows: rows.map(function (r) { return items ? [r.name].concat(r.cells) : r.cells; }) });
      });
    });
    return { title: draft.title, subtitle: partnership || undefined, language: file.language, toolkit: file.toolkit,
             version: model.version, date: now, fileName: draft.file_name, footer: file.footer, words: file.words, parts: parts };
  }

  /* The action plan: one table, its actions in the order shown. `task` names a task as the page does. */
  /** @param {PlanModel} plan @param {PlanAction[]} actions @param {string} now @param {(id: string) => string} task @returns {OfficeDoc} */
  function describePlan(plan, actions, now, task) {
    var file = plan.file, c = file.columns;
    return { title: file.title, language: file.language, toolkit: file.toolkit, version: plan.version, date: now,
             fileName: "action-plan", footer: file.footer, words: file.words,
             parts: [{ kind: "table", title: file.title,
                       columns: [{ label: c[0], kind: "long" }, { label: c[1], kind: "text" }, { label: c[2], kind: "date" },
                                 { label: c[3], kind: "choice", options: plan.status_labels.slice() }, { label: c[4], kind: "text" },
                                 { label: c[5], kind: "text" }, { label: c[6], kind: "long" }, { label: c[7], kind: "date" }],
                       rows: actions.map(function (a) {
                         return [a.action, a.owner, a.due, shown(a.status, plan.statuses, plan.status_labels), a.task ? task(a.task) : "", a.source || "", a.notes || "", a.completed || ""];
                       }) }] };
  }

  return { describe: describe, describeDraft: describeDraft, describePlan: describePlan };
});
