// The language switcher links to this page in another language; keep the reader's place
// (#task-3-2) too, which only the browser knows.
// @ts-check
document.addEventListener("click", function (event) {
  var target = /** @type {Element} */ (event.target);
  var link = target.closest && target.closest("a[data-language-switch]");
  if (!link || !window.location.hash) return;
  link.setAttribute("href", (link.getAttribute("href") || "").split("#")[0] + window.location.hash);
});
