"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers.js");

const { readNumber, readWhole, parseEntry, numberText, normalise } = load("numbers.js");

test("a number is digits, an optional minus and an optional fraction", () => {
  for (const [text, value] of [["4", 4], [" 4.5 ", 4.5], ["-3", -3], ["0.25", 0.25], ["007", 7],
                               ["120.50", 120.5]]) {
    assert.equal(readNumber(text), value, text);
  }
  for (const text of ["", " ", "1e3", "0x10", "4.", ".5", "+4", "1,000", "Infinity", "4 5", "四",
                      "9".repeat(400)]) {
    assert.equal(readNumber(text), null, text);
  }
});

test("full-width digits, point, minus and spaces, as a Chinese input method types them", () => {
  assert.equal(normalise("　１３０　"), "130");
  for (const [text, value] of [["１３０", 130], ["５", 5], ["１２０．５", 120.5], ["－３", -3],
                               ["\u3000４\u3000", 4]]) {
    assert.equal(readNumber(text), value, text);
  }
});

test("a trailing unit is read where one is expected, and only that unit", () => {
  assert.equal(readNumber("120.5%", "%"), 120.5);
  assert.equal(readNumber("１２０．５％", "%"), 120.5);
  assert.equal(readNumber("95 %", "%"), 95);
  assert.equal(readNumber("3‰", "‰"), 3);
  assert.equal(readNumber("3%", "‰"), null);
  assert.equal(readNumber("95%"), null); // points and ratings take no unit
  assert.equal(readNumber("%", "%"), null);
});

test("a whole number lies in the range; a whole decimal (4.0) is whole, 3.5 is not", () => {
  assert.equal(readWhole("4", 1, 5), 4);
  assert.equal(readWhole(" 5 ", 1, 5), 5);
  assert.equal(readWhole("0", 0, 10), 0);
  assert.equal(readWhole("４", 1, 5), 4);
  assert.equal(readWhole("4.0", 1, 5), 4);
  for (const text of ["3.5", "0", "6", "-1", "", "四", "5%"]) {
    assert.equal(readWhole(text, 1, 5), null, text);
  }
});

test("an entry for the scorer: empty is null, a number is a number, anything else stays text", () => {
  assert.equal(parseEntry(""), null);
  assert.equal(parseEntry("   "), null);
  assert.equal(parseEntry(" 4 "), 4);
  assert.equal(parseEntry("３"), 3);
  assert.equal(parseEntry("3.5"), 3.5);
  assert.equal(parseEntry("好"), "好");
  assert.equal(parseEntry("1e0"), "1e0");
});

test("a number read from text is kept in its plain form", () => {
  assert.equal(numberText(readNumber("１３０．０％", "%")), "130");
  assert.equal(numberText(readNumber("0.50")), "0.5");
});
