/* What the toolkit keeps in the browser (the self-assessment now; worksheets and plans later).
   One namespaced, versioned localStorage key per tool, because every file:// page of every
   unzipped copy shares one origin. Records are keyed by ID and carry their own `updated` time.
   Every change reads the latest stored text, applies that one change and writes it back: a tab
   never writes a copy it holds in memory, so other tabs and pages restored by the Back button
   cannot overwrite each other. Before anything removes or replaces records, a snapshot of the
   stored text is kept; if the snapshot cannot be written the operation does not happen.
   The pure functions (combine, snapshot list) run in Node for the unit tests.
   Its types: types/toolkit-store.d.ts. */
// @ts-check
(/** @param {any} root @param {() => ToolkitStoreModule} factory */ function (root, factory) {
  "use strict";
  var store = factory();
  if (typeof module === "object" && module.exports) module.exports = store;
  else root.ToolkitStore = store;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var PREFIX = "partnering-guidelines/";
  // Snapshots share the origin's ~5 MB with everything else: at most 20, within 1.5 M characters.
  var SNAPSHOT_LIMITS = { max: 20, budget: 1500000 };

  /** A change refused on purpose: nothing is written. @constructor @param {string} message */
  function Refused(message) {
    this.name = "Refused";
    this.message = message;
  }
  Refused.prototype = Object.create(Error.prototype);

  // --- pure --------------------------------------------------------------------------------
  /** @param {any} record @param {string | null | undefined} fallback @returns {string} */
  function stamp(record, fallback) {
    return record && typeof record.updated === "string" ? record.updated : (fallback || "");
  }

  /** @param {any} a @param {any} b @param {string[]} fields */
  function sameContent(a, b, fields) {
    return fields.every(function (f) { return (a[f] === undefined ? null : a[f]) === (b[f] === undefined ? null : b[f]); });
  }

  /** @param {object} map @param {string} key */
  function own(map, key) { return Object.prototype.hasOwnProperty.call(map, key); }

  /* Per record, the newer one wins (a record without a time counts as oldest; on a tie, mine
     stays). Returns the combined records, the IDs added, and the conflicts: records present on
     both sides with different content, and which side was kept. An ID is any text: records
     named "constructor" or "__proto__" are records like the others (a map without prototype). */
  /** @template {object} R
      @param {Record<string, R>} mine @param {Record<string, R>} theirs @param {string[]} fields
      @param {{ mine?: string | null, theirs?: string | null }} [fallbacks] @returns {Combined<R>} */
  function combineRecords(mine, theirs, fields, fallbacks) {
    /** @type {Record<string, R>} */
    var out = Object.create(null);
    /** @type {string[]} */
    var added = [];
    /** @type {RecordConflict<R>[]} */
    var conflicts = [];
    fallbacks = fallbacks || {};
    Object.keys(mine).forEach(function (id) { out[id] = mine[id]; });
    Object.keys(theirs).forEach(function (id) {
      var a = own(mine, id) ? mine[id] : null, b = theirs[id];
      if (!a) { out[id] = b; added.push(id); return; }
      if (sameContent(a, b, fields)) return;
      var theirsNewer = stamp(b, fallbacks && fallbacks.theirs) > stamp(a, fallbacks && fallbacks.mine);
      if (theirsNewer) out[id] = b;
      conflicts.push({ id: id, kept: theirsNewer ? "theirs" : "mine", mine: a, theirs: b });
    });
    return { records: out, added: added, conflicts: conflicts };
  }

  /** @param {Snapshot} snap */
  function snapshotSize(snap) {
    return (snap.data ? snap.data.length : 0) + 200;
  }

  /* Append a snapshot, then drop the oldest while over the count or size budget; the newest
     one is always kept, whatever its size. */
  /** @param {Snapshot[]} list @param {Snapshot} snap @param {SnapshotLimits} [limits] @returns {Snapshot[]} */
  function pushSnapshot(list, snap, limits) {
    var max = (limits || SNAPSHOT_LIMITS).max, budget = (limits || SNAPSHOT_LIMITS).budget;
    var out = list.concat([snap]);
    var total = out.reduce(function (sum, s) { return sum + snapshotSize(s); }, 0);
    while (out.length > 1 && (out.length > max || total > budget)) {
      total -= snapshotSize(/** @type {Snapshot} */ (out.shift()));
    }
    return out;
  }

  /* Whatever is found under the snapshots key; something unreadable is itself kept as one. */
  /** @param {string | null} text @returns {Snapshot[]} */
  function parseSnapshots(text) {
    if (!text) return [];
    try {
      var list = JSON.parse(text);
      if (Array.isArray(list)) return list.filter(/** @param {any} s */ function (s) { return s && typeof s === "object" && typeof s.id === "string"; });
    } catch (e) { /* fall through */ }
    return [{ id: "unreadable-history", when: null, reason: { code: "unreadable-history" }, data: String(text) }];
  }

  // --- browser -----------------------------------------------------------------------------
  /** @param {Window} win @returns {Storage | null} */
  function localStore(win) {
    try {
      var s = win.localStorage;
      s.getItem(PREFIX + "probe");   // reading is enough: a full storage must not hide what is stored
      return s;
    } catch (e) {
      return null;
    }
  }

  /** @param {string} tool @param {number} version @param {Window} [win] @returns {StoreHandle} */
  function open(tool, version, win) {
    var w = win || window;
    var key = PREFIX + tool + "/v" + version;
    var snapKey = key + "/snapshots";
    var ls = localStore(w);

    function read() { return ls ? ls.getItem(key) : null; }

    /* fn(latest stored text) returns the new record set to store (null removes it) or throws
       Refused. Nothing is written if fn refuses or if the browser refuses to store. */
    /** @param {(text: string | null) => unknown} fn @returns {StoreResult} */
    function update(fn) {
      if (!ls) return { ok: false, problem: "unavailable" };
      var text = ls.getItem(key), doc;
      try {
        doc = fn(text);
      } catch (e) {
        if (e instanceof Refused) return { ok: false, problem: "refused", message: /** @type {Error} */ (e).message };
        throw e;
      }
      try {
        if (doc === null) ls.removeItem(key);
        else ls.setItem(key, typeof doc === "string" ? doc : JSON.stringify(doc));
      } catch (e) {
        return { ok: false, problem: "full" };
      }
      return { ok: true };
    }

    /** @returns {Snapshot[]} */
    function snapshots() { return ls ? parseSnapshots(ls.getItem(snapKey)) : []; }

    /* Keep `text` as a snapshot; returns it, or null when it could not be written. */
    /** @param {SnapshotReason | string} reason @param {string | null} text @param {SnapshotSummary | null} [meta] @param {string | null} [when]
        @returns {Snapshot | null} */
    function snapshot(reason, text, meta, when) {
      if (!ls) return null;
      var at = when || new Date().toISOString();
      /** @type {Snapshot} */
      var snap = { id: at + "-" + Math.random().toString(36).slice(2, 8), when: at, reason: reason,
                   organisation: (meta && meta.organisation) || "", count: (meta && meta.count) || 0, data: text || "" };
      try {
        ls.setItem(snapKey, JSON.stringify(pushSnapshot(snapshots(), snap)));
      } catch (e) {
        return null;
      }
      return snap;
    }

    /* Rewrite one snapshot: fn(snapshot) returns { data, organisation, count } or null to leave
       it. Returns true when rewritten, false when not, null when no snapshot has that id. */
    /** @param {string} id @param {(snap: Snapshot) => ({ data: string } & SnapshotSummary) | null} fn @returns {boolean | null} */
    function amendSnapshot(id, fn) {
      var list = snapshots(), snap = list.filter(function (s) { return s.id === id; })[0];
      if (!snap || !ls) return null;
      var next = fn(snap);
      if (!next) return false;
      snap.data = next.data;
      snap.organisation = next.organisation || "";
      snap.count = next.count || 0;
      try {
        ls.setItem(snapKey, JSON.stringify(list));
      } catch (e) {
        return false;
      }
      return true;
    }

    /** @overload @param {string} name @returns {string | null} */
    /** @overload @param {string} name @param {string | null} value @returns {boolean | null} */
    /** @param {string} name @param {string | null} [value] @returns {string | boolean | null} */
    function meta(name, value) {
      if (!ls) return null;
      if (value === undefined) return ls.getItem(key + "/" + name);
      try {
        if (value === null) ls.removeItem(key + "/" + name);
        else ls.setItem(key + "/" + name, value);
        return true;
      } catch (e) {
        return false;
      }
    }

    /* Call fn whenever what is stored may differ from what the page shows: another tab wrote,
       the page came back from the back-forward cache, or the user returned to it. */
    /** @param {(why: "storage" | "pageshow" | "visible" | "focus") => void} fn */
    function watch(fn) {
      w.addEventListener("storage", function (e) {
        if (e.key === null || e.key === key || e.key.indexOf(key + "/") === 0) fn("storage");
      });
      w.addEventListener("pageshow", function (e) { if (e.persisted) fn("pageshow"); });
      w.document.addEventListener("visibilitychange", function () { if (w.document.visibilityState === "visible") fn("visible"); });
      w.addEventListener("focus", function () { fn("focus"); });
    }

    /* Ask the browser not to evict this origin's data; done(true|false), or done(null) where
       the browser has no such request. */
    /** @param {(granted: boolean | null) => void} done */
    function persist(done) {
      var sm = w.navigator && w.navigator.storage;
      if (!sm || typeof sm.persist !== "function") { done(null); return; }
      sm.persisted().then(function (already) { return already || sm.persist(); })
        .then(function (granted) { done(!!granted); }, function () { done(null); });
    }

    return { key: key, available: !!ls, read: read, update: update, snapshots: snapshots, snapshot: snapshot, amendSnapshot: amendSnapshot,
             meta: meta, watch: watch, persist: persist };
  }

  return { PREFIX: PREFIX, SNAPSHOT_LIMITS: SNAPSHOT_LIMITS, Refused: Refused, combineRecords: combineRecords,
           pushSnapshot: pushSnapshot, parseSnapshots: parseSnapshots, open: open };
});
