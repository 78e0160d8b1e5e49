// The appraisal's state: what a person entered, as text, kept in a link (a link is a saved
// appraisal). decodeState() trusts nothing: whatever does not fit the position is dropped and
// reported. Also what the form's texts mean for the scorer. Pure: no page, no storage.

(function (root) {
  "use strict";

  const { readNumber, readWhole, parseEntry } =
    root.PositionCalculator?.numbers ?? require("./numbers.js");

  const TEXT_FIELDS = ["period", "employee", "rater"];
  const TEXT_LIMIT = 100;
  const MONTHLY_LIMIT = 1000; // a completion rate in %: anything above is a typing slip

  function emptyState(positionId, version) {
    return { position: positionId, version, period: "", employee: "", rater: "",
             kpis: [], ratings: {}, monthly: "" };
  }

  function cleanText(value) {
    return String(value).replace(/[\u0000-\u001f\u007f]/g, "").slice(0, TEXT_LIMIT);
  }

  function isMonthlyRate(text) {
    const value = readNumber(text);
    return value !== null && value >= 0 && value <= MONTHLY_LIMIT;
  }

  function competencyIds(data) {
    return new Set(data.rules.groups.flatMap((group) => data.position.competencies[group.id]));
  }

  // params: URLSearchParams; data: the position's calculator data.
  // Returns {state, dropped: [message]} with only valid entries in state.
  function decodeState(params, data) {
    const position = data.position;
    const state = emptyState(position.id, data.version);
    const dropped = [];
    const drop = (key, value, why) => dropped.push(`${key}=${value}：${why}`);
    const competencies = competencyIds(data);
    for (const [key, rawValue] of params) {
      const value = rawValue.trim();
      let match;
      if (key === "position") continue;
      if (key === "v") {
        if (value !== data.version) {
          dropped.push(`链接来自目录版本 ${cleanText(value)}，当前版本为 ${data.version}，请核对各项评分`);
        }
      } else if (TEXT_FIELDS.includes(key)) {
        state[key] = cleanText(rawValue);
      } else if (key === "m") {
        if (isMonthlyRate(value) && position.monthly.length) state.monthly = value;
        else drop(key, value, position.monthly.length ? "不是有效的完成率" : "本岗位没有月度指标");
      } else if ((match = /^([kal])(\d+)$/.exec(key))) {
        decodeKpi(state, data, match[1], Number(match[2]), value, drop);
      } else if ((match = /^c\.(.+)$/.exec(key))) {
        const id = match[1];
        const { min: low, max: high } = data.scoring.points;
        if (!competencies.has(id)) drop(key, value, "本岗位不考核这一项");
        else if (readWhole(value, low, high) !== null) state.ratings[id] = value;
        else drop(key, value, `评分须为 ${low}–${high} 的整数`);
      } else {
        drop(cleanText(key), cleanText(value), "无法识别");
      }
    }
    return { state, dropped };
  }

  // k<i> (points), a<i> (actual result) or l<i> (level) of KPI i.
  function decodeKpi(state, data, letter, index, value, drop) {
    const key = `${letter}${index}`;
    const kpi = data.position.kpis[index];
    if (!kpi) { drop(key, value, `本岗位没有第 ${index + 1} 项 KPI`); return; }
    const kind = kpi.scale ? kpi.scale.kind : null;
    const entry = state.kpis[index] || (state.kpis[index] = {});
    if (letter === "k") {
      const { min: low, max: high } = data.scoring.points;
      if (readWhole(value, low, high) !== null) entry.points = value;
      else drop(key, value, `得分须为 ${low}–${high} 的整数`);
    } else if (letter === "a") {
      if (kind === "tiers" && readNumber(value) !== null) entry.actual = value;
      else drop(key, value, kind === "tiers" ? "实际值不是数字" : "该 KPI 不按实际值评分");
    } else {
      const levels = kind === "named" ? kpi.scale.levels.map((l) => l.label) : [];
      if (levels.includes(value)) entry.level = value;
      else drop(key, value, "不是该 KPI 的评价等级");
    }
  }

  function encodeState(state) {
    const params = new URLSearchParams();
    params.set("position", state.position);
    if (state.version) params.set("v", state.version);
    for (const key of TEXT_FIELDS) if (state[key]) params.set(key, state[key]);
    state.kpis.forEach((entry, index) => {
      if (!entry) return;
      if (entry.points) params.set(`k${index}`, entry.points);
      if (entry.actual) params.set(`a${index}`, entry.actual);
      if (entry.level) params.set(`l${index}`, entry.level);
    });
    for (const [id, value] of Object.entries(state.ratings)) if (value) params.set(`c.${id}`, value);
    if (state.monthly) params.set("m", state.monthly);
    return params.toString();
  }

  // form: the sheet's texts as typed, {employee, rater, period, monthly,
  // kpis: [{points, actual, level}], ratings: {id: text}}. The state keeps what is valid.
  function stateFromForm(data, form) {
    const { min: low, max: high } = data.scoring.points;
    const state = emptyState(data.position.id, data.version);
    for (const key of TEXT_FIELDS) state[key] = form[key];
    state.monthly = isMonthlyRate(form.monthly) ? form.monthly.trim() : "";
    state.kpis = form.kpis.map((typed) => {
      const entry = {};
      if (readWhole(typed.points, low, high) !== null) entry.points = typed.points.trim();
      if (typed.actual && readNumber(typed.actual) !== null) entry.actual = typed.actual.trim();
      if (typed.level) entry.level = typed.level;
      return entry;
    });
    for (const [id, text] of Object.entries(form.ratings)) {
      if (readWhole(text, low, high) !== null) state.ratings[id] = text.trim();
    }
    return state;
  }

  // What the scorer reads from the form: the points typed (actual results and levels have
  // already filled them in), and the ratings.
  function appraisalFromForm(form) {
    const kpis = form.kpis.map((typed) => {
      const value = parseEntry(typed.points);
      return value === null ? null : { points: value };
    });
    const ratings = {};
    for (const [id, text] of Object.entries(form.ratings)) {
      const value = parseEntry(text);
      if (value !== null) ratings[id] = value;
    }
    return { kpis, ratings };
  }

  const state = { emptyState, decodeState, encodeState, stateFromForm, appraisalFromForm };
  (root.PositionCalculator ??= {}).state = state;
  if (typeof module !== "undefined") module.exports = state;
})(globalThis);
