"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { VECTORS, load, calculatorData } = require("./helpers.js");

const { csvCell, appraisalRecord, appraisalCsv, fileName } = load("downloads.js");
const { score } = load("scoring.js");
const { emptyState } = load("state.js");

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
                  kpis: [{ points: "4", actual: "110" }, { points: "3" }, { points: "5" }, {}, { points: "4" }] };
  const entries = { kpis: state.kpis.map((e) => (e.points ? { points: Number(e.points) } : null)),
                    ratings: { a: 4, b: 3, c: 5, d: 2 } };
  const result = score(data.position, data.scoring, entries, data.rules);
  return { data, record: appraisalRecord(data, state, result) };
}

test("the JSON record is what `python -m generator score` reads back", () => {
  const { record } = appraisal();
  assert.equal(record.format, "position-appraisal/1");
  assert.deepStrictEqual([record.position, record.title, record.department, record.version],
                         ["manager", "经理", "测试部", "1.0"]);
  assert.equal(record.monthly, 95);
  assert.deepStrictEqual(record.kpis, [{ points: 4 }, { points: 3 }, { points: 5 }, null, { points: 4 }]);
  assert.deepStrictEqual(record.ratings, { a: 4, b: 3, c: 5, d: 2 });
  assert.equal(record.result.complete, false);
  assert.equal(fileName(record, "json"), "考核表-经理-=cmd|'/C calc'!A0.json");
});

test("the CSV lists the entries and results, for a spreadsheet, with formulas neutralised", () => {
  const { data, record } = appraisal();
  const text = appraisalCsv(record, data);
  assert.ok(text.startsWith("\ufeff"));
  const lines = text.slice(1).split("\r\n");
  assert.equal(lines.pop(), "");
  assert.deepStrictEqual(lines, [
    '"项目","名称","权重","得分","加权得分"',
    '"岗位","经理","","",""',
    '"被考核人","\'=cmd|\'/C calc\'!A0","","",""',
    '"考核人","李四","","",""',
    '"考核期间","2026Q4","","",""',
    '"KPI 1","部门业绩","50","4","2"',
    '"KPI 2","客户满意度","20","3","0.6"',
    '"KPI 3","成本控制","10","5","0.5"',
    '"KPI 4","团队建设","10","",""',
    '"KPI 5","制度执行","10","4","0.4"',
    '"能力","能力A","","4",""',
    '"能力","能力B","","3",""',
    '"能力","能力C","","5",""',
    '"态度","能力D","","2",""',
    // (50×4 + 20×3 + 10×5 + 10×4)/90 = 3.888… → 77.8; ability 3.65 → 73.0
    '"KPI 结果","","","77.8",""',
    '"能力结果","","","73",""',
    '"总分","","","76.3",""',
    '"等级","不完整","","",""',
  ]);
});
