/* The worksheets' storage: a thin adapter over localStorage for one key. Every change reads
   the latest stored text, applies that one change and writes it back, so a tab never writes a
   stale copy over another tab's work. Before anything replaces records, the stored text is kept
   as a snapshot (if that cannot be written, nothing is replaced). A full or blocked storage is
   reported, never hidden. The same guarantees as the self-assessment's ToolkitStore (issue 10):
   once merged, open(key) can become ToolkitStore.open("worksheets/<id>", 1). */
(function (root) {
  "use strict";
  var MAX_SNAPSHOTS = 10;

  function storage(win) {
    try {
      var s = win.localStorage;
      s.getItem("partnering-guidelines/probe");
      return s;
    } catch (e) {
      return null;
    }
  }

  function open(key, win) {
    win = win || window;
    var ls = storage(win);
    var snapKey = key + "/snapshots";

    function read() { return ls ? ls.getItem(key) : null; }

    /* fn(latest stored text) -> text to store, or null to write nothing; returns {ok} or {ok: false, problem}. */
    function update(fn) {
      if (!ls) return { ok: false, problem: "unavailable" };
      var text = fn(ls.getItem(key));
      if (text === null) return { ok: false, problem: "refused" };
      try {
        ls.setItem(key, text);
      } catch (e) {
        return { ok: false, problem: "full" };
      }
      return { ok: true };
    }

    function snapshots() {
      if (!ls) return [];
      try {
        var list = JSON.parse(ls.getItem(snapKey) || "[]");
        return Array.isArray(list) ? list.filter(function (s) { return s && typeof s.data === "string"; }) : [];
      } catch (e) {
        return [];
      }
    }

    function snapshot(reason, text, when) {
      if (!ls) return false;
      if (!text) return true;
      var list = snapshots().concat([{ when: when, reason: reason, data: text }]).slice(-MAX_SNAPSHOTS);
      try {
        ls.setItem(snapKey, JSON.stringify(list));
        return true;
      } catch (e) {
        return false;
      }
    }

    /* Call fn when what is stored may differ from what the page shows. */
    function watch(fn) {
      win.addEventListener("storage", function (e) { if (e.key === null || e.key === key || e.key.indexOf(key + "/") === 0) fn("storage"); });
      win.addEventListener("pageshow", function (e) { if (e.persisted) fn("pageshow"); });
      win.document.addEventListener("visibilitychange", function () { if (win.document.visibilityState === "visible") fn("visible"); });
    }

    return { key: key, available: !!ls, read: read, update: update, snapshots: snapshots, snapshot: snapshot, watch: watch };
  }

  root.WorksheetStore = { open: open };
})(typeof self !== "undefined" ? self : this);
