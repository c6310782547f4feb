/* Form controls bound to fields of the data layer (data-layer.js), for the worksheets and the
   action plan. What a control shows:
   - the field's stored value, updated whenever it changes elsewhere (another tab, the Back
     button, an import), even with the cursor in it, as long as the user has not typed there
     since it was last loaded or saved;
   - what the user typed, kept and saved (after a short pause, when the control is left, when the
     page is hidden or left) as a change of the version it was typed over. If the field changed
     elsewhere meanwhile, both versions are kept and shown, with a choice.
   Text typed before this script ran is taken in and saved, never cleared. Text from storage is
   only ever set as a value or as textContent. */
// @ts-check
(/** @param {any} root */ function (root) {
  "use strict";

  /* options: { layer, win, t (the page's translation), saveAfter, retryAfter, report(result) } */
  /** @param {DataLayerViewOptions} options @returns {DataLayerViewHandle} */
  function create(options) {
    // DataLayer: data-layer.js runs first, and the pages that create a view check that it did.
    var layer = options.layer, win = options.win, doc = win.document, Layer = /** @type {DataLayerModule} */ (root.DataLayer);
    /** @type {BoundControl[]} */
    var bound = [];          // controls, each with ._dl = { tool, record, field, shown, base, alongside, notice }
    var timer = /** @type {number | null} */ (null), firstUnsaved = 0, retry = /** @type {number | null} */ (null);
    /** @param {string} text */
    function t(text) { return options.t(text); }

    /** @param {Binding} s @returns {LayerField | null} */
    function fieldOf(s) {
      var recs = layer.state(s.tool).records;
      return Layer.own(recs, s.record) && Layer.own(recs[s.record], s.field) ? recs[s.record][s.field] : null;
    }

    /** @param {FieldValue | null | undefined} v @returns {string} */
    function asText(v) { return v === null || v === undefined || v === false ? "" : String(v); }

    /* What the control showed when the page was written (before the user could type). */
    /** @param {FieldControl} el */
    function initial(el) {
      if (isSelect(el)) {
        for (var i = 0; i < el.options.length; i++) if (el.options[i].defaultSelected) return el.options[i].value;
        return el.options.length ? el.options[0].value : "";
      }
      return el.defaultValue || "";
    }

    /* Typed here and not saved: only the user's own input counts. A value the browser put back
       by itself (form state restored on Back or a reload, into controls a script creates during
       loading) is not a change and is never saved: the next sync shows the stored value again. */
    /** @param {BoundControl} el */
    function dirty(el) { return el._dl.typed && el.value !== el._dl.shown; }

    /* Set a value without moving the caret of someone in the control. */
    /** @param {FieldControl} el @param {string} value */
    function put(el, value) {
      if (el.value === value) return;
      if (isSelect(el) || el !== doc.activeElement) { el.value = value; return; }   // no caret to keep
      var start = null, end = null;
      try { start = el.selectionStart; end = el.selectionEnd; } catch (e) { start = null; }
      el.value = value;
      try { if (start !== null && end !== null) el.setSelectionRange(Math.min(start, value.length), Math.min(end, value.length)); } catch (e) { /* no caret */ }
    }

    /** @param {FieldControl} el @returns {el is HTMLSelectElement} */
    function isSelect(el) { return el.tagName === "SELECT"; }

    /* Bind a control to tool/record/field. opts.alongside(value) -> { field: value } written with
       it; opts.show(stored) -> what the control shows of the stored value. */
    /** @param {ViewControl} el @param {string} tool @param {string} record @param {string} field @param {BindOptions | null} [opts] */
    function bind(el, tool, record, field, opts) {
      if (el._dl && bound.indexOf(el) >= 0) { el._dl.tool = tool; el._dl.record = record; el._dl.field = field; sync(el); return; }
      el._dl = { tool: tool, record: record, field: field, shown: null, base: [], typed: false, alongside: opts && opts.alongside,
                 show: opts && opts.show, notice: null };
      el = /** @type {BoundControl} */ (el);   // bound from here on (tsc does not narrow an element by a property set on it)
      bound.push(el);
      el.setAttribute("autocomplete", "off");   // created by a script: the browser must not fill it with old state
      if (layer.available && !isSelect(el) && el.maxLength !== undefined && options.maxText) el.maxLength = options.maxText;
      var typedEarly = el.value !== initial(el);
      if (typedEarly) {
        // Typed before the page could save: a change of nothing this page showed, so a value
        // stored meanwhile is kept beside it as a conflict, never silently replaced. (The
        // worksheet form is autocomplete=off, so this is typing, not a value the browser restored.)
        el._dl.shown = initial(el);
        el._dl.base = [];
        el._dl.typed = true;
        renderConflict(el, fieldOf(el._dl));
        schedule();
      } else sync(el);
    }

    /** @param {ViewControl} el */
    function unbind(el) {
      if (!el._dl) return;   // never bound
      var i = bound.indexOf(el);
      if (i >= 0) bound.splice(i, 1);
      if (el._dl.notice) el._dl.notice.remove();
    }

    /** @param {BoundControl} el */
    function sync(el) {
      var s = el._dl, field = fieldOf(s);
      if (!dirty(el)) {
        var stored = field ? asText(field.value) : "";
        put(el, s.show ? s.show(stored) : stored);
        s.shown = el.value;             // a stored value the control cannot show (an old choice) is not a change
        s.base = field ? [field.id] : [];
        s.typed = false;
      }
      renderConflict(el, field);
    }

    function syncAll() { bound.slice().forEach(sync); }

    /* The other versions of a field: stored beside the one shown (two tabs changed it at once),
       or stored elsewhere while the user was typing here. Each can be chosen. */
    /** @param {BoundControl} el @param {LayerField | null} field */
    function renderConflict(el, field) {
      var s = el._dl;
      var others = field ? field.heads.filter(function (h) { return s.base.indexOf(h.id) < 0 && asText(h.value) !== el.value; }) : [];
      if (!others.length) { if (s.notice) { s.notice.remove(); s.notice = null; } return; }
      // Drawn again only when what it says changes: a button someone is about to press (or has
      // the focus on) is never replaced under them.
      var key = others.map(function (h) { return h.id; }).join(" ") + (dirty(el) ? " typing" : "");
      if (s.notice && s.noticeKey === key) return;
      s.noticeKey = key;
      var box = s.notice || doc.createElement("div");
      box.className = "dl-conflict";
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", t("Changed in two places at once"));
      box.textContent = "";
      var intro = doc.createElement("p");
      intro.textContent = dirty(el) ? t("Changed in another tab or window while you were typing here. Both versions are kept; the other one is:") :
        t("Changed in two tabs or windows at once. Both versions are kept; the other one is:");
      box.appendChild(intro);
      others.forEach(function (h) {
        var quote = doc.createElement("blockquote");
        quote.className = "dl-conflict__text";
        quote.textContent = asText(h.value) || t("(empty)");
        box.appendChild(quote);
        var use = doc.createElement("button");
        use.type = "button";
        use.className = "md-button dl-conflict__use";
        use.textContent = t("Use this version");
        use.addEventListener("click", function () { choose(el, asText(h.value)); });
        box.appendChild(use);
      });
      var keep = doc.createElement("button");
      keep.type = "button";
      keep.className = "md-button dl-conflict__keep";
      keep.textContent = t("Keep the text above");
      keep.addEventListener("click", function () { choose(el, el.value); });
      box.appendChild(keep);
      if (!s.notice) { el.insertAdjacentElement("afterend", box); s.notice = box; }
    }

    /* The user chose a version: it replaces every version of the field this page knows. */
    /** @param {BoundControl} el @param {string} value */
    function choose(el, value) {
      var s = el._dl, field = fieldOf(s);
      var ops = /** @type {WriteOp[]} */ ([{ record: s.record, field: s.field, value: value, base: Layer.headIds(field) }]).concat(alongside(s, value));
      var result = layer.write(s.tool, ops);
      if (result.ok) {
        put(el, value);
        s.shown = el.value;
        s.base = result.ids[0] ? [result.ids[0]] : [];
        s.typed = false;
      }
      renderConflict(el, fieldOf(s));
      // As flush() reports: the pages act on what was saved (the plan redraws and writes the key
      // the assessment page reads), and a write's own result has no count.
      options.report(result.ok ? { ok: true, saved: 1 } : { ok: false, problem: result.problem, saved: 0 });
    }

    /** @param {Binding} s @param {string} value @returns {WriteOp[]} */
    function alongside(s, value) {
      if (!s.alongside) return [];
      var more = s.alongside(value), recs = layer.state(s.tool).records;
      return Object.keys(more).map(function (f) {
        var cur = Layer.own(recs, s.record) && Layer.own(recs[s.record], f) ? recs[s.record][f] : null;
        return { record: s.record, field: f, value: more[f], base: Layer.headIds(cur) };
      });
    }

    function unsaved() { return bound.filter(dirty); }

    /* Store every change typed and not stored yet. Returns { ok, problem?, saved: n }. */
    /** @returns {SaveReport} */
    function flush() {
      if (timer) { win.clearTimeout(timer); timer = null; }
      firstUnsaved = 0;
      var todo = unsaved();
      if (!todo.length) return { ok: true, saved: 0 };
      var byTool = /** @type {Record<string, BoundControl[]>} */ ({}), result = /** @type {SaveReport} */ ({ ok: true, saved: 0 });
      todo.forEach(function (el) { (byTool[el._dl.tool] = byTool[el._dl.tool] || []).push(el); });
      Object.keys(byTool).forEach(function (tool) {
        var els = byTool[tool], ops = /** @type {WriteOp[]} */ ([]);
        els.forEach(function (el) {
          var s = el._dl;
          ops.push({ record: s.record, field: s.field, value: el.value, base: s.base.slice() });
        });
        els.forEach(function (el) { ops = ops.concat(alongside(el._dl, el.value)); });
        var r = layer.write(tool, ops);
        if (r.ok) {
          var ids = r.ids;   // r is narrowed to a success here, not in the callback
          els.forEach(function (el, i) {
            el._dl.shown = ops[i].value;
            el._dl.base = ids[i] ? [ids[i]] : [];
            el._dl.typed = false;
            renderConflict(el, fieldOf(el._dl));
          });
          result.saved += els.length;
        } else result = { ok: false, problem: r.problem, saved: result.saved };
      });
      if (!result.ok) scheduleRetry();
      options.report(result);
      return result;
    }

    function schedule() {
      var now = Date.now();
      if (!firstUnsaved) firstUnsaved = now;
      if (timer) win.clearTimeout(timer);
      // After a pause in typing, and at least every few pauses' time while typing goes on.
      var wait = Math.max(0, Math.min(options.saveAfter, firstUnsaved + options.saveAfter * 5 - now));
      timer = win.setTimeout(function () { timer = null; flush(); }, wait);
    }

    /* Storage full or blocked: try again now and then, and whenever another tab writes. */
    function scheduleRetry() {
      if (retry) return;
      retry = win.setTimeout(function () { retry = null; if (unsaved().length) flush(); }, options.retryAfter);
    }

    /* Changes typed and not stored yet: { tool, record, field, value } (for exports). */
    function pending() {
      return unsaved().map(function (el) { return { tool: el._dl.tool, record: el._dl.record, field: el._dl.field, value: el.value }; });
    }

    /** @param {Node} node */
    function holds(node) {
      return bound.some(function (el) { return node.contains(el) && (dirty(el) || el === doc.activeElement || !!el._dl.notice); });
    }

    /* Listen to a container's controls and to the page's leaving. */
    /** @param {Element} container */
    function listen(container) {
      // Events from any element in the container: only the controls bind() gave a `_dl` count.
      container.addEventListener("input", function (e) {
        var el = /** @type {ViewControl} */ (e.target);
        if (!el._dl) return;
        el._dl.typed = true;
        renderConflict(el, fieldOf(el._dl));
        schedule();
      });
      container.addEventListener("change", function (e) { var el = /** @type {ViewControl} */ (e.target); if (el._dl) { el._dl.typed = true; flush(); } });
    }
    win.addEventListener("pagehide", function () { flush(); });
    doc.addEventListener("visibilitychange", function () { if (doc.visibilityState === "hidden") flush(); });

    return { bind: bind, unbind: unbind, sync: sync, syncAll: syncAll, flush: flush, pending: pending, holds: holds,
             listen: listen, dirty: dirty, retry: function () { if (unsaved().length) flush(); } };
  }

  /* Dates and numbers as the page's language writes them (<html lang>), never the browser's: a
     Thai page in a browser set to English shows 5 ธ.ค. 2569, not 12/5/2026. For every tool's page
     (the assessment's, the worksheets', the plan's), here because each of them loads this script
     already: on a slow connection a script of their own would be one more wait before the page
     works. */
  /** @param {Document} doc @returns {LocalFormats} */
  function formats(doc) {
    /** @type {string | undefined} */
    var tag;
    try { tag = Intl.getCanonicalLocales(doc.documentElement.lang)[0]; } catch (e) { tag = undefined; }
    /** @param {Intl.DateTimeFormatOptions} options @param {Date} d */
    function dates(options, d) { try { return new Intl.DateTimeFormat(tag, options).format(d); } catch (e) { return d.toISOString(); } }
    /** @param {number} n @param {Intl.NumberFormatOptions} [options] */
    function number(n, options) { try { return new Intl.NumberFormat(tag, options).format(n); } catch (e) { return String(n); } }
    return {
      time: function (d) { return dates({ hour: "numeric", minute: "2-digit", second: "2-digit" }, d); },
      date: function (d) { return dates({ year: "numeric", month: "long", day: "numeric" }, d); },
      dateTime: function (iso) {
        var d = new Date(iso);
        return isNaN(d.getTime()) ? "" : dates({ year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }, d);
      },
      number: function (n) { return number(n); },
      // A score of 0 to 100: "45%", "45 %" in French.
      percent: function (n) { return number(n / 100, { style: "percent", maximumFractionDigits: 0 }); }
    };
  }

  /* The page's script has run: the controls that need it (data-until-ready, disabled in the page
     as served, so that a click or a file chosen on a slow connection is never silently lost) can
     be used, and the status no longer says it is loading (data-loading). */
  /** @param {Document} doc */
  function ready(doc) {
    Array.prototype.forEach.call(doc.querySelectorAll("[data-until-ready]"), /** @param {HTMLButtonElement | HTMLInputElement} el */ function (el) {
      el.disabled = false;
      el.removeAttribute("data-until-ready");
    });
    Array.prototype.forEach.call(doc.querySelectorAll("[data-loading]"), /** @param {HTMLElement} el */ function (el) {
      el.removeAttribute("data-loading");
      el.textContent = "";
    });
  }

  // Not window.DataView: that is the browser's own constructor, which other scripts may need.
  root.DataLayerView = { create: create, formats: formats, ready: ready };
})(typeof self !== "undefined" ? self : this);
