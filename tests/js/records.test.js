"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load, calculatorData } = require("./helpers.js");

const { recordOf, legacyRecord, describeResult, describe } = load("records.js");
const { columns, sortEntries } = load("teamtable.js");
const { score } = load("scoring.js");
const { decodeState, encodeState, appraisalFromState } = load("state.js");

const MANAGER = calculatorData("manager");

function scored(query) {
  const { state } = decodeState(new URLSearchParams(query), MANAGER);
  return { state, result: score(MANAGER.position, MANAGER.scoring, appraisalFromState(state), MANAGER.rules) };
}

test("a record carries what the lists show without the position's data", () => {
  const { state, result } = scored("employee=张三&period=2026Q4&rater=李四&k0=4");
  const record = recordOf(MANAGER, state, encodeState(state), result);
  assert.deepStrictEqual(Object.keys(record), ["position", "title", "department", "employee", "rater", "period",
                                               "version", "query", "saved", "summary"]);
  assert.equal(record.employee, "张三");
  assert.equal(record.query, encodeState(state));
  assert.ok(!Number.isNaN(Date.parse(record.saved)));
  assert.equal(record.summary.complete, result.complete);
  assert.equal(recordOf(MANAGER, state, "", null).summary, null);
});

test("a link of the old storage becomes a record only when it names a position", () => {
  const record = legacyRecord("position=manager&employee=王五&period=2026Q1&v=1.0");
  assert.equal(record.title, "manager");
  assert.equal(record.period, "2026Q1");
  assert.equal(record.summary, null);
  assert.equal(legacyRecord("employee=王五"), null);
});

test("a saved result in words: grade, incomplete, or nothing", () => {
  assert.equal(describeResult({ overall: "82.50", grade: "良好", complete: true }), "82.50 良好");
  assert.equal(describeResult({ overall: "40.00", grade: null, complete: false }), "40.00（不完整）");
  assert.equal(describeResult({ overall: "—", grade: null, complete: false }), "—");
  assert.match(describe({ saved: "2026-12-01T10:42:00", summary: null }), /^（12月1日 10:42 保存）$/);
});

test("the team table sorts either way, entries without a value last, ties in their order", () => {
  const cols = columns({ scoring: MANAGER.scoring });
  const employee = cols.find((c) => c.key === "employee");
  const entries = ["乙", "", "甲", "乙"].map((name, i) => ({ record: { employee: name, n: i } }));
  const order = (ascending) => sortEntries(entries, employee, ascending).map((e) => e.record.n);
  assert.deepStrictEqual(order(true), [2, 0, 3, 1]);
  assert.deepStrictEqual(order(false), [0, 3, 2, 1]);
});
