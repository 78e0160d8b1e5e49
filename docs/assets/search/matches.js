// A query's terms against the text: the tokens a term is looked up by, and the check of a
// candidate's record (every term as a phrase in a line of the kind asked for) that makes it
// a result, with the lines shown and the terms marked in them. Used by query.js; no DOM.
(function (root) {
  "use strict";

  const ns = root.PositionSearch || {};
  const seg = ns.segment || require("./segment.js");
  const { CLASS, KINDS } = ns.postings || require("./postings.js");
  const RECORD_KINDS = { position: "position", kpi: "position", glossary: "glossary" };
  const MAX_TOKENS = 4; // per term: a long term is looked up by some of its bigrams
  const SHOWN_LINES = 2;

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

  // The result for `record`, or null when no usable line holds a term as a phrase (the
  // index matched tokens of a long term only in part) or it is not of the kind asked for.
  // `search`: the query's filters, its folded terms and the records its department allows.
  function check(search, record, candidate) {
    const kind = search.filters.kind;
    if (candidate.exact && kind && RECORD_KINDS[kind] !== record.k) return null;
    if (search.allowed && !search.allowed.has(candidate.record)) return null;
    const classes = KINDS[kind];
    const terms = search.folded;
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

  const api = { termTokens, isCharacter, marks, check };
  root.PositionSearch = Object.assign(root.PositionSearch || {}, { matches: api });
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
