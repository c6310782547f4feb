// Case library: filter the case cards by country, module, step, theme and Goal. The filter
// lives in the address (#module=C&country=India) so that a course can link to it; without
// JavaScript every case is listed.
// @ts-check
(function () {
  "use strict";
  var found = /** @type {HTMLFormElement | null} */ (document.querySelector("[data-case-filters]"));
  var count = document.getElementById("case-count");
  var none = document.getElementById("case-none");
  if (!found || !count || !none) return;
  var form = found, counter = count, noMatch = none;
  /** @type {HTMLElement[]} */
  var cards = Array.prototype.slice.call(document.querySelectorAll(".case-card"));
  var fields = ["country", "module", "step", "theme", "sdg"];
  /** @type {Record<string, string>} */
  var separators = { country: "|", module: " ", step: " ", theme: " ", sdg: " " };

  /** @param {string} name */
  function select(name) { return /** @type {HTMLSelectElement} */ (form.elements.namedItem(name)); }

  function read() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    fields.forEach(function (name) {
      var box = select(name), value = params.get(name) || "";
      var ok = Array.prototype.some.call(box.options, /** @param {HTMLOptionElement} o */ function (o) { return o.value === value; });
      box.value = ok ? value : "";
    });
  }

  /** @param {boolean} write */
  function apply(write) {
    var shown = 0, params = new URLSearchParams();
    fields.forEach(function (name) { if (select(name).value) params.set(name, select(name).value); });
    cards.forEach(function (card) {
      var match = fields.every(function (name) {
        var wanted = select(name).value;
        if (!wanted) return true;
        return (card.getAttribute("data-" + name) || "").split(separators[name]).indexOf(wanted) >= 0;
      });
      card.hidden = !match;
      if (match) shown += 1;
    });
    // The sentences are the page's (data-all-text, data-some-text), in its language.
    var said = counter.getAttribute(shown === cards.length ? "data-all-text" : "data-some-text") || "";
    counter.textContent = said.split("{n}").join(String(cards.length)).split("{shown}").join(String(shown));
    noMatch.hidden = shown > 0;
    if (write) {
      var hash = params.toString();
      history.replaceState(null, "", hash ? "#" + hash : window.location.pathname + window.location.search);
    }
  }

  form.hidden = false;
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  window.addEventListener("hashchange", function () { read(); apply(false); });
  read();
  apply(false);
})();
