"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers.js");

const { plainText } = load("dom.js");

test("invisible formatting characters never reach the page", () => {
  // right-to-left override, zero-width space and joiner, isolates, word joiner, BOM
  assert.equal(plainText("出\u202e纳\u200b\u200d\u2066员\u2069\u2060\ufeff"), "出纳员");
  assert.equal(plainText("a\u200fb\u200ec"), "abc");
});

test("visible text is kept as it is, markup included (it is set as text)", () => {
  assert.equal(plainText("<b>钱七</b> & 5 > 3"), "<b>钱七</b> & 5 > 3");
  assert.equal(plainText(42), "42");
});
