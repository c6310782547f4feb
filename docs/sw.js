// The service worker of one language's site, its folder the scope (the English site's is the
// root, and passes other languages' requests on to the network). Registered by
// assets/js/keep-offline.js only when the reader asks to keep the language, over http(s) only.
//
// It answers from the copy the page stored (one cache per version, named by keep.json's version),
// never from anything else: whatever is not in that copy goes to the network as if there were
// no worker. A page and what it loads come from one version: a page is served from the current
// version and the worker remembers which, for that page's own requests (in a small "meta" cache,
// since the browser stops idle workers and their memory with them). A newer version, stored in
// the background by the page, becomes current only when the reader chooses "Reload".
// @ts-check
(function () {
  "use strict";

  var worker = /** @type {KeepWorkerScope} */ (/** @type {unknown} */ (self));
  var PREFIX = "partnering-guidelines/keep/v1 ";
  var scope = worker.registration.scope;
  var META = PREFIX + scope + " meta";
  var CURRENT = scope + "__keep__/current";
  /** @param {string} id */
  function clientKey(id) { return scope + "__keep__/client/" + encodeURIComponent(id); }
  /** @param {string} version */
  function cacheName(version) { return PREFIX + scope + " " + version; }
  /** The version each page came from, by the page's client id. @type {Map<string, string>} */
  var versionOf = new Map();

  worker.addEventListener("install", function (event) { event.waitUntil(worker.skipWaiting()); });

  /** @param {string} key @returns {Promise<string | null>} */
  function readMeta(key) {
    return caches.match(key, { cacheName: META }).then(function (found) {
      return found ? found.text() : null;
    });
  }

  /** The version pages open from, if its cache is still there. @returns {Promise<string | null>} */
  function current() {
    return readMeta(CURRENT).then(function (text) {
      if (!text) return null;
      var version = /** @type {KeptCopy} */ (JSON.parse(text)).version;
      return caches.has(cacheName(version)).then(function (there) { return there ? version : null; });
    });
  }

  /** @param {string} id @returns {Promise<string | null>} */
  function versionFor(id) {
    var known = id ? versionOf.get(id) : undefined;
    if (known) return Promise.resolve(known);
    return (id ? readMeta(clientKey(id)) : Promise.resolve(null)).then(function (found) {
      return found || current();
    });
  }

  /** @param {string} id @param {string} version */
  function remember(id, version) {
    versionOf.set(id, version);
    return caches.open(META).then(function (meta) { return meta.put(clientKey(id), new Response(version)); });
  }

  /** The stored file for an address in the scope: its query and fragment are not part of it
      (search-languages.js?material=…, a page opened from search with ?q=), a folder is its index.html.
      @param {string} version @param {string} address @returns {Promise<Response | undefined>} */
  function stored(version, address) {
    var url = new URL(address);
    url.search = "";
    url.hash = "";
    if (url.pathname.slice(-1) === "/") url.pathname += "index.html";
    return caches.match(url.href, { cacheName: cacheName(version) });
  }

  /** @param {KeepFetchEvent} event @returns {Promise<Response>} */
  function answer(event) {
    var request = event.request, page = request.mode === "navigate";
    return (page ? current() : versionFor(event.clientId)).then(function (version) {
      if (!version) return fetch(request);
      return stored(version, request.url).then(function (found) {
        if (!found) return fetch(request);
        if (page && event.resultingClientId) {
          return remember(event.resultingClientId, version).then(function () { return found; });
        }
        return found;
      });
    });
  }

  worker.addEventListener("fetch", function (event) {
    var request = event.request;
    // The page's own downloads of a version ask the network itself (cache: "no-store").
    if (request.method !== "GET" || request.cache === "no-store" || request.url.indexOf(scope) !== 0) return;
    event.respondWith(answer(event));
  });

  /** Every version no open page uses and not current, and what is remembered of closed pages. */
  function tidy() {
    return Promise.all([worker.clients.matchAll({ includeUncontrolled: true }), readMeta(CURRENT), caches.keys(), caches.open(META)])
      .then(function (found) {
        var clients = found[0], kept = found[1] ? /** @type {KeptCopy} */ (JSON.parse(found[1])) : null;
        var names = found[2], meta = found[3];
        // The current version, and a newer one stored in the background, waiting for "Reload".
        var keep = new Set(kept ? [kept.version, kept.ready || ""] : []);
        var open = new Set(clients.map(function (client) { return clientKey(client.id); }));
        return Promise.all(clients.map(function (client) { return versionFor(client.id); })).then(function (versions) {
          versions.forEach(function (version) { if (version) keep.add(version); });
          return meta.keys();
        }).then(function (keys) {
          var gone = keys.filter(function (key) {
            return key.url.indexOf(scope + "__keep__/client/") === 0 && !open.has(key.url);
          });
          var unused = names.filter(function (name) {
            return name.indexOf(PREFIX + scope + " ") === 0 && name !== META && !keep.has(name.slice((PREFIX + scope + " ").length));
          });
          return Promise.all(gone.map(function (key) { return meta.delete(key); })
            .concat(unused.map(function (name) { return caches.delete(name); })));
        });
      });
  }

  worker.addEventListener("message", function (event) {
    if (event.data === "tidy") event.waitUntil(tidy());
  });
})();
