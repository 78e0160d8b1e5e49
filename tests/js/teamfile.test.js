"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load, calculatorData } = require("./helpers.js");

const { parseCsv, unneutralise, fromCsv, fromJson, readTeamFile, itemParams } = load("teamfile.js");
const { teamCsv, teamJson } = load("downloads.js");
const { score } = load("scoring.js");
const { emptyState, decodeState, appraisalFromState } = load("state.js");

const MANAGER = calculatorData("manager");
const LADDER = calculatorData("ladder");
const SETTINGS = { scoring: MANAGER.scoring, rules: MANAGER.rules };

function entry(data, query) {
  const { state } = decodeState(new URLSearchParams(query), data);
  return { data, state, result: score(data.position, data.scoring, appraisalFromState(state), data.rules) };
}

const TEAM = [
  entry(MANAGER, "employee=%3D%E5%BC%A0%E4%B8%89&period=2026Q4&rater=李四&m=95&k0=4&a0=130&k1=3&c.a=4&c.d=2"),
  entry(LADDER, "employee=王五&period=2026Q4&a0=-5&k1=5&a1=3&k2=4&l2=较满意&c.a=5"),
];

test("CSV records: quotes, doubled quotes, line breaks in a cell, CRLF and a byte order mark", () => {
  const { records, error } = parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\n"two\nlines",\r\n');
  assert.equal(error, null);
  assert.deepStrictEqual(records, [
    { number: 1, cells: ["a", "b"] }, { number: 2, cells: ["x, y", 'say "hi"'] },
    { number: 3, cells: ["two\nlines", ""] },
  ]);
  assert.deepStrictEqual(parseCsv('a\n"open').error, "第 2 行：引号没有闭合");
});

test("a formula neutralised on export is given back as typed", () => {
  assert.equal(unneutralise("'=张三"), "=张三");
  assert.equal(unneutralise("'-5"), "-5");
  assert.equal(unneutralise("'quoted'"), "'quoted'");
});

test("the team CSV reads back into the same appraisals", () => {
  const { items, problems } = fromCsv(teamCsv(TEAM), SETTINGS);
  assert.deepStrictEqual(problems, []);
  const back = items.map((item, i) => decodeState(itemParams(item, TEAM[i].data), TEAM[i].data));
  assert.deepStrictEqual(back.map((b) => b.dropped), [[], []]);
  assert.deepStrictEqual(back.map((b) => b.state), TEAM.map((e) => e.state));
  assert.deepStrictEqual(items.map((item) => [item.row, item.version]), [[2, "1.0"], [3, "1.0"]]);
});

test("the JSON backup reads back into the same appraisals, and so does one record", () => {
  const text = teamJson(TEAM);
  const { items, problems } = readTeamFile("团队考核.json", text, SETTINGS);
  assert.deepStrictEqual(problems, []);
  const back = items.map((item, i) => decodeState(itemParams(item, TEAM[i].data), TEAM[i].data).state);
  assert.deepStrictEqual(back, TEAM.map((e) => e.state));
  const one = fromJson(JSON.stringify(JSON.parse(text)[0]));
  assert.equal(one.items.length, 1);
  assert.equal(readTeamFile("x.txt", text, SETTINGS).items.length, 2); // known by its first character
});

test("every bad row is reported with its number; the good ones are still read", () => {
  const csv = "position,employee,period,kpi1,kpi0,nosuch,,extra\n" +
              "manager,张三,2026Q4,4,,,,\n" +
              "\n" +
              "manager,李四,2026Q4,,3,,,\n" +
              "manager,王五,2026Q4,,,,x,\n" +
              "manager,赵六,2026Q4,4,,,,,surplus\n";
  const { items, problems } = fromCsv(csv, SETTINGS);
  assert.deepStrictEqual(problems, []);
  assert.deepStrictEqual(items.map((item) => [item.row, item.problems]), [
    [2, []],
    [4, ["无法识别的列“kpi0”"]],
    [5, ["无法识别的列“第 7 列”"]],
    [6, ["单元格比列名多"]],
  ]);
  // a competency column is checked against the position when it is decoded
  const params = itemParams(fromCsv("position,nosuch\nmanager,3\n", SETTINGS).items[0], MANAGER);
  assert.deepStrictEqual(decodeState(params, MANAGER).dropped, ["c.nosuch=3：本岗位不考核这一项"]);
});

test("a file that is not a team file says so once", () => {
  assert.deepStrictEqual(fromCsv("", SETTINGS).problems, ["文件是空的"]);
  assert.match(fromCsv("name,score\n张三,4\n", SETTINGS).problems[0], /^第 1 行须是列名：position/);
  assert.deepStrictEqual(fromCsv("position,kpi1,kpi1\nmanager,1,2\n", SETTINGS).problems,
                         ["第 1 行：“kpi1”列出现了两次（第 2 列和第 3 列）"]);
  assert.match(fromJson("{not json").problems[0], /^不是有效的 JSON：/);
  assert.deepStrictEqual(fromJson('[1, {"position": "manager", "kpis": {"points": 4}, "ratings": []}]')
    .items.map((item) => item.problems), [["不是一份考核（应为 JSON 对象）"], ["kpis 应为列表", "ratings 应为对象"]]);
});

test("an actual column is a level where the KPI's scale is named", () => {
  const { items } = fromCsv("position,kpi3_actual,kpi1_actual\nladder,较满意,１２０％\n", SETTINGS);
  assert.equal(itemParams(items[0], LADDER).toString(),
               `position=ladder&a0=${encodeURIComponent("１２０％")}&l2=${encodeURIComponent("较满意")}`);
});

test("an empty state (no entries) decodes from an empty row of a known position", () => {
  const { items } = fromCsv("position,employee\nmanager,\n", SETTINGS);
  assert.deepStrictEqual(decodeState(itemParams(items[0], MANAGER), MANAGER).state, emptyState("manager", "1.0"));
});
