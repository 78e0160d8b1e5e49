// Making the calculator's elements: text is always set as text (never parsed as markup), and
// invisible formatting characters never reach the page. The only use of `document` here is
// creating elements.

(function (root) {
  "use strict";

  // Invisible formatting characters (bidi overrides, zero-width) are dropped from catalogue and
  // link text, as generator/escape.py plain_text does for the pages.
  const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

  function plainText(value) {
    return String(value).replace(INVISIBLE, "");
  }

  // h("td", {class: "x", onclick: f}, "text", child, [more]): null, undefined and false
  // attributes and children are left out; `on...` attributes become listeners.
  function h(tag, attributes = {}, ...children) {
    return fill(document.createElement(tag), attributes, children);
  }

  function svg(tag, attributes = {}, ...children) {
    return fill(document.createElementNS("http://www.w3.org/2000/svg", tag), attributes, children);
  }

  function fill(element, attributes, children) {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      element.append(typeof child === "object" && "nodeType" in child
        ? child : document.createTextNode(plainText(child)));
    }
    return element;
  }

  const dom = { plainText, h, svg };
  (root.PositionCalculator ??= {}).dom = dom;
  if (typeof module !== "undefined") module.exports = dom;
})(globalThis);
