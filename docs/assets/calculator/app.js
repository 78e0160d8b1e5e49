// The scoring calculator page: choose a position, score it, keep and share the appraisal.
// Everything happens in this browser: data files come from this site, nothing is sent.
// This file only wires the modules together (mkdocs.yml loads them first, in order):
// numbers, scoring, state, storage, dom, texts, downloads, data, chooser, sheet, results.

(function (root) {
  "use strict";

  const calculator = root.PositionCalculator;
  const { h } = calculator.dom;
  const { score, tierPoints } = calculator.scoring;
  const { decodeState, emptyState, encodeState, stateFromForm, appraisalFromForm } = calculator.state;
  const { readNumber } = calculator.numbers;
  const storage = calculator.storage;
  const downloads = calculator.downloads;
  const { buildSheet, readForm } = calculator.sheet;
  const results = calculator.results;

  class Calculator {
    constructor(element) {
      this.root = element;
      const base = calculator.data.siteBase();
      this.folder = new URL("data/calculator/", base);
      this.glossary = new URL("glossary/", base);
      this.data = null;
      this.sheet = null;
      this.result = null;
    }

    async start() {
      const params = new URLSearchParams(storage.savedQuery());
      this.chooser = new calculator.Chooser(this.folder, (id) => this.openPosition(id, new URLSearchParams()));
      this.noticeBox = h("div", { id: "pc-notice", role: "status" });
      this.sheetBox = h("div", { id: "pc-sheet" });
      this.root.replaceChildren(this.chooser.element, this.noticeBox, this.sheetBox);
      // A link to one position loads only that position's data; the list of every
      // department waits until someone opens the department menu (its size grows with the
      // catalogue, the position's data does not).
      if (params.get("position")) await this.openPosition(params.get("position"), params);
      else await this.chooser.loadDepartments();
    }

    notice(messages, kind = "warning") {
      this.noticeBox.replaceChildren();
      if (!messages.length) return;
      this.noticeBox.append(h("div", { class: `admonition ${kind}` },
        h("p", { class: "admonition-title" }, kind === "warning" ? "链接中有无法使用的内容，已忽略" : "提示"),
        h("ul", {}, messages.map((m) => h("li", {}, m)))));
    }

    async openPosition(id, params) {
      let data;
      try {
        data = await calculator.data.loadPosition(this.folder, id);
      } catch (error) {
        this.notice([`找不到岗位“${id}”：链接可能来自其他目录或已过期。请重新选择岗位。`]);
        this.sheetBox.replaceChildren();
        return;
      }
      this.data = data;
      const { state, dropped } = decodeState(params, data);
      this.notice(dropped);
      await this.chooser.show(data.position, data.department);
      this.show(state);
    }

    show(state) {
      this.sheet = buildSheet(this.data, state, {
        change: () => this.update(),
        actual: (index) => this.fromActual(index),
        level: (index) => this.fromLevel(index),
        print: () => root.print(),
        csv: () => this.download("csv"),
        json: () => this.download("json"),
        copy: () => this.copyLink(),
        reset: () => this.reset(),
      }, this.glossary);
      this.sheetBox.replaceChildren(...this.sheet.content);
      this.update();
    }

    // An actual result fills in the points its tier gives (a lost threshold leaves them).
    fromActual(index) {
      const row = this.sheet.kpis[index];
      const value = readNumber(row.actual.value);
      if (value !== null) {
        const hit = tierPoints(this.data.position.kpis[index].scale, value);
        if (hit.points !== null) row.points.value = String(hit.points);
      }
      this.update();
    }

    fromLevel(index) {
      const row = this.sheet.kpis[index];
      const level = this.data.position.kpis[index].scale.levels.find((l) => l.label === row.level.value);
      if (level) row.points.value = String(level.points);
      this.update();
    }

    update() {
      const { position, scoring, rules } = this.data;
      const form = readForm(this.sheet);
      const appraisal = appraisalFromForm(form);
      this.result = score(position, scoring, appraisal, rules);
      results.showEntries(this.sheet, this.data, form, this.result);
      results.showTotals(this.sheet, this.data, this.result);
      results.drawChart(this.sheet, this.data, appraisal, this.result);
      storage.keep(encodeState(stateFromForm(this.data, form)));
    }

    download(kind) {
      const state = stateFromForm(this.data, readForm(this.sheet));
      const record = downloads.appraisalRecord(this.data, state, this.result);
      const name = downloads.fileName(record, kind);
      if (kind === "json") {
        downloads.download(this.root, name, "application/json", JSON.stringify(record, null, 2));
      } else {
        downloads.download(this.root, name, "text/csv", downloads.appraisalCsv(record, this.data));
      }
    }

    async copyLink() {
      try {
        await root.navigator.clipboard.writeText(root.location.href);
        this.notice(["链接已复制。打开这个链接即可看到本次评分。"], "info");
      } catch (error) {
        this.notice([`请手动复制地址栏中的链接：${root.location.href}`], "info");
      }
    }

    reset() {
      if (!root.confirm("清空本岗位的全部评分和填写内容？此操作无法撤销。")) return;
      storage.forget();
      this.show(emptyState(this.data.position.id, this.data.version));
    }
  }

  function start() {
    // The one element looked up in the page: the calculator's own root.
    const element = document.getElementById("pc-calculator");
    if (!element || element.dataset.started) return;
    element.dataset.started = "true";
    new Calculator(element).start().catch((error) => {
      element.append(h("p", { class: "pc-warning" }, `计算器加载失败：${error.message}`));
    });
  }

  // Material's document$ announces each page of instant navigation; it does not emit from
  // file://, so start on the page as loaded too (start() runs once per page).
  if (root.document$) root.document$.subscribe(start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(globalThis);
