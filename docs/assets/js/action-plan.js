/* The action plan: gathered on every visit (and whenever another tab writes) from the
   self-assessment's stored answers (read only) and the worksheets' action rows. Editing an
   action from a worksheet writes that worksheet's row (read-merge-write, like the worksheet
   page); owner, due date and status of a self-assessment action are kept in the plan's own key,
   by the action's source ID ("assessment:<question id>"), for the assessment page to show. */
(function () {
  "use strict";
  var Core = window.WorksheetCore, Store = window.WorksheetStore;
  var node = document.getElementById("plan-model");
  var table = document.getElementById("plan-table");
  if (!node || !table || !Core || !Store) return;
  var plan = JSON.parse(node.textContent);
  var status = document.getElementById("ws-status");
  var planStore = Store.open(plan.plan_key);
  var sort = { key: "task", direction: "ascending" };
  var filter = "";
  var actions = [];

  // The page's language: the model carries the browser's messages translated (English text as
  // the key); any missing stays English.
  function t(text) { return (plan.strings && plan.strings[text]) || text; }
  function tf(text, values) {
    var out = t(text);
    Object.keys(values).forEach(function (k) { out = out.split("{" + k + "}").join(String(values[k])); });
    return out;
  }

  function now() { return new Date().toISOString(); }
  function say(text, problem) { status.textContent = text; status.classList.toggle("ws-status--problem", !!problem); }
  function read(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }

  function gather() {
    var texts = {};
    plan.tables.forEach(function (t) { texts[t.key] = read(t.key); });
    var planDoc = null;
    try { planDoc = JSON.parse(planStore.read() || "null"); } catch (e) { planDoc = null; }
    return Core.gatherActions(plan, read(plan.assessment_key), texts, planDoc);
  }

  function cellInput(action, key) {
    var el;
    if (key === "status") {
      el = document.createElement("select");
      plan.statuses.forEach(function (s) { var o = document.createElement("option"); o.textContent = t(s); o.value = s; el.appendChild(o); });
    } else {
      el = document.createElement("input");
      el.type = key === "due" ? "date" : "text";
    }
    el.value = action[key] || "";
    var names = { due: t("Due date"), owner: t("Owner"), status: t("Status") };
    el.setAttribute("aria-label", (names[key] || key) + ": " + action.action.slice(0, 80));
    el.setAttribute("data-action-id", action.id);
    el.setAttribute("data-key", key);
    return el;
  }

  function draw() {
    var focused = document.activeElement && table.contains(document.activeElement) ?
      [document.activeElement.getAttribute("data-action-id"), document.activeElement.getAttribute("data-key")] : null;
    actions = gather();
    var shown = Core.sortActions(actions, sort.key, sort.direction, plan.statuses).filter(function (a) { return !filter || a.status === filter; });
    var body = table.tBodies[0];
    while (body.firstChild) body.removeChild(body.firstChild);
    shown.forEach(function (a) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-action", a.id);
      if (a.status === "Done") tr.className = "plan-done";
      var td = document.createElement("td");
      td.textContent = a.action;
      tr.appendChild(td);
      ["owner", "due", "status"].forEach(function (key) {
        var cell = document.createElement("td");
        cell.appendChild(cellInput(a, key));
        tr.appendChild(cell);
      });
      var task = document.createElement("td");
      task.textContent = a.task ? tf("Task {id}", { id: a.task }) : "";
      tr.appendChild(task);
      var from = document.createElement("td");
      if (a.url) {
        var link = document.createElement("a");
        link.href = a.url;
        link.textContent = a.source;
        from.appendChild(link);
      } else from.textContent = a.source;
      tr.appendChild(from);
      body.appendChild(tr);
    });
    document.querySelector("[data-plan-empty]").hidden = actions.length > 0;
    table.querySelectorAll("th[data-sort-key]").forEach(function (th) {
      th.setAttribute("aria-sort", th.getAttribute("data-sort-key") === sort.key ? sort.direction : "none");
    });
    if (focused) {
      var again = table.querySelector("[data-action-id=\"" + CSS.escape(focused[0]) + "\"][data-key=\"" + focused[1] + "\"]");
      if (again) again.focus();
    }
  }

  function save(id, key, value) {
    var a = actions.filter(function (x) { return x.id === id; })[0];
    if (!a) return;
    var when = now(), result;
    if (a.kind === "worksheet") {
      var sheet = Store.open(a.key);
      result = sheet.update(function (text) {
        var doc = Core.parseDoc(text, { id: a.sheet });
        if (!doc) return null;    // unreadable: left for the worksheet page to keep and repair
        return JSON.stringify(Core.applyChange(doc, { kind: "cell", table: a.table, row: a.row, column: key, value: value }, when));
      });
    } else {
      result = planStore.update(function (text) {
        var doc;
        try { doc = JSON.parse(text || "null"); } catch (e) { doc = null; }
        if (!doc || typeof doc.records !== "object") doc = { format: Core.PLAN_FORMAT, schema_version: 1, records: {} };
        var rec = doc.records[id] || {};
        rec[key] = value;
        rec.updated = when;
        doc.records[id] = rec;
        return JSON.stringify(doc);
      });
    }
    say(result.ok ? t("Saved in this browser.") : t("Not saved: this browser's storage is full or blocked. Export the plan (CSV) now."), !result.ok);
    if (result.ok && key === "status") draw();
  }

  table.addEventListener("change", function (e) {
    var el = e.target;
    if (el.hasAttribute("data-action-id")) save(el.getAttribute("data-action-id"), el.getAttribute("data-key"), el.value);
  });
  table.addEventListener("click", function (e) {
    var button = e.target.closest("[data-sort]");
    if (!button) return;
    var key = button.getAttribute("data-sort");
    sort = { key: key, direction: sort.key === key && sort.direction === "ascending" ? "descending" : "ascending" };
    draw();
  });
  document.addEventListener("change", function (e) {
    if (e.target.matches("[data-plan-filter]")) { filter = e.target.value; draw(); }
  });

  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
    var a = document.createElement("a");
    a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  document.addEventListener("click", function (e) {
    var ordered = Core.sortActions(actions, sort.key, sort.direction, plan.statuses);
    if (e.target.closest("[data-export-plan-csv]")) download("action-plan.csv", "\uFEFF" + Core.planCSV(ordered), "text/csv");
    if (e.target.closest("[data-export-plan-json]")) download("action-plan.json", JSON.stringify(Core.planExport(ordered, now()), null, 1), "application/json");
  });

  window.addEventListener("storage", function (e) { if (e.key === null || e.key.indexOf("partnering-guidelines/") === 0) draw(); });
  window.addEventListener("pageshow", function (e) { if (e.persisted) draw(); });
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "visible") draw(); });
  draw();
})();
