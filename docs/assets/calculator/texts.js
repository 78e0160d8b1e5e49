// What the calculator says about a result, in words: messages beside the entries, the result
// lines, the warnings, the chart's rows and its label. Pure: data in, text out.

(function (root) {
  "use strict";

  const { readNumber } = root.PositionCalculator?.numbers ?? require("./numbers.js");
  const { tierPoints } = root.PositionCalculator?.scoring ?? require("./scoring.js");

  const ERRORS = {
    missing: "未填写",
    "not-a-number": "请输入数字",
    "not-whole": "请输入整数",
    "out-of-range": "超出分值范围",
    "lost-threshold": "原文缺失该档阈值，请手工评分",
    "below-tiers": "未达到评分标准所列档次，请手工评分",
    "unknown-level": "请选择评价等级",
    invalid: "无法识别",
  };
  const EMPTY = "—";

  function format(value, digits) {
    return value === null ? EMPTY : value.toFixed(digits);
  }

  // The message beside a points or rating input, and whether the input is marked invalid:
  // an empty input is not an error until something is typed into it.
  function entryMessage(error, typed, points) {
    const shown = Boolean(error) && (error !== "missing" || typed !== "");
    if (!shown) return { text: "", invalid: false };
    const text = error === "out-of-range" ? `请输入 ${points.min}–${points.max} 分` : ERRORS[error];
    return { text, invalid: true };
  }

  // What an actual result typed for a tier-scaled KPI hits; null while nothing is typed.
  function actualMessage(scale, typed) {
    if (!typed.trim()) return null;
    const value = readNumber(typed);
    if (value === null) return "实际值请输入数字";
    const hit = tierPoints(scale, value);
    if (hit.points === null) return ERRORS[hit.reason];
    const tier = hit.tier === "otherwise" ? "其余情况" : describeTier(scale.tiers[hit.tier], scale.unit);
    return `命中：${tier} → ${hit.points} 分`;
  }

  function describeTier(tier, unit) {
    return `${tier.op}${tier.value}${unit}`;
  }

  function weightedText(row, decimals) {
    return row.weighted === null ? EMPTY : row.weighted.toFixed(decimals + 1);
  }

  // {data-result key: text}: KPI, each group the position uses, ability, overall, grade.
  function resultTexts(result, data) {
    const { decimals: d, points } = data.scoring;
    const onBoth = (pair) => pair.on5 === null ? EMPTY
      : `${format(pair.on5, d + 1)} / ${points.max}（${format(pair.on100, d)} / 100）`;
    const texts = { kpi: onBoth(result.kpi) };
    for (const group of usedGroups(data)) texts[`group-${group.id}`] = format(result.groups[group.id], d);
    texts.ability = onBoth(result.ability);
    texts.overall = result.overall === null ? EMPTY
      : `${format(result.overall, d)}${result.complete ? "" : "（不完整）"}`;
    texts.grade = result.grade || (result.complete ? EMPTY : "不完整，暂不评定");
    return texts;
  }

  function resultWarnings(result, rules) {
    const warnings = result.warnings.map((warning) => ({
      draft: "该岗位在原文中是空白模板（待补充），无法评分。",
      "weights-not-100": `本岗位 KPI 权重合计不是 ${rules.weight_total}，按原文权重计算，未作折算。`,
    })[warning]);
    if (!result.complete && !result.warnings.includes("draft")) {
      warnings.push("评分不完整：请补全或更正标出的项目。");
    }
    return warnings;
  }

  // The groups this position rates, in the company's order: [{id, name}].
  function usedGroups(data) {
    return data.rules.groups.filter((group) => data.position.competencies[group.id].length);
  }

  // Each rated item of the position once, in order, with its rating if it counts (else null).
  function chartRows(data, appraisal, result) {
    const ids = [...new Set(data.rules.groups.flatMap((g) => data.position.competencies[g.id]))];
    return ids.map((id) => ({
      name: data.competencies[id].name,
      value: id in result.errors.competencies ? null : appraisal.ratings[id],
    }));
  }

  function chartLabel(rows) {
    return "能力与态度评分图：" +
      rows.map((row) => `${row.name} ${row.value === null ? "未评" : row.value}`).join("，");
  }

  const texts = { ERRORS, format, entryMessage, actualMessage, weightedText, resultTexts,
                  resultWarnings, usedGroups, chartRows, chartLabel };
  (root.PositionCalculator ??= {}).texts = texts;
  if (typeof module !== "undefined") module.exports = texts;
})(globalThis);
