/* Self-assessment forms as a guided tool: a module's form shows one step at a time, with its
   progress and "Continue" / "Previous"; each question's note and next action sit in a
   disclosure that opens by itself when it has content. Without JavaScript (and on paper) every
   step is shown. It only reads the page: answers are stored by assessment.js, which sends
   "assessment:filled" each time it has put the stored answers into the form. */
// @ts-check
(function () {
  "use strict";

  var root = /** @type {HTMLElement | null} */ (document.querySelector("[data-assessment-page=form]"));
  var form = root && /** @type {HTMLFormElement | null} */ (root.querySelector("[data-assessment-form]"));
  if (!root || !form) return;
  /** @type {HTMLFieldSetElement[]} */
  var fieldsets = Array.prototype.slice.call(form.querySelectorAll("[data-question]"));
  // The page's language, as in assessment.js: the model carries our strings translated.
  var strings = (window.ASSESSMENT_MODEL && window.ASSESSMENT_MODEL.strings) || {};
  /** @param {string} text */
  function t(text) { return strings[text] || text; }
  /** @param {string} text @param {Record<string, string | number>} values */
  function tf(text, values) {
    var out = t(text);
    Object.keys(values).forEach(function (k) { out = out.split("{" + k + "}").join(String(values[k])); });
    return out;
  }

  /** @template {keyof HTMLElementTagNameMap} K
      @param {K} tag @param {Record<string, string>} [attrs] @param {string} [text] @returns {HTMLElementTagNameMap[K]} */
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    var values = attrs || {};
    Object.keys(values).forEach(function (k) { node.setAttribute(k, values[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** @param {Element[]} list */
  function answeredCount(list) {
    return list.filter(function (f) { return !!f.querySelector("input[type=radio]:checked"); }).length;
  }

  // --- notes and next actions ----------------------------------------------------------
  /** @param {Element} fieldset */
  function describeNotes(fieldset) {
    var details = /** @type {HTMLDetailsElement | null} */ (fieldset.querySelector("[data-notes]"));
    if (!details) return;
    var note = fieldValue(fieldset, "note").trim();
    var action = fieldValue(fieldset, "action").trim();
    var words = [];
    if (note) words.push(t("note"));
    if (action) words.push(fieldset.hasAttribute("data-action-done") ? t("next action, done") : t("next action"));
    var state = fieldset.querySelector("[data-notes-state]");
    if (state) state.textContent = words.length ? " (" + words.join(", ") + ")" : "";
    // Opened when it gains content, once: someone who closes it again keeps it closed.
    var has = !!(note || action);
    if (has && !details.hasAttribute("data-had-content")) details.open = true;
    if (has) details.setAttribute("data-had-content", "");
    else details.removeAttribute("data-had-content");
  }

  /** @param {Element} fieldset @param {string} name */
  function fieldValue(fieldset, name) {
    var field = /** @type {HTMLTextAreaElement | null} */ (fieldset.querySelector("[data-field=" + name + "]"));
    return field ? field.value : "";
  }

  // --- one step at a time --------------------------------------------------------------
  var paged = root.hasAttribute("data-paged");
  /** @type {HTMLElement[]} */
  var parts = paged ? Array.prototype.slice.call(form.querySelectorAll(".assessment-part")) : [];
  var steps = parts.filter(function (p) { return p.getAttribute("data-part-kind") === "step"; });
  var current = 0;
  /** @type {HTMLElement | null} */
  var stepper = null;
  var after = /** @type {HTMLElement | null} */ (root.querySelector(".assessment-next"));

  /** @param {HTMLElement} part */
  function partName(part) {
    var i = steps.indexOf(part);
    return i >= 0 ? tf("Step {n} of {total}", { n: i + 1, total: steps.length }) : t("Last part: key principles");
  }

  function progress() {
    var all = answeredCount(fieldsets);
    if (!stepper) return;
    var part = parts[current];
    /** @type {Element[]} */
    var mine = Array.prototype.slice.call(part.querySelectorAll("[data-question]"));
    var counts = { answered: all, total: fieldsets.length, mine: answeredCount(mine), count: mine.length };
    var text = stepper.querySelector(".assessment-stepper__text");
    if (text) text.textContent = partName(part) + " · " + (steps.indexOf(part) >= 0
      ? tf("{answered} of {total} answered ({mine} of {count} on this step)", counts)
      : tf("{answered} of {total} answered ({mine} of {count} on this part)", counts));
    var bar = stepper.querySelector("progress");
    if (!bar) return;
    bar.max = fieldsets.length;
    bar.value = all;
  }

  /** @param {number} index @param {"button"} [how] */
  function show(index, how) {
    current = Math.max(0, Math.min(parts.length - 1, index));
    parts.forEach(function (p, i) { p.hidden = i !== current; });
    if (after) after.hidden = current !== parts.length - 1;
    progress();
    if (how === "button") {
      var heading = /** @type {HTMLElement | null} */ (parts[current].querySelector(".assessment-step"));
      if (heading) {
        if (window.history && history.replaceState) history.replaceState(null, "", "#" + heading.id);
        heading.focus({ preventScroll: true });
      }
      if (stepper) stepper.scrollIntoView({ block: "start" });
    }
  }

  /* A part's name as its heading shows it: the publication's title in it keeps its language
     (lang="en" on a page in another), so that screen readers read it in that voice. */
  /** @param {HTMLElement} part */
  function partLabel(part) {
    var heading = part.querySelector(".assessment-step"), out = document.createDocumentFragment();
    if (heading) Array.prototype.forEach.call(heading.childNodes, /** @param {Node} n */ function (n) { out.appendChild(n.cloneNode(true)); });
    else out.appendChild(document.createTextNode(part.getAttribute("data-part") || ""));
    return out;
  }

  /* A button saying `said` (translated) with {part} as the part's heading says it. */
  /** @param {string} said @param {HTMLElement} part @param {string} cls */
  function partButton(said, part, cls) {
    var b = el("button", { type: "button", class: cls });
    said.split("{part}").forEach(function (piece, n) {
      if (n) b.appendChild(partLabel(part));
      b.appendChild(document.createTextNode(piece));
    });
    return b;
  }

  /** @param {HTMLElement} part @param {number} i */
  function pager(part, i) {
    var nav = el("nav", { class: "assessment-pager", "aria-label": t("Steps of this module") });
    if (i > 0) {
      var back = partButton(t("Previous: {part}"), parts[i - 1], "md-button");
      back.addEventListener("click", function () { show(i - 1, "button"); });
      nav.appendChild(back);
    }
    if (i < parts.length - 1) {
      var next = parts[i + 1];
      var go = next.getAttribute("data-part-kind") === "step" ? partButton(t("Continue to the next step: {part}"), next, "md-button md-button--primary")
        : el("button", { type: "button", class: "md-button md-button--primary" }, t("Continue to the key principles"));
      go.addEventListener("click", function () { show(i + 1, "button"); });
      nav.appendChild(go);
    }
    part.appendChild(nav);
  }

  // The part holding an address's target (#q-…, #step-…), so that links into the form work.
  function showTarget() {
    var id = "";
    // A hand-typed or cut-off address may end in a malformed escape ("#q-1%"): no target then.
    try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return false; }
    var target = id ? document.getElementById(id) : null;
    var part = target && /** @type {HTMLElement | null} */ (target.closest(".assessment-part"));
    if (!target || !part) return false;
    show(parts.indexOf(part));
    target.scrollIntoView({ block: "start" });
    return true;
  }

  if (parts.length > 1) {
    root.classList.add("assessment--paged");
    stepper = el("div", { class: "assessment-stepper" });
    stepper.appendChild(el("p", { class: "assessment-stepper__text" }));
    stepper.appendChild(el("progress", { "aria-hidden": "true" }));
    form.before(stepper);
    parts.forEach(pager);
    if (!showTarget()) show(0);
    window.addEventListener("hashchange", showTarget);
  }

  function update() {
    fieldsets.forEach(describeNotes);
    progress();
  }
  form.addEventListener("assessment:filled", update);
  form.addEventListener("change", progress);
  form.addEventListener("input", function (event) {
    var f = /** @type {Element} */ (event.target).closest("[data-question]");
    if (f) describeNotes(f);
  });
  update();
})();
