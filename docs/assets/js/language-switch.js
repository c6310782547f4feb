// The language switcher links to this page in another language; keep the reader's place
// (#task-3-2) too, which only the browser knows.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-language-switch]");
  if (!link || !window.location.hash) return;
  link.setAttribute("href", link.getAttribute("href").split("#")[0] + window.location.hash);
});
