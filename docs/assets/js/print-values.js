/* Printing keeps everything typed: a text box prints only what its box shows (a long answer
   cut, a cell's first words), so every control in a [data-print-values] container gets a
   print-only copy of its whole value beside it (worksheet.css shows the copy and hides the
   control on paper). A choice left empty prints its options, each with a box to tick. The copies
   are made again just before printing and whenever a control changes; the pages call refresh()
   after they redraw. Values are only ever set as text. A table with a <template data-print-rows>
   gets its rows to write in while it is printed, and only then. */
// @ts-check
(function () {
  "use strict";
  var CONTROLS = "[data-print-values] input:not([type=file]):not([type=hidden]), [data-print-values] textarea, [data-print-values] select";

  /** @param {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} el */
  function mirror(el) {
    var copy = el.nextElementSibling;
    if (!copy || !copy.classList.contains("ws-print-value")) {
      copy = document.createElement("span");
      copy.className = "ws-print-value";
      copy.setAttribute("aria-hidden", "true");
      el.insertAdjacentElement("afterend", copy);
    }
    copy.textContent = "";
    if (el instanceof HTMLSelectElement && el.value === "") {
      Array.prototype.forEach.call(el.options, function (/** @type {HTMLOptionElement} */ o) {
        if (!o.value) return;
        var tick = document.createElement("span");
        tick.className = "ws-tick";
        tick.textContent = o.textContent;
        /** @type {Element} */ (copy).appendChild(tick);
        /** @type {Element} */ (copy).appendChild(document.createTextNode(" "));
      });
      return;
    }
    copy.textContent = el instanceof HTMLSelectElement ? (el.selectedOptions[0] ? String(el.selectedOptions[0].textContent) : el.value) : el.value;
  }

  function refresh() {
    Array.prototype.forEach.call(document.querySelectorAll(CONTROLS), mirror);
  }

  /** @param {boolean} printing */
  function printRows(printing) {
    Array.prototype.forEach.call(document.querySelectorAll("tbody.ws-print-rows"), function (/** @type {Element} */ b) { b.remove(); });
    if (!printing) return;
    Array.prototype.forEach.call(document.querySelectorAll("template[data-print-rows]"), function (/** @type {HTMLTemplateElement} */ t) {
      if (t.parentNode) t.parentNode.insertBefore(t.content.cloneNode(true), t.nextSibling);
    });
  }

  function beforePrint() { refresh(); printRows(true); }

  /** @param {Event} event */
  function changed(event) {
    var el = event.target;
    if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) && el.matches(CONTROLS)) mirror(el);
  }

  document.addEventListener("input", changed);
  document.addEventListener("change", changed);
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", function () { printRows(false); });
  if (window.matchMedia) {
    var print = window.matchMedia("print");
    if (print.addEventListener) print.addEventListener("change", function (e) { if (e.matches) beforePrint(); else printRows(false); });
  }
  window.PrintValues = { refresh: refresh };
  refresh();
})();
