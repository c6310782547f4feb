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

  /** @param {EventTarget | null} el */
  function isSearch(el) {
    return el instanceof Element && !!el.closest(".md-search, label[for='__search']");
  }

  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) want(); });
  // A press on the search icon starts the load before the box has opened and taken focus.
  document.addEventListener("pointerdown", function (event) { if (isSearch(event.target)) want(); }, true);
  document.addEventListener("change", function (event) { if (event.target instanceof Element && event.target.id === "__search") want(); });
})();
