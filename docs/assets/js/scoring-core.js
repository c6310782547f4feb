/* Group scoring without a server: the pure functions (no DOM, no storage). A participant's
   answers to one module packed into a short link's fragment (never its query string: a
   fragment is not sent to any server), read back and checked, and a round's figures per
   question: how many answered, the median, the spread, and whether participants disagree.
   Runs in the browser (window.ScoringCore) and in Node for the unit tests (tests/js/).
   Its types: types/scoring.d.ts.

   A link's payload, before base64url (RFC 4648 §5, no padding):
     [0]      format version (FORMAT_VERSION)
     [1]      the module's position in the model's modules
     [2..5]   the question set's identity: a hash of the module, its question ids in order and
              the scale's keys, so that a link made with other questions is refused, not misread
     [6..9]   the participant's token (random, kept on their device): a link sent again replaces
              the earlier one instead of counting the participant twice
     [10]     the number of questions
     [..]     one value per question, `bits` each: 0 no answer, k the scale's option k-1
     [..]     the name's length in bytes (0: no name), then the name in UTF-8
     [last 4] a checksum (FNV-1a) of everything before: a truncated or mistyped link is refused.
   The checksum finds damage, not forgery: anyone can make a link, as anyone in the room can
   answer twice on two phones. */
// @ts-check
(/** @param {any} root @param {() => ScoringCoreModule} factory */ function (root, factory) {
  "use strict";
  var core = factory();
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.ScoringCore = core;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT_VERSION = 1;
  var FRAGMENT = "answers=";              // a link ends with #answers=<payload>
  var FILE_FORMAT = "partnering-guidelines-group-answers";   // storage.json: files.group
  var MAX_NAME = 40;                      // characters of a participant's name
  var MAX_NAME_BYTES = 160;
  var MAX_PAYLOAD = 400;                  // characters of a link's payload
  var MAX_PARTICIPANTS = 200;             // links in one round
  var MAX_TEXT = 256 * 1024;              // characters pasted or read from one file
  var HEADER = 11, CHECKSUM = 4;
  var PAYLOAD = /^[A-Za-z0-9_-]+$/;
  // Control characters, and the marks that reorder text around them (a name is shown among others).
  var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/;

  /** @template [T=any] @returns {Record<string, T>} */
  function dict() { return Object.create(null); }
  /** @param {object | null | undefined} map @param {string} key */
  function own(map, key) { return !!map && Object.prototype.hasOwnProperty.call(map, key); }

  /** @param {number[] | Uint8Array} bytes @returns {number} */
  function fnv(bytes) {
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  /** @param {string} text */
  function utf8(text) { return Array.prototype.slice.call(new TextEncoder().encode(text)); }

  /** @param {ScoringModel} model @param {string} moduleId @returns {ScoringQuestion[]} */
  function questionsOf(model, moduleId) {
    return model.questions.filter(function (q) { return q.module === moduleId; });
  }

  /* The identity of a module's question set: what both ends must share to read a link alike. */
  /** @param {ScoringModel} model @param {string} moduleId */
  function questionSet(model, moduleId) {
    return fnv(utf8(moduleId + "|" + questionsOf(model, moduleId).map(function (q) { return q.id; }).join(",") + "|" +
                    model.scale.map(function (o) { return o.key; }).join(",")));
  }

  /** @param {ScoringModel} model */
  function bitsPerValue(model) {
    var bits = 1;
    while ((1 << bits) < model.scale.length + 1) bits++;
    return bits;
  }

  /** @param {number[]} out @param {number} n */
  function pushUint32(out, n) { out.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255); }
  /** @param {number[] | Uint8Array} b @param {number} i */
  function readUint32(b, i) { return ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0; }

  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /** @param {number[]} bytes */
  function toBase64url(bytes) {
    var out = "";
    for (var i = 0; i < bytes.length; i += 3) {
      var n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
      var left = bytes.length - i;
      out += B64[(n >>> 18) & 63] + B64[(n >>> 12) & 63] + (left > 1 ? B64[(n >>> 6) & 63] : "") + (left > 2 ? B64[n & 63] : "");
    }
    return out;
  }

  /** @param {string} text @returns {number[] | null} */
  function fromBase64url(text) {
    if (text.length % 4 === 1) return null;   // no whole byte ends there
    var out = [], acc = 0, bits = 0;
    for (var i = 0; i < text.length; i++) {
      var v = B64.indexOf(text.charAt(i));
      if (v < 0) return null;
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) { bits -= 8; out.push((acc >>> bits) & 255); }
    }
    return out;
  }

  /* A name as a participant typed it, made safe to pack: trimmed, unsafe marks removed, at most
     MAX_NAME characters. */
  /** @param {unknown} name */
  function cleanName(name) {
    if (typeof name !== "string") return "";
    var chars = Array.from(name.replace(new RegExp(UNSAFE.source, "g"), " ").replace(/\s+/g, " ").trim());
    var out = chars.slice(0, MAX_NAME).join("");
    while (utf8(out).length > MAX_NAME_BYTES) out = Array.from(out).slice(0, -1).join("");
    return out.trim();
  }

  /* A participant's answers to one module as a payload. answers: question id -> scale key
     (anything else, or a key not on the scale, is "no answer"). */
  /** @param {ScoringModel} model @param {string} moduleId @param {Record<string, unknown>} answers
      @param {{ token: number, name?: string }} who @returns {string} */
  function encode(model, moduleId, answers, who) {
    var index = model.modules.map(function (m) { return m.id; }).indexOf(moduleId);
    if (index < 0) throw new Error("no such module: " + moduleId);
    var qs = questionsOf(model, moduleId), keys = model.scale.map(function (o) { return o.key; }), bits = bitsPerValue(model);
    /** @type {number[]} */
    var out = [FORMAT_VERSION, index];
    pushUint32(out, questionSet(model, moduleId));
    pushUint32(out, who.token >>> 0);
    out.push(qs.length);
    var acc = 0, held = 0;
    qs.forEach(function (q) {
      var value = own(answers, q.id) ? answers[q.id] : null;
      var k = typeof value === "string" ? keys.indexOf(value) + 1 : 0;
      acc = (acc << bits) | k;
      held += bits;
      while (held >= 8) { held -= 8; out.push((acc >>> held) & 255); }
    });
    if (held) out.push((acc << (8 - held)) & 255);
    var name = utf8(cleanName(who.name));
    out.push(name.length);
    out = out.concat(name);
    pushUint32(out, fnv(out));
    return toBase64url(out);
  }

  /** @param {string} base the facilitator page's address @param {string} payload */
  function linkOf(base, payload) { return base.split("#")[0] + "#" + FRAGMENT + payload; }

  /* Every payload in a text (a pasted message may hold several links, and other words). */
  /** @param {string} text @returns {string[]} */
  function payloadsIn(text) {
    var out = [], re = /answers=([A-Za-z0-9_-]*)/g, m;
    while ((m = re.exec(text.slice(0, MAX_TEXT)))) out.push(m[1]);
    return out;
  }

  /* A payload read back and checked: { ok: true, participant } or { ok: false, code }
     (ScoringProblem), which the page says in its language. */
  /** @param {ScoringModel} model @param {string} payload @returns {DecodeResult} */
  function decode(model, payload) {
    if (typeof payload !== "string" || !payload) return { ok: false, code: "empty" };
    if (payload.length > MAX_PAYLOAD) return { ok: false, code: "too-long" };
    if (!PAYLOAD.test(payload)) return { ok: false, code: "not-a-link" };
    var b = fromBase64url(payload);
    if (!b || b.length < HEADER + 1 + CHECKSUM) return { ok: false, code: "damaged" };
    var body = b.slice(0, b.length - CHECKSUM);
    if (fnv(body) !== readUint32(b, b.length - CHECKSUM)) return { ok: false, code: "damaged" };
    if (b[0] !== FORMAT_VERSION) return { ok: false, code: b[0] > FORMAT_VERSION ? "newer-version" : "damaged" };
    var module = model.modules[b[1]];
    if (!module) return { ok: false, code: "other-questions" };
    var qs = questionsOf(model, module.id);
    if (readUint32(b, 2) !== questionSet(model, module.id) || b[10] !== qs.length) return { ok: false, code: "other-questions" };
    var bits = bitsPerValue(model), valueBytes = Math.ceil(qs.length * bits / 8);
    var at = HEADER + valueBytes;
    if (body.length < at + 1) return { ok: false, code: "damaged" };
    /** @type {Record<string, string | null>} */
    var values = dict();
    var bad = false;
    qs.forEach(function (q, i) {
      var bit = i * bits, k = 0;
      for (var j = 0; j < bits; j++) {
        var p = bit + j;
        k = (k << 1) | ((body[HEADER + (p >> 3)] >> (7 - (p & 7))) & 1);
      }
      if (k > model.scale.length) bad = true;
      else values[q.id] = k ? model.scale[k - 1].key : null;
    });
    if (bad) return { ok: false, code: "bad-value" };
    var length = body[at];
    if (body.length !== at + 1 + length) return { ok: false, code: "damaged" };
    var name = "";
    if (length) {
      try {
        name = new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(body.slice(at + 1)));
      } catch (e) {
        return { ok: false, code: "bad-name" };
      }
      if (length > MAX_NAME_BYTES || Array.from(name).length > MAX_NAME || UNSAFE.test(name) || name !== name.trim() || !name) {
        return { ok: false, code: "bad-name" };
      }
    }
    return { ok: true, participant: { payload: payload, module: module.id, token: readUint32(b, 6), name: name, values: values } };
  }

  /* The participants of a round from its payloads, in the order they first came: a later
     payload of the same participant (token) replaces theirs in place. Payloads that cannot be
     read are counted by their problem. */
  /** @param {ScoringModel} model @param {string[]} payloads @returns {Round} */
  function round(model, payloads) {
    /** @type {Participant[]} */
    var list = [];
    /** @type {Record<string, number>} */
    var at = dict(), problems = dict();
    payloads.forEach(function (p) {
      var r = decode(model, p);
      if (!r.ok) { problems[r.code] = (problems[r.code] || 0) + 1; return; }
      var key = String(r.participant.token);
      if (own(at, key)) list[at[key]] = r.participant;
      else { at[key] = list.length; list.push(r.participant); }
    });
    return { module: list.length ? list[0].module : null, participants: list, problems: problems };
  }

  /* A field of the data layer holding a round's payloads (one a line), with several heads when
     two tabs added at once: every head's payloads, oldest head first, each once. */
  /** @param {string[]} texts @returns {string[]} */
  function unionLines(texts) {
    /** @type {string[]} */
    var out = [];
    var seen = dict();
    texts.forEach(function (text) {
      String(text).split("\n").forEach(function (line) {
        if (line && !own(seen, line)) { seen[line] = true; out.push(line); }
      });
    });
    return out;
  }

  /** @param {number[]} values (sorted) */
  function median(values) {
    if (!values.length) return null;
    var mid = values.length >> 1;
    return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }

  /* Per question of the round's module: who gave which answer, how many answered (any answer,
     "not applicable" too), the median and the spread of the scored answers, and whether
     participants disagree: scored answers model.disagreement points or more apart (the page says
     how many: macros/site/assessment.py, DISAGREEMENT). */
  /** @param {ScoringModel} model @param {Participant[]} participants @param {string} moduleId @returns {QuestionFigures[]} */
  function figures(model, participants, moduleId) {
    /** @type {Record<string, number | null>} */
    var score = dict();
    model.scale.forEach(function (o) { score[o.key] = typeof o.score === "number" ? o.score : null; });
    return questionsOf(model, moduleId).map(function (q) {
      /** @type {Record<string, number[]>} */
      var byValue = dict();
      /** @type {number[]} */
      var scores = [];
      var answered = 0;
      participants.forEach(function (p, i) {
        var v = own(p.values, q.id) ? p.values[q.id] : null;
        if (!v || !own(score, v)) return;
        answered++;
        (own(byValue, v) ? byValue[v] : (byValue[v] = [])).push(i);
        var s = score[v];
        if (s !== null) scores.push(s);
      });
      scores.sort(function (a, b) { return a - b; });
      var spread = scores.length ? scores[scores.length - 1] - scores[0] : null;
      return { question: q, answered: answered, scored: scores.length, median: median(scores), spread: spread,
               disagree: spread !== null && scores.length > 1 && spread >= model.disagreement, byValue: byValue };
    });
  }

  /* Per question, the median of an earlier round and of this one, and the change. */
  /** @param {QuestionFigures[]} before @param {QuestionFigures[]} after @returns {MedianChange[]} */
  function compare(before, after) {
    /** @type {Record<string, QuestionFigures>} */
    var then = dict();
    before.forEach(function (f) { then[f.question.id] = f; });
    return after.map(function (f) {
      var b = own(then, f.question.id) ? then[f.question.id].median : null;
      return { question: f.question, before: b, after: f.median, change: b === null || f.median === null ? null : f.median - b };
    });
  }

  /* The file a participant sends when a link cannot be (the fallback), and the payloads a file
     holds: that file, a round's export, or any text with links in it. */
  /** @param {string} payload @param {string} when */
  function participantFile(payload, when) {
    return JSON.stringify({ format: FILE_FORMAT, schema_version: 1, made: when, answers: [payload] }, null, 2);
  }

  /** @param {string} text @returns {{ ok: true, payloads: string[] } | { ok: false, code: ScoringProblem }} */
  function payloadsOfFile(text) {
    if (typeof text !== "string" || text.length > MAX_TEXT) return { ok: false, code: "file-too-large" };
    var raw = null;
    try { raw = JSON.parse(text); } catch (e) { raw = null; }
    if (raw && typeof raw === "object" && !Array.isArray(raw)) {
      if (raw.format !== FILE_FORMAT) return { ok: false, code: "file-other-format" };
      if (raw.schema_version !== 1) return { ok: false, code: "newer-version" };
      if (!Array.isArray(raw.answers) || !raw.answers.length || raw.answers.length > MAX_PARTICIPANTS ||
          raw.answers.some(/** @param {unknown} p */ function (p) { return typeof p !== "string"; })) return { ok: false, code: "file-no-answers" };
      return { ok: true, payloads: raw.answers };
    }
    var found = payloadsIn(text);
    return found.length ? { ok: true, payloads: found } : { ok: false, code: "file-no-answers" };
  }

  /** @param {string[]} payloads @param {string} when @param {string} moduleId */
  function roundFile(payloads, when, moduleId) {
    return JSON.stringify({ format: FILE_FORMAT, schema_version: 1, made: when, module: moduleId, answers: payloads }, null, 2);
  }

  return { FORMAT_VERSION: FORMAT_VERSION, FRAGMENT: FRAGMENT, FILE_FORMAT: FILE_FORMAT, MAX_NAME: MAX_NAME,
           MAX_PARTICIPANTS: MAX_PARTICIPANTS, MAX_TEXT: MAX_TEXT,
           questionSet: questionSet, questionsOf: questionsOf, cleanName: cleanName, encode: encode, decode: decode,
           linkOf: linkOf, payloadsIn: payloadsIn, round: round, unionLines: unionLines, median: median,
           figures: figures, compare: compare, participantFile: participantFile, payloadsOfFile: payloadsOfFile,
           roundFile: roundFile, toBase64url: toBase64url, fromBase64url: fromBase64url, fnv: fnv };
});
