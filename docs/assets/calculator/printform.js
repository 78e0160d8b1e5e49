// The printed appraisal form (考核表) of one appraisal, as text (no inputs): made from its
// state and result, shown only in print. Each ability prints with the anchor of the rating
// given (all anchors on request); results and signatures stay together on the last page
// (calculator.css keeps them and every heading with what follows). The calculator prints the
// open appraisal with it, the team view every appraisal, each on a new page.

(function (root) {
  "use strict";

  const { h } = root.PositionCalculator.dom;
  const texts = root.PositionCalculator.texts;

  // options.allAnchors: every anchor of every item, not only the one of its rating.
  function printForm(data, state, result, options = {}) {
    const { position, scoring } = data;
    const d = scoring.decimals;
    const value = (text) => (text && String(text).trim() ? text : h("span", { class: "pc-pf-blank" }));
    return h("section", { class: "pc-print-form" },
      h("div", { class: "pc-pf-keep" },
        h("h2", {}, `考核表：${position.title}`),
        h("p", { class: "pc-pf-sub" }, `${data.department} · 目录版本 ${data.version}`),
        h("table", { class: "pc-pf-fields" }, h("tbody", {}, h("tr", {},
          h("th", { scope: "row" }, "被考核人："), h("td", {}, value(state.employee)),
          h("th", { scope: "row" }, "考核人："), h("td", {}, value(state.rater)),
          h("th", { scope: "row" }, "考核期间："), h("td", {}, value(state.period)))))),
      position.monthly.length ? monthly(position.monthly[0], state.monthly) : null,
      kpis(data, state, result),
      abilities(data, state, result, options),
      h("div", { class: "pc-pf-end" },
        h("h3", {}, "结果"),
        h("table", { class: "pc-pf-results" }, h("tbody", {}, resultRows(data, result, d))),
        texts.resultWarnings(result, data.rules).map((warning) => h("p", { class: "pc-pf-note" }, warning)),
        h("div", { class: "pc-pf-signatures" },
          ["被考核人", "考核人", "日期"].map((label) =>
            h("span", {}, `${label}：`, h("span", { class: "pc-line" }))))));
  }

  function monthly(indicator, rate) {
    return h("div", { class: "pc-pf-keep" },
      h("h3", {}, "月度考核任务完成指标"),
      h("p", {}, `${indicator.indicator}，目标 ${indicator.target}，${indicator.method}。实际完成率：`,
        rate ? `${rate}%` : h("span", { class: "pc-pf-blank" }), "（单独考核，不计入季度总分）"));
  }

  function kpis(data, state, result) {
    const { position, scoring } = data;
    const head = h("h3", {}, "季度考核 KPI 指标");
    if (!position.kpis.length) return h("div", {}, head, h("p", {}, "本岗位没有 KPI 指标（待补充）。"));
    const rows = position.kpis.map((kpi, index) => {
      const entry = state.kpis[index] || {};
      const unit = kpi.scale && kpi.scale.kind === "tiers" ? kpi.scale.unit : "";
      const basis = entry.actual ? `${entry.actual}${unit}` : entry.level || "";
      const message = texts.kpiMessage(kpi, { points: entry.points || "", actual: entry.actual || "",
                                              level: entry.level || "" }, null, scoring.points);
      return h("tr", {},
        h("td", { class: "pc-num" }, index + 1), h("th", { scope: "row" }, kpi.name),
        h("td", { class: "pc-num" }, kpi.weight), h("td", {}, kpi.standard || "—"),
        h("td", {}, kpi.method || "—"), h("td", {}, basis),
        h("td", { class: "pc-num" }, entry.points || h("span", { class: "pc-pf-blank pc-pf-short" }),
          message.kind === "override" && entry.points ? h("small", {}, `（手工，按标准 ${message.computed}）`) : null),
        h("td", { class: "pc-num" }, texts.weightedText(result.kpis[index], scoring.decimals)));
    });
    return h("div", { class: "pc-pf-block" }, head,
      h("table", { class: "pc-pf-table pc-pf-kpis" },
        h("thead", {}, h("tr", {}, ["#", "KPI", "权重 %", "评分标准", "考核方法", "实际值", "得分", "加权"]
          .map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, rows)));
  }

  function abilities(data, state, result, options) {
    const head = h("h3", {}, "半年评价能力态度指标");
    const groups = texts.usedGroups(data);
    if (!groups.length) return h("div", {}, head, h("p", {}, "本岗位没有列出能力和态度项目。"));
    const { min, max } = data.scoring.points;
    return h("div", { class: "pc-pf-block" }, head,
      h("table", { class: "pc-pf-table pc-pf-abilities" },
        h("thead", {}, h("tr", {}, ["项目", `评分（${min}–${max}）`, options.allAnchors ? "行为描述（各等级）" : "行为描述（所评等级）"]
          .map((t) => h("th", { scope: "col" }, t)))),
        groups.map((group) => h("tbody", {},
          h("tr", { class: "pc-pf-group" }, h("th", { scope: "rowgroup", colspan: 3 }, group.name)),
          data.position.competencies[group.id].map((id) =>
            abilityRow(data.competencies[id], state.ratings[id], id in result.errors.competencies, options))))));
  }

  function abilityRow(competency, rating, invalid, options) {
    const given = invalid ? null : Number(rating);
    const anchors = options.allAnchors ? competency.anchors
      : competency.anchors.filter((anchor) => anchor.rating === given);
    return h("tr", {},
      h("th", { scope: "row" }, competency.name,
        competency.unclear ? h("span", { class: "pc-pf-unclear" }, "（名称或含义存疑）") : null),
      h("td", { class: "pc-num" }, given === null ? h("span", { class: "pc-pf-blank pc-pf-short" }) : given),
      h("td", { class: "pc-pf-anchor" }, anchors.map((anchor) => h("div", {
        class: anchor.rating === given ? "pc-pf-given" : null,
      }, options.allAnchors ? `${anchor.rating} 分：${anchor.text}` : anchor.text))));
  }

  function resultRows(data, result, d) {
    const shown = (column) => {
      const value = column.value(result);
      if (column.key === "grade") return texts.gradeText(result);
      if (typeof value === "boolean") return value ? "是" : "否";
      // Results on the point scale carry one decimal more, as on screen; group means do not.
      const finer = ["kpi_on5", "ability_on5"].includes(column.key);
      if (typeof value === "number") return texts.format(value, finer ? d + 1 : d);
      return value || texts.EMPTY;
    };
    const used = new Set(texts.usedGroups(data).map((group) => `${group.id}_on5`));
    const columns = texts.resultColumns(data).filter((c) => !c.key.endsWith("_on5") ||
      !data.rules.groups.some((g) => `${g.id}_on5` === c.key) || used.has(c.key));
    // Two results per line, so that results and signatures take little of the last page.
    const rows = [];
    for (let i = 0; i < columns.length; i += 2) {
      rows.push(h("tr", {}, columns.slice(i, i + 2).map((column) =>
        [h("th", { scope: "row" }, column.label), h("td", {}, shown(column))])));
    }
    return rows;
  }

  root.PositionCalculator.printform = { printForm };
})(globalThis);
