"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers.js");

const { savedQuery, keep, load: loadKept, forget, STORAGE_KEY } = load("storage.js");

function place(search, storage = new Map()) {
  const history = { state: { page: 1 }, calls: [],
                    replaceState(state, title, url) { this.calls.push([state, url]); } };
  const localStorage = {
    getItem: (key) => (storage.has(key) ? storage.get(key) : null),
    setItem: (key, value) => storage.set(key, value),
    removeItem: (key) => storage.delete(key),
  };
  return { location: { search, pathname: "/calculator/" }, history, localStorage, storage };
}

// Private browsing, or a file:// page whose storage the browser refuses.
function refusing(search) {
  const refuse = () => { throw new Error("SecurityError"); };
  return { ...place(search), localStorage: { getItem: refuse, setItem: refuse, removeItem: refuse } };
}

test("a link that names a position wins over what this browser kept", () => {
  const window = place("?position=manager&k0=4", new Map([[STORAGE_KEY, "position=ladder"]]));
  assert.equal(savedQuery(window), "position=manager&k0=4");
});

test("without a position in the link, the kept appraisal opens", () => {
  assert.equal(savedQuery(place("", new Map([[STORAGE_KEY, "position=ladder&k0=3"]]))),
               "position=ladder&k0=3");
  assert.equal(savedQuery(place("?k0=4")), "k0=4");
});

test("keeping puts the appraisal in the address bar and in this browser", () => {
  const window = place("?position=manager");
  keep("position=manager&k0=5", window);
  assert.deepStrictEqual(window.history.calls, [[{ page: 1 }, "/calculator/?position=manager&k0=5"]]);
  assert.equal(loadKept(window), "position=manager&k0=5");
  forget(window);
  assert.equal(loadKept(window), null);
});

test("a browser that refuses storage still keeps the appraisal in the link", () => {
  const window = refusing("?position=manager");
  keep("position=manager&k0=5", window);
  assert.equal(window.history.calls.length, 1);
  assert.equal(loadKept(window), null);
  forget(window);
  assert.equal(savedQuery(refusing("")), "");
});
