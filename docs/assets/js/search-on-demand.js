// Material loads the search index on every page as it opens: some 300 KB read, then indexed in
// a worker, each time, though most page views never search (a quarter of the CPU time Chromium
// spends opening a step page: 0.08 s of 0.33 s, measured on the test machine). Hold the index back until the reader turns
// to search: the box focused (by a click, a tap on the header's search icon or the "/" key) or a
// page opened from a search (?q=, or ?h= to highlight the words found). Material then loads and
// indexes it as before, and a query typed meanwhile is answered once it is ready.
// Loaded before Material's own script, which makes the request when it starts.
// @ts-check
(function () {
  "use strict";

  var INDEX = /search\/search_index\.js(on)?$/;
  var wanted = /[?&][qh]=/.test(window.location.search);
  /** @type {(() => void)[]} */
  var waiting = [];

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }

  /** @param {() => void} run */
  function whenWanted(run) {
    if (wanted) run();
    else waiting.push(run);
  }

  // Online: Material asks for search_index.json with an XMLHttpRequest.
  /** @type {(this: XMLHttpRequest, ...args: any[]) => void} */
  var open = XMLHttpRequest.prototype.open;
  /** @type {(this: XMLHttpRequest, ...args: any[]) => void} */
  var send = XMLHttpRequest.prototype.send;
  /** The requests for the index, held until it is wanted. @type {WeakSet<XMLHttpRequest>} */
  var indexRequests = new WeakSet();
  /** @this {XMLHttpRequest} @param {string} method @param {string | URL} url */
  XMLHttpRequest.prototype.open = function (method, url) {
    if (INDEX.test(String(url))) indexRequests.add(this);
    else indexRequests.delete(this);
    return open.apply(this, /** @type {any} */ (arguments));
  };
  /** @this {XMLHttpRequest} */
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = /** @type {any} */ (arguments);
    if (!indexRequests.has(request)) return send.apply(request, args);
    whenWanted(function () { send.apply(request, args); });
  };

  // Offline (file://): Material adds search_index.js to the head as a script.
  var head = document.head;
  var appendChild = head.appendChild;
  head.appendChild = /** @type {<T extends Node>(node: T) => T} */ (function (node) {
    if (node instanceof HTMLScriptElement && INDEX.test(node.src || "")) {
      whenWanted(function () { appendChild.call(head, node); });
      return node;
    }
    return appendChild.call(head, node);
  });

  // Material also starts its search worker as the page opens: two more scripts (search-languages.js
  // and its own worker, some 50 KB, or an iframe from file://) fetched and compiled by every page,
  // for a worker with nothing to do until the index arrives. Material is given a stand-in that
  // keeps its listeners and messages; the worker itself is made once search is wanted.
  var RealWorker = window.Worker;
  var SEARCH_WORKER = /\/workers\/search/;

  /** @param {string | URL} url @param {WorkerOptions} [options] */
  function lazyWorker(url, options) {
    /** @type {Worker | null} */
    var worker = null;
    var ended = false;
    /** @type {[string, EventListenerOrEventListenerObject, (boolean | AddEventListenerOptions)?][]} */
    var listeners = [];
    /** @type {[unknown, Transferable[]?][]} */
    var queued = [];
    whenWanted(function () {
      if (ended) return;
      worker = new RealWorker(url, options);
      var made = worker;
      listeners.forEach(function (l) { made.addEventListener(l[0], l[1], l[2]); });
      queued.splice(0).forEach(function (m) { made.postMessage(m[0], m[1] || []); });
    });
    return {
      /** @param {string} type @param {EventListenerOrEventListenerObject} listener @param {boolean | AddEventListenerOptions} [opts] */
      addEventListener: function (type, listener, opts) {
        listeners.push([type, listener, opts]);
        if (worker) worker.addEventListener(type, listener, opts);
      },
      /** @param {string} type @param {EventListenerOrEventListenerObject} listener @param {boolean | EventListenerOptions} [opts] */
      removeEventListener: function (type, listener, opts) {
        listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
        if (worker) worker.removeEventListener(type, listener, opts);
      },
      /** @param {Event} event */
      dispatchEvent: function (event) { return worker ? worker.dispatchEvent(event) : true; },
      /** A message before search was wanted (none is expected) wants it: it is never held for ever.
       * @param {unknown} message @param {Transferable[]} [transfer] */
      postMessage: function (message, transfer) {
        if (worker) worker.postMessage(message, transfer || []);
        else { queued.push([message, transfer]); want(); }
      },
      terminate: function () {
        ended = true;
        queued = [];
        if (worker) worker.terminate();
      }
    };
  }

  if (RealWorker) {
    window.Worker = /** @type {any} */ (function (/** @type {string | URL} */ url, /** @type {WorkerOptions} */ options) {
      return SEARCH_WORKER.test(String(url)) ? lazyWorker(url, options) : new RealWorker(url, options);
    });
  }

  /** @param {EventTarget | null} el */
  function isSearch(el) {
    return el instanceof Element && !!el.closest(".md-search, label[for='__search']");
  }

  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) want(); });
  // A press on the search icon starts the load before the box has opened and taken focus.
  document.addEventListener("pointerdown", function (event) { if (isSearch(event.target)) want(); }, true);
  document.addEventListener("change", function (event) { if (event.target instanceof Element && event.target.id === "__search") want(); });
})();
