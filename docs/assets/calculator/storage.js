// Where appraisals are kept: each in the address bar while it is open (the link is the
// appraisal) and in this browser's localStorage, one entry per position, employee and
// period, so that a manager finds every appraisal again after closing the browser.
// A Keeper decides for the open form: keep it, move it when its name or period changes, or
// stop and ask when that would replace another saved appraisal. Storage that fails (full,
// or refused as in private browsing) is reported, never passed over.
// `place` is the window (a stand-in in Node's tests).

(function (root) {
  "use strict";

  const PREFIX = "position-catalog:appraisal:";
  // Where one appraisal was kept before appraisals were kept by position, employee, period.
  const LEGACY_KEY = "position-catalog:calculator";

  // The key of the appraisal of `position` for `employee` in `period` (spaces around ignored).
  function storageKey(position, employee, period) {
    return PREFIX + JSON.stringify([position, String(employee).trim(), String(period).trim()]);
  }

  function keyOf(record) {
    return storageKey(record.position, record.employee, record.period);
  }

  // Why storage failed, in words a manager can act on.
  function failure(error) {
    const full = error && (error.name === "QuotaExceededError" || error.code === 22);
    return full ? "full" : "unavailable";
  }

  // Every saved appraisal, most recently saved first: {records, error} (error "unavailable"
  // when this browser refuses storage; records that cannot be read are left out).
  function list(place = root) {
    const records = [];
    try {
      const storage = place.localStorage;
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index);
        if (!key || !key.startsWith(PREFIX)) continue;
        const record = parse(storage.getItem(key));
        if (record && keyOf(record) === key) records.push(record);
      }
    } catch (error) {
      return { records, error: failure(error) };
    }
    records.sort((a, b) => (b.saved || "").localeCompare(a.saved || "") ||
      a.employee.localeCompare(b.employee, "zh") || a.period.localeCompare(b.period, "zh"));
    return { records, error: null };
  }

  function parse(text) {
    try {
      const record = JSON.parse(text);
      const fine = record && typeof record === "object" && typeof record.query === "string" &&
        ["position", "employee", "period"].every((key) => typeof record[key] === "string");
      return fine ? record : null;
    } catch (error) {
      return null;
    }
  }

  // The saved appraisal under `key`, or null (none, or storage refused).
  function read(key, place = root) {
    try { return parse(place.localStorage.getItem(key)); } catch (error) { return null; }
  }

  // Keeps `record` under its key: {ok: true} or {ok: false, reason: "full" | "unavailable"}.
  function write(record, place = root) {
    try {
      place.localStorage.setItem(keyOf(record), JSON.stringify(record));
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: failure(error) };
    }
  }

  function remove(key, place = root) {
    try {
      place.localStorage.removeItem(key);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: failure(error) };
    }
  }

  // The appraisal open in the address bar (a link to share or bookmark).
  function keepLink(query, place = root) {
    place.history.replaceState(place.history.state, "", `${place.location.pathname}?${query}`);
  }

  // The one appraisal an earlier version of the calculator kept, moved among the others;
  // `describe(query)` gives its record. Where another is saved under its key, it is kept
  // beside it, its period marked, rather than replace it.
  function moveLegacy(describe, place = root) {
    let query;
    try { query = place.localStorage.getItem(LEGACY_KEY); } catch (error) { return; }
    if (!query) return;
    const record = describe(query);
    if (record) {
      const kept = read(keyOf(record), place);
      const moved = kept && kept.query !== query ? beside(record) : record;
      if (!(kept && kept.query === query) && !write(moved, place).ok) return;
    }
    remove(LEGACY_KEY, place);
  }

  function beside(record) {
    const period = `${record.period}（早前保存）`;
    const params = new URLSearchParams(record.query);
    params.set("period", period);
    return { ...record, period, query: params.toString() };
  }

  // Keeps the open form's appraisal as it changes. `key` is where it is kept (null: not
  // yet, as for a new, empty form).
  class Keeper {
    constructor(place = root) {
      this.place = place;
      this.key = null;
    }

    // The form now shows the appraisal saved under `key` (null: a new one).
    attach(key) {
      this.key = key;
    }

    // Keeps `record`; `entered`: whether the form holds anything. Returns what happened:
    // {state: "empty"} nothing to keep yet; {state: "saved", record};
    // {state: "conflict", other} another saved appraisal has this position, employee and
    // period, and is left as it is; {state: "failed", reason}.
    keep(record, entered) {
      const key = keyOf(record);
      if (this.key === null && !entered) return { state: "empty" };
      const kept = read(key, this.place);
      if (kept && kept.query === record.query) { // nothing new: keep its time
        if (this.key !== null && this.key !== key) remove(this.key, this.place);
        this.key = key;
        return { state: "saved", record: kept };
      }
      if (kept && key !== this.key) return { state: "conflict", other: kept };
      return this.replace(record);
    }

    // Keeps `record`, replacing whatever is saved under its key (the manager confirmed).
    replace(record) {
      const key = keyOf(record);
      const written = write(record, this.place);
      if (!written.ok) return { state: "failed", reason: written.reason };
      if (this.key !== null && this.key !== key) remove(this.key, this.place);
      this.key = key;
      return { state: "saved", record };
    }
  }

  const storage = { PREFIX, LEGACY_KEY, storageKey, keyOf, list, read, write, remove, keepLink,
                    moveLegacy, Keeper };
  (root.PositionCalculator ??= {}).storage = storage;
  if (typeof module !== "undefined") module.exports = storage;
})(globalThis);
