/* Self-assessment answers kept in the browser, on top of ToolkitStore: what the pages show is
   always the latest stored state plus this page's changes not yet stored; every change, import,
   start over and restore is applied to the latest stored state, never to a copy in memory.
   No DOM here, so the unit tests drive two "tabs" over one fake localStorage.
   Its types: types/assessment.d.ts. */
// @ts-check
(/** @param {any} root @param {() => AssessmentAnswersModule} factory */ function (root, factory) {
  "use strict";
  var answers = factory();
  if (typeof module === "object" && module.exports) module.exports = answers;
  else root.AssessmentAnswers = answers;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FIELDS = ["value", "note", "action"];
  var ORG = "";   // the pending-changes key of the organisation name (never a question id)

  /* A set of changes by key (question id, or ORG), each field with the time it was changed. */
  /** @typedef {{ id: string | null, fields: Record<string, any>, times: Record<string, string> }} Change */
  /** @typedef {Record<string, Change>} Changes */
  /** @typedef {{ state: AssessmentState, unreadable?: AssessmentProblem, setAsideNow?: SetAsideItem[], migratedFrom?: number | null }} Prepared */

  /** @param {AssessmentCoreModule} core @param {ToolkitStoreModule} Store @param {AssessmentModel} model
      @param {Window} [win] @param {() => string} [clock] @returns {AnswersHandle} */
  function open(core, Store, model, win, clock) {
    var store = Store.open("assessment", 1, win);
    var now = clock || function () { return new Date().toISOString(); };
    var dict = core.dict, own = core.own;
    // Changes are kept per answer (key: question id, or ORG) as { id, fields: {field: value},
    // times: {field: when} }: each field with the time it was changed, so that a field changed
    // later never hides one changed before it.
    /** @type {Changes} */
    var pending = dict();   // this page's changes not stored yet (kept through a failed write, exported)
    // The repair record: every field this tab stored in the last minutes, each with the time it
    // was stored under. Tabs in other processes read localStorage from a cache that can lag (by
    // seconds on a busy machine), so one may write over a change it has not seen yet; when its
    // write arrives, what it dropped is stored again (see repair). Kept in sessionStorage, shared
    // by the pages of this tab, and read again before each use: the next page still repairs a
    // change made just before the reader moved on, and a page the Back button restores with its
    // old memory uses the tab's record, not the one it left with. Safe however long: a newer
    // stored answer always wins.
    var RECENT_KEY = "partnering-guidelines/assessment/v1/recent";
    var RECENT_MS = 5 * 60 * 1000;
    var session = (function () { try { return (win && win.sessionStorage) || null; } catch (e) { return null; } })();
    var sessionWorks = !!session;
    /** @type {Changes} */
    var recent = dict();

    /* Changes as kept in sessionStorage (version 0.1.0 kept one time per answer: `updated`). */
    /** @param {any} raw @returns {Changes} */
    function readChanges(raw) {
      /** @type {Changes} */
      var out = dict();
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
      Object.keys(raw).forEach(function (k) {
        var c = raw[k];
        if (!c || typeof c !== "object" || !c.fields || typeof c.fields !== "object") return;
        /** @type {Change} */
        var r = { id: typeof c.id === "string" ? c.id : null, fields: dict(), times: dict() };
        if ((r.id === null) !== (k === ORG)) return;
        Object.keys(c.fields).forEach(function (f) {
          var t = (c.times && typeof c.times[f] === "string" && c.times[f]) || (typeof c.updated === "string" && c.updated);
          if (t) { r.fields[f] = c.fields[f]; r.times[f] = t; }
        });
        if (Object.keys(r.fields).length) out[k] = r;
      });
      return out;
    }

    function loadRecent() {
      if (!sessionWorks || !session) return;   // this page's memory is then the record
      try { recent = readChanges(JSON.parse(session.getItem(RECENT_KEY) || "null")); } catch (e) { recent = dict(); }
    }

    function keepRecent() {
      if (!sessionWorks || !session) return;
      try { session.setItem(RECENT_KEY, JSON.stringify(recent)); } catch (e) { sessionWorks = false; /* this page still repairs */ }
    }

    /* Add fields to a set of changes, each with its time: the change to key k gains them,
       the fields it had keep theirs. */
    /** @param {Changes} set @param {string} k @param {string | null} id
        @param {Record<string, any>} fields @param {Record<string, string>} times @returns {Change} */
    function addFields(set, k, id, fields, times) {
      var c = own(set, k) ? set[k] : (set[k] = { id: id, fields: dict(), times: dict() });
      Object.keys(fields).forEach(function (f) { c.fields[f] = fields[f]; c.times[f] = times[f]; });
      return c;
    }

    /** @template T @param {Record<string, T>} map @param {string[]} fields @returns {Record<string, T>} */
    function pick(map, fields) {
      /** @type {Record<string, T>} */
      var out = {};
      fields.forEach(function (f) { out[f] = map[f]; });
      return out;
    }

    loadRecent();

    /** @param {string | null} text @returns {Prepared} */
    function prepare(text) {
      if (!text) return { state: core.emptyState(model) };
      /** @type {MigrateResult} */
      var result;
      try {
        result = core.migrate(JSON.parse(text), model, now());
      } catch (e) {
        result = { errors: [{ code: "not-json" }] };
      }
      if (result.errors !== undefined) return { state: core.emptyState(model), unreadable: result.errors[0] };
      return { state: result.state, setAsideNow: result.setAside, migratedFrom: result.migratedFrom };
    }

    /** @param {string | null} text */
    function summary(text) {
      var s = prepare(text).state;
      return { organisation: s.organisation, count: core.answerCount(s) };
    }

    /** @param {Prepared} base */
    function worthKeeping(base) {
      return !!(base.unreadable || core.answerCount(base.state) || base.state.organisation ||
                (base.state.set_aside && base.state.set_aside.length));
    }

    /* Keep the stored text as an earlier version, or refuse the change: "snapshot-full" (a
       RefusalCode, which the page says in its language). */
    /** @param {SnapshotReason} reason @param {string | null} text @returns {Snapshot} */
    function keepOrRefuse(reason, text) {
      var snap = store.snapshot(reason, text, summary(text));
      if (!snap) throw new Store.Refused("snapshot-full");
      return snap;
    }

    /* Before writing over stored text that this version reads differently (unreadable, with
       answers to set aside, an older schema), keep it as it was. */
    /** @param {Prepared} base @param {string | null} text */
    function guard(base, text) {
      if (base.unreadable) keepOrRefuse({ code: "unreadable-answers" }, text);
      else if (base.setAsideNow && base.setAsideNow.length) keepOrRefuse({ code: "before-set-aside" }, text);
      else if (base.migratedFrom !== null && base.migratedFrom !== undefined) keepOrRefuse({ code: "before-convert", schema: base.migratedFrom }, text);
    }

    /* Applies this page's changes to a state; returns the time each field was stored under. */
    /** @param {AssessmentState} state @returns {Record<string, Record<string, string>>} */
    function applyPending(state) {
      /** @type {Record<string, Record<string, string>>} */
      var given = dict();
      Object.keys(pending).forEach(function (k) { given[k] = core.applyChange(state, pending[k]); });
      return given;
    }

    function read() {
      var base = prepare(store.read());
      applyPending(base.state);
      return { state: base.state, unreadable: base.unreadable || null };
    }

    /** @param {string | null} id @param {Record<string, string | null>} fields */
    function change(id, fields) {
      /** @type {Record<string, string>} */
      var times = {};
      var t = now();
      Object.keys(fields).forEach(function (f) { times[f] = t; });
      addFields(pending, id === null ? ORG : id, id, fields, times);
    }

    function hasPending() { return Object.keys(pending).length > 0; }

    /* Store this page's changes over the latest stored state. Once stored, every field joins
       the tab's repair record with the time it was stored under: the record gains fields, it
       never loses one to a later change of another field of the same answer. */
    /** @returns {StoreResult} */
    function flush() {
      if (!hasPending()) return { ok: true };
      /** @type {Record<string, Record<string, string>>} */
      var given = dict();
      var result = store.update(function (text) {
        var base = prepare(text);
        guard(base, text);
        given = applyPending(base.state);
        return base.state;
      });
      if (result.ok) {
        loadRecent();
        Object.keys(pending).forEach(function (k) { addFields(recent, k, pending[k].id, pending[k].fields, given[k]); });
        pending = dict();
        keepRecent();
      }
      return result;
    }

    /* The fields of a change that a state does not hold: not there, and not changed since by
       anyone (per field, so a change to another field of the same answer does not hide it). */
    /** @param {AssessmentState} state @param {Change} c @returns {string[]} */
    function droppedFields(state, c) {
      if (c.id === null) {
        var stamp = state.organisation_updated;
        return (stamp && stamp >= c.times.organisation) || state.organisation === c.fields.organisation ? [] : ["organisation"];
      }
      /** @type {Answer & Record<string, any>} */
      var stored = own(state.answers, c.id) ? state.answers[c.id] : { value: null, note: "", action: "" };
      return Object.keys(c.fields).filter(function (f) {
        // With per-field times, a field without one has not changed since they were kept.
        var since = stored.times ? stored.times[/** @type {AnswerField} */ (f)] : stored.updated;
        return !(since && since >= c.times[f]) && stored[f] !== c.fields[f];
      });
    }

    /* Apply to `state` the fields of `changes` it does not hold; returns how many. */
    /** @param {AssessmentState} state @param {Changes} changes */
    function applyMissing(state, changes) {
      var n = 0;
      Object.keys(changes).forEach(function (k) {
        var c = changes[k], dropped = droppedFields(state, c);
        if (dropped.length) core.applyChange(state, { id: c.id, fields: pick(c.fields, dropped), times: pick(c.times, dropped) });
        n += dropped.length;
      });
      return n;
    }

    /* A replace (import or restore) removed these changes of this tab on purpose, and kept
       what it replaced as an earlier version first. A tab whose copy of the storage lagged kept
       a copy without them: add them to that earlier version (or keep them as one), so that
       "your previous answers are listed under Earlier versions" stays true. */
    /** @param {AssessmentState} state @param {Changes} changes */
    function keepReplaced(state, changes) {
      if (!own(state, "replaced_snapshot")) return;   // replaced by an older version of this tool
      /** @param {string | null} text */
      function amended(text) {
        var base = prepare(text);
        if (base.unreadable || !applyMissing(base.state, changes)) return null;
        var data = JSON.stringify(base.state);
        return { data: data, organisation: base.state.organisation, count: core.answerCount(base.state) };
      }
      var done = state.replaced_snapshot ? store.amendSnapshot(state.replaced_snapshot, function (snap) { return amended(snap.data); }) : null;
      if (done !== null) return;
      var alone = amended(null);
      if (alone) store.snapshot({ code: "before-replace-other-tab" }, alone.data, alone);
    }

    /* After another tab wrote (or this page came back): put back any of this tab's recent
       changes that its write dropped without meaning to (an import, restore or start over
       since then means to). */
    /** @returns {boolean} */
    function repair() {
      loadRecent();
      var text = store.read();
      if (!text) { recent = dict(); keepRecent(); return false; }
      var state = prepare(text).state, lost = false, cutoff = new Date(Date.parse(now()) - RECENT_MS).toISOString();
      /** @type {Changes} */
      var replaced = dict();
      Object.keys(recent).forEach(function (k) {
        var c = recent[k];
        Object.keys(c.fields).forEach(function (f) {
          var t = c.times[f];
          var gone = !!state.replaced && state.replaced >= t;
          if (gone) addFields(replaced, k, c.id, pick(c.fields, [f]), pick(c.times, [f]));
          if (gone || t < cutoff) { delete c.fields[f]; delete c.times[f]; }
        });
        if (!Object.keys(c.fields).length) { delete recent[k]; return; }
        var dropped = droppedFields(state, c).filter(function (f) {
          // A change this page has not stored yet is newer than the one stored before it.
          return !(own(pending, k) && own(pending[k].fields, f));
        });
        if (!dropped.length) return;
        addFields(pending, k, c.id, pick(c.fields, dropped), pick(c.times, dropped));
        lost = true;
      });
      if (Object.keys(replaced).length) keepReplaced(state, replaced);
      keepRecent();
      return lost && flush().ok;
    }

    /** @template T @param {T} state @returns {T} */
    function copy(state) { return JSON.parse(JSON.stringify(state)); }

    /* A document that replaces everything stored (`base`, kept as snapshot `kept` or not kept
       because empty): stamped after every time in what it replaces, so that the changes it
       replaced are not put back by other tabs, and the changes made after it are. */
    /** @param {AssessmentState} doc @param {AssessmentState} base @param {Snapshot | null} kept */
    function replacing(doc, base, kept) {
      doc.replaced = core.stampAfter(now(), core.latestStamp(base));
      doc.replaced_snapshot = kept ? kept.id : null;
      return doc;
    }

    /* mode "combine": per answer the newer wins, conflicts listed; "replace": the file's answers
       only. Either way the answers in this browser are kept as a snapshot first. */
    /** @param {AssessmentState} imported @param {"combine" | "replace"} mode @param {string} name @returns {ImportOutcome} */
    function importState(imported, mode, name) {
      var first = flush();
      /** @type {ImportOutcome} */
      var out = { ok: first.ok, problem: first.problem, message: first.message, added: [], conflicts: [] };
      if (!first.ok) return out;
      var result = store.update(function (text) {
        var base = prepare(text);
        var kept = worthKeeping(base) ? keepOrRefuse({ code: mode === "replace" ? "before-replace" : "before-combine", file: name }, text) : null;
        var incoming = copy(imported);
        if (mode === "replace") return replacing(incoming, base.state, kept);
        var mine = base.state;
        var merged = Store.combineRecords(mine.answers, incoming.answers, FIELDS, { mine: mine.updated, theirs: incoming.updated });
        out.added = merged.added;
        out.conflicts = merged.conflicts;
        mine.answers = merged.records;
        if (incoming.organisation && incoming.organisation !== mine.organisation &&
            (!mine.organisation || (incoming.organisation_updated || incoming.updated || "") > (mine.organisation_updated || mine.updated || ""))) {
          mine.organisation = incoming.organisation;
          mine.organisation_updated = incoming.organisation_updated || incoming.updated || undefined;
        }
        /** @type {Record<string, boolean>} */
        var seen = dict();
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
      pending = dict();
      recent = dict();
      keepRecent();
      var result = store.update(function (text) {
        if (text) keepOrRefuse({ code: "before-start-over" }, text);
        return null;
      });
      if (result.ok) store.meta("last-export", null);
      return result;
    }

    /** @param {string} id @returns {StoreResult} */
    function restore(id) {
      var snap = store.snapshots().filter(function (s) { return s.id === id; })[0];
      if (!snap) return { ok: false, problem: "refused", message: "snapshot-gone" };
      var first = flush();
      if (!first.ok) return first;
      return store.update(function (text) {
        var base = prepare(text);
        var kept = worthKeeping(base) ? keepOrRefuse({ code: "before-restore", when: snap.when }, text) : null;
        try {
          var doc = JSON.parse(snap.data);
          if (doc && typeof doc === "object" && !Array.isArray(doc)) return replacing(doc, base.state, kept);
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
        store.snapshot(old.label ? String(old.label) : { code: "kept-copy" }, old.data, summary(old.data), typeof old.when === "string" ? old.when : null) :
        store.snapshot({ code: "kept-copy" }, text, { organisation: "", count: 0 });
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
