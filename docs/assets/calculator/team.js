// The team view (团队考核): every appraisal saved in this browser, for a period, as a sortable
// table, the grade distribution against the company's guidance, export of all as one CSV
// (what `python -m generator score` reads) or a JSON backup, import of such a file, and
// printing every appraisal form, each on its own page. Appraisals are scored again from
// their entries with the position's current data, as the calculator scores them. The table's
// columns, order and rows are teamtable.js's.

(function (root) {
  "use strict";

  const calculator = root.PositionCalculator;
  const { h, svg } = calculator.dom;
  const { score } = calculator.scoring;
  const { decodeState, encodeState, appraisalFromState, hasContent } = calculator.state;
  const storage = calculator.storage;
  const downloads = calculator.downloads;
  const texts = calculator.texts;
  const teamfile = calculator.teamfile;
  const distribution = calculator.distribution;
  const { printForm } = calculator.printform;

  const { FAILURES, recordOf } = calculator.records;
  const { columns, sortEntries, teamTable } = calculator.teamtable;

  const ALL = "*";

  class TeamView {
    constructor(element) {
      this.root = element;
      const base = calculator.data.siteBase();
      this.folder = new URL("data/calculator/", base);
      this.calculatorPage = calculator.data.pageUrl("calculator", base);
      this.positions = new Map();
      this.entries = [];
      this.period = null;
      this.sortKey = "employee";
      this.ascending = true;
      this.allAnchors = false;
    }

    async start() {
      this.settings = await calculator.data.loadCompany(this.folder);
      this.columns = columns(this.settings);
      this.periodSelect = h("select", { id: "pc-team-period", onchange: () => { this.period = this.periodSelect.value; this.render(); } });
      this.fileInput = h("input", { id: "pc-team-import", type: "file", accept: ".csv,.json,text/csv,application/json",
                                    onchange: () => this.importFile() });
      this.csvButton = this.button("导出 CSV", () => this.exportCsv(), true);
      this.jsonButton = this.button("导出 JSON 备份", () => this.exportJson());
      this.printButton = this.button("打印全部考核表", () => this.printAll());
      this.noticeBox = h("div", { id: "pc-team-notice", role: "status" });
      this.alertBox = h("div", { id: "pc-team-alert", role: "alert" });
      this.warningBox = h("div", { id: "pc-team-warnings" });
      this.chartBox = h("div", { class: "pc-chart pc-distribution" });
      this.tableTitle = h("h2", { id: "pc-team-table-title", tabindex: -1 }, "考核列表");
      this.tableBox = h("div", { class: "pc-table-wrap" });
      this.printBox = h("div", { class: "pc-print pc-print-all" });
      this.root.replaceChildren(
        h("div", { class: "pc-screen" },
          h("div", { class: "pc-row pc-noprint" }, h("label", { for: "pc-team-period" }, "考核期间"), this.periodSelect),
          this.alertBox, this.noticeBox,
          h("section", { "aria-labelledby": "pc-team-chart-title" },
            h("h2", { id: "pc-team-chart-title" }, "等级分布"), this.warningBox, this.chartBox),
          this.tableTitle, this.tableBox,
          h("div", { class: "pc-actions pc-noprint" }, this.csvButton, this.jsonButton, this.printButton,
            h("label", { class: "pc-choice" }, h("input", { type: "checkbox", id: "pc-team-anchors",
              onchange: (event) => { this.allAnchors = event.target.checked; } }), "打印全部等级描述")),
          h("div", { class: "pc-import pc-noprint" },
            h("label", { for: "pc-team-import" }, "导入 CSV 或 JSON 备份（团队考核导出的文件）"), this.fileInput,
            h("p", { class: "pc-note" }, "导入的考核加入本浏览器已保存的考核；与已保存的同一岗位、同一人、同一期间的考核，替换前会先询问。"))),
        this.printBox);
      root.addEventListener("afterprint", () => { delete this.root.dataset.print; });
      await this.refresh();
    }

    button(label, onclick, primary) {
      return h("button", { type: "button", class: primary ? "md-button md-button--primary" : "md-button", onclick }, label);
    }

    async position(id) {
      if (!this.positions.has(id)) {
        this.positions.set(id, calculator.data.loadPosition(this.folder, id).catch(() => null));
      }
      return this.positions.get(id);
    }

    // Every saved appraisal, scored again with its position's data.
    async refresh() {
      const { records, error } = storage.list();
      this.alertBox.replaceChildren(...(error ? [h("div", { class: "admonition failure" },
        h("p", { class: "admonition-title" }, "无法读取本浏览器保存的考核"), h("p", {}, `${FAILURES[error]}。`))] : []));
      this.entries = await Promise.all(records.map(async (record) => {
        const data = await this.position(record.position);
        if (!data) return { record, data: null, state: null, result: null };
        const { state } = decodeState(new URLSearchParams(record.query), data);
        const result = score(data.position, data.scoring, appraisalFromState(state), data.rules);
        return { record, data, state, result };
      }));
      const periods = [...new Set(records.map((r) => r.period))].sort((a, b) => b.localeCompare(a, "zh"));
      if (this.period === null || (this.period !== ALL && !periods.includes(this.period))) {
        this.period = records.length ? records[0].period : ALL; // the period saved most recently
      }
      this.periodSelect.replaceChildren(h("option", { value: ALL }, `全部期间（${records.length}）`),
        ...periods.map((period) => h("option", { value: period },
          `${period || "（未填期间）"}（${records.filter((r) => r.period === period).length}）`)));
      this.periodSelect.value = this.period;
      this.render();
    }

    shown() {
      const chosen = this.entries.filter((e) => this.period === ALL || e.record.period === this.period);
      return sortEntries(chosen, this.columns.find((c) => c.key === this.sortKey), this.ascending);
    }

    render() {
      const shown = this.shown();
      this.renderTable(shown);
      this.renderChart(shown);
      const scorable = shown.filter((e) => e.data);
      this.csvButton.textContent = `导出 CSV（${scorable.length} 份）`;
      this.jsonButton.textContent = `导出 JSON 备份（${scorable.length} 份）`;
      this.printButton.textContent = `打印全部考核表（${scorable.length} 份）`;
      for (const button of [this.csvButton, this.jsonButton, this.printButton]) button.disabled = !scorable.length;
    }

    renderTable(shown) {
      this.tableBox.replaceChildren(teamTable(shown, {
        columns: this.columns, sortKey: this.sortKey, ascending: this.ascending,
        caption: this.period === ALL ? "全部期间" : this.period || "（未填期间）", calculator: this.calculatorPage.href,
        sortBy: (key) => this.sortBy(key), remove: (entry) => this.remove(entry),
      }));
    }

    sortBy(key) {
      this.ascending = key === this.sortKey ? !this.ascending : true;
      this.sortKey = key;
      this.render();
      this.tableBox.querySelector(`button[data-sort="${key}"]`).focus();
    }

    // Bars of each grade's share of the graded appraisals, with the company's guidance.
    renderChart(shown) {
      const found = distribution.gradeDistribution(this.settings.scoring, shown.filter((e) => e.result).map((e) => e.result));
      const warnings = distribution.distributionWarnings(found);
      const incomplete = found.incomplete ? [h("p", { class: "pc-note" }, `另有 ${found.incomplete} 份考核不完整或无法评分，未计入分布。`)] : [];
      this.warningBox.replaceChildren(...(warnings.length ? [h("div", { class: "admonition warning" },
        h("p", { class: "admonition-title" }, "超过公司的等级分布指导"), h("ul", {}, warnings.map((w) => h("li", {}, w))))] : []),
        ...incomplete);
      const rowHeight = 26;
      const left = 70;
      const width = 260;
      const x = (percent) => left + percent / 100 * width;
      this.chartBox.replaceChildren(svg("svg", {
        viewBox: `0 0 460 ${found.bands.length * rowHeight + 24}`, role: "img", "aria-label": distribution.distributionLabel(found),
      },
      found.bands.map((band, i) => {
        const y = i * rowHeight;
        return [
          svg("text", { x: 0, y: y + 17 }, band.name),
          svg("rect", { x: left, y: y + 5, width: width, height: 16, class: "pc-track" }),
          svg("rect", { x: left, y: y + 5, width: band.percent / 100 * width, height: 16, class: band.over ? "pc-bar pc-over" : "pc-bar" }),
          band.limit === null ? null : svg("line", { x1: x(band.limit), x2: x(band.limit), y1: y + 1, y2: y + 25, class: "pc-limit" }),
          svg("text", { x: left + width + 8, y: y + 17 },
            `${band.count} 份 ${distribution.percentText(Math.round(band.percent * 10) / 10)}` +
            (band.limit === null ? "" : `（上限 ${distribution.percentText(band.limit)}）`) + (band.over ? " 超出" : "")),
        ];
      }),
      svg("text", { x: left, y: found.bands.length * rowHeight + 18, class: "pc-axis" },
        found.bands.some((band) => band.limit !== null) ? "竖线：公司指导的上限" : "公司未设等级分布指导")));
    }

    async remove(entry) {
      const name = `${entry.record.title}「${texts.appraisalName(entry.record)}」`;
      if (!root.confirm(`删除${name}的考核？它将从本浏览器中删除，无法恢复。`)) return;
      const removed = storage.remove(storage.keyOf(entry.record));
      this.report(removed.ok ? [`已删除${name}的考核。`] : [`未能删除：${FAILURES[removed.reason]}。`]);
      await this.refresh();
      this.tableTitle.focus();
    }

    report(lines, problems = []) {
      this.noticeBox.replaceChildren(h("div", { class: `admonition ${problems.length ? "warning" : "info"}` },
        h("p", { class: "admonition-title" }, lines[0]),
        lines.slice(1).map((line) => h("p", {}, line)),
        problems.length ? h("ul", { class: "pc-problems" }, problems.map((p) => h("li", {}, p))) : null));
    }

    scorable() {
      return this.shown().filter((entry) => entry.data);
    }

    fileLabel() {
      return this.period === ALL ? "全部期间" : this.period || "未填期间";
    }

    exportCsv() {
      downloads.download(this.root, `团队考核-${this.fileLabel()}.csv`, "text/csv", downloads.teamCsv(this.scorable()));
    }

    exportJson() {
      downloads.download(this.root, `团队考核-${this.fileLabel()}.json`, "application/json", downloads.teamJson(this.scorable()));
    }

    // Every appraisal shown, each form on a page of its own (calculator.css).
    printAll() {
      this.printBox.replaceChildren(...this.scorable().map((entry) =>
        printForm(entry.data, entry.state, entry.result, { allAnchors: this.allAnchors })));
      this.root.dataset.print = "forms";
      root.print();
    }

    async importFile() {
      const file = this.fileInput.files[0];
      if (!file) return;
      const text = await file.text();
      this.fileInput.value = "";
      const { items, problems: fileProblems } = teamfile.readTeamFile(file.name, text, this.settings);
      if (fileProblems.length) {
        this.report([`未能导入 ${file.name}：`], fileProblems);
        return;
      }
      const problems = [];
      const good = [];
      const keys = new Map();
      for (const item of items) {
        const where = `第 ${item.row} ${/\.json$/i.test(file.name) ? "份" : "行"}`;
        const data = item.position ? await this.position(item.position) : null;
        const found = [...item.problems];
        if (!item.position) found.push("没有岗位（position）");
        else if (!data) found.push(`目录中没有岗位“${item.position}”`);
        let state = null;
        if (data) {
          const decoded = decodeState(teamfile.itemParams(item, data), data);
          found.push(...decoded.dropped);
          state = decoded.state;
        }
        if (state && !hasContent(state)) found.push("没有任何评分内容");
        if (state) {
          const key = storage.storageKey(state.position, state.employee, state.period);
          if (keys.has(key)) found.push(`与第 ${keys.get(key)} ${/\.json$/i.test(file.name) ? "份" : "行"}是同一岗位、同一人、同一期间`);
          else keys.set(key, item.row);
        }
        if (found.length) {
          problems.push(`${where}：${found.join("；")}`);
          continue;
        }
        const version = item.version && item.version !== data.version ? item.version : null;
        good.push({ item, data, state, where, version });
      }
      const records = good.map(({ data, state }) => {
        const result = score(data.position, data.scoring, appraisalFromState(state), data.rules);
        return recordOf(data, state, encodeState(state), result);
      });
      const existing = records.map((record) => storage.read(storage.keyOf(record)));
      const clashing = records.filter((record, i) => existing[i] && existing[i].query !== record.query);
      const replace = clashing.length > 0 && root.confirm(
        `文件中有 ${clashing.length} 份考核与本浏览器已保存的是同一岗位、同一人、同一期间，但内容不同。\n` +
        "确定：用文件中的替换它们；取消：保留本浏览器中的，跳过文件中的这些。");
      let added = 0;
      let replaced = 0;
      let same = 0;
      records.forEach((record, i) => {
        const { where, version } = good[i];
        if (existing[i] && existing[i].query === record.query) { same++; return; }
        if (existing[i] && !replace) { problems.push(`${where}：已保存的同一人同一期间的考核内容不同，已保留本浏览器中的`); return; }
        const written = storage.write(record);
        if (!written.ok) { problems.push(`${where}：未能保存（${FAILURES[written.reason]}）`); return; }
        if (existing[i]) replaced++; else added++;
        if (version) problems.push(`${where}：来自目录版本 ${version}，当前为 ${record.version}，已按当前版本评分，请核对`);
      });
      const summary = [`从 ${file.name} 导入 ${added + replaced} 份考核` +
        (replaced ? `（其中替换 ${replaced} 份）` : "") + (same ? `，${same} 份与已保存的相同` : "") +
        (problems.length ? `；以下 ${problems.length} 项请查看：` : "。")];
      this.report(summary, problems);
      this.period = null;
      await this.refresh();
    }
  }

  function start() {
    const element = document.getElementById("pc-team");
    if (!element || element.dataset.started) return;
    element.dataset.started = "true";
    new TeamView(element).start().catch((error) => {
      element.append(h("p", { class: "pc-warning" }, `团队考核加载失败：${error.message}`));
    });
  }

  calculator.TeamView = TeamView;
  if (root.document$) root.document$.subscribe(start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(globalThis);
