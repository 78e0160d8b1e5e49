// The search box in the header: queries as you type, results with their department and the
// matching KPI or goal line marked, filters by kind and department, keyboard navigation.
// Started by the header's partial (site_templates/theme/partials/search.html) on first focus.
// Elements are looked up inside the search box, never in the whole document.
(function (root) {
  "use strict";

  const { engine: searchEngine } = root.PositionSearch;
  const BATCH = 10;
  const SNIPPET = 56; // characters of a long line shown around its first match
  const KIND_LABELS = { position: "岗位", glossary: "能力词典", department: "部门",
    page: "页面", guide: "页面" };
  const FILTERS = [["", "全部"], ["position", "岗位"], ["kpi", "KPI"], ["glossary", "能力词典"]];

  function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === false || value === null || value === undefined) continue;
      if (name === "class") element.className = value;
      else element.setAttribute(name, value === true ? "" : value);
    }
    element.append(...children.filter((child) => child !== null && child !== undefined));
    return element;
  }

  // `text` with the `[start, end)` ranges in <mark>: text nodes only, never markup.
  function marked(text, ranges) {
    const parts = [];
    let at = 0;
    for (const [start, end] of ranges) {
      if (start > at) parts.push(text.slice(at, start));
      parts.push(h("mark", {}, text.slice(start, end)));
      at = end;
    }
    if (at < text.length) parts.push(text.slice(at));
    return parts;
  }

  // A long line cut to a window around its first match, the marks moved with it.
  function snippet(text, ranges) {
    if (text.length <= SNIPPET * 1.5 || !ranges.length) return { text, ranges };
    const start = Math.max(0, ranges[0][0] - Math.floor(SNIPPET / 3));
    const end = Math.min(text.length, start + SNIPPET);
    const prefix = start > 0 ? "…" : "";
    const shift = prefix.length - start;
    return {
      text: prefix + text.slice(start, end) + (end < text.length ? "…" : ""),
      ranges: ranges.filter(([s, e]) => s >= start && e <= end)
        .map(([s, e]) => [s + shift, e + shift]),
    };
  }

  function loader(base) {
    const store = (root.__positionSearch ??= {});
    const local = location.protocol === "file:";
    let version = "";
    let preloaded = root.__positionSearchManifest; // the partial's, fetched with the code
    delete root.__positionSearchManifest;
    const script = (name) => new Promise((resolve, reject) => {
      const element = document.createElement("script");
      const suffix = local ? "" : name === "manifest" ? `?t=${Date.now()}` : `?v=${version}`;
      element.src = new URL(`${name}.js${suffix}`, base).href;
      element.onload = () => {
        element.remove();
        if (!(name in store)) return reject(new Error(`search index: ${name}`));
        const data = store[name];
        delete store[name];
        resolve(data);
      };
      element.onerror = () => {
        element.remove();
        reject(new Error(`search index: ${name}`));
      };
      document.head.append(element);
    });
    return (name) => {
      if (name !== "manifest") return script(name);
      const manifest = preloaded || script(name); // a failed preload is fetched again
      preloaded = null;
      return manifest.then((data) => {
        version = data.version;
        return data;
      });
    };
  }

  class SearchBox {
    constructor(box, options) {
      this.box = box;
      this.input = box.querySelector(".md-search__input");
      this.form = box.querySelector(".md-search__form");
      this.meta = box.querySelector(".md-search-result__meta");
      this.list = box.querySelector(".md-search-result__list");
      this.toggle = document.getElementById("__search");
      this.siteRoot = new URL("../", options.index).href; // the index is <site>/search/
      this.engine = searchEngine.open(loader(options.index));
      this.filters = { kind: "", department: "" };
      this.departments = new Map();
      this.current = null;
      this.buildFilters();
      this.bind();
      if (this.input.value) this.run();
    }

    buildFilters() {
      this.kindButtons = FILTERS.map(([kind, label]) => h("button", {
        type: "button", class: "pc-search-chip", "data-kind": kind,
        "aria-pressed": String(kind === this.filters.kind) }, label));
      this.departmentSelect = h("select", { class: "pc-search-department",
        "aria-label": "按部门筛选" }, h("option", { value: "" }, "全部部门"));
      this.filterBar = h("div", { class: "pc-search-filters", hidden: true },
        h("div", { class: "pc-search-kinds", role: "group", "aria-label": "按类别筛选" },
          ...this.kindButtons), this.departmentSelect);
      this.meta.before(this.filterBar);
    }

    bind() {
      let timer = 0;
      this.input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(() => this.run(), 20); // one search per burst of typing
      });
      this.form.addEventListener("submit", (event) => {
        event.preventDefault();
        const first = this.links()[0];
        if (first) first.click();
      });
      this.form.addEventListener("reset", () => {
        setTimeout(() => {
          this.filters.department = "";
          this.run();
          this.input.focus();
        });
      });
      for (const button of this.kindButtons) {
        button.addEventListener("click", () => {
          this.filters.kind = button.dataset.kind;
          for (const other of this.kindButtons) {
            other.setAttribute("aria-pressed", String(other === button));
          }
          this.run();
        });
      }
      for (const type of ["focus", "pointerdown", "keydown"]) {
        this.departmentSelect.addEventListener(type, () => this.loadAllDepartments());
      }
      this.departmentSelect.addEventListener("change", () => {
        this.filters.department = this.departmentSelect.value;
        this.run();
      });
      this.box.addEventListener("keydown", (event) => this.key(event));
      this.list.addEventListener("click", (event) => {
        if (event.target.closest("a")) this.close();
      });
    }

    links() {
      return [...this.list.querySelectorAll("a.md-search-result__link")];
    }

    key(event) {
      const links = this.links();
      const at = links.indexOf(document.activeElement);
      if (event.key === "Escape" && at >= 0) { // from the input, the partial closes the box
        event.preventDefault();
        this.input.focus();
      } else if (event.key === "ArrowDown" && (at >= 0 || event.target === this.input)) {
        event.preventDefault();
        const next = links[Math.min(at + 1, links.length - 1)];
        if (next) next.focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        if (at === 0) this.input.focus();
        else links[at - 1].focus();
      }
    }

    close() {
      this.toggle.checked = false;
      this.input.blur();
    }

    async run() {
      const query = this.input.value.trim();
      const engine = await this.engine;
      const search = (this.current = engine.search(query, { ...this.filters }));
      this.list.replaceChildren();
      this.departments = new Map();
      delete this.list.dataset.query;
      if (!query) {
        this.filterBar.hidden = true;
        this.setMeta("输入岗位、KPI 或能力名称");
        this.input.setAttribute("aria-expanded", "false");
        return;
      }
      this.setMeta("正在搜索…");
      await this.more(search);
    }

    async more(search) {
      let results;
      const show = (batch) => { // each batch as soon as it is checked
        if (search !== this.current) return;
        for (const result of batch) this.list.insertBefore(this.item(result), this.moreItem());
      };
      try {
        results = await search.more(BATCH, show);
      } catch (error) {
        if (search === this.current) this.setMeta("搜索索引加载失败，请刷新页面后再试。");
        throw error;
      }
      if (search !== this.current) return; // a newer query has started
      this.moreItem()?.remove();
      const count = this.links().length;
      this.list.dataset.query = search.query; // what the list shows (for scripts and tests)
      this.filterBar.hidden = false;
      this.updateDepartments(results);
      this.input.setAttribute("aria-expanded", String(count > 0));
      if (!count) {
        const filtered = this.filters.kind || this.filters.department;
        this.setMeta(`没有找到与“${search.query}”匹配的${filtered ? "筛选结果" : "内容"}。` +
          (filtered ? "可以取消筛选再试。" : "请检查是否有错别字，或换一个词。"));
        return;
      }
      this.setMeta(search.exhausted ? `找到 ${count} 个结果` : `已显示前 ${count} 个结果`);
      if (!search.exhausted) {
        const button = h("button", { type: "button", class: "md-button pc-search-more-button" },
          "显示更多结果");
        button.addEventListener("click", async () => {
          const position = this.links().length;
          await this.more(search);
          const next = this.links()[position];
          if (next) next.focus();
        });
        this.list.append(h("li", { class: "pc-search-more" }, button));
      }
    }

    moreItem() {
      return this.list.querySelector(".pc-search-more");
    }

    setMeta(text) {
      this.meta.textContent = text;
    }

    // The department filter: departments of the results so far, then every department.
    updateDepartments(results) {
      for (const result of results) {
        if (result.departmentId && !this.departments.has(result.departmentId)) {
          this.departments.set(result.departmentId, result.department);
        }
      }
      this.fillDepartments();
    }

    // Every department's name: one file that grows with the catalogue, so it is fetched
    // only when the reader turns to the department filter.
    loadAllDepartments() {
      if (this.allDepartments) return;
      this.allDepartments = this.engine.then((engine) => engine.get("departments"))
        .then((list) => { this.allDepartments = list; this.fillDepartments(); })
        .catch(() => { this.allDepartments = null; });
    }

    fillDepartments() {
      const chosen = this.filters.department;
      const found = [...this.departments];
      const all = Array.isArray(this.allDepartments) ? this.allDepartments : [];
      const option = ([id, name]) => h("option", { value: id }, name);
      const groups = [];
      if (found.length) groups.push(h("optgroup", { label: "结果中的部门" }, ...found.map(option)));
      if (all.length) groups.push(h("optgroup", { label: "全部部门" }, ...all.map(option)));
      if (chosen && !found.some(([id]) => id === chosen) && !all.some(([id]) => id === chosen)) {
        groups.push(option([chosen, this.departmentSelect.selectedOptions[0]?.textContent ||
          chosen]));
      }
      this.departmentSelect.replaceChildren(h("option", { value: "" }, "全部部门"), ...groups);
      this.departmentSelect.value = chosen;
    }

    item(result) {
      const where = [KIND_LABELS[result.kind], result.department].filter(Boolean).join(" · ");
      const lines = result.lines.map((line) => {
        const cut = snippet(line.text, line.marks);
        return h("p", { class: "pc-search-line" },
          line.label ? h("span", { class: "pc-search-label" }, line.label) : null,
          ...marked(cut.text, cut.ranges));
      });
      return h("li", { class: "md-search-result__item" },
        h("a", { href: new URL(result.url, this.siteRoot).href,
          class: "md-search-result__link", tabindex: "-1", "data-kind": result.kind },
          h("article", { class: "md-search-result__article md-typeset" },
            h("h1", {}, ...marked(result.title, result.titleMarks)),
            h("p", { class: "pc-search-where" }, where),
            ...lines)));
    }
  }

  function mount(box, options) {
    return new SearchBox(box, options);
  }

  root.PositionSearch = Object.assign(root.PositionSearch || {}, { ui: { mount } });
})(window);
