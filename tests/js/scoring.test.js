"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { VECTORS, load } = require("./helpers.js");

const { score, tierPoints, roundHalfUp, whatIf, middlePoints } = load("scoring.js");

for (const vector of VECTORS.cases) {
  const how = vector.worked ? "worked by hand" : "agrees with generator/scoring/score.py";
  test(`shared vector ${vector.name} (${how})`, () => {
    const position = VECTORS.positions[vector.position];
    assert.deepStrictEqual(score(position, VECTORS.scoring, vector.appraisal, VECTORS.rules),
                           vector.expect);
  });
}

for (const vector of VECTORS.what_if) {
  const how = vector.worked ? "worked by hand" : "agrees with generator/scoring/score.py";
  test(`shared what-if vector ${vector.name} (${how})`, () => {
    const position = VECTORS.positions[vector.position];
    assert.deepStrictEqual(whatIf(position, VECTORS.scoring, vector.appraisal, VECTORS.rules,
                                  vector.options), vector.expect);
  });
}

test("the default fill is the middle of the scale the settings give", () => {
  assert.equal(middlePoints(VECTORS.scoring), 3);
  assert.equal(middlePoints({ points: { min: 0, max: 10 } }), 5);
});

test("at least ten vectors are worked by hand", () => {
  assert.ok(VECTORS.cases.filter((vector) => vector.worked).length >= 10);
});

test("the weight total comes with the data, not from the script", () => {
  const eighty = VECTORS.positions.eighty;
  const appraisal = { kpis: [{ points: 5 }, { points: 4 }, { points: 3 }] };
  assert.deepStrictEqual(score(eighty, VECTORS.scoring, appraisal, VECTORS.rules).warnings,
                         ["weights-not-100"]);
  const rules = { ...VECTORS.rules, weight_total: 80 };
  assert.deepStrictEqual(score(eighty, VECTORS.scoring, appraisal, rules).warnings, []);
});

test("the groups come with the data: a group the rules do not name is not scored", () => {
  const manager = VECTORS.positions.manager;
  const appraisal = { kpis: [5, 5, 5, 5, 5].map((points) => ({ points })),
                      ratings: { a: 5, b: 5, c: 1, d: 1 } };
  const rules = { ...VECTORS.rules, groups: VECTORS.rules.groups.filter((g) => g.id === "core") };
  const result = score(manager, VECTORS.scoring, appraisal, rules);
  assert.deepStrictEqual(result.groups, { core: 5 });
  assert.deepStrictEqual(result.ability, { on5: 5, on100: 100 });
});

test("the point range comes with the settings", () => {
  const halves = VECTORS.positions.halves;
  const scoring = { ...VECTORS.scoring, points: { min: 0, max: 10 } };
  const result = score(halves, scoring, { kpis: [{ points: 0 }, { points: 10 }],
                                          ratings: { a: 0, c: 10 } }, VECTORS.rules);
  assert.deepStrictEqual(result.errors, { kpis: {}, competencies: {} });
  assert.deepStrictEqual(result.kpi, { on5: 5, on100: 50 }); // (50×0 + 50×10)/100 on 10
});

test("rounding is half up on the decimal form", () => {
  for (const [value, decimals, expected] of [[89.25, 1, 89.3], [4.125, 2, 4.13], [1.005, 2, 1.01],
                                             [2.675, 2, 2.68], [0.05, 1, 0.1], [74, 1, 74]]) {
    assert.equal(roundHalfUp(value, decimals), expected, `${value}`);
  }
});

test("a ladder with lost thresholds only decides where it can", () => {
  const ladder = VECTORS.positions.ladder.kpis[0].scale;
  assert.deepStrictEqual(tierPoints(ladder, 100), { points: 5, tier: 0 });
  assert.deepStrictEqual(tierPoints(ladder, 99.5), { points: null, reason: "lost-threshold" });
  assert.deepStrictEqual(tierPoints(ladder, 10), { points: null, reason: "lost-threshold" });
  const plain = { kind: "tiers", unit: "%", otherwise: 1, tiers: [{ op: ">=", value: 90, points: 5 }] };
  assert.deepStrictEqual(tierPoints(plain, 50), { points: 1, tier: "otherwise" });
});
