// Checklist pages: the "Print this checklist" button.
// @ts-check
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var target = /** @type {Element} */ (event.target);
    var button = target.closest ? target.closest("[data-print]") : null;
    if (button) window.print();
  });
})();
