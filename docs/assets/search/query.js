// One query against an open engine (engine.js): the passes its candidates come in, best
// first, and the results handed out a batch at a time as they are found (`more`), so the
// first are shown while later index pages and records are still being fetched. No DOM.
(function (root) {
  "use strict";

  const ns = root.PositionSearch || {};
  const seg = ns.segment || require("./segment.js");
  const { SHIFT, CLASS, KINDS, classOf, phrase, ranges } = ns.postings || require("./postings.js");
  const matches = ns.matches || require("./matches.js");
  const FILES_PER_STEP = 60; // index files fetched at most while looking for one batch
  const BATCH_FILES = 3; // pages a walk may fetch before the candidates found are shown

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
      const terms = this.terms.map(matches.termTokens).filter((tokens) => tokens.length);
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

    // The result for `record`, or null (matches.js says why).
    check(record, candidate) {
      return matches.check(this, record, candidate);
    }
  }

  const api = { Search };
  root.PositionSearch = Object.assign(root.PositionSearch || {}, { query: api });
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
