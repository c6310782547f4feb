/* Self-assessment: the pages. Answers are saved in this browser only, never sent anywhere, on
   the data layer every tool shares (data-layer.js; the assessment's records: assessment-data.js):
   notes, next actions and the organisation are bound to their fields by data-view.js (saved as
   typed, other tabs' changes shown at once, both versions kept and shown when two tabs change
   one at once); a choice on the scale is stored at once. They can be exported, imported, merged
   and compared. Everything that comes from a user or a file is inserted as text, never as HTML. */
// @ts-check
(function () {
  "use strict";

  var loaded = { core: window.AssessmentCore, model: window.ASSESSMENT_MODEL, root: document.querySelector("[data-assessment-page]"),
                 Layer: window.DataLayer, View: window.DataLayerView, Data: window.AssessmentData };
  if (!loaded.core || !loaded.model || !loaded.root || !loaded.Layer || !loaded.View || !loaded.Data) return;
  var core = loaded.core, model = loaded.model, root = loaded.root, Layer = loaded.Layer, Data = loaded.Data;
  var kind = root.getAttribute("data-assessment-page");
  var strings = model.strings || {};
  // The page's language: the model carries our strings translated (English text as the key);
  // any missing stays English.
  /** @param {string} text */
  function t(text) { return strings[text] || text; }
  // t() with {name} placeholders filled in after translation.
  /** @param {string} text @param {Record<string, string | number>} values */
  function tf(text, values) {
    var out = t(text);
    Object.keys(values).forEach(function (k) { out = out.split("{" + k + "}").join(String(values[k])); });
    return out;
  }

  // Dates and numbers in the page's language (data-view.js, which every tool's page loads).
  var Lang = loaded.View.formats(document);

  // The publication's titles are not translated: on a page in another language each says it is
  // English (lang, from the model), so that screen readers read it with an English voice.
  /** @param {string} text @param {string | null | undefined} lang @returns {Node} */
  function publication(text, lang) {
    return lang ? el("span", { lang: lang }, text) : document.createTextNode(text);
  }

  // A sentence of ours, translated (`said`), with {name} filled by texts or nodes.
  /** @param {string} said @param {Record<string, string | number | Node>} values @returns {DocumentFragment} */
  function fillNodes(said, values) {
    var out = document.createDocumentFragment();
    said.split(/(\{\w+\})/).forEach(function (piece) {
      var name = /^\{(\w+)\}$/.exec(piece);
      var value = name && Object.prototype.hasOwnProperty.call(values, name[1]) ? values[name[1]] : null;
      if (value === null) { if (piece) out.appendChild(document.createTextNode(piece)); }
      else out.appendChild(value instanceof Node ? value : document.createTextNode(String(value)));
    });
    return out;
  }

  /** @param {{ id: string, title: string, lang?: string | null }} m */
  function moduleName(m) { return fillNodes(t("Module {id}: {title}"), { id: m.id, title: publication(m.title, m.lang) }); }

  /** @param {{ id: string, title: string, lang?: string | null }} s */
  function stepName(s) { return fillNodes(t("Step {id}: {title}"), { id: s.id, title: publication(s.title, s.lang) }); }

  /** @param {{ id: string, title: string, lang?: string | null }} task */
  function taskName(task) { return fillNodes(t("Task {id}: {title}"), { id: task.id, title: publication(task.title, task.lang) }); }

  /* A question with the label of what it comes from (a key principle's title in it marked). */
  /** @param {ModelQuestion} q */
  function questionCell(q) {
    var cell = el("span"), source = el("span", { class: "q-source" });
    var title = q.source_title || "", at = title ? q.source.indexOf(title) : -1;
    if (at < 0) source.textContent = q.source;
    else {
      source.appendChild(document.createTextNode(q.source.slice(0, at)));
      source.appendChild(publication(title, q.source_lang));
      source.appendChild(document.createTextNode(q.source.slice(at + title.length)));
    }
    source.appendChild(document.createTextNode(": "));
    cell.appendChild(source);
    cell.appendChild(document.createTextNode(q.text));
    return cell;
  }

  // The core says what went wrong as codes; the page says it in its language.
  /** @param {AssessmentProblem} p */
  function problemText(p) {
    switch (p.code) {
      case "unreadable": return t("The file could not be read.");
      case "too-large": return tf("The file is too large ({size} KB; an assessment is at most {max} KB).",
                                  { size: Lang.number(Math.round((p.size || 0) / 1024)), max: Lang.number((p.max || 0) / 1024) });
      case "not-json": return t("The file is not valid JSON.");
      case "not-object": return t("The file does not contain an assessment (expected a JSON object).");
      case "wrong-format": return t("This is not a Partnering Guidelines assessment file (its “format” field is missing or different).");
      case "no-schema": return t("The file has no valid schema_version.");
      case "newer-schema": return tf("The file was made by a newer version of the toolkit (schema {schema}); this copy reads up to schema {reads}. Use the newer toolkit.",
                                     { schema: p.schema || "", reads: p.reads || "" });
      case "no-answers": return t("The file has no answers object.");
      case "csv-not-csv": return t("The file is not CSV, or it is empty.");
      case "csv-too-many-rows": return tf("The file has more than {max} rows: a table holds at most {max}.", { max: Lang.number(p.max || 0) });
      case "csv-columns": return t("The first line must name the columns of the self-assessment's CSV export: question_id, answer, and note, next_action, points if used.");
      default: return tf("The file cannot be used ({code}).", { code: String(p.code) });
    }
  }

  /** @param {string} reason */
  function setAsideReason(reason) {
    switch (reason) {
      case "answer-not-object": return t("it is not an object");
      case "value-not-on-scale": return t("its value is not on the scale");
      case "text-not-text": return t("its note or next action is not text");
      case "bad-question-id": return t("the question id is not valid");
      case "organisation-not-text": return t("the organisation name is not text");
      case "conflicts-not-list": return t("the other versions of changed fields are not a list");
      case "conflict-unusable": return t("another version of a changed field cannot be used");
      case "unreadable-item": return t("it could not be read");
      default: return reason;   // set aside by an earlier version, which kept its reason in English
    }
  }
  // Maps without prototype, asked with core.own: an imported answer's id may be "constructor".
  /** @type {Record<string, ScaleOption>} */
  var scale = core.dict();
  model.scale.forEach(function (o) { scale[o.key] = o; });
  /** @type {Record<string, ModelQuestion>} */
  var questions = core.dict();
  model.questions.forEach(function (q) { questions[q.id] = q; });

  // --- storage ---------------------------------------------------------------------------
  var contract = model.storage;
  // This tab's workspace (workspace.js): its own answers. Version 0.1.0's keys, and the plan's
  // copy of its "Done" marks, belong to the default workspace, which holds what was there before.
  // (The same contract and data layer, which this page types by the parts it uses.)
  var WS = window.Workspaces ? window.Workspaces.current(window, /** @type {StorageContract} */ (/** @type {unknown} */ (contract)),
                                                         /** @type {DataLayerModule} */ (/** @type {unknown} */ (Layer))) : null;
  var TOOL = WS ? WS.tool(model.tool) : model.tool, OLD_KEYS = !WS || WS.isDefault;
  var layer = Layer.open({ contract: contract, win: window });
  var view = loaded.View.create({ layer: layer, win: window, t: t, saveAfter: contract.save_after_ms, retryAfter: contract.retry_after_ms,
                                  maxText: contract.limits.answer_text, report: report });
  var answers = Data.open({ Layer: Layer, layer: layer, core: core, model: model, tool: TOOL });
  var state = core.emptyState(model);    // what the page shows: read again on every refresh

  /* Stored, with what this page has typed or chosen and not stored yet: what the page shows and
     exports (a full storage still exports everything). */
  function reread() {
    state = answers.state(view.pending().filter(function (e) { return e.tool === TOOL; }));
  }

  /** @template {keyof HTMLElementTagNameMap} K
      @param {K} tag @param {Record<string, string>} [attrs] @param {string | number | null} [text] @returns {HTMLElementTagNameMap[K]} */
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    var values = attrs || {};
    Object.keys(values).forEach(function (k) { node.setAttribute(k, values[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function exportButton() {
    var b = el("button", { type: "button", class: "md-button assessment-export-now" }, t("Export answers now"));
    b.addEventListener("click", exportJSON);
    return b;
  }

  /** @param {string} message @param {boolean} [problem] */
  function status(message, problem) {
    var box = document.getElementById("assessment-status");
    if (!box) return;
    box.classList.remove("assessment-status--loading");   // served as "Loading…" (templates/assessment/parts.html)
    box.textContent = message;
    box.classList.toggle("assessment-status--problem", !!problem);
    if (problem) { box.appendChild(document.createTextNode(" ")); box.appendChild(exportButton()); }
  }

  function notSavedMessage() {
    return t("Your answers are NOT being saved: this browser does not allow this page to store data " +
      "(private mode or settings). Export your answers before you close the page.");
  }

  function fullMessage() {
    return t("Your last change could NOT be saved: the browser's storage is full. It is still on this page and in an export: " +
      "export your answers now to keep them.");
  }

  /* Say what a save did: "Saved" when something was stored (unless `quiet`: a problem shown at
     opening stays shown), or why not. A problem already shown is not drawn again on each retry,
     so that its "Export answers now" button stays under the user's finger. */
  /** @type {string | null} */
  var failing = null;
  var quiet = false;
  /** @param {SaveReport} result */
  function report(result) {
    if (result.ok && answers.hasChoices()) {      // storage works again: the choices waiting go too
      var chosen = answers.storeChoices();
      result = chosen.ok ? { ok: true, saved: result.saved + chosen.saved } : chosen;
    }
    if (result.ok) {
      failing = null;
      if (result.saved && !quiet) status(tf("Saved in this browser at {time}.", { time: Lang.time(new Date()) }));
      return;
    }
    retryLater();
    var box = document.getElementById("assessment-status");
    if (failing === result.problem && box && box.classList.contains("assessment-status--problem")) return;
    failing = result.problem || "full";
    status(result.problem === "unavailable" ? notSavedMessage() : fullMessage(), true);
  }

  /* A choice that could not be stored is tried again now and then, and whenever another tab
     writes (data-view.js does the same for typed text). */
  /** @type {number | null} */
  var retry = null;
  function retryLater() {
    if (retry || !answers.hasChoices()) return;
    retry = window.setTimeout(function () { retry = null; report(answers.storeChoices()); }, contract.retry_after_ms);
  }

  /* Store everything this page has not stored yet (before an import, a restore, start over). */
  /** @returns {SaveReport} */
  function save() {
    var typed = view.flush();        // reports, and stores the choices waiting when it can
    if (!typed.ok) return typed;
    var chosen = answers.storeChoices();
    report(chosen);
    return chosen;
  }

  // --- files -----------------------------------------------------------------------------
  /** @param {string} name @param {string} type @param {string} text */
  function download(name, type, text) {
    var blob = new Blob([text], { type: type });
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 0);
  }

  function fileStem() {
    var who = (state.organisation || "assessment").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "assessment";
    return "partnering-guidelines-" + who + "-" + new Date().toISOString().slice(0, 10);
  }

  // Always from what is stored plus this page's unsaved changes: a full storage still exports everything.
  function exportJSON() {
    reread();
    var data = core.exportState(state, model, new Date().toISOString());
    download(fileStem() + ".json", "application/json", JSON.stringify(data, null, 2));
    answers.markExported();
    showBackupReminder();
  }

  function exportCSV() {
    reread();
    download(fileStem() + ".csv", "text/csv;charset=utf-8", "\ufeff" + core.toCSV(state, model));
  }

  /** @param {File} file @param {(result: MigrateResult) => void} done */
  function readFile(file, done) {
    // A CSV file is read as the assessment's own CSV export (assessment-data.js, fromCSV).
    var csv = /\.csv$/i.test(file.name) || file.type === "text/csv", max = csv ? contract.limits.csv_bytes : core.MAX_IMPORT_BYTES;
    if (file.size > max) { done({ errors: [{ code: "too-large", size: file.size, max: max }] }); return; }
    var reader = new FileReader();
    reader.onload = function () {
      var text = String(reader.result), now = new Date().toISOString();
      done(csv ? Data.fromCSV(Layer, core, model, text, contract.limits, now) : core.parseImport(text, model, now));
    };
    reader.onerror = function () { done({ errors: [{ code: "unreadable" }] }); };
    reader.readAsText(file);
  }

  /** @param {HTMLElement | null} target @param {string[]} lines @param {boolean} problem @param {boolean} [offerExport] */
  function messages(target, lines, problem, offerExport) {
    if (!target) return;
    target.textContent = "";
    target.classList.toggle("assessment-message--problem", !!problem);
    var list = el("ul");
    lines.forEach(function (line) { list.appendChild(el("li", {}, line)); });
    target.appendChild(list);
    if (offerExport) target.appendChild(exportButton());
    target.hidden = false;
    target.focus();
  }

  // --- the action plan's done state (read only: the plan's records, assessment-data.js doneOf) --
  /** @returns {Record<string, boolean>} */
  function doneActions() {
    return Data.doneOf(Layer, layer.state(WS ? WS.tool(contract.tools.plan) : contract.tools.plan), OLD_KEYS ? layer.raw(contract.legacy.plan) : null, state.answers);
  }

  // --- answering -------------------------------------------------------------------------
  /* The text controls of a form, each with its record and field: a question's note and next
     action, and the organisation. */
  /** @param {HTMLFormElement} form @returns {{ el: HTMLInputElement | HTMLTextAreaElement, record: string, field: string }[]} */
  function textControls(form) {
    /** @type {{ el: HTMLInputElement | HTMLTextAreaElement, record: string, field: string }[]} */
    var out = [];
    Array.prototype.forEach.call(form.querySelectorAll("[data-question] textarea[data-field]"), /** @param {HTMLTextAreaElement} area */ function (area) {
      var fieldset = area.closest("[data-question]");
      out.push({ el: area, record: Data.ANSWER + (fieldset && fieldset.getAttribute("data-question")), field: area.getAttribute("data-field") || "" });
    });
    var org = /** @type {HTMLInputElement | null} */ (document.getElementById("assessment-organisation"));
    if (org) out.push({ el: org, record: Data.ORG, field: "value" });
    return out;
  }

  /* The radio buttons and "Done" marks show the state (the text controls are data-view's). A
     choice made in two tabs at once is shown as the newest, with the other beside it to choose. */
  /** @param {HTMLFormElement} form */
  function fillForm(form) {
    var done = doneActions();
    Array.prototype.forEach.call(form.querySelectorAll("[data-question]"), /** @param {HTMLFieldSetElement} fieldset */ function (fieldset) {
      var id = fieldset.getAttribute("data-question") || "", a = core.own(state.answers, id) ? state.answers[id] : null;
      Array.prototype.forEach.call(fieldset.querySelectorAll("input[type=radio]"), /** @param {HTMLInputElement} r */ function (r) {
        var on = !!a && a.value === r.value;
        if (r.checked !== on) r.checked = on;
      });
      showChoiceConflict(fieldset, id, a ? a.value : null);
      var isDone = !!(done[id] && a && a.action);
      fieldset.toggleAttribute("data-action-done", isDone);
      var mark = /** @type {HTMLElement | null} */ (fieldset.querySelector("[data-action-done]:not(fieldset)"));
      if (mark) mark.hidden = !isDone;
    });
    progress(form);
    form.dispatchEvent(new CustomEvent("assessment:filled"));
  }

  /** @param {HTMLFieldSetElement} fieldset @param {string} id @param {string | null} shown */
  function showChoiceConflict(fieldset, id, shown) {
    var box = /** @type {HTMLElement | null} */ (fieldset.querySelector(".q-scale + .dl-conflict"));
    var others = answers.heads(id).filter(function (h) { return h.value !== shown && core.own(scale, String(h.value)); });
    var key = others.map(function (h) { return h.id; }).join(" ");
    if (!others.length) { if (box) box.remove(); return; }
    if (box && box.getAttribute("data-versions") === key) return;   // never redrawn under the user's finger
    var notice = box || el("div", { class: "dl-conflict", role: "group", "aria-label": t("Changed in two places at once") });
    notice.textContent = "";
    notice.setAttribute("data-versions", key);
    notice.appendChild(el("p", {}, t("Changed in two tabs or windows at once. Both versions are kept; the other one is:")));
    others.forEach(function (h) {
      notice.appendChild(el("blockquote", { class: "dl-conflict__text" }, scale[String(h.value)].label));
      var use = el("button", { type: "button", class: "md-button dl-conflict__use" }, t("Use this version"));
      use.addEventListener("click", function () { chooseAnswer(id, String(h.value)); });
      notice.appendChild(use);
    });
    if (!box) { var at = fieldset.querySelector(".q-scale"); if (at) at.insertAdjacentElement("afterend", notice); }
  }

  /** @param {string} id @param {string} value */
  function chooseAnswer(id, value) {
    report(answers.choose(id, value));
    refresh();
  }

  /** @param {HTMLFormElement} form */
  function progress(form) {
    var out = document.getElementById("assessment-progress");
    if (!out) return;
    var ids = /** @type {string[]} */ (Array.prototype.map.call(form.querySelectorAll("[data-question]"), /** @param {Element} f */ function (f) { return f.getAttribute("data-question"); }));
    var answered = ids.filter(function (id) { return core.own(state.answers, id) && state.answers[id].value; }).length;
    out.textContent = tf("{answered} of {total} questions answered.", { answered: answered, total: ids.length });
  }

  /* Answers given before this script ran: the form is shown, and can be used, seconds before
     its scripts arrive on a slow connection. A radio checked that is not the stored answer, and
     a note, next action or organisation whose text differs from the one the page was served
     with, each become a change of what is stored, before anything fills the form: it is never
     reset under the user. Text typed into a note or next action that also has stored text (which
     the user could not see yet) is added after that text: neither is lost. Returns whether there
     was any, and how storing it went. */
  /** @param {HTMLFormElement} form @returns {SaveReport | null} */
  function takeEarlyInput(form) {
    /** @type {SaveReport | null} */
    var result = null;
    /** @param {SaveReport} r */
    function add(r) { result = !result ? r : !result.ok ? result : !r.ok ? r : { ok: true, saved: result.saved + r.saved }; }
    var stored = layer.state(TOOL).records;
    /** @param {string} r @param {string} f */
    function fieldOf(r, f) { return core.own(stored, r) && core.own(stored[r], f) ? stored[r][f] : null; }
    Array.prototype.forEach.call(form.querySelectorAll("[data-question] input[type=radio]:checked"), /** @param {HTMLInputElement} checked */ function (checked) {
      var fieldset = checked.closest("[data-question]"), id = (fieldset && fieldset.getAttribute("data-question")) || "";
      var cur = fieldOf(Data.ANSWER + id, "value");
      if (!cur || cur.value !== checked.value) add(answers.choose(id, checked.value));
    });
    textControls(form).forEach(function (c) {
      if (c.el.value === c.el.defaultValue) return;
      var cur = fieldOf(c.record, c.field), before = cur ? String(cur.value) : "";
      if (c.el.value === before) { c.el.defaultValue = before; return; }
      var joined = c.field === "value" || !before ? c.el.value : before + "\n\n" + c.el.value;
      var text = joined.slice(0, c.field === "value" ? contract.limits.organisation : contract.limits.answer_text);
      var r = layer.write(TOOL, [{ record: c.record, field: c.field, value: text, base: Layer.headIds(cur) }]);
      c.el.value = text;
      // Stored: the control starts from it. Not stored: data-view takes it as typed before the
      // page could save, and keeps trying.
      if (r.ok) c.el.defaultValue = text;
      add(r.ok ? { ok: true, saved: 1 } : { ok: false, problem: r.problem, saved: 0 });
    });
    return result;
  }

  /* The text controls are bound to their fields (saved as typed); a choice on the scale is
     stored at once. */
  /** @param {HTMLFormElement} form */
  function bindForm(form) {
    textControls(form).forEach(function (c) { view.bind(c.el, TOOL, c.record, c.field); });
    var org = document.getElementById("assessment-organisation");
    if (org) /** @type {HTMLInputElement} */ (org).maxLength = contract.limits.organisation;
    view.listen(form);
    // "click" as well as "change": a radio shown checked just before another tab's change
    // arrives fires no change event, yet the user has just chosen it.
    /** @param {Event} event */
    function choose(event) {
      var r = /** @type {HTMLInputElement} */ (event.target), fieldset = r.closest("[data-question]");
      if (r.type === "radio" && r.checked && fieldset) chooseAnswer(fieldset.getAttribute("data-question") || "", r.value);
    }
    form.addEventListener("click", choose);
    form.addEventListener("change", choose);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  // --- results ---------------------------------------------------------------------------
  /** @param {ScoreGroup | undefined} g */
  function percentText(g) {
    return g && g.percent !== null ? Lang.percent(g.percent) : t("not scored yet");
  }

  /** @typedef {{ name: Node, group: ScoreGroup | undefined }} ChartRow */
  /* A row's name in the chart: its text (our words and the publication's title) cut to `room`
     characters, the title in a <tspan> that keeps its lang="en", as the table beside it does. */
  /** @param {Element} text @param {Node} name @param {number} room */
  function svgName(text, name, room) {
    var left = room;
    Array.prototype.forEach.call(name.childNodes, /** @param {Node} n */ function (n) {
      if (left <= 0) return;
      var piece = n.textContent || "", lang = n instanceof Element ? n.getAttribute("lang") : null;
      var shown = piece.length > left ? piece.slice(0, Math.max(0, left - 1)) + "…" : piece;
      left -= piece.length;
      if (lang) {
        var span = document.createElementNS("http://www.w3.org/2000/svg", "tspan");
        span.setAttribute("lang", lang);
        span.textContent = shown;
        text.appendChild(span);
      } else text.appendChild(document.createTextNode(shown));
    });
  }

  /** @param {ChartRow[]} rows @param {number} room */
  function chart(rows, room) {
    // Bars for the same figures as the table beside it. The table is their text alternative, and
    // names each row with the publication's title marked as English: the chart is hidden from
    // screen readers rather than named by a title that would mix two languages unmarked.
    // Drawn at the width it is shown (never scaled down), so that labels stay 12 px.
    var ns = "http://www.w3.org/2000/svg", width = Math.max(280, Math.min(640, room || 640)), bar = 22, gap = 10;
    var label = Math.round(width * 0.45);
    var height = rows.length * (bar + gap) + gap;
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(height));
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "assessment-chart");
    rows.forEach(function (r, i) {
      var y = gap + i * (bar + gap), pct = r.group && r.group.percent !== null ? r.group.percent : 0;
      var text = document.createElementNS(ns, "text");
      text.setAttribute("x", String(label - 8)); text.setAttribute("y", String(y + bar * 0.7)); text.setAttribute("text-anchor", "end");
      svgName(text, r.name, Math.floor((label - 12) / 6.6));
      var back = document.createElementNS(ns, "rect");
      back.setAttribute("x", String(label)); back.setAttribute("y", String(y)); back.setAttribute("width", String(width - label - 60)); back.setAttribute("height", String(bar));
      back.setAttribute("class", "assessment-chart__track");
      var fill = document.createElementNS(ns, "rect");
      fill.setAttribute("x", String(label)); fill.setAttribute("y", String(y)); fill.setAttribute("height", String(bar));
      fill.setAttribute("width", String(Math.max(0, (width - label - 60) * pct / 100)));
      fill.setAttribute("class", "assessment-chart__bar");
      var value = document.createElementNS(ns, "text");
      value.setAttribute("x", String(width - 52)); value.setAttribute("y", String(y + bar * 0.7));
      value.textContent = r.group && r.group.percent !== null ? Lang.percent(r.group.percent) : "–";
      [text, back, fill, value].forEach(function (n) { svg.appendChild(n); });
    });
    return svg;
  }

  /** @typedef {string | number | null | undefined | Node} Cell */
  /** @param {string} caption @param {string[]} head @param {Cell[][]} rows */
  function table(caption, head, rows) {
    var t = el("table", { class: "assessment-table" });
    t.appendChild(el("caption", {}, caption));
    var thead = el("thead"), tr = el("tr");
    head.forEach(function (h) { tr.appendChild(el("th", { scope: "col" }, h)); });
    thead.appendChild(tr);
    t.appendChild(thead);
    var tbody = el("tbody");
    rows.forEach(function (cells) {
      var row = el("tr");
      cells.forEach(function (c, i) {
        var cell = el(i === 0 ? "th" : "td", i === 0 ? { scope: "row" } : { "data-label": head[i] });
        if (c instanceof Node) cell.appendChild(c); else cell.textContent = c === null || c === undefined ? "" : String(c);
        row.appendChild(cell);
      });
      tbody.appendChild(row);
    });
    t.appendChild(tbody);
    var wrap = el("div", { class: "assessment-table-wrap", role: "region", "aria-label": caption, tabindex: "0" });
    wrap.appendChild(t);
    return wrap;
  }

  /** @param {string} href @param {string | Node} content */
  function link(href, content) {
    var a = el("a", { href: href });
    if (typeof content === "string") a.textContent = content; else a.appendChild(content);
    return a;
  }

  // A heading, a bar chart and a table with the same figures, for modules or for steps.
  /* `name`: the row's name as the table shows it (the chart draws a copy). */
  /** @param {HTMLElement} target @param {string} title @param {string} unit
      @param {{ name: Node, url: string, group: ScoreGroup | undefined }[]} rows */
  function scoreSection(target, title, unit, rows) {
    target.appendChild(el("h2", { id: title.toLowerCase().replace(/ /g, "-") }, title));
    target.appendChild(chart(rows.map(function (r) { return { name: r.name.cloneNode(true), group: r.group }; }), target.clientWidth));
    target.appendChild(table(title, [unit, t("Answered"), t("Score")], rows.map(function (r) {
      var g = r.group;
      return [link(r.url, r.name), tf("{answered} of {total}", { answered: g ? g.answered : 0, total: g ? g.total : 0 }), percentText(g)];
    })));
  }

  /** @param {HTMLElement} target */
  function renderResults(target) {
    target.textContent = "";
    var s = core.score(state, model);
    scoreSection(target, t("Scores by module"), t("Module"), model.modules.map(function (m) {
      return { name: moduleName(m), url: m.form, group: s.module[m.id] };
    }));
    scoreSection(target, t("Scores by step"), t("Step"), model.steps.map(function (st) {
      return { name: stepName(st), url: st.url, group: s.step[st.id] };
    }));
    target.appendChild(el("h2", { id: "where-to-start" }, t("Where to start")));
    var weak = core.weakest(state, model, 5);
    if (!weak.length) {
      target.appendChild(el("p", {}, t("Answer some questions to see which tasks need attention first.")));
    } else {
      target.appendChild(el("p", {}, t("The tasks with the lowest scores, with their guidance:")));
      var list = el("ol", { class: "where-to-start" });
      weak.forEach(function (g) {
        var task = model.tasks.filter(function (t) { return t.id === g.key; })[0];
        var li = el("li");
        li.appendChild(link(task.url, taskName(task)));
        li.appendChild(document.createTextNode(" — " + Lang.percent(g.percent || 0)));
        list.appendChild(li);
      });
      target.appendChild(list);
    }
    var removed = Object.keys(state.answers).filter(function (id) { return !core.own(questions, id); });
    if (removed.length) {
      target.appendChild(el("h2", { id: "removed" }, t("Answers to questions no longer in the toolkit")));
      target.appendChild(el("p", {}, t("These answers come from an earlier version of the questions. They are kept, exported and printed, but not scored.")));
      target.appendChild(table(t("Answers to removed questions"), [t("Question id"), t("Answer"), t("Note"), t("Next action")], removed.map(function (id) {
        var a = state.answers[id];
        return [id, a.value ? (scale[a.value] || {}).label : "", a.note, a.action];
      })));
    }
    var aside = state.set_aside || [];
    if (aside.length) {
      target.appendChild(el("h2", { id: "set-aside" }, t("Answers set aside")));
      target.appendChild(el("p", {}, t("These answers could not be used (for example a value that is not on the scale). They are kept as they were, and exported, so that nothing is lost; answer the question again to replace them.")));
      target.appendChild(table(t("Answers set aside"), [t("Question id"), t("Why"), t("Set aside on"), t("As found")], aside.map(function (item) {
        return [item.id, setAsideReason(item.reason), when(item.when), JSON.stringify(item.data === undefined ? null : item.data).slice(0, 500)];
      })));
    }
  }

  /* The start page: answered counts per module, and where to carry on once some are answered. */
  function renderStart() {
    var resume = document.getElementById("assessment-resume");
    if (!resume) return;
    var s = core.score(state, model);
    model.modules.forEach(function (m) {
      var cell = document.querySelector("[data-module='" + m.id + "'] [data-module-answered]");
      var g = s.module[m.id];
      if (cell) cell.textContent = g && g.answered ? tf("{n} answered of ", { n: g.answered }) : "";
    });
    var started = model.modules.some(function (m) { return s.module[m.id] && s.module[m.id].answered; });
    var next = model.modules.filter(function (m) { return s.module[m.id] && s.module[m.id].answered < s.module[m.id].total; })[0];
    resume.textContent = "";
    resume.hidden = !started;
    if (!started) return;
    if (!next) { resume.textContent = t("You have answered every question: see your results below, or change any answer in its module."); return; }
    var first = model.questions.filter(function (q) { return q.module === next.id && !(state.answers[q.id] && state.answers[q.id].value); })[0];
    resume.appendChild(document.createTextNode(t("You have started: ")));
    resume.appendChild(link(next.form + "#q-" + first.id.slice(2).toLowerCase().replace(/\./g, "-"),
                            fillNodes(t("continue with module {id}: {title}"), { id: next.id, title: publication(next.title, next.lang) })));
    resume.appendChild(document.createTextNode(" " + tf("({answered} of {total} answered).", { answered: s.module[next.id].answered, total: s.module[next.id].total })));
  }

  /** @param {string | null | undefined} iso */
  function when(iso) {
    return (iso && Lang.dateTime(iso)) || t("an unknown date");
  }

  function showBackupReminder() {
    var box = document.getElementById("assessment-backup");
    if (!box) return;
    var last = answers.lastExport();
    if (!last) box.textContent = core.answerCount(state) ? t("You have not exported your answers yet.") : "";
    else if (state.updated && state.updated > last) box.textContent = tf("Your answers changed since your last export on {date}: export them again.", { date: when(last) });
    else box.textContent = tf("Last exported on {date}.", { date: when(last) });
  }

  function showPersistence() {
    var box = document.getElementById("assessment-persist");
    if (!box) return;
    var shown = box;
    /** @param {boolean | null} granted */
    function say(granted) {
      shown.textContent = granted === true ? t("This browser has agreed to keep this site's data until you delete it.") :
        granted === false ? t("This browser has not agreed to keep this site's data for good: it may delete it when space runs low.") :
        t("This browser cannot be asked to keep this site's data for good.");
    }
    // Asked not to evict this origin's data (navigator.storage.persist); null: no such request.
    var sm = window.navigator && window.navigator.storage;
    if (!sm || typeof sm.persist !== "function") { say(null); return; }
    var manager = sm;
    manager.persisted().then(function (already) { return already || manager.persist(); })
      .then(function (granted) { say(!!granted); }, function () { say(null); });
  }

  // --- earlier versions (snapshots) ------------------------------------------------------
  /* Why an earlier version was kept, in words (the data layer keeps a code). */
  /** @param {SnapshotReason | null | undefined} reason */
  function reasonText(reason) {
    var r = reason || { code: "" };
    switch (r.code) {
      case "legacy": return t("As stored by version 0.1.0 of the toolkit");
      case "legacy-set-aside": return t("As stored by version 0.1.0, before setting aside answers that could not be used");
      case "legacy-snapshot": return tf("Kept by version 0.1.0: {reason}", { reason: r.text || "" });
      case "legacy-unreadable": return t("Stored by version 0.1.0, could not be read (kept as it was)");
      case "before-replace": return tf("Before replacing with {file}", { file: r.file || "" });
      case "before-combine": return tf("Before combining with {file}", { file: r.file || "" });
      case "before-restore": return tf("Before restoring the version of {date}", { date: when(r.when) });
      case "before-start-over": return t("Before starting over");
      default: return t("Kept by another version of the toolkit");
    }
  }

  /** @param {{ when: string | null }} snap */
  function snapshotName(snap) {
    return "partnering-guidelines-earlier-version-" + (snap.when || "undated").slice(0, 19).replace(/[^0-9T]/g, "-") + ".json";
  }

  function renderSnapshots() {
    var target = document.getElementById("assessment-snapshots");
    if (!target) return;
    target.textContent = "";
    var list = answers.snapshots();
    if (!list.length) { target.appendChild(el("p", {}, t("No earlier versions yet: one is kept here each time answers are replaced or removed."))); return; }
    target.appendChild(table(t("Earlier versions of your answers, newest first"), [t("Date"), t("Kept"), t("Organisation"), t("Answers"), t("Actions")], list.map(function (snap) {
      var actions = el("span", { class: "assessment-snapshot-actions" });
      var restore = el("button", { type: "button", class: "md-button", "data-restore": snap.id }, t("Restore"));
      var dl = el("button", { type: "button", class: "md-button", "data-download": snap.id }, t("Download"));
      var remove = el("button", { type: "button", class: "md-button", "data-delete-snapshot": snap.id }, t("Delete"));
      restore.addEventListener("click", function () { restoreSnapshot(snap); });
      dl.addEventListener("click", function () { download(snapshotName(snap), "application/json", snap.data); });
      remove.addEventListener("click", function () {
        if (!window.confirm(tf("Delete the earlier version of {date} from this browser? Download it first to keep it.", { date: when(snap.when) }))) return;
        answers.removeSnapshot(snap.id);
        renderSnapshots();
      });
      actions.appendChild(restore);
      actions.appendChild(dl);
      actions.appendChild(remove);
      return [when(snap.when), reasonText(snap.reason), Data.organisationOf(snap.data), snap.count ? Lang.number(snap.count) : "", actions];
    })));
  }

  /* Why a replace, a combine or a start over changed nothing. */
  /** @param {string | undefined} problem */
  function refusal(problem) {
    return problem === "unavailable" ? notSavedMessage() :
      problem === "history-full" ? t("There is no room left for earlier versions of your answers: download and delete some under Earlier versions, then try again.") :
      problem === "unreadable" || problem === "gone" ? t("That earlier version cannot be read; download it to keep it.") :
      t("This browser's storage is full, so a copy of your current answers could not be kept first. Nothing was changed. Export your answers, then free some space (or use another browser) and try again.");
  }

  /* Earlier versions dropped to make room for the one just kept: said, never silent. */
  /** @param {HistorySnapshot[]} dropped */
  function droppedLines(dropped) {
    return dropped.map(function (s) { return tf("To make room, the earlier version of {date} was removed from this browser.", { date: when(s.when) }); });
  }

  /** @param {HistorySnapshot} snap */
  function restoreSnapshot(snap) {
    var out = document.getElementById("assessment-import-result");
    if (!window.confirm(tf("Replace your current answers with the version of {date}? Your current answers are kept as an earlier version first.", { date: when(snap.when) }))) return;
    var first = save();
    var result = first.ok ? answers.restore(snap.id) : { ok: false, problem: first.problem, dropped: [] };
    refresh();
    if (result.ok) messages(out, [tf("Restored the answers of {date} ({n} answers). Your previous answers are listed under Earlier versions.", { date: when(snap.when), n: snap.count || 0 })].concat(droppedLines(result.dropped)), false);
    else messages(out, [t("Nothing was restored; your answers are unchanged."), refusal(result.problem)], true, true);
  }

  // --- import, start over ------------------------------------------------------------------
  /** @param {number} n */
  function answersText(n) { return n === 1 ? t("1 answer") : tf("{n} answers", { n: n }); }

  /** @param {Migrated} result @param {string} name @param {"combine" | "replace"} mode @param {ImportResult} outcome */
  function importLines(result, name, mode, outcome) {
    /** @type {string[]} */
    var lines = [];
    if (mode === "replace") lines.push(tf("Replaced your answers with the {answers} in {file}. Your previous answers are listed under Earlier versions.", { answers: answersText(core.answerCount(result.state)), file: name }));
    else {
      lines.push(outcome.added.length === 1 ? tf("Combined {file} with your answers: 1 new answer added.", { file: name }) :
        tf("Combined {file} with your answers: {n} new answers added.", { file: name, n: outcome.added.length }));
      outcome.conflicts.forEach(function (c) {
        lines.push(c.kept === "theirs" ? tf("Both had an answer to {id}: kept the file's (newer).", { id: c.id }) :
          c.kept === "each" ? tf("Both had an answer to {id}: kept the newer of each of its answer, note and next action.", { id: c.id }) :
          tf("Both had an answer to {id}: kept yours (newer or as new).", { id: c.id }));
      });
    }
    if (result.unknown.length) lines.push(tf("{n} of them answer questions that are no longer in the toolkit; they are kept and listed below.", { n: result.unknown.length }));
    result.setAside.forEach(function (item) {
      lines.push(tf("The answer to {id} was set aside: {reason}.", { id: item.id, reason: setAsideReason(item.reason) }) + " " + t("It is kept and listed below."));
    });
    if (result.migratedFrom !== null) lines.push(tf("The file was made with an older format (schema {schema}) and was converted.", { schema: result.migratedFrom }));
    return lines.concat(droppedLines(outcome.dropped));
  }

  /** @param {Migrated} result @param {string} name @param {"combine" | "replace"} mode */
  function runImport(result, name, mode) {
    var out = document.getElementById("assessment-import-result");
    var first = save();
    var outcome = first.ok ? answers.importState(result.state, mode, name) : null;
    refresh();
    if (!outcome || !outcome.ok) {
      messages(out, [t("Nothing was imported; your answers are unchanged."), refusal(outcome ? outcome.problem : first.problem)], true, true);
      return;
    }
    messages(out, importLines(result, name, mode, outcome), false);
  }

  /* What the "Combine", "Replace" and "Cancel" buttons do (mode null: cancel), while they are shown. */
  /** @type {((mode: "combine" | "replace" | null) => void) | null} */
  var importChoice = null;

  /** @param {Migrated} result @param {string} name */
  function askImport(result, name) {
    var box = document.getElementById("assessment-import-choice");
    var ask = document.getElementById("assessment-import-question");
    var mine = core.answerCount(state);
    if (!box || !ask || !mine) { runImport(result, name, "combine"); return; }
    var shown = box;
    ask.textContent = tf("{file} has {theirs}; this browser has {mine}. Combine them (where both answer a question, the newer answer is kept) or replace yours with the file's? Either way your current answers are kept under Earlier versions.", { file: name, theirs: answersText(core.answerCount(result.state)), mine: answersText(mine) });
    box.hidden = false;
    importChoice = function (mode) {
      shown.hidden = true;
      importChoice = null;
      if (mode) runImport(result, name, mode);
    };
    var combine = document.getElementById("assessment-import-combine");
    if (combine) combine.focus();
  }

  function bindToolbar() {
    /** @param {string} id @param {() => void} fn */
    var on = function (id, fn) { var b = document.getElementById(id); if (b) b.addEventListener("click", fn); };
    on("assessment-export-json", exportJSON);
    on("assessment-export-csv", exportCSV);
    on("assessment-import-combine", function () { if (importChoice) importChoice("combine"); });
    on("assessment-import-replace", function () { if (importChoice) importChoice("replace"); });
    on("assessment-import-cancel", function () { if (importChoice) importChoice(null); });
    on("assessment-start-over", function () {
      if (!window.confirm(t("Delete all your answers, notes and next actions from this browser? A copy is kept under Earlier versions on this page until you clear the browser's data."))) return;
      var first = save();
      var result = first.ok ? answers.startOver() : null;
      refresh();
      if (result && result.ok) status(t("All answers were removed from this browser. A copy is listed under Earlier versions."));
      else messages(document.getElementById("assessment-import-result"),
                    [t("Nothing was removed.")].concat(result ? [refusal(result.problem)].concat(droppedLines(result.dropped)) : [refusal(first.problem)]), true, true);
    });
    var input = /** @type {HTMLInputElement | null} */ (document.getElementById("assessment-import"));
    var out = document.getElementById("assessment-import-result");
    if (input) input.addEventListener("change", function () {
      var picker = /** @type {HTMLInputElement} */ (this);
      var file = picker.files && picker.files[0];
      if (!file) return;
      var name = file.name;
      readFile(file, function (result) {
        picker.value = "";
        if (result.errors !== undefined) { messages(out, [t("Nothing was imported; your answers are unchanged.")].concat(result.errors.map(problemText)), true); return; }
        reread();
        askImport(result, name);
      });
    });
  }

  // --- report --------------------------------------------------------------------------
  /** @param {HTMLElement} target */
  function renderReport(target) {
    target.textContent = "";
    var s = core.score(state, model), done = doneActions();
    var head = el("p", { class: "report-meta" });
    head.textContent = (state.organisation ? state.organisation + " · " : "") + tf("Printed {date}", { date: Lang.date(new Date()) }) +
      (state.updated ? " · " + tf("last answer {date}", { date: when(state.updated) }) : "");
    target.appendChild(head);
    model.modules.forEach(function (m) {
      var heading = el("h2", { class: "report-module" });
      heading.appendChild(moduleName(m));
      heading.appendChild(document.createTextNode(" — " + percentText(s.module[m.id])));
      target.appendChild(heading);
      var qs = model.questions.filter(function (q) { return q.module === m.id; });
      target.appendChild(table(tf("Module {id}", { id: m.id }), [t("Question"), t("Answer"), t("Note"), t("Next action")], qs.map(function (q) {
        /** @type {Partial<Answer>} */
        var a = state.answers[q.id] || {};
        return [questionCell(q), a.value ? scale[a.value].label : t("Not answered"), a.note || "",
                a.action ? a.action + (done[q.id] ? " (" + t("Done") + ")" : "") : ""];
      })));
    });
  }

  function SPREAD_WORDS() {
    return t("The spread says how far apart the partners' answers are on the scale: 0, they agree; 1, one step apart (for example \u201cpartly\u201d and \u201cfully in place\u201d); 2, as far apart as the scale goes (\u201cnot in place\u201d and \u201cfully in place\u201d). \u201cNot applicable\u201d and unanswered questions do not count.");
  }

  /** @param {number} spread */
  function spreadText(spread) {
    return spread === 0 ? t("0: agree") : spread === 1 ? t("1: one step apart") : tf("{spread}: furthest apart", { spread: spread });
  }

  // --- partners --------------------------------------------------------------------------
  /** @typedef {{ name: string, state?: AssessmentState, errors?: AssessmentProblem[] }} PartnerFile */
  /** @param {PartnerFile[]} files @param {HTMLElement} target */
  function renderPartners(files, target) {
    target.textContent = "";
    var partners = /** @type {{ name: string, state: AssessmentState }[]} */ (files.filter(function (f) { return f.state; }));
    var errors = files.filter(function (f) { return f.errors; });
    if (errors.length) {
      var box = el("div", { class: "assessment-message assessment-message--problem", role: "alert" });
      errors.forEach(function (f) { box.appendChild(el("p", {}, tf("{file} was not read: {errors}", { file: f.name, errors: (f.errors || []).map(problemText).join(" ") }))); });
      target.appendChild(box);
    }
    if (!partners.length) return;
    var names = partners.map(function (p, i) { return p.state.organisation || p.name || tf("Partner {n}", { n: i + 1 }); });
    var merged = core.merge(partners, model);
    var answered = merged.rows.filter(function (r) { return r.answers.some(function (a) { return a && a.value; }); });
    target.appendChild(el("h2", { id: "disagree" }, t("Where partners disagree most")));
    target.appendChild(el("p", {}, SPREAD_WORDS()));
    if (!merged.disagreements.length) target.appendChild(el("p", {}, t("The partners' answers do not differ on any question.")));
    else target.appendChild(table(t("Questions with the widest spread of answers"), [t("Question"), t("Spread")].concat(names), merged.disagreements.slice(0, 10).map(function (r) {
      return [questionCell(r.question), spreadText(r.spread)].concat(r.answers.map(function (a) { return a && a.value ? scale[a.value].label : "–"; }));
    })));
    target.appendChild(el("h2", { id: "module-scores" }, t("Each partner's scores by module")));
    var scores = partners.map(function (p) { return core.score(p.state, model).module; });
    target.appendChild(table(t("Scores by module for each partner"), [t("Module")].concat(names), model.modules.map(function (m) {
      return [/** @type {Cell} */ (moduleName(m))].concat(scores.map(function (sc) {
        var g = sc[m.id];
        return g && g.percent !== null ? tf("{percent} ({answered} of {total} answered)", { percent: Lang.percent(g.percent), answered: g.answered, total: g.total }) : t("not answered");
      }));
    })));
    target.appendChild(el("h2", { id: "all-answers" }, t("Every answered question")));
    target.appendChild(el("p", {}, tf("{answered} of {total} questions were answered by at least one partner; the others are left out.", { answered: answered.length, total: merged.rows.length })));
    if (answered.length) target.appendChild(table(t("Every partner's answer to the questions someone answered"), [t("Question"), t("Spread")].concat(names), answered.map(function (r) {
      return [questionCell(r.question), r.answered > 1 ? spreadText(r.spread) : "–"].concat(r.answers.map(function (a) {
        if (!a || !a.value) return "–";
        return scale[a.value].label + (a.note ? " (" + a.note + ")" : "");
      }));
    })));
  }

  function bindPartners() {
    var input = /** @type {HTMLInputElement | null} */ (document.getElementById("partners-files"));
    var target = document.getElementById("partners-result");
    var useMine = /** @type {HTMLInputElement | null} */ (document.getElementById("partners-include-mine"));
    if (!input || !target) return;
    var picker = input, shown = target;
    input.addEventListener("change", function () {
      /** @type {File[]} */
      var list = Array.prototype.slice.call(picker.files || []);
      /** @type {PartnerFile[]} */
      var results = [];
      var pending = list.length;
      if (!pending) return;
      list.forEach(function (file, i) {
        readFile(file, function (r) {
          results[i] = { name: file.name, state: r.state, errors: r.errors };
          if (--pending === 0) {
            if (useMine && useMine.checked) results.unshift({ name: t("My answers"), state: state });
            renderPartners(results, shown);
          }
        });
      });
    });
  }

  // --- compare ---------------------------------------------------------------------------
  function bindCompare() {
    var input = /** @type {HTMLInputElement | null} */ (document.getElementById("compare-file"));
    var found = document.getElementById("compare-result");
    if (!input || !found) return;
    var picker = input, target = found;
    input.addEventListener("change", function () {
      var file = picker.files && picker.files[0];
      if (!file) return;
      var name = file.name;
      readFile(file, function (r) {
        target.textContent = "";
        if (r.errors !== undefined) { target.appendChild(el("p", { class: "assessment-message assessment-message--problem", role: "alert" }, tf("{file} was not read: {errors}", { file: name, errors: r.errors.map(problemText).join(" ") }))); return; }
        var result = core.compare(r.state, state, model);
        target.appendChild(el("h2", { id: "changed-steps" }, t("Scores by step: then and now")));
        target.appendChild(table(tf("Step scores in {file} and now", { file: name }), [t("Step"), t("Then"), t("Now"), t("Change")], result.steps.map(function (st) {
          var step = model.steps.filter(function (x) { return x.id === st.step; })[0];
          return [stepName(step), st.before === null ? "–" : Lang.percent(st.before), st.after === null ? "–" : Lang.percent(st.after),
                  st.delta === null ? "–" : tf("{n} points", { n: (st.delta > 0 ? "+" : "") + Lang.number(st.delta) })];
        })));
        target.appendChild(el("h2", { id: "changed-answers" }, t("Answers that changed")));
        if (!result.changes.length) target.appendChild(el("p", {}, t("No answer has changed.")));
        else target.appendChild(table(tf("Answers that changed since {file}", { file: name }), [t("Question"), t("Then"), t("Now")], result.changes.map(function (c) {
          return [questionCell(c.question), c.before ? scale[c.before].label : t("Not answered"), c.after ? scale[c.after].label : t("Not answered")];
        })));
      });
    });
  }

  // --- start -----------------------------------------------------------------------------
  function refresh() {
    var form = /** @type {HTMLFormElement | null} */ (document.querySelector("[data-assessment-form]"));
    if (form) view.syncAll();
    reread();
    if (form) fillForm(form);
    var results = document.getElementById("assessment-results");
    if (results) renderResults(results);
    renderStart();
    var printed = document.getElementById("assessment-report");
    if (printed) renderReport(printed);
    renderSnapshots();
    showBackupReminder();
  }

  /* Says whether answers are saved; returns true when that is a problem. */
  /** @param {{ moved: boolean, unreadable: boolean }} legacy */
  function openingStatus(legacy) {
    if (!layer.available) { status(notSavedMessage(), true); return true; }
    if (!legacy.moved) {
      status(t("Your answers saved by the previous version of the toolkit could not be moved yet (storage full): they are kept as they were. Free some space and open this page again."), true);
      return true;
    }
    if (legacy.unreadable) {
      status(t("Your answers saved by the previous version of the toolkit could not be read. They are kept as they were under Earlier versions on the Results page, where you can download them."), true);
      return true;
    }
    if (!layer.writable()) {
      status(t("This browser's storage is full: the answers shown are stored, but new changes cannot be saved. Export your answers, then free some space."), true);
      return true;
    }
    var aside = (state.set_aside || []).length;
    if (aside) { status(tf("{n} saved answer(s) could not be used and are set aside; they are kept and listed on the Results page.", { n: aside }), true); return true; }
    status(state.updated ? tf("Your answers are saved in this browser (last change {date}).", { date: when(state.updated) }) :
      t("Answers are saved in this browser as you give them."));
    return false;
  }

  function adoptOld() { return OLD_KEYS ? answers.adoptLegacy(contract.legacy) : { moved: true, unreadable: false }; }

  // Registered first: a page restored by the Back button reads again before anything else runs.
  layer.watch(function () {
    adoptOld();   // an older copy of the toolkit may still write its keys (file:// pages share one storage)
    refresh();
    view.retry();
    if (answers.hasChoices()) report(answers.storeChoices());
  });
  var legacy = adoptOld();
  var form = /** @type {HTMLFormElement | null} */ (document.querySelector("[data-assessment-form]"));
  var early = form ? takeEarlyInput(form) : null;   // first: the form then shows them, never clears them
  if (form) bindForm(form);
  root.classList.add("assessment--ready");
  bindToolbar();
  bindPartners();
  bindCompare();
  refresh();
  var problem = openingStatus(legacy);
  if (early) {                     // stored as the user's changes: "Saved …" (unless a problem is shown), or why not
    quiet = problem;
    report(early);
    quiet = false;
  }
  showPersistence();
  if (kind === "report" && window.location.hash === "#print") window.print();
})();
