// On a guidance page, when the browser says the connection is slow or data is to be saved
// (navigator.connection: saveData, or an effective type of 2G), a note offers the light version
// of the page (macros/site/light.py): one download, no scripts. It never goes there by itself,
// and the note can be dismissed. Its words and address are the page's link to the light version
// (overrides/main.html, in the page's language). Node's tests require() `slow` (tests/js/).
// @ts-check
(function () {
  "use strict";

  /** Whether a connection is worth offering the light pages to.
      @param {{ saveData?: boolean, effectiveType?: string } | undefined | null} connection */
  function slow(connection) {
    if (!connection) return false;
    return connection.saveData === true || connection.effectiveType === "slow-2g" || connection.effectiveType === "2g";
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { slow: slow };
    return;
  }
  var nav = /** @type {Navigator & { connection?: { saveData?: boolean, effectiveType?: string } }} */ (navigator);
  var found = /** @type {HTMLAnchorElement | null} */ (document.querySelector("a[data-light-offer]"));
  if (!found || !slow(nav.connection)) return;
  var link = found;
  var note = document.createElement("aside");
  note.className = "light-offer";
  note.setAttribute("role", "note");
  var text = document.createElement("p");
  text.textContent = (link.getAttribute("data-light-offer") || "") + " ";
  var go = document.createElement("a");
  go.href = link.href;
  go.textContent = link.textContent || "";
  var dismiss = document.createElement("button");
  dismiss.type = "button";
  dismiss.className = "md-button";
  dismiss.textContent = link.getAttribute("data-light-dismiss") || "";
  dismiss.addEventListener("click", function () {
    if (note.parentNode) note.parentNode.removeChild(note);
    link.focus();
  });
  text.appendChild(go);
  text.appendChild(document.createTextNode(" "));
  text.appendChild(dismiss);
  note.appendChild(text);
  var at = link.closest("p") || link;
  if (at.parentNode) at.parentNode.insertBefore(note, at.nextSibling);
})();
