// Material runs a search when a key is released in the search box (and when its index is
// ready, and on focus). A query that arrives without a key being released would sit in the
// box with no results: text pasted with the mouse, committed by a Thai or Chinese input
// method, dictated, or filled in by the browser. Pass each such change on as a key release.
// @ts-check
(function () {
  "use strict";

  /** @param {EventTarget | null} el @returns {el is HTMLInputElement} */
  function isSearchBox(el) {
    return el instanceof Element && el.classList.contains("md-search__input");
  }

  /** @param {Event} event */
  function search(event) {
    if (isSearchBox(event.target) && !(/** @type {InputEvent} */ (event).isComposing)) {
      event.target.dispatchEvent(new KeyboardEvent("keyup"));
    }
  }

  document.addEventListener("input", search, true);
  document.addEventListener("compositionend", search, true);
})();
