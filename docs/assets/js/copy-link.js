// "Copy link" buttons on the Link to the guidelines page: copy the absolute address of a
// module, step, task or case, resolved against this page so it works online and offline.
// @ts-check
(function () {
  "use strict";

  var status = document.getElementById("copy-status");
  if (!status) return;
  var said = status;

  /* What the page says, in its language (the template's data-* attributes), with {url} filled. */
  /** @param {string} name @param {string} [url] */
  function words(name, url) { return (said.getAttribute("data-" + name) || "").split("{url}").join(url || ""); }

  /** @param {string} text */
  function announce(text) { said.textContent = text; }

  /** @param {string} text */
  function fallbackCopy(text) {
    // Clipboard API is unavailable on file:// in some browsers: select and copy instead.
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  document.addEventListener("click", function (event) {
    var target = /** @type {Element} */ (event.target);
    var button = target.closest ? target.closest("button.copy-link") : null;
    if (!button) return;
    var pressed = button;
    var url = new URL(button.getAttribute("data-target") || "", window.location.href).href;
    /** The button's label (its first child), shown as "Copied" for two seconds. @param {string} text */
    var label = function (text) { if (pressed.firstChild) pressed.firstChild.textContent = text; };
    var done = function () {
      pressed.setAttribute("data-copied", "true");
      label(words("copied"));
      announce(words("done", url));
      window.setTimeout(function () { label(words("copy")); }, 2000);
    };
    var failed = function () { announce(words("failed", url)); window.prompt(words("prompt"), url); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, function () { fallbackCopy(url) ? done() : failed(); });
    } else if (fallbackCopy(url)) {
      done();
    } else {
      failed();
    }
  });
})();
