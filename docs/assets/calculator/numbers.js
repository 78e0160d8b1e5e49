// What the calculator reads as a number, in its inputs, its links and the files it imports:
// one grammar for all. Like every calculator module: a classic script (the page also works
// from file://) that adds itself to window.PositionCalculator, and a CommonJS module for
// Node's tests.

(function (root) {
  "use strict";

  // Digits, an optional minus, an optional fraction: what people type as points, ratings,
  // actual results and completion rates (no exponent, hex, "1." or thousands separators).
  // Group 1 is the whole part, group 2 the fraction.
  const NUMBER = /^(-?\d+)(\.\d+)?$/;

  // Text as typed, in the forms a Chinese input method gives it: full-width digits, point,
  // minus and percent sign (１２０．５％) read as their ASCII forms (Unicode NFKC), spaces
  // around it (the ideographic space too) ignored.
  function normalise(text) {
    return String(text).normalize("NFKC").trim();
  }

  // The number `text` spells, or null. `unit` (such as "%" or "‰") may follow it.
  function readNumber(text, unit = "") {
    let clean = normalise(text);
    if (unit && clean.endsWith(unit)) clean = clean.slice(0, -unit.length).trim();
    const match = NUMBER.exec(clean);
    if (!match) return null;
    const value = Number(match[0]);
    return Number.isFinite(value) ? value : null;
  }

  // The whole number `text` spells from low to high, or null: "4", "４" and "4.0" are 4;
  // "3.5" is not whole, and points take no unit.
  function readWhole(text, low, high) {
    const value = readNumber(text);
    return value !== null && Number.isInteger(value) && value >= low && value <= high ? value : null;
  }

  // An input's text as the scorer takes it: null when empty, the number it spells, or else
  // the text itself (which the scorer reports as not a number).
  function parseEntry(text) {
    const trimmed = String(text).trim();
    if (trimmed === "") return null;
    const value = readNumber(trimmed);
    return value === null ? trimmed : value;
  }

  // How a number read from text is kept (in the link, storage and files): "１３０" and
  // "130.0%" are both "130".
  function numberText(value) {
    return String(value);
  }

  const numbers = { normalise, readNumber, readWhole, parseEntry, numberText };
  (root.PositionCalculator ??= {}).numbers = numbers;
  if (typeof module !== "undefined") module.exports = numbers;
})(globalThis);
