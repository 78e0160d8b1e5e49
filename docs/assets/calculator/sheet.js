// The appraisal form (考核表) of one position on screen: built once per appraisal, filled from
// a state, and read back as typed texts (readForm). It keeps references to its inputs and
// result cells, so nothing is looked up in the page. A KPI's actual result or level fills in
// the points it gives (pointsFromActual, pointsFromLevel). What prints is printform.js's form.

(function (root) {
  "use strict";

  const { h } = root.PositionCalculator.dom;
  const { usedGroups } = root.PositionCalculator.texts;
  const { middlePoints, tierPoints } = root.PositionCalculator.scoring;
  const { readNumber } = root.PositionCalculator.numbers;

  // data: the position's calculator data; state: the entries to show (state.js);
  // on: {change, actual(index), level(index), adopt(index), whatIf, print, printAnchors, csv,
  // json, copy, fresh, remove}; glossary(id): the URL of an item's glossary page.
  function buildSheet(data, state, on, glossary) {
    const { position, competencies, scoring } = data;
    const sheet = { fields: {}, kpis: [], ratings: [], cells: {}, summary: {}, warnings: null,
                    chart: null, whatIf: null, print: null };
    const field = (key, label) => h("div", { class: "pc-field" },
      h("label", { for: `pc-${key}` }, label),
      sheet.fields[key] = h("input", { id: `pc-${key}`, type: "text", maxlength: 100, value: state[key],
                                       autocomplete: "off", oninput: on.change }));
    const kpiRows = position.kpis.map((kpi, index) =>
      kpiRow(sheet, kpi, index, state.kpis[index] || {}, scoring.points, on));
    const groups = usedGroups(data).map((group) =>
      h("section", { class: "pc-group" }, h("h3", {}, group.name),
        position.competencies[group.id].map((id) =>
          ratingRow(sheet, competencies[id], state.ratings[id], scoring.points, on, glossary))));
    sheet.print = h("div", { class: "pc-print" });
    // Where focus goes when another appraisal opens in the form.
    sheet.title = h("h2", { class: "pc-form-title", tabindex: -1 }, `考核表：${position.title}`);
    sheet.content = [
      h("div", { class: "pc-screen" },
        sheet.title,
        h("p", { class: "pc-subtitle" }, `${data.department} · 目录版本 ${data.version}`),
        h("div", { class: "pc-fields" }, field("employee", "被考核人"), field("rater", "考核人"),
          field("period", "考核期间")),
        h("p", { class: "pc-note" }, "同一岗位按“被考核人 + 考核期间”分别保存在本浏览器中。"),
        position.monthly.length ? monthlyBlock(sheet, position.monthly[0], state.monthly, on) : null,
        h("h3", {}, "季度考核 KPI 指标"),
        position.kpis.length ? kpiTable(kpiRows) : h("p", {}, "本岗位没有 KPI 指标（待补充）。"),
        h("h3", {}, "半年评价能力态度指标"),
        ...(groups.length ? groups : [h("p", {}, "本岗位没有列出能力和态度项目。")]),
        resultsBlock(sheet, data, on),
        actions(on),
        summaryBar(sheet)),
      sheet.print,
    ];
    return sheet;
  }

  function monthlyBlock(sheet, monthly, value, on) {
    sheet.fields.monthly = h("input", { id: "pc-monthly", type: "text", inputmode: "decimal", value, size: 8,
                                        autocomplete: "off", "aria-describedby": "pc-monthly-note",
                                        oninput: on.change });
    return h("div", { class: "pc-monthly" }, h("h3", {}, "月度考核任务完成指标"),
      h("p", {}, `${monthly.indicator}，目标 ${monthly.target}，${monthly.method}`),
      h("div", { class: "pc-field" }, h("label", { for: "pc-monthly" }, "实际完成率 %"),
        sheet.fields.monthly,
        h("span", { id: "pc-monthly-note", class: "pc-note" }, "月度指标单独考核，不计入季度总分")));
  }

  // The KPI table; on a narrow screen each row becomes a card (calculator.css), so its parts
  // carry their roles and labels explicitly.
  const KPI_COLUMNS = ["#", "KPI", "权重 %", "评分标准", "考核方法", "得分", "加权得分"];

  function kpiTable(rows) {
    return h("div", { class: "pc-table-wrap" }, h("table", { class: "pc-kpi-table", role: "table" },
      h("thead", { role: "rowgroup" }, h("tr", { role: "row" },
        KPI_COLUMNS.map((t) => h("th", { scope: "col", role: "columnheader" }, t)))),
      h("tbody", { role: "rowgroup" }, rows)));
  }

  function kpiRow(sheet, kpi, index, entry, range, on) {
    const described = `pc-kpi-${index}-msg`;
    const row = {
      message: h("span", { id: described, class: "pc-msg" }),
      adopt: h("button", { type: "button", class: "md-button pc-adopt", hidden: true, onclick: () => on.adopt(index) }),
      points: h("input", {
        id: `pc-kpi-${index}`, type: "text", inputmode: "numeric", "data-kpi": index, size: 3,
        autocomplete: "off", value: entry.points || "",
        "aria-label": `第 ${index + 1} 项 KPI“${kpi.name}”得分（${range.min}–${range.max}）`,
        "aria-describedby": described, oninput: on.change,
      }),
      actual: null,
      level: null,
      weighted: h("td", { class: "pc-num", role: "cell", "data-label": "加权得分", "data-weighted": index }, "—"),
    };
    let extra = null;
    if (kpi.scale && kpi.scale.kind === "tiers") {
      row.actual = h("input", { id: `pc-kpi-${index}-actual`, type: "text", inputmode: "decimal", size: 6,
        autocomplete: "off", "data-kpi-actual": index, value: entry.actual || "",
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
    const cell = (label, ...content) => h("td", { role: "cell", "data-label": label }, ...content);
    return h("tr", { role: "row" },
      h("td", { class: "pc-kpi-number", role: "cell" }, index + 1),
      h("th", { scope: "row", role: "rowheader", class: "pc-kpi-name" }, kpi.name),
      h("td", { class: "pc-num", role: "cell", "data-label": "权重 %" }, kpi.weight),
      cell("评分标准", kpi.standard || "—"), cell("考核方法", kpi.method || "—"),
      h("td", { class: "pc-entry", role: "cell", "data-label": "得分" },
        extra, h("span", { class: "pc-points" }, row.points), row.message, row.adopt),
      row.weighted);
  }

  function ratingRow(sheet, competency, value, range, on, glossary) {
    const id = competency.id;
    // An entry whose name or meaning is a guess (its `unclear` in the glossary) is marked
    // beside its name: the reason is the mark's tooltip, read with the name and the rating box,
    // and the mark opens the glossary's note.
    const doubt = competency.unclear ? `pc-c-${id}-unclear` : null;
    const row = {
      id,
      anchors: h("ol", { id: `pc-c-${id}-anchors`, class: "pc-anchors", reversed: true },
        competency.anchors.map((a) => h("li", { value: a.rating, "data-rating": a.rating },
                                        h("strong", {}, `${a.rating} 分`), " ", a.text))),
      input: h("input", { id: `pc-c-${id}`, type: "text", inputmode: "numeric", size: 3,
        autocomplete: "off", "data-competency": id, value: value || "",
        "aria-label": `${competency.name}评分（${range.min}–${range.max}）`,
        "aria-describedby": [`pc-c-${id}-msg`, doubt, `pc-c-${id}-anchors`].filter(Boolean).join(" "),
        oninput: on.change }),
      message: h("span", { id: `pc-c-${id}-msg`, class: "pc-msg" }),
    };
    sheet.ratings.push(row);
    return h("div", { class: "pc-rating" },
      h("div", { class: "pc-rating-head" },
        h("a", { href: glossary(id).href, "aria-describedby": doubt }, competency.name),
        doubt ? [
          h("a", { href: `${glossary(id).href}#unclear`, class: "pc-unclear", title: competency.unclear },
            "名称或含义存疑"),
          h("span", { id: doubt, hidden: true }, `名称或含义存疑：${competency.unclear}`),
        ] : null,
        h("span", { class: "pc-kind" }, competency.kind), row.input, row.message),
      row.anchors);
  }

  function resultsBlock(sheet, data, on) {
    const row = (label, key) => h("tr", {}, h("th", { scope: "row" }, label),
                                  sheet.cells[key] = h("td", { "data-result": key }, "—"));
    sheet.warnings = h("div", { id: "pc-result-warnings" });
    sheet.chart = h("div", { id: "pc-chart", class: "pc-chart" });
    return h("section", { class: "pc-results", "aria-labelledby": "pc-results-title" },
      h("h3", { id: "pc-results-title" }, "结果"),
      sheet.warnings,
      h("table", { class: "pc-result-table" }, h("tbody", {},
        row("KPI 结果", "kpi"),
        usedGroups(data).map((group) => row(group.name, `group-${group.id}`)),
        row("能力结果", "ability"), row("总分", "overall"), row("等级", "grade"))),
      whatIfBlock(sheet, data, on),
      sheet.chart);
  }

  // The what-if: open items counted at a value the manager picks, and what the chosen items
  // need to reach the next grade band. Which items may rise: the open ones until the manager
  // ticks others.
  function whatIfBlock(sheet, data, on) {
    const { min, max } = data.scoring.points;
    const values = [];
    for (let value = min; value <= max; value++) values.push(value);
    const fill = h("select", { id: "pc-whatif-fill", onchange: on.whatIf },
      values.map((value) => h("option", { value, selected: value === middlePoints(data.scoring) }, value)));
    const items = [
      ...data.position.kpis.map((kpi, index) => ({ item: `k${index}`, name: `KPI ${index + 1} ${kpi.name}` })),
      ...[...new Set(usedGroups(data).flatMap((g) => data.position.competencies[g.id]))]
        .map((id) => ({ item: `c.${id}`, name: data.competencies[id].name })),
    ];
    const boxes = items.map(({ item, name }) => {
      const box = h("input", { type: "checkbox", id: `pc-whatif-${item}`, value: item, onchange: () => {
        sheet.whatIf.touched = true;
        on.whatIf();
      } });
      return { item, box, element: h("label", { class: "pc-choice" }, box, name) };
    });
    sheet.whatIf = {
      fill, boxes, touched: false,
      projection: h("p", { "data-whatif": "projection" }),
      target: h("p", { "data-whatif": "target" }),
    };
    return h("section", { class: "pc-whatif pc-noprint", "aria-labelledby": "pc-whatif-title" },
      h("h4", { id: "pc-whatif-title" }, "假设分析"),
      h("div", { class: "pc-row" }, h("label", { for: "pc-whatif-fill" }, "未评项目按"), fill, h("span", {}, "分计")),
      sheet.whatIf.projection, sheet.whatIf.target,
      h("details", {}, h("summary", {}, "选择可以提高的项目（默认：未评的项目；都已评时为全部项目）"),
        h("div", { class: "pc-choices" }, boxes.map((b) => b.element))));
  }

  function actions(on) {
    const button = (label, onclick, primary) => h("button", {
      type: "button", class: primary ? "md-button md-button--primary" : "md-button", onclick }, label);
    return h("div", { class: "pc-actions pc-noprint" },
      button("打印考核表", on.print, true),
      h("label", { class: "pc-choice" }, h("input", { type: "checkbox", id: "pc-print-anchors", onchange: on.printAnchors }),
        "打印全部等级描述"),
      button("下载 CSV", on.csv), button("下载 JSON", on.json), button("复制链接", on.copy),
      button("新建考核", on.fresh), button("删除本考核", on.remove));
  }

  // Always in view while scoring (calculator.css keeps it at the foot of the screen).
  function summaryBar(sheet) {
    const item = (label, key) => h("span", { class: "pc-summary-item" }, h("span", { class: "pc-summary-label" }, label),
      sheet.summary[key] = h("strong", { "data-summary": key }, "—"));
    sheet.saveStatus = h("span", { class: "pc-save-status", id: "pc-save-status" });
    return h("div", { class: "pc-summary pc-noprint", role: "group", "aria-label": "评分摘要（百分制）" },
      h("span", { class: "pc-summary-label" }, "百分制"), item("KPI", "kpi"), item("能力", "ability"), item("总分", "overall"), item("等级", "grade"),
      sheet.saveStatus);
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

  // The what-if options the form holds: {fill, chosen} (chosen undefined until ticked).
  function readWhatIf(sheet) {
    const { fill, boxes, touched } = sheet.whatIf;
    return { fill: Number(fill.value),
             chosen: touched ? boxes.filter((b) => b.box.checked).map((b) => b.item) : undefined };
  }

  // An actual result fills in the points its tier gives (a lost threshold leaves them).
  function pointsFromActual(sheet, data, index) {
    const row = sheet.kpis[index];
    const scale = data.position.kpis[index].scale;
    const value = readNumber(row.actual.value, scale.unit);
    if (value !== null) {
      const hit = tierPoints(scale, value);
      if (hit.points !== null) row.points.value = String(hit.points);
    }
  }

  // A level chosen fills in its points.
  function pointsFromLevel(sheet, data, index) {
    const row = sheet.kpis[index];
    const level = data.position.kpis[index].scale.levels.find((l) => l.label === row.level.value);
    if (level) row.points.value = String(level.points);
  }

  root.PositionCalculator.sheet = { buildSheet, readForm, readWhatIf, pointsFromActual, pointsFromLevel };
})(globalThis);
