/* "Send my answers" on a module's self-assessment form: the answers this page shows, packed into
   a short link to the facilitator's group scoring page (scoring-core.js), its QR code, or a file.
   Nothing is sent anywhere: the participant sends the link themselves. The QR encoder
   (docs/assets/vendor/qrcode-generator/) is loaded only when a QR code is asked for. The name
   a participant types is kept on the data layer (tool group-scoring, record "me"); it goes into
   the link only when they tick "Include my name". */
// @ts-check
(function () {
  "use strict";
  var w = /** @type {{ DataLayer?: DataLayerModule, DataLayerView?: DataLayerViewModule }} */ (/** @type {unknown} */ (window));
  var box = /** @type {HTMLElement | null} */ (document.querySelector("[data-group-send]"));
  var core = window.ScoringCore, model = window.ASSESSMENT_MODEL, Layer = w.DataLayer;
  var form = /** @type {HTMLFormElement | null} */ (document.querySelector("[data-assessment-form]"));
  if (!box || !core || !model || !Layer || !form) return;
  var section = box, S = core, M = model, answersForm = form;
  // The vendored encoder sits beside this script's folder, whatever the page's address (file:// too).
  var here = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : "";
  var strings = M.strings || {};
  /** @param {string} text */
  function t(text) { return strings[text] || text; }
  /** @param {string} text @param {Record<string, string | number>} values */
  function tf(text, values) {
    var out = t(text);
    Object.keys(values).forEach(function (k) { out = out.split("{" + k + "}").join(String(values[k])); });
    return out;
  }

  var moduleId = section.getAttribute("data-module") || "";
  var contract = M.storage;
  // This tab's workspace (workspace.js): answers go to its group scoring. (The same contract and
  // data layer, which this page types by the parts it uses.)
  var TOOL = window.Workspaces ? window.Workspaces.current(window, /** @type {StorageContract} */ (/** @type {unknown} */ (contract)),
                                                           /** @type {DataLayerModule} */ (/** @type {unknown} */ (Layer))).tool(contract.tools.group) : contract.tools.group;
  var layer = Layer.open({ contract: contract, win: window });
  var nameInput = /** @type {HTMLInputElement | null} */ (section.querySelector("[data-send-name]"));
  var named = /** @type {HTMLInputElement | null} */ (section.querySelector("[data-send-named]"));
  var result = /** @type {HTMLElement | null} */ (section.querySelector("[data-send-result]"));
  var linkBox = /** @type {HTMLInputElement | null} */ (section.querySelector("[data-send-link]"));
  var qrBox = /** @type {HTMLElement | null} */ (section.querySelector("[data-send-qr-box]"));
  var said = /** @type {HTMLElement | null} */ (section.querySelector("[data-send-status]"));
  var share = /** @type {HTMLButtonElement | null} */ (section.querySelector("[data-send-share]"));
  if (w.DataLayerView && nameInput) {
    var view = w.DataLayerView.create({ layer: layer, win: window, t: t, saveAfter: contract.save_after_ms,
                                        retryAfter: contract.retry_after_ms, maxText: S.MAX_NAME, report: function () {} });
    view.bind(nameInput, TOOL, "me", "name");
    layer.watch(function () { view.syncAll(); });
  }

  /* This device's participant token: a link sent again replaces the earlier one in the round. */
  function token() {
    var kept = Number(layer.meta(TOOL, "participant"));
    if (kept > 0 && kept <= 4294967295 && Math.floor(kept) === kept) return kept;
    var made = crypto.getRandomValues(new Uint32Array(1))[0] || 1;
    layer.meta(TOOL, "participant", String(made));
    return made;
  }

  /** @param {string} text */
  function say(text) { if (said) said.textContent = text; }

  /* The answers as this page shows them (what the participant sees is what is sent). */
  function shownAnswers() {
    /** @type {Record<string, string>} */
    var out = Object.create(null);
    Array.prototype.forEach.call(answersForm.querySelectorAll("[data-question] input[type=radio]:checked"), /** @param {HTMLInputElement} r */ function (r) {
      out[r.name] = r.value;
    });
    return out;
  }

  var payload = "", link = "";
  function make() {
    var answers = shownAnswers();
    var given = S.questionsOf(M, moduleId).filter(function (q) { return Object.prototype.hasOwnProperty.call(answers, q.id); }).length;
    var name = named && named.checked && nameInput ? S.cleanName(nameInput.value) : "";
    payload = S.encode(M, moduleId, answers, { token: token(), name: name });
    link = S.linkOf(new URL(section.getAttribute("data-group-href") || "group.html", window.location.href).href, payload);
    if (linkBox) linkBox.value = link;
    if (result) result.hidden = false;
    if (qrBox && qrBox.firstChild) drawQR();
    var total = S.questionsOf(M, moduleId).length;
    say((name ? tf("Your link holds {n} of {total} answers and your name, {name}.", { n: given, total: total, name: name }) :
         tf("Your link holds {n} of {total} answers, without your name.", { n: given, total: total })) + " " +
        t("Send it to the facilitator; if you change an answer, send the new link."));
  }

  function copy() {
    if (!linkBox) return;
    var done = function () { say(t("The link is copied: paste it into a message to the facilitator.")); };
    var fallback = function () {
      if (!linkBox) return;
      linkBox.focus();
      linkBox.select();
      say(t("Select the link and copy it (it is selected)."));
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(link).then(done, fallback);
    else fallback();
  }

  /** @param {() => void} done */
  function loadQR(done) {
    if (window.qrcode) { done(); return; }
    var s = document.createElement("script");
    s.src = new URL("../vendor/qrcode-generator/qrcode.js", here || window.location.href).href;
    s.onload = done;
    s.onerror = function () { say(t("The QR code could not be made; send the link or the file instead.")); };
    document.head.appendChild(s);
  }

  var SVG = "http://www.w3.org/2000/svg";
  function drawQR() {
    var factory = window.qrcode;
    if (!factory || !qrBox) return;
    var qr = factory(0, "M");
    qr.addData(link, "Byte");
    qr.make();
    var n = qr.getModuleCount(), quiet = 4, d = "";
    for (var r = 0; r < n; r++) for (var c = 0; c < n; c++) if (qr.isDark(r, c)) d += "M" + (c + quiet) + " " + (r + quiet) + "h1v1h-1z";
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + (n + 2 * quiet) + " " + (n + 2 * quiet));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", t("QR code of your link, for the facilitator to scan"));
    svg.setAttribute("data-modules", String(n));
    var back = document.createElementNS(SVG, "rect");
    back.setAttribute("width", "100%");
    back.setAttribute("height", "100%");
    back.setAttribute("fill", "#fff");
    var dark = document.createElementNS(SVG, "path");
    dark.setAttribute("d", d);
    dark.setAttribute("fill", "#000");
    svg.appendChild(back);
    svg.appendChild(dark);
    qrBox.textContent = "";
    qrBox.appendChild(svg);
  }

  function download() {
    var stamp = new Date().toISOString();
    var blob = new Blob([S.participantFile(payload, stamp)], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = "partnering-guidelines-answers-module-" + moduleId.toLowerCase() + "-" + stamp.slice(0, 10) + ".json";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 0);
    say(t("The file is downloaded: send it to the facilitator."));
  }

  /** @param {string} selector @param {() => void} fn */
  function on(selector, fn) { var b = section.querySelector(selector); if (b) b.addEventListener("click", fn); }
  on("[data-send-make]", make);
  on("[data-send-copy]", copy);
  on("[data-send-qr]", function () { loadQR(drawQR); });
  on("[data-send-file]", download);
  var canShare = typeof navigator.share === "function" && /^https?:$/.test(window.location.protocol);
  if (share && canShare) {
    share.hidden = false;
    share.addEventListener("click", function () {
      navigator.share({ title: document.title, url: link }).catch(function () { /* closed by the user: nothing to say */ });
    });
  }
  // A link already shown follows the answers and the name choice: never an older copy.
  answersForm.addEventListener("change", function () { if (result && !result.hidden) make(); });
  section.addEventListener("change", function (e) { if (e.target === named && result && !result.hidden) make(); });
  if (nameInput) nameInput.addEventListener("input", function () { if (named && named.checked && result && !result.hidden) make(); });
  section.hidden = false;
})();
