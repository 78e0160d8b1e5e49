// The compare page (岗位对比, /compare/?a=<id>&b=<id>): two positions side by side, what
// they share and how they differ. It reads the calculator's data scripts (one per position,
// so it also works from file://) through the calculator's data module and sets every text as
// text (dom.h). Starts on its own page only; follows Material's instant navigation.

(function (root) {
  "use strict";

  const { h } = root.PositionCalculator.dom;
  const data = root.PositionCalculator.data;
  const diff = root.PositionCompare.diff;

  const SIDES = ["a", "b"];
  const SIDE_NAME = { a: "甲", b: "乙" };
  const MARK_TEXT = {
    [diff.SAME]: "相同", [diff.DIFFERENT]: "不同", [diff.ONLY_A]: "仅甲", [diff.ONLY_B]: "仅乙",
  };
  const FIELD_NAME = {
    target: "目标值", method: "考核方法", weight: "权重", standard: "评分标准", group: "组别",
  };
  const LONGEST_SHOWN_ID = 60;

  // A page of the site as it links its pages: "x/" (directory URLs), or "x/index.html" and
  // "x.html" (a site opened from files).
  function pageUrl(base, path) {
    const here = root.location.pathname;
    let suffix = "/";
    if (/\/index\.html$/.test(here)) suffix = "/index.html";
    else if (/\.html$/.test(here)) suffix = ".html";
    return new URL(`${path}${suffix}`, base).href;
  }

  function shown(id) {
    const text = String(id);
    return text.length > LONGEST_SHOWN_ID ? `${text.slice(0, LONGEST_SHOWN_ID)}…` : text;
  }

  function mark(row) {
    const fields = row.differs.map((field) => FIELD_NAME[field]).join("、");
    const text = row.mark === diff.DIFFERENT && fields ? `不同：${fields}` : MARK_TEXT[row.mark];
    return h("span", { class: `pc-mark pc-mark--${row.mark}` }, text);
  }

  function none(text) {
    return h("span", { class: "pc-none" }, text);
  }

  // A goal's text; a sub-item is an unnumbered bullet set in under its goal, as on the
  // position page, and says whose sub-item it is to a screen reader.
  function goalHead(goal) {
    if (goal.parent === undefined) return goal.goal;
    return h("span", { class: "pc-subitem" }, "• ", goal.goal,
      h("span", { class: "pc-visually-hidden" }, `（“${goal.parent}”的子项）`));
  }

  function field(name, value, differs) {
    return h("div", { class: differs ? "pc-field pc-field--differs" : "pc-field" },
      h("span", { class: "pc-field-name" }, `${name}：`), value === "" || value === null ? "—" : value,
      differs ? h("span", { class: "pc-visually-hidden" }, "（不同）") : null);
  }

  // One side of the page: a department menu and a position menu.
  class Chooser {
    constructor(side, folder, onChoose) {
      this.side = side;
      this.folder = folder;
      const prefix = `pc-compare-${side}`;
      this.departmentSelect = h("select", {
        id: `${prefix}-department`, onchange: () => this.showDepartment(this.departmentSelect.value),
        onfocus: () => this.loadDepartments(), onpointerdown: () => this.loadDepartments(),
      }, h("option", { value: "" }, "（请选择部门）"));
      this.positionSelect = h("select", {
        id: `${prefix}-position`, disabled: true,
        onchange: () => { if (this.positionSelect.value) onChoose(side, this.positionSelect.value); },
      }, h("option", { value: "" }, "（请先选择部门）"));
      this.element = h("fieldset", { class: `pc-compare-side pc-compare-side--${side}` },
        h("legend", {}, `岗位${SIDE_NAME[side]}`),
        h("label", { for: `${prefix}-department` }, "部门"), this.departmentSelect,
        h("label", { for: `${prefix}-position` }, "岗位"), this.positionSelect);
    }

    loadDepartments() {
      this.departments ??= data.loadData(this.folder, "departments").then((list) => {
        const chosen = this.departmentSelect.value;
        this.departmentSelect.replaceChildren(h("option", { value: "" }, "（请选择部门）"),
          ...list.departments.map((department) => h("option", { value: department.id },
            `${department.name}（${department.positions}）`)));
        this.departmentSelect.value = chosen;
      });
      return this.departments;
    }

    // A department's positions in the position menu, with `positionId` chosen (or none).
    async showDepartment(departmentId, positionId = "", departmentName = null) {
      if (departmentId && ![...this.departmentSelect.options].some((o) => o.value === departmentId)) {
        this.departmentSelect.append(h("option", { value: departmentId }, departmentName || departmentId));
      }
      this.departmentSelect.value = departmentId;
      if (departmentId && departmentId === this.listed) {
        this.positionSelect.value = positionId;
        return;
      }
      this.listed = departmentId;
      if (!departmentId) {
        this.positionSelect.replaceChildren(h("option", { value: "" }, "（请先选择部门）"));
        this.positionSelect.disabled = true;
        return;
      }
      const listing = await data.loadData(this.folder, `departments/${departmentId}`);
      this.positionSelect.replaceChildren(h("option", { value: "" }, "（请选择岗位）"),
        ...listing.map((p) => h("option", { value: p.id },
          p.status === "draft" ? `${p.title}（待补充）` : p.title)));
      this.positionSelect.disabled = false;
      this.positionSelect.value = positionId;
    }
  }

  class Compare {
    constructor(element) {
      this.root = element;
      this.base = data.siteBase();
      this.folder = new URL("data/calculator/", this.base);
      this.loaded = { a: null, b: null };
      this.problems = { a: null, b: null };
    }

    async start() {
      const params = new URLSearchParams(root.location.search);
      this.ids = { a: (params.get("a") || "").trim(), b: (params.get("b") || "").trim() };
      this.choosers = {};
      for (const side of SIDES) this.choosers[side] = new Chooser(side, this.folder, (s, id) => this.choose(s, id));
      const swap = h("button", { type: "button", class: "md-button", onclick: () => this.swap() }, "交换甲乙");
      const onlyDifferences = h("input", { type: "checkbox", id: "pc-compare-differences",
        onchange: () => this.root.classList.toggle("pc-compare--differences", onlyDifferences.checked) });
      this.noticeBox = h("div", { class: "pc-compare-notice", role: "status" });
      this.resultBox = h("div", { class: "pc-compare-result" });
      this.root.replaceChildren(
        h("div", { class: "pc-compare-choosers pc-noprint" }, this.choosers.a.element, this.choosers.b.element),
        h("p", { class: "pc-compare-tools pc-noprint" }, swap,
          h("label", { for: "pc-compare-differences" }, onlyDifferences, " 只看不同之处")),
        this.noticeBox, this.resultBox);
      await this.open();
    }

    // The positions named in this.ids, each side's menus, and the comparison.
    async open() {
      await Promise.all(SIDES.map((side) => this.fetch(side)));
      for (const side of SIDES) await this.showChooser(side);
      this.render();
    }

    async fetch(side) {
      const id = this.ids[side];
      this.loaded[side] = null;
      this.problems[side] = null;
      if (!id) return;
      try {
        this.loaded[side] = await data.loadPosition(this.folder, id);
      } catch (error) {
        this.problems[side] = `找不到岗位“${shown(id)}”（岗位${SIDE_NAME[side]}）：链接中的岗位编号有误，`
          + "或来自其他版本的目录。请在下面重新选择。";
      }
    }

    // A side's menus show its position. Without one, someone is about to choose: they start at
    // the other side's department (a menu someone has already moved is left where it is),
    // with every department a choice away.
    async showChooser(side) {
      const own = this.loaded[side];
      const other = this.loaded[side === "a" ? "b" : "a"];
      const chooser = this.choosers[side];
      if (own) {
        await chooser.showDepartment(own.position.department, own.position.id, own.department);
        return;
      }
      if (other && !chooser.departmentSelect.value) {
        await chooser.showDepartment(other.position.department, "", other.department);
      }
      await chooser.loadDepartments();
    }

    async choose(side, id) {
      this.ids[side] = id;
      this.keepInAddress();
      await this.open();
    }

    async swap() {
      this.ids = { a: this.ids.b, b: this.ids.a };
      for (const side of SIDES) this.choosers[side].departmentSelect.value = "";
      this.keepInAddress();
      await this.open();
    }

    keepInAddress() {
      const query = new URLSearchParams();
      for (const side of SIDES) if (this.ids[side]) query.set(side, this.ids[side]);
      try {
        root.history.replaceState(root.history.state, "", `${root.location.pathname}?${query}`);
      } catch (error) { /* a browser that refuses it for files: the menus still show the pair */ }
    }

    render() {
      const messages = SIDES.map((side) => this.problems[side]).filter(Boolean);
      const { a, b } = this.loaded;
      if (a && b) {
        messages.push(a.position.id === b.position.id
          ? `岗位甲和岗位乙是同一个岗位：“${a.position.title}”。`
          : `正在对比：岗位甲“${a.position.title}”（${a.department}）与岗位乙“${b.position.title}”（${b.department}）。`);
      } else if (a || b) {
        const [have, missing] = a ? ["甲", "乙"] : ["乙", "甲"];
        messages.push(`请在上面选择岗位${missing}，与岗位${have}“${(a || b).position.title}”对比。`);
      } else if (!messages.length) {
        messages.push("请在上面选择两个岗位，它们可以来自不同部门。");
      }
      const warning = SIDES.some((side) => this.problems[side]);
      this.noticeBox.replaceChildren(h("div", { class: warning ? "admonition warning" : "admonition info" },
        messages.map((message) => h("p", {}, message))));
      this.resultBox.replaceChildren(...(a && b ? this.comparison(a, b) : []));
    }

    comparison(a, b) {
      const A = a.position;
      const B = b.position;
      const groups = a.rules.groups;
      const groupName = Object.fromEntries(groups.map((group) => [group.id, group.name]));
      const names = { ...b.competencies, ...a.competencies };
      const result = diff.comparePositions(A, B, groups);
      const head = (first) => [first, `岗位甲：${A.title}`, `岗位乙：${B.title}`, "比较"];
      const sections = [];

      const status = (p) => (p.status === "draft" ? "待补充" : "已发布");
      const sameness = (x, y) => ({ mark: x === y ? diff.SAME : diff.DIFFERENT, differs: [] });
      sections.push(h("h2", { id: "pc-compare-overview" }, "概况"), this.table(head("项目"), [
        { head: "岗位", a: this.positionLinks(A), b: this.positionLinks(B), ...sameness(A.id, B.id) },
        { head: "部门", a: a.department, b: b.department, ...sameness(A.department, B.department) },
        { head: "状态", a: status(A), b: status(B), ...sameness(A.status, B.status) },
        { head: "KPI 数", a: String(A.kpis.length), b: String(B.kpis.length),
          ...sameness(A.kpis.length, B.kpis.length) },
        { head: "KPI 权重合计", a: String(A.weight_total), b: String(B.weight_total),
          ...sameness(A.weight_total, B.weight_total) },
      ]));

      sections.push(h("h2", { id: "pc-compare-goals" }, "岗位目标"), this.counts(result.goalCount, "个目标"));
      if (!result.goals.length) sections.push(h("p", {}, "两个岗位的原文都未列出岗位目标。"));
      for (const { category, rows } of result.goals) {
        sections.push(h("h3", {}, category), this.table(head("目标"), rows.map((row) => ({
          head: goalHead(row.a || row.b),
          a: row.a ? field("目标值", row.a.target, row.differs.includes("target")) : none("（无此目标）"),
          b: row.b ? field("目标值", row.b.target, row.differs.includes("target")) : none("（无此目标）"),
          mark: row.mark, differs: row.differs,
        }))));
      }

      if (result.monthly.length) {
        const monthly = (item, row) => (item ? [
          field("目标", item.target, row.differs.includes("target")),
          field("考核方法", item.method, row.differs.includes("method")),
        ] : none("（无此指标）"));
        sections.push(h("h2", { id: "pc-compare-monthly" }, "月度考核任务完成指标"),
          this.table(head("指标"), result.monthly.map((row) => ({
            head: (row.a || row.b).indicator, a: monthly(row.a, row), b: monthly(row.b, row),
            mark: row.mark, differs: row.differs,
          }))));
      }

      const kpi = (item, row) => (item ? [
        field("权重", `${item.weight}%`, row.differs.includes("weight")),
        field("评分标准", item.standard, row.differs.includes("standard")),
        field("考核方法", item.method, row.differs.includes("method")),
      ] : none("（无此 KPI）"));
      sections.push(h("h2", { id: "pc-compare-kpis" }, "季度考核 KPI 指标"), this.counts(diff.count(result.kpis), "项 KPI"));
      if (result.kpis.length) {
        sections.push(this.table(head("KPI"), [
          ...result.kpis.map((row) => ({ head: (row.a || row.b).name, a: kpi(row.a, row), b: kpi(row.b, row),
                                         mark: row.mark, differs: row.differs })),
          { head: "权重合计", a: `${A.weight_total}%`, b: `${B.weight_total}%`,
            ...sameness(A.weight_total, B.weight_total), total: true },
        ]));
      } else sections.push(h("p", {}, "两个岗位的原文都未给出季度考核 KPI 指标。"));

      const group = (id) => (id ? groupName[id] : none("（不考核）"));
      sections.push(h("h2", { id: "pc-compare-competencies" }, "半年评价能力态度指标"),
        this.counts(diff.count(result.competencies), "项能力态度"));
      if (result.competencies.length) {
        sections.push(this.table(head("能力 / 态度"), result.competencies.map((row) => ({
          head: h("a", { href: pageUrl(this.base, `glossary/${row.id}`) }, (names[row.id] || { name: row.id }).name),
          a: group(row.a), b: group(row.b), mark: row.mark, differs: row.differs,
        }))));
      } else sections.push(h("p", {}, "两个岗位的原文都未列出能力和态度评价项目。"));
      return sections;
    }

    positionLinks(position) {
      return [h("a", { href: pageUrl(this.base, `departments/${position.department}/${position.id}`) }, position.title),
        position.kpis.length ? h("span", { class: "pc-noprint" }, " · ",
          h("a", { href: `${pageUrl(this.base, "calculator")}?position=${position.id}` }, "考核计算器")) : null];
    }

    counts(counts, unit) {
      const kinds = [diff.SAME, diff.DIFFERENT, diff.ONLY_A, diff.ONLY_B];
      return h("p", { class: "pc-compare-counts" }, kinds.map((kind, i) => [i ? "，" : "",
        h("span", { class: `pc-mark pc-mark--${kind}` }, MARK_TEXT[kind]), ` ${counts[kind]} ${unit}`]), "。");
    }

    // A side-by-side table: a header row, then per row its item, side a, side b and the mark.
    table(headers, rows) {
      return h("table", { class: "pc-compare-table" },
        h("thead", {}, h("tr", {}, headers.map((text) => h("th", { scope: "col" }, text)))),
        h("tbody", {}, rows.map((row) => h("tr", { class: `pc-row pc-row--${row.mark}${row.total ? " pc-row--total" : ""}` },
          h("th", { scope: "row" }, row.head),
          h("td", { "data-label": headers[1] }, row.a),
          h("td", { "data-label": headers[2] }, row.b),
          h("td", { "data-label": "比较" }, mark(row))))));
    }
  }

  function start() {
    const element = document.getElementById("pc-compare");
    if (!element || element.dataset.started) return;
    element.dataset.started = "true";
    new Compare(element).start().catch((error) => {
      element.append(h("p", { class: "pc-warning" }, `对比页面加载失败：${error.message}`));
    });
  }

  // Material's document$ announces each page of instant navigation; it does not emit from
  // file://, so start on the page as loaded too (start() runs once per page).
  if (root.document$) root.document$.subscribe(start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(globalThis);
