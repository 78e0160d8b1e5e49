// The team view's table (team.js): its columns (each with the value it sorts by and the cell
// it shows), the order of its rows, and the table itself, a sort button in each column head
// and, in each row, buttons to open or delete the appraisal. Pure except teamTable(), which
// makes the elements.

(function (root) {
  "use strict";

  const calculator = root.PositionCalculator ?? {};
  const { h } = calculator.dom ?? require("./dom.js");
  const texts = calculator.texts ?? require("./texts.js");

  // The table's columns: label, the value sorted by, and the cell shown. An entry: a saved
  // record, its position's data and its state and result (null when the position is gone).
  function columns(settings) {
    const d = settings.scoring.decimals;
    const rank = (grade) => {
      const index = settings.scoring.grades.findIndex((band) => band.name === grade);
      return index < 0 ? null : -index;
    };
    const number = (value) => texts.format(value, d);
    const of = (entry) => entry.result;
    return [
      { key: "employee", label: "被考核人", sort: (e) => e.record.employee, cell: (e) => e.record.employee || "（未填）", head: true },
      { key: "position", label: "岗位", sort: (e) => e.record.title, cell: (e) => e.data ? e.data.position.title : `${e.record.title}（已不在目录中）` },
      { key: "period", label: "考核期间", sort: (e) => e.record.period, cell: (e) => e.record.period || "—" },
      { key: "kpi", label: "KPI（百分制）", sort: (e) => of(e) && of(e).kpi.on100, cell: (e) => of(e) ? number(of(e).kpi.on100) : "—", numeric: true },
      { key: "ability", label: "能力（百分制）", sort: (e) => of(e) && of(e).ability.on100, cell: (e) => of(e) ? number(of(e).ability.on100) : "—", numeric: true },
      { key: "overall", label: "总分（百分制）", sort: (e) => of(e) && of(e).overall, cell: (e) => of(e) ? number(of(e).overall) : "—", numeric: true },
      { key: "grade", label: "等级", sort: (e) => of(e) && rank(of(e).grade), cell: (e) => of(e) && of(e).grade || "—" },
      { key: "complete", label: "完整", sort: (e) => of(e) ? Number(of(e).complete) : null, cell: (e) => of(e) && of(e).complete ? "是" : "否" },
      { key: "saved", label: "保存时间", sort: (e) => e.record.saved, cell: (e) => texts.savedAt(e.record.saved) },
    ];
  }

  function compare(a, b) {
    if (a === b) return 0;
    if (a === null || a === undefined || a === "") return 1; // nothing sorts last either way
    if (b === null || b === undefined || b === "") return -1;
    return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "zh");
  }

  // The entries in the order of `column`, ascending or not; entries alike keep their order.
  function sortEntries(entries, column, ascending) {
    const sorted = entries.map((entry, index) => ({ entry, index }))
      .sort((a, b) => {
        const order = compare(column.sort(a.entry), column.sort(b.entry));
        const missing = [column.sort(a.entry), column.sort(b.entry)].some((v) => v === null || v === undefined || v === "");
        return (missing || ascending ? order : -order) || a.index - b.index;
      });
    return sorted.map((item) => item.entry);
  }

  // The table of the entries shown (in their order), or the words saying there are none.
  // view: columns, sortKey and ascending (the order shown), caption (the period's name),
  // calculator (the calculator page's address), sortBy(key) and remove(entry).
  function teamTable(shown, view) {
    if (!shown.length) {
      return h("p", {}, "本浏览器中还没有保存的考核。在",
        h("a", { href: view.calculator }, "考核计算器"), "中评分后，考核会自动保存在这里；也可以导入其他浏览器导出的文件。");
    }
    // On a phone each row is a card (calculator.css), the head a row of sort buttons: the
    // parts carry their roles and labels explicitly.
    const head = view.columns.map((column) => {
      const sorted = column.key === view.sortKey;
      return h("th", { scope: "col", role: "columnheader", "aria-sort": sorted ? (view.ascending ? "ascending" : "descending") : null,
                       class: column.numeric ? "pc-num" : null },
        // Material marks the sorted column ([aria-sort]), as on its own sortable tables.
        h("button", { type: "button", class: "pc-sort", "data-sort": column.key, onclick: () => view.sortBy(column.key) },
          column.label));
    });
    const rows = shown.map((entry) => h("tr", { role: "row" },
      view.columns.map((column) => h(column.head ? "th" : "td",
        { scope: column.head ? "row" : null, role: column.head ? "rowheader" : "cell",
          class: column.numeric ? "pc-num" : null, "data-column": column.key, "data-label": column.label },
        column.cell(entry))),
      h("td", { class: "pc-row-actions", role: "cell" },
        entry.data ? h("a", { class: "md-button pc-small", href: `${view.calculator}?${entry.record.query}`,
                              "aria-label": `打开 ${entry.record.title} ${texts.appraisalName(entry.record)}` }, "打开") : null,
        h("button", { type: "button", class: "md-button pc-small", onclick: () => view.remove(entry),
                      "aria-label": `删除 ${entry.record.title} ${texts.appraisalName(entry.record)}` }, "删除"))));
    return h("table", { class: "pc-team-table", role: "table" },
      h("caption", {}, `${view.caption}：${shown.length} 份考核（点列名排序）`),
      h("thead", { role: "rowgroup" }, h("tr", { role: "row" }, head, h("th", { scope: "col", role: "columnheader" }, "操作"))),
      h("tbody", { role: "rowgroup" }, rows));
  }

  const teamtable = { columns, compare, sortEntries, teamTable };
  (root.PositionCalculator ??= {}).teamtable = teamtable;
  if (typeof module !== "undefined") module.exports = teamtable;
})(globalThis);
