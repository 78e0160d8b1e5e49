// Showing a scored appraisal on its sheet (sheet.js): the message and validity (ARIA) of each
// entry, the result lines and warnings, and the chart of ratings. The words come from texts.js.

(function (root) {
  "use strict";

  const { h, svg } = root.PositionCalculator.dom;
  const texts = root.PositionCalculator.texts;

  // Beside each input: what is wrong with it (aria-invalid too), or what its actual result hits.
  function showEntries(sheet, data, form, result) {
    const { position, scoring } = data;
    position.kpis.forEach((kpi, index) => {
      const row = sheet.kpis[index];
      const typed = form.kpis[index];
      const message = texts.entryMessage(result.errors.kpis[String(index)], typed.points, scoring.points);
      const actual = row.actual ? texts.actualMessage(kpi.scale, typed.actual) : null;
      row.message.textContent = actual ?? message.text;
      row.points.setAttribute("aria-invalid", String(message.invalid));
      row.weighted.textContent = texts.weightedText(result.kpis[index], scoring.decimals);
    });
    for (const row of sheet.ratings) {
      const message = texts.entryMessage(result.errors.competencies[row.id], row.input.value, scoring.points);
      row.message.textContent = message.text;
      row.input.setAttribute("aria-invalid", String(message.invalid));
      for (const item of row.anchors.children) {
        item.classList.toggle("pc-current", item.dataset.rating === row.input.value.trim());
      }
    }
  }

  function showTotals(sheet, data, result) {
    for (const [key, text] of Object.entries(texts.resultTexts(result, data))) {
      sheet.cells[key].textContent = text;
    }
    sheet.warnings.replaceChildren(...texts.resultWarnings(result, data.rules).map((warning) =>
      h("p", { class: "pc-warning" }, warning)));
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

  root.PositionCalculator.results = { showEntries, showTotals, drawChart };
})(globalThis);
