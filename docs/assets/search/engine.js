// The search engine: reads the sharded index that generator/search/index.py writes (the
// manifest, the token and exact-match shards, the records, the department lists), each file
// fetched once, and opens a query on it (query.js). No DOM here: `load(name)` is given (a
// script loader in the page, files in Node's tests), so the same code answers in both.
// The scripts it builds on (segment.js, postings.js, matches.js, query.js) come before it.
(function (root) {
  "use strict";

  const ns = root.PositionSearch || {};
  const seg = ns.segment || require("./segment.js");
  const { CLASS, KINDS, decode, Posting } = ns.postings || require("./postings.js");
  const { marks, termTokens } = ns.matches || require("./matches.js");
  const { Search } = ns.query || require("./query.js");

  class Engine {
    constructor(load) {
      this.load = load;
      this.files = new Map();
      this.fetched = 0;
    }

    get(name) {
      if (!this.files.has(name)) {
        this.fetched += 1;
        const promise = this.load(name);
        promise.catch(() => this.files.delete(name)); // a failed file is tried again
        this.files.set(name, promise);
      }
      return this.files.get(name);
    }

    manifest() {
      return this.get("manifest");
    }

    // The raw shard entry of `token`, or null.
    async entry(token) {
      const manifest = await this.manifest();
      const shard = await this.get(`s/${seg.fnv1a(token) % manifest.shards}`);
      return Object.prototype.hasOwnProperty.call(shard, token) ? shard[token] : null;
    }

    async posting(token) {
      const entry = await this.entry(token);
      return entry ? new Posting(this, entry) : null;
    }

    async record(id) {
      const manifest = await this.manifest();
      return this.get(`d/${Math.floor(id / manifest.folder)}/${id}`);
    }

    async exact(text) {
      const key = seg.exactKey(text);
      const manifest = await this.manifest();
      const shard = await this.get(`x/${seg.fnv1a(key) % manifest.exact}`);
      return Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : [[], []];
    }

    // The records of one department (the entry holds record ids, not line keys).
    async departmentRecords(id) {
      const manifest = await this.manifest();
      const entry = await this.entry(manifest.department + id);
      return new Set(entry ? entry[3] : []);
    }

    // A search for `query`; filters: {kind: "position" | "kpi" | "glossary", department: id}.
    search(query, filters = {}) {
      return new Search(this, query, filters);
    }
  }

  async function open(load) {
    const engine = new Engine(load);
    const manifest = await engine.manifest();
    engine.lineCount = manifest.lines;
    engine.positionCount = manifest.positions;
    return engine;
  }

  const api = { open, Engine, decode, marks, termTokens, CLASS, KINDS };
  root.PositionSearch = Object.assign(root.PositionSearch || {}, { engine: api });
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
