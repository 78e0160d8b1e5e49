// The search engine: reads the sharded index that generator/search/index.py writes and ranks
// what matches. No DOM here: `load(name)` is given (a script loader in the page, files in
// Node's tests), so the same code answers in both.
//
// A token's posting list is a sorted list of keys: the line class, the record, the line and
// the token's position in it. Every list is sorted the same way, by class first, so walking
// the lists of a query's tokens together yields its phrase matches best class first; pages
// past the first are fetched only where the walk needs them, so a query costs a few shards
// and pages whatever the size of the site.
(function (root) {
  "use strict";

  const seg = root.PositionSearch ? root.PositionSearch.segment : require("./segment.js");
  const SHIFT = 2 ** 35; // key = class * SHIFT + (record * lines + line) * positions + position
  // Line classes, as generator/search/records.py numbers them.
  const CLASS = { title: 0, kpi: 1, goal: 2, glossaryName: 3, glossaryText: 4,
    positionText: 5, page: 6, last: 7 };
  // What each kind filter keeps: the classes of the lines that may match.
  const KINDS = {
    position: new Set([CLASS.title, CLASS.kpi, CLASS.goal, CLASS.positionText]),
    kpi: new Set([CLASS.kpi]),
    glossary: new Set([CLASS.glossaryName, CLASS.glossaryText]),
  };
  const RECORD_KINDS = { position: "position", kpi: "position", glossary: "glossary" };
  const MAX_TOKENS = 4; // per term: a long term is looked up by some of its bigrams
  const FILES_PER_STEP = 60; // index files fetched at most while looking for one batch
  const BATCH_FILES = 3; // pages a walk may fetch before the candidates found are shown
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

  // The tokens of one term with their offsets in the phrase, at most MAX_TOKENS of them
  // spread over it (the phrase is checked against the line's text afterwards). A lone CJK
  // character is in titles only and has no position: it stands alone or is left out.
  function termTokens(term) {
    const tokens = seg.queryTokens(term);
    if (tokens.length === 1) return [{ token: tokens[0], offset: 0 }];
    const placed = tokens.filter((token) => !isCharacter(token))
      .map((token, offset) => ({ token, offset }));
    if (placed.length <= MAX_TOKENS) return placed;
    const step = (placed.length - 1) / (MAX_TOKENS - 1);
    return Array.from({ length: MAX_TOKENS }, (_, i) => placed[Math.round(i * step)]);
  }

  function isCharacter(token) {
    return [...token].length === 1 && /[^a-z0-9]/u.test(token);
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

  // One token's posting list: its first page came with the shard, the others are fetched
  // when a key in their range is asked about (`firsts`: each page's first key).
  class Posting {
    constructor(engine, entry) {
      const [total, pages, name, segments, firsts = []] = entry;
      Object.assign(this, { engine, total, pages, name });
      this.loaded = [decode(segments)];
      this.firsts = [this.loaded[0][0], ...firsts];
    }

    async page(index) {
      if (!this.loaded[index]) {
        this.loaded[index] = decode(await this.engine.get(`${this.name}-${index + 1}`));
      }
      return this.loaded[index];
    }

    // The page that holds `key` if any list entry does: the last whose first key <= key.
    pageOf(key) {
      let low = 0;
      let high = this.firsts.length - 1;
      if (key < this.firsts[0]) return -1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (this.firsts[middle] <= key) low = middle;
        else high = middle - 1;
      }
      return low;
    }

    // The smallest key >= `key` (Infinity past the end). Only the page that can hold it is
    // fetched; when that page has none, the next page's first key answers unfetched.
    async seek(key) {
      const index = Math.max(0, this.pageOf(key));
      if (index > 0 && index + 1 < this.pages && !this.loaded[index]) {
        this.page(index + 1).catch(() => {}); // a walk moves forward: fetch the next with it
      }
      const keys = await this.page(index);
      let low = 0;
      let high = keys.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (keys[middle] < key) low = middle + 1;
        else high = middle;
      }
      if (low < keys.length) return keys[low];
      return index + 1 < this.pages ? this.firsts[index + 1] : Infinity;
    }
  }

  // The keys k in [from, to) such that every list i holds k + offsets[i]: where a phrase
  // starts, its tokens at consecutive positions of one line. In order; each list in turn
  // jumps to the next key the others could agree on (a leapfrog join), so only the pages
  // where the lists meet are fetched, not every page of a common token.
  async function* phrase(lists, offsets, from, to) {
    let key = from;
    for (;;) {
      let agreed = 0;
      for (let i = 0; agreed < lists.length; i = (i + 1) % lists.length) {
        const found = (await lists[i].seek(key + offsets[i])) - offsets[i];
        if (found >= to) return;
        if (found === key) agreed += 1;
        else { key = found; agreed = 1; }
      }
      yield key;
      key += 1;
    }
  }

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

  // The classes a walk covers: [from, to) key ranges, one per run of allowed classes.
  function ranges(classes) {
    if (!classes) return [[0, Infinity]];
    const sorted = [...classes].sort((a, b) => a - b);
    const out = [];
    for (const cls of sorted) {
      const last = out[out.length - 1];
      if (last && last[1] === cls * SHIFT) last[1] = (cls + 1) * SHIFT;
      else out.push([cls * SHIFT, (cls + 1) * SHIFT]);
    }
    return out;
  }

  // One query. Candidates come in passes, each in rank order: titles equal to the query,
  // then KPI names equal to it, position titles that begin with it, then every line holding all of the main term's
  // tokens, by class (title, KPI, goal, glossary name, ...) and record. Each candidate is
  // checked against its record's text (every term as a phrase) before it is shown.
  class Search {
    constructor(engine, query, filters) {
      this.engine = engine;
      this.query = query;
      this.filters = filters;
      this.terms = seg.terms(query);
      this.folded = this.terms.map((term) => seg.mapped(term).folded).filter(Boolean);
      this.emitted = new Set();
      this.exhausted = false;
      this.ready = this.start();
    }

    async start() {
      const engine = this.engine;
      await engine.manifest();
      const terms = this.terms.map(termTokens).filter((tokens) => tokens.length);
      if (!terms.length) return this.finish();
      // Everything the first candidates need, at once: the terms' shards, the exact-match
      // shard, the "begins with" list of each term's first token, the department filter.
      const firsts = terms.map((tokens) => tokens[0]);
      const [lists, [titles, kpis], prefixes, allowed] = await Promise.all([
        Promise.all(terms.map((tokens) => Promise.all(tokens.map(({ token }) =>
          engine.posting(token))))),
        engine.exact(this.query),
        Promise.all(firsts.map(({ token, offset }) =>
          offset === 0 ? engine.posting(seg.START + token) : null)),
        this.filters.department ? engine.departmentRecords(this.filters.department) : null,
      ]);
      if (lists.some((postings) => postings.some((p) => p === null))) return this.finish();
      // The main term is the one with the rarest token; the others are checked in the text.
      const rarest = (postings) => Math.min(...postings.map((p) => p.total));
      const main = lists.reduce((best, postings, i) =>
        rarest(postings) < rarest(lists[best]) ? i : best, 0);
      // The rarest list leads the walk: the others only answer for keys it proposes.
      const order = lists[main].map((posting, i) => i)
        .sort((a, b) => lists[main][a].total - lists[main][b].total);
      const walked = order.map((i) => lists[main][i]);
      const offsets = order.map((i) => terms[main][i].offset);
      const classes = KINDS[this.filters.kind];
      this.allowed = allowed;
      const exact = [...(this.filters.kind === "kpi" ? [] : titles),
        ...(this.filters.kind === "glossary" ? [] : kpis)];
      const prefix = !classes || classes.has(CLASS.title) ? prefixes[main] : null;
      this.passes = [
        (async function* () { for (const record of exact) yield { record, exact: true }; })(),
        prefix ? this.walk([prefix, ...walked], [0, ...offsets], [[0, SHIFT]]) : null,
        this.walk(walked, offsets, ranges(classes)),
      ].filter(Boolean);
    }

    // Phrase matches of `lists` at `offsets`, in rank order, as candidates.
    async *walk(lists, offsets, spans) {
      const perRecord = this.engine.lineCount * this.engine.positionCount;
      for (const [from, to] of spans) {
        for await (const key of phrase(lists, offsets, from, to)) {
          const record = Math.floor((key % SHIFT) / perRecord);
          if (this.emitted.has(record) || (this.allowed && !this.allowed.has(record))) continue;
          const line = Math.floor((key % SHIFT) / this.engine.positionCount) %
            this.engine.lineCount;
          yield { record, key, line, cls: classOf(key) };
        }
      }
    }

    finish() {
      this.exhausted = true;
      this.passes = [];
    }

    // Up to `count` more results; `shown(results)` hears each batch as it is checked.
    // Candidates are taken a batch at a time and their records fetched together. Once it has some results, it stops early (not exhausted) after
    // FILES_PER_STEP more index files, so a batch of a very common query stays small.
    async more(count, shown = () => {}) {
      await this.ready;
      const results = [];
      const engine = this.engine;
      const stop = engine.fetched + FILES_PER_STEP;
      while (results.length < count && this.passes.length) {
        if (results.length && engine.fetched >= stop) return results;
        const batch = [];
        const mark = engine.fetched;
        // A batch ends when it is full, or when the walk has had to fetch a few pages since
        // it found a candidate: what was found is shown meanwhile.
        while (batch.length < count - results.length && this.passes.length &&
          !(batch.length && engine.fetched - mark >= BATCH_FILES)) {
          const step = await this.passes[0].next();
          if (step.done) { this.passes.shift(); continue; }
          if (this.emitted.has(step.value.record)) continue;
          this.emitted.add(step.value.record);
          batch.push(step.value);
        }
        const records = await Promise.all(batch.map((c) => engine.record(c.record)));
        const found = batch.map((candidate, i) => this.check(records[i], candidate))
          .filter(Boolean);
        results.push(...found);
        if (found.length) shown(found);
      }
      if (!this.passes.length) this.exhausted = true;
      return results;
    }

    // The result for `record`, or null when no usable line holds a term as a phrase (the
    // index matched tokens of a long term only in part) or it is not of the kind asked for.
    check(record, candidate) {
      const kind = this.filters.kind;
      if (candidate.exact && kind && RECORD_KINDS[kind] !== record.k) return null;
      if (this.allowed && !this.allowed.has(candidate.record)) return null;
      const classes = KINDS[kind];
      const terms = this.folded;
      const lines = record.l.map(([cls, text, label], index) => ({ cls, text, label, index,
        folded: seg.mapped(text).folded }));
      const usable = lines.filter((line) => !classes || classes.has(line.cls));
      for (const term of terms) {
        const titleOnly = isCharacter(term);
        if (!usable.some((line) => line.folded.includes(term) &&
          (!titleOnly || line.index === 0))) return null;
      }
      const title = lines[0].folded;
      const hits = (line) => terms.filter((term) => line.folded.includes(term)).length;
      const matching = usable.filter((line) => line.index > 0 && line.folded !== title &&
        hits(line));
      // The line the index matched first, then the lines holding most terms, by class.
      matching.sort((a, b) => (b.index === candidate.line) - (a.index === candidate.line) ||
        hits(b) - hits(a) || a.cls - b.cls || a.index - b.index);
      return {
        url: record.u, title: record.t, kind: record.k, department: record.d,
        departmentId: record.i, exact: Boolean(candidate.exact),
        cls: candidate.exact ? -1 : candidate.cls,
        titleMarks: marks(record.t, terms),
        lines: matching.slice(0, SHOWN_LINES).map((line) => ({ label: line.label,
          text: line.text, kpi: line.cls === CLASS.kpi, marks: marks(line.text, terms) })),
      };
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
