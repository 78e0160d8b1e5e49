"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load, calculatorData } = require("./helpers.js");

const { decodeState, encodeState, emptyState, stateFromForm, appraisalFromForm, appraisalFromState,
        hasContent } = load("state.js");

const MANAGER = calculatorData("manager"); // KPI 0 by actual result (>120%), a monthly indicator
const LADDER = calculatorData("ladder"); // KPI 2 by satisfaction level

test("a tampered link keeps what is valid and says what was dropped", () => {
  const params = new URLSearchParams("position=manager&v=0.1&k0=4&k1=9&k8=3&c.a=4&c.b=5" +
    "&c.nosuch=2&evil=<script>&employee=<b>钱七</b>&a0=130&a1=5&l0=好&m=2000&k2=4.0&k3=3.5");
  const { state, dropped } = decodeState(params, MANAGER);
  assert.deepStrictEqual(dropped, [
    "链接来自目录版本 0.1，当前版本为 1.0，请核对各项评分",
    "k1=9：得分须为 1–5 的整数",
    "k8=3：本岗位没有第 9 项 KPI",
    "c.nosuch=2：本岗位不考核这一项",
    "evil=<script>：无法识别",
    "a1=5：该 KPI 不按实际值评分",
    "l0=好：不是该 KPI 的评价等级",
    "m=2000：不是有效的完成率",
    "k3=3.5：得分须为 1–5 的整数",
  ]);
  assert.deepStrictEqual(state.kpis[0], { points: "4", actual: "130" });
  assert.deepStrictEqual(state.kpis[2], { points: "4" }); // 4.0 is a whole number of points
  assert.deepStrictEqual(state.ratings, { a: "4", b: "5" });
  assert.equal(state.employee, "<b>钱七</b>");
});

test("a link typed with full-width digits, decimals and a % is kept in plain numbers", () => {
  const { state, dropped } = decodeState(new URLSearchParams("k0=５&a0=１２０．５％&m=９８．５％&c.a=４"), MANAGER);
  assert.deepStrictEqual(dropped, []);
  assert.deepStrictEqual(state.kpis[0], { points: "5", actual: "120.5" });
  assert.equal(state.monthly, "98.5");
  assert.deepStrictEqual(state.ratings, { a: "4" });
  // a unit other than the KPI's is not read as it
  assert.deepStrictEqual(decodeState(new URLSearchParams("a1=3%"), LADDER).dropped, ["a1=3%：实际值不是数字"]);
  assert.deepStrictEqual(decodeState(new URLSearchParams("a1=3‰"), LADDER).state.kpis[1], { actual: "3" });
});

test("texts lose control characters and are cut at 100 characters", () => {
  const { state } = decodeState(new URLSearchParams({ rater: "李\u0000四\n", period: "季".repeat(150) }),
                                MANAGER);
  assert.equal(state.rater, "李四");
  assert.equal(state.period.length, 100);
});

test("a level, a monthly rate, and what does not apply to the position", () => {
  const { state, dropped } = decodeState(new URLSearchParams("l2=较满意&a1=3&m=50"), LADDER);
  assert.deepStrictEqual(state.kpis[2], { level: "较满意" });
  assert.deepStrictEqual(state.kpis[1], { actual: "3" });
  assert.deepStrictEqual(dropped, ["m=50：本岗位没有月度指标"]);
  assert.equal(decodeState(new URLSearchParams("m=99.5"), MANAGER).state.monthly, "99.5");
});

test("the point range of the messages and checks comes with the data", () => {
  const data = calculatorData("manager", { scoring: { ...MANAGER.scoring, points: { min: 0, max: 10 } } });
  const { state, dropped } = decodeState(new URLSearchParams("k0=0&k1=10&k2=11&c.a=0"), data);
  assert.deepStrictEqual(state.kpis.slice(0, 2), [{ points: "0" }, { points: "10" }]);
  assert.deepStrictEqual(state.ratings, { a: "0" });
  assert.deepStrictEqual(dropped, ["k2=11：得分须为 0–10 的整数"]);
});

test("the competencies a link may rate are the position's, in the groups the data names", () => {
  const data = calculatorData("manager", { rules: { ...MANAGER.rules,
    groups: MANAGER.rules.groups.filter((group) => group.id !== "attitude") } });
  const { dropped } = decodeState(new URLSearchParams("c.d=3"), data);
  assert.deepStrictEqual(dropped, ["c.d=3：本岗位不考核这一项"]);
});

test("a state survives its link", () => {
  const state = { ...emptyState("manager", "1.0"), employee: "张 三&", rater: "李四", period: "2026Q4",
                  kpis: [{ points: "5", actual: "130" }, {}, { points: "3" }], ratings: { a: "4", d: "2" },
                  monthly: "95" };
  const query = encodeState(state);
  assert.ok(query.startsWith("position=manager&v=1.0&"), query);
  const { state: back, dropped } = decodeState(new URLSearchParams(query), MANAGER);
  assert.deepStrictEqual(dropped, []);
  assert.deepStrictEqual({ ...back, kpis: Array.from(back.kpis, (entry) => entry || {}) }, state);
});

function form(overrides) {
  return { employee: "", rater: "", period: "", monthly: "",
           kpis: MANAGER.position.kpis.map(() => ({ points: "", actual: "", level: "" })),
           ratings: { a: "", b: "", c: "", d: "" }, ...overrides };
}

test("the state of a form keeps only what is valid", () => {
  const kpis = form().kpis;
  kpis[0] = { points: " 5 ", actual: "130", level: "" };
  kpis[1] = { points: "4.0", actual: "", level: "" };
  kpis[2] = { points: "9", actual: "", level: "" };
  kpis[3] = { points: "３", actual: "", level: "" };
  kpis[4] = { points: "3.5", actual: "", level: "" };
  const state = stateFromForm(MANAGER, form({ employee: "王五", monthly: "2000", kpis,
                                              ratings: { a: "4", b: "x", c: "", d: "５" } }));
  assert.deepStrictEqual(state.kpis, [{ points: "5", actual: "130" }, { points: "4" }, {}, { points: "3" }, {}]);
  assert.deepStrictEqual(state.ratings, { a: "4", d: "5" });
  assert.equal(state.monthly, "");
  assert.equal(state.employee, "王五");
  assert.equal(stateFromForm(MANAGER, form({ monthly: "87.5" })).monthly, "87.5");
  assert.equal(stateFromForm(MANAGER, form({ monthly: "１２０．５％" })).monthly, "120.5");
  const typed = form().kpis;
  typed[0] = { points: "", actual: "１３０％", level: "" };
  assert.deepStrictEqual(stateFromForm(MANAGER, form({ kpis: typed })).kpis[0], { actual: "130" });
});

test("an empty form has nothing worth keeping; any entry has", () => {
  assert.equal(hasContent(emptyState("manager", "1.0")), false);
  assert.equal(hasContent(stateFromForm(MANAGER, form())), false);
  assert.equal(hasContent(stateFromForm(MANAGER, form({ employee: " 王五 " }))), true);
  assert.equal(hasContent(stateFromForm(MANAGER, form({ ratings: { a: "4" } }))), true);
  assert.equal(hasContent({ ...emptyState("manager", "1.0"), kpis: [undefined, { points: "3" }] }), true);
});

test("a saved state is scored from its points and ratings", () => {
  const { state } = decodeState(new URLSearchParams("k0=4&a0=130&k2=5&c.a=3"), MANAGER);
  assert.deepStrictEqual(appraisalFromState(state), {
    kpis: [{ points: 4 }, null, { points: 5 }], ratings: { a: 3 },
  });
});

test("the appraisal of a form is what the scorer reads: points typed and ratings", () => {
  const kpis = form().kpis;
  kpis[0].points = "4";
  kpis[1].points = "好";
  kpis[2].points = "  ";
  assert.deepStrictEqual(appraisalFromForm(form({ kpis, ratings: { a: "3", b: "", c: "3.5", d: "x" } })), {
    kpis: [{ points: 4 }, { points: "好" }, null, null, null],
    ratings: { a: 3, c: 3.5, d: "x" },
  });
});
