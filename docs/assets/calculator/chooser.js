// Choosing a position: department and position menus, and search as you type.
// What grows with the catalogue (the department list, the title index) is loaded only when
// someone opens the menu or types a search.

(function (root) {
  "use strict";

  const { h } = root.PositionCalculator.dom;
  const { loadData } = root.PositionCalculator.data;

  class Chooser {
    // folder: the calculator's data folder; onChoose(id): a position was chosen.
    constructor(folder, onChoose) {
      this.folder = folder;
      this.onChoose = onChoose;
      this.departmentSelect = h("select", { id: "pc-department", onchange: () => this.loadPositions(),
                                            onfocus: () => this.loadDepartments(),
                                            onpointerdown: () => this.loadDepartments() },
                                h("option", { value: "" }, "（请选择部门）"));
      this.positionSelect = h("select", { id: "pc-position", disabled: true, onchange: () => {
        if (this.positionSelect.value) this.onChoose(this.positionSelect.value);
      } }, h("option", { value: "" }, "（请先选择部门）"));
      this.findInput = h("input", { id: "pc-find", type: "search", autocomplete: "off",
                                    placeholder: "输入岗位名称，如：出纳",
                                    "aria-controls": "pc-find-results",
                                    oninput: () => this.find(), onkeydown: (event) => {
                                      if (event.key === "Enter") {
                                        event.preventDefault();
                                        const first = this.findResults.querySelector("button");
                                        if (first) first.click();
                                      }
                                    } });
      this.findResults = h("ul", { id: "pc-find-results", class: "pc-find-results", "aria-label": "搜索结果" });
      this.element = h("fieldset", { class: "pc-chooser pc-noprint" }, h("legend", {}, "选择岗位"),
        h("div", { class: "pc-row" },
          h("label", { for: "pc-department" }, "部门"), this.departmentSelect,
          h("label", { for: "pc-position" }, "岗位"), this.positionSelect),
        h("div", { class: "pc-row" }, h("label", { for: "pc-find" }, "搜索岗位"), this.findInput),
        this.findResults);
    }

    loadDepartments() {
      this.departments ??= loadData(this.folder, "departments").then((data) => {
        const chosen = this.departmentSelect.value;
        this.departmentSelect.replaceChildren(h("option", { value: "" }, "（请选择部门）"),
          ...data.departments.map((department) => h("option", { value: department.id },
            `${department.name}（${department.positions}）`)));
        this.departmentSelect.value = chosen;
      });
      return this.departments;
    }

    // The open position's department and its positions, with that position chosen.
    async show(position, departmentName) {
      // Until the whole list is loaded, the menu holds just the open position's department.
      if (![...this.departmentSelect.options].some((option) => option.value === position.department)) {
        this.departmentSelect.append(h("option", { value: position.department }, departmentName));
      }
      this.departmentSelect.value = position.department;
      await this.loadPositions(position.id);
    }

    async loadPositions(selected) {
      const id = this.departmentSelect.value;
      this.positionSelect.replaceChildren(h("option", { value: "" }, "（请选择岗位）"));
      this.positionSelect.disabled = !id;
      if (!id) return;
      const positions = await loadData(this.folder, `departments/${id}`);
      for (const position of positions) {
        const label = position.status === "draft" ? `${position.title}（待补充）` : position.title;
        this.positionSelect.append(h("option", { value: position.id }, label));
      }
      if (selected) this.positionSelect.value = selected;
    }

    async find() {
      if (!this.index && this.findInput.value.trim()) this.index = await loadData(this.folder, "index");
      // Read after the wait: while the index loaded, more was typed; the field says what is asked.
      const query = this.findInput.value.trim();
      const hits = query ? this.index.filter((p) => p.title.includes(query) || p.department.includes(query)).slice(0, 20) : [];
      this.findResults.replaceChildren(...hits.map((p) => h("li", {}, h("button", {
        type: "button", class: "md-button pc-find-hit",
        onclick: () => { this.findInput.value = ""; this.findResults.replaceChildren(); this.onChoose(p.id); },
      }, `${p.title}`, p.status === "draft" ? "（待补充）" : ""))));
    }
  }

  root.PositionCalculator.Chooser = Chooser;
})(globalThis);
