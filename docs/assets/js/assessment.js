/* Self-assessment: the pages. Answers are saved in this browser only (localStorage, one key),
   never sent anywhere; they can be exported, imported, merged and compared. Everything that
   comes from a user or a file is inserted as text, never as HTML. */
(function () {
  "use strict";

  var core = window.AssessmentCore;
  var model = window.ASSESSMENT_MODEL;
  var KEY = "partnering-guidelines/assessment/v1";          // namespaced and versioned: file:// pages share one origin
  var KEEP = KEY + "/kept";                                  // what import or start-over replaced, and unreadable data
  var EXPORTED = KEY + "/last-export";
  var root = document.querySelector("[data-assessment-page]");
  if (!core || !model || !root) return;
  var kind = root.getAttribute("data-assessment-page");
  // The page's language: the model carries our strings translated (English text as the key);
  // any missing stays English.
  function t(text) { return (model && model.strings && model.strings[text]) || text; }
  var scale = {};
  model.scale.forEach(function (o) { scale[o.key] = o; });
  var questions = {};
  model.questions.forEach(function (q) { questions[q.id] = q; });

  // --- storage ---------------------------------------------------------------------------
  var storage = (function () {
    try {
      var s = window.localStorage, probe = KEY + "/probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null;
    }
  })();
  var saving = !!storage;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function status(message, problem) {
    var box = document.getElementById("assessment-status");
    if (!box) return;
    box.textContent = message;
    box.classList.toggle("assessment-status--problem", !!problem);
  }

  function notSavedMessage() {
    return t("Your answers are NOT being saved: this browser does not allow this page to store data " +
      "(private mode, settings, or full storage). Export your answers before you close the page.");
  }

  function keep(label, text) {
    if (!storage || !text) return;
    try { storage.setItem(KEEP, JSON.stringify({ label: label, when: new Date().toISOString(), data: text })); } catch (e) { /* best effort */ }
  }

  function load() {
    if (!storage) return core.emptyState(model);
    var text = storage.getItem(KEY);
    if (!text) return core.emptyState(model);
    var result;
    try { result = core.migrate(JSON.parse(text), model); } catch (e) { result = { errors: [String(e.message)] }; }
    if (result.errors) {
      // Never drop unreadable answers silently: keep them aside and say so.
      keep("unreadable saved answers", text);
      status(t("Saved answers could not be read and were set aside ({error}). You can start again; the old data is kept in this browser.").replace("{error}", result.errors[0]), true);
      return core.emptyState(model);
    }
    return result.state;
  }

  var state = load();

  function save() {
    state.updated = new Date().toISOString();
    if (!storage) { status(notSavedMessage(), true); return false; }
    try {
      storage.setItem(KEY, JSON.stringify(state));
    } catch (e) {
      saving = false;
      status(t("Your last answer could NOT be saved (the browser's storage is full or blocked). Export your answers now to keep them."), true);
      return false;
    }
    saving = true;
    status(t("Saved in this browser at {time}.").replace("{time}", new Date().toLocaleTimeString()));
    return true;
  }

  // --- files -----------------------------------------------------------------------------
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

  function exportJSON() {
    var data = core.exportState(state, model, new Date().toISOString());
    download(fileStem() + ".json", "application/json", JSON.stringify(data, null, 2));
    if (storage) try { storage.setItem(EXPORTED, new Date().toISOString()); } catch (e) { /* reminder only */ }
    showBackupReminder();
  }

  function exportCSV() {
    download(fileStem() + ".csv", "text/csv;charset=utf-8", "\ufeff" + core.toCSV(state, model));
  }

  function readFile(file, done) {
    if (file.size > core.MAX_IMPORT_BYTES) { done({ errors: [t("The file is too large ({size} KB; an assessment is at most {max} KB).").replace("{size}", Math.round(file.size / 1024)).replace("{max}", core.MAX_IMPORT_BYTES / 1024)] }); return; }
    var reader = new FileReader();
    reader.onload = function () { done(core.parseImport(String(reader.result), model)); };
    reader.onerror = function () { done({ errors: [t("The file could not be read.")] }); };
    reader.readAsText(file);
  }

  function messages(target, lines, problem) {
    target.textContent = "";
    target.classList.toggle("assessment-message--problem", !!problem);
    var list = el("ul");
    lines.forEach(function (line) { list.appendChild(el("li", {}, line)); });
    target.appendChild(list);
    target.hidden = false;
    target.focus();
  }

  // --- answering -------------------------------------------------------------------------
  function answerOf(id) {
    return state.answers[id] || (state.answers[id] = { value: null, note: "", action: "" });
  }

  function fillForm(form) {
    Array.prototype.forEach.call(form.querySelectorAll("[data-question]"), function (fieldset) {
      var id = fieldset.getAttribute("data-question"), a = state.answers[id];
      Array.prototype.forEach.call(fieldset.querySelectorAll("input[type=radio]"), function (r) { r.checked = !!a && a.value === r.value; });
      fieldset.querySelector("[data-field=note]").value = a ? a.note : "";
      fieldset.querySelector("[data-field=action]").value = a ? a.action : "";
    });
    var org = document.getElementById("assessment-organisation");
    if (org) org.value = state.organisation || "";
    progress(form);
  }

  function progress(form) {
    var out = document.getElementById("assessment-progress");
    if (!out) return;
    var ids = Array.prototype.map.call(form.querySelectorAll("[data-question]"), function (f) { return f.getAttribute("data-question"); });
    var answered = ids.filter(function (id) { return state.answers[id] && state.answers[id].value; }).length;
    out.textContent = answered + " of " + ids.length + " questions answered.";
  }

  function bindForm(form) {
    var timer = null;
    form.addEventListener("change", function (event) {
      var t = event.target, fieldset = t.closest("[data-question]");
      if (t.type === "radio" && fieldset) {
        answerOf(fieldset.getAttribute("data-question")).value = t.value;
        save();
        progress(form);
      }
    });
    form.addEventListener("input", function (event) {
      var t = event.target, fieldset = t.closest("[data-question]");
      if (t.id === "assessment-organisation") state.organisation = t.value.slice(0, 200);
      else if (fieldset && t.getAttribute("data-field")) answerOf(fieldset.getAttribute("data-question"))[t.getAttribute("data-field")] = t.value.slice(0, 5000);
      else return;
      clearTimeout(timer);
      timer = setTimeout(save, 300);
    });
    window.addEventListener("pagehide", function () { if (timer) { clearTimeout(timer); save(); } });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    fillForm(form);
  }

  // --- results ---------------------------------------------------------------------------
  function percentText(g) {
    return g && g.percent !== null ? g.percent + "%" : "not scored yet";
  }

  function chart(title, rows) {
    // Bars for the same figures as the table beside it; the table is the text alternative.
    var ns = "http://www.w3.org/2000/svg", width = 640, bar = 22, gap = 10, label = 210;
    var height = rows.length * (bar + gap) + gap;
    var svg = document.createElementNS(ns, "svg");
    var titleId = "chart-" + title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-labelledby", titleId);
    svg.setAttribute("class", "assessment-chart");
    var t = document.createElementNS(ns, "title");
    t.setAttribute("id", titleId);
    t.textContent = title + ": " + rows.map(function (r) { return r.label + " " + percentText(r.group); }).join("; ");
    svg.appendChild(t);
    rows.forEach(function (r, i) {
      var y = gap + i * (bar + gap), pct = r.group && r.group.percent !== null ? r.group.percent : 0;
      var text = document.createElementNS(ns, "text");
      text.setAttribute("x", label - 8); text.setAttribute("y", y + bar * 0.7); text.setAttribute("text-anchor", "end");
      text.textContent = r.label;
      var back = document.createElementNS(ns, "rect");
      back.setAttribute("x", label); back.setAttribute("y", y); back.setAttribute("width", width - label - 60); back.setAttribute("height", bar);
      back.setAttribute("class", "assessment-chart__track");
      var fill = document.createElementNS(ns, "rect");
      fill.setAttribute("x", label); fill.setAttribute("y", y); fill.setAttribute("height", bar);
      fill.setAttribute("width", Math.max(0, (width - label - 60) * pct / 100));
      fill.setAttribute("class", "assessment-chart__bar");
      var value = document.createElementNS(ns, "text");
      value.setAttribute("x", width - 52); value.setAttribute("y", y + bar * 0.7);
      value.textContent = r.group && r.group.percent !== null ? r.group.percent + "%" : "–";
      [text, back, fill, value].forEach(function (n) { svg.appendChild(n); });
    });
    return svg;
  }

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
        var cell = el(i === 0 ? "th" : "td", i === 0 ? { scope: "row" } : {});
        if (c && c.nodeType) cell.appendChild(c); else cell.textContent = c === null || c === undefined ? "" : String(c);
        row.appendChild(cell);
      });
      tbody.appendChild(row);
    });
    t.appendChild(tbody);
    return t;
  }

  function link(href, text) { return el("a", { href: href }, text); }

  function short(label) { return label.length > 30 ? label.slice(0, 29) + "…" : label; }

  // A heading, a bar chart and a table with the same figures, for modules or for steps.
  function scoreSection(target, title, unit, rows) {
    target.appendChild(el("h2", { id: title.toLowerCase().replace(/ /g, "-") }, title));
    target.appendChild(chart(title, rows.map(function (r) { return { label: short(r.name), group: r.group }; })));
    target.appendChild(table(title, [unit, t("Answered"), t("Score")], rows.map(function (r) {
      var g = r.group || { answered: 0, total: 0 };
      return [link(r.url, r.name), g.answered + " of " + g.total, percentText(g)];
    })));
  }

  function renderResults(target) {
    target.textContent = "";
    var s = core.score(state, model);
    scoreSection(target, t("Scores by module"), t("Module"), model.modules.map(function (m) {
      return { name: t("Module {id}: {title}").replace("{id}", m.id).replace("{title}", m.title), url: m.form, group: s.module[m.id] };
    }));
    scoreSection(target, t("Scores by step"), t("Step"), model.steps.map(function (st) {
      return { name: t("Step {id}: {title}").replace("{id}", st.id).replace("{title}", st.title), url: st.url, group: s.step[st.id] };
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
        li.appendChild(link(task.url, t("Task {id}: {title}").replace("{id}", task.id).replace("{title}", task.title)));
        li.appendChild(document.createTextNode(" — " + g.percent + "%"));
        list.appendChild(li);
      });
      target.appendChild(list);
    }
    var removed = Object.keys(state.answers).filter(function (id) { return !questions[id]; });
    if (removed.length) {
      target.appendChild(el("h2", { id: "removed" }, t("Answers to questions no longer in the toolkit")));
      target.appendChild(el("p", {}, t("These answers come from an earlier version of the questions. They are kept, exported and printed, but not scored.")));
      target.appendChild(table("Answers to removed questions", [t("Question id"), t("Answer"), t("Note"), t("Next action")], removed.map(function (id) {
        var a = state.answers[id];
        return [id, a.value ? (scale[a.value] || {}).label : "", a.note, a.action];
      })));
    }
  }

  function showBackupReminder() {
    var box = document.getElementById("assessment-backup");
    if (!box) return;
    var last = storage ? storage.getItem(EXPORTED) : null;
    box.textContent = last ? t("Last exported on {date}.").replace("{date}", new Date(last).toLocaleString()) : t("You have not exported your answers yet.");
  }

  function bindToolbar() {
    var on = function (id, fn) { var b = document.getElementById(id); if (b) b.addEventListener("click", fn); };
    on("assessment-export-json", exportJSON);
    on("assessment-export-csv", exportCSV);
    on("assessment-start-over", function () {
      if (!window.confirm(t("Delete all your answers, notes and next actions from this browser? Export them first if you may need them."))) return;
      if (storage) {
        keep("answers before start over", storage.getItem(KEY));
        storage.removeItem(KEY);
        storage.removeItem(EXPORTED);
      }
      state = core.emptyState(model);
      status(t("All answers were removed from this browser."));
      refresh();
    });
    var input = document.getElementById("assessment-import");
    var out = document.getElementById("assessment-import-result");
    if (input) input.addEventListener("change", function () {
      var file = input.files[0];
      if (!file) return;
      readFile(file, function (result) {
        input.value = "";
        if (result.errors) { messages(out, [t("Nothing was imported; your answers are unchanged.")].concat(result.errors), true); return; }
        if (Object.keys(state.answers).length && !window.confirm(t("Replace your current answers with the answers in {file}? Your current answers are kept in this browser as a backup.").replace("{file}", file.name))) return;
        if (storage) keep("answers before import", storage.getItem(KEY));
        state = result.state;
        save();
        var lines = [t("Imported {n} answers from {file}.").replace("{n}", Object.keys(state.answers).length).replace("{file}", file.name)];
        if (result.unknown.length) lines.push(result.unknown.length + " of them answer questions that are no longer in the toolkit; they are kept and listed below.");
        if (result.migratedFrom !== null) lines.push(t("The file was made with an older format (schema {schema}) and was converted.").replace("{schema}", result.migratedFrom));
        messages(out, lines, false);
        refresh();
      });
    });
  }

  // --- report --------------------------------------------------------------------------
  function renderReport(target) {
    target.textContent = "";
    var s = core.score(state, model);
    var head = el("p", { class: "report-meta" });
    head.textContent = (state.organisation ? state.organisation + " · " : "") + t("Printed {date}").replace("{date}", new Date().toLocaleDateString()) +
      (state.updated ? " · " + t("last answer {date}").replace("{date}", new Date(state.updated).toLocaleString()) : "");
    target.appendChild(head);
    model.modules.forEach(function (m) {
      target.appendChild(el("h2", { class: "report-module" }, t("Module {id}: {title}").replace("{id}", m.id).replace("{title}", m.title) + " — " + percentText(s.module[m.id])));
      var qs = model.questions.filter(function (q) { return q.module === m.id; });
      target.appendChild(table("Module " + m.id, [t("Question"), t("Answer"), t("Note"), t("Next action")], qs.map(function (q) {
        var a = state.answers[q.id] || {};
        var cell = el("span");
        cell.appendChild(el("span", { class: "q-source" }, q.source + ": "));
        cell.appendChild(document.createTextNode(q.text));
        return [cell, a.value ? scale[a.value].label : t("Not answered"), a.note || "", a.action || ""];
      })));
    });
  }

  // --- partners --------------------------------------------------------------------------
  function renderPartners(files, target) {
    target.textContent = "";
    var partners = files.filter(function (f) { return f.state; });
    var errors = files.filter(function (f) { return f.errors; });
    if (errors.length) {
      var box = el("div", { class: "assessment-message assessment-message--problem", role: "alert" });
      errors.forEach(function (f) { box.appendChild(el("p", {}, f.name + " was not read: " + f.errors.join(" "))); });
      target.appendChild(box);
    }
    if (!partners.length) return;
    var names = partners.map(function (p, i) { return p.state.organisation || p.name || t("Partner {n}").replace("{n}", i + 1); });
    var merged = core.merge(partners, model);
    target.appendChild(el("h2", { id: "disagree" }, t("Where partners disagree most")));
    if (!merged.disagreements.length) target.appendChild(el("p", {}, t("The partners' answers do not differ on any question.")));
    else target.appendChild(table("Questions with the widest spread of answers", [t("Question"), t("Spread")].concat(names), merged.disagreements.slice(0, 10).map(function (r) {
      return [r.question.source + ": " + r.question.text, r.spread].concat(r.answers.map(function (a) { return a && a.value ? scale[a.value].label : "–"; }));
    })));
    target.appendChild(el("h2", { id: "all-answers" }, t("All questions")));
    target.appendChild(table("Every partner's answer to every question", [t("Question"), t("Spread")].concat(names), merged.rows.map(function (r) {
      return [r.question.source + ": " + r.question.text, r.answered > 1 ? r.spread : "–"].concat(r.answers.map(function (a) {
        if (!a || !a.value) return "–";
        return scale[a.value].label + (a.note ? " (" + a.note + ")" : "");
      }));
    })));
  }

  function bindPartners() {
    var input = document.getElementById("partners-files");
    var target = document.getElementById("partners-result");
    var useMine = document.getElementById("partners-include-mine");
    if (!input) return;
    input.addEventListener("change", function () {
      var list = Array.prototype.slice.call(input.files), results = [], pending = list.length;
      if (!pending) return;
      list.forEach(function (file, i) {
        readFile(file, function (r) {
          results[i] = { name: file.name, state: r.state, errors: r.errors };
          if (--pending === 0) {
            if (useMine && useMine.checked) results.unshift({ name: t("My answers"), state: state });
            renderPartners(results, target);
          }
        });
      });
    });
  }

  // --- compare ---------------------------------------------------------------------------
  function bindCompare() {
    var input = document.getElementById("compare-file");
    var target = document.getElementById("compare-result");
    if (!input) return;
    input.addEventListener("change", function () {
      var file = input.files[0];
      if (!file) return;
      readFile(file, function (r) {
        target.textContent = "";
        if (r.errors) { target.appendChild(el("p", { class: "assessment-message assessment-message--problem", role: "alert" }, file.name + " was not read: " + r.errors.join(" "))); return; }
        var result = core.compare(r.state, state, model);
        target.appendChild(el("h2", { id: "changed-steps" }, t("Scores by step: then and now")));
        target.appendChild(table(t("Step scores in {file} and now").replace("{file}", file.name), [t("Step"), t("Then"), t("Now"), t("Change")], result.steps.map(function (st) {
          var step = model.steps.filter(function (x) { return x.id === st.step; })[0];
          return [t("Step {id}: {title}").replace("{id}", step.id).replace("{title}", step.title), st.before === null ? "–" : st.before + "%", st.after === null ? "–" : st.after + "%",
                  st.delta === null ? "–" : (st.delta > 0 ? "+" : "") + st.delta + " points"];
        })));
        target.appendChild(el("h2", { id: "changed-answers" }, t("Answers that changed")));
        if (!result.changes.length) target.appendChild(el("p", {}, t("No answer has changed.")));
        else target.appendChild(table("Answers that changed since " + file.name, [t("Question"), t("Then"), t("Now")], result.changes.map(function (c) {
          return [c.question.source + ": " + c.question.text, c.before ? scale[c.before].label : t("Not answered"), c.after ? scale[c.after].label : t("Not answered")];
        })));
      });
    });
  }

  // --- start -----------------------------------------------------------------------------
  function refresh() {
    var form = document.querySelector("[data-assessment-form]");
    if (form) fillForm(form);
    var results = document.getElementById("assessment-results");
    if (results) renderResults(results);
    var report = document.getElementById("assessment-report");
    if (report) renderReport(report);
    showBackupReminder();
  }

  root.classList.add("assessment--ready");
  var form = document.querySelector("[data-assessment-form]");
  if (form) bindForm(form);
  bindToolbar();
  bindPartners();
  bindCompare();
  refresh();
  if (!storage) status(notSavedMessage(), true);
  else if (!document.getElementById("assessment-status").textContent) {
    status(state.updated ? t("Your answers are saved in this browser (last change {date}).").replace("{date}", new Date(state.updated).toLocaleString()) :
      t("Answers are saved in this browser as you give them."));
  }
  if (kind === "report" && window.location.hash === "#print") window.print();
})();
