// The calculator's data: small scripts (data/calculator/<name>.js, made by generator/render.py
// calculator_data) that register themselves in window.__positionCatalog. No fetch, so the page
// also works from file://. A position's data carries everything needed to score it: the
// position, its competencies, the company's scoring settings and the fixed rules.

(function (root) {
  "use strict";

  const SAFE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  // The site's root, from the site config MkDocs puts in every page.
  function siteBase(place = root) {
    const config = place.document.getElementById("__config");
    const base = config ? JSON.parse(config.textContent).base : "..";
    return new URL(`${base.replace(/\/$/, "")}/`, place.location.href);
  }

  // The URL of the site's page `path` ("team", "glossary/teamwork"): a folder with
  // directory URLs, a .html file in a site built for file:// (whose pages end in .html).
  function pageUrl(path, base, place = root) {
    return new URL(place.location.pathname.endsWith(".html") ? `${path}.html` : `${path}/`, base);
  }

  const loading = new Map(); // name → the promise of a script still on its way

  // Loads data/calculator/<name>.js from `folder` once, and gives what it registered. Asked
  // again while it loads, it gives the same promise: one script, results in the order asked.
  function loadData(folder, name) {
    const store = (root.__positionCatalog ??= {});
    if (name in store) return Promise.resolve(store[name]);
    if (!loading.has(name)) loading.set(name, load(folder, name, store));
    return loading.get(name);
  }

  function load(folder, name, store) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(`${name}.js`, folder).href;
      script.onload = () => (name in store ? resolve(store[name]) : reject(new Error(name)));
      script.onerror = () => reject(new Error(name));
      document.head.append(script);
    }).finally(() => loading.delete(name));
  }

  // A position's data; an id that could not be a position's (a tampered link) is not fetched.
  function loadPosition(folder, id) {
    return SAFE_ID.test(id) ? loadData(folder, `positions/${id}`) : Promise.reject(new Error(id));
  }

  // The company's scoring settings and the fixed rules, without a position (the team view).
  function loadCompany(folder) {
    return loadData(folder, "company");
  }

  const data = { siteBase, pageUrl, loadData, loadPosition, loadCompany };
  (root.PositionCalculator ??= {}).data = data;
  if (typeof module !== "undefined") module.exports = data;
})(globalThis);
