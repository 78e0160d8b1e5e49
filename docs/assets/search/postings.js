// The index's posting lists, for the engine (engine.js) and a query's walk (query.js).
// A token's posting list is a sorted list of keys: the line class, the record, the line and
// the token's position in it. Every list is sorted the same way, by class first, so walking
// the lists of a query's tokens together yields its phrase matches best class first; pages
// past the first are fetched only where the walk needs them, so a query costs a few shards
// and pages whatever the size of the site. No DOM, no loading: a list asks its engine.
(function (root) {
  "use strict";

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

  const api = { SHIFT, CLASS, KINDS, classOf, decode, Posting, phrase, ranges };
  root.PositionSearch = Object.assign(root.PositionSearch || {}, { postings: api });
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
