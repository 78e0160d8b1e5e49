"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers.js");

const storage = load("storage.js");
const { Keeper, storageKey, keyOf, list, read, write, remove, keepLink, moveLegacy, LEGACY_KEY } = storage;

// A window with a localStorage of `limit` characters (a stand-in for the browser's quota).
function place(search = "", { limit = Infinity, refuse = false } = {}) {
  const items = new Map();
  const used = () => [...items].reduce((n, [k, v]) => n + k.length + v.length, 0);
  const quota = () => Object.assign(new Error("quota"), { name: "QuotaExceededError", code: 22 });
  const check = () => { if (refuse) throw Object.assign(new Error("denied"), { name: "SecurityError" }); };
  const localStorage = {
    get length() { check(); return items.size; },
    key: (index) => { check(); return [...items.keys()][index] ?? null; },
    getItem: (key) => { check(); return items.has(key) ? items.get(key) : null; },
    setItem: (key, value) => {
      check();
      const before = items.get(key);
      items.set(key, String(value));
      if (used() > limit) { if (before === undefined) items.delete(key); else items.set(key, before); throw quota(); }
    },
    removeItem: (key) => { check(); items.delete(key); },
  };
  const history = { state: { page: 1 }, calls: [], replaceState(state, title, url) { this.calls.push([state, url]); } };
  return { location: { search, pathname: "/calculator/" }, history, localStorage, items };
}

function record(employee, period, query, saved = "2026-12-01T10:00:00.000Z") {
  return { position: "manager", title: "经理", department: "测试部", employee, rater: "", period,
           query, saved, summary: null };
}

test("an appraisal is kept under its position, employee and period; spaces around do not count", () => {
  assert.equal(storageKey("manager", " 王五 ", "2026Q4 "), storageKey("manager", "王五", "2026Q4"));
  assert.notEqual(storageKey("manager", "王五", "2026Q4"), storageKey("manager", "王五", "2027Q1"));
  assert.notEqual(storageKey("a", "b|c", ""), storageKey("a|b", "c", "")); // no separator to confuse
});

test("the list holds every saved appraisal, newest first, and nothing else", () => {
  const window = place();
  write(record("王五", "2026Q4", "position=manager&k0=4", "2026-12-01T09:00:00Z"), window);
  write(record("张三", "2026Q4", "position=manager&k0=5", "2026-12-01T11:00:00Z"), window);
  window.localStorage.setItem("other-site-thing", "{}");
  window.localStorage.setItem(`${storage.PREFIX}broken`, "{not json");
  const { records, error } = list(window);
  assert.equal(error, null);
  assert.deepStrictEqual(records.map((r) => r.employee), ["张三", "王五"]);
});

test("a new form is kept once something is entered, and moves as its name or period is typed", () => {
  const window = place();
  const keeper = new Keeper(window);
  assert.deepStrictEqual(keeper.keep(record("", "", "position=manager"), false), { state: "empty" });
  assert.equal(list(window).records.length, 0);
  assert.equal(keeper.keep(record("", "", "position=manager&k0=5"), true).state, "saved");
  assert.equal(keeper.keep(record("王", "", "position=manager&k0=5&employee=王"), true).state, "saved");
  assert.equal(keeper.keep(record("王五", "", "position=manager&k0=5&employee=王五"), true).state, "saved");
  assert.deepStrictEqual(list(window).records.map((r) => r.employee), ["王五"]); // moved, not copied
  assert.equal(keeper.key, storageKey("manager", "王五", ""));
});

test("typing the name and period of another saved appraisal does not replace it", () => {
  const window = place();
  write(record("王五", "2026Q4", "position=manager&k0=5&employee=王五&period=2026Q4"), window);
  const keeper = new Keeper(window);
  keeper.keep(record("王五", "", "position=manager&k0=1&employee=王五"), true);
  const outcome = keeper.keep(record("王五", "2026Q4", "position=manager&k0=1&employee=王五&period=2026Q4"), true);
  assert.equal(outcome.state, "conflict");
  assert.equal(outcome.other.query, "position=manager&k0=5&employee=王五&period=2026Q4");
  assert.equal(read(storageKey("manager", "王五", "2026Q4"), window).query, outcome.other.query);
  assert.ok(read(storageKey("manager", "王五", ""), window)); // the form's last kept state is still there
  // the manager confirms: replaced, and the form's earlier place is given up
  assert.equal(keeper.replace(record("王五", "2026Q4", "position=manager&k0=1&employee=王五&period=2026Q4")).state, "saved");
  assert.deepStrictEqual(list(window).records.map((r) => r.query), ["position=manager&k0=1&employee=王五&period=2026Q4"]);
});

test("a link with the same entries as the saved appraisal is that appraisal: no conflict, its time kept", () => {
  const window = place();
  const saved = record("王五", "2026Q4", "position=manager&k0=5", "2026-11-30T08:00:00Z");
  write(saved, window);
  const keeper = new Keeper(window);
  const outcome = keeper.keep(record("王五", "2026Q4", "position=manager&k0=5", "2026-12-01T08:00:00Z"), true);
  assert.deepStrictEqual(outcome, { state: "saved", record: saved });
  assert.equal(keeper.key, keyOf(saved));
  // opened from the list, then changed: kept in place
  assert.equal(keeper.keep(record("王五", "2026Q4", "position=manager&k0=4"), true).state, "saved");
  assert.equal(read(keyOf(saved), window).query, "position=manager&k0=4");
});

test("a full storage is told, and what was kept before stays", () => {
  const window = place("", { limit: 400 });
  const keeper = new Keeper(window);
  assert.equal(keeper.keep(record("王五", "", "position=manager&k0=5"), true).state, "saved");
  const outcome = keeper.keep(record("王五", "", `position=manager&employee=${"长".repeat(400)}`), true);
  assert.deepStrictEqual(outcome, { state: "failed", reason: "full" });
  assert.equal(read(keeper.key, window).query, "position=manager&k0=5");
});

test("a browser that refuses storage (private mode) is told, not passed over", () => {
  const window = place("", { refuse: true });
  assert.deepStrictEqual(new Keeper(window).keep(record("王五", "", "position=manager&k0=5"), true),
                         { state: "failed", reason: "unavailable" });
  assert.deepStrictEqual(list(window), { records: [], error: "unavailable" });
  assert.deepStrictEqual(write(record("a", "", "q"), window), { ok: false, reason: "unavailable" });
  assert.deepStrictEqual(remove("x", window), { ok: false, reason: "unavailable" });
  moveLegacy(() => null, window); // nothing to move, nothing thrown
});

test("the open appraisal is in the address bar", () => {
  const window = place("?position=manager");
  keepLink("position=manager&k0=5", window);
  assert.deepStrictEqual(window.history.calls, [[{ page: 1 }, "/calculator/?position=manager&k0=5"]]);
});

test("the one appraisal an earlier version kept joins the others, beside one in its place", () => {
  const describe = (query) => ({ ...record("王五", "", query), query });
  const window = place();
  window.localStorage.setItem(LEGACY_KEY, "position=manager&employee=王五&k0=3");
  moveLegacy(describe, window);
  assert.equal(window.localStorage.getItem(LEGACY_KEY), null);
  assert.equal(read(storageKey("manager", "王五", ""), window).query, "position=manager&employee=王五&k0=3");
  window.localStorage.setItem(LEGACY_KEY, "position=manager&employee=王五&k0=1");
  moveLegacy(describe, window);
  assert.equal(read(storageKey("manager", "王五", ""), window).query, "position=manager&employee=王五&k0=3");
  assert.equal(read(storageKey("manager", "王五", "（早前保存）"), window).query,
               `position=manager&employee=${encodeURIComponent("王五")}&k0=1&period=${encodeURIComponent("（早前保存）")}`);
  assert.equal(window.localStorage.getItem(LEGACY_KEY), null);
});
