// Dates and numbers as the page's language writes them, whatever language the browser is set
// to: a Thai page read in a browser set to English shows 5 ธ.ค. 2569, not 12/5/2026. The
// language is the page's own (<html lang>, written by the build), never navigator.language.
// @ts-check
(function (root) {
  "use strict";

  /* The page's language as Intl takes it, or undefined (the browser's) if Intl refuses it. */
  function tag() {
    var lang = root.document && root.document.documentElement ? root.document.documentElement.lang : "";
    if (!lang) return undefined;
    try { return Intl.getCanonicalLocales(lang)[0]; } catch (e) { return undefined; }
  }

  /** @param {Intl.DateTimeFormatOptions} options @param {Date} d */
  function formatDate(options, d) {
    try { return new Intl.DateTimeFormat(tag(), options).format(d); } catch (e) { return d.toISOString(); }
  }

  /* A moment (an ISO string or a Date) with its date and time; "" when it is not one. */
  /** @param {string | Date} when */
  function dateTime(when) {
    var d = when instanceof Date ? when : new Date(when);
    return isNaN(d.getTime()) ? "" : formatDate({ year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }, d);
  }

  /** @param {Date} d */
  function date(d) { return formatDate({ year: "numeric", month: "long", day: "numeric" }, d); }

  /** @param {Date} d */
  function time(d) { return formatDate({ hour: "numeric", minute: "2-digit", second: "2-digit" }, d); }

  /** @param {number} n */
  function number(n) {
    try { return new Intl.NumberFormat(tag()).format(n); } catch (e) { return String(n); }
  }

  /* A score of 0 to 100 as a percentage: "45%", "45 %" in French. */
  /** @param {number} n */
  function percent(n) {
    try { return new Intl.NumberFormat(tag(), { style: "percent", maximumFractionDigits: 0 }).format(n / 100); } catch (e) { return n + "%"; }
  }

  root.PageLanguage = { tag: tag, dateTime: dateTime, date: date, time: time, number: number, percent: percent };
})(/** @type {any} */ (typeof self !== "undefined" ? self : this));
