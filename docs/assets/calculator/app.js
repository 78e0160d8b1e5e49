// The scoring calculator page: choose a position, score it, keep every appraisal, share one.
// Everything happens in this browser: data files come from this site, nothing is sent.
// This file only wires the modules together (mkdocs.yml loads them first, in order).
// Each appraisal is kept in this browser by position, employee and period as it is typed;
// nothing kept is replaced or deleted unless the manager confirms it.

(function (root) {
  "use strict";

  const calculator = root.PositionCalculator;
  const { h } = calculator.dom;
  const { score, tierPoints, whatIf } = calculator.scoring;
  const { decodeState, emptyState, encodeState, stateFromForm, appraisalFromForm, hasContent } = calculator.state;
  const { readNumber } = calculator.numbers;
  const storage = calculator.storage;
  const downloads = calculator.downloads;
  const texts = calculator.texts;
  const { buildSheet, readForm, readWhatIf } = calculator.sheet;
  const results = calculator.results;

  const FAILURES = {
    full: "本浏览器的存储空间已满",
    unavailable: "本浏览器不允许本页保存数据（例如隐私浏览模式）",
  };

  // What a record of storage holds besides the link: what lists show without loading the
  // position's data.
  function recordOf(data, state, query, result) {
    return {
      position: data.position.id, title: data.position.title, department: data.department,
      employee: state.employee, rater: state.rater, period: state.period, version: data.version,
      query, saved: new Date().toISOString(),
      summary: result ? { overall: texts.format(result.overall, data.scoring.decimals), grade: result.grade,
                          complete: result.complete } : null,
    };
  }

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
      storage.moveLegacy((query) => this.legacyRecord(query));
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

    legacyRecord(query) {
      const params = new URLSearchParams(query);
      const text = (key) => params.get(key) || "";
      if (!text("position")) return null;
      return { position: text("position"), title: text("position"), department: "", employee: text("employee"),
               rater: text("rater"), period: text("period"), version: text("v"), query,
               saved: new Date().toISOString(), summary: null };
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
      this.offerBox.append(h("div", { class: "admonition info pc-offer" },
        h("p", { class: "admonition-title" }, `本岗位在本浏览器中已保存 ${saved.length} 份考核`),
        h("ul", { class: "pc-offer-list" }, saved.map((record) => h("li", {}, h("button", {
          type: "button", class: "md-button", onclick: () => this.openRecord(record),
        }, `继续：${texts.appraisalName(record)}`), " ", h("span", { class: "pc-note" }, describe(record))))),
        h("p", {}, "或在下面填写，开始一份新的考核。")));
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
        actual: (index) => this.fromActual(index),
        level: (index) => this.fromLevel(index),
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

    // An actual result fills in the points its tier gives (a lost threshold leaves them).
    fromActual(index) {
      const row = this.sheet.kpis[index];
      const scale = this.data.position.kpis[index].scale;
      const value = readNumber(row.actual.value, scale.unit);
      if (value !== null) {
        const hit = tierPoints(scale, value);
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
      this.sheet.saveStatus.textContent = {
        empty: "填写后自动保存在本浏览器",
        saved: `已保存 ${texts.savedAt(outcome.record && outcome.record.saved)}`,
        conflict: "未保存：与已保存的考核重名",
        failed: "未能保存到本浏览器",
      }[outcome.state];
      this.sheet.saveStatus.dataset.state = outcome.state;
      const alertKey = outcome.state === "conflict" ? `conflict ${storage.keyOf(outcome.other)}`
        : outcome.state === "failed" ? `failed ${outcome.reason}` : null;
      if (alertKey === this.alertKey) return;
      this.alertKey = alertKey;
      this.alertBox.replaceChildren();
      if (outcome.state === "conflict") {
        const other = outcome.other;
        const name = texts.appraisalName(other);
        this.alertBox.append(h("div", { class: "admonition warning" },
          h("p", { class: "admonition-title" }, "当前内容尚未保存"),
          h("p", {}, `本浏览器中已保存的本岗位「${name}」考核（${texts.savedAt(other.saved)} 保存）与当前内容不同，` +
            "没有被替换。请修改被考核人或考核期间，或："),
          h("div", { class: "pc-actions" },
            h("button", { type: "button", class: "md-button", onclick: () => this.openRecord(other) },
              "打开已保存的那份"),
            h("button", { type: "button", class: "md-button", onclick: () => this.replace(name) },
              "用当前内容替换它"))));
      } else if (outcome.state === "failed") {
        this.alertBox.append(h("div", { class: "admonition failure" },
          h("p", { class: "admonition-title" }, "无法保存到本浏览器"),
          h("p", {}, `${FAILURES[outcome.reason]}。本次评分仍在本页的链接中：请复制链接或下载 JSON 保存，` +
            "以免关闭页面后丢失。")));
      }
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
      const { records, error } = storage.list();
      const rows = records.map((record) => h("tr", {},
        h("th", { scope: "row" }, record.employee || "（未填姓名）"), h("td", {}, record.period || "—"),
        h("td", {}, record.title), h("td", {}, record.summary ? describeResult(record.summary) : "—"),
        h("td", {}, texts.savedAt(record.saved)),
        h("td", { class: "pc-row-actions" },
          h("button", { type: "button", class: "md-button pc-small", onclick: () => this.openRecord(record),
                        "aria-label": `打开 ${record.title} ${texts.appraisalName(record)}` }, "打开"),
          h("button", { type: "button", class: "md-button pc-small", onclick: () => this.removeRecord(record),
                        "aria-label": `删除 ${record.title} ${texts.appraisalName(record)}` }, "删除"))));
      this.savedBox.replaceChildren(...[
        h("summary", {}, `本浏览器中已保存的考核（${records.length}）`),
        error ? h("p", { class: "pc-warning" }, `${FAILURES[error]}：无法读取或保存考核。`) : null,
        records.length ? h("div", { class: "pc-table-wrap" }, h("table", { class: "pc-saved-table" },
          h("thead", {}, h("tr", {}, ["被考核人", "考核期间", "岗位", "结果（保存时）", "保存时间", "操作"]
            .map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, rows))) : h("p", {}, "还没有保存的考核。"),
        h("p", {}, h("a", { href: this.team.href }, "团队考核"), "：按考核期间查看全部考核的结果和等级分布，导出、导入、打印全部。"),
      ].filter(Boolean));
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

  function describeResult(summary) {
    if (!summary.overall || summary.overall === texts.EMPTY) return "—";
    return `${summary.overall}${summary.grade ? ` ${summary.grade}` : summary.complete ? "" : "（不完整）"}`;
  }

  function describe(record) {
    const result = record.summary ? `，${describeResult(record.summary)}` : "";
    return `（${texts.savedAt(record.saved)} 保存${result}）`;
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
