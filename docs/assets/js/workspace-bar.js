/* The workspace bar every tool page shows (templates/parts/workspace.html): which partnership's
   workspace this tab shows, switch, create and rename; export a whole workspace as one file,
   import one (as a new workspace, or combined with or replacing this one, through the data
   layer's import), clear this one; earlier versions of the whole workspace, each restorable.
   Before a combine, replace, restore or clear, the workspace as it is is kept as an earlier
   version. Names and files are text, only ever set as textContent or values. */
// @ts-check
(function () {
  "use strict";
  var found = { bar: document.querySelector("[data-workspace-bar]"), node: document.getElementById("workspace-model"),
                Layer: window.DataLayer, WS: window.Workspaces };
  if (!(found.bar instanceof HTMLElement) || !found.node || !found.Layer || !found.WS) return;
  var bar = found.bar, Layer = found.Layer, WS = found.WS;
  /** @type {WorkspaceModel} */
  var model = JSON.parse(String(found.node.textContent));
  var contract = model.storage, REGISTRY = contract.workspaces.registry, DEFAULT = contract.workspaces.default;
  var SAID = contract.workspaces.tab_key + "/said";   // what to say after the reload an action needs
  var layer = Layer.open({ contract: contract, win: window });
  var session = WS.sessionOf(window);
  var me = WS.current(window, contract, Layer);
  var gone = false;   // this tab's workspace was deleted elsewhere
  // Where this script was loaded from: worksheet-core.js is beside it.
  var here = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : null;

  /** @param {string} text */
  function t(text) { return (model.strings && model.strings[text]) || text; }
  /** @param {string} text @param {Record<string, unknown>} values */
  function tf(text, values) {
    var out = t(text);
    Object.keys(values).forEach(function (k) { out = out.split("{" + k + "}").join(String(values[k])); });
    return out;
  }

  /** @template {Element} T @param {T | null} node @returns {T} */
  function must(node) {
    if (!node) throw new Error("workspace-bar.js: an element of the bar is missing");
    return node;
  }
  var select = /** @type {HTMLSelectElement} */ (must(bar.querySelector("select[data-workspace-select]")));
  var nameInput = /** @type {HTMLInputElement} */ (must(bar.querySelector("input[data-workspace-name-input]")));
  var status = /** @type {HTMLElement} */ (must(bar.querySelector("[data-workspace-status]")));
  var choice = /** @type {HTMLElement} */ (must(bar.querySelector("[data-workspace-choice]")));
  var shownName = /** @type {HTMLElement} */ (must(bar.querySelector("[data-workspace-name]")));

  /** @param {string} text @param {boolean} [problem] */
  function say(text, problem) {
    status.textContent = text;
    status.classList.toggle("ws-status--problem", !!problem);
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

  function entries() { return WS.list(contract, layer.state(REGISTRY), Layer.isRemoved); }

  /** @param {WorkspaceEntry} w */
  function nameOf(w) { return w.name || (w.id === DEFAULT ? t("My partnership") : t("Unnamed workspace")); }

  function draw() {
    var all = entries(), listed = all.filter(function (w) { return w.id === me.id; })[0];
    var mine = listed || all[0];
    // Deleted in another tab: this page still shows what it held, and says how to keep it.
    if (!listed && !gone) {
      gone = true;
      say(t("This workspace was deleted in another tab or window. What this page shows stays on this page only and is no longer saved: export it now (here, or the worksheet's own export), then import it as a new workspace."), true);
    }
    /** @type {HTMLElement} */ (must(bar.querySelector("[data-workspace-delete]"))).hidden = me.isDefault || gone;
    shownName.textContent = gone ? "" : nameOf(mine);
    var want = all.map(function (w) { return w.id + "\n" + nameOf(w); }).join("\n");
    if (select.getAttribute("data-drawn") !== want) {
      select.textContent = "";
      all.forEach(function (w) {
        var o = document.createElement("option");
        o.value = w.id;
        o.textContent = nameOf(w);
        select.appendChild(o);
      });
      select.setAttribute("data-drawn", want);
    }
    select.value = me.id;
    drawHistory();
  }

  /* Reload into `id`, saying `message` there. The tools save what was typed as the page is left. */
  /** @param {string} id @param {string} message */
  function go(id, message) {
    try { if (session) { session.setItem(contract.workspaces.tab_key, id); session.setItem(SAID, message); } } catch (e) { /* said nothing */ }
    layer.meta(REGISTRY, "current", id);
    window.location.reload();
  }

  /** @param {string} id @param {string} name @returns {boolean} */
  function writeName(id, name) {
    var recs = layer.state(REGISTRY).records, r = "w:" + id;
    var cur = Layer.own(recs, r) && Layer.own(recs[r], "name") ? recs[r].name : null;
    var result = layer.write(REGISTRY, [{ record: r, field: "name", value: name, base: Layer.headIds(cur) }]);
    if (!result.ok) say(t("Not saved: this browser's storage is full or blocked."), true);
    return result.ok;
  }

  function typedName() { return nameInput.value.trim().slice(0, WS.NAME_MAX); }

  function create() {
    var name = typedName();
    if (!name) { say(t("Type a name for the new workspace first (the partnership's name)."), true); nameInput.focus(); return; }
    var id = "w" + Date.now().toString(36) + Math.floor(Math.random() * 1679616).toString(36);
    if (writeName(id, name)) go(id, tf("Workspace “{name}” created: it starts empty. Your other workspaces are kept as they were.", { name: name }));
  }

  function rename() {
    var name = typedName();
    if (!name) { say(t("Type the new name first."), true); nameInput.focus(); return; }
    if (writeName(me.id, name)) { nameInput.value = ""; draw(); say(tf("Renamed to “{name}”.", { name: name })); }
  }

  // --- files and earlier versions ----------------------------------------------------------
  /** @param {string} id */
  function states(id) {
    // The tool on this page writes through its own handle, whose writes reach this one only
    // by a read (a tab gets no storage event of its own writes).
    layer.rescan();
    /** @type {Record<string, LayerState>} */
    var out = {};
    model.tools.forEach(function (base) { out[base] = layer.state(WS.toolOf(contract, id, base)); });
    return out;
  }

  function mineName() { return nameOf(entries().filter(function (w) { return w.id === me.id; })[0] || { id: me.id, name: "" }); }

  /** @returns {WorkspaceExport} */
  function exportNow() { return WS.exportDoc(contract, mineName(), states(me.id), layer.now(), model.version, Layer.isRemoved); }

  /** @param {WorkspaceExport} doc */
  function countOf(doc) { return Object.keys(doc.tools).reduce(function (n, k) { return n + Object.keys(doc.tools[k]).length; }, 0); }

  /** @param {string} name @param {string} text */
  function download(name, text) {
    var url = URL.createObjectURL(new Blob([text], { type: "application/json;charset=utf-8" }));
    var a = document.createElement("a");
    a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /** @param {string} name */
  function fileName(name) { return "workspace-" + (name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "partnership") + ".json"; }

  /** @returns {Promise<void>} */
  function exportFile() {
    return adoptOldWorksheets().then(function (moved) {
      download(fileName(mineName()), JSON.stringify(exportNow(), null, 1));
      if (!moved) say(t("Exported, without some worksheets saved by version 0.1.0 of the toolkit, which could not be moved yet (storage full): they are kept as they were. Free some space and export again."), true);
    });
  }

  /* Version 0.1.0 kept each worksheet under a key of its own, moved into the data layer when its
     page is first opened (worksheet-core.js). The default workspace goes out whole with the
     worksheets not opened since moved in first, worksheet-core.js loaded for it on the pages
     that do not have it. Resolves to whether everything moved. */
  /** @returns {Promise<boolean>} */
  function adoptOldWorksheets() {
    var L = contract.legacy, prefix = contract.tools.worksheet.replace("{id}", "");
    var sheets = me.isDefault ? model.tools.filter(function (tool) {
      var id = tool.slice(prefix.length);
      return tool.indexOf(prefix) === 0 && (layer.raw(L.worksheet.replace("{id}", id)) !== null || layer.raw(L.worksheet_snapshots.replace("{id}", id)) !== null);
    }) : [];
    if (!sheets.length) return Promise.resolve(true);
    return worksheetCore().then(function (Core) {
      return sheets.map(function (tool) { return Core.adoptLegacyWorksheet(layer, contract, tool.slice(prefix.length), tool); })
        .every(function (ok) { return ok; });
    }, function () { return false; });
  }

  /** @returns {Promise<WorksheetCoreModule>} */
  function worksheetCore() {
    if (window.WorksheetCore) return Promise.resolve(window.WorksheetCore);
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = new URL("worksheet-core.js", here || window.location.href).href;
      s.onload = function () { if (window.WorksheetCore) resolve(window.WorksheetCore); else reject(new Error("worksheet-core.js did not load")); };
      s.onerror = function () { reject(new Error("worksheet-core.js could not be loaded")); };
      document.head.appendChild(s);
    });
  }

  /* Keep the workspace as it is as an earlier version; false (and said) when it cannot be. */
  /** @param {SnapshotReason} reason */
  function keep(reason) {
    var doc = exportNow();
    if (!countOf(doc)) return true;   // nothing to keep
    var kept = layer.keepSnapshot(WS.toolOf(contract, me.id, contract.workspaces.snapshot), reason, JSON.stringify(doc), countOf(doc));
    if (!kept.ok) say(kept.problem === "history-full" ? t("Nothing changed: there is no room left for earlier versions of this workspace. Download and delete some, then try again.") :
      t("Nothing changed: a copy of this workspace could not be kept first (storage full). Export it, free some space and try again."), true);
    return kept.ok;
  }

  /* Write a file's tools into workspace `id`: combine (per field the newer wins) or replace
     (every tool becomes the file's; tools the file lacks are emptied). Returns the conflicts
     kept, or null when storage refused. */
  /** @param {string} id @param {Record<string, Incoming>} tools @param {"combine" | "replace"} mode @returns {number | null} */
  function write(id, tools, mode) {
    var conflicts = 0, ok = true;
    layer.rescan();
    model.tools.forEach(function (base) {
      if (!Layer.own(tools, base) && mode !== "replace") return;
      var tool = WS.toolOf(contract, id, base);
      var plan = Layer.importOps(layer.state(tool), Layer.own(tools, base) ? tools[base] : Layer.dict(), mode, WS.rowLike);
      conflicts += plan.conflicts.length;
      if (plan.ops.length && !layer.write(tool, plan.ops).ok) ok = false;
    });
    return ok ? conflicts : null;
  }

  /** @param {WorkspaceProblem} p */
  function problemText(p) {
    switch (p.code) {
      case "unreadable": return t("The file could not be read.");
      case "too-large": return tf("The file is larger than {max} KB.", { max: Math.round(p.max / 1024) });
      case "not-json": return t("The file is not JSON.");
      case "wrong-format-workspace": return t("This is not a Partnering Guidelines workspace file (its “format” field is missing or different). A worksheet's or the plan's own file is imported on its page.");
      case "newer-schema": return tf("The file was made by a newer or unknown version of the toolkit (schema {schema}); this copy reads schema {reads}.", p);
      case "no-tools": return t("The file holds no tools.");
      case "unknown-tool": return tf("The file holds “{tool}”, which is not one of this toolkit's tools.", p);
      case "bad-record": return tf("The file's record “{record}” is not valid.", p);
      case "value-too-long": return tf("A value of “{record}” is too long.", p);
      default: return unhandled(p);
    }
  }

  /** @param {never} p @returns {string} */
  function unhandled(p) { return tf("The file cannot be used ({code}).", { code: String(/** @type {{ code?: unknown }} */ (p).code) }); }

  /** @param {string} text @param {string} file */
  function importFile(text, file) {
    var parsed = WS.parseImport(text, contract, model.tools);
    if (parsed.errors) { say(tf("Not imported: {errors} Nothing was changed.", { errors: parsed.errors.map(problemText).join(" ") }), true); return; }
    var tools = parsed.tools, name = parsed.name || file.replace(/\.json$/i, "");
    choice.textContent = "";
    var q = document.createElement("p");
    q.textContent = tf("Import {file} (workspace “{name}”): open it as a new workspace, combine it with this one (per field the newer is kept), or replace this one with it? Before a combine or a replace, this workspace as it is now is kept under “Earlier versions of this workspace”.", { file: file, name: name });
    choice.appendChild(q);
    choice.appendChild(button(t("As a new workspace"), function () {
      var id = "w" + Date.now().toString(36) + Math.floor(Math.random() * 1679616).toString(36);
      if (!writeName(id, name)) return;
      if (write(id, tools, "combine") === null) { say(t("Not everything could be imported: this browser's storage is full."), true); return; }
      go(id, tf("Imported {file} as the workspace “{name}”.", { file: file, name: name }));
    }, { "data-workspace-mode": "new" }));
    /** @type {["combine" | "replace", string][]} */
    var modes = [["combine", t("Combine with this workspace")], ["replace", t("Replace this workspace")]];
    modes.forEach(function (m) {
      choice.appendChild(button(m[1], function () {
        if (!keep({ code: m[0] === "replace" ? "before-replace" : "before-combine", file: file })) return;
        var conflicts = write(me.id, tools, m[0]);
        if (conflicts === null) { say(t("Not everything could be imported: this browser's storage is full. This workspace as it was is kept under “Earlier versions of this workspace”."), true); return; }
        go(me.id, (m[0] === "replace" ? tf("Replaced this workspace with {file}.", { file: file }) : tf("Combined {file} with this workspace.", { file: file })) +
           (conflicts ? " " + tf("{n} fields differed: the newer of each is shown, the other is kept beside it.", { n: conflicts }) : "") +
           " " + t("This workspace as it was is kept under “Earlier versions of this workspace”."));
      }, { "data-workspace-mode": m[0] }));
    });
    choice.appendChild(button(t("Cancel"), function () { choice.hidden = true; choice.textContent = ""; }, { "data-workspace-mode": "cancel" }));
    choice.hidden = false;
    must(choice.querySelector("button")).focus();
  }

  function clear() {
    if (!keep({ code: "before-clear" })) return;
    if (write(me.id, Layer.dict(), "replace") === null) { say(t("Not cleared: this browser's storage is full."), true); return; }
    go(me.id, t("Cleared: this workspace is empty. What it held is kept under “Earlier versions of this workspace”: restore it there."));
  }

  /* Delete this workspace (never the default): its name from the list, then every key of its
     tools. Asked first, with its export offered; then this tab goes to the default workspace. */
  function askDelete() {
    if (me.isDefault) return;
    var name = mineName();
    choice.textContent = "";
    var q = document.createElement("p");
    q.textContent = tf("Delete the workspace “{name}” and everything it holds in this browser (its self-assessment, worksheets, action plan and earlier versions)? This cannot be undone: export it first to keep a copy. Your other workspaces are not changed.", { name: name });
    choice.appendChild(q);
    choice.appendChild(button(t("Export, then delete"), function () { exportFile().then(function () { remove(name); }); }, { "data-workspace-delete-mode": "export" }));
    choice.appendChild(button(t("Delete without exporting"), function () { remove(name); }, { "data-workspace-delete-mode": "delete" }));
    choice.appendChild(button(t("Cancel"), function () { choice.hidden = true; choice.textContent = ""; }, { "data-workspace-delete-mode": "cancel" }));
    choice.hidden = false;
    must(choice.querySelector("button")).focus();
  }

  /** @param {string} name */
  function remove(name) {
    layer.rescan();
    var r = "w:" + me.id, rec = layer.state(REGISTRY).records[r] || Layer.dict();
    var result = layer.write(REGISTRY, [{ record: r, field: "@deleted", value: true, base: Layer.headIds(rec["@deleted"] || null), seen: Layer.cellHeads(rec) }]);
    if (!result.ok) { say(t("Not deleted: this browser's storage is full or blocked."), true); return; }
    layer.dropTools(WS.toolOf(contract, me.id, ""));
    go(DEFAULT, tf("Deleted the workspace “{name}”.", { name: name }));
  }

  /** @param {string | null | undefined} iso */
  function when(iso) {
    if (!iso) return t("an unknown date");
    var d = new Date(iso), tag;
    try { tag = Intl.getCanonicalLocales(document.documentElement.lang)[0]; } catch (e) { tag = undefined; }
    try { return isNaN(d.getTime()) ? String(iso) : new Intl.DateTimeFormat(tag, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }).format(d); } catch (e) { return String(iso); }
  }

  /** @param {Partial<SnapshotReason> | null | undefined} r */
  function reasonText(r) {
    r = r || {};
    switch (r.code) {
      case "before-clear": return t("Before clearing");
      case "before-replace": return tf("Before replacing with {file}", { file: r.file });
      case "before-combine": return tf("Before combining with {file}", { file: r.file });
      case "before-restore": return tf("Before restoring the version of {date}", { date: when(r.when) });
      default: return t("Kept by another version of the toolkit");
    }
  }

  function drawHistory() {
    var target = must(bar.querySelector("[data-workspace-history]"));
    var tool = WS.toolOf(contract, me.id, contract.workspaces.snapshot);
    target.textContent = "";
    var list = layer.snapshots(tool);
    if (!list.length) return;
    var heading = document.createElement("p");
    heading.textContent = t("Earlier versions of this workspace:");
    target.appendChild(heading);
    var ul = document.createElement("ul");
    list.forEach(function (snap) {
      var li = document.createElement("li");
      li.setAttribute("data-workspace-snapshot", snap.id);
      li.appendChild(document.createTextNode(when(snap.when) + " · " + reasonText(snap.reason) + " "));
      li.appendChild(button(t("Restore"), function () {
        var parsed = WS.parseImport(snap.data, contract, model.tools);
        if (parsed.errors) { say(t("That earlier version cannot be restored here; download it to keep it."), true); return; }
        if (!keep({ code: "before-restore", when: snap.when })) return;
        if (write(me.id, parsed.tools, "replace") === null) { say(t("Not restored: this browser's storage is full."), true); return; }
        go(me.id, tf("Restored this workspace as it was on {date}.", { date: when(snap.when) }));
      }, { "data-workspace-restore": snap.id }));
      li.appendChild(button(t("Download"), function () { download(fileName(mineName()), snap.data); }));
      li.appendChild(button(t("Delete"), function () { layer.removeSnapshot(tool, snap.id); drawHistory(); }));
      ul.appendChild(li);
    });
    target.appendChild(ul);
  }

  // --- events ------------------------------------------------------------------------------
  select.addEventListener("change", function () {
    var id = select.value;
    if (id === me.id) return;
    var to = entries().filter(function (w) { return w.id === id; })[0];
    go(id, tf("Switched to the workspace “{name}”.", { name: to ? nameOf(to) : id }));
  });
  bar.addEventListener("click", function (e) {
    var target = e.target instanceof Element ? e.target : null;
    if (!target) return;
    if (target.closest("[data-workspace-new]")) create();
    if (target.closest("[data-workspace-rename]")) rename();
    if (target.closest("[data-workspace-export]")) exportFile();
    if (target.closest("[data-workspace-clear]")) clear();
    if (target.closest("[data-workspace-delete]")) askDelete();
  });
  bar.addEventListener("change", function (e) {
    var input = e.target;
    if (!(input instanceof HTMLInputElement) || !input.matches("[data-workspace-import]")) return;
    var file = input.files && input.files[0];
    input.value = "";
    if (!file) return;
    var name = file.name, reader = new FileReader();
    reader.onload = function () { importFile(String(reader.result), name); };
    reader.onerror = function () { say(tf("Not imported: {errors} Nothing was changed.", { errors: problemText({ code: "unreadable" }) }), true); };
    reader.readAsText(file);
  });
  // Another tab added or renamed a workspace: the list follows (this tab stays where it is).
  layer.watch(function () { draw(); });

  draw();
  bar.hidden = false;
  var said = null;
  try { said = session ? session.getItem(SAID) : null; if (said && session) session.removeItem(SAID); } catch (e) { said = null; }
  if (said) say(said);
  if (!layer.available) say(t("This browser is not saving: storage is blocked or unavailable (private mode?)."), true);
})();
