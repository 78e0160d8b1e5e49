"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { VECTORS, load, calculatorData } = require("./helpers.js");

const texts = load("texts.js");
const { score } = load("scoring.js");

const POINTS = VECTORS.scoring.points;

function scored(name) {
  const vector = VECTORS.cases.find((c) => c.name === name);
  const data = calculatorData(vector.position);
  return { data, appraisal: vector.appraisal,
           result: score(data.position, data.scoring, vector.appraisal, data.rules) };
}

test("an empty input is not an error until something is typed into it", () => {
  assert.deepStrictEqual(texts.entryMessage(undefined, "4", POINTS), { text: "", invalid: false });
  assert.deepStrictEqual(texts.entryMessage("missing", "", POINTS), { text: "", invalid: false });
  assert.deepStrictEqual(texts.entryMessage("missing", " ", POINTS), { text: "未填写", invalid: true });
  assert.deepStrictEqual(texts.entryMessage("not-whole", "3.5", POINTS), { text: "请输入整数", invalid: true });
});

test("out of range names the company's point range", () => {
  assert.equal(texts.entryMessage("out-of-range", "7", POINTS).text, "请输入 1–5 分");
  assert.equal(texts.entryMessage("out-of-range", "11", { min: 0, max: 10 }).text, "请输入 0–10 分");
});

test("an actual result says which tier it hits", () => {
  const above120 = VECTORS.positions.manager.kpis[0].scale;
  const ladder = VECTORS.positions.ladder.kpis[0].scale;
  const permille = VECTORS.positions.ladder.kpis[1].scale;
  assert.equal(texts.actualMessage(above120, ""), null);
  assert.equal(texts.actualMessage(above120, " 130 "), "命中：>120% → 5 分");
  assert.equal(texts.actualMessage(permille, "3"), "命中：<5‰ → 5 分");
  assert.equal(texts.actualMessage(above120, "95"), "未达到评分标准所列档次，请手工评分");
  assert.equal(texts.actualMessage(ladder, "99.5"), "原文缺失该档阈值，请手工评分");
  assert.equal(texts.actualMessage(above120, "很多"), "实际值请输入数字");
  const otherwise = { kind: "tiers", unit: "%", otherwise: 1, tiers: [{ op: ">=", value: 90, points: 5 }] };
  assert.equal(texts.actualMessage(otherwise, "50"), "命中：其余情况 → 1 分");
});

test("the result lines of a complete appraisal", () => {
  const { data, result } = scored("mixed-marks");
  assert.deepStrictEqual(texts.resultTexts(result, data), {
    kpi: "3.70 / 5（74.0 / 100）", "group-core": "3.5", "group-reference": "5.0",
    "group-attitude": "2.0", ability: "3.65 / 5（73.0 / 100）", overall: "73.7", grade: "合格",
  });
  assert.deepStrictEqual(texts.resultWarnings(result, data.rules), []);
  assert.equal(texts.weightedText(result.kpis[1], data.scoring.decimals), "0.60");
});

test("an incomplete appraisal says so, and only the groups the position rates are listed", () => {
  const { data, result } = scored("ladder-known-middle-tier-behind-lost-threshold");
  assert.deepStrictEqual(texts.resultTexts(result, data), {
    kpi: "4.00 / 5（80.0 / 100）", "group-core": "5.0", "group-attitude": "4.0",
    ability: "4.71 / 5（94.3 / 100）", overall: "84.3（不完整）", grade: "不完整，暂不评定",
  });
  assert.deepStrictEqual(texts.resultWarnings(result, data.rules), ["评分不完整：请补全或更正标出的项目。"]);
  assert.equal(texts.weightedText(result.kpis[0], data.scoring.decimals), "—");
});

test("the weight warning names the weight total of the rules", () => {
  const { data, result } = scored("weights-add-to-80-no-rescale");
  assert.deepStrictEqual(texts.resultWarnings(result, data.rules),
                         ["本岗位 KPI 权重合计不是 100，按原文权重计算，未作折算。"]);
  assert.deepStrictEqual(texts.resultWarnings(result, { ...data.rules, weight_total: 1 }),
                         ["本岗位 KPI 权重合计不是 1，按原文权重计算，未作折算。"]);
  assert.deepStrictEqual(texts.resultTexts(result, data).ability, "—");
});

test("a draft says it cannot be scored, and nothing else", () => {
  const { data, result } = scored("draft-cannot-be-scored");
  assert.deepStrictEqual(texts.resultWarnings(result, data.rules),
                         ["该岗位在原文中是空白模板（待补充），无法评分。"]);
});

test("the chart shows each rated item once, with its rating only if it counts", () => {
  const { data, appraisal, result } = scored("rating-out-of-range");
  const rows = texts.chartRows(data, appraisal, result);
  assert.deepStrictEqual(rows, [{ name: "能力A", value: null }, { name: "能力B", value: 4 },
                                { name: "能力C", value: 4 }, { name: "能力D", value: 4 }]);
  assert.equal(texts.chartLabel(rows), "能力与态度评分图：能力A 未评，能力B 4，能力C 4，能力D 4");
});

test("the chart's lowest rating is the company's, not 1", () => {
  const data = calculatorData("halves", { scoring: { ...VECTORS.scoring, points: { min: 0, max: 5 } } });
  const appraisal = { kpis: [{ points: 0 }, { points: 0 }], ratings: { a: 0, c: 5 } };
  const result = score(data.position, data.scoring, appraisal, data.rules);
  assert.equal(texts.chartLabel(texts.chartRows(data, appraisal, result)), "能力与态度评分图：能力A 0，能力C 5");
});
