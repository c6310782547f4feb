/* Search in the reader's language: the pure functions (no lunr, no worker, no DOM) that our
   search worker (docs/assets/javascripts/workers/search-languages.js) adds to Material's.
   - Letters typed either way are one letter: Russian е and ё (UN Russian writes е), and Latin
     letters with or without accents ("evaluation" finds "évaluation").
   - Thai and Chinese are written without spaces between words: their runs of text are cut into
     words, in the index and in the query alike, by the browser's own word segmenter
     (Intl.Segmenter), so that a word typed on its own finds the text that holds it.
   - Ranking: Lunr adds up what each word of a query scores, so a passage holding a common word
     often outranked one holding the rare word the reader meant ("trust between partners" put
     first a task whose result said "Missing: trust"): each score is weighed by the share of the
     query's words the passage holds, the rarer words weighing more.
   Runs in the search worker (self.SearchCore) and in Node for the unit tests (tests/js/).
   Its types: types/search.d.ts. */
// @ts-check
(/** @param {any} root @param {() => SearchCoreModule} factory */ function (root, factory) {
  "use strict";
  var core = factory();
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.SearchCore = core;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var ZERO_WIDTH_SPACE = "\u200b";
  var THAI = "\u0e00-\u0e7f";
  var HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  /* A run of Thai or of Han characters; the zero-width spaces inside one are the cuts of an
     earlier segmenter (Material's build cuts Chinese with jieba), made again here. */
  var RUN = new RegExp("[" + THAI + "](?:[" + THAI + "\u200b]*[" + THAI + "])?|" +
                       "[" + HAN + "](?:[" + HAN + "\u200b]*[" + HAN + "])?", "g");
  var THAI_LETTER = new RegExp("[" + THAI + "]");
  var HAN_LETTER = new RegExp("[" + HAN + "]");
  var LATIN_WITH_MARKS = /[\u00c0-\u024f\u1e00-\u1eff]/g;
  var COMBINING_MARKS = /[\u0300-\u036f]/g;
  /* Lunr's query syntax, which Material hands on as typed: +must, -must-not, wild*, fuzzy~1,
     boost^2, field:word and "quoted words". A word with any of it is left as it is. */
  var SYNTAX = /^[+-]|["*~^:]/;

  /** @type {Record<string, Intl.Segmenter | null>} */
  var segmenters = Object.create(null);

  /** The browser's word segmenter for a language, or null where there is none (Firefox
      before 125): the text is then left as it is, as Material leaves it.
      @param {string} lang @returns {Intl.Segmenter | null} */
  function segmenter(lang) {
    if (!(lang in segmenters)) {
      segmenters[lang] = typeof Intl === "object" && typeof Intl.Segmenter === "function"
        ? new Intl.Segmenter(lang, { granularity: "word" }) : null;
    }
    return segmenters[lang];
  }

  /** @returns {boolean} */
  function canSegment() { return segmenter("th") !== null; }

  /** @param {string} text @returns {string} */
  function fold(text) {
    return text.replace(/ё/g, "е").replace(/Ё/g, "Е").replace(LATIN_WITH_MARKS, function (letter) {
      return letter.normalize("NFD").replace(COMBINING_MARKS, "");
    });
  }

  /** The words of one run of Thai or Han characters.
      @param {string} run @returns {string[]} */
  function words(run) {
    var plain = run.split(ZERO_WIDTH_SPACE).join("");
    var cut = segmenter(THAI_LETTER.test(plain) ? "th" : "zh");
    if (!cut) return [plain];
    /** @type {string[]} */
    var out = [];
    for (var it = cut.segment(plain)[Symbol.iterator](), step = it.next(); !step.done; step = it.next()) {
      if (step.value.segment.trim()) out.push(step.value.segment);
    }
    return out;
  }

  /** Text with each run of Thai or Han characters cut into words, joined by `joiner`: a
      zero-width space in the index (invisible in a result, and a separator of every language's
      search), a space in a query.
      @param {string} text @param {string} joiner @returns {string} */
  function segment(text, joiner) {
    return text.replace(RUN, function (run) { return words(run).join(joiner); });
  }

  /** How a document's text is compared with the words a reader typed together.
      @param {string} text @returns {string} */
  function comparable(text) {
    return fold(text.split(ZERO_WIDTH_SPACE).join("")).toLowerCase();
  }

  /** A query as the index holds its words: each word as the index's own pipeline leaves it
      (`normalize`: stop words dropped, folded, stemmed where the language has a stemmer), Thai and
      Chinese cut into words. Also what each of those words was as typed (for "Missing: …" and the
      highlighting of the page opened), and the runs typed as one word that were cut (a passage
      holding such a run whole ranks above one holding its parts apart).
      @param {string} query @param {string} separator Material's (lunr.tokenizer.separator)
      @param {(word: string) => string} normalize "" for a word the index leaves out
      @returns {SearchQueryPlan} */
  function plan(query, separator, normalize) {
    var split = new RegExp(separator, "g");
    /** @type {Record<string, string>} */
    var typed = Object.create(null);
    /** @type {string[]} */
    var compounds = [];
    /** @type {string[]} */
    var out = [];
    query.trim().split(/\s+/).forEach(function (part) {
      if (!part) return;
      if (SYNTAX.test(part)) { out.push(fold(part)); return; }
      pieces(part, split).forEach(function (piece) {
        var cut = piece.replace(RUN, function (run) {
          var parts = words(run);
          if (parts.length > 1) compounds.push(comparable(run));
          return parts.join(" ");
        });
        cut.split(" ").forEach(function (word) {
          var lower = word.toLowerCase();
          var indexed = lower && normalize(lower);
          if (!indexed) return;
          out.push(indexed);
          if (!(indexed in typed)) typed[indexed] = lower;
        });
      });
    });
    return { query: out.join(" "), typed: typed, compounds: compounds };
  }

  /** A part of the query cut by the separator, as Material's tokenizer cuts it (its
      `split`, zero-length matches included: the separator splits "MoU" before a capital).
      @param {string} part @param {RegExp} separator @returns {string[]} */
  function pieces(part, separator) {
    /** @type {string[]} */
    var out = [];
    var index = 0;
    separator.lastIndex = 0;
    for (var match = separator.exec(part); ; match = separator.exec(part)) {
      var until = match ? match.index : part.length;
      if (index < until) out.push(part.slice(index, until));
      if (!match) break;
      index = match.index + match[0].length;
      if (match[0].length === 0) separator.lastIndex = match.index + 1;
    }
    return out;
  }

  /** Material's result, reordered. Each result's score (Lunr's, with the pages' boosts: the
      guidance above lists) is multiplied by the square of the share of the query's words it
      holds, each word weighed by its rarity (Lunr's inverse document frequency, counted over the
      results: a word fewer passages hold counts more), and by up to two for the runs typed as one
      word that it holds whole. A passage with half the weight of the words scores a quarter: one
      missing the rare word of a query no longer comes first for holding the common ones often.
      Measured against adding nothing (Lunr's order) and against sorting by that share first
      (which buried the guidance under worksheets holding every word): bench/results.md.
      @param {SearchItem[][]} groups one per page, as Material's worker returns them
      @param {SearchRankContext} context @returns {SearchItem[][]} */
  function rank(groups, context) {
    /** @type {Record<string, number>} */
    var found = Object.create(null);
    /** @type {SearchItem[]} */
    var items = [];
    groups.forEach(function (group) {
      group.forEach(function (item) {
        items.push(item);
        Object.keys(item.terms).forEach(function (term) {
          if (item.terms[term]) found[term] = (found[term] || 0) + 1;
        });
      });
    });
    var total = Math.max(context.total, items.length);
    /** @type {Record<string, number>} */
    var weight = Object.create(null);
    var whole = 0;
    Object.keys(found).forEach(function (term) {
      weight[term] = Math.log(1 + (total - found[term] + 0.5) / (found[term] + 0.5));
      whole += weight[term];
    });
    var compounds = context.compounds;
    items.forEach(function (item) {
      var held = 0;
      Object.keys(item.terms).forEach(function (term) {
        if (item.terms[term] && term in weight) held += weight[term];
      });
      var share = whole > 0 ? held / whole : 1;
      var together = 0;
      if (compounds.length) {
        var text = context.textOf(item.location);
        together = compounds.filter(function (run) { return text.indexOf(run) >= 0; }).length / compounds.length;
      }
      item.score = item.score * share * share * (1 + together);
    });
    // Material folds under "more" the passages of a page that score below its first.
    groups.forEach(function (group) { group.sort(byScore); });
    return groups.sort(function (a, b) { return b[0].score - a[0].score; });
  }

  /** @param {SearchItem} a @param {SearchItem} b */
  function byScore(a, b) { return b.score - a.score; }

  /** Each result's words as the reader typed them, not as the index holds them ("partenaires",
      not the stem "partenair"): Material shows the missing ones and highlights the found ones
      on the page opened.
      @param {SearchItem[][]} groups @param {Record<string, string>} typed */
  function showTyped(groups, typed) {
    groups.forEach(function (group) {
      group.forEach(function (item) {
        /** @type {Record<string, boolean>} */
        var terms = {};
        Object.keys(item.terms).forEach(function (term) {
          var shown = term in typed ? typed[term] : term;
          terms[shown] = terms[shown] || item.terms[term];
        });
        item.terms = terms;
      });
    });
    return groups;
  }

  return { ZERO_WIDTH_SPACE: ZERO_WIDTH_SPACE, HAN_LETTER: HAN_LETTER, canSegment: canSegment, fold: fold,
           segment: segment, comparable: comparable, plan: plan, rank: rank, showTyped: showTyped };
});
