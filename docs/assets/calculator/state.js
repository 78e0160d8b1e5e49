// The appraisal's state: what a person entered, as text, kept in a link (a link is a saved
// appraisal). decodeState() trusts nothing: whatever does not fit the position is dropped and
// reported. Also what the form's texts mean for the scorer. Pure: no page, no storage.

(function (root) {
  "use strict";

  const { readNumber, readWhole, parseEntry, numberText } =
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

  // A completion rate as kept ("95.5"), from what was typed ("９５．５％"); null if it is none.
  function monthlyRate(text) {
    const value = readNumber(text, "%");
    return value !== null && value >= 0 && value <= MONTHLY_LIMIT ? numberText(value) : null;
  }

  // An actual result as kept, in the unit of the KPI's scale ("120%" on a % scale is 120).
  function actualValue(text, scale) {
    const value = readNumber(text, scale.unit);
    return value === null ? null : numberText(value);
  }

  function pointsText(text, points) {
    const value = readWhole(text, points.min, points.max);
    return value === null ? null : numberText(value);
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
        const rate = monthlyRate(value);
        if (rate !== null && position.monthly.length) state.monthly = rate;
        else drop(key, value, position.monthly.length ? "不是有效的完成率" : "本岗位没有月度指标");
      } else if ((match = /^([kal])(\d+)$/.exec(key))) {
        decodeKpi(state, data, match[1], Number(match[2]), value, drop);
      } else if ((match = /^c\.(.+)$/.exec(key))) {
        const id = match[1];
        const { min: low, max: high } = data.scoring.points;
        const rating = pointsText(value, data.scoring.points);
        if (!competencies.has(id)) drop(key, value, "本岗位不考核这一项");
        else if (rating !== null) state.ratings[id] = rating;
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
      const points = pointsText(value, data.scoring.points);
      if (points !== null) entry.points = points;
      else drop(key, value, `得分须为 ${low}–${high} 的整数`);
    } else if (letter === "a") {
      const actual = kind === "tiers" ? actualValue(value, kpi.scale) : null;
      if (actual !== null) entry.actual = actual;
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
    // Ratings in the order of their ids: one appraisal has one link, however it was entered
    // (a form, a link, an imported file), so that links compare as appraisals do.
    for (const id of Object.keys(state.ratings).sort()) if (state.ratings[id]) params.set(`c.${id}`, state.ratings[id]);
    if (state.monthly) params.set("m", state.monthly);
    return params.toString();
  }

  // form: the sheet's texts as typed, {employee, rater, period, monthly,
  // kpis: [{points, actual, level}], ratings: {id: text}}. The state keeps what is valid.
  function stateFromForm(data, form) {
    const { points } = data.scoring;
    const state = emptyState(data.position.id, data.version);
    for (const key of TEXT_FIELDS) state[key] = cleanText(form[key]);
    state.monthly = monthlyRate(form.monthly) ?? "";
    state.kpis = form.kpis.map((typed, index) => {
      const entry = {};
      const scale = data.position.kpis[index].scale;
      const value = pointsText(typed.points, points);
      if (value !== null) entry.points = value;
      const actual = typed.actual && scale ? actualValue(typed.actual, scale) : null;
      if (actual !== null) entry.actual = actual;
      if (typed.level) entry.level = typed.level;
      return entry;
    });
    for (const [id, text] of Object.entries(form.ratings)) {
      const rating = pointsText(text, points);
      if (rating !== null) state.ratings[id] = rating;
    }
    return state;
  }

  // Whether anything was entered: an empty form is not worth keeping.
  function hasContent(state) {
    return TEXT_FIELDS.some((key) => state[key].trim() !== "") || state.monthly !== "" ||
      state.kpis.some((entry) => entry && Object.keys(entry).length > 0) ||
      Object.keys(state.ratings).length > 0;
  }

  // What the scorer reads from a state (a saved or imported appraisal, not a form).
  function appraisalFromState(state) {
    return {
      kpis: Array.from(state.kpis, (entry) => (entry && entry.points ? { points: Number(entry.points) } : null)),
      ratings: Object.fromEntries(Object.entries(state.ratings).map(([id, value]) => [id, Number(value)])),
    };
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

  const state = { TEXT_FIELDS, emptyState, cleanText, decodeState, encodeState, stateFromForm,
                  appraisalFromForm, appraisalFromState, hasContent, monthlyRate, actualValue };
  (root.PositionCalculator ??= {}).state = state;
  if (typeof module !== "undefined") module.exports = state;
})(globalThis);
