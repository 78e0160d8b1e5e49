// The search engine: reads the sharded index that generator/search/index.py writes and ranks
// what matches. No DOM here: `load(name)` is given (a script loader in the page, files in
// Node's tests), so the same code answers in both.
//
// A posting list's entries are keys `class * 2^32 + record * lines + line`, sorted; every
// list is sorted the same way, so the first pages of a query's lists, merged, give the exact
// best results up to the smallest last key loaded ("bound"). Further pages are fetched only
// when more results are needed: a query costs a few shards and pages, whatever the site size.
(function (root) {
  "use strict";

  const seg = root.PositionSearch ? root.PositionSearch.segment : require("./segment.js");
  const SHIFT = 2 ** 32;
  // Line classes, as generator/search/records.py numbers them.
  const CLASS = { title: 0, kpi: 1, goal: 2, glossaryName: 3, glossaryText: 4,
    positionText: 5, page: 6, last: 7 };
  // What each kind filter keeps: the classes of the lines that may match.
  const KINDS = {
    position: new Set([CLASS.title, CLASS.kpi, CLASS.goal, CLASS.positionText]),
    kpi: new Set([CLASS.kpi]),
    glossary: new Set([CLASS.glossaryName, CLASS.glossaryText]),
  };
  const RECORD_KINDS = { position: "position", glossary: "glossary" };
  const MAX_TOKENS = 6; // per term: a long term is looked up by some of its bigrams
  const PAGES_PER_STEP = 16; // pages fetched at most while looking for one batch of results
  const SHOWN_LINES = 2;

  function classOf(key) {
    return Math.floor(key / SHIFT);
  }

  function decode(segments) {
    const keys = [];
    for (let i = 0; i < segments.length;) {
      const base = segments[i] * SHIFT;
      const count = segments[i + 1];
      let entry = 0;
      for (let j = 0; j < count; j++) {
        entry += segments[i + 2 + j];
        keys.push(base + entry);
      }
      i += 2 + count;
    }
    return keys;
  }

  // At most MAX_TOKENS of a term's tokens, spread over it: every other bigram still covers
  // every character; the phrase itself is checked against the line's text afterwards.
  function pickTokens(tokens) {
    const unique = [...new Set(tokens)];
    if (unique.length <= MAX_TOKENS) return unique;
    const step = (unique.length - 1) / (MAX_TOKENS - 1);
    return Array.from({ length: MAX_TOKENS }, (_, i) => unique[Math.round(i * step)]);
  }

  // Where `terms` occur in `text`: merged [start, end) ranges of the original text.
  function marks(text, terms) {
    const { folded, starts, ends } = seg.mapped(text);
    const found = [];
    for (const term of terms) {
      for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
        found.push([starts[at], ends[at + term.length - 1]]);
      }
    }
    found.sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const range of found) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push(range.slice());
    }
    return merged;
  }

  class Posting {
    constructor(engine, entry) {
      [this.total, this.pages, this.name] = entry;
      this.engine = engine;
      this.keys = decode(entry[3]);
      this.loaded = 1;
    }

    get complete() {
      return this.loaded >= this.pages;
    }

    get bound() {
      return this.complete ? Infinity : this.keys[this.keys.length - 1];
    }

    async next() {
      const page = await this.engine.get(`${this.name}-${this.loaded + 1}`);
      this.keys.push(...decode(page));
      this.loaded += 1;
    }
  }

  class Engine {
    constructor(load) {
      this.load = load;
      this.files = new Map();
    }

    get(name) {
      if (!this.files.has(name)) {
        const promise = this.load(name);
        promise.catch(() => this.files.delete(name)); // a failed file is tried again
        this.files.set(name, promise);
      }
      return this.files.get(name);
    }

    manifest() {
      return this.get("manifest");
    }

    async posting(token) {
      const manifest = await this.manifest();
      const shard = await this.get(`s/${seg.fnv1a(token) % manifest.shards}`);
      const entry = Object.prototype.hasOwnProperty.call(shard, token) ? shard[token] : null;
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
      return Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : [];
    }

    async departmentRecords(id) {
      const manifest = await this.manifest();
      const posting = await this.posting(manifest.department + id);
      return new Set(posting ? posting.keys : []);
    }

    // A search for `query`; filters: {kind: "position" | "kpi" | "glossary", department: id}.
    search(query, filters = {}) {
      return new Search(this, query, filters);
    }
  }

  class Search {
    constructor(engine, query, filters) {
      this.engine = engine;
      this.query = query;
      this.filters = filters;
      this.terms = seg.terms(query);
      this.emitted = new Set();
      this.exhausted = false;
      this.ready = this.start();
    }

    async start() {
      const engine = this.engine;
      await engine.manifest();
      if (!this.terms.length) return this.finish();
      const lists = await Promise.all(this.terms.map((term) =>
        Promise.all(pickTokens(seg.queryTokens(term)).map((t) => engine.posting(t)))));
      if (lists.some((postings) => postings.some((p) => p === null))) return this.finish();
      this.lists = lists;
      const first = seg.queryTokens(this.terms[0])[0];
      this.prefix = await engine.posting(seg.START + first);
      this.exactIds = this.filters.kind === "kpi" ? [] : await engine.exact(this.query);
      this.allowed = this.filters.department
        ? await engine.departmentRecords(this.filters.department) : null;
      this.dirty = true;
      this.queue = [];
    }

    finish() {
      this.exhausted = true;
      this.lists = null;
    }

    postings() {
      const all = this.lists.flat();
      return this.prefix ? [...all, this.prefix] : all;
    }

    // The candidates whose place is certain given what is loaded, best first.
    rank() {
      const classes = KINDS[this.filters.kind];
      const postings = this.postings();
      const bound = Math.min(...postings.map((p) => p.bound));
      const lines = this.engine.lineCount;
      const best = this.lists.map((tokens) => {
        const [shortest, ...others] = [...tokens].sort((a, b) => a.keys.length - b.keys.length);
        const sets = others.map((p) => new Set(p.keys));
        const byRecord = new Map();
        for (const key of shortest.keys) {
          if (key > bound) break;
          if (classes && !classes.has(classOf(key))) continue;
          if (!sets.every((set) => set.has(key))) continue;
          const record = Math.floor((key % SHIFT) / lines);
          if (this.allowed && !this.allowed.has(record)) continue;
          if (!byRecord.has(record)) byRecord.set(record, key);
        }
        return byRecord;
      });
      const prefixes = this.prefix ? new Set(this.prefix.keys) : new Set();
      const [first, ...rest] = best;
      const ranked = [];
      for (const [record, key] of first) {
        if (this.emitted.has(record)) continue;
        let worst = key;
        for (const other of rest) {
          const theirs = other.get(record);
          if (theirs === undefined) { worst = -1; break; }
          worst = Math.max(worst, theirs);
        }
        if (worst < 0) continue;
        ranked.push({ record, key: worst, cls: classOf(worst), prefix: prefixes.has(key) });
      }
      // Within a class, lines that begin with the query first; so a class is final only when
      // the bound has passed it.
      const finalBelow = bound === Infinity ? Infinity : classOf(bound);
      ranked.sort((a, b) => a.cls - b.cls || b.prefix - a.prefix || a.key - b.key);
      this.queue = ranked.filter((c) => c.cls < finalBelow);
      this.partial = ranked.filter((c) => c.cls >= finalBelow);
      this.dirty = false;
    }

    async loadMore() {
      const open = this.postings().filter((p) => !p.complete);
      if (!open.length) return false;
      open.sort((a, b) => a.bound - b.bound);
      await open[0].next();
      this.dirty = true;
      return true;
    }

    async nextCandidate(budget) {
      while (this.exactIds.length) {
        const record = this.exactIds.shift();
        if (!this.emitted.has(record)) return { record, exact: true };
      }
      for (;;) {
        if (this.dirty) this.rank();
        if (this.queue.length) return this.queue.shift();
        if (budget.pages > 0 && await this.loadMore()) { budget.pages -= 1; continue; }
        if (this.partial.length) return this.partial.shift(); // out of budget: best known
        return null;
      }
    }

    // Up to `count` more results, each checked against its record's text.
    async more(count) {
      await this.ready;
      const results = [];
      if (this.exhausted) return results;
      const budget = { pages: PAGES_PER_STEP };
      while (results.length < count) {
        const candidate = await this.nextCandidate(budget);
        if (!candidate) { this.exhausted = this.postings().every((p) => p.complete); break; }
        this.emitted.add(candidate.record);
        const record = await this.engine.record(candidate.record);
        const result = this.check(record, candidate);
        if (result) results.push(result);
      }
      if (!results.length && this.postings().every((p) => p.complete)) this.exhausted = true;
      return results;
    }

    // The result for `record`, or null when its lines do not hold every term as a phrase
    // (the bigrams matched apart) or it is not of the kind asked for.
    check(record, candidate) {
      const kind = this.filters.kind;
      if (candidate.exact && kind && RECORD_KINDS[kind] !== record.k) return null;
      if (this.allowed && !this.allowed.has(candidate.record)) return null;
      const classes = KINDS[kind];
      const lines = record.l.map(([cls, text, label], index) => ({ cls, text, label, index,
        folded: seg.mapped(text).folded }));
      const usable = lines.filter((line) => !classes || classes.has(line.cls));
      const single = (term) => [...term].length === 1 && /\p{Script=Han}/u.test(term);
      for (const term of this.terms) {
        const inLines = usable.filter((line) => line.folded.includes(term) &&
          (!single(term) || line.index === 0));
        if (!inLines.length) return null;
      }
      const matching = lines.filter((line) => line.index > 0 &&
        this.terms.some((term) => line.folded.includes(term)));
      const score = (line) => -this.terms.filter((t) => line.folded.includes(t)).length;
      matching.sort((a, b) => score(a) - score(b) || a.cls - b.cls || a.index - b.index);
      const whole = (line) => this.terms.length === 1 && line.folded === this.terms[0];
      return {
        url: record.u, title: record.t, kind: record.k, department: record.d,
        departmentId: record.i, exact: Boolean(candidate.exact),
        cls: candidate.exact ? -1 : candidate.cls, whole: lines.some(whole),
        titleMarks: marks(record.t, this.terms),
        lines: matching.slice(0, SHOWN_LINES).map((line) => ({ label: line.label,
          text: line.text, kpi: line.cls === CLASS.kpi, marks: marks(line.text, this.terms) })),
      };
    }
  }

  async function open(load) {
    const engine = new Engine(load);
    engine.lineCount = (await engine.manifest()).lines;
    return engine;
  }

  const api = { open, Engine, decode, marks, pickTokens, CLASS, KINDS };
  root.PositionSearch = Object.assign(root.PositionSearch || {}, { engine: api });
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
