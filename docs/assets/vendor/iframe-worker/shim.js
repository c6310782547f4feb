/* iframe-worker 1.0.4 shim (MIT, Martin Donath: see LICENSE), changed in two respects (CHANGES.txt):
   for a strict Content-Security-Policy, the bootstrap that the hidden iframe runs is an external
   script (worker-boot.js) instead of inline code, whose hash would depend on where the site
   is unpacked; and it finds that bootstrap from a page's bundled script too. Lets Material's
   search run its worker from file://, where browsers refuse Web Workers. */
(function () {
  "use strict";
  // Beside this file; or, when this file is part of a page's one script (assets/js/page.*.js,
  // macros/site/bundles.py), in this file's folder as seen from that script's.
  var own = /shim\.js(\?.*)?$/, src = document.currentScript.src;
  var boot = own.test(src) ? src.replace(own, "worker-boot.js") : new URL("../vendor/iframe-worker/worker-boot.js", src).href;

  function attribute(value) {
    return String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.m = (event) => {
        if (event.source === this.w) {
          this.dispatchEvent(new MessageEvent("message", { data: event.data }));
          if (this.onmessage) this.onmessage(event);
        }
      };
      this.e = (message, filename, lineno, colno, error) => {
        if (filename === `${this.url}`) {
          const event = new ErrorEvent("error", { message, filename, lineno, colno, error });
          this.dispatchEvent(event);
          if (this.onerror) this.onerror(event);
        }
      };
      const frame = document.createElement("iframe");
      frame.hidden = true;
      document.body.appendChild(this.iframe = frame);
      this.w.document.open();
      this.w.document.write(
        `<html data-worker="${attribute(url)}"><body><script src="${attribute(boot)}"><\/script>` +
        `<script src="${attribute(url)}?${+Date.now()}"><\/script></body></html>`);
      this.w.document.close();
      onmessage = this.m;
      onerror = this.e;
      this.r = new Promise((resolve, reject) => { this.w.onload = resolve; this.w.onerror = reject; });
    }

    terminate() {
      this.iframe.remove();
      onmessage = onerror = null;
    }

    postMessage(data) {
      this.r.catch().then(() => {
        this.w.dispatchEvent(new MessageEvent("message", structuredClone({ data })));
      });
    }

    get w() {
      return this.iframe.contentWindow;
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
