// What the calculator says about a result, in words: messages beside the entries, the result
// lines and their labels (which say the scale), the warnings, the what-if, the chart's rows
// and its label. Pure: data in, text out.

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
    return value === null || value === undefined ? EMPTY : value.toFixed(digits);
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
    const hit = actualHit(scale, typed);
    return hit === null ? null : hit.text;
  }

  // {points (null if the scale does not decide), text, error}; null while nothing is typed.
  function actualHit(scale, typed) {
    if (!typed.trim()) return null;
    const value = readNumber(typed, scale.unit);
    if (value === null) return { points: null, text: "实际值请输入数字", error: true };
    const hit = tierPoints(scale, value);
    if (hit.points === null) return { points: null, text: ERRORS[hit.reason], error: false };
    const tier = hit.tier === "otherwise" ? "其余情况" : describeTier(scale.tiers[hit.tier], scale.unit);
    return { points: hit.points, text: `命中：${tier} → ${hit.points} 分`, rule: tier, error: false };
  }

  // What a satisfaction level chosen for a KPI gives; null while none is chosen.
  function levelHit(scale, label) {
    const level = label ? scale.levels.find((l) => l.label === label) : null;
    return level ? { points: level.points, text: `${level.label} → ${level.points} 分`, rule: level.label, error: false }
      : null;
  }

  function describeTier(tier, unit) {
    return `${tier.op}${tier.value}${unit}`;
  }

  // The message beside a KPI's entry: {text, kind, computed}. kind: "error" (the input is
  // marked invalid), "hit" (what the actual result or level gives, the points agree),
  // "override" (points typed by hand against the actual result: `computed` is what it gives),
  // "note" (the standard cannot decide: score by hand) or "" (nothing to say).
  function kpiMessage(kpi, typed, error, points) {
    const kind = kpi.scale ? kpi.scale.kind : null;
    const hit = kind === "tiers" ? actualHit(kpi.scale, typed.actual)
      : kind === "named" ? levelHit(kpi.scale, typed.level) : null;
    const entry = entryMessage(error, typed.points, points);
    if (hit && hit.error) return { text: hit.text, kind: "error", computed: null };
    if (entry.invalid) {
      const also = hit && hit.points !== null ? `；按${kind === "named" ? "评价等级" : "实际值"}应为 ${hit.points} 分` : "";
      return { text: entry.text + also, kind: "error", computed: null };
    }
    if (!hit) return { text: "", kind: "", computed: null };
    if (hit.points === null) return { text: hit.text, kind: "note", computed: null };
    const typedPoints = readNumber(typed.points);
    if (typedPoints === null) return { text: `${hit.text}（得分未填）`, kind: "override", computed: hit.points };
    if (typedPoints !== hit.points) {
      const basis = kind === "named" ? `评价“${hit.rule}”` : `实际值（${hit.rule}）`;
      return { text: `手工评为 ${typedPoints} 分，按${basis}应为 ${hit.points} 分`,
               kind: "override", computed: hit.points };
    }
    return { text: hit.text, kind: "hit", computed: null };
  }

  function weightedText(row, decimals) {
    return row.weighted === null ? EMPTY : row.weighted.toFixed(decimals + 1);
  }

  // The scale a result is on, in words: "5 分制" (the company's point scale) or "百分制".
  function scaleName(data, on100) {
    return on100 ? "百分制" : `${data.scoring.points.max} 分制`;
  }

  // Every result of an appraisal as a labelled column, the same for every position (each
  // group of the rules, used or not): [{key, label, value(result)}]. The keys are those of
  // `python -m generator score` (kpi_on5 …), which reads them back as the calculator's.
  function resultColumns(data) {
    const on = (on100) => `（${scaleName(data, on100)}）`;
    return [
      { key: "kpi_on5", label: `KPI 结果${on(false)}`, value: (r) => r.kpi.on5 },
      { key: "kpi_on100", label: `KPI 结果${on(true)}`, value: (r) => r.kpi.on100 },
      ...data.rules.groups.map((group) => ({
        key: `${group.id}_on5`, label: `${group.name}均分${on(false)}`, value: (r) => r.groups[group.id],
      })),
      { key: "ability_on5", label: `能力结果${on(false)}`, value: (r) => r.ability.on5 },
      { key: "ability_on100", label: `能力结果${on(true)}`, value: (r) => r.ability.on100 },
      { key: "overall", label: `总分${on(true)}`, value: (r) => r.overall },
      { key: "grade", label: "等级", value: (r) => r.grade },
      { key: "complete", label: "评分完整", value: (r) => r.complete },
    ];
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
    texts.grade = gradeText(result);
    return texts;
  }

  function gradeText(result) {
    return result.grade || (result.complete ? EMPTY : "不完整，暂不评定");
  }

  // The short results of the summary bar: {kpi, ability, overall, grade}, each on 100.
  function summaryTexts(result, data) {
    const d = data.scoring.decimals;
    return { kpi: format(result.kpi.on100, d), ability: format(result.ability.on100, d),
             overall: format(result.overall, d), grade: result.grade || (result.complete ? EMPTY : "未完成") };
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

  // An item of the what-if ("k0", "c.<id>") by name.
  function itemName(item, data) {
    if (item.startsWith("k")) {
      const index = Number(item.slice(1));
      return `KPI ${index + 1}「${data.position.kpis[index].name}」`;
    }
    return data.competencies[item.slice(2)].name;
  }

  // The what-if in words: {projection, target} (two sentences), or null for a draft.
  function whatIfTexts(whatIf, data) {
    if (!whatIf) return null;
    const d = data.scoring.decimals;
    const result = (r) => `总分 ${format(r.overall, d)}（${r.grade || "无等级"}）`;
    const projection = whatIf.open.length
      ? `未评的 ${whatIf.open.length} 项都按 ${whatIf.fill} 分计：KPI 结果 ${format(whatIf.projected.kpi.on100, d)}，` +
        `能力结果 ${format(whatIf.projected.ability.on100, d)}，${result(whatIf.projected)}。`
      : `所有项目都已评分：${result(whatIf.projected)}。`;
    let target;
    if (!whatIf.target) {
      target = `已是最高等级「${whatIf.projected.grade}」。`;
    } else if (!whatIf.chosen.length) {
      target = `要达到「${whatIf.target.grade}」（≥ ${whatIf.target.min}），请选择可以提高的项目。`;
    } else if (whatIf.needed.reachable) {
      const raises = whatIf.needed.raise.map((r) => `${itemName(r.item, data)} ${r.from}→${r.to}`);
      target = `要达到「${whatIf.target.grade}」（≥ ${whatIf.target.min}）：所选项目共需再加 ` +
        `${whatIf.needed.points} 分，如 ${raises.join("、")}，届时${result(whatIf.needed)}。`;
    } else {
      target = `所选项目全部给到 ${data.scoring.points.max} 分，${result(whatIf.needed)}，` +
        `仍达不到「${whatIf.target.grade}」（≥ ${whatIf.target.min}）。`;
    }
    return { projection, target };
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

  // A saved appraisal named for a list: "王五 · 2026Q4".
  function appraisalName(record) {
    return `${record.employee.trim() || "（未填姓名）"} · ${record.period.trim() || "（未填期间）"}`;
  }

  // When an appraisal was saved, as people read it: "12月1日 10:42".
  function savedAt(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return "";
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getMonth() + 1}月${date.getDate()}日 ${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }

  const texts = { ERRORS, EMPTY, format, entryMessage, actualMessage, actualHit, levelHit, kpiMessage,
                  weightedText, scaleName, resultColumns, resultTexts, gradeText, summaryTexts,
                  resultWarnings, usedGroups, itemName, whatIfTexts, chartRows, chartLabel,
                  appraisalName, savedAt };
  (root.PositionCalculator ??= {}).texts = texts;
  if (typeof module !== "undefined") module.exports = texts;
})(globalThis);
