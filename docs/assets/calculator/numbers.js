// What the calculator reads as a number, in its inputs and in its links: one grammar for all.
// Like every calculator module: a classic script (the page also works from file://) that adds
// itself to window.PositionCalculator, and a CommonJS module for Node's tests.

(function (root) {
  "use strict";

  // Digits, an optional minus, an optional fraction: what people type as points, ratings,
  // actual results and completion rates (no exponent, hex, "1." or thousands separators).
  // Group 1 is the whole part, group 2 the fraction.
  const NUMBER = /^(-?\d+)(\.\d+)?$/;

  // The number `text` spells, spaces around it ignored; null if it spells none.
  function readNumber(text) {
    const match = NUMBER.exec(String(text).trim());
    if (!match) return null;
    const value = Number(match[0]);
    return Number.isFinite(value) ? value : null;
  }

  // The whole number `text` spells (written without a fraction) from low to high, or null.
  function readWhole(text, low, high) {
    const match = NUMBER.exec(String(text).trim());
    if (!match || match[2] !== undefined) return null;
    const value = Number(match[1]);
    return value >= low && value <= high ? value : null;
  }

  // An input's text as the scorer takes it: null when empty, the number it spells, or else
  // the text itself (which the scorer reports as not a number).
  function parseEntry(text) {
    const trimmed = String(text).trim();
    if (trimmed === "") return null;
    const value = readNumber(trimmed);
    return value === null ? trimmed : value;
  }

  const numbers = { readNumber, readWhole, parseEntry };
  (root.PositionCalculator ??= {}).numbers = numbers;
  if (typeof module !== "undefined") module.exports = numbers;
})(globalThis);
