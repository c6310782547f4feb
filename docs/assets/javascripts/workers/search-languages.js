/* The site's search worker: Material's own (its file name is given as ?material=, by
   docs/assets/js/search-languages.js), with what it lacks for the toolkit's languages, from
   docs/assets/js/search-core.js:
   - Thai and Chinese text cut into words when the index is made and when a query is typed;
   - е and ё, and Latin letters with and without accents, one letter in the index and the query;
   - each word of a query as the index holds it (the language's stop words left out, its
     stemmer applied): Material appends "*" to every word typed, and Lunr then passes the word
     through none of the index's pipeline, so a Russian word typed in another form than the
     text's, or a French stop word, matched nothing or everything;
   - each result weighed by the share of the query's words it holds, the rarer words weighing
     more: one missing the word the reader meant no longer comes first.
   It sits beside Material's worker because Material's finds the language files it loads
   (../lunr/) from its own address, which is this file's, or from file:// the address of the
   first script of the iframe that stands in for a worker, which is this one. */
// @ts-check
(function () {
  "use strict";

  /** @type {any} */
  var scope = self;
  // Material's message types (SearchMessageType in its integrations/search/worker/message).
  var SETUP = 0, QUERY = 2, RESULT = 3;

  // From file://, this runs in the iframe-worker shim's iframe, where relative addresses are
  // the page's: every address is made from this file's own.
  var here = scope.document && scope.document.currentScript ? scope.document.currentScript.src : scope.location.href;
  var material = /[?&]material=(search\.[0-9a-f]+\.min\.js)(?:[?&#]|$)/.exec(here);
  if (!material) throw new Error("search-languages.js: its address names no worker of Material's (?material=search.<hash>.min.js)");

  /** @type {SearchCoreModule} */
  var core;
  /** The index's pipeline (lunr.Pipeline), through which each word of a query goes too. @type {any} */
  var pipeline = null;
  var separator = "[\\s\\-]+";
  /** @type {{ location: string, title: string, text: string, keywords?: string[] }[]} */
  var docs = [];
  /** @type {Record<string, string> | null} */
  var texts = null;
  /** What each query asked, until its result goes out (Material answers every query, in order).
      @type {SearchQueryPlan[]} */
  var asked = [];

  // Material's listener receives each message once its script and ours are loaded (imports are
  // asynchronous in the iframe), changed on the way in; what it posts is changed on the way out.
  /** @type {((event: { data: any }) => void) | null} */
  var materials = null;
  /** @type {any[]} */
  var waiting = [];
  var ready = false;
  var listen = scope.addEventListener;
  scope.addEventListener = function (/** @type {string} */ type, /** @type {any} */ listener) {
    if (type !== "message") return listen.apply(scope, arguments);
    materials = listener;
    pass();
  };
  listen.call(scope, "message", function (/** @type {MessageEvent} */ event) {
    waiting.push(event.data);
    pass();
  });
  var post = scope.postMessage;
  scope.postMessage = function (/** @type {any} */ message) {
    if (message && message.type === RESULT && message.data && message.data.items) out(message.data.items);
    return post.apply(scope, arguments);
  };

  function pass() {
    while (ready && materials && waiting.length) materials.call(scope, { data: into(waiting.shift()) });
  }

  /** @param {any} message */
  function into(message) {
    if (message && message.type === SETUP) setup(message.data);
    if (message && message.type === QUERY && typeof message.data === "string") {
      var plan = core.plan(message.data, separator, normalize);
      asked.push(plan);
      return { type: QUERY, data: plan.query };
    }
    return message;
  }

  /** @param {{ config: { separator: string }, docs: any[] }} data */
  function setup(data) {
    separator = data.config.separator;
    docs = data.docs;
    texts = null;
    var cut = core.ZERO_WIDTH_SPACE;
    docs.forEach(function (doc) {
      if (typeof doc.title === "string") doc.title = core.segment(doc.title, cut);
      if (typeof doc.text === "string") doc.text = core.segment(doc.text, cut);
      if (Array.isArray(doc.keywords)) doc.keywords = doc.keywords.map(function (/** @type {string} */ word) { return core.segment(word, cut); });
    });
  }

  /** @param {string} word */
  function normalize(word) {
    return pipeline ? pipeline.runString(word)[0] || "" : core.fold(word);
  }

  /** @param {SearchItem[][]} items */
  function out(items) {
    var plan = asked.shift();
    if (!plan) return;
    core.rank(items, { total: docs.length, compounds: plan.compounds, textOf: textOf });
    core.showTyped(items, plan.typed);
  }

  /** @param {string} location */
  function textOf(location) {
    if (!texts) {
      /** @type {Record<string, string>} */
      var made = Object.create(null);
      docs.forEach(function (doc) {
        made[doc.location] = core.comparable([doc.title, doc.text].concat(doc.keywords || []).join(" "));
      });
      texts = made;
    }
    return texts[location] || "";
  }

  function extendLunr() {
    var lunr = scope.lunr;
    /** @param {any} token */
    var fold = function (token) { return token.update(core.fold); };
    lunr.Pipeline.registerFunction(fold, "fold-letters");

    // Folded before the stemmer (which then stems "партнерство" typed either way alike) and
    // after the stop word filter (whose lists are written with their accents).
    var add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function () {
      if (this.pipeline !== pipeline) {
        pipeline = this.pipeline;
        var stemmer = pipeline._stack.filter(function (/** @type {any} */ fn) { return /^stemmer/.test(fn.label || ""); })[0];
        if (stemmer) pipeline.before(stemmer, fold);
        else pipeline.add(fold);
      }
      return add.apply(this, arguments);
    };

    // Material cuts every run of Han characters of a query again, into the longest pieces the
    // index holds, but never tries the whole run: "利益" became "利" wherever "利" is a word of
    // the index. Our query is cut already; its segmenter must find no piece in the index.
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      var index = build.apply(this, arguments);
      if (core.canSegment()) {
        index.invertedIndex = new Proxy(index.invertedIndex, {
          has: function (target, key) { return !(typeof key === "string" && core.HAN_LETTER.test(key)) && key in target; },
        });
      }
      return index;
    };
    ready = true;
    pass();
  }

  Promise.resolve(scope.importScripts(new URL("../../js/search-core.js", here).href, new URL(material[1], here).href))
    .then(function () {
      core = scope.SearchCore;
      extendLunr();
    });
})();
