// One origin's localStorage as Chromium keeps it: a backing store shared by every tab, and in each
// tab a copy that other tabs' writes reach only when the tab takes them in (sync()), as a busy tab
// takes them in only once its main thread is free. A quota in characters, as a browser's.
"use strict";

function origin(quota) {
  const data = new Map();
  const size = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  const tabs = [];
  return {
    data,
    size,
    /* A tab's localStorage; `live` tabs see every write at once, others after sync(). */
    tab(live = true) {
      let copy = new Map(data);
      const area = {
        get length() { return (live ? data : copy).size; },
        key(i) { return [...(live ? data : copy).keys()][i] ?? null; },
        getItem(k) { const m = live ? data : copy; return m.has(k) ? m.get(k) : null; },
        setItem(k, v) {
          v = String(v);
          const before = data.has(k) ? k.length + data.get(k).length : 0;
          if (quota !== undefined && size() - before + k.length + v.length > quota) {
            const e = new Error("full"); e.name = "QuotaExceededError"; throw e;
          }
          data.set(k, v);
          copy.set(k, v);
        },
        removeItem(k) { data.delete(k); copy.delete(k); },
        sync() { copy = new Map(data); },
      };
      tabs.push(area);
      return area;
    },
    syncAll() { tabs.forEach((t) => t.sync()); },
  };
}

/* A window for the data layer: only what it uses. */
function fakeWindow() {
  return { addEventListener() {}, setTimeout, clearTimeout, document: { addEventListener() {}, visibilityState: "visible" } };
}

/* A clock that moves on a second a call, from `start` (ISO), shifted by `shiftMs`. */
function clock(start = "2026-01-01T00:00:00.000Z", shiftMs = 0) {
  let tick = 0;
  return () => new Date(Date.parse(start) + shiftMs + (tick += 1000)).toISOString();
}

module.exports = { origin, fakeWindow, clock };
