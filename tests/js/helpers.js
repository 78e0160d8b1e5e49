// Shared by the calculator's Node tests: the modules, loaded as Node modules, and calculator
// data made from the shared scoring vectors (the same shape generator/render.py writes).
"use strict";

const path = require("node:path");
const fs = require("node:fs");

const CALCULATOR = path.join(__dirname, "..", "..", "docs", "assets", "calculator");
const VECTORS = require("../vectors/scoring.json");

function load(name) {
  return require(path.join(CALCULATOR, name));
}

// A position's calculator data: data/calculator/positions/<id>.js holds this shape.
function calculatorData(positionName, overrides = {}) {
  const position = VECTORS.positions[positionName];
  const ids = VECTORS.rules.groups.flatMap((group) => position.competencies[group.id]);
  const competencies = Object.fromEntries(ids.map((id) => [id, {
    id, name: `能力${id.toUpperCase()}`, kind: position.competencies.attitude.includes(id) ? "态度" : "能力",
    definition: "", anchors: [{ rating: 5, text: "最好" }, { rating: 1, text: "最差" }],
  }]));
  return { version: "1.0", scoring: VECTORS.scoring, rules: VECTORS.rules, department: "测试部",
           position, competencies, ...overrides };
}

// Every calculator module's source: {file name: text}.
function sources() {
  return Object.fromEntries(fs.readdirSync(CALCULATOR).filter((name) => name.endsWith(".js"))
    .map((name) => [name, fs.readFileSync(path.join(CALCULATOR, name), "utf8")]));
}

module.exports = { CALCULATOR, VECTORS, load, calculatorData, sources };
