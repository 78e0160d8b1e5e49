"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers.js");

const { readNumber, readWhole, parseEntry } = load("numbers.js");

test("a number is digits, an optional minus and an optional fraction", () => {
  for (const [text, value] of [["4", 4], [" 4.5 ", 4.5], ["-3", -3], ["0.25", 0.25], ["007", 7]]) {
    assert.equal(readNumber(text), value, text);
  }
  for (const text of ["", " ", "1e3", "0x10", "4.", ".5", "+4", "1,000", "４", "Infinity", "4 5",
                      "9".repeat(400)]) {
    assert.equal(readNumber(text), null, text);
  }
});

test("a whole number is written without a fraction and lies in the range", () => {
  assert.equal(readWhole("4", 1, 5), 4);
  assert.equal(readWhole(" 5 ", 1, 5), 5);
  assert.equal(readWhole("0", 0, 10), 0);
  for (const text of ["4.0", "3.5", "0", "6", "-1", "", "四"]) {
    assert.equal(readWhole(text, 1, 5), null, text);
  }
});

test("an entry for the scorer: empty is null, a number is a number, anything else stays text", () => {
  assert.equal(parseEntry(""), null);
  assert.equal(parseEntry("   "), null);
  assert.equal(parseEntry(" 4 "), 4);
  assert.equal(parseEntry("3.5"), 3.5);
  assert.equal(parseEntry("好"), "好");
  assert.equal(parseEntry("1e0"), "1e0");
});
