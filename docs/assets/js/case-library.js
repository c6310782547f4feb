// Case library: filter the case cards by country, module, step, theme and Goal. The filter
// lives in the address (#module=C&country=India) so that a course can link to it; without
// JavaScript every case is listed.
(function () {
  "use strict";
  var form = document.querySelector("[data-case-filters]");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".case-card"));
  var count = document.getElementById("case-count");
  var none = document.getElementById("case-none");
  var fields = ["country", "module", "step", "theme", "sdg"];
  var separators = { country: "|", module: " ", step: " ", theme: " ", sdg: " " };

  function read() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    fields.forEach(function (name) {
      var select = form.elements[name], value = params.get(name) || "";
      var ok = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = ok ? value : "";
    });
  }

  function apply(write) {
    var shown = 0, params = new URLSearchParams();
    fields.forEach(function (name) { if (form.elements[name].value) params.set(name, form.elements[name].value); });
    cards.forEach(function (card) {
      var match = fields.every(function (name) {
        var wanted = form.elements[name].value;
        if (!wanted) return true;
        return (card.getAttribute("data-" + name) || "").split(separators[name]).indexOf(wanted) >= 0;
      });
      card.hidden = !match;
      if (match) shown += 1;
    });
    count.textContent = shown === cards.length ? cards.length + " cases." : shown + " of " + cards.length + " cases match.";
    none.hidden = shown > 0;
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
