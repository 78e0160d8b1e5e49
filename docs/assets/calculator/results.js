// Showing a scored appraisal on its sheet (sheet.js): the message and validity (ARIA) of each
// entry, the result lines, warnings and summary bar, the what-if, the chart of ratings, and
// the printed form. The words come from texts.js.

(function (root) {
  "use strict";

  const { h, svg } = root.PositionCalculator.dom;
  const texts = root.PositionCalculator.texts;
  const { printForm } = root.PositionCalculator.printform;

  // Beside each input: what is wrong with it (aria-invalid too), what its actual result or
  // level gives, or that its points overrule that (with a button to take the computed ones).
  function showEntries(sheet, data, form, result) {
    const { position, scoring } = data;
    position.kpis.forEach((kpi, index) => {
      const row = sheet.kpis[index];
      const message = texts.kpiMessage(kpi, form.kpis[index], result.errors.kpis[String(index)], scoring.points);
      row.message.textContent = message.text;
      row.message.className = `pc-msg pc-msg-${message.kind || "none"}`;
      row.points.setAttribute("aria-invalid", String(message.kind === "error"));
      row.adopt.hidden = message.kind !== "override";
      row.adopt.textContent = message.kind === "override" ? `改用 ${message.computed} 分` : "";
      row.adopt.dataset.points = message.kind === "override" ? message.computed : "";
      row.weighted.textContent = texts.weightedText(result.kpis[index], scoring.decimals);
    });
    for (const row of sheet.ratings) {
      const message = texts.entryMessage(result.errors.competencies[row.id], row.input.value, scoring.points);
      row.message.textContent = message.text;
      row.message.className = `pc-msg pc-msg-${message.invalid ? "error" : "none"}`;
      row.input.setAttribute("aria-invalid", String(message.invalid));
      for (const item of row.anchors.children) {
        item.classList.toggle("pc-current", item.dataset.rating === String(readRating(row.input.value)));
      }
    }
  }

  function readRating(text) {
    const value = root.PositionCalculator.numbers.readNumber(text);
    return value === null ? "" : value;
  }

  function showTotals(sheet, data, result) {
    for (const [key, text] of Object.entries(texts.resultTexts(result, data))) {
      sheet.cells[key].textContent = text;
    }
    for (const [key, text] of Object.entries(texts.summaryTexts(result, data))) {
      sheet.summary[key].textContent = text;
    }
    sheet.warnings.replaceChildren(...texts.resultWarnings(result, data.rules).map((warning) =>
      h("p", { class: "pc-warning" }, warning)));
  }

  function showWhatIf(sheet, data, whatIf) {
    const words = texts.whatIfTexts(whatIf, data);
    sheet.whatIf.projection.textContent = words ? words.projection : "该岗位无法评分。";
    sheet.whatIf.target.textContent = words ? words.target : "";
    if (!whatIf) return;
    for (const { item, box } of sheet.whatIf.boxes) box.checked = whatIf.chosen.includes(item);
  }

  // One bar per rated item, its length the rating on the point scale.
  function drawChart(sheet, data, appraisal, result) {
    const rows = texts.chartRows(data, appraisal, result);
    if (!rows.length) { sheet.chart.replaceChildren(); return; }
    const high = data.scoring.points.max;
    const rowHeight = 22;
    const width = (value) => value === null ? 0 : value / high * 220;
    sheet.chart.replaceChildren(svg("svg", {
      viewBox: `0 0 400 ${rows.length * rowHeight + 4}`, role: "img", "aria-label": texts.chartLabel(rows),
    }, rows.map((row, i) => [
      svg("text", { x: 0, y: i * rowHeight + 15 }, row.name),
      svg("rect", { x: 150, y: i * rowHeight + 4, height: 14, width: width(row.value), class: "pc-bar" }),
      svg("text", { x: 155 + width(row.value), y: i * rowHeight + 15 }, row.value === null ? "—" : row.value),
    ])));
  }

  // The form that prints (print media shows it instead of the screen form).
  function showPrint(sheet, data, state, result, options) {
    sheet.print.replaceChildren(printForm(data, state, result, options));
  }

  root.PositionCalculator.results = { showEntries, showTotals, showWhatIf, drawChart, showPrint };
})(globalThis);
