// Material starts its search worker from the address in its configuration; start ours in its
// place (docs/assets/javascripts/workers/search-languages.js, beside Material's), which runs
// Material's and adds what search in the toolkit's languages needs. Over http the worker is a
// Web Worker, from file:// the iframe-worker shim's stand-in: both are started here.
// Loaded before Material's script, after the shim.
// @ts-check
(function () {
  "use strict";

  var MATERIAL = /\/workers\/(search\.[0-9a-f]+\.min\.js)$/;
  /** @type {any} */
  var Original = window.Worker;
  if (typeof Original !== "function") return;

  /** @param {string | URL} url @param {WorkerOptions} [options] */
  function Worker(url, options) {
    var address = String(url);
    var found = MATERIAL.exec(address);
    if (found) address = address.replace(MATERIAL, "/workers/search-languages.js?material=" + found[1]);
    return new Original(address, options);
  }
  Worker.prototype = Original.prototype;
  /** @type {any} */ (window).Worker = Worker;
})();
