/* Self-assessment answers kept in the browser, on top of ToolkitStore: what the pages show is
   always the latest stored state plus this page's changes not yet stored; every change, import,
   start over and restore is applied to the latest stored state, never to a copy in memory.
   No DOM here, so the unit tests drive two "tabs" over one fake localStorage. */
(function (root, factory) {
  "use strict";
  var answers = factory();
  if (typeof module === "object" && module.exports) module.exports = answers;
  else root.AssessmentAnswers = answers;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FIELDS = ["value", "note", "action"];
  var ORG = "";   // the pending-changes key of the organisation name (never a question id)

  function open(core, Store, model, win, clock) {
    var store = Store.open("assessment", 1, win);
    var now = clock || function () { return new Date().toISOString(); };
    var pending = {};     // this page's changes not stored yet (kept through a failed write, exported)
    // Changes this page stored in the last seconds. Tabs in other processes read localStorage
    // from a cache that can lag a few milliseconds, so one may write over a change it has not
    // seen yet; when its write arrives, what it dropped is stored again (see repair).
    var recent = {};
    var RECENT_MS = 10000;

    function prepare(text) {
      if (!text) return { state: core.emptyState(model) };
      var result;
      try {
        result = core.migrate(JSON.parse(text), model, now());
      } catch (e) {
        result = { errors: ["they are not valid JSON"] };
      }
      if (result.errors) return { state: core.emptyState(model), unreadable: result.errors[0] };
      return { state: result.state, setAsideNow: result.setAside, migratedFrom: result.migratedFrom };
    }

    function summary(text) {
      var s = prepare(text).state;
      return { organisation: s.organisation, count: core.answerCount(s) };
    }

    function worthKeeping(base) {
      return !!(base.unreadable || core.answerCount(base.state) || base.state.organisation ||
                (base.state.set_aside && base.state.set_aside.length));
    }

    function keepOrRefuse(reason, text, refusal) {
      if (!store.snapshot(reason, text, summary(text))) throw new Store.Refused(refusal);
    }

    var FULL = "This browser's storage is full, so a copy of your current answers could not be kept first. " +
      "Nothing was changed. Export your answers, then free some space (or use another browser) and try again.";

    /* Before writing over stored text that this version reads differently (unreadable, with
       answers to set aside, an older schema), keep it as it was. */
    function guard(base, text) {
      if (base.unreadable) keepOrRefuse("saved answers that could not be read", text, FULL);
      else if (base.setAsideNow && base.setAsideNow.length) keepOrRefuse("before setting aside answers that could not be used", text, FULL);
      else if (base.migratedFrom !== null && base.migratedFrom !== undefined) keepOrRefuse("before converting from schema " + base.migratedFrom, text, FULL);
    }

    function applyPending(state) {
      Object.keys(pending).forEach(function (k) { core.applyChange(state, pending[k]); });
      return state;
    }

    function read() {
      var base = prepare(store.read());
      return { state: applyPending(base.state), unreadable: base.unreadable || null };
    }

    function change(id, fields) {
      var k = id === null ? ORG : id;
      var p = pending[k] || (pending[k] = { id: id, fields: {}, updated: null });
      Object.keys(fields).forEach(function (f) { p.fields[f] = fields[f]; });
      p.updated = now();
    }

    function hasPending() { return Object.keys(pending).length > 0; }

    function flush() {
      if (!hasPending()) return { ok: true };
      var result = store.update(function (text) {
        var base = prepare(text);
        guard(base, text);
        return applyPending(base.state);
      });
      if (result.ok) {
        Object.keys(pending).forEach(function (k) { recent[k] = pending[k]; });
        pending = {};
      }
      return result;
    }

    /* After another tab wrote: put back any of this page's recent changes that its write
       dropped without meaning to (an import, restore or start over since then means to). */
    function repair() {
      var text = store.read();
      if (!text) { recent = {}; return false; }
      var state = prepare(text).state, lost = false, cutoff = new Date(Date.parse(now()) - RECENT_MS).toISOString();
      Object.keys(recent).forEach(function (k) {
        var c = recent[k];
        if (c.updated < cutoff || (state.replaced && state.replaced >= c.updated)) { delete recent[k]; return; }
        var stamp = c.id === null ? state.organisation_updated : (state.answers[c.id] || {}).updated;
        if (stamp && stamp >= c.updated) return;
        if (!pending[k]) pending[k] = c;
        lost = true;
      });
      return lost && flush().ok;
    }

    function copy(state) { return JSON.parse(JSON.stringify(state)); }

    /* mode "combine": per answer the newer wins, conflicts listed; "replace": the file's answers
       only. Either way the answers in this browser are kept as a snapshot first. */
    function importState(imported, mode, name) {
      var first = flush();
      if (!first.ok) return first;
      var out = { added: [], conflicts: [] };
      var result = store.update(function (text) {
        var base = prepare(text);
        if (worthKeeping(base)) keepOrRefuse((mode === "replace" ? "before replacing with " : "before combining with ") + name, text, FULL);
        var incoming = copy(imported);
        if (mode === "replace") { incoming.replaced = now(); return incoming; }
        var mine = base.state;
        var merged = Store.combineRecords(mine.answers, incoming.answers, FIELDS, { mine: mine.updated, theirs: incoming.updated });
        out.added = merged.added;
        out.conflicts = merged.conflicts;
        mine.answers = merged.records;
        if (incoming.organisation && incoming.organisation !== mine.organisation &&
            (!mine.organisation || (incoming.organisation_updated || incoming.updated || "") > (mine.organisation_updated || mine.updated || ""))) {
          mine.organisation = incoming.organisation;
          mine.organisation_updated = incoming.organisation_updated || incoming.updated;
        }
        var seen = {};
        mine.set_aside.forEach(function (s) { seen[JSON.stringify(s)] = true; });
        incoming.set_aside.forEach(function (s) { if (!seen[JSON.stringify(s)]) mine.set_aside.push(s); });
        if (incoming.updated && (!mine.updated || incoming.updated > mine.updated)) mine.updated = incoming.updated;
        return mine;
      });
      out.ok = result.ok;
      out.problem = result.problem;
      out.message = result.message;
      return out;
    }

    function startOver() {
      pending = {};
      recent = {};
      var result = store.update(function (text) {
        if (text) keepOrRefuse("before start over", text, FULL);
        return null;
      });
      if (result.ok) store.meta("last-export", null);
      return result;
    }

    function restore(id) {
      var snap = store.snapshots().filter(function (s) { return s.id === id; })[0];
      if (!snap) return { ok: false, problem: "refused", message: "That earlier version is no longer kept in this browser." };
      var first = flush();
      if (!first.ok) return first;
      return store.update(function (text) {
        if (worthKeeping(prepare(text))) keepOrRefuse("before restoring the version of " + (snap.when || "unknown date"), text, FULL);
        try {
          var doc = JSON.parse(snap.data);
          if (doc && typeof doc === "object" && !Array.isArray(doc)) { doc.replaced = now(); return doc; }
        } catch (e) { /* restored as it was kept, unreadable or not */ }
        return snap.data;
      });
    }

    /* Earlier versions of this tool kept one hidden copy ("kept"): it becomes a snapshot. */
    function adoptLegacy() {
      var text = store.meta("kept");
      if (!text) return;
      var old;
      try { old = JSON.parse(text); } catch (e) { old = null; }
      var ok = old && typeof old.data === "string" ?
        store.snapshot(String(old.label || "kept copy"), old.data, summary(old.data), typeof old.when === "string" ? old.when : null) :
        store.snapshot("kept copy", text, { organisation: "", count: 0 });
      if (ok) store.meta("kept", null);
    }

    /* Whether a tiny write succeeds: a full storage can still be read. */
    function writable() {
      return store.meta("probe", "1") === true && store.meta("probe", null) === true;
    }

    function markExported() { store.meta("last-export", now()); }

    function lastExport() { return store.meta("last-export"); }

    return { store: store, read: read, change: change, hasPending: hasPending, flush: flush, repair: repair, importState: importState,
             startOver: startOver, restore: restore, adoptLegacy: adoptLegacy, writable: writable,
             snapshots: store.snapshots, markExported: markExported, lastExport: lastExport, summary: summary };
  }

  return { open: open };
});
