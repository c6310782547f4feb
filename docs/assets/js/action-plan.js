/* The action plan: gathered from the self-assessment's stored answers (read only) and the
   worksheets' action rows, whenever anything changes in any tab. Owner, due date and status are
   saved as typed through the data layer (data-view.js): a worksheet action's in its worksheet's
   row, a self-assessment action's in the plan's own records ("assessment:<question id>"),
   with the action text its status was given for (a rewritten action starts again), where the
   assessment page reads its "Done" marks (assessment-data.js, doneOf). */
// @ts-check
(function () {
  "use strict";
  var loaded = { Core: window.WorksheetCore, Layer: window.DataLayer, View: window.DataLayerView,
                 node: document.getElementById("plan-model"), table: document.getElementById("plan-table"),
                 status: document.getElementById("ws-status") };
  if (!loaded.node || !(loaded.table instanceof HTMLTableElement) || !loaded.status || !loaded.Core || !loaded.Layer || !loaded.View) return;
  var Core = loaded.Core, Layer = loaded.Layer, View = loaded.View, table = loaded.table, status = loaded.status;
  /** @type {PlanModel} */
  var plan = JSON.parse(String(loaded.node.textContent));
  var contract = plan.storage, limits = contract.limits;
  // This tab's workspace (workspace.js): every tool the plan reads and writes is that workspace's.
  // Version 0.1.0's keys (and the copy of the "Done" marks kept there) belong to the default one.
  var WS = window.Workspaces ? window.Workspaces.current(window, contract, Layer) : null;
  if (WS) {
    var inWorkspace = WS.tool;
    plan.tool = inWorkspace(plan.tool);
    plan.assessment_tool = inWorkspace(plan.assessment_tool);
    plan.tables.forEach(function (tb) { tb.tool = inWorkspace(tb.tool); });
  }
  var TOOL = plan.tool, OLD_KEYS = !WS || WS.isDefault;
  /** @type {{ key: keyof PlanAction, direction: "ascending" | "descending" }} */
  var sort = { key: "order", direction: "ascending" };
  var filter = "", ownerFilter = "", dueFilter = "";
  /** @type {PlanAction[]} */
  var actions = [];
  /** @type {("owner" | "due" | "status")[]} */
  var FIELDS = ["owner", "due", "status"];
  var DONE = "Done";   // the status that completes an action (stored in English)

  // The page's language: the model carries the browser's messages translated (English text as
  // the key); any missing stays English.
  /** @param {string} text */
  function t(text) { return (plan.strings && plan.strings[text]) || text; }
  /** @param {string} text @param {Record<string, unknown>} values */
  function tf(text, values) {
    var out = t(text);
    Object.keys(values).forEach(function (k) { out = out.split("{" + k + "}").join(String(values[k])); });
    return out;
  }

  // Dates and numbers in the page's language (data-view.js, which every tool's page loads).
  var Lang = View.formats(document);

  /** @param {string} text @param {boolean} [problem] @param {HTMLElement} [extra] */
  function say(text, problem, extra) {
    status.textContent = text;
    status.classList.toggle("ws-status--problem", !!problem);
    if (extra) { status.appendChild(document.createTextNode(" ")); status.appendChild(extra); }
  }

  /** @param {string} label @param {() => void} onClick @param {Record<string, string>} [attrs] */
  function button(label, onClick, attrs) {
    var b = document.createElement("button"), values = attrs || {};
    b.type = "button";
    b.className = "md-button";
    b.textContent = label;
    Object.keys(values).forEach(function (k) { b.setAttribute(k, values[k]); });
    b.addEventListener("click", onClick);
    return b;
  }

  function full() { return t("Not saved: this browser's storage is full or blocked. Nothing you typed is lost while this page stays open: export the plan now, then free some space."); }

  var failing = false;   // said once, so that retries do not redraw the message (and its button) again and again
  /** @param {SaveReport} result */
  function saveReport(result) {
    if (result.ok) {
      failing = false;
      if (result.saved) { say(tf("Saved in this browser at {time}.", { time: Lang.time(new Date()) })); afterChange(); }
      return;
    }
    if (failing && status.classList.contains("ws-status--problem")) return;
    failing = true;
    say(full(), true, button(t("Export (JSON)"), exportJSON));
  }

  var layer = Layer.open({ contract: contract, win: window });
  var view = View.create({ layer: layer, win: window, t: t, saveAfter: contract.save_after_ms, retryAfter: contract.retry_after_ms,
                           maxText: limits.text, report: saveReport });

  /* The self-assessment's next actions, question id -> text: kept in the data layer (records
     "q:<question id>", assessment-data.js), and in its own store's key for what no assessment
     page has moved yet (this page reads it, and leaves moving it to the assessment). */
  /** @returns {Record<string, string>} */
  function assessmentActions() {
    var out = /** @type {Record<string, string>} */ (Layer.dict()), doc = null;
    try { doc = OLD_KEYS ? JSON.parse(layer.raw(contract.legacy.assessment) || "null") : null; } catch (e) { doc = null; }
    var old = doc && doc.answers && typeof doc.answers === "object" ? doc.answers : {};
    Object.keys(old).forEach(function (qid) { if (old[qid] && typeof old[qid].action === "string") out[qid] = old[qid].action; });
    var recs = layer.state(plan.assessment_tool).records;
    Object.keys(recs).forEach(function (r) {
      if (r.indexOf("q:") !== 0) return;
      var qid = r.slice(2);
      if (Layer.own(recs[r], "action")) out[qid] = String(recs[r].action.value);
      else if (Layer.own(out, qid) && Object.keys(recs[r]).length) delete out[qid];   // moved, and its action emptied since
    });
    return out;
  }

  /** @param {string} qid @returns {string | null} */
  function assessmentAction(qid) {
    var all = assessmentActions();
    return Layer.own(all, qid) ? all[qid] : null;
  }

  /* In the form gatherActions() reads (version 0.1.0's stored document). */
  /** @returns {string} */
  function assessmentText() {
    var all = assessmentActions(), answers = {};
    Object.keys(all).forEach(function (qid) { Object.defineProperty(answers, qid, { value: { action: all[qid] }, enumerable: true }); });
    return JSON.stringify({ answers: answers });
  }

  // --- version 0.1.0's key ----------------------------------------------------------------
  /* What version 0.1.0 (or an older copy of the toolkit still in use, file:// pages of every
     copy share one storage) wrote there joins the plan's records: combined, each of its fields
     with the record's time, once per text (the text taken in is noted). Records that earlier
     builds of this version wrote there for the assessment page carry the oldest time and are
     left out. Its text is kept as an earlier version once. */
  function adoptLegacy() {
    if (!OLD_KEYS) return true;
    // The worksheets' actions too: this page may be the first one opened since the update.
    var sheets = plan.tables.map(function (tb) { return tb.sheet; }).filter(function (id, i, all) { return all.indexOf(id) === i; });
    var ok = sheets.every(function (id) {
      var tb = plan.tables.filter(function (x) { return x.sheet === id; })[0];
      return Core.adoptLegacyWorksheet(layer, contract, id, tb.tool);
    });
    return adoptLegacyPlan() && ok;
  }

  /** @returns {boolean} */
  function adoptLegacyPlan() {
    var text = layer.raw(contract.legacy.plan);
    if (text === null || text === layer.meta(TOOL, "legacy-written")) return true;
    var doc;
    try { doc = JSON.parse(text); } catch (e) { doc = null; }
    var records = doc && doc.records && typeof doc.records === "object" && !Array.isArray(doc.records) ? doc.records : null;
    var ok = true;
    if (records) {
      /** @type {Incoming} */
      var incoming = Layer.dict();
      Object.keys(records).forEach(function (id) {
        var r = records[id];
        if (!/^assessment:[A-Za-z0-9._-]{1,60}$/.test(id) || !r || typeof r !== "object") return;
        // A record that an earlier build of this version wrote for the assessment page has the
        // oldest time: only one that 0.1.0 wrote (with the time it wrote it) is news.
        if (r.updated === Layer.EPOCH) return;
        var time = Layer.isStamp(r.updated) || "", rec = /** @type {Record<string, { value: string, time: string }>} */ (Layer.dict());
        FIELDS.forEach(function (f) { if (typeof r[f] === "string" && r[f].length <= limits.text) rec[f] = { value: r[f], time: time }; });
        if (rec.status && plan.statuses.indexOf(rec.status.value) < 0) delete rec.status;
        var action = assessmentAction(id.slice(11));
        if (rec.status && action !== null) rec["status-for"] = { value: action, time: time };
        incoming[id] = rec;
      });
      ok = layer.write(TOOL, Layer.importOps(layer.state(TOOL), incoming, "combine", null).ops).ok;
    }
    if (ok && !layer.meta(TOOL, "legacy-kept")) {
      var kept = layer.keepSnapshot(TOOL, { code: records ? "legacy" : "legacy-unreadable" }, text, records ? Object.keys(records).length : 0);
      ok = kept.ok && layer.meta(TOOL, "legacy-kept", "1");
    }
    // Taken in once: a field emptied since must not come back from it at the next visit.
    return ok && layer.meta(TOOL, "legacy-written", text);
  }

  // --- gathering and drawing ---------------------------------------------------------------
  /** @param {PendingEdit[]} [edits] */
  function states(edits) {
    /** @type {Record<string, LayerState>} */
    var out = Layer.dict();
    plan.tables.forEach(function (tb) {
      out[tb.sheet] = Layer.overlay(layer.state(tb.tool), (edits || []).filter(function (e) { return e.tool === tb.tool; }), layer.now());
    });
    return out;
  }

  /** @param {PendingEdit[]} [edits] */
  function gather(edits) {
    var planState = Layer.overlay(layer.state(TOOL), (edits || []).filter(function (e) { return e.tool === TOOL; }), layer.now());
    return Core.gatherActions(plan, assessmentText(), states(edits), planState).map(function (a) {
      if (a.kind === "assessment") a.source = a.source ? tf("Self-assessment, {source}", { source: a.source }) : tf("Self-assessment, question {id} (no longer in the toolkit)", { id: a.question });
      return a;
    });
  }

  /** @param {AssessmentPlanAction} a */
  function statusShown(a) {
    return /** @param {string} stored */ function (stored) {
      var rec = Layer.own(layer.state(TOOL).records, a.record) ? layer.state(TOOL).records[a.record] : null;
      var forText = rec && Layer.own(rec, "status-for") ? String(rec["status-for"].value) : null;
      var action = assessmentAction(a.question);
      return !stored || (forText !== null && action !== null && forText !== action) ? plan.statuses[0] : stored;
    };
  }

  /* A calendar day (YYYY-MM-DD) as the page's language writes it: the one place the plan
     formats a day (due and completion dates, flags). */
  /** @param {string} day */
  function dayText(day) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || "");
    if (!m) return "";
    var d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    var tag;
    try { tag = Intl.getCanonicalLocales(document.documentElement.lang)[0]; } catch (e) { tag = undefined; }
    try { return new Intl.DateTimeFormat(tag, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(d); } catch (e) { return day; }
  }

  /* Today as a calendar day in this computer's time zone (due dates are days). */
  function today() { return Core.localDay(new Date()); }

  /** @type {Record<string, string>} */
  var NAMES = { action: t("Action"), owner: t("Owner"), due: t("Due date"), status: t("Status"), completed: t("Completed on"),
                notes: t("Notes"), task: t("Task"), source: t("From"), order: t("Order") };

  /** @param {PlanAction} a @param {string} key @returns {FieldControl} */
  function cellInput(a, key) {
    /** @type {FieldControl} */
    var el;
    if (key === "status") {
      el = document.createElement("select");
      // Stored and exported in English; shown as the page's language names it.
      plan.statuses.forEach(function (s, i) { var o = document.createElement("option"); o.textContent = plan.status_labels[i]; o.value = s; el.appendChild(o); });
    } else if (key === "task") {
      el = document.createElement("select");
      var none = document.createElement("option");
      none.value = "";
      none.textContent = t("(no task)");
      el.appendChild(none);
      Object.keys(plan.tasks).forEach(function (id) {
        var o = document.createElement("option");
        o.value = id;
        o.textContent = tf("Task {id}: {title}", { id: id, title: plan.tasks[id] });
        el.appendChild(o);
      });
    } else if (key === "notes" || key === "action") {
      el = document.createElement("textarea");
      el.rows = 2;
    } else {
      el = document.createElement("input");
      el.type = key === "due" || key === "completed" ? "date" : "text";
    }
    el.setAttribute("aria-label", NAMES[key] + ": " + a.action.slice(0, 80));
    el.setAttribute("data-action-id", a.id);
    el.setAttribute("data-key", key);
    return el;
  }

  /** @type {Record<string, HTMLTableRowElement>} */
  var rows = Layer.dict();   // action id -> tr

  /* A cell labelled with its column's name (shown on a phone, where rows are cards). */
  /** @param {HTMLTableRowElement} tr @param {string} key */
  function cell(tr, key) {
    var td = document.createElement("td");
    td.setAttribute("data-label", NAMES[key]);
    td.setAttribute("data-column", key);
    tr.appendChild(td);
    return td;
  }

  /** @param {HTMLElement} parent @param {string} attr */
  function span(parent, attr) {
    var el = document.createElement("span");
    el.setAttribute(attr, "");
    parent.appendChild(el);
    return el;
  }

  /** @param {PlanAction} a */
  function makeRow(a) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-action", a.id);
    tr.setAttribute("data-kind", a.kind);
    /** @param {HTMLElement} td @param {string} key @param {string} tool @param {string} record @param {BindOptions | null} [opts] */
    function control(td, key, tool, record, opts) {
      var el = cellInput(a, key);
      td.appendChild(el);
      view.bind(el, tool, record, key, opts);
      return el;
    }
    var text = cell(tr, "action");
    if (a.kind === "plan") control(text, "action", TOOL, a.record);
    else text.setAttribute("data-action-text", "");
    control(cell(tr, "owner"), "owner", a.tool, a.record);
    var due = cell(tr, "due");
    control(due, "due", a.tool, a.record);
    span(due, "data-due-text").className = "plan-date";
    span(due, "data-flag").className = "plan-flag";
    /** @type {BindOptions} */
    var opts = { show: function (stored) { return stored || plan.statuses[0]; } };
    if (a.kind === "assessment") {
      // The action text a status is given for: a rewritten action starts again.
      var q = a.question;
      opts = { alongside: /** @returns {Record<string, string>} */ function () { var text = assessmentAction(q); return text === null ? {} : { "status-for": text }; }, show: statusShown(a) };
    }
    control(cell(tr, "status"), "status", a.tool, a.record, opts);
    var completed = cell(tr, "completed");
    control(completed, "completed", TOOL, a.planRecord);
    span(completed, "data-completed-text").className = "plan-date";
    control(cell(tr, "notes"), "notes", TOOL, a.planRecord);
    var task = cell(tr, "task");
    task.setAttribute("data-task", "");
    if (a.kind === "plan") control(task, "task", TOOL, a.record);
    span(task, "data-task-link");
    cell(tr, "source").setAttribute("data-from", "");
    var order = cell(tr, "order");
    order.className = "plan-row-tools ws-noprint";
    order.appendChild(button(t("Up"), function () { move(a.id, -1); }, { "data-move": "up", "aria-label": tf("Move up: {action}", { action: a.action.slice(0, 80) }) }));
    order.appendChild(button(t("Down"), function () { move(a.id, 1); }, { "data-move": "down", "aria-label": tf("Move down: {action}", { action: a.action.slice(0, 80) }) }));
    // A self-assessment action is the assessment's text: it is removed there, not here.
    if (a.kind !== "assessment") order.appendChild(button(t("Remove"), function () { remove(a.id); }, { "data-remove": "" }));
    return tr;
  }

  /** @param {HTMLTableRowElement} tr @param {PlanAction} a */
  function fillRow(tr, a) {
    var text = tr.querySelector("[data-action-text]");
    if (text) text.textContent = a.action;
    var link = must(tr.querySelector("[data-task-link]"));
    link.textContent = "";
    if (a.task) {
      var to = document.createElement("a");
      to.href = plan.task_urls[a.task] || "#";
      to.textContent = tf("Task {id}", { id: a.task });
      link.appendChild(to);
    }
    var from = must(tr.querySelector("[data-from]"));
    from.textContent = "";
    if (a.url) {
      var source = document.createElement("a");
      source.href = a.url;
      source.textContent = a.source || "";
      from.appendChild(source);
    } else from.textContent = a.kind === "plan" ? t("Added on the action plan") : a.source || "";
    var reset = tr.querySelector(".plan-reset");
    if (a.statusReset && !reset) {
      reset = document.createElement("span");
      reset.className = "plan-reset";
      reset.textContent = t("The action was rewritten after its status was set.");
      statusOf(tr).insertAdjacentElement("afterend", reset);
    } else if (!a.statusReset && reset) reset.remove();
    // The flag is said in words, beside the date: colour only adds to it.
    var flag = Core.dueFlag(a, today(), plan.soon_days, DONE);
    must(tr.querySelector("[data-due-text]")).textContent = a.due ? dayText(a.due) : "";
    must(tr.querySelector("[data-flag]")).textContent = !flag ? "" : flag.code === "overdue" ? t("Overdue") : flag.days === 0 ? t("Due today") : t("Due soon");
    must(tr.querySelector("[data-completed-text]")).textContent = a.completed ? dayText(a.completed) : "";
    tr.classList.toggle("plan-overdue", !!flag && flag.code === "overdue");
    tr.classList.toggle("plan-due-soon", !!flag && flag.code === "due-soon");
    Array.prototype.forEach.call(tr.querySelectorAll("[data-key]"), function (el) {
      el.setAttribute("aria-label", NAMES[el.getAttribute("data-key")] + ": " + a.action.slice(0, 80));
      view.sync(el);
    });
    Array.prototype.forEach.call(tr.querySelectorAll("[data-move]"), /** @param {HTMLButtonElement} b */ function (b) { b.disabled = sort.key !== "order"; });
    tr.classList.toggle("plan-done", statusOf(tr).value === DONE);
  }

  /* The status control of a row: makeRow() draws one in every row. */
  /** @param {HTMLTableRowElement} tr */
  function statusOf(tr) { return /** @type {HTMLSelectElement} */ (must(tr.querySelector("[data-key=status]"))); }

  /* An element the page's template or this script always draws: one missing is a bug here. */
  /** @template T @param {T | null} node @returns {T} */
  function must(node) {
    if (!node) throw new Error("action-plan.js: an element of the page is missing");
    return node;
  }

  /* Rows are kept and updated in place: a control someone is typing into is never replaced, and
     rows do not move while the cursor is in the table (they are sorted again when it leaves). */
  /** @param {boolean} [moving] the user moved an action: rows move even with the cursor in the table */
  function draw(moving) {
    actions = gather();
    var shown = visible();
    var body = table.tBodies[0], still = !moving && body.contains(document.activeElement);
    var wanted = Layer.dict(), prev = /** @type {Node | null} */ (null);
    shown.forEach(function (a) {
      wanted[a.id] = true;
      var tr = rows[a.id];
      if (!tr) tr = rows[a.id] = makeRow(a);
      if (!still || tr.parentNode !== body) {
        var at = prev ? prev.nextSibling : body.firstChild;
        if (at !== tr) body.insertBefore(tr, still ? null : at);
        prev = tr;
      }
      fillRow(tr, a);     // once in the page: what the controls show is set last
    });
    Object.keys(rows).forEach(function (id) {
      if (wanted[id] || view.holds(rows[id])) return;
      Array.prototype.forEach.call(rows[id].querySelectorAll("[data-key]"), view.unbind);
      rows[id].remove();
      delete rows[id];
    });
    /** @type {HTMLElement | null} */
    var empty = document.querySelector("[data-plan-empty]");
    must(empty).hidden = actions.length > 0;
    table.querySelectorAll("th[data-sort-key]").forEach(function (th) {
      th.setAttribute("aria-sort", th.getAttribute("data-sort-key") === sort.key ? sort.direction : "none");
    });
    if (window.PrintValues) window.PrintValues.refresh();   // the printed copies of owners, dates and statuses
  }

  /* The actions the filters let through, in the order shown. */
  function visible() {
    var day = today();
    return Core.sortActions(actions, sort.key, sort.direction, plan.statuses).filter(function (a) {
      if (filter && a.status !== filter) return false;
      if (ownerFilter && a.owner !== ownerFilter) return false;
      var flag = dueFilter ? Core.dueFlag(a, day, plan.soon_days, DONE) : null;
      return !dueFilter || (!!flag && flag.code === dueFilter);
    });
  }

  /* The owner filter lists the owners the plan has now (the one chosen stays, even if gone). */
  function drawOwners() {
    var found = document.querySelector("[data-plan-owner]");
    if (!(found instanceof HTMLSelectElement)) return;
    var select = found;   // a const for the callbacks below (tsc does not carry the check into them)
    var names = actions.map(function (a) { return a.owner; }).concat(ownerFilter ? [ownerFilter] : [])
      .filter(function (o, i, all) { return !!o && all.indexOf(o) === i; }).sort();
    var have = Array.prototype.slice.call(select.options, 1).map(/** @param {HTMLOptionElement} o */ function (o) { return o.value; });
    if (have.join("\n") === names.join("\n")) return;
    while (select.options.length > 1) select.remove(1);
    names.forEach(function (n) { var o = document.createElement("option"); o.value = n; o.textContent = n; select.appendChild(o); });
    select.value = ownerFilter;
  }

  function afterChange() {
    draw();
    drawOwners();
  }

  // --- adding, moving and removing actions -------------------------------------------------
  /* Every action gets its place in the plan as it is shown in plan order (only the places that
     change are written), with `extra` ops added. */
  /** @param {{ action: PlanAction, order: number }[]} places @param {WriteOp[]} extra */
  function writePlaces(places, extra) {
    var recs = layer.state(TOOL).records;
    var ops = places.map(/** @returns {WriteOp} */ function (p) {
      var rec = Layer.own(recs, p.action.planRecord) ? recs[p.action.planRecord] : null;
      return { record: p.action.planRecord, field: "@order", value: p.order, base: Layer.headIds(rec && Layer.own(rec, "@order") ? rec["@order"] : null) };
    });
    var result = layer.write(TOOL, ops.concat(extra));
    if (!result.ok) saveReport({ ok: false, problem: result.problem, saved: 0 });
    return result.ok;
  }

  function addAction() {
    view.flush();
    var all = Core.sortActions(gather(), "order", "ascending", plan.statuses);
    if (all.length >= limits.rows * 4) { say(tf("Not added: a plan holds at most {max} actions.", { max: limits.rows * 4 }), true); return; }
    var id = "plan:" + Core.newRowId(layer.now(), Math.random());
    var places = all.map(function (a, n) { return { action: a, order: n }; }).filter(function (p) { return p.action.order !== p.order; });
    if (!writePlaces(places, [{ record: id, field: "@order", value: all.length, base: [] }])) return;
    if (sort.key !== "order") sort = { key: "order", direction: "ascending" };
    afterChange();
    var tr = rows[id];
    var text = tr && tr.querySelector("textarea[data-key=action]");
    if (text instanceof HTMLTextAreaElement) { tr.scrollIntoView({ block: "nearest" }); text.focus(); }
    say(t("Action added: write what is to be done."));
  }

  /** @param {string} id @param {-1 | 1} by */
  function move(id, by) {
    if (sort.key !== "order") return;
    view.flush();
    var all = Core.sortActions(gather(), "order", "ascending", plan.statuses);
    var shown = visible();
    if (sort.direction === "descending") by = /** @type {-1 | 1} */ (-by);
    var places = Core.reorder(all, sort.direction === "descending" ? shown.slice().reverse() : shown, id, by);
    if (!places.length || !writePlaces(places, [])) return;
    draw(true);
    drawOwners();
    var b = rows[id] && rows[id].querySelector(by * (sort.direction === "descending" ? -1 : 1) < 0 ? "[data-move=up]" : "[data-move=down]");
    if (b instanceof HTMLButtonElement && !b.disabled) b.focus();
  }

  /** @param {{ tool: string, record: string }[]} removed */
  function undoButton(removed) {
    return button(t("Undo"), function () {
      removed.forEach(function (r) {
        var recs = layer.state(r.tool).records;
        var del = Layer.own(recs, r.record) && Layer.own(recs[r.record], "@deleted") ? recs[r.record]["@deleted"] : null;
        if (!del) return;
        var result = layer.write(r.tool, [{ record: r.record, field: "@deleted", value: "", base: Layer.headIds(del) }]);
        if (!result.ok) saveReport({ ok: false, problem: result.problem, saved: 0 });
      });
      afterChange();
      say(t("The action is back."));
    }, { "data-undo": "" });
  }

  /* Removes an action added on the plan, or a worksheet's action row (from its worksheet too):
     what was typed in it is stored first, so that the removal has seen it and Undo brings it back. */
  /** @param {string} id */
  function remove(id) {
    view.flush();
    var a = actions.filter(function (x) { return x.id === id; })[0];
    if (!a || a.kind === "assessment") return;
    var recs = layer.state(a.tool).records;
    var rec = Layer.own(recs, a.record) ? recs[a.record] : /** @type {LayerRecord} */ (Layer.dict());
    var result = layer.write(a.tool, [{ record: a.record, field: "@deleted", value: true, base: Layer.headIds(rec["@deleted"] || null), seen: Layer.cellHeads(rec) }]);
    if (!result.ok) { saveReport({ ok: false, problem: result.problem, saved: 0 }); return; }
    var active = document.activeElement;
    if (rows[id] && active instanceof HTMLElement && rows[id].contains(active)) active.blur();
    afterChange();
    say(a.kind === "worksheet" ? tf("Action removed (from its worksheet too): “{action}”.", { action: a.action.slice(0, 60) }) :
      tf("Action removed: “{action}”.", { action: a.action.slice(0, 60) }), false, undoButton([{ tool: a.tool, record: a.record }]));
  }

  /* Marked done: the completion date is today unless one is set already (it stays editable). */
  /** @param {string} id */
  function completedToday(id) {
    var a = actions.filter(function (x) { return x.id === id; })[0];
    if (!a || a.completed) return;
    var recs = layer.state(TOOL).records;
    var cur = Layer.own(recs, a.planRecord) && Layer.own(recs[a.planRecord], "completed") ? recs[a.planRecord].completed : null;
    if (cur && cur.value) return;
    var result = layer.write(TOOL, [{ record: a.planRecord, field: "completed", value: today(), base: Layer.headIds(cur) }]);
    if (!result.ok) saveReport({ ok: false, problem: result.problem, saved: 0 });
    afterChange();
  }

  // --- files -------------------------------------------------------------------------------
  /** @param {string} name @param {string} text @param {string} type */
  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
    var a = document.createElement("a");
    a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /* The actions with what is stored and what this page has not stored yet: an export with a
     full storage still holds the edit just typed. */
  function current() {
    var edits = view.pending();
    var list = gather(edits);
    /** @type {Record<string, Partial<Record<PlanField, string>>>} */
    var times = {};
    list.forEach(function (a) {
      var st = a.tool === TOOL ? Layer.overlay(layer.state(TOOL), edits.filter(function (e) { return e.tool === TOOL; }), layer.now()) :
        Layer.overlay(layer.state(a.tool), edits.filter(function (e) { return e.tool === a.tool; }), layer.now());
      var rec = Layer.own(st.records, a.record) ? st.records[a.record] : /** @type {LayerRecord} */ (Layer.dict());
      /** @type {Partial<Record<PlanField, string>>} */
      var out = {};
      var planSt = Layer.overlay(layer.state(TOOL), edits.filter(function (e) { return e.tool === TOOL; }), layer.now());
      var extra = Layer.own(planSt.records, a.planRecord) ? planSt.records[a.planRecord] : /** @type {LayerRecord} */ (Layer.dict());
      /** @type {PlanField[]} */ (["action", "owner", "due", "status", "task"]).forEach(function (f) { if (Layer.own(rec, f)) out[f] = rec[f].time; });
      /** @type {PlanField[]} */ (["notes", "completed"]).forEach(function (f) { if (Layer.own(extra, f)) out[f] = extra[f].time; });
      times[a.id] = out;
    });
    return { actions: Core.sortActions(list, sort.key, sort.direction, plan.statuses), times: times };
  }

  /* Word or Excel of the plan as shown (office-files.js loads its library only now). */
  /** @param {OfficeFileKind} kind */
  function officeFile(kind) {
    var Office = window.OfficeFiles, Describe = window.WorksheetOffice;
    if (!Office || !Describe) return;
    var paper = /** @type {HTMLSelectElement | null} */ (document.querySelector("[data-paper]"));
    say(t("Making the file…"));
    Office.download(Describe.describePlan(plan, current().actions, layer.now(), function (id) { return tf("Task {id}", { id: id }); }),
                    kind, paper && paper.value === "Letter" ? "Letter" : "A4").then(
      function (name) { say(tf("Made {file}: it holds what you typed.", { file: name })); },
      function () { say(t("The file could not be made in this browser. Export (JSON) to keep your work, or print the worksheet."), true); });
  }

  function exportJSON() {
    var c = current();
    download("action-plan.json", JSON.stringify(Core.planExport(c.actions, layer.now(), c.times), null, 1), "application/json");
  }

  function exportCSV() { download("action-plan.csv", "\uFEFF" + Core.planCSV(current().actions), "text/csv"); }

  /** @param {number} bytes */
  function size(bytes) { return bytes % (1024 * 1024) === 0 ? tf("{n} MB", { n: Lang.number(bytes / 1024 / 1024) }) : tf("{n} KB", { n: Lang.number(Math.round(bytes / 1024)) }); }

  /* A field of an action as a problem names it (the file's own column: action, owner, due, status). */
  /** @param {string | undefined} column */
  function fieldName(column) {
    /** @type {Record<string, string>} */
    var names = { action: t("action"), owner: t("owner"), due: t("due date"), status: t("status") };
    return column !== undefined && Layer.own(names, column) ? names[column] : String(column);
  }

  /** @param {PlanProblem} p @returns {string} */
  function problemText(p) {
    switch (p.code) {
      case "unreadable": return t("The file could not be read.");
      case "too-large": return tf("The file is larger than {max}.", { max: size(p.max) });
      case "not-json": return t("The file is not JSON.");
      case "not-object": case "wrong-format-plan": return t("This is not a Partnering Guidelines action plan file (its “format” field is missing or different).");
      case "newer-schema": return tf("The file was made by a newer or unknown version of the toolkit (schema {schema}); this copy reads schema {reads}.", p);
      case "no-actions": return t("The file has no list of actions.");
      case "csv-not-csv": return t("The file is not CSV, or it is empty.");
      case "plan-csv-columns": return t("The first line must name the plan's columns, with “Source ID” (export the plan to see the layout).");
      case "plan-bad-id": return tf("Action {line}: its source ID is missing or not valid.", p);
      case "plan-unknown-table": return tf("Action {line}: its worksheet table is not one of this toolkit's.", p);
      case "too-many-rows": return tf("The file has {rows} actions: a plan holds at most {max}.", p);
      case "value-not-text": return tf("Action {line}: “{column}” is not text.", { line: p.at.line, column: fieldName(p.at.column) });
      case "value-too-long": return tf("Action {line}: “{column}” is too long.", { line: p.at.line, column: fieldName(p.at.column) });
      case "value-not-choice": return tf("Action {line}: the status “{value}” is not one of the plan's statuses.", { line: p.at.line, value: p.value });
      case "value-not-date": return tf("Action {line}: “{column}” is not a date (YYYY-MM-DD).", { line: p.at.line, column: fieldName(p.at.column) });
      default: return unhandled(p);
    }
  }

  /* A problem with no message above: tsc refuses it (every code of PlanProblem has one);
     should one come all the same, the page says so with its code. */
  /** @param {never} p @returns {string} */
  function unhandled(p) { return tf("The file cannot be used ({code}).", { code: String(/** @type {{ code?: unknown }} */ (p).code) }); }

  /** @param {string} name @param {(mode: "combine" | "replace") => void} done */
  function ask(name, done) {
    if (!actions.length) { done("combine"); return; }
    var box = must(document.getElementById("ws-import-choice"));
    box.textContent = "";
    var q = document.createElement("p");
    q.textContent = tf("Import {file}: combine it with your plan (where both have a different owner, due date or status, the newer is kept) or replace your plan's owners, due dates and statuses with the file's? Either way your plan as it is now is kept under “Earlier versions”.", { file: name });
    box.appendChild(q);
    /** @type {["combine" | "replace" | null, string][]} */
    var choices = [["combine", t("Combine")], ["replace", t("Replace")], [null, t("Cancel")]];
    choices.forEach(function (pair) {
      box.appendChild(button(pair[1], function () { box.hidden = true; box.textContent = ""; if (pair[0]) done(pair[0]); },
                             { "data-import-mode": pair[0] || "cancel" }));
      box.appendChild(document.createTextNode(" "));
    });
    box.hidden = false;
    must(box.querySelector("button")).focus();
  }

  /** @param {string | null | undefined} iso */
  function when(iso) { return (iso && Lang.dateTime(iso)) || t("an unknown date"); }

  /* Apply the targets of a plan file: per tool, combine or replace what the plan holds (owners,
     due dates, statuses, and the action of a worksheet row not here yet), after storing what was
     typed and keeping the plan as it is as an earlier version. */
  /** @param {PlanTarget[]} targets @param {"combine" | "replace"} mode @param {SnapshotReason} reason
      @returns {{ ok: true, conflicts: FieldConflict[], dropped: HistorySnapshot[] } | { ok: false, message: string }} */
  function importTargets(targets, mode, reason) {
    var first = view.flush();
    if (!first.ok) return { ok: false, message: full() };
    var c = current(), kept = null;
    if (c.actions.length) {
      kept = layer.keepSnapshot(TOOL, reason, JSON.stringify(Core.planExport(c.actions, layer.now(), c.times)), c.actions.length);
      if (!kept.ok) return { ok: false, message: kept.problem === "history-full" ?
        t("Not imported: there is no room left for earlier versions of the plan. Download and delete some under “Earlier versions”, then try again. Nothing was changed.") :
        t("Not imported: a copy of your plan could not be kept first (storage full). Nothing was changed. Export the plan, free some space and try again.") };
    }
    /** @type {Record<string, Incoming>} */
    var byTool = Layer.dict();
    targets.forEach(function (tg) {
      var incoming = byTool[tg.tool] || (byTool[tg.tool] = Layer.dict());
      incoming[tg.record] = tg.fields;
    });
    var conflicts = /** @type {FieldConflict[]} */ ([]), failed = false;
    // What a replace may change: the fields the plan shows, of the actions it shows.
    /** @type {Record<string, Record<string, boolean>>} */
    var scope = Layer.dict();
    actions.forEach(function (a) {
      (scope[a.tool] || (scope[a.tool] = Layer.dict()))[a.record] = true;
      (scope[TOOL] || (scope[TOOL] = Layer.dict()))[a.planRecord] = true;
    });
    /** @param {string} tool @returns {(r: string) => boolean} an action added on the plan is removed by a replace that lacks it */
    function ownAction(tool) { return function (r) { return tool === TOOL && r.indexOf("plan:") === 0; }; }
    var placed = actions.reduce(function (m, a) { return Math.max(m, a.order === null ? -1 : a.order); }, actions.length);
    Object.keys(byTool).concat(mode === "replace" ? Object.keys(scope) : []).forEach(function (tool, i, all) {
      if (all.indexOf(tool) !== i) return;
      var state = layer.state(tool), incoming = byTool[tool] || /** @type {Incoming} */ (Layer.dict());
      /** @type {LayerState} */
      var sub = { records: Layer.dict() };
      Object.keys(state.records).forEach(function (r) {
        if (!(scope[tool] && scope[tool][r]) && !Layer.own(incoming, r)) return;
        /** @type {LayerRecord} */
        var rec = Layer.dict();
        // Never its place in the plan (a file has none); all of an action added on the plan.
        Object.keys(state.records[r]).forEach(function (f) {
          var wanted = ownAction(tool)(r) ? f !== "@order" :
            /** @type {string[]} */ (FIELDS).concat(["status-for", "notes", "completed"]).indexOf(f) >= 0 || (f === "action" && Layer.own(incoming, r) && !!incoming[r].action);
          if (wanted) rec[f] = state.records[r][f];
        });
        sub.records[r] = rec;
      });
      if (tool !== TOOL) {   // a worksheet row that is not here yet is added after the others
        var sheet = plan.tables.filter(function (tb) { return tb.tool === tool; })[0];
        var order = Core.nextOrder(state, { id: sheet ? sheet.table : "", fixed: [], columns: [] });
        Object.keys(incoming).forEach(function (r) {
          if (!Layer.own(state.records, r) || Layer.isRemoved(state.records[r])) incoming[r]["@order"] = { value: order++, time: "" };
        });
      } else Object.keys(incoming).forEach(function (r) {   // an action added on the plan, new here, goes last
        if (ownAction(tool)(r) && (!Layer.own(state.records, r) || Layer.isRemoved(state.records[r]))) incoming[r]["@order"] = { value: ++placed, time: "" };
      });
      var ops = Layer.importOps(sub, incoming, mode, ownAction(tool));
      conflicts = conflicts.concat(ops.conflicts);
      if (!layer.write(tool, ops.ops).ok) failed = true;
    });
    afterChange();
    drawHistory();
    if (failed) return { ok: false, message: t("Not everything could be imported: this browser's storage is full. Your plan as it was is kept under “Earlier versions”. Export it, free some space and try again.") };
    return { ok: true, conflicts: conflicts, dropped: kept ? kept.dropped : [] };
  }

  /** @param {string} text @param {string} name */
  function importFile(text, name) {
    /** @type {"csv" | "json"} */
    var kind = /\.csv$/i.test(name) || /^\uFEFF?Action,/.test(text) ? "csv" : "json";
    var parsed = Core.parsePlanImport(text, plan, limits, kind);
    if (parsed.errors) { say(tf("Not imported: {errors} Your plan is unchanged.", { errors: parsed.errors.map(problemText).join(" ") }), true); return; }
    if (kind === "csv") {   // a spreadsheet has no times: what it says is the newest
      var now = layer.now();
      parsed.targets.forEach(function (tg) { Object.keys(tg.fields).forEach(function (f) { tg.fields[f].time = now; }); });
    }
    var targets = parsed.targets;
    ask(name, function (mode) {
      var done = importTargets(targets, mode, { code: mode === "replace" ? "before-replace" : "before-combine", file: name });
      if (!done.ok) { say(done.message, true, button(t("Export (JSON)"), exportJSON)); return; }
      var lines = [mode === "replace" ? tf("Replaced your plan's owners, due dates and statuses with {file}. Your plan as it was is kept under “Earlier versions”.", { file: name }) :
        tf("Combined {file} with your plan. Your plan as it was is kept under “Earlier versions”.", { file: name })];
      /** @type {Record<string, string>} */
      var names = { action: t("action"), owner: t("owner"), due: t("due date"), status: t("status"), "status-for": t("status") };
      done.conflicts.slice(0, 10).forEach(function (c) {
        var values = { field: names[c.field] || c.field, action: actionText(c.record) };
        lines.push(c.kept === "theirs" ? tf("Both had a different {field} for “{action}”: kept the file's (newer).", values) :
          tf("Both had a different {field} for “{action}”: kept yours (newer or as new).", values));
      });
      done.dropped.forEach(function (s) { lines.push(tf("To make room, the earlier version of {date} was removed from this browser.", { date: when(s.when) })); });
      say(lines.join(" "));
    });
  }

  /** @param {string} record */
  function actionText(record) {
    var a = actions.filter(function (x) { return x.record === record; })[0];
    return a ? a.action.slice(0, 60) : record;
  }

  // --- earlier versions --------------------------------------------------------------------
  /** @param {Partial<SnapshotReason> | null | undefined} r */
  function reasonText(r) {
    r = r || {};
    switch (r.code) {
      case "legacy": return t("As stored by version 0.1.0 of the toolkit");
      case "legacy-unreadable": return t("Stored by version 0.1.0, could not be read (kept as it was)");
      case "before-replace": return tf("Before replacing with {file}", { file: r.file });
      case "before-combine": return tf("Before combining with {file}", { file: r.file });
      case "before-restore": return tf("Before restoring the version of {date}", { date: when(r.when) });
      default: return t("Kept by another version of the toolkit");
    }
  }

  /** @param {HistorySnapshot} snap */
  function restore(snap) {
    var parsed = Core.parsePlanImport(snap.data, plan, limits, "json");
    if (parsed.errors) { say(t("That earlier version cannot be restored here; download it to keep it."), true); return; }
    var done = importTargets(parsed.targets, "replace", { code: "before-restore", when: snap.when });
    if (!done.ok) { say(done.message, true); return; }
    say(tf("Restored the version kept {date}. The one it replaced is kept too.", { date: when(snap.when) }));
  }

  function drawHistory() {
    var target = document.querySelector("[data-history]");
    if (!target) return;
    target.textContent = "";
    var list = layer.snapshots(TOOL);
    if (!list.length) {
      var p = document.createElement("p");
      p.textContent = t("None yet: one is kept each time an import or a restore replaces answers.");
      target.appendChild(p);
      return;
    }
    var tbl = document.createElement("table");
    tbl.className = "ws-table ws-history-table";
    var head = document.createElement("tr");
    [t("Kept on"), t("Why"), t("Number of actions"), t("Restore or download")].forEach(function (h) {
      var th = document.createElement("th"); th.scope = "col"; th.textContent = h; head.appendChild(th);
    });
    var thead = document.createElement("thead");
    thead.appendChild(head);
    tbl.appendChild(thead);
    var body = document.createElement("tbody");
    list.forEach(function (snap) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-snapshot", snap.id);
      [when(snap.when), reasonText(snap.reason), snap.count ? Lang.number(snap.count) : ""].forEach(function (text) { var td = document.createElement("td"); td.textContent = text; tr.appendChild(td); });
      var td = document.createElement("td");
      if (snap.reason && snap.reason.code !== "legacy" && snap.reason.code !== "legacy-unreadable") td.appendChild(button(t("Restore"), function () { restore(snap); }, { "data-restore": snap.id }));
      td.appendChild(button(t("Download"), function () {
        download("action-plan-" + (snap.when || "undated").slice(0, 19).replace(/[^0-9T]/g, "-") + ".json", snap.data, "application/json");
      }, { "data-download": snap.id }));
      td.appendChild(button(t("Delete"), function () {
        if (!window.confirm(tf("Delete the earlier version of {date} from this browser? Download it first to keep it.", { date: when(snap.when) }))) return;
        layer.removeSnapshot(TOOL, snap.id);
        drawHistory();
      }, { "data-delete-snapshot": snap.id }));
      tr.appendChild(td);
      body.appendChild(tr);
    });
    tbl.appendChild(body);
    target.appendChild(tbl);
  }

  // --- events --------------------------------------------------------------------------------
  view.listen(table);
  table.addEventListener("focusout", function () { setTimeout(draw, 0); });
  table.addEventListener("click", function (e) {
    var b = e.target instanceof Element ? e.target.closest("[data-sort]") : null;
    if (!b) return;
    // The headings' data-sort values are fields of an action (templates/worksheets/action-plan.md).
    var key = /** @type {keyof PlanAction} */ (b.getAttribute("data-sort"));
    sort = { key: key, direction: sort.key === key && sort.direction === "ascending" ? "descending" : "ascending" };
    draw();
  });
  document.addEventListener("change", function (e) {
    var input = e.target;
    if (!(input instanceof HTMLInputElement || input instanceof HTMLSelectElement)) return;
    if (input.matches("[data-plan-filter]")) { filter = input.value; draw(); }
    if (input.matches("[data-plan-owner]")) { ownerFilter = input.value; draw(); }
    if (input.matches("[data-plan-due]")) { dueFilter = input.value; draw(); }
    // After data-view.js stored the status (its listener is on the table, below this one).
    if (input.matches("#plan-table [data-key=status]") && input.value === DONE) completedToday(String(input.getAttribute("data-action-id")));
    if (input instanceof HTMLInputElement && input.matches("[data-import-plan]")) {
      var file = input.files && input.files[0];
      input.value = "";
      if (!file) return;
      if (file.size > limits.import_bytes) { say(tf("Not imported: {errors} Your plan is unchanged.", { errors: problemText({ code: "too-large", max: limits.import_bytes }) }), true); return; }
      var reader = new FileReader();
      var name = file.name;
      reader.onload = function () { importFile(String(reader.result), name); };
      reader.onerror = function () { say(tf("Not imported: {errors} Your plan is unchanged.", { errors: problemText({ code: "unreadable" }) }), true); };
      reader.readAsText(file);
    }
  });
  document.addEventListener("click", function (e) {
    if (!(e.target instanceof Element)) return;
    var office = e.target.closest("[data-office]");
    if (office) officeFile(office.getAttribute("data-office") === "xlsx" ? "xlsx" : "docx");
    if (e.target.closest("[data-export-plan-csv]")) exportCSV();
    if (e.target.closest("[data-export-plan-json]")) exportJSON();
    if (e.target.closest("[data-add-action]")) addAction();
  });

  // Registered first: a page restored by the Back button reads again before anything else.
  layer.watch(function () {
    adoptLegacy();
    afterChange();
    drawHistory();
    view.retry();
  });
  var moved = adoptLegacy();
  /** @type {HTMLSelectElement | null} */
  var chosen = document.querySelector("[data-plan-filter]");
  if (chosen) filter = chosen.value;      // chosen before this script ran
  /** @type {HTMLSelectElement | null} */
  var chosenDue = document.querySelector("[data-plan-due]");
  if (chosenDue) dueFilter = chosenDue.value;
  draw();
  drawOwners();
  drawHistory();
  Array.prototype.forEach.call(document.querySelectorAll("[data-office]"), function (/** @type {HTMLButtonElement} */ b) { b.disabled = !window.OfficeFiles; });
  View.ready(document);
  table.classList.add("plan--ready");
  if (!layer.available) say(t("This browser is not saving: storage is blocked or unavailable (private mode?). Export the plan before you leave."), true);
  else if (!moved) say(t("The plan saved by the previous version of the toolkit could not be moved yet (storage full): it is kept as it was. Free some space and open this page again."), true);
})();
