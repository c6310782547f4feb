/* Runs first in the hidden iframe that stands in for a Web Worker (see shim.js): gives the
   worker script the worker API it expects. From iframe-worker 1.0.4 (MIT, Martin Donath). */
(function () {
  "use strict";
  var worker = document.documentElement.getAttribute("data-worker");
  window.postMessage = function (message, origin) { parent.postMessage(message, origin || "*"); };
  window.importScripts = function () {
    return Array.prototype.reduce.call(arguments, function (done, url) {
      return done.then(function () {
        return new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
  addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error: event.error }));
  });
  // Material's search worker finds the folder of its language files (lunr/) from the first
  // script with a src in this document, which it takes to be itself (in the original shim this
  // bootstrap is inline). With this one still there, French, Russian and Thai search looked in
  // iframe-worker/lunr/ and never started from file://.
  document.currentScript.remove();
})();
