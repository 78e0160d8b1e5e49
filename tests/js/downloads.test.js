"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { VECTORS, load, calculatorData } = require("./helpers.js");

const { csvCell, appraisalRecord, appraisalCsv, fileName, teamCsv } = load("downloads.js");
const { score, whatIf } = load("scoring.js");
const { emptyState, encodeState, appraisalFromState } = load("state.js");

test("a text a spreadsheet would run as a formula gets a leading apostrophe (OWASP)", () => {
  for (const start of ["=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠"]) {
    assert.equal(csvCell(`${start}SUM(A1)`), `"'${start}SUM(A1)"`, JSON.stringify(start));
  }
  assert.equal(csvCell('=HYPERLINK("http://evil.invalid","x")'),
               '"\'=HYPERLINK(""http://evil.invalid"",""x"")"');
});

test("other cells are quoted as they are", () => {
  assert.equal(csvCell("张三"), '"张三"');
  assert.equal(csvCell("a=b"), '"a=b"');
  assert.equal(csvCell('说"好"'), '"说""好"""');
  assert.equal(csvCell(-3), '"-3"'); // a number is not text a person typed
  assert.equal(csvCell(1.2), '"1.2"');
  assert.equal(csvCell(null), '""');
  assert.equal(csvCell(undefined), '""');
});

function appraisal() {
  const data = calculatorData("manager");
  const state = { ...emptyState("manager", "1.0"), employee: "=cmd|'/C calc'!A0", rater: "李四",
                  period: "2026Q4", monthly: "95", ratings: { a: "4", b: "3", c: "5", d: "2" },
                  kpis: [{ points: "4", actual: "130" }, { points: "3" }, { points: "5" }, {}, { points: "4" }] };
  const entries = { kpis: state.kpis.map((e) => (e.points ? { points: Number(e.points) } : null)),
                    ratings: { a: 4, b: 3, c: 5, d: 2 } };
  const result = score(data.position, data.scoring, entries, data.rules);
  const what = whatIf(data.position, data.scoring, entries, data.rules);
  return { data, state, result, record: appraisalRecord(data, state, result, what) };
}

test("the JSON record carries what the link carries, and reads back in `python -m generator score`", () => {
  const { record, state } = appraisal();
  assert.equal(record.format, "position-appraisal/2");
  assert.deepStrictEqual([record.position, record.title, record.department, record.version],
                         ["manager", "经理", "测试部", "1.0"]);
  assert.deepStrictEqual([record.employee, record.rater, record.period], [state.employee, "李四", "2026Q4"]);
  assert.equal(record.link, `?${encodeState(state)}`);
  assert.equal(record.monthly, 95);
  assert.equal(record.monthly_indicator, "月度任务完成率");
  // points win over the actual result when both are there, as in the scorers
  assert.deepStrictEqual(record.kpis, [{ points: 4, actual: 130 }, { points: 3 }, { points: 5 }, null, { points: 4 }]);
  assert.deepStrictEqual(record.ratings, { a: 4, b: 3, c: 5, d: 2 });
  assert.equal(record.result.complete, false);
  assert.equal(record.what_if.fill, 3);
  assert.equal(fileName(record, "json"), "考核表-经理-=cmd|'/C calc'!A0-2026Q4.json");
});

test("every result has a label that says its scale", () => {
  const { record } = appraisal();
  assert.deepStrictEqual(Object.fromEntries(Object.entries(record.results).map(([k, v]) => [k, v.label])), {
    kpi_on5: "KPI 结果（5 分制）", kpi_on100: "KPI 结果（百分制）",
    core_on5: "核心能力均分（5 分制）", reference_on5: "参考能力均分（5 分制）", attitude_on5: "态度均分（5 分制）",
    ability_on5: "能力结果（5 分制）", ability_on100: "能力结果（百分制）", overall: "总分（百分制）",
    grade: "等级", complete: "评分完整",
  });
  // (50×4 + 20×3 + 10×5 + 10×4)/90 = 3.888… → 77.8; core 3.5, reference 5, attitude 2 → 3.65 → 73.0
  assert.deepStrictEqual(Object.fromEntries(Object.entries(record.results).map(([k, v]) => [k, v.value])), {
    kpi_on5: 3.89, kpi_on100: 77.8, core_on5: 3.5, reference_on5: 5, attitude_on5: 2,
    ability_on5: 3.65, ability_on100: 73, overall: 76.3, grade: null, complete: false,
  });
});

test("a KPI's points against its actual result are an override, with what the standard gives", () => {
  const data = calculatorData("manager");
  const state = { ...emptyState("manager", "1.0"), kpis: [{ points: "1", actual: "130" }] };
  const result = score(data.position, data.scoring, { kpis: [{ points: 1 }] }, data.rules);
  const [row] = appraisalRecord(data, state, result).kpi_details;
  assert.deepStrictEqual(row, { number: 1, name: "部门业绩", weight: 50, actual: 130, unit: "%", level: null,
                                points: 1, points_from_standard: 5, manual_override: true, weighted: 0.5 });
});

test("the CSV lists entries and results in columns that say their scale, formulas neutralised", () => {
  const { data, record } = appraisal();
  const text = appraisalCsv(record, data);
  assert.ok(text.startsWith("\ufeff"));
  const lines = text.slice(1).split("\r\n");
  assert.equal(lines.pop(), "");
  const blank = (...cells) => [...cells, ...Array(10 - cells.length).fill("")].map((c) => `"${c}"`).join(",");
  assert.deepStrictEqual(lines, [
    '"项目","名称 / 内容","权重 %","实际值","单位","评价等级","得分（1–5 分）","按标准应得（1–5 分）","加权得分（5 分制）","备注"',
    blank("岗位", "经理"), blank("部门", "测试部"), blank("目录版本", "1.0"),
    blank("被考核人", "'=cmd|'/C calc'!A0"), blank("考核人", "李四"), blank("考核期间", "2026Q4"),
    blank("月度任务完成率", "月度任务完成率", "", "95", "%"),
    '"KPI 1","部门业绩","50","130","%","","4","5","2","手工调整（按标准应为 5 分）"',
    '"KPI 2","客户满意度","20","","","","3","","0.6",""',
    '"KPI 3","成本控制","10","","","","5","","0.5",""',
    '"KPI 4","团队建设","10","","","","","","",""',
    '"KPI 5","制度执行","10","","","","4","","0.4",""',
    blank("核心能力", "能力A", "", "", "", "", "4"), blank("核心能力", "能力B", "", "", "", "", "3"),
    blank("参考能力", "能力C", "", "", "", "", "5"), blank("态度", "能力D", "", "", "", "", "2"),
    blank("KPI 结果（5 分制）", "3.89"), blank("KPI 结果（百分制）", "77.8"),
    blank("核心能力均分（5 分制）", "3.5"), blank("参考能力均分（5 分制）", "5"), blank("态度均分（5 分制）", "2"),
    blank("能力结果（5 分制）", "3.65"), blank("能力结果（百分制）", "73"), blank("总分（百分制）", "76.3"),
    blank("等级", ""), blank("评分完整", "否"),
  ]);
});

test("the team CSV has one row per appraisal in the columns `score` reads, results after", () => {
  const { data, state, result } = appraisal();
  const ladder = calculatorData("ladder");
  const ladderState = { ...emptyState("ladder", "1.0"), employee: "赵六", period: "2026Q4",
                        kpis: [{ actual: "-5" }, { points: "5", actual: "3" }, { points: "4", level: "较满意" }],
                        ratings: { a: "5" } };
  const ladderResult = score(ladder.position, ladder.scoring, appraisalFromState(ladderState), ladder.rules);
  const lines = teamCsv([{ data, state, result }, { data: ladder, state: ladderState, result: ladderResult }])
    .slice(1).split("\r\n");
  assert.equal(lines[0], ["position", "title", "department", "employee", "rater", "period", "version", "monthly",
    "kpi1", "kpi1_actual", "kpi2", "kpi2_actual", "kpi3", "kpi3_actual", "kpi4", "kpi4_actual", "kpi5", "kpi5_actual",
    "a", "b", "c", "d", "kpi_on5", "kpi_on100", "core_on5", "reference_on5", "attitude_on5", "ability_on5",
    "ability_on100", "overall", "grade", "complete"].map((c) => `"${c}"`).join(","));
  assert.equal(lines[1], ['manager', '经理', '测试部', "'=cmd|'/C calc'!A0", "李四", "2026Q4", "1.0", "95",
    "4", "130", "3", "", "5", "", "", "", "4", "", "4", "3", "5", "2",
    "3.89", "77.8", "3.5", "5", "2", "3.65", "73", "76.3", "", "否"].map((c) => `"${c}"`).join(","));
  // a negative actual result is a number, not text to neutralise; a level goes in the actual column
  assert.ok(lines[2].startsWith('"ladder","主管","测试部","赵六","","2026Q4","1.0","","","-5","5","3","4","较满意","","","","",'),
            lines[2]);
});
