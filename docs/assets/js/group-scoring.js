/* The facilitator's group scoring page (assessment/group.html): participants' links, pasted,
   opened on this device (group.html#answers=…) or read from their files, make the current
   round; per question it shows how many answered, the median, the spread and whether the
   participants disagree (scoring-core.js). Rounds are kept on the data layer (tool
   group-scoring: record "current", and "round-<id>" once saved), never beside the facilitator's
   own self-assessment, and the current round is compared with the last saved one.
   Participants are P1, P2… in the order they came; a name, when a participant included one,
   is shown only once the facilitator asks. Everything read from a link is shown as text. */
// @ts-check
(function () {
  "use strict";
  var root = document.querySelector("[data-group-page]");
  var w = /** @type {{ DataLayer?: DataLayerModule }} */ (/** @type {unknown} */ (window));
  var core = window.ScoringCore, model = window.ASSESSMENT_MODEL, Layer = w.DataLayer;
  if (!root || !core || !model || !Layer) return;
  var S = core, M = model, L = Layer;
  var strings = M.strings || {};
  /** @param {string} text */
  function t(text) { return strings[text] || text; }
  /** @param {string} text @param {Record<string, string | number>} values */
  function tf(text, values) {
    var out = t(text);
    Object.keys(values).forEach(function (k) { out = out.split("{" + k + "}").join(String(values[k])); });
    return out;
  }
  var tag = document.documentElement.lang || "en";
  /** @param {number} n */
  function num(n) { try { return new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(n); } catch (e) { return String(n); } }
  /** @param {number} n */
  function signed(n) { return (n > 0 ? "+" : "") + num(n); }
  /** @param {string} iso */
  function when(iso) {
    var d = new Date(iso);
    if (!isFinite(d.getTime())) return t("an unknown date");
    try { return new Intl.DateTimeFormat(tag, /** @type {Intl.DateTimeFormatOptions} */ (/** @type {unknown} */ ({ dateStyle: "medium", timeStyle: "short" }))).format(d); } catch (e) { return d.toISOString(); }
  }

  // This tab's workspace (workspace.js): each partnership's rounds are its own.
  var contract = M.storage, TOOL = inWorkspace(contract.tools.group), CURRENT = "current", ROUND = /^round-[A-Za-z0-9-]{1,60}$/;
  /** @param {string} base */
  function inWorkspace(base) {
    // (The same contract and data layer, which this page types by the parts it uses.)
    return window.Workspaces ? window.Workspaces.current(window, /** @type {StorageContract} */ (/** @type {unknown} */ (M.storage)),
                                                         /** @type {DataLayerModule} */ (/** @type {unknown} */ (L))).tool(base) : base;
  }
  var layer = L.open({ contract: contract, win: window });
  /** @type {Record<string, ScaleOption>} */
  var scale = L.dict();
  M.scale.forEach(function (o) { scale[o.key] = o; });
  var showNames = false;

  /** @param {string} tagName @param {Record<string, string>} [attrs] @param {string} [text] */
  function el(tagName, attrs, text) {
    var node = document.createElement(tagName);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, (attrs || {})[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  /** @param {string} text @param {() => void} fn @param {Record<string, string>} [attrs] */
  function button(text, fn, attrs) {
    var b = el("button", Object.assign({ type: "button", class: "md-button" }, attrs || {}), text);
    b.addEventListener("click", fn);
    return b;
  }

  // --- what is stored ---------------------------------------------------------------------
  /** @param {string} record @param {string} field */
  function fieldOf(record, field) {
    var recs = layer.state(TOOL).records;
    return L.own(recs, record) && L.own(recs[record], field) ? recs[record][field] : null;
  }
  /* A round's payloads: every head's, so that two tabs adding at once both count. */
  /** @param {string} record */
  function payloadsOf(record) {
    var f = fieldOf(record, "links");
    return f ? S.unionLines(f.heads.slice().reverse().map(function (h) { return String(h.value); })) : [];
  }
  /** @param {string} record */
  function baseOf(record) { return { links: L.headIds(fieldOf(record, "links")), saved: L.headIds(fieldOf(record, "saved")) }; }

  /** @returns {{ id: string, saved: string, round: Round }[]} newest first */
  function savedRounds() {
    var recs = layer.state(TOOL).records;
    return Object.keys(recs).filter(function (id) { return ROUND.test(id) && L.own(recs[id], "links"); }).map(function (id) {
      var saved = fieldOf(id, "saved");
      return { id: id, saved: saved ? String(saved.value) : "", round: S.round(M, payloadsOf(id)) };
    }).sort(function (a, b) { return a.saved < b.saved ? 1 : a.saved > b.saved ? -1 : 0; });
  }

  /** @param {WriteResult} r */
  function wrote(r) {
    if (r.ok) return true;
    message([r.problem === "unavailable" ? t("This browser does not let this page store data: the round cannot be kept. Download it as a file.") :
             t("This browser's storage is full: the change could not be kept. Download the round as a file, then free some space.")], true);
    return false;
  }

  // --- messages ---------------------------------------------------------------------------
  /** @param {string} code */
  function problemText(code) {
    switch (code) {
      case "empty": case "not-a-link": return t("This is not a link to a participant's answers.");
      case "too-long": return t("This link is too long to be a link to answers.");
      case "damaged": return t("This link is damaged or incomplete (it may have been cut when it was copied): ask the participant to send it again.");
      case "newer-version": return t("This link was made by a newer version of the toolkit: use the same copy of the toolkit on every device.");
      case "other-questions": return t("This link was made with another version of the questions: ask the participant to answer on the same copy of the toolkit as yours.");
      case "bad-value": case "bad-name": return t("This link holds an answer or a name that cannot be read.");
      case "file-too-large": return t("This file is too large to be a file of answers.");
      case "file-other-format": return t("This file is not a file of answers sent for group scoring.");
      case "file-no-answers": return t("This file holds no link to answers.");
      case "unreadable": return t("The file could not be read.");
      default: return t("This link cannot be used.");
    }
  }

  /** @param {string[]} lines @param {boolean} problem */
  function message(lines, problem) {
    var target = document.getElementById("group-added");
    if (!target) return;
    target.textContent = "";
    if (!lines.length) return;
    var box = el("div", { class: "assessment-message" + (problem ? " assessment-message--problem" : ""), role: problem ? "alert" : "status" });
    lines.forEach(function (line) { box.appendChild(el("p", {}, line)); });
    target.appendChild(box);
  }

  // --- adding links -----------------------------------------------------------------------
  /* Adds payloads to the current round; `from`: what to call each in a message ("link" or a file's name). */
  /** @param {{ payload: string, from: string }[]} items @param {string[]} [already] messages to show first */
  function add(items, already) {
    var lines = (already || []).slice(), problem = lines.length > 0;
    var current = payloadsOf(CURRENT), before = S.round(M, current);
    var module = before.module, next = current.slice(), added = 0;
    items.forEach(function (item) {
      var r = S.decode(M, item.payload);
      if (!r.ok) { lines.push(item.from + ": " + problemText(r.code)); problem = true; return; }
      if (module && r.participant.module !== module) {
        lines.push(item.from + ": " + tf("it answers module {module}, but this round is for module {round}. Save or clear this round first.", { module: r.participant.module, round: module }));
        problem = true;
        return;
      }
      module = r.participant.module;
      next.push(item.payload);
      added++;
    });
    if (added) {
      var after = S.round(M, next);
      if (after.participants.length > S.MAX_PARTICIPANTS) {
        lines.push(tf("A round holds at most {n} participants: nothing was added.", { n: S.MAX_PARTICIPANTS }));
        message(lines, true);
        return;
      }
      var lines2 = after.participants.map(function (p) { return p.payload; });
      if (lines2.join("\n") !== current.join("\n")) {
        if (!wrote(layer.write(TOOL, [{ record: CURRENT, field: "links", value: lines2.join("\n"), base: baseOf(CURRENT).links }]))) return;
      }
      var fresh = after.participants.length - before.participants.length, replaced = added - fresh;
      if (fresh) lines.unshift(fresh === 1 ? t("1 participant's answers added to this round.") : tf("{n} participants' answers added to this round.", { n: fresh }));
      if (replaced) lines.unshift(replaced === 1 ? t("1 link was sent again by a participant already in this round: their answers are replaced by the newest.") :
                                  tf("{n} links were sent again by participants already in this round: their answers are replaced by the newest.", { n: replaced }));
    }
    render();
    message(lines, problem);
  }

  function addPasted() {
    var box = /** @type {HTMLTextAreaElement | null} */ (document.getElementById("group-paste"));
    if (!box) return;
    var text = box.value.slice(0, S.MAX_TEXT);
    var found = S.payloadsIn(text);
    if (!found.length) { message([problemText("not-a-link")], true); return; }
    box.value = "";
    add(found.map(function (p, i) { return { payload: p, from: tf("Link {n}", { n: i + 1 }) }; }));
  }

  /** @param {FileList | null} files */
  function addFiles(files) {
    var list = Array.prototype.slice.call(files || []), pending = list.length;
    /** @type {{ payload: string, from: string }[]} */
    var items = [];
    /** @type {string[]} */
    var refused = [];
    if (!pending) return;
    list.forEach(/** @param {File} file */ function (file) {
      function done() { if (--pending === 0) add(items, refused); }
      if (file.size > S.MAX_TEXT * 4) { refused.push(file.name + ": " + problemText("file-too-large")); done(); return; }
      var reader = new FileReader();
      reader.onload = function () {
        var r = S.payloadsOfFile(String(reader.result));
        if (r.ok) r.payloads.forEach(function (p) { items.push({ payload: p, from: file.name }); });
        else refused.push(file.name + ": " + problemText(r.code));
        done();
      };
      reader.onerror = function () { refused.push(file.name + ": " + problemText("unreadable")); done(); };
      reader.readAsText(file);
    });
  }

  /* A participant's link opened on this device: group.html#answers=… adds it to the round. */
  function takeFragment() {
    var hash = window.location.hash;
    if (hash.indexOf(S.FRAGMENT) < 0) return;
    var found = S.payloadsIn(hash);
    // The fragment is read once: a reload or a bookmark does not bring it back.
    try { history.replaceState(null, "", window.location.href.split("#")[0]); } catch (e) { /* file:// in some browsers */ }
    add(found.length ? found.map(function (p) { return { payload: p, from: t("The link opened") }; }) : [{ payload: "", from: t("The link opened") }]);
  }

  // --- the round --------------------------------------------------------------------------
  /** @param {Participant} p @param {number} i */
  function who(p, i) {
    var label = tf("P{n}", { n: i + 1 });
    return showNames && p.name ? label + " (" + p.name + ")" : label;
  }

  /** @param {string} caption @param {string[]} head @param {(string | Node)[][]} rows @param {Record<string, string>[]} [attrs] each row's */
  function table(caption, head, rows, attrs) {
    var tableEl = el("table", { class: "assessment-table" });
    tableEl.appendChild(el("caption", {}, caption));
    var thead = el("thead"), tr = el("tr");
    head.forEach(function (h) { tr.appendChild(el("th", { scope: "col" }, h)); });
    thead.appendChild(tr);
    tableEl.appendChild(thead);
    var tbody = el("tbody");
    rows.forEach(function (cells, n) {
      var row = el("tr", attrs ? attrs[n] : {});
      cells.forEach(function (c, i) {
        var cell = el(i === 0 ? "th" : "td", i === 0 ? { scope: "row" } : { "data-label": head[i] });
        if (typeof c === "string") cell.textContent = c; else cell.appendChild(c);
        row.appendChild(cell);
      });
      tbody.appendChild(row);
    });
    tableEl.appendChild(tbody);
    var wrap = el("div", { class: "assessment-table-wrap", role: "region", "aria-label": caption, tabindex: "0" });
    wrap.appendChild(tableEl);
    return wrap;
  }

  /* A question with the label of what it comes from, linked to its guidance (a key principle's
     title in it is the publication's, and marked as such on a page in another language). */
  /** @param {ScoringQuestion} q */
  function questionCell(q) {
    var span = el("span", { class: "group-question" }), source = el("a", { href: q.url || "#", class: "q-source" });
    var title = q.source_title || "", at = title ? q.source.indexOf(title) : -1;
    if (at < 0) source.textContent = q.source;
    else {
      source.appendChild(document.createTextNode(q.source.slice(0, at)));
      source.appendChild(q.source_lang ? el("span", { lang: q.source_lang }, title) : document.createTextNode(title));
      source.appendChild(document.createTextNode(q.source.slice(at + title.length)));
    }
    span.appendChild(source);
    span.appendChild(document.createTextNode(": " + q.text));
    return span;
  }

  /** @param {number | null} m */
  function medianText(m) {
    if (m === null) return "–";
    var label = M.scale.filter(function (o) { return o.score === m; })[0];
    return label ? num(m) + " · " + label.label : num(m);
  }

  /** @param {QuestionFigures} f @param {Participant[]} ps */
  function answersCell(f, ps) {
    var list = el("ul", { class: "group-who" });
    M.scale.forEach(function (o) {
      if (!L.own(f.byValue, o.key)) return;
      list.appendChild(el("li", {}, o.label + ": " + f.byValue[o.key].map(function (i) { return who(ps[i], i); }).join(", ")));
    });
    return list.firstChild ? list : el("span", {}, "–");
  }

  /** @param {QuestionFigures} f */
  function spreadCell(f) {
    var span = el("span", {}, f.spread === null ? "–" : num(f.spread));
    if (f.disagree) {
      span.appendChild(document.createTextNode(" "));
      span.appendChild(el("strong", { class: "group-flag", "data-disagree": "" }, t("Participants disagree")));
    }
    return span;
  }

  /** @param {string} id @param {Round} current */
  function renderRound(id, current) {
    var target = document.getElementById(id);
    if (!target) return;
    target.textContent = "";
    var ps = current.participants;
    if (!ps.length) {
      target.appendChild(el("p", { id: "group-empty" }, t("No answers in this round yet: open, paste or choose participants' links above.")));
      return;
    }
    var mod = M.modules.filter(function (m) { return m.id === current.module; })[0];
    var head = el("p", { id: "group-summary" });
    // The module's title is the publication's: in its own language on a page in another.
    var title = el("span", mod && mod.lang ? { lang: mod.lang } : {}, mod ? mod.id + " · " + mod.title : String(current.module));
    var said = ps.length === 1 ? t("Module {module}: 1 participant.") : tf("Module {module}: {n} participants.", { n: ps.length });
    said.split("{module}").forEach(function (piece, i) {
      if (i) head.appendChild(title);
      head.appendChild(document.createTextNode(piece));
    });
    target.appendChild(head);
    var list = el("ol", { class: "group-participants" });
    ps.forEach(function (p, i) {
      var li = el("li", { "data-participant": String(i + 1) });
      li.appendChild(el("span", { class: "group-participant" }, who(p, i)));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(button(t("Remove"), function () { removeParticipant(p, i); }, { class: "md-button group-remove", "aria-label": tf("Remove {who} from this round", { who: who(p, i) }) }));
      list.appendChild(li);
    });
    target.appendChild(list);
    var withNames = ps.filter(function (p) { return p.name; }).length;
    var toggle = el("p");
    var label = el("label");
    var box = /** @type {HTMLInputElement} */ (el("input", { type: "checkbox", id: "group-show-names" }));
    box.checked = showNames;
    box.disabled = !withNames;
    box.addEventListener("change", function () { showNames = box.checked; render(); var again = document.getElementById("group-show-names"); if (again) again.focus(); });
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + tf("Show the names participants chose to include ({n} of {total})", { n: withNames, total: ps.length })));
    toggle.appendChild(label);
    target.appendChild(toggle);
    var actions = el("p", { class: "group-actions" });
    actions.appendChild(button(t("Save this round"), saveRound, { class: "md-button md-button--primary", id: "group-save" }));
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(button(t("Download this round"), function () { downloadRound(payloadsOf(CURRENT), current.module || ""); }, { id: "group-download" }));
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(button(t("Clear this round"), clearRound, { id: "group-clear" }));
    target.appendChild(actions);
  }

  /** @param {Round} current */
  function renderFigures(current) {
    var target = document.getElementById("group-figures");
    if (!target) return;
    target.textContent = "";
    if (!current.participants.length || !current.module) return;
    var ps = current.participants, figures = S.figures(M, ps, current.module);
    var split = figures.filter(function (f) { return f.disagree; });
    target.appendChild(el("h2", { id: "per-question" }, t("Answers per question")));
    target.appendChild(el("p", { id: "group-disagree-count" }, split.length === 0 ? t("Participants do not disagree on any question.") :
      split.length === 1 ? t("Participants disagree on 1 question, flagged below.") : tf("Participants disagree on {n} questions, flagged below.", { n: split.length })));
    target.appendChild(table(t("Answers per question in this round"), [t("Question"), t("Answered"), t("Median"), t("Spread"), t("Who answered what")],
      figures.map(function (f) {
        return [questionCell(f.question), tf("{n} of {total}", { n: f.answered, total: ps.length }), medianText(f.median), spreadCell(f), answersCell(f, ps)];
      }), figures.map(function (f) {
        /** @type {Record<string, string>} */
        var attrs = { "data-question": f.question.id };
        if (f.disagree) attrs["class"] = "group-disagree";
        return attrs;
      })));
    renderCompare(current, figures);
  }

  /** @param {Round} current @param {QuestionFigures[]} figures */
  function renderCompare(current, figures) {
    var target = document.getElementById("group-compare");
    if (!target) return;
    target.textContent = "";
    var last = savedRounds().filter(function (r) { return r.round.module === current.module && r.round.participants.length; })[0];
    if (!last || !current.module) return;
    var changes = S.compare(S.figures(M, last.round.participants, current.module), figures);
    target.appendChild(el("h2", { id: "compared" }, tf("Compared with the round of {date}", { date: when(last.saved) })));
    target.appendChild(el("p", {}, tf("The median of each question then ({then} participants) and now ({now}).", { then: last.round.participants.length, now: current.participants.length })));
    target.appendChild(table(t("Change of the median since the last saved round"), [t("Question"), t("Then"), t("Now"), t("Change")], changes.map(function (c) {
      return [questionCell(c.question), medianText(c.before), medianText(c.after), c.change === null ? "–" : signed(c.change)];
    }), changes.map(function (c) { return { "data-question": c.question.id }; })));
  }

  function renderSaved() {
    var target = document.getElementById("group-saved");
    if (!target) return;
    target.textContent = "";
    var rounds = savedRounds();
    if (!rounds.length) { target.appendChild(el("p", {}, t("No saved rounds yet. Save a round to compare the next one with it."))); return; }
    var list = el("ul", { class: "group-saved" });
    rounds.forEach(function (r) {
      var li = el("li", { "data-round": r.id });
      var n = r.round.participants.length;
      var values = { date: when(r.saved), module: r.round.module || "–", n: n };
      li.appendChild(el("span", {}, n === 1 ? tf("{date}: module {module}, 1 participant", values) : tf("{date}: module {module}, {n} participants", values)));
      var lost = Object.keys(r.round.problems).reduce(function (sum, k) { return sum + r.round.problems[k]; }, 0);
      if (lost) li.appendChild(el("span", {}, " " + tf("({n} links made with other questions cannot be read now)", { n: lost })));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(button(t("Download"), function () { downloadRound(payloadsOf(r.id), r.round.module || ""); }));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(button(t("Delete"), function () { deleteRound(r.id, r.saved); }));
      list.appendChild(li);
    });
    target.appendChild(list);
  }

  // --- actions ----------------------------------------------------------------------------
  /** @param {Participant} p @param {number} i */
  function removeParticipant(p, i) {
    if (!window.confirm(tf("Remove {who}'s answers from this round?", { who: who(p, i) }))) return;
    var left = S.round(M, payloadsOf(CURRENT)).participants.filter(function (x) { return x.token !== p.token; });
    if (wrote(layer.write(TOOL, [{ record: CURRENT, field: "links", value: left.map(function (x) { return x.payload; }).join("\n"), base: baseOf(CURRENT).links }]))) {
      render();
      message([tf("{who}'s answers were removed from this round.", { who: who(p, i) })], false);
    }
  }

  function saveRound() {
    var payloads = S.round(M, payloadsOf(CURRENT)).participants.map(function (p) { return p.payload; });
    if (!payloads.length) return;
    var id = "round-" + Date.now().toString(36) + "-" + (crypto.getRandomValues(new Uint32Array(1))[0]).toString(36);
    var now = layer.now();
    var r = layer.write(TOOL, [{ record: id, field: "links", value: payloads.join("\n"), base: [] },
                               { record: id, field: "saved", value: now, base: [] },
                               { record: CURRENT, field: "links", value: "", base: baseOf(CURRENT).links }]);
    if (wrote(r)) { render(); message([tf("The round of {date} is saved. The next links start a new round, compared with this one.", { date: when(now) })], false); }
  }

  /* A round is kept as an earlier version (the data layer's history) before it is cleared or
     deleted; when it cannot be kept (storage full), nothing is removed. */
  /** @param {string} record @param {string} code @param {string | null} saved */
  function keep(record, code, saved) {
    var r = S.round(M, payloadsOf(record));
    var payloads = r.participants.map(function (p) { return p.payload; });
    if (!payloads.length) return true;
    var kept = layer.keepSnapshot(TOOL, { code: code, when: saved }, S.roundFile(payloads, layer.now(), r.module || ""), payloads.length);
    if (kept.ok) return true;
    message([t("Nothing was removed: this browser could not keep a copy first (its storage is full, or holds too many earlier versions). Download the round, delete some earlier versions, then try again.")], true);
    return false;
  }

  function clearRound() {
    if (!window.confirm(t("Clear this round without saving it? A copy is kept under Earlier versions."))) return;
    if (!keep(CURRENT, "before-clear", null)) return;
    if (wrote(layer.write(TOOL, [{ record: CURRENT, field: "links", value: "", base: baseOf(CURRENT).links }]))) { render(); message([t("This round was cleared.")], false); }
  }

  /** @param {string} id @param {string} saved */
  function deleteRound(id, saved) {
    if (!window.confirm(tf("Delete the round of {date}? A copy is kept under Earlier versions.", { date: when(saved) }))) return;
    if (!keep(id, "before-delete", saved)) return;
    var base = baseOf(id);
    if (wrote(layer.write(TOOL, [{ record: id, field: "links", value: "", base: base.links }, { record: id, field: "saved", value: "", base: base.saved }]))) render();
  }

  /* Earlier versions: rounds cleared or deleted, each back into the current round in one tap. */
  function renderEarlier() {
    var target = document.getElementById("group-earlier");
    if (!target) return;
    target.textContent = "";
    var list = layer.snapshots(TOOL);
    if (!list.length) return;
    target.appendChild(el("h3", { id: "earlier" }, t("Earlier versions")));
    var ul = el("ul", { class: "group-saved" });
    list.forEach(function (snap) {
      var read = S.payloadsOfFile(snap.data), payloads = read.ok ? read.payloads : [];
      var reason = snap.reason && snap.reason.code === "before-delete" ?
        tf("The round of {date}, deleted", { date: when(String(snap.reason.when || "")) }) : t("A round cleared without saving");
      var li = el("li", {});
      var values = { date: when(String(snap.when || "")), what: reason, n: payloads.length };
      li.appendChild(el("span", {}, payloads.length === 1 ? tf("{date}: {what}, 1 participant", values) : tf("{date}: {what}, {n} participants", values)));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(button(t("Add to this round"), function () { add(payloads.map(function (p) { return { payload: p, from: reason }; })); }));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(button(t("Delete"), function () {
        if (!window.confirm(t("Delete this earlier version from this browser? Download the round first to keep it."))) return;
        layer.removeSnapshot(TOOL, snap.id);
        render();
      }));
      ul.appendChild(li);
    });
    target.appendChild(ul);
  }

  /** @param {string[]} payloads @param {string} moduleId */
  function downloadRound(payloads, moduleId) {
    var stamp = new Date().toISOString();
    var url = URL.createObjectURL(new Blob([S.roundFile(payloads, stamp, moduleId)], { type: "application/json" }));
    var a = el("a", { href: url, download: "partnering-guidelines-group-round-module-" + moduleId.toLowerCase() + "-" + stamp.slice(0, 10) + ".json" });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 0);
  }

  function render() {
    var current = S.round(M, payloadsOf(CURRENT));
    renderRound("group-round", current);
    renderFigures(current);
    renderSaved();
    renderEarlier();
    var stat = document.getElementById("group-status");
    if (stat) {
      stat.hidden = false;
      stat.className = "assessment-status" + (layer.available ? "" : " assessment-status--problem");
      stat.textContent = layer.available ? t("Rounds are kept in this browser only, apart from your own self-assessment.") :
        t("This browser does not let this page store data: a round is lost when the page is closed. Download it as a file.");
    }
  }

  var paste = document.getElementById("group-paste-add");
  if (paste) paste.addEventListener("click", addPasted);
  var files = /** @type {HTMLInputElement | null} */ (document.getElementById("group-files"));
  if (files) files.addEventListener("change", function () { var input = /** @type {HTMLInputElement} */ (this); addFiles(input.files); input.value = ""; });
  layer.watch(function () { render(); });
  window.addEventListener("hashchange", takeFragment);
  Array.prototype.forEach.call(document.querySelectorAll("[data-group-ready]"), /** @param {HTMLElement} e */ function (e) { e.hidden = false; });
  render();
  takeFragment();
  root.classList.add("group--ready");
})();
