/* Workspaces: one per partnership, so that two partnerships never mix on one computer. Every
   tool (the self-assessment, the worksheets, the action plan) keeps its data in the data layer
   under its tool name; a workspace other than the default puts its own prefix before those names
   (storage.json, "workspaces"). The default workspace's tools are the names as they always were,
   so what was stored before workspaces existed is in it, unchanged.

   Which workspace a tab shows is the tab's own (sessionStorage): switching in one tab never
   changes what another tab shows or writes to. A new tab opens the one chosen last. Switching
   reloads the page, whose tools then open the other workspace's data (what was typed is saved
   first, to the workspace it was typed in, as the page is left).

   Pure parts (file in, file out) run in Node for the tests; the bar every tool page shows
   (templates/parts/workspace.html) is drawn by start(). */
// @ts-check
(/** @param {any} root @param {() => WorkspacesModule} factory */ function (root, factory) {
  "use strict";
  var mod = factory();
  if (typeof module === "object" && module.exports) module.exports = mod;
  else root.Workspaces = mod;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var ID = /^[a-z0-9]{1,24}$/;
  var SEGMENT = /^[A-Za-z0-9@:._~-]{1,120}$/;   // as the data layer's ids
  var SCHEMA_VERSION = 1;
  var NAME_MAX = 80;

  /** @template [T=unknown] @returns {Record<string, T>} */
  function dict() { return Object.create(null); }
  /** @param {object} map @param {string} key */
  function own(map, key) { return Object.prototype.hasOwnProperty.call(map, key); }

  /* A tool's name in a workspace. */
  /** @param {StorageContract} contract @param {string} id @param {string} base */
  function toolOf(contract, id, base) {
    return id === contract.workspaces.default ? base : contract.workspaces.prefix.replace("{id}", id) + base;
  }

  /* The workspaces the registry lists, the default first: [{ id, name }] (name "" when none given). */
  /** @param {StorageContract} contract @param {LayerState} registry @param {(record: LayerRecord) => boolean} isRemoved
      @returns {WorkspaceEntry[]} */
  function list(contract, registry, isRemoved) {
    var def = contract.workspaces.default;
    /** @type {WorkspaceEntry[]} */
    var out = [{ id: def, name: "" }];
    Object.keys(registry.records).sort().forEach(function (r) {
      var id = r.slice(2), rec = registry.records[r];
      if (r.indexOf("w:") !== 0 || !ID.test(id) || isRemoved(rec)) return;
      var name = own(rec, "name") ? String(rec.name.value).slice(0, NAME_MAX) : "";
      if (id === def) out[0].name = name;
      else out.push({ id: id, name: name });
    });
    return out;
  }

  /* A workspace as one file: each tool's records, each field's value and time (removed rows
     and removals left out). */
  /** @param {StorageContract} contract @param {string} name @param {Record<string, LayerState>} states @param {string} now
      @param {string} version @param {(record: LayerRecord) => boolean} isRemoved @returns {WorkspaceExport} */
  function exportDoc(contract, name, states, now, version, isRemoved) {
    /** @type {WorkspaceExport["tools"]} */
    var tools = {};
    Object.keys(states).forEach(function (base) {
      /** @type {Record<string, Record<string, { value: FieldValue, time: string }>>} */
      var records = {};
      Object.keys(states[base].records).forEach(function (r) {
        var rec = states[base].records[r];
        if (isRemoved(rec)) return;
        /** @type {Record<string, { value: FieldValue, time: string }>} */
        var fields = {};
        Object.keys(rec).forEach(function (f) { if (f !== "@deleted") fields[f] = { value: rec[f].value, time: rec[f].time }; });
        if (Object.keys(fields).length) records[r] = fields;
      });
      if (Object.keys(records).length) tools[base] = records;
    });
    return { format: contract.workspaces.file, schema_version: SCHEMA_VERSION, name: name, exported: now, toolkit_version: version, tools: tools };
  }

  /* A workspace file -> { name, tools: base tool -> what the data layer imports } or { errors }.
     Only the tools this toolkit has; ids as the data layer takes them; values text, numbers or
     yes/no within the contract's limits. */
  /** @param {unknown} text @param {StorageContract} contract @param {string[]} known @returns {WorkspaceImport} */
  function parseImport(text, contract, known) {
    if (typeof text !== "string") return { errors: [{ code: "unreadable" }] };
    if (text.length > contract.limits.import_bytes) return { errors: [{ code: "too-large", max: contract.limits.import_bytes }] };
    /** @type {any} A file's JSON: every field is checked below before it is used. */
    var raw;
    try { raw = JSON.parse(text); } catch (e) { return { errors: [{ code: "not-json" }] }; }
    if (!raw || typeof raw !== "object" || Array.isArray(raw) || raw.format !== contract.workspaces.file) return { errors: [{ code: "wrong-format-workspace" }] };
    if (typeof raw.schema_version !== "number" || raw.schema_version > SCHEMA_VERSION) return { errors: [{ code: "newer-schema", schema: String(raw.schema_version).slice(0, 10), reads: SCHEMA_VERSION }] };
    if (!raw.tools || typeof raw.tools !== "object" || Array.isArray(raw.tools)) return { errors: [{ code: "no-tools" }] };
    /** @type {Record<string, Incoming>} */
    var tools = dict();
    /** @type {WorkspaceProblem[]} */
    var errors = [];
    Object.keys(raw.tools).forEach(function (base) {
      if (known.indexOf(base) < 0) { errors.push({ code: "unknown-tool", tool: base.slice(0, 80) }); return; }
      var records = raw.tools[base];
      if (!records || typeof records !== "object" || Array.isArray(records)) { errors.push({ code: "unknown-tool", tool: base }); return; }
      /** @type {Incoming} */
      var incoming = dict();
      Object.keys(records).forEach(function (r) {
        var fields = records[r];
        if (!SEGMENT.test(r) || !fields || typeof fields !== "object" || Array.isArray(fields)) { errors.push({ code: "bad-record", record: r.slice(0, 80) }); return; }
        /** @type {Record<string, IncomingField>} */
        var rec = dict();
        Object.keys(fields).forEach(function (f) {
          var x = fields[f], v = x && typeof x === "object" ? x.value : undefined, type = typeof v;
          if (!SEGMENT.test(f) || f === "@deleted" || (type !== "string" && type !== "number" && type !== "boolean")) { errors.push({ code: "bad-record", record: r.slice(0, 80) }); return; }
          if (type === "string" && v.length > contract.limits.text) { errors.push({ code: "value-too-long", record: r.slice(0, 80), max: contract.limits.text }); return; }
          rec[f] = { value: v, time: typeof x.time === "string" ? x.time : "" };
        });
        incoming[r] = rec;
      });
      tools[base] = incoming;
    });
    if (errors.length) return { errors: errors.slice(0, 5) };
    var name = typeof raw.name === "string" ? raw.name.slice(0, NAME_MAX) : "";
    return { name: name, tools: tools };
  }

  /* Records that are rows (removed, not emptied, by a replace): a worksheet's rows, the actions
     added on the plan. */
  /** @param {string} record */
  function rowLike(record) { return record.indexOf("r:") === 0 || record.indexOf("plan:") === 0; }

  /* The workspace this tab shows: its own choice, else the one chosen last, else the default;
     one no longer listed is the default. */
  /** @param {StorageContract} contract @param {Storage | null} session @param {DataLayerHandle} layer @param {WorkspaceEntry[]} entries */
  function chosen(contract, session, layer, entries) {
    /** @type {string | null} */
    var id = null;
    try { id = session ? session.getItem(contract.workspaces.tab_key) : null; } catch (e) { id = null; }
    if (!id) id = layer.meta(contract.workspaces.registry, "current");
    var listed = entries.some(function (w) { return w.id === id; });
    return id && listed ? id : contract.workspaces.default;
  }

  /** @param {Window} win */
  function sessionOf(win) {
    try { return win.sessionStorage; } catch (e) { return null; }
  }

  /* For the tool scripts: this tab's workspace, and each tool's name in it. */
  /** @param {Window} win @param {StorageContract} contract @param {DataLayerModule} Layer @returns {WorkspaceChoice} */
  function current(win, contract, Layer) {
    var layer = Layer.open({ contract: contract, win: win });
    var entries = list(contract, layer.state(contract.workspaces.registry), Layer.isRemoved);
    var session = sessionOf(win), id = chosen(contract, session, layer, entries);
    // Pinned to this tab from its first page on: another tab choosing a workspace later never
    // moves this one (its next page opens the same workspace as this one).
    try { if (session && session.getItem(contract.workspaces.tab_key) !== id) session.setItem(contract.workspaces.tab_key, id); } catch (e) { /* a tab without session storage follows the last choice */ }
    return {
      id: id,
      isDefault: id === contract.workspaces.default,
      /** @param {string} base */
      tool: function (base) { return toolOf(contract, id, base); }
    };
  }

  return { SCHEMA_VERSION: SCHEMA_VERSION, NAME_MAX: NAME_MAX, toolOf: toolOf, list: list, exportDoc: exportDoc,
           parseImport: parseImport, rowLike: rowLike, chosen: chosen, sessionOf: sessionOf, current: current };
});
