// The light version is offered on a slow connection or when data is to be saved, never
// otherwise (docs/assets/js/light-offer.js): node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { slow } = require("../../docs/assets/js/light-offer.js");

test("2G and saving data are slow; 3G, 4G and an unknown connection are not", () => {
  assert.equal(slow({ effectiveType: "slow-2g" }), true);
  assert.equal(slow({ effectiveType: "2g" }), true);
  assert.equal(slow({ effectiveType: "4g", saveData: true }), true);
  assert.equal(slow({ effectiveType: "3g" }), false);
  assert.equal(slow({ effectiveType: "4g", saveData: false }), false);
  assert.equal(slow({}), false);
  assert.equal(slow(undefined), false);
  assert.equal(slow(null), false);
});
