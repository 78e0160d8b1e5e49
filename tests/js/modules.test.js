// What holds across the calculator's modules: each rule has one home (the data from the
// Python side, or numbers.js for what counts as a number), and elements are found from the
// calculator's own root, never by searching the document.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { sources } = require("./helpers.js");

const SOURCES = sources();

function code(text) { // without comments, which may name a rule to explain it
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:\\])\/\/.*$/gm, "$1");
}

test("no module restates the groups, their names or the weight total", () => {
  for (const [name, text] of Object.entries(SOURCES)) {
    for (const rule of ["核心能力", "参考能力", '"core"', '"reference"', '"attitude"', "!== 100",
                        "=== 100", ">= 1 ", "< 1 "]) {
      assert.ok(!code(text).includes(rule), `${name} restates ${rule}`);
    }
  }
});

test("the number grammar is written once, in numbers.js", () => {
  const found = Object.entries(SOURCES).filter(([, text]) => /\\d\+\)?\(\\\.\\d\+\)/.test(code(text)));
  assert.deepStrictEqual(found.map(([name]) => name), ["numbers.js"]);
});

test("the document is used only to create elements, for the site config and the roots", () => {
  const allowed = new Set(["createElement", "createElementNS", "createTextNode", "head",
                           "readyState", "addEventListener", 'getElementById("__config")',
                           'getElementById("pc-calculator")', 'getElementById("pc-team")']);
  for (const [name, text] of Object.entries(SOURCES)) {
    for (const [, member, argument] of code(text).matchAll(/\bdocument\.(\w+)(\("[^"]*"\))?/g)) {
      const use = member === "getElementById" ? `${member}${argument}` : member;
      assert.ok(allowed.has(use), `${name}: document.${use}`);
    }
  }
});

test("every module is a classic script that adds itself to one namespace", () => {
  for (const [name, text] of Object.entries(SOURCES)) {
    assert.ok(!/^\s*(import|export)\b/m.test(text), `${name} is an ES module`);
    assert.ok(text.includes("PositionCalculator"), `${name} is outside the namespace`);
  }
});
