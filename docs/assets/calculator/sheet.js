// The appraisal form (考核表) of one position: built once per position, filled from a state,
// and read back as typed texts (readForm). It keeps references to its inputs and result cells,
// so nothing is looked up in the page.

(function (root) {
  "use strict";

  const { h } = root.PositionCalculator.dom;
  const { usedGroups } = root.PositionCalculator.texts;

  // data: the position's calculator data; state: the entries to show (state.js);
  // on: {change, actual(index), level(index), print, csv, json, copy, reset};
  // glossary: the URL of the glossary, which each rated item links to.
  function buildSheet(data, state, on, glossary) {
    const { position, competencies, scoring } = data;
    const sheet = { fields: {}, kpis: [], ratings: [], cells: {}, warnings: null, chart: null };
    const field = (key, label) => h("div", { class: "pc-field" },
      h("label", { for: `pc-${key}` }, label),
      sheet.fields[key] = h("input", { id: `pc-${key}`, type: "text", maxlength: 100, value: state[key],
                                       oninput: on.change }));
    const kpiRows = position.kpis.map((kpi, index) =>
      kpiRow(sheet, kpi, index, state.kpis[index] || {}, scoring.points, on));
    const groups = usedGroups(data).map((group) =>
      h("section", { class: "pc-group" }, h("h3", {}, group.name),
        position.competencies[group.id].map((id) =>
          ratingRow(sheet, competencies[id], state.ratings[id], scoring.points, on, glossary))));
    sheet.content = [
      h("h2", { class: "pc-form-title" }, `考核表：${position.title}`),
      h("p", { class: "pc-subtitle" }, `${data.department} · 目录版本 ${data.version}`),
      h("div", { class: "pc-fields" }, field("employee", "被考核人"), field("rater", "考核人"),
        field("period", "考核期间")),
      position.monthly.length ? monthlyBlock(sheet, position.monthly[0], state.monthly, on) : null,
      h("h3", {}, "季度考核 KPI 指标"),
      position.kpis.length ? h("div", { class: "pc-table-wrap" }, h("table", { class: "pc-kpis" },
        h("thead", {}, h("tr", {}, ["#", "KPI", "权重 %", "评分标准", "考核方法", "得分", "加权得分"]
          .map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, kpiRows))) : h("p", {}, "本岗位没有 KPI 指标（待补充）。"),
      h("h3", {}, "半年评价能力态度指标"),
      ...(groups.length ? groups : [h("p", {}, "本岗位没有列出能力和态度项目。")]),
      resultsBlock(sheet, data),
      h("div", { class: "pc-signatures pc-print-only" },
        ["被考核人", "考核人", "日期"].map((t) => h("span", {}, `${t}：`, h("span", { class: "pc-line" })))),
      actions(on),
    ].filter(Boolean);
    return sheet;
  }

  function monthlyBlock(sheet, monthly, value, on) {
    sheet.fields.monthly = h("input", { id: "pc-monthly", type: "text", inputmode: "decimal", value,
                                        "aria-describedby": "pc-monthly-note", oninput: on.change });
    return h("div", { class: "pc-monthly" }, h("h3", {}, "月度考核任务完成指标"),
      h("p", {}, `${monthly.indicator}，目标 ${monthly.target}，${monthly.method}`),
      h("div", { class: "pc-field" }, h("label", { for: "pc-monthly" }, "实际完成率 %"),
        sheet.fields.monthly,
        h("span", { id: "pc-monthly-note", class: "pc-note" }, "月度指标单独考核，不计入季度总分")));
  }

  function kpiRow(sheet, kpi, index, entry, range, on) {
    const described = `pc-kpi-${index}-msg`;
    const row = {
      message: h("span", { id: described, class: "pc-msg" }),
      points: h("input", {
        id: `pc-kpi-${index}`, type: "text", inputmode: "numeric", "data-kpi": index, size: 3,
        value: entry.points || "", "aria-label": `第 ${index + 1} 项 KPI“${kpi.name}”得分（${range.min}–${range.max}）`,
        "aria-describedby": described, oninput: on.change,
      }),
      actual: null,
      level: null,
      weighted: h("td", { class: "pc-num", "data-weighted": index }, "—"),
    };
    let extra = null;
    if (kpi.scale && kpi.scale.kind === "tiers") {
      row.actual = h("input", { id: `pc-kpi-${index}-actual`, type: "text", inputmode: "decimal", size: 6,
        "data-kpi-actual": index, value: entry.actual || "",
        "aria-label": `第 ${index + 1} 项 KPI 实际完成值（${kpi.scale.unit}）`,
        "aria-describedby": described, oninput: () => on.actual(index) });
      extra = h("label", { class: "pc-actual" }, `实际值 ${kpi.scale.unit}`, row.actual);
    } else if (kpi.scale && kpi.scale.kind === "named") {
      extra = row.level = h("select", { id: `pc-kpi-${index}-level`, "data-kpi-level": index,
        "aria-label": `第 ${index + 1} 项 KPI 评价等级`, onchange: () => on.level(index) },
        h("option", { value: "" }, "（选择评价）"),
        kpi.scale.levels.map((l) => h("option", { value: l.label, selected: entry.level === l.label },
                                      `${l.label}（${l.points}）`)));
    }
    sheet.kpis[index] = row;
    return h("tr", {},
      h("td", {}, index + 1), h("th", { scope: "row" }, kpi.name), h("td", { class: "pc-num" }, kpi.weight),
      h("td", {}, kpi.standard || "—"), h("td", {}, kpi.method || "—"),
      h("td", { class: "pc-entry" }, extra, row.points, row.message),
      row.weighted);
  }

  function ratingRow(sheet, competency, value, range, on, glossary) {
    const id = competency.id;
    const row = {
      id,
      anchors: h("ol", { id: `pc-c-${id}-anchors`, class: "pc-anchors", reversed: true },
        competency.anchors.map((a) => h("li", { value: a.rating, "data-rating": a.rating },
                                        h("strong", {}, `${a.rating} 分`), " ", a.text))),
      input: h("input", { id: `pc-c-${id}`, type: "text", inputmode: "numeric", size: 3,
        "data-competency": id, value: value || "",
        "aria-label": `${competency.name}评分（${range.min}–${range.max}）`,
        "aria-describedby": `pc-c-${id}-msg pc-c-${id}-anchors`, oninput: on.change }),
      message: h("span", { id: `pc-c-${id}-msg`, class: "pc-msg" }),
    };
    sheet.ratings.push(row);
    return h("div", { class: "pc-rating" },
      h("div", { class: "pc-rating-head" },
        h("a", { href: new URL(`${id}/`, glossary).href }, competency.name),
        h("span", { class: "pc-kind" }, competency.kind), row.input, row.message),
      row.anchors);
  }

  function resultsBlock(sheet, data) {
    const row = (label, key) => h("tr", {}, h("th", { scope: "row" }, label),
                                  sheet.cells[key] = h("td", { "data-result": key }, "—"));
    sheet.warnings = h("div", { id: "pc-result-warnings" });
    sheet.chart = h("div", { id: "pc-chart", class: "pc-chart" });
    return h("section", { class: "pc-results", "aria-label": "评分结果" },
      h("h3", {}, "结果"),
      sheet.warnings,
      h("table", { class: "pc-result-table" }, h("tbody", {},
        row("KPI 结果", "kpi"),
        usedGroups(data).map((group) => row(group.name, `group-${group.id}`)),
        row("能力结果", "ability"), row("总分", "overall"), row("等级", "grade"))),
      sheet.chart);
  }

  function actions(on) {
    const button = (label, onclick, primary) => h("button", {
      type: "button", class: primary ? "md-button md-button--primary" : "md-button", onclick }, label);
    return h("div", { class: "pc-actions pc-noprint" },
      button("打印考核表", on.print, true), button("下载 CSV", on.csv), button("下载 JSON", on.json),
      button("复制链接", on.copy), button("重置", on.reset));
  }

  // The form's texts as typed (state.js turns them into a state and an appraisal).
  function readForm(sheet) {
    const text = (input) => (input ? input.value : "");
    return {
      employee: text(sheet.fields.employee), rater: text(sheet.fields.rater),
      period: text(sheet.fields.period), monthly: text(sheet.fields.monthly).trim(),
      kpis: sheet.kpis.map((row) => ({ points: row.points.value, actual: text(row.actual),
                                       level: text(row.level) })),
      ratings: Object.fromEntries(sheet.ratings.map((row) => [row.id, row.input.value])),
    };
  }

  root.PositionCalculator.sheet = { buildSheet, readForm };
})(globalThis);
