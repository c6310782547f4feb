// How long the largest CSV file a tool accepts takes to read on the main thread (issue 20: "large
// CSVs parsed off the main thread or in chunks"): the contract's csv_bytes (256 KB) as 1,000 rows
// of long cells with quotes, read by the data layer's parser and a worksheet's table reader, and
// a file of 8,000 short rows refused. Run: node bench/csv_parse.js (figures: bench/results.md).
"use strict";
const Layer = require("../docs/assets/js/data-layer.js");
const Core = require("../docs/assets/js/worksheet-core.js");
const contract = require("../macros/site/storage.json");

const limits = contract.limits;
const table = { id: "actions", fixed: [], columns: [{ id: "action", heading: "Action" }, { id: "owner", heading: "Owner" }] };
const cell = "\"" + "A long, \"quoted\" action; ".repeat(9).slice(0, 220) + "\"";
let full = "row,Action,Owner\r\n";
for (let i = 0; full.length + cell.length * 2 + 10 < limits.csv_bytes && i < limits.rows; i++) full += `,${cell},${cell}\r\n`;
let many = "row,Action,Owner\r\n";
for (let i = 0; i < 8000; i++) many += `,Action ${i},Owner ${i}\r\n`;

function time(label, fn) {
  const runs = [];
  for (let i = 0; i < 7; i++) { const t = process.hrtime.bigint(); fn(); runs.push(Number(process.hrtime.bigint() - t) / 1e6); }
  runs.sort((a, b) => a - b);
  console.log(`${label}: median ${runs[3].toFixed(1)} ms, slowest ${runs[6].toFixed(1)} ms`);
}
console.log(`largest accepted: ${full.length} characters, ${full.split("\r\n").length - 2} rows; refused: ${many.length} characters, 8000 rows`);
time("parseCSV, largest accepted", () => Layer.parseCSV(full, limits.rows));
time("csvRows (parse and check), largest accepted", () => Core.csvRows(full, table, limits));
time("csvRows, 8,000 rows refused", () => Core.csvRows(many, table, limits));
