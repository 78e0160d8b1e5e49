// Where an appraisal is kept: in the address bar (the link is the saved appraisal) and in
// this browser's localStorage, so opening the calculator again brings it back.
// `place` is the window (a stand-in in Node's tests).

(function (root) {
  "use strict";

  const STORAGE_KEY = "position-catalog:calculator";

  // The query to open with: the address bar's when it names a position, else the one kept in
  // this browser, else the address bar's as it is.
  function savedQuery(place = root) {
    const query = place.location.search.replace(/^\?/, "");
    if (new URLSearchParams(query).get("position")) return query;
    return load(place) || query;
  }

  function keep(query, place = root) {
    place.history.replaceState(place.history.state, "", `${place.location.pathname}?${query}`);
    try { place.localStorage.setItem(STORAGE_KEY, query); } catch (error) { /* private mode: the link keeps it */ }
  }

  function load(place = root) {
    try { return place.localStorage.getItem(STORAGE_KEY); } catch (error) { return null; }
  }

  function forget(place = root) {
    try { place.localStorage.removeItem(STORAGE_KEY); } catch (error) { /* nothing kept */ }
  }

  const storage = { STORAGE_KEY, savedQuery, keep, load, forget };
  (root.PositionCalculator ??= {}).storage = storage;
  if (typeof module !== "undefined") module.exports = storage;
})(globalThis);
