// The scoring calculator page: choose a position, score it, keep every appraisal, share one.
// Everything happens in this browser: data files come from this site, nothing is sent.
// This file only wires the modules together (mkdocs.yml loads them first, in order); what the
// page shows of the saved appraisals is saved.js's, their records records.js's.
// Each appraisal is kept in this browser by position, employee and period as it is typed;
// nothing kept is replaced or deleted unless the manager confirms it.

(function (root) {
  "use strict";

  const calculator = root.PositionCalculator;
  const { h } = calculator.dom;
  const { score, whatIf } = calculator.scoring;
  const { decodeState, emptyState, encodeState, stateFromForm, appraisalFromForm, hasContent } = calculator.state;
  const storage = calculator.storage;
  const downloads = calculator.downloads;
  const texts = calculator.texts;
  const { buildSheet, readForm, readWhatIf, pointsFromActual, pointsFromLevel } = calculator.sheet;
  const results = calculator.results;
  const { FAILURES, recordOf, legacyRecord } = calculator.records;
  const { savedList, savedOffer, saveStatus, outcomeAlert } = calculator.saved;

  class Calculator {
    constructor(element) {
      this.root = element;
      const base = calculator.data.siteBase();
      this.folder = new URL("data/calculator/", base);
      this.glossary = (id) => calculator.data.pageUrl(`glossary/${id}`, base);
      this.team = calculator.data.pageUrl("team", base);
      this.data = null;
      this.sheet = null;
      this.result = null;
      this.keeper = new storage.Keeper();
      this.outcome = { state: "empty" };
      this.printAnchors = false;
    }

    async start() {
      storage.moveLegacy((query) => legacyRecord(query));
      const params = new URLSearchParams(root.location.search);
      this.chooser = new calculator.Chooser(this.folder, (id) => this.choose(id));
      this.savedBox = h("details", { class: "pc-saved pc-noprint", ontoggle: () => this.showSaved() });
      this.noticeBox = h("div", { id: "pc-notice", role: "status" });
      this.alertBox = h("div", { id: "pc-alert", role: "alert" });
      this.offerBox = h("div", { id: "pc-offer" });
      this.sheetBox = h("div", { id: "pc-sheet" });
      this.root.replaceChildren(this.chooser.element, this.savedBox, this.noticeBox, this.alertBox,
                                this.offerBox, this.sheetBox);
      this.showSaved();
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

    // Whether leaving the open appraisal would lose what the form shows.
    unsaved() {
      return this.sheet !== null && ["conflict", "failed"].includes(this.outcome.state) &&
        hasContent(stateFromForm(this.data, readForm(this.sheet)));
    }

    mayLeave() {
      return !this.unsaved() || root.confirm("当前考核表的内容尚未保存到本浏览器，离开后将丢失（链接中仍有）。仍要离开吗？");
    }

    async choose(id) {
      if (!this.mayLeave()) {
        await this.chooser.show(this.data.position, this.data.department);
        return;
      }
      await this.openPosition(id, new URLSearchParams());
    }

    // Opens `id` with the entries of `params`; `key`: the saved appraisal these come from.
    async openPosition(id, params, key = null) {
      let data;
      try {
        data = await calculator.data.loadPosition(this.folder, id);
      } catch (error) {
        this.notice([`找不到岗位“${id}”：链接可能来自其他目录或已过期。请重新选择岗位。`]);
        this.sheetBox.replaceChildren();
        return false;
      }
      this.data = data;
      const { state, dropped } = decodeState(params, data);
      this.notice(dropped);
      // A saved appraisal that lost entries on the way (another catalogue version) is not
      // overwritten by what is left: the form asks before it replaces the saved one.
      this.keeper.attach(dropped.length ? null : key);
      await this.chooser.show(data.position, data.department);
      this.show(state);
      this.offer(state);
      return true;
    }

    // Opening a position without an appraisal offers the ones saved for it.
    offer(state) {
      this.offerBox.replaceChildren();
      if (hasContent(state)) return;
      const saved = storage.list().records.filter((record) => record.position === this.data.position.id);
      if (!saved.length) return;
      this.offerBox.append(savedOffer(saved, (record) => this.openRecord(record)));
    }

    async openRecord(record) {
      if (!this.mayLeave()) return;
      if (await this.openPosition(record.position, new URLSearchParams(record.query), storage.keyOf(record))) {
        this.sheet.title.focus();
      }
    }

    show(state) {
      this.sheet = buildSheet(this.data, state, {
        change: () => this.update(),
        actual: (index) => { pointsFromActual(this.sheet, this.data, index); this.update(); },
        level: (index) => { pointsFromLevel(this.sheet, this.data, index); this.update(); },
        adopt: (index) => this.adopt(index),
        whatIf: () => this.update(),
        print: () => root.print(),
        printAnchors: (event) => { this.printAnchors = event.target.checked; this.update(); },
        csv: () => this.download("csv"),
        json: () => this.download("json"),
        copy: () => this.copyLink(),
        fresh: () => this.fresh(),
        remove: () => this.remove(),
      }, this.glossary);
      this.sheetBox.replaceChildren(...this.sheet.content);
      this.alertKey = null;
      this.update();
    }

    // Takes the points the actual result or level gives instead of those typed by hand.
    adopt(index) {
      const row = this.sheet.kpis[index];
      row.points.value = row.adopt.dataset.points;
      this.update();
      row.points.focus();
    }

    update() {
      const { position, scoring, rules } = this.data;
      const form = readForm(this.sheet);
      const appraisal = appraisalFromForm(form);
      this.result = score(position, scoring, appraisal, rules);
      this.whatIf = whatIf(position, scoring, appraisal, rules, readWhatIf(this.sheet));
      const state = stateFromForm(this.data, form);
      results.showEntries(this.sheet, this.data, form, this.result);
      results.showTotals(this.sheet, this.data, this.result);
      results.showWhatIf(this.sheet, this.data, this.whatIf);
      results.drawChart(this.sheet, this.data, appraisal, this.result);
      results.showPrint(this.sheet, this.data, state, this.result, { allAnchors: this.printAnchors });
      const query = encodeState(state);
      storage.keepLink(query);
      if (hasContent(state)) this.offerBox.replaceChildren(); // a form begun: the offer is past
      this.save(recordOf(this.data, state, query, this.result), hasContent(state));
    }

    save(record, entered) {
      const before = this.keeper.key;
      this.outcome = this.keeper.keep(record, entered);
      this.showOutcome(record);
      if (this.keeper.key !== before) this.showSaved();
    }

    // Whether the appraisal is kept, said in the summary bar; a conflict or a failure also
    // above the form, once (not again at every key typed).
    showOutcome(record) {
      const outcome = this.outcome;
      this.sheet.saveStatus.textContent = saveStatus(outcome);
      this.sheet.saveStatus.dataset.state = outcome.state;
      const alertKey = outcome.state === "conflict" ? `conflict ${storage.keyOf(outcome.other)}`
        : outcome.state === "failed" ? `failed ${outcome.reason}` : null;
      if (alertKey === this.alertKey) return;
      this.alertKey = alertKey;
      const alert = outcomeAlert(outcome, { open: (other) => this.openRecord(other), replace: (name) => this.replace(name) });
      this.alertBox.replaceChildren(...(alert ? [alert] : []));
    }

    replace(name) {
      if (!root.confirm(`用当前内容替换已保存的「${name}」？被替换的内容将无法恢复。`)) return;
      const state = stateFromForm(this.data, readForm(this.sheet));
      const record = recordOf(this.data, state, encodeState(state), this.result);
      this.outcome = this.keeper.replace(record);
      this.showOutcome(record);
      this.showSaved();
    }

    // A new, empty appraisal of the same position (the open one stays saved).
    fresh() {
      if (!this.mayLeave()) return;
      this.showEmpty();
      this.sheet.title.focus();
    }

    showEmpty() {
      const state = emptyState(this.data.position.id, this.data.version);
      this.keeper.attach(null);
      this.show(state);
      this.showSaved();
      this.offer(state);
    }

    remove() {
      const key = this.keeper.key;
      const state = stateFromForm(this.data, readForm(this.sheet));
      const name = texts.appraisalName(state);
      if (key === null && !hasContent(state)) return;
      const question = key === null ? "清空本考核表？其中的内容尚未保存，清空后无法恢复。"
        : `删除「${name}」的考核？它将从本浏览器中删除，无法恢复。`;
      if (!root.confirm(question)) return;
      if (key !== null) {
        const removed = storage.remove(key);
        if (!removed.ok) {
          this.notice([`未能删除：${FAILURES[removed.reason]}。`]);
          return;
        }
      }
      this.showEmpty();
      this.notice([`已删除「${name}」的考核。`], "info");
      this.sheet.title.focus();
    }

    // Every appraisal saved in this browser, to reopen or delete.
    showSaved() {
      this.savedBox.replaceChildren(...savedList(storage.list(), {
        open: (record) => this.openRecord(record), remove: (record) => this.removeRecord(record), team: this.team.href,
      }));
    }

    removeRecord(record) {
      const name = `${record.title}「${texts.appraisalName(record)}」`;
      if (!root.confirm(`删除${name}的考核？它将从本浏览器中删除，无法恢复。`)) return;
      const key = storage.keyOf(record);
      const removed = storage.remove(key);
      if (!removed.ok) {
        this.notice([`未能删除：${FAILURES[removed.reason]}。`]);
        return;
      }
      this.notice([`已删除${name}的考核。`], "info");
      if (this.sheet && key === this.keeper.key) this.showEmpty();
      else if (this.sheet) this.offer(stateFromForm(this.data, readForm(this.sheet)));
      this.showSaved();
      this.savedBox.querySelector("summary").focus();
    }

    download(kind) {
      const state = stateFromForm(this.data, readForm(this.sheet));
      const record = downloads.appraisalRecord(this.data, state, this.result, this.whatIf);
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

  calculator.Calculator = Calculator;

  // Material's document$ announces each page of instant navigation; it does not emit from
  // file://, so start on the page as loaded too (start() runs once per page).
  if (root.document$) root.document$.subscribe(start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(globalThis);
