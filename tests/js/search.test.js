"use strict";

// The search's pure parts (docs/assets/search/segment.js and engine.js); the whole engine on
// real indexes is tested from Python (tests/test_search_index.py, bench/search_query.js).
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const assets = path.join(__dirname, "..", "..", "docs", "assets", "search");
const segment = require(path.join(assets, "segment.js"));
const engine = require(path.join(assets, "engine.js"));

test("a query is cut into bigrams and words, a lone character stands for itself", () => {
  assert.deepEqual(segment.queryTokens("掉线率"), ["掉线", "线率"]);
  assert.deepEqual(segment.queryTokens("ＫＰＩ指标"), ["kpi", "指标"]);
  assert.deepEqual(segment.queryTokens("出"), ["出"]);
  assert.deepEqual(segment.queryTokens("团队\u200b合作"), ["团队", "队合", "合作"]);
  assert.deepEqual(segment.terms("  出纳　准确率 "), ["出纳", "准确率"]);
  assert.deepEqual(segment.terms("，。"), []);
});

test("the folded text maps back to the original, punctuation and spaces skipped", () => {
  const { folded, starts, ends } = segment.mapped("新产品、ＭＩＳ 开发");
  assert.equal(folded, "新产品mis开发");
  assert.equal(starts.length, folded.length);
  assert.deepEqual([starts[3], ends[5]], [4, 7]); // "ＭＩＳ" in the original
});

test("marks cover each occurrence once, merged where they overlap", () => {
  assert.deepEqual(engine.marks("财务部收入出纳", ["出纳"]), [[5, 7]]);
  assert.deepEqual(engine.marks("出纳、出纳", ["出纳"]), [[0, 2], [3, 5]]);
  assert.deepEqual(engine.marks("客户掉线率", ["客户掉线", "掉线率"]), [[0, 5]]);
  assert.deepEqual(engine.marks("新产品、MIS开发", ["产品mis"]), [[1, 7]]);
});

test("postings decode from [class, count, first, deltas...] segments", () => {
  const shift = 2 ** 35;
  assert.deepEqual(engine.decode([0, 2, 5, 3, 1, 1, 7]), [5, 8, shift + 7]);
  assert.deepEqual(engine.decode([]), []);
});

test("a long term is looked up by at most four of its tokens, first and last kept", () => {
  const tokens = engine.termTokens("财务部经理审核凭证报表");
  assert.equal(tokens.length, 4);
  assert.deepEqual(tokens[0], { token: "财务", offset: 0 });
  assert.deepEqual(tokens[3], { token: "报表", offset: 9 });
  assert.deepEqual(engine.termTokens("出"), [{ token: "出", offset: 0 }]);
  // a lone character between words has no position: it is left to the text check
  assert.deepEqual(engine.termTokens("a级b").map((t) => t.token), ["a", "b"]);
});

test("the same 32-bit FNV-1a as the index (segment.py fnv1a)", () => {
  assert.equal(segment.fnv1a(""), 0x811c9dc5);
  assert.equal(segment.fnv1a("掉线"), 2172004225);
});
