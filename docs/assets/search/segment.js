// The search's segmentation, the same as generator/search/segment.py cuts the index with:
// NFKC, lower case, no zero-width characters; CJK runs give character bigrams, letter and
// digit runs are words. tests/test_search_segment.py checks that both agree.
(function (root) {
  "use strict";

  const CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af";
  const RUN = new RegExp(`([${CJK}]+)|([a-z0-9]+)`, "gu");
  const ZERO_WIDTH = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
  const START = "\u0002";
  const NOT_TEXT = /[^\p{L}\p{N}]+/gu; // what a phrase check skips: spaces, punctuation

  function normalize(text) {
    return String(text).normalize("NFKC").replace(ZERO_WIDTH, "").toLowerCase();
  }

  function exactKey(text) {
    return normalize(text).replace(/\s+/gu, "");
  }

  function bigrams(run, out) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }

  // The tokens of one query term (no white space): a lone CJK character stands for itself.
  function queryTokens(term) {
    const out = [];
    for (const match of normalize(term).matchAll(RUN)) {
      if (match[2]) out.push(match[2]);
      else if ([...match[1]].length === 1) out.push(match[1]);
      else bigrams(match[1], out);
    }
    return out;
  }

  // The query's terms: white space separates them.
  function terms(query) {
    return normalize(query).split(/\s+/u).filter((term) => queryTokens(term).length);
  }

  // 32-bit FNV-1a over code points, as segment.py fnv1a.
  function fnv1a(text) {
    let value = 0x811c9dc5;
    for (const char of text) value = Math.imul(value ^ char.codePointAt(0), 0x01000193) >>> 0;
    return value;
  }

  // `text` normalised character by character, keeping letters and digits only: `folded`
  // (a phrase matches across punctuation and spaces), and for each
  // of its code units where the original character starts and ends in `text`, so a match
  // in the normalised text can be marked in the original.
  function mapped(text) {
    let folded = "";
    const starts = [];
    const ends = [];
    let index = 0;
    for (const char of String(text)) {
      const part = normalize(char).replace(NOT_TEXT, "");
      for (let i = 0; i < part.length; i++) {
        starts.push(index);
        ends.push(index + char.length);
      }
      folded += part;
      index += char.length;
    }
    return { folded, starts, ends };
  }

  const api = { normalize, exactKey, queryTokens, terms, fnv1a, mapped, START };
  root.PositionSearch = Object.assign(root.PositionSearch || {}, { segment: api });
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
