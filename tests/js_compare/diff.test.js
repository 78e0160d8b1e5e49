"use strict";

// The compare page's pairing of goals, KPIs and competencies (docs/assets/compare/diff.js).
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const diff = require(path.join(__dirname, "..", "..", "docs", "assets", "compare", "diff.js"));

const GROUPS = [
  { id: "core", name: "核心能力" },
  { id: "reference", name: "参考能力" },
  { id: "attitude", name: "态度" },
];

function position(overrides) {
  return { goals: {}, monthly: [], kpis: [], competencies: { core: [], reference: [], attitude: [] },
           ...overrides };
}

test("KPIs pair by name; a shared KPI says which of its fields differ", () => {
  const a = position({ kpis: [
    { name: "部门业绩", weight: 50, standard: ">120%为5", method: "根据业绩核算结果" },
    { name: "客户满意度", weight: 30, standard: "", method: "客户调查" },
    { name: "MBO考核", weight: 20, standard: "", method: "总经理评定" },
  ] });
  const b = position({ kpis: [
    { name: "客户满意度", weight: 30, standard: "", method: "客户调查" },
    { name: "部门 业绩", weight: 40, standard: ">120%为5", method: "根据业绩核算" },
    { name: "培训", weight: 30, standard: "", method: "" },
  ] });
  const rows = diff.compareKpis(a, b);
  assert.deepEqual(rows.map((r) => [r.a && r.a.name, r.b && r.b.name, r.mark, r.differs]), [
    ["部门业绩", "部门 业绩", "different", ["weight", "method"]],  // white space does not count
    ["客户满意度", "客户满意度", "same", []],
    ["MBO考核", null, "only-a", []],
    [null, "培训", "only-b", []],
  ]);
  assert.deepEqual(diff.count(rows), { same: 1, different: 1, "only-a": 1, "only-b": 1 });
});

test("a KPI listed twice pairs with the other side's first unused one", () => {
  const a = position({ kpis: [{ name: "x", weight: 10 }, { name: "x", weight: 20 }] });
  const b = position({ kpis: [{ name: "x", weight: 20 }] });
  assert.deepEqual(diff.compareKpis(a, b).map((r) => r.mark), ["different", "only-a"]);
});

test("goals pair within their category; the target is what may differ", () => {
  const a = position({ goals: { 客户类: [{ goal: "信息处理率", target: "100%" }],
                                内部管理类: [{ goal: "培养员工", target: "提升技能" }] } });
  const b = position({ goals: { 内部管理类: [{ goal: "培养员工", target: "提升技能" },
                                              { goal: "部门财务管理", target: "无漏洞" }],
                                学习与创新类: [{ goal: "每年3个六西格玛项目", target: "100%完成" }] } });
  const result = diff.compareGoals(a, b);
  assert.deepEqual(result.map((c) => [c.category, c.rows.map((r) => r.mark)]), [
    ["客户类", ["only-a"]],
    ["内部管理类", ["same", "only-b"]],
    ["学习与创新类", ["only-b"]],
  ]);
});

test("a goal's sub-items follow it and pair only with the same goal's sub-item", () => {
  const a = position({ goals: { 内部管理类: [
    { goal: "人力资源管理：", target: "", items: [{ goal: "考核", target: "确保公平" },
                                                  { goal: "培养", target: "提升技能" }] },
    { goal: "财务管理", target: "无漏洞", items: [{ goal: "考核", target: "确保公平" }] },
  ] } });
  const b = position({ goals: { 内部管理类: [
    { goal: "人力资源管理：", target: "", items: [{ goal: "考核", target: "确保公平、激励性" }] },
    { goal: "财务管理", target: "无漏洞" },
  ] } });
  const [{ rows }] = diff.compareGoals(a, b);
  assert.deepEqual(rows.map((r) => [(r.a || r.b).goal, (r.a || r.b).parent, r.mark, r.differs]), [
    ["人力资源管理：", undefined, "same", []],
    ["考核", "人力资源管理：", "different", ["target"]],
    ["培养", "人力资源管理：", "only-a", []],
    ["财务管理", undefined, "same", []],
    ["考核", "财务管理", "only-a", []],  // not the other goal's 考核
  ]);
  assert.deepEqual(diff.count(rows), { same: 2, different: 1, "only-a": 2, "only-b": 0 });
});

test("competencies: the same group, another group, or one side only", () => {
  const a = position({ competencies: { core: ["teamwork", "accuracy"], reference: ["listening"],
                                       attitude: ["efficient"] } });
  const b = position({ competencies: { core: ["listening"], reference: ["teamwork"],
                                       attitude: ["efficient", "thorough"] } });
  const rows = diff.compareCompetencies(a, b, GROUPS);
  assert.deepEqual(rows.map((r) => [r.id, r.a, r.b, r.mark]), [
    ["teamwork", "core", "reference", "different"],
    ["accuracy", "core", null, "only-a"],
    ["listening", "reference", "core", "different"],
    ["efficient", "attitude", "attitude", "same"],
    ["thorough", null, "attitude", "only-b"],
  ]);
});

test("a position compared with itself is the same throughout", () => {
  const a = position({ goals: { 客户类: [{ goal: "g", target: "t" }] },
                       monthly: [{ indicator: "部门业绩", target: "100%", method: "m" }],
                       kpis: [{ name: "k", weight: 100, standard: "s", method: "m" }],
                       competencies: { core: ["teamwork"], reference: [], attitude: [] } });
  const result = diff.comparePositions(a, a, GROUPS);
  const rows = [...result.goals.flatMap((c) => c.rows), ...result.monthly, ...result.kpis,
                ...result.competencies];
  assert.ok(rows.length === 4 && rows.every((r) => r.mark === "same"));
});

test("blank templates (no goals, KPIs or competencies) compare to nothing, not an error", () => {
  const result = diff.comparePositions(position({}), position({}), GROUPS);
  assert.deepEqual([result.goals, result.monthly, result.kpis, result.competencies],
                   [[], [], [], []]);
});
