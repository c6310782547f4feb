// "Keep this language on this device": stores the language's whole site (keep.json, written by
// the build: every file with its SHA-256) in the browser's cache, for docs/sw.js to answer from
// with the network cut. On every page of a kept language it also fetches a newer version in
// the background and offers it ("A new version is ready: Reload"), and says when the browser
// has removed the copy. Over http(s) only: from file:// (the offline ZIP, a folder opened from
// disk) it does nothing and registers nothing, and the control stays hidden.
// @ts-check
(function () {
  "use strict";

  if (!/^https?:$/.test(window.location.protocol) || !("serviceWorker" in navigator) || !window.caches) return;
  var link = /** @type {HTMLLinkElement | null} */ (document.querySelector('link[rel="manifest"]'));
  if (!link) return;
  var root = new URL(".", link.href).href;     // the language's folder: the worker's scope
  var PREFIX = "partnering-guidelines/keep/v1 ";
  var META = PREFIX + root + " meta";
  var CURRENT = root + "__keep__/current";
  var PARALLEL = 4;
  var lang = document.documentElement.lang || "en";
  /** @type {Record<string, string>} */
  var strings = {};

  /** @param {string} text */
  function t(text) { return strings[text] || text; }
  /** @param {string} text @param {Record<string, string>} values */
  function tf(text, values) {
    var out = t(text);
    Object.keys(values).forEach(function (k) { out = out.split("{" + k + "}").join(values[k]); });
    return out;
  }
  /** @param {number} bytes */
  function size(bytes) {
    // style "unit" is newer than the lib tsconfig.json names (es2017).
    var options = /** @type {Intl.NumberFormatOptions} */ (/** @type {unknown} */ ({ style: "unit", unit: "megabyte", maximumFractionDigits: 1 }));
    return new Intl.NumberFormat(lang, options).format(Math.max(bytes / 1e6, 0.1));
  }
  /** @param {string} iso a date (YYYY-MM-DD, the build's, in UTC) or a moment */
  function date(iso) {
    var day = /^\d{4}-\d{2}-\d{2}$/.test(iso);
    var options = /** @type {Intl.DateTimeFormatOptions} */ ({ dateStyle: "long", timeZone: day ? "UTC" : undefined });
    return new Intl.DateTimeFormat(lang, options).format(new Date(day ? iso + "T00:00:00Z" : iso));
  }
  /** @param {string} version */
  function cacheName(version) { return PREFIX + root + " " + version; }

  /** @returns {Promise<KeptCopy | null>} */
  function readKept() {
    return caches.match(CURRENT, { cacheName: META }).then(function (found) {
      return found ? found.json() : null;
    });
  }
  /** @param {KeptCopy} kept */
  function writeKept(kept) {
    return caches.open(META).then(function (meta) {
      return meta.put(CURRENT, new Response(JSON.stringify(kept), { headers: { "content-type": "application/json" } }));
    });
  }
  /** The list of this build, from the network (none with the connection cut). @returns {Promise<KeepList | null>} */
  function fetchList() {
    // With no connection at all, nothing to ask (and no failed request in the browser's log).
    if (navigator.onLine === false) return Promise.resolve(null);
    return fetch(root + "keep.json", { cache: "no-store" }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (list) {
      if (list && list.strings) strings = list.strings;
      return list;
    }, function () { return null; });
  }
  /** The worker registered for this language's folder itself (not the English one above it). */
  function registration() {
    return navigator.serviceWorker.getRegistration(root).then(function (found) {
      return found && found.scope === root ? found : null;
    });
  }

  /** @param {ArrayBuffer} data */
  function sha256(data) {
    return crypto.subtle.digest("SHA-256", data).then(function (digest) {
      return Array.prototype.map.call(new Uint8Array(digest), function (/** @type {number} */ b) {
        return (b < 16 ? "0" : "") + b.toString(16);
      }).join("");
    });
  }

  /** A file the list names is missing, or differs: a newer build was published meanwhile. */
  class Changed extends Error {}

  /** Stores the version of `list` into its cache, reusing what an older version's cache holds
      of the same bytes; every file is checked against its SHA-256 before it is stored.
      @param {KeepList} list @param {boolean} withFiles @param {string | null} older
      @param {(done: number, total: number) => void} progress */
  function store(list, withFiles, older, progress) {
    var files = list.files.filter(function (f) { return withFiles || !f.on_request; });
    var total = files.reduce(function (sum, f) { return sum + f.bytes; }, 0), done = 0, next = 0;
    return caches.open(cacheName(list.version)).then(function (cache) {
      /** @param {KeepFile} file @returns {Promise<void>} */
      function one(file) {
        var url = root + file.path;
        return cache.match(url).then(function (there) {
          if (there) return undefined;
          var reused = older ? caches.match(url, { cacheName: cacheName(older) }) : Promise.resolve(undefined);
          return reused.then(function (old) {
            if (old && old.headers.get("x-keep-sha256") === file.sha256) return cache.put(url, old);
            return fetch(url, { cache: "no-store" }).then(function (response) {
              if (!response.ok) throw new Changed();
              var type = response.headers.get("content-type") || "application/octet-stream";
              return response.arrayBuffer().then(function (data) {
                return sha256(data).then(function (hash) {
                  if (hash !== file.sha256) throw new Changed();
                  return cache.put(url, new Response(data, { headers: { "content-type": type, "x-keep-sha256": hash } }));
                });
              });
            });
          });
        }).then(function () {
          done += file.bytes;
          progress(done, total);
        });
      }
      /** @returns {Promise<void>} */
      function lane() {
        if (next >= files.length) return Promise.resolve();
        return one(files[next++]).then(lane);
      }
      var lanes = [];
      for (var i = 0; i < PARALLEL; i++) lanes.push(lane());
      return Promise.all(lanes);
    });
  }

  /** A line at the top of the page: the update offered, or the copy removed. @param {string} text
      @param {string} label @param {() => void} action */
  function banner(text, label, action) {
    var old = document.querySelector("[data-keep-banner]");
    if (old) old.remove();
    var box = document.createElement("div");
    box.className = "keep-banner";
    box.setAttribute("data-keep-banner", "");
    box.setAttribute("role", "status");
    var p = document.createElement("p");
    p.textContent = text + " ";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = label;
    button.addEventListener("click", action);
    p.appendChild(button);
    box.appendChild(p);
    var main = document.querySelector("main") || document.body;
    main.insertBefore(box, main.firstChild);
  }

  /** The control on the home and download pages, if this page has it. */
  var control = /** @type {HTMLElement | null} */ (document.querySelector("[data-keep-offline]"));

  /** @param {KeepList} list @param {KeptCopy | null} kept @param {boolean} removed */
  function showControl(list, kept, removed) {
    if (!control) return;
    var button = /** @type {HTMLButtonElement} */ (control.querySelector("[data-keep-button]"));
    var box = /** @type {HTMLInputElement} */ (control.querySelector("[data-keep-files]"));
    var boxLabel = /** @type {HTMLElement} */ (control.querySelector("[data-keep-files-label]"));
    var progress = /** @type {HTMLProgressElement} */ (control.querySelector("[data-keep-progress]"));
    var status = /** @type {HTMLElement} */ (control.querySelector("[data-keep-status]"));
    var pages = 0, extra = 0;
    list.files.forEach(function (f) { if (f.on_request) extra += f.bytes; else pages += f.bytes; });
    button.textContent = kept || removed ? tf("Keep it again ({size})", { size: size(pages) })
      : tf("Keep this language on this device ({size})", { size: size(pages) });
    boxLabel.textContent = tf("Also keep the PDFs and the Word and Excel files ({size})", { size: size(extra) });
    box.checked = !!(kept && kept.files);
    if (box.parentElement) box.parentElement.hidden = extra === 0;
    if (removed) status.textContent = t("This device no longer holds the copy of this language you kept: the browser removed it to free space.");
    else if (kept) status.textContent = tf("Kept on this device: it opens and searches with no connection. Stored {date}, version of {built}.", { date: date(kept.kept), built: date(kept.built) });
    control.hidden = false;
    button.onclick = function () {
      button.disabled = true;
      progress.hidden = false;
      progress.value = 0;
      var withFiles = box.checked;
      var persisted = navigator.storage && navigator.storage.persist ? navigator.storage.persist().catch(function () { return false; }) : Promise.resolve(false);
      var listNow = fetchList().then(function (fresh) { return fresh || list; });
      Promise.all([persisted, listNow, readKept()]).then(function (found) {
        var fresh = found[1], before = found[2];
        var older = before ? before.version : null;
        return navigator.serviceWorker.register(root + "sw.js", { scope: root }).then(function () {
          return store(fresh, withFiles, older, function (done, total) {
            progress.value = total ? done / total : 1;
            status.textContent = tf("Keeping: {done} of {total}…", { done: size(done), total: size(total) });
          });
        }).then(function () { return navigator.serviceWorker.ready; }).then(function () {
          var kept = { version: fresh.version, built: fresh.built, kept: new Date().toISOString(), files: withFiles };
          return writeKept(kept).then(function () {
            tidy();
            showControl(fresh, kept, false);
            if (!found[0]) status.textContent += " " + t("The browser did not promise to keep it: it may remove it if space runs short.");
          });
        });
      }).catch(function (/** @type {unknown} */ error) {
        var full = error instanceof DOMException && error.name === "QuotaExceededError";
        status.textContent = full ? t("Could not keep it: not enough space on this device.")
          : t("Could not keep it: the connection was lost or the site changed meanwhile. Try again.");
      }).then(function () {
        button.disabled = false;
        progress.hidden = true;
      });
    };
  }

  /** Asks the worker to delete the versions no open page uses. */
  function tidy() {
    var worker = navigator.serviceWorker.controller;
    if (worker) worker.postMessage("tidy");
  }

  /** A newer version, stored in the background; offered once complete. @param {KeepList} list @param {KeptCopy} kept */
  function update(list, kept) {
    var offer = function () {
      banner(t("A new version of this language is ready."), t("Reload"), function () {
        writeKept({ version: list.version, built: list.built, kept: new Date().toISOString(), files: kept.files })
          .then(function () { window.location.reload(); });
      });
    };
    if (kept.ready === list.version) {
      caches.has(cacheName(list.version)).then(function (there) {
        if (there) offer();
        else update(list, { version: kept.version, built: kept.built, kept: kept.kept, files: kept.files });
      });
      return;
    }
    store(list, kept.files, kept.version, function () {}).then(function () {
      return readKept();
    }).then(function (now) {
      if (!now || now.version !== kept.version) return undefined;   // another tab switched meanwhile
      now.ready = list.version;
      // Offered only if its cache is still there: a tidy that another page had asked for before
      // this copy was marked ready saw it as no page's and deleted it while it was being filled
      // (the page then switched to a copy that was not there, and nothing opened offline). Once
      // marked ready no tidy deletes it, so the check, and a second fill if it went, hold.
      var ready = now;
      return writeKept(now).then(function () { update(list, ready); });
    }).catch(function () {
      // The site changed again or the connection went: the next page tries again.
    });
  }

  Promise.all([registration(), readKept()]).then(function (found) {
    var registered = found[0], kept = found[1];
    // The list only where it is used: the control's page, or a language kept (for its updates).
    return (registered || control ? fetchList() : Promise.resolve(null)).then(function (list) {
      return { registered: registered, kept: kept, list: list };
    });
  }).then(function (found) {
    var registered = found.registered, kept = found.kept, list = found.list;
    if (!registered) {
      if (list) showControl(list, null, false);
      return;
    }
    var there = kept ? caches.has(cacheName(kept.version)) : Promise.resolve(false);
    return there.then(function (intact) {
      if (!intact || !kept) {
        // Kept once (the worker is registered), and the browser has removed the copy since.
        if (list) showControl(list, null, true);
        if (!control) {
          banner(t("This device no longer holds the copy of this language you kept: the browser removed it to free space."),
            t("Keep it again"), function () { window.location.href = root + "download.html#keep"; });
        }
        return;
      }
      tidy();
      if (!list) return;
      showControl(list, kept, false);
      if (list.version !== kept.version) update(list, kept);
    });
  }).catch(function () {
    // No storage (a private window may refuse it): the page works as without this script.
  });
})();
