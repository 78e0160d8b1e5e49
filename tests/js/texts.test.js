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

test("a KPI's message: what the actual result hits, plain; points against it, an override", () => {
  const kpi = VECTORS.positions.manager.kpis[0]; // >120% → 5, nothing below
  const typed = (points, actual = "", level = "") => ({ points, actual, level });
  assert.deepStrictEqual(texts.kpiMessage(kpi, typed("5", "130"), undefined, POINTS),
                         { text: "命中：>120% → 5 分", kind: "hit", computed: null });
  assert.deepStrictEqual(texts.kpiMessage(kpi, typed("1", "１３０％"), undefined, POINTS),
                         { text: "手工评为 1 分，按实际值（>120%）应为 5 分", kind: "override", computed: 5 });
  assert.deepStrictEqual(texts.kpiMessage(kpi, typed("", "130"), "missing", POINTS),
                         { text: "命中：>120% → 5 分（得分未填）", kind: "override", computed: 5 });
  assert.deepStrictEqual(texts.kpiMessage(kpi, typed("3", "95"), undefined, POINTS),
                         { text: "未达到评分标准所列档次，请手工评分", kind: "note", computed: null });
  assert.deepStrictEqual(texts.kpiMessage(kpi, typed("9", "130"), "out-of-range", POINTS),
                         { text: "请输入 1–5 分；按实际值应为 5 分", kind: "error", computed: null });
  assert.deepStrictEqual(texts.kpiMessage(kpi, typed("3", "很多"), undefined, POINTS),
                         { text: "实际值请输入数字", kind: "error", computed: null });
  const plain = VECTORS.positions.manager.kpis[1];
  assert.deepStrictEqual(texts.kpiMessage(plain, typed("4"), undefined, POINTS), { text: "", kind: "", computed: null });
  assert.deepStrictEqual(texts.kpiMessage(plain, typed("好"), "not-a-number", POINTS),
                         { text: "请输入数字", kind: "error", computed: null });
  const level = VECTORS.positions.ladder.kpis[2];
  assert.deepStrictEqual(texts.kpiMessage(level, typed("2", "", "较满意"), undefined, POINTS),
                         { text: "手工评为 2 分，按评价“较满意”应为 4 分", kind: "override", computed: 4 });
  assert.deepStrictEqual(texts.kpiMessage(level, typed("4", "", "较满意"), undefined, POINTS),
                         { text: "较满意 → 4 分", kind: "hit", computed: null });
});

test("the what-if in words: the projection, and what reaching the next band takes", () => {
  const data = calculatorData("manager");
  for (const [name, projection, target] of [
    ["what-if-open-items-count-as-3",
     "未评的 4 项都按 3 分计：KPI 结果 72.0，能力结果 65.0，总分 69.9（合格）。",
     "要达到「良好」（≥ 80）：所选项目共需再加 7 分，如 KPI 3「成本控制」 3→5、KPI 4「团队建设」 3→5、能力C 3→5、" +
     "能力D 3→4，届时总分 80.3（良好）。"],
    ["what-if-top-band-has-nothing-above", "所有项目都已评分：总分 100.0（优秀）。", "已是最高等级「优秀」。"],
    ["what-if-chosen-item-cannot-reach", "所有项目都已评分：总分 20.0（不合格）。",
     "所选项目全部给到 5 分，总分 25.6（不合格），仍达不到「待改进」（≥ 40）。"],
  ]) {
    const vector = VECTORS.what_if.find((v) => v.name === name);
    assert.deepStrictEqual(texts.whatIfTexts(vector.expect, data), { projection, target }, name);
  }
  assert.equal(texts.whatIfTexts(null, data), null);
});

test("a saved appraisal is named by employee and period, and when it was saved", () => {
  assert.equal(texts.appraisalName({ employee: "王五", period: "2026Q4" }), "王五 · 2026Q4");
  assert.equal(texts.appraisalName({ employee: " ", period: "" }), "（未填姓名） · （未填期间）");
  assert.match(texts.savedAt("2026-12-01T02:05:00Z"), /^12月1日 \d\d:05$/);
  assert.equal(texts.savedAt("garbage"), "");
});
