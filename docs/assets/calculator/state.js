// The appraisal's state, kept in the page URL (a link is a saved appraisal) and localStorage.
// decodeState() trusts nothing: whatever does not fit the position is dropped and reported.
// A classic script (not a module), so it also runs from file://.

(function (root) {
  "use strict";

  const TEXT_FIELDS = ["period", "employee", "rater"];
  const TEXT_LIMIT = 100;

  function emptyState(positionId, version) {
    return { position: positionId, version, period: "", employee: "", rater: "",
             kpis: [], ratings: {}, monthly: "" };
  }

  function cleanText(value) {
    return String(value).replace(/[\u0000-\u001f\u007f]/g, "").slice(0, TEXT_LIMIT);
  }

  function isWhole(text, low, high) {
    if (!/^-?\d+$/.test(text)) return false;
    const n = Number(text);
    return n >= low && n <= high;
  }

  function isNumberText(text) {
    return /^-?\d+(\.\d+)?$/.test(text) && Number.isFinite(Number(text));
  }

  // params: URLSearchParams; data: the position's calculator JSON.
  // Returns {state, dropped: [message]} with only valid entries in state.
  function decodeState(params, data) {
    const position = data.position;
    const { min: low, max: high } = data.scoring.points;
    const state = emptyState(position.id, data.version);
    const dropped = [];
    const drop = (key, value, why) => dropped.push(`${key}=${value}：${why}`);
    const competencies = new Set(["core", "reference", "attitude"]
      .flatMap((group) => position.competencies[group]));
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
        if (isNumberText(value) && Number(value) >= 0 && Number(value) <= 1000 && position.monthly.length) {
          state.monthly = value;
        } else drop(key, value, position.monthly.length ? "不是有效的完成率" : "本岗位没有月度指标");
      } else if ((match = /^([kal])(\d+)$/.exec(key))) {
        const index = Number(match[2]);
        const kpi = position.kpis[index];
        if (!kpi) { drop(key, value, `本岗位没有第 ${index + 1} 项 KPI`); continue; }
        const entry = state.kpis[index] || (state.kpis[index] = {});
        if (match[1] === "k") {
          if (isWhole(value, low, high)) entry.points = value;
          else drop(key, value, `得分须为 ${low}–${high} 的整数`);
        } else if (match[1] === "a") {
          if (kpi.scale && kpi.scale.kind === "tiers" && isNumberText(value)) entry.actual = value;
          else drop(key, value, kpi.scale && kpi.scale.kind === "tiers" ? "实际值不是数字" : "该 KPI 不按实际值评分");
        } else {
          const levels = kpi.scale && kpi.scale.kind === "named" ? kpi.scale.levels.map((l) => l.label) : [];
          if (levels.includes(value)) entry.level = value;
          else drop(key, value, "不是该 KPI 的评价等级");
        }
      } else if ((match = /^c\.(.+)$/.exec(key))) {
        const id = match[1];
        if (!competencies.has(id)) drop(key, value, "本岗位不考核这一项");
        else if (isWhole(value, low, high)) state.ratings[id] = value;
        else drop(key, value, `评分须为 ${low}–${high} 的整数`);
      } else {
        drop(cleanText(key), cleanText(value), "无法识别");
      }
    }
    return { state, dropped };
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

  const STORAGE_KEY = "position-catalog:calculator";

  function saveLocal(query) {
    try { localStorage.setItem(STORAGE_KEY, query); } catch (error) { /* private mode: URL only */ }
  }

  function loadLocal() {
    try { return localStorage.getItem(STORAGE_KEY); } catch (error) { return null; }
  }

  function clearLocal() {
    try { localStorage.removeItem(STORAGE_KEY); } catch (error) { /* nothing kept */ }
  }

  root.PositionState = { emptyState, decodeState, encodeState, saveLocal, loadLocal, clearLocal };
})(globalThis);
