/* The toolkit's data layer: what the worksheets and the action plan keep in the browser (and any
   tool to come). Keys and limits come from the storage contract (macros/site/storage.json), which
   the page model carries.

   Why it is shaped like this: Chromium gives each tab its own copy of localStorage and applies
   other tabs' writes to it later, by seconds when the tab is busy. A tab that reads a whole
   document, changes one field and writes it back therefore writes other tabs' work away. Here
   no key is ever rewritten:
   - each value of each field is its own key, a *version*, written once and never changed:
       <data_prefix><tool>/<record>/<field>/<version id> -> {"v": value, "t": time, "s": [ids it replaced]}
   - a change writes a new version, then removes the versions it replaced: the ones this tab had
     read. Removing a key that never changes can only remove what this tab saw, so a tab whose
     copy lags writes its version beside the one it missed, never over it;
   - the versions of a field that no other version replaced are its *heads*: one is the field's
     value; several are a conflict (two tabs changed the field at once), kept until someone
     chooses. An empty value is no version at all (clearing removes what was seen).
   A removed row is a version of its "@deleted" field that lists the cells it saw ("w"): a cell
   written since that the removal did not see brings the row back, so text typed in a row while
   another tab removed it is never hidden. Times only order heads and imports: a write replaces
   what it saw whatever the clocks say, and is stamped after it (a clock hours ahead cannot win).
   Earlier versions (snapshots) are keys of their own too. Pure parts run in Node for the tests. */
// @ts-check
(/** @param {any} root @param {() => DataLayerModule} factory */ function (root, factory) {
  "use strict";
  var layer = factory();
  if (typeof module === "object" && module.exports) module.exports = layer;
  else root.DataLayer = layer;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var MAX_TIME = 253402300799999;   // 9999-12-31T23:59:59.999Z: a later time would not sort as text
  var EPOCH = "1970-01-01T00:00:00.000Z";   // the time of a value that came without one (oldest)
  var SEGMENT = /^[A-Za-z0-9@:._~-]{1,120}$/;   // tool, record, field and version ids: no "/"

  // Maps keyed by ids that come from files: "constructor" or "__proto__" are ids like any other.
  /** @template [T=unknown] @returns {Record<string, T>} */
  function dict() { return Object.create(null); }
  /** @param {object | null | undefined} map @param {string} key */
  function own(map, key) { return !!map && Object.prototype.hasOwnProperty.call(map, key); }

  // --- pure ------------------------------------------------------------------------------------
  /** @param {unknown} value @returns {value is "" | null | undefined | false} */
  function isEmpty(value) { return value === "" || value === null || value === undefined || value === false; }

  /** @param {unknown} value @returns {string | null} */
  function isStamp(value) {
    if (typeof value !== "string" || value.length > 40) return null;
    var ms = Date.parse(value);
    return isFinite(ms) && ms >= 0 && ms <= MAX_TIME ? new Date(ms).toISOString() : null;
  }

  /** @param {string | null | undefined} a @param {string | null | undefined} b @returns {string | null} */
  function later(a, b) { return !a ? (b || null) : !b ? a : (b > a ? b : a); }

  /* The time for a write made at `wall` over what was stamped `seen`: its own, or just after
     `seen` when the clock says earlier (as the self-assessment does, assessment-core.js). */
  /** @param {string} wall @param {string | null | undefined} seen @returns {string} */
  function stampAfter(wall, seen) {
    if (!seen || (wall && wall > seen)) return wall;
    var ms = Date.parse(seen) + 1;
    return ms <= MAX_TIME ? new Date(ms).toISOString() : seen;
  }

  /* A stored version, or null when it is not one (left alone, never shown). */
  /** @param {string} text @returns {StoredVersion | null} */
  function parseVersion(text) {
    var raw;
    try { raw = JSON.parse(text); } catch (e) { return null; }
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return null;
    var v = raw.v, type = typeof v;
    if (type !== "string" && type !== "number" && type !== "boolean") return null;
    var t = isStamp(raw.t) || EPOCH;
    var s = Array.isArray(raw.s) ? raw.s.filter(/** @param {unknown} x */ function (x) { return typeof x === "string"; }) : [];
    /** @type {StoredVersion} */
    var out = { v: v, t: t, s: s };
    if (Array.isArray(raw.w)) out.w = raw.w.filter(/** @param {unknown} x */ function (x) { return typeof x === "string"; });
    return out;
  }

  /** @param {Head} a @param {Head} b */
  function newer(a, b) { return a.time > b.time || (a.time === b.time && a.id > b.id); }

  /* A field from its versions (id -> parsed): { value, time, id, heads } with the heads newest
     first, or null when it has none. */
  /** @param {Record<string, StoredVersion>} versions @returns {LayerField | null} */
  function fieldOf(versions) {
    var replaced = dict(), heads = /** @type {Head[]} */ ([]);
    Object.keys(versions).forEach(function (id) { versions[id].s.forEach(function (r) { replaced[r] = true; }); });
    Object.keys(versions).forEach(function (id) {
      if (own(replaced, id)) return;
      var x = versions[id];
      heads.push({ id: id, value: x.v, time: x.t, w: x.w || null });
    });
    if (!heads.length) return null;
    heads.sort(function (a, b) { return newer(a, b) ? -1 : newer(b, a) ? 1 : 0; });
    return { value: heads[0].value, time: heads[0].time, id: heads[0].id, heads: heads };
  }

  /** @param {LayerField | null} field @returns {string[]} */
  function headIds(field) { return field ? field.heads.map(function (h) { return h.id; }) : []; }

  /* Whether a row's record is removed: its "@deleted" field holds a removal, and every cell it
     has now was seen by a removal (a cell written since, by a tab that had not seen the removal,
     brings the row back with that text). */
  /** @param {LayerRecord} record */
  function isRemoved(record) {
    var del = record && own(record, "@deleted") ? record["@deleted"] : null;
    if (!del || del.value !== true) return false;
    var seen = dict();
    del.heads.forEach(function (h) { (h.w || []).forEach(function (id) { seen[id] = true; }); });
    return !Object.keys(record).some(function (f) {
      if (f.charAt(0) === "@") return false;
      return record[f].heads.some(function (h) { return !own(seen, h.id); });
    });
  }

  /* The heads of every cell of a record (what a removal saw). */
  /** @param {LayerRecord} record */
  function cellHeads(record) {
    /** @type {string[]} */
    var out = [];
    Object.keys(record || {}).forEach(function (f) { if (f.charAt(0) !== "@") out = out.concat(headIds(record[f])); });
    return out;
  }

  /* A copy of a state with this page's changes not stored yet on top (for exports and views). */
  /** @param {LayerState} state @param {Edit[] | null | undefined} edits @param {string} now @returns {LayerState} */
  function overlay(state, edits, now) {
    /** @type {LayerState} */
    var out = { records: dict() };
    Object.keys(state.records).forEach(function (r) {
      out.records[r] = dict();
      Object.keys(state.records[r]).forEach(function (f) { out.records[r][f] = state.records[r][f]; });
    });
    (edits || []).forEach(function (e) {
      var rec = own(out.records, e.record) ? out.records[e.record] : (out.records[e.record] = dict());
      if (isEmpty(e.value)) { delete rec[e.field]; return; }
      var prev = own(rec, e.field) ? rec[e.field] : null;
      /** @type {Head} */
      var head = { id: "unsaved", value: e.value, time: now, w: e.field === "@deleted" ? cellHeads(rec) : null };
      rec[e.field] = { value: e.value, time: now, id: "unsaved", heads: [head].concat(prev ? prev.heads.slice(1) : []) };
    });
    return out;
  }

  /* What an import (or a restore) writes. `incoming`: record -> field -> { value, time } (time
     "" when the file has none, which never beats a value here). mode "combine": per field, the
     newer wins and both kept differing are listed; "replace": every field becomes the file's
     (records and fields it lacks are emptied, rows it lacks removed). Returns { ops, added,
     conflicts } for write(). `rowLike(record)`: whether a record is a row that is removed
     rather than emptied. */
  /** @param {LayerState} state @param {Incoming} incoming @param {"combine" | "replace"} mode
      @param {((record: string) => boolean) | null} rowLike @returns {ImportPlan} */
  function importOps(state, incoming, mode, rowLike) {
    var ops = /** @type {WriteOp[]} */ ([]), added = /** @type {string[]} */ ([]), conflicts = /** @type {FieldConflict[]} */ ([]);
    /** @param {string} r @param {string} f */
    function field(r, f) { return own(state.records, r) && own(state.records[r], f) ? state.records[r][f] : null; }
    Object.keys(incoming).forEach(function (r) {
      var rec = incoming[r];
      var removedHere = own(state.records, r) && isRemoved(state.records[r]);
      var wasNew = !own(state.records, r) || removedHere;
      Object.keys(rec).forEach(function (f) {
        var cur = field(r, f), theirs = rec[f];
        var time = isStamp(theirs.time) || "";
        var value = theirs.value;
        if (mode === "replace") {
          if (cur && cur.heads.length === 1 && cur.value === value) return;
          if (!cur && isEmpty(value)) return;
          ops.push({ record: r, field: f, value: value, base: headIds(cur), time: time });
          return;
        }
        if (removedHere && f.charAt(0) !== "@") return;    // a row removed here stays removed, with what it had
        if (!cur) {
          if (isEmpty(value)) return;
          ops.push({ record: r, field: f, value: value, base: [], time: time });
          if (wasNew && added.indexOf(r) < 0) added.push(r);
          return;
        }
        if (cur.heads.some(function (h) { return h.value === value; })) return;
        var theirsNewer = !!time && time > cur.time;
        if (theirsNewer) {
          ops.push({ record: r, field: f, value: value, base: cur.heads.filter(function (h) { return h.time < time; }).map(function (h) { return h.id; }), time: time });
        }
        conflicts.push({ record: r, field: f, kept: theirsNewer ? "theirs" : "mine", mine: cur.value, theirs: value });
      });
    });
    if (mode === "replace") {
      Object.keys(state.records).forEach(function (r) {
        var here = state.records[r], there = own(incoming, r) ? incoming[r] : null;
        if (!there && rowLike && rowLike(r)) {
          if (!isRemoved(here)) ops.push({ record: r, field: "@deleted", value: true, base: headIds(here["@deleted"] || null), seen: cellHeads(here) });
          return;
        }
        Object.keys(here).forEach(function (f) {
          if (there && own(there, f)) return;
          if (f === "@deleted" && !there) return;
          ops.push({ record: r, field: f, value: "", base: headIds(here[f]) });
        });
      });
    }
    return { ops: ops, added: added, conflicts: conflicts };
  }

  /** @param {HistorySnapshot} s */
  function snapshotSize(s) { return (s.data ? s.data.length : 0) + 300; }

  /* Which earlier versions to drop so that `list` plus `snap` keeps within the limits: the
     oldest first, but never the oldest of all (the original work) nor the new one. Returns
     { drop: [ids] }, or { refuse: true } when even that is not enough. */
  /** @param {HistorySnapshot[]} list @param {HistorySnapshot} snap @param {StorageLimits} limits @returns {PruneResult} */
  function pruneHistory(list, snap, limits) {
    var all = list.slice().sort(function (a, b) { return (a.when || "") < (b.when || "") ? -1 : (a.when || "") > (b.when || "") ? 1 : 0; });
    var count = all.length + 1, size = all.reduce(function (n, s) { return n + snapshotSize(s); }, snapshotSize(snap));
    var drop = [];
    for (var i = 1; i < all.length && (count > limits.history_count || size > limits.history_chars); i++) {
      drop.push(all[i].id);
      count -= 1;
      size -= snapshotSize(all[i]);
    }
    if (count > limits.history_count || size > limits.history_chars) return { refuse: true };
    return { drop: drop };
  }

  /* CSV text -> rows of cells, for every tool's CSV import (linear: cells are sliced, not built a character at a time), or
     null when a quote is never closed. Stops after maxRows + 1 rows: the caller refuses more. */
  /** @param {string} input @param {number} [maxRows] @returns {string[][] | null} */
  function parseCSV(input, maxRows) {
    var s = input.charAt(0) === "\uFEFF" ? input.slice(1) : input;
    var rows = [], row = [], i = 0, n = s.length, limit = maxRows === undefined ? Infinity : maxRows + 1;
    while (i <= n && rows.length <= limit) {
      var cell;
      if (s.charAt(i) === "\"") {
        var parts = [], from = i + 1;
        for (;;) {
          var q = s.indexOf("\"", from);
          if (q < 0) return null;
          parts.push(s.slice(from, q));
          if (s.charAt(q + 1) === "\"") { parts.push("\""); from = q + 2; continue; }
          i = q + 1;
          break;
        }
        cell = parts.join("");
        // text after a closing quote, up to the separator, belongs to the cell (as spreadsheets read it)
        var rest = i;
        while (rest < n && s.charAt(rest) !== "," && s.charAt(rest) !== "\n" && s.charAt(rest) !== "\r") rest++;
        cell += s.slice(i, rest);
        i = rest;
      } else {
        var end = i;
        while (end < n && s.charAt(end) !== "," && s.charAt(end) !== "\n" && s.charAt(end) !== "\r") end++;
        cell = s.slice(i, end);
        i = end;
      }
      row.push(cell);
      if (i >= n) { rows.push(row); break; }
      var ch = s.charAt(i);
      if (ch === ",") { i++; if (i === n) { row.push(""); rows.push(row); break; } continue; }
      if (ch === "\r" && s.charAt(i + 1) === "\n") i++;
      i++;
      rows.push(row);
      row = [];
      if (i === n) break;
    }
    return rows.filter(function (r) { return r.some(function (c) { return c !== ""; }); });
  }

  /* A cell as typed: the quote that defused a formula on export (csvCell) taken off. */
  /** @param {string} s */
  function undefuse(s) { return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s; }

  // --- the browser -----------------------------------------------------------------------------
  /** @param {Window} win @param {string} namespace @returns {Storage | null} */
  function localStore(win, namespace) {
    try {
      var s = win.localStorage;
      s.getItem(namespace + "probe");   // reading is enough: a full storage can still be read
      return s;
    } catch (e) {
      return null;
    }
  }

  function randomId() {
    var c = typeof crypto !== "undefined" && crypto.getRandomValues ? crypto.getRandomValues(new Uint32Array(1))[0] : Math.floor(Math.random() * 4294967296);
    return c.toString(36);
  }

  /* options: { contract, win, storage (default win.localStorage), clock () -> ISO time } */
  /** @param {DataLayerOptions} options @returns {DataLayerHandle} */
  function open(options) {
    var contract = options.contract, win = options.win;
    var ls = options.storage !== undefined ? options.storage : localStore(win, contract.namespace);
    var clock = options.clock || function () { return new Date().toISOString(); };
    var DATA = contract.data_prefix, HISTORY = contract.history_prefix, META = contract.meta_prefix;
    // A tool-name prefix whose keys a tab removed on purpose (a deleted workspace) is marked
    // first under this key, so that every other tab keeps what it holds of those tools on its
    // page (and in its exports) rather than emptying it as the removals arrive.
    var DROPPED = META + "@dropped/";
    /** @type {Record<string, boolean>} */
    var dropped = dict();
    var tab = randomId(), seq = 0;
    /** @type {Record<string, Record<string, Record<string, Record<string, StoredVersion>>>>} */
    var index = dict();     // tool -> record -> field -> version id -> parsed version
    /** @type {Record<string, Record<string, HistorySnapshot>>} */
    var history = dict();   // tool -> snapshot id -> snapshot
    /** @type {Record<string, LayerState>} */
    var cache = dict();     // tool -> state, until the index changes

    /** @param {Storage} store */
    function keys(store) {
      var out = [];
      for (var i = 0; i < store.length; i++) out.push(store.key(i));
      return out;
    }

    /* Learn one key's value (null: removed). */
    /** @param {string} key @param {string | null} text @returns {boolean} */
    function learn(key, text) {
      var parts;
      if (key.indexOf(DROPPED) === 0) {
        if (text !== null) dropped[key.slice(DROPPED.length)] = true;
        return true;
      }
      if (key.indexOf(DATA) === 0) {
        parts = key.slice(DATA.length).split("/");
        if (parts.length !== 4) return false;
        var tool = parts[0], r = parts[1], f = parts[2], id = parts[3];
        if (text === null && isDropped(tool)) return false;
        delete cache[tool];
        var x = text === null ? null : parseVersion(text);
        var recs = own(index, tool) ? index[tool] : (index[tool] = dict());
        var rec = own(recs, r) ? recs[r] : (recs[r] = dict());
        var versions = own(rec, f) ? rec[f] : (rec[f] = dict());
        if (x) versions[id] = x;
        else delete versions[id];
        return true;
      }
      if (key.indexOf(HISTORY) === 0) {
        parts = key.slice(HISTORY.length).split("/");
        if (parts.length !== 2) return false;
        if (text === null && isDropped(parts[0])) return false;
        var list = own(history, parts[0]) ? history[parts[0]] : (history[parts[0]] = dict());
        var snap = null;
        try { snap = text === null ? null : JSON.parse(text); } catch (e) { snap = null; }
        if (snap && typeof snap === "object" && typeof snap.data === "string") {
          snap.id = parts[1];
          list[parts[1]] = snap;
        } else delete list[parts[1]];
        return true;
      }
      return false;
    }

    /** @param {string} tool */
    function isDropped(tool) { return Object.keys(dropped).some(function (p) { return tool.indexOf(p) === 0; }); }

    /* Read everything again (at open, and when the page may have missed changes); what this page
       holds of dropped tools is kept. */
    function rescan() {
      var keptIndex = index, keptHistory = history;
      index = dict();
      history = dict();
      cache = dict();
      if (!ls) return;
      var store = ls;   // not null (checked above): tsc does not carry a var's check into a callback
      keys(store).forEach(function (k) {
        if (k && k.indexOf(DROPPED) === 0) learn(k, store.getItem(k));
      });
      Object.keys(keptIndex).forEach(function (tool) { if (isDropped(tool)) index[tool] = keptIndex[tool]; });
      Object.keys(keptHistory).forEach(function (tool) { if (isDropped(tool)) history[tool] = keptHistory[tool]; });
      keys(store).forEach(function (k) {
        if (k && (k.indexOf(DATA) === 0 || k.indexOf(HISTORY) === 0)) learn(k, store.getItem(k));
      });
    }

    /** @param {string} tool @param {string} r @param {string} f */
    function versionsOf(tool, r, f) {
      return own(index, tool) && own(index[tool], r) && own(index[tool][r], f) ? index[tool][r][f] : null;
    }

    /* tool's state: { records: record -> field -> { value, time, id, heads } }. */
    /** @param {string} tool @returns {LayerState} */
    function state(tool) {
      if (own(cache, tool)) return cache[tool];
      /** @type {LayerState} */
      var out = { records: dict() };
      /** @type {Record<string, Record<string, Record<string, StoredVersion>>>} */
      var recs = own(index, tool) ? index[tool] : dict();
      Object.keys(recs).forEach(function (r) {
        var rec = /** @type {LayerRecord} */ (dict()), any = false;
        Object.keys(recs[r]).forEach(function (f) {
          var field = fieldOf(recs[r][f]);
          if (field) { rec[f] = field; any = true; }
        });
        if (any) out.records[r] = rec;
      });
      cache[tool] = out;
      return out;
    }

    /** @param {string} tool @param {string} r @param {string} f @param {string} id */
    function keyOf(tool, r, f, id) { return DATA + tool + "/" + r + "/" + f + "/" + id; }

    /** @param {string} tool @param {WriteOp} op */
    function check(tool, op) {
      [tool, op.record, op.field].forEach(function (s) { if (!SEGMENT.test(s)) throw new Error("not a valid id: " + String(s).slice(0, 80)); });
    }

    /* Store changes. ops: [{ record, field, value, base: [version ids this change replaces],
       time? (an import's), seen? (a removal's cells) }]. All or nothing: if one version cannot
       be written, those written are taken back. Returns { ok, ids: [new version id or null],
       problem: "unavailable" | "full" }. */
    /** @param {string} tool @param {WriteOp[]} ops @returns {WriteResult} */
    function write(tool, ops) {
      // A dropped tool's keys would be kept where no page shows them: its changes stay on the page.
      if (!ls || isDropped(tool)) return { ok: false, problem: "unavailable" };
      var store = ls;   // not null (checked above): tsc does not carry a var's check into a callback
      var now = clock(), written = /** @type {string[]} */ ([]), ids = /** @type {(string | null)[]} */ ([]), cells = /** @type {Record<string, string[]>} */ (dict());
      ops.forEach(function (op) { check(tool, op); });
      // Removals last: a removal written with cells of its row has seen them.
      var order = ops.map(function (op, i) { return i; }).sort(function (a, b) {
        return +(ops[a].field === "@deleted") - +(ops[b].field === "@deleted") || a - b;
      });
      for (var n = 0; n < order.length; n++) {
        var i = order[n], op = ops[i], versions = versionsOf(tool, op.record, op.field), seenTime = /** @type {string | null} */ (null);
        (op.base || []).forEach(function (id) { if (versions && own(versions, id)) seenTime = later(seenTime, versions[id].t); });
        if (isEmpty(op.value)) { ids[i] = null; continue; }
        var id = Date.parse(now).toString(36) + "-" + tab + "-" + (seq++).toString(36);
        /** @type {StoredVersion} */
        var body = { v: op.value, t: stampAfter(op.time || now, seenTime), s: (op.base || []).slice() };
        if (op.field === "@deleted") body.w = (op.seen || []).concat(own(cells, op.record) ? cells[op.record] : []);
        var key = keyOf(tool, op.record, op.field, id), text = JSON.stringify(body);
        try {
          ls.setItem(key, text);
        } catch (e) {
          written.forEach(function (k) { store.removeItem(k); learn(k, null); });
          return { ok: false, problem: "full" };
        }
        written.push(key);
        learn(key, text);
        ids[i] = id;
        if (op.field.charAt(0) !== "@") (own(cells, op.record) ? cells[op.record] : (cells[op.record] = [])).push(id);
      }
      ops.forEach(function (op) {
        (op.base || []).forEach(function (id) {
          var k = keyOf(tool, op.record, op.field, id);
          store.removeItem(k);
          learn(k, null);
        });
      });
      return { ok: true, ids: ids };
    }

    // --- earlier versions --------------------------------------------------------------------
    /** @param {string} tool @returns {HistorySnapshot[]} */
    function snapshots(tool) {
      /** @type {Record<string, HistorySnapshot>} */
      var list = own(history, tool) ? history[tool] : dict();
      return Object.keys(list).map(function (id) { return list[id]; })
        .sort(function (a, b) { return (b.when || "") < (a.when || "") ? -1 : (b.when || "") > (a.when || "") ? 1 : 0; });
    }

    /* Keep `data` (an export's text) as an earlier version. Returns { ok, snapshot, dropped:
       [snapshots removed to keep within the limits] }, or { ok: false, problem: "full" |
       "history-full" | "unavailable" }: then nothing may be replaced. */
    /** @param {string} tool @param {SnapshotReason} reason @param {string} data @param {number} [count] @param {unknown} [at]
        @returns {KeepResult} */
    function keepSnapshot(tool, reason, data, count, at) {
      if (!ls || isDropped(tool)) return { ok: false, problem: "unavailable" };
      var when = isStamp(at) || clock();
      var snap = { id: Date.parse(clock()).toString(36) + "-" + tab + "-" + (seq++).toString(36), when: when, reason: reason, count: count || 0, data: data };
      var plan = pruneHistory(snapshots(tool), snap, contract.limits);
      if (plan.refuse) return { ok: false, problem: "history-full" };
      var key = HISTORY + tool + "/" + snap.id, text = JSON.stringify({ when: snap.when, reason: reason, count: snap.count, data: data });
      try {
        ls.setItem(key, text);
      } catch (e) {
        return { ok: false, problem: "full" };
      }
      learn(key, text);
      /** @type {HistorySnapshot[]} */
      var dropped = [];
      plan.drop.forEach(function (id) {
        var gone = own(history[tool], id) ? history[tool][id] : null;
        if (gone) dropped.push(gone);
        removeSnapshot(tool, id);
      });
      return { ok: true, snapshot: snap, dropped: dropped };
    }

    /** @param {string} tool @param {string} id */
    function removeSnapshot(tool, id) {
      if (!ls || !SEGMENT.test(id)) return;
      ls.removeItem(HISTORY + tool + "/" + id);
      learn(HISTORY + tool + "/" + id, null);
    }

    /** @overload @param {string} tool @param {string} name @returns {string | null} */
    /** @overload @param {string} tool @param {string} name @param {string | null} value @returns {boolean} */
    /** @param {string} tool @param {string} name @param {string | null} [value] @returns {string | null | boolean} */
    function meta(tool, name, value) {
      if (!ls) return value === undefined ? null : false;
      var key = META + tool + "/" + name;
      if (value === undefined) return ls.getItem(key);
      try {
        if (value === null) ls.removeItem(key);
        else ls.setItem(key, value);
        return true;
      } catch (e) {
        return false;
      }
    }

    /* Any key, for what other stores keep (the assessment's answers, version 0.1.0's keys). */
    /** @overload @param {string} key @returns {string | null} */
    /** @overload @param {string} key @param {string | null} value @returns {boolean} */
    /** @param {string} key @param {string | null} [value] @returns {string | null | boolean} */
    function raw(key, value) {
      if (!ls) return value === undefined ? null : false;
      if (value === undefined) return ls.getItem(key);
      try {
        if (value === null) ls.removeItem(key);
        else ls.setItem(key, value);
        return true;
      } catch (e) {
        return false;
      }
    }

    /* Remove every key (data, earlier versions, meta) of the tools whose names start with
       `prefix` (a workspace's, which ends in its own separator, so that no other workspace's
       name starts with it). Returns how many keys were removed. */
    /** @param {string} prefix @returns {number} */
    function dropTools(prefix) {
      if (!ls || !prefix) return 0;
      var store = ls, starts = [DATA + prefix, HISTORY + prefix, META + prefix], n = 0;
      try { store.setItem(DROPPED + prefix, clock()); } catch (e) { return 0; }   // the other tabs are told first
      dropped[prefix] = true;
      keys(store).forEach(function (k) {
        if (!k || !starts.some(function (st) { return k.indexOf(st) === 0; })) return;
        store.removeItem(k);
        n += 1;
      });
      rescan();
      return n;
    }

    /* Whether a small write succeeds now (a full storage can still be read). */
    function writable() {
      return meta("probe", "write", "1") === true && meta("probe", "write", null) === true;
    }

    /* fn(reason) whenever what is stored may differ from what the page shows: another tab
       wrote (many writes at once call it once), the page came back from the back-forward cache
       (it missed every change meanwhile: read again first), or the user came back to it. */
    /** @param {(reason: WatchReason) => void} fn */
    function watch(fn) {
      /** @type {number | null} */
      var timer = null;
      /** @param {WatchReason} reason */
      function soon(reason) {
        if (timer) return;
        timer = win.setTimeout(function () { timer = null; fn(reason); }, 30);
      }
      win.addEventListener("storage", function (e) {
        if (e.storageArea && ls && e.storageArea !== ls) return;
        if (e.key === null) { rescan(); soon("storage"); return; }
        if (learn(e.key, e.newValue) || e.key.indexOf(contract.namespace) === 0) soon("storage");
      });
      win.addEventListener("pageshow", function (e) { if (e.persisted) { rescan(); fn("pageshow"); } });
      win.document.addEventListener("visibilitychange", function () {
        if (win.document.visibilityState === "visible") { rescan(); fn("visible"); }
      });
    }

    rescan();
    return { available: !!ls, state: state, write: write, rescan: rescan, snapshots: snapshots, keepSnapshot: keepSnapshot,
             removeSnapshot: removeSnapshot, meta: meta, raw: raw, writable: writable, watch: watch, now: clock,
             dropTools: dropTools };
  }

  return { open: open, dict: dict, own: own, isEmpty: isEmpty, isStamp: isStamp, later: later, stampAfter: stampAfter,
           parseVersion: parseVersion, fieldOf: fieldOf, headIds: headIds, isRemoved: isRemoved, cellHeads: cellHeads,
           overlay: overlay, importOps: importOps, pruneHistory: pruneHistory, parseCSV: parseCSV, undefuse: undefuse, EPOCH: EPOCH };
});
