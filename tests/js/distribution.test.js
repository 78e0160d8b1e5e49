"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { VECTORS, load } = require("./helpers.js");

const { gradeDistribution, distributionWarnings, distributionLabel, percentText } = load("distribution.js");

const GUIDED = { ...VECTORS.scoring, grades: VECTORS.scoring.grades.map((band) =>
  band.name === "优秀" ? { ...band, max_percent: 20 } : band) };
const results = (...grades) => grades.map((grade) => ({ grade, complete: grade !== null }));

test("each grade's share of the graded appraisals; incomplete ones are counted apart", () => {
  const found = gradeDistribution(GUIDED, results("优秀", "优秀", "良好", "合格", "良好", null));
  assert.equal(found.graded, 5);
  assert.equal(found.incomplete, 1);
  assert.deepStrictEqual(found.bands.map((b) => [b.name, b.count, b.percent, b.limit, b.over]), [
    ["优秀", 2, 40, 20, true], ["良好", 2, 40, null, false], ["合格", 1, 20, null, false],
    ["待改进", 0, 0, null, false], ["不合格", 0, 0, null, false],
  ]);
  assert.deepStrictEqual(distributionWarnings(found), ["「优秀」占 40%（2 / 5 份），超过公司指导的上限 20%。"]);
  assert.equal(distributionLabel(found), "等级分布（已评定 5 份）：优秀 2 份（40%，上限 20%），良好 2 份（40%），" +
    "合格 1 份（20%），待改进 0 份（0%），不合格 0 份（0%）");
});

test("at the guidance is not over it; without guidance nothing is over", () => {
  const atLimit = gradeDistribution(GUIDED, results("优秀", "良好", "良好", "良好", "合格"));
  assert.deepStrictEqual(distributionWarnings(atLimit), []);
  assert.deepStrictEqual(distributionWarnings(gradeDistribution(VECTORS.scoring, results("优秀", "优秀"))), []);
  assert.deepStrictEqual(distributionWarnings(gradeDistribution(GUIDED, [])), []);
});

test("percentages read as people write them", () => {
  assert.equal(percentText(20), "20%");
  assert.equal(percentText(100 / 3), "33.3%");
});
