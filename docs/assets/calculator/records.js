// The record of a saved appraisal (what storage.js keeps besides the link: what the lists
// show without loading the position's data), made from a scored appraisal or from a link the
// old single-entry storage held, and described in words for the lists; also what a storage
// failure is called. Pure: data in, records and text out.

(function (root) {
  "use strict";

  const texts = root.PositionCalculator?.texts ?? require("./texts.js");

  // Why storage failed (storage.js reasons), in words.
  const FAILURES = {
    full: "本浏览器的存储空间已满",
    unavailable: "本浏览器不允许本页保存数据（例如隐私浏览模式）",
  };

  // data: the position's calculator data; state: the appraisal (state.js); query: its link's
  // query (encodeState); result: its score, or null before it is scored.
  function recordOf(data, state, query, result) {
    return {
      position: data.position.id, title: data.position.title, department: data.department,
      employee: state.employee, rater: state.rater, period: state.period, version: data.version,
      query, saved: new Date().toISOString(),
      summary: result ? { overall: texts.format(result.overall, data.scoring.decimals), grade: result.grade,
                          complete: result.complete } : null,
    };
  }

  // The record of a link kept by the old storage (one entry for all): without the position's
  // data, its id stands for its title; null when the link names no position.
  function legacyRecord(query) {
    const params = new URLSearchParams(query);
    const text = (key) => params.get(key) || "";
    if (!text("position")) return null;
    return { position: text("position"), title: text("position"), department: "", employee: text("employee"),
             rater: text("rater"), period: text("period"), version: text("v"), query,
             saved: new Date().toISOString(), summary: null };
  }

  // A record's result as saved: the overall score with its grade, or marked 不完整, or "—".
  function describeResult(summary) {
    if (!summary.overall || summary.overall === texts.EMPTY) return "—";
    return `${summary.overall}${summary.grade ? ` ${summary.grade}` : summary.complete ? "" : "（不完整）"}`;
  }

  // When a record was saved and its result, beside its name.
  function describe(record) {
    const result = record.summary ? `，${describeResult(record.summary)}` : "";
    return `（${texts.savedAt(record.saved)} 保存${result}）`;
  }

  const records = { FAILURES, recordOf, legacyRecord, describeResult, describe };
  (root.PositionCalculator ??= {}).records = records;
  if (typeof module !== "undefined") module.exports = records;
})(globalThis);
