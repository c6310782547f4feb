/* Word and Excel files made in the browser, from a description of a document (types/office.d.ts:
   OfficeDoc) that a tool writes from what the user typed, already in the page's language: a
   title, fields, tables with their columns' kinds, values. One module for every tool (worksheets,
   the action plan, the agreement builder), so that every file has the same guarantees: A4 or US
   Letter, columns sized to their content, wrapped text, a header row repeated on every page,
   page numbers, real document properties; in Excel a print area one page wide, frozen and
   protected header rows, drop-down lists for choices, dates as dates, every field.

   The libraries (vendored under assets/vendor/, see their CHANGES.txt) are loaded only when a
   file is asked for, from beside this script, so that it works from file:// and over http with
   nothing from the network. Text is only ever written as text: no cell becomes a formula. */
// @ts-check
(/** @param {any} root @param {(root: any) => OfficeFilesApi} factory */ function (root, factory) {
  "use strict";
  var api = factory(root);
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.OfficeFiles = api;
})(typeof self !== "undefined" ? self : this, function (root) {
  "use strict";

  var LIBRARIES = { docx: "../vendor/docx/docx.iife.js", xlsx: "../vendor/exceljs/exceljs.bare.min.js" };
  var GLOBALS = { docx: "docx", xlsx: "ExcelJS" };
  // Where this script was loaded from: the libraries are beside it (relative to it, not to the page).
  var here = (function () {
    var doc = root.document, script = doc && /** @type {HTMLScriptElement | null} */ (doc.currentScript);
    return script && script.src ? script.src : "";
  })();
  var BLANK_ROWS = 8;

  // --- pure parts ------------------------------------------------------------------------

  /* How wide a text is in characters of a Latin font: Chinese, Japanese and Korean characters
     are twice as wide; Thai's combining marks take no width. Of a text's longest line. */
  /** @param {string} text */
  function measure(text) {
    var widest = 0;
    String(text || "").split("\n").forEach(function (line) {
      var n = 0;
      for (var i = 0; i < line.length; i++) {
        var c = line.charCodeAt(i);
        if (c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e)) continue;
        if (c >= 0xdc00 && c <= 0xdfff) continue;   // the second half of a surrogate pair
        n += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
             (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ? 2 : 1;
      }
      if (n > widest) widest = n;
    });
    return widest;
  }

  /** @param {string} text */
  function longestWord(text) {
    return String(text || "").split(/\s+/).reduce(function (m, w) { return Math.max(m, measure(w)); }, 0);
  }

  /* Each column's width in characters: enough for its heading's longest word and its content,
     within bounds, long text wider than short. */
  /** @param {OfficeTable} table @returns {number[]} */
  function widths(table) {
    return table.columns.map(function (col, i) {
      var content = 0;
      table.rows.forEach(function (row) { content = Math.max(content, measure(row[i] || "")); });
      (col.options || []).forEach(function (o) { content = Math.max(content, measure(o) + 2); });
      var least = col.kind === "long" ? 30 : col.kind === "item" ? 24 : col.kind === "date" ? 11 : 10;
      var most = col.kind === "long" || col.kind === "item" ? 60 : 36;
      var heading = Math.min(measure(col.label), 24);
      return Math.min(most, Math.max(least, longestWord(col.label) + 1, heading * 0.7, content + 1));
    });
  }

  /* Wide tables print across the page. */
  /** @param {OfficeTable} table */
  function landscape(table) {
    return table.columns.length >= 5 || widths(table).reduce(function (a, b) { return a + b; }, 0) > 110;
  }

  /* A sheet name Excel accepts: none of []:*?/\, no apostrophe first or last, at most 31
     characters, not "History" (Excel's own), unique in the workbook. */
  /** @param {string} title @param {Record<string, boolean>} taken */
  function sheetName(title, taken) {
    var base = String(title || "").replace(/[\[\]:*?\/\\]/g, " ").slice(0, 31).trim().replace(/^'+|'+$/g, "").trim() || "Table";
    if (base.toLowerCase() === "history") base += " (table)";
    var name = base, n = 2;
    while (Object.prototype.hasOwnProperty.call(taken, name.toLowerCase())) {
      var suffix = " (" + n + ")";
      name = base.slice(0, 31 - suffix.length) + suffix;
      n += 1;
    }
    taken[name.toLowerCase()] = true;
    return name;
  }

  /* A date typed in a date field (yyyy-mm-dd) as a date at midnight UTC, which Excel shows as
     that day; anything else stays text. */
  /** @param {string} text */
  function isoDate(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || ""));
    if (!m) return null;
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? d : null;
  }

  /* "Page {page} of {pages}" as pieces: text, and where the page number and the count go. */
  /** @param {string} pattern @returns {{ text?: string, field?: "n" | "total" }[]} */
  function pagePieces(pattern) {
    return String(pattern).split(/(\{pages?\})/).filter(Boolean).map(function (p) {
      return p === "{page}" ? { field: /** @type {"n"} */ ("n") } : p === "{pages}" ? { field: /** @type {"total"} */ ("total") } : { text: p };
    });
  }

  /* Excel's name of the nth column (1: A, 27: AA). */
  /** @param {number} n */
  function columnLetter(n) {
    var out = "";
    for (; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + (n - 1) % 26) + out;
    return out;
  }

  /** @param {OfficeTable} t */
  function blankCount(t) { return t.rows.length ? 0 : (t.blankRows === undefined ? BLANK_ROWS : t.blankRows); }

  // --- loading a library -----------------------------------------------------------------

  /** @type {Partial<Record<OfficeFileKind, Promise<void>>>} */
  var loading = {};
  /** @param {OfficeFileKind} kind @returns {Promise<void>} */
  function load(kind) {
    if (root[GLOBALS[kind]]) return Promise.resolve();
    var pending = loading[kind];
    if (pending) return pending;
    pending = loading[kind] = new Promise(function (resolve, reject) {
      var s = root.document.createElement("script");
      s.src = new URL(LIBRARIES[kind], here || root.location.href).href;
      s.onload = function () { if (root[GLOBALS[kind]]) resolve(); else reject(new Error("office-files: " + kind + " did not load")); };
      s.onerror = function () { delete loading[kind]; reject(new Error("office-files: " + kind + " could not be loaded")); };
      root.document.head.appendChild(s);
    });
    return pending;
  }

  // --- Word --------------------------------------------------------------------------------

  var TWIPS = { A4: { width: 11906, height: 16838 }, Letter: { width: 12240, height: 15840 } };
  var MARGIN = 1020;   // 18 mm

  /** @param {OfficeDoc} doc @param {OfficePaper} paper @returns {Promise<Blob>} */
  function docxBlob(doc, paper) {
    var D = root.docx;
    var wide = doc.parts.some(function (p) { return p.kind === "table" && landscape(p); });
    var size = TWIPS[paper] || TWIPS.A4;
    var textWidth = (wide ? size.height : size.width) - 2 * MARGIN;

    /* A text as paragraphs, one per line, so that a reader's line breaks stay. */
    /** @param {string} text @param {Record<string, unknown>} [run] @param {Record<string, unknown>} [para] */
    function paragraphs(text, run, para) {
      return String(text).split("\n").map(function (line) {
        return new D.Paragraph(Object.assign({ children: [new D.TextRun(Object.assign({ text: line }, run || {}))] }, para || {}));
      });
    }
    /** @param {string[]} options */
    function tickBoxes(options) { return options.map(function (o) { return "\u2610 " + o; }).join("   "); }
    var border = { style: D.BorderStyle.SINGLE, size: 4, color: "000000" };
    var borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

    /** @param {OfficeTable} t */
    function table(t) {
      var chars = widths(t), sum = chars.reduce(function (a, b) { return a + b; }, 0);
      var twips = chars.map(function (c) { return Math.floor(textWidth * c / sum); });
      /** @param {string} text @param {number} i @param {boolean} head */
      function cell(text, i, head) {
        return new D.TableCell({ width: { size: twips[i], type: D.WidthType.DXA },
                                 shading: head ? { fill: "E6E6E6", type: D.ShadingType.CLEAR, color: "auto" } : undefined,
                                 children: paragraphs(text, head ? { bold: true } : { size: 18 }) });
      }
      var rows = [new D.TableRow({ tableHeader: true, cantSplit: true,
                                   children: t.columns.map(function (c, i) { return cell(c.label, i, true); }) })];
      t.rows.forEach(function (r) {
        rows.push(new D.TableRow({ children: t.columns.map(function (c, i) { return cell(r[i] || "", i, false); }) }));
      });
      for (var n = 0; n < blankCount(t); n++) {
        rows.push(new D.TableRow({ cantSplit: true, height: { value: 720, rule: D.HeightRule.ATLEAST },
                                   children: t.columns.map(function (c, i) { return cell(c.kind === "choice" ? tickBoxes(c.options || []) : "", i, false); }) }));
      }
      return new D.Table({ rows: rows, width: { size: textWidth, type: D.WidthType.DXA }, columnWidths: twips,
                           layout: D.TableLayoutType.FIXED, borders: borders });
    }

    /** @param {OfficeField} f */
    function field(f) {
      var blank = f.value === "";
      var text = blank && f.type === "choice" ? tickBoxes(f.options || []) : f.value;
      var box = paragraphs(text);
      if (blank && f.type !== "choice") for (var n = f.type === "long" ? 4 : 1; n > 0; n--) box.push(new D.Paragraph({ children: [] }));
      return new D.Table({ width: { size: textWidth, type: D.WidthType.DXA }, columnWidths: [textWidth], borders: borders,
                           rows: [new D.TableRow({ children: [new D.TableCell({ width: { size: textWidth, type: D.WidthType.DXA }, children: box })] })] });
    }

    /** @type {any[]} */
    var body = [new D.Paragraph({ heading: D.HeadingLevel.HEADING_1, children: [new D.TextRun(doc.title)] })];
    if (doc.subtitle) body.push(new D.Paragraph({ children: [new D.TextRun({ text: doc.subtitle, bold: true })] }));
    (doc.intro || []).forEach(function (p) { body = body.concat(paragraphs(p)); });
    doc.parts.forEach(function (p) {
      if (p.kind === "text") { body = body.concat(paragraphs(p.text, p.heading ? { bold: true } : {}, p.heading ? { heading: D.HeadingLevel.HEADING_2 } : {})); return; }
      var title = p.kind === "table" ? p.title : p.label;
      if (title) body.push(new D.Paragraph({ heading: D.HeadingLevel.HEADING_2, keepNext: true, children: [new D.TextRun(title)] }));
      if (p.note) body = body.concat(paragraphs(p.note, { italics: true, size: 18 }, { keepNext: true }));
      body.push(p.kind === "table" ? table(p) : field(p));
    });

    var pageRuns = pagePieces(doc.words.page).map(function (piece) {
      return piece.field ? new D.TextRun({ children: [piece.field === "n" ? D.PageNumber.CURRENT : D.PageNumber.TOTAL_PAGES], size: 16 })
                         : new D.TextRun({ text: piece.text, size: 16 });
    });
    var header = new D.Header({ children: [new D.Paragraph({ children: [new D.TextRun({ text: doc.title + (doc.subtitle ? " \u2014 " + doc.subtitle : ""), size: 16 })] })] });
    var footer = new D.Footer({ children: (doc.footer ? paragraphs(doc.footer, { size: 14, italics: true }) : [])
      .concat([new D.Paragraph({ alignment: D.AlignmentType.RIGHT, children: pageRuns })]) });
    var language = { value: doc.language, eastAsia: doc.language, bidirectional: doc.language };
    var document = new D.Document({
      title: doc.title, subject: doc.subtitle || doc.title, creator: doc.toolkit, lastModifiedBy: doc.toolkit,
      description: doc.toolkit + " " + doc.version, keywords: doc.toolkit,
      customProperties: [{ name: "Toolkit", value: doc.toolkit }, { name: "Toolkit version", value: doc.version },
                         { name: "Language", value: doc.language }, { name: "Made", value: doc.date || new Date().toISOString() }],
      styles: { default: { document: { run: { size: 20, language: language } } } },
      sections: [{
        properties: { page: { size: { width: size.width, height: size.height, orientation: wide ? D.PageOrientation.LANDSCAPE : D.PageOrientation.PORTRAIT },
                              margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 500, footer: 500 } } },
        headers: { default: header }, footers: { default: footer }, children: body
      }]
    });
    return D.Packer.toBlob(document);
  }

  // --- Excel -------------------------------------------------------------------------------

  /* Text for a printed header or footer: "&" starts Excel's codes there. */
  /** @param {string} text */
  function hf(text) { return String(text || "").replace(/&/g, "&&"); }

  /** @param {OfficeDoc} doc @param {OfficePaper} paper @returns {Promise<Blob>} */
  function xlsxBlob(doc, paper) {
    var E = root.ExcelJS;
    var book = new E.Workbook(), made = doc.date ? new Date(doc.date) : new Date();
    book.creator = doc.toolkit; book.lastModifiedBy = doc.toolkit; book.created = made; book.modified = made;
    book.title = doc.title; book.subject = doc.subtitle || doc.title; book.keywords = doc.toolkit;
    book.description = doc.toolkit + " " + doc.version; book.language = doc.language; book.category = doc.toolkit;
    /** @type {Record<string, boolean>} */
    var taken = {};
    var footer = "&L" + hf(doc.footer || "") + "&R" + pagePieces(doc.words.page).map(function (p) {
      return p.field === "n" ? "&P" : p.field === "total" ? "&N" : hf(p.text || "");
    }).join("");
    /** @type {string[][]} */
    var lists = [];
    var needsChoices = doc.parts.some(function (p) {
      return p.kind === "table" ? p.columns.some(function (c) { return c.kind === "choice"; }) : p.kind === "field" && p.type === "choice";
    });
    var thin = { style: "thin", color: { argb: "FF000000" } }, box = { top: thin, left: thin, bottom: thin, right: thin };

    /** @param {any} sheet @param {boolean} wide @param {string} area @param {string} title */
    function pageSetup(sheet, wide, area, title) {
      sheet.pageSetup = { paperSize: paper === "Letter" ? 1 : 9, orientation: wide ? "landscape" : "portrait",
                          fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: area,
                          margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 } };
      sheet.headerFooter = { oddHeader: "&L" + hf(title) + "&R" + hf(doc.subtitle || ""), oddFooter: footer };
    }
    /** @param {any} cell @param {string} value @param {OfficeKind} kind */
    function put(cell, value, kind) {
      var date = kind === "date" ? isoDate(value) : null;
      if (date) { cell.value = date; cell.numFmt = "yyyy-mm-dd"; }
      else if (kind === "score" && /^\d+$/.test(value)) cell.value = Number(value);
      else cell.value = value === "" ? null : String(value);   // a string is never a formula for exceljs
    }
    /* A drop-down list from the hidden sheet of choices (a list written into the rule would split
       a choice at its commas, and holds 255 characters at most). */
    /** @param {string[]} options */
    function listOf(options) {
      lists.push(options);
      var letter = columnLetter(lists.length), name = choicesName.replace(/'/g, "''");
      return { type: "list", allowBlank: true, showErrorMessage: true,
               formulae: ["'" + name + "'!$" + letter + "$1:$" + letter + "$" + Math.max(options.length, 1)] };
    }

    // The first sheet: the title, the introduction and every field (question, answer); the
    // sheet of the lists is last, after the sheets people fill in.
    var about = book.addWorksheet(sheetName(doc.words.about, taken));
    var choicesName = needsChoices ? sheetName(doc.words.choices, taken) : "";
    about.getColumn(1).width = 48; about.getColumn(2).width = 80;
    about.addRow([doc.title]).font = { bold: true, size: 14 };
    if (doc.subtitle) about.addRow([doc.subtitle]).font = { bold: true };
    (doc.intro || []).concat(doc.footer ? [doc.footer] : []).forEach(function (line) {
      var row = about.addRow([line]);
      about.mergeCells(row.number, 1, row.number, 2);
      row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    });
    var fields = /** @type {OfficeField[]} */ (doc.parts.filter(function (p) { return p.kind === "field"; }));
    if (fields.length) {
      about.addRow([]);
      var head = about.addRow([doc.words.question, doc.words.answer]);
      head.font = { bold: true };
      head.eachCell(function (/** @type {any} */ c) { c.border = box; c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE6E6E6" } }; });
      fields.forEach(function (f) {
        var row = about.addRow([f.label + (f.note ? "\n" + f.note : "")]);
        put(row.getCell(2), f.value, f.type);
        row.getCell(1).alignment = row.getCell(2).alignment = { wrapText: true, vertical: "top" };
        row.getCell(1).border = row.getCell(2).border = box;
        if (f.type === "choice") row.getCell(2).dataValidation = listOf(f.options || []);
      });
    }
    pageSetup(about, false, "A1:B" + about.rowCount, doc.title);

    // A sheet per table: its header row frozen, repeated on every printed page and protected.
    doc.parts.forEach(function (p) {
      if (p.kind !== "table") return;
      var t = p, sheet = book.addWorksheet(sheetName(t.title, taken), { views: [{ state: "frozen", ySplit: 1 }] });
      var chars = widths(t), last = t.columns.length;
      t.columns.forEach(function (c, i) {
        var column = sheet.getColumn(i + 1);
        column.width = chars[i];
        column.alignment = { wrapText: true, vertical: "top" };
        if (c.kind === "date") column.numFmt = "yyyy-mm-dd";
        // Unlocked, so that people type in the columns of a protected sheet; the header and the
        // document's own items stay locked.
        if (c.kind !== "item" && c.kind !== "score") column.protection = { locked: false };
      });
      var head = sheet.getRow(1);
      t.columns.forEach(function (c, i) {
        var cell = head.getCell(i + 1);
        cell.value = c.label;
        cell.font = { bold: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE6E6E6" } };
        cell.protection = { locked: true };
        cell.alignment = { wrapText: true, vertical: "top" };
        cell.border = box;
      });
      var rows = t.rows.length ? t.rows : Array.apply(null, Array(blankCount(t))).map(function () { return t.columns.map(function () { return ""; }); });
      rows.forEach(function (r, n) {
        var row = sheet.getRow(n + 2);
        t.columns.forEach(function (c, i) {
          var cell = row.getCell(i + 1);
          put(cell, r[i] || "", c.kind);
          cell.border = box;
          cell.alignment = { wrapText: true, vertical: "top" };
          cell.protection = { locked: c.kind === "item" || c.kind === "score" };
        });
      });
      var lastRow = Math.max(rows.length + 1, 2), through = Math.max(lastRow, 200);
      t.columns.forEach(function (c, i) {
        var letter = sheet.getColumn(i + 1).letter;
        if (c.kind === "choice") sheet.dataValidations.add(letter + "2:" + letter + through, listOf(c.options || []));
        if (c.kind === "date") sheet.dataValidations.add(letter + "2:" + letter + through, { type: "date", operator: "greaterThan", allowBlank: true, showErrorMessage: true, formulae: [new Date(Date.UTC(1900, 0, 1))] });
      });
      pageSetup(sheet, landscape(t), "A1:" + sheet.getColumn(last).letter + lastRow, t.title);
      sheet.pageSetup.printTitlesRow = "1:1";
      // Protected without a password: the header cannot be typed over by mistake; rows can still
      // be added, removed, sorted and filtered, and the protection lifted from Excel's menu.
      sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatCells: true, formatColumns: true, formatRows: true,
                          insertRows: !t.columns.some(function (c) { return c.kind === "item"; }), deleteRows: true, sort: true, autoFilter: true });
    });
    if (needsChoices) {
      var choices = book.addWorksheet(choicesName, { state: "hidden" });
      lists.forEach(function (options, i) { options.forEach(function (o, r) { choices.getCell(r + 1, i + 1).value = String(o); }); });
    }
    return book.xlsx.writeBuffer().then(function (/** @type {ArrayBuffer} */ buffer) {
      return new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    });
  }

  // --- the interface -------------------------------------------------------------------------

  /** @param {OfficeDoc} doc @param {OfficeFileKind} kind @param {OfficePaper} [paper] @returns {Promise<Blob>} */
  function make(doc, kind, paper) {
    return load(kind).then(function () { return kind === "docx" ? docxBlob(doc, paper || "A4") : xlsxBlob(doc, paper || "A4"); });
  }

  /** @param {OfficeDoc} doc @param {OfficeFileKind} kind @param {OfficePaper} [paper] @returns {Promise<string>} */
  function download(doc, kind, paper) {
    return make(doc, kind, paper).then(function (blob) {
      var name = (doc.fileName || "document") + "." + kind;
      var url = URL.createObjectURL(blob), a = root.document.createElement("a");
      a.href = url; a.download = name; a.hidden = true;
      root.document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      return name;
    });
  }

  return { make: make, download: download, widths: widths, sheetName: sheetName, isoDate: isoDate, landscape: landscape };
});
