// The scoring calculator page: choose a position, score it, keep and share the appraisal.
// Everything happens in this browser: data files come from this site, nothing is sent.

// A classic script (not a module), so it also runs from file://; scoring.js and state.js
// are loaded before it (mkdocs.yml extra_javascript).

(function () {
  "use strict";

  const { GROUPS, score, tierPoints } = globalThis.PositionScoring;
  const { clearLocal, decodeState, emptyState, encodeState, loadLocal, saveLocal } = globalThis.PositionState;

  const GROUP_NAMES = { core: "核心能力", reference: "参考能力", attitude: "态度" };
  const ERRORS = {
    missing: "未填写",
    "not-a-number": "请输入数字",
    "not-whole": "请输入整数",
    "out-of-range": "超出分值范围",
    "lost-threshold": "原文缺失该档阈值，请手工评分",
    "below-tiers": "未达到评分标准所列档次，请手工评分",
    "unknown-level": "请选择评价等级",
    invalid: "无法识别",
  };
  const WARNINGS = {
    draft: "该岗位在原文中是空白模板（待补充），无法评分。",
    "weights-not-100": "本岗位 KPI 权重合计不是 100，按原文权重计算，未作折算。",
  };

  // Invisible formatting characters (bidi overrides, zero-width) are dropped from catalogue and
  // link text, as generator/escape.py plain_text does for the pages.
  const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

  function plainText(value) {
    return String(value).replace(INVISIBLE, "");
  }

  function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      element.append(child instanceof Node ? child : document.createTextNode(plainText(child)));
    }
    return element;
  }

  function siteBase() {
    const config = document.getElementById("__config");
    const base = config ? JSON.parse(config.textContent).base : "..";
    return new URL(`${base.replace(/\/$/, "")}/`, window.location.href);
  }

  // The calculator's data comes as small scripts (data/calculator/<name>.js) that register
  // themselves in window.__positionCatalog: no fetch, so the page also works from file://.
  function loadData(base, name) {
    const store = (window.__positionCatalog ??= {});
    if (name in store) return Promise.resolve(store[name]);
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(`${name}.js`, base).href;
      script.onload = () => (name in store ? resolve(store[name]) : reject(new Error(name)));
      script.onerror = () => reject(new Error(name));
      document.head.append(script);
    });
  }

  const SAFE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  // A spreadsheet reads a cell starting with one of these as a formula (OWASP CSV injection):
  // such text gets a leading apostrophe, as generator/escape.py csv_cell does for `score`.
  const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;

  function csvCell(value) {
    const text = value === null || value === undefined ? "" : String(value);
    const safe = typeof value === "string" && FORMULA_START.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  }

  function download(name, type, text) {
    const link = h("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  function format(value, digits) {
    return value === null ? "—" : value.toFixed(digits);
  }

  function parseEntry(text) {
    const trimmed = text.trim();
    if (trimmed === "") return null;
    return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
  }

  class Calculator {
    constructor(root) {
      this.root = root;
      this.data = null;
      this.base = new URL("data/calculator/", siteBase());
      this.glossary = new URL("glossary/", siteBase());
    }

    async start() {
      let params = new URLSearchParams(window.location.search);
      if (!params.get("position")) {
        const saved = loadLocal();
        if (saved) params = new URLSearchParams(saved);
      }
      this.root.replaceChildren(this.chooser(), h("div", { id: "pc-notice", role: "status" }),
                                h("div", { id: "pc-sheet" }));
      // A link to one position loads only that position's data; the list of every
      // department waits until someone opens the department menu (its size grows with the
      // catalogue, the position's data does not).
      if (params.get("position")) await this.openPosition(params.get("position"), params);
      else await this.loadDepartments();
    }

    chooser() {
      this.departmentSelect = h("select", { id: "pc-department", onchange: () => this.loadPositions(),
                                            onfocus: () => this.loadDepartments(),
                                            onpointerdown: () => this.loadDepartments() },
                                h("option", { value: "" }, "（请选择部门）"));
      this.positionSelect = h("select", { id: "pc-position", disabled: true, onchange: () => {
        if (this.positionSelect.value) this.openPosition(this.positionSelect.value, new URLSearchParams());
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
      return h("fieldset", { class: "pc-chooser pc-noprint" }, h("legend", {}, "选择岗位"),
        h("div", { class: "pc-row" },
          h("label", { for: "pc-department" }, "部门"), this.departmentSelect,
          h("label", { for: "pc-position" }, "岗位"), this.positionSelect),
        h("div", { class: "pc-row" }, h("label", { for: "pc-find" }, "搜索岗位"), this.findInput),
        this.findResults);
    }

    loadDepartments() {
      this.departments ??= loadData(this.base, "departments").then((data) => {
        const chosen = this.departmentSelect.value;
        this.departmentSelect.replaceChildren(h("option", { value: "" }, "（请选择部门）"),
          ...data.departments.map((department) => h("option", { value: department.id },
            `${department.name}（${department.positions}）`)));
        this.departmentSelect.value = chosen;
      });
      return this.departments;
    }

    showDepartment(id, name) {
      // Until the whole list is loaded, the menu holds just the open position's department.
      if (![...this.departmentSelect.options].some((option) => option.value === id)) {
        this.departmentSelect.append(h("option", { value: id }, name));
      }
      this.departmentSelect.value = id;
    }

    async loadPositions(selected) {
      const id = this.departmentSelect.value;
      this.positionSelect.replaceChildren(h("option", { value: "" }, "（请选择岗位）"));
      this.positionSelect.disabled = !id;
      if (!id) return;
      const positions = await loadData(this.base, `departments/${id}`);
      for (const position of positions) {
        const label = position.status === "draft" ? `${position.title}（待补充）` : position.title;
        this.positionSelect.append(h("option", { value: position.id }, label));
      }
      if (selected) this.positionSelect.value = selected;
    }

    async find() {
      const query = this.findInput.value.trim();
      if (!this.index && query) this.index = await loadData(this.base, "index");
      const hits = query ? this.index.filter((p) => p.title.includes(query) || p.department.includes(query)).slice(0, 20) : [];
      this.findResults.replaceChildren(...hits.map((p) => h("li", {}, h("button", {
        type: "button", class: "md-button pc-find-hit",
        onclick: () => { this.findInput.value = ""; this.findResults.replaceChildren();
                         this.openPosition(p.id, new URLSearchParams()); },
      }, `${p.title}`, p.status === "draft" ? "（待补充）" : ""))));
    }

    notice(messages, kind = "warning") {
      const box = document.getElementById("pc-notice");
      box.replaceChildren();
      if (!messages.length) return;
      box.append(h("div", { class: `admonition ${kind}` },
        h("p", { class: "admonition-title" }, kind === "warning" ? "链接中有无法使用的内容，已忽略" : "提示"),
        h("ul", {}, messages.map((m) => h("li", {}, m)))));
    }

    async openPosition(id, params) {
      let data;
      try {
        if (!SAFE_ID.test(id)) throw new Error(id);
        data = await loadData(this.base, `positions/${id}`);
      } catch (error) {
        this.notice([`找不到岗位“${id}”：链接可能来自其他目录或已过期。请重新选择岗位。`]);
        document.getElementById("pc-sheet").replaceChildren();
        return;
      }
      this.data = data;
      const { state, dropped } = decodeState(params, data);
      this.state = state;
      this.notice(dropped);
      this.showDepartment(data.position.department, data.department);
      await this.loadPositions(data.position.id);
      this.renderSheet();
      this.update();
    }

    renderSheet() {
      const { position, competencies, scoring } = this.data;
      const { min: low, max: high } = scoring.points;
      const sheet = document.getElementById("pc-sheet");
      this.kpiInputs = [];
      this.ratingInputs = {};
      const field = (key, label) => h("div", { class: "pc-field" },
        h("label", { for: `pc-${key}` }, label),
        h("input", { id: `pc-${key}`, type: "text", maxlength: 100, value: this.state[key],
                     oninput: (event) => { this.state[key] = event.target.value; this.update(); } }));
      const kpiRows = position.kpis.map((kpi, index) => this.kpiRow(kpi, index, low, high));
      const groups = GROUPS.filter((g) => position.competencies[g].length).map((group) =>
        h("section", { class: "pc-group" }, h("h3", {}, GROUP_NAMES[group]),
          position.competencies[group].map((id) => this.ratingRow(competencies[id], low, high))));
      sheet.replaceChildren(...[
        h("h2", { class: "pc-form-title" }, `考核表：${position.title}`),
        h("p", { class: "pc-subtitle" }, `${this.data.department} · 目录版本 ${this.data.version}`),
        h("div", { class: "pc-fields" }, field("employee", "被考核人"), field("rater", "考核人"),
          field("period", "考核期间")),
        position.monthly.length ? this.monthlyBlock(position.monthly[0]) : null,
        h("h3", {}, "季度考核 KPI 指标"),
        position.kpis.length ? h("div", { class: "pc-table-wrap" }, h("table", { class: "pc-kpis" },
          h("thead", {}, h("tr", {}, ["#", "KPI", "权重 %", "评分标准", "考核方法", "得分", "加权得分"]
            .map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, kpiRows))) : h("p", {}, "本岗位没有 KPI 指标（待补充）。"),
        h("h3", {}, "半年评价能力态度指标"),
        ...(groups.length ? groups : [h("p", {}, "本岗位没有列出能力和态度项目。")]),
        this.resultsBlock(),
        h("div", { class: "pc-signatures pc-print-only" },
          ["被考核人", "考核人", "日期"].map((t) => h("span", {}, `${t}：`, h("span", { class: "pc-line" })))),
        this.actions()].filter(Boolean));
    }

    monthlyBlock(monthly) {
      return h("div", { class: "pc-monthly" }, h("h3", {}, "月度考核任务完成指标"),
        h("p", {}, `${monthly.indicator}，目标 ${monthly.target}，${monthly.method}`),
        h("div", { class: "pc-field" }, h("label", { for: "pc-monthly" }, "实际完成率 %"),
          h("input", { id: "pc-monthly", type: "text", inputmode: "decimal", value: this.state.monthly,
                       "aria-describedby": "pc-monthly-note",
                       oninput: (event) => { this.state.monthly = event.target.value.trim(); this.update(); } }),
          h("span", { id: "pc-monthly-note", class: "pc-note" }, "月度指标单独考核，不计入季度总分")));
    }

    kpiRow(kpi, index, low, high) {
      const entry = this.state.kpis[index] || {};
      const message = h("span", { id: `pc-kpi-${index}-msg`, class: "pc-msg" });
      const points = h("input", {
        id: `pc-kpi-${index}`, type: "text", inputmode: "numeric", "data-kpi": index, size: 3,
        value: entry.points || "", "aria-label": `第 ${index + 1} 项 KPI“${kpi.name}”得分（${low}–${high}）`,
        "aria-describedby": `pc-kpi-${index}-msg`, oninput: () => this.update(),
      });
      let extra = null;
      if (kpi.scale && kpi.scale.kind === "tiers") {
        extra = h("input", { id: `pc-kpi-${index}-actual`, type: "text", inputmode: "decimal", size: 6,
          "data-kpi-actual": index, value: entry.actual || "",
          "aria-label": `第 ${index + 1} 项 KPI 实际完成值（${kpi.scale.unit}）`,
          "aria-describedby": `pc-kpi-${index}-msg`, oninput: () => this.fromActual(index) });
        extra = h("label", { class: "pc-actual" }, `实际值 ${kpi.scale.unit}`, extra);
      } else if (kpi.scale && kpi.scale.kind === "named") {
        extra = h("select", { id: `pc-kpi-${index}-level`, "data-kpi-level": index,
          "aria-label": `第 ${index + 1} 项 KPI 评价等级`, onchange: () => this.fromLevel(index) },
          h("option", { value: "" }, "（选择评价）"),
          kpi.scale.levels.map((l) => h("option", { value: l.label, selected: entry.level === l.label },
                                        `${l.label}（${l.points}）`)));
      }
      this.kpiInputs[index] = { points, message, extra };
      return h("tr", {},
        h("td", {}, index + 1), h("th", { scope: "row" }, kpi.name), h("td", { class: "pc-num" }, kpi.weight),
        h("td", {}, kpi.standard || "—"), h("td", {}, kpi.method || "—"),
        h("td", { class: "pc-entry" }, extra, points, message),
        h("td", { class: "pc-num", "data-weighted": index }, "—"));
    }

    fromActual(index) {
      const input = this.root.querySelector(`[data-kpi-actual="${index}"]`);
      const text = input.value.trim();
      const kpi = this.data.position.kpis[index];
      if (/^-?\d+(\.\d+)?$/.test(text)) {
        const hit = tierPoints(kpi.scale, Number(text));
        if (hit.points !== null) this.kpiInputs[index].points.value = String(hit.points);
      }
      this.update();
    }

    fromLevel(index) {
      const select = this.root.querySelector(`[data-kpi-level="${index}"]`);
      const level = this.data.position.kpis[index].scale.levels.find((l) => l.label === select.value);
      if (level) this.kpiInputs[index].points.value = String(level.points);
      this.update();
    }

    ratingRow(competency, low, high) {
      const id = competency.id;
      const anchors = h("ol", { class: "pc-anchors", reversed: true },
        competency.anchors.map((a) => h("li", { value: a.rating, "data-rating": a.rating },
                                        h("strong", {}, `${a.rating} 分`), " ", a.text)));
      const input = h("input", { id: `pc-c-${id}`, type: "text", inputmode: "numeric", size: 3,
        "data-competency": id, value: this.state.ratings[id] || "",
        "aria-label": `${competency.name}评分（${low}–${high}）`,
        "aria-describedby": `pc-c-${id}-msg pc-c-${id}-anchors`, oninput: () => this.update() });
      anchors.id = `pc-c-${id}-anchors`;
      this.ratingInputs[id] = { input, message: h("span", { id: `pc-c-${id}-msg`, class: "pc-msg" }), anchors };
      return h("div", { class: "pc-rating" },
        h("div", { class: "pc-rating-head" },
          h("a", { href: new URL(`${id}/`, this.glossary).href }, competency.name),
          h("span", { class: "pc-kind" }, competency.kind), input, this.ratingInputs[id].message),
        anchors);
    }

    resultsBlock() {
      const row = (label, key) => h("tr", {}, h("th", { scope: "row" }, label), h("td", { "data-result": key }, "—"));
      return h("section", { class: "pc-results", "aria-label": "评分结果" },
        h("h3", {}, "结果"),
        h("div", { id: "pc-result-warnings" }),
        h("table", { class: "pc-result-table" }, h("tbody", {},
          row("KPI 结果", "kpi"),
          GROUPS.filter((g) => this.data.position.competencies[g].length)
            .map((g) => row(GROUP_NAMES[g], `group-${g}`)),
          row("能力结果", "ability"), row("总分", "overall"), row("等级", "grade"))),
        h("div", { id: "pc-chart", class: "pc-chart" }));
    }

    actions() {
      return h("div", { class: "pc-actions pc-noprint" },
        h("button", { type: "button", class: "md-button md-button--primary", onclick: () => window.print() }, "打印考核表"),
        h("button", { type: "button", class: "md-button", onclick: () => this.downloadCsv() }, "下载 CSV"),
        h("button", { type: "button", class: "md-button", onclick: () => this.downloadJson() }, "下载 JSON"),
        h("button", { type: "button", class: "md-button", onclick: () => this.copyLink() }, "复制链接"),
        h("button", { type: "button", class: "md-button", onclick: () => this.reset() }, "重置"));
    }

    appraisal() {
      const kpis = this.data.position.kpis.map((kpi, index) => {
        const value = parseEntry(this.kpiInputs[index].points.value);
        return value === null ? null : { points: value };
      });
      const ratings = {};
      for (const [id, { input }] of Object.entries(this.ratingInputs)) {
        const value = parseEntry(input.value);
        if (value !== null) ratings[id] = value;
      }
      return { kpis, ratings };
    }

    update() {
      const { position, scoring } = this.data;
      const result = score(position, scoring, this.appraisal());
      this.result = result;
      const { min: low, max: high } = scoring.points;
      position.kpis.forEach((kpi, index) => {
        const { points, message, extra } = this.kpiInputs[index];
        const error = result.errors.kpis[String(index)];
        const shown = error && (error !== "missing" || points.value !== "");
        message.textContent = shown ? (error === "out-of-range" ? `请输入 ${low}–${high} 分` : ERRORS[error]) : "";
        points.setAttribute("aria-invalid", shown ? "true" : "false");
        const actualInput = extra && extra.querySelector ? extra.querySelector("input") : null;
        if (actualInput && actualInput.value.trim()) {
          const text = actualInput.value.trim();
          if (!/^-?\d+(\.\d+)?$/.test(text)) message.textContent = "实际值请输入数字";
          else {
            const hit = tierPoints(kpi.scale, Number(text));
            message.textContent = hit.points !== null
              ? `命中：${hit.tier === "otherwise" ? "其余情况" : describeTier(kpi.scale.tiers[hit.tier], kpi.scale.unit)} → ${hit.points} 分`
              : `${ERRORS[hit.reason]}`;
          }
        }
        this.root.querySelector(`[data-weighted="${index}"]`).textContent =
          result.kpis[index].weighted === null ? "—" : result.kpis[index].weighted.toFixed(scoring.decimals + 1);
      });
      for (const [id, { input, message, anchors }] of Object.entries(this.ratingInputs)) {
        const error = result.errors.competencies[id];
        const shown = error && (error !== "missing" || input.value !== "");
        message.textContent = shown ? (error === "out-of-range" ? `请输入 ${low}–${high} 分` : ERRORS[error]) : "";
        input.setAttribute("aria-invalid", shown ? "true" : "false");
        for (const item of anchors.children) {
          item.classList.toggle("pc-current", item.dataset.rating === input.value.trim());
        }
      }
      const set = (key, text) => { this.root.querySelector(`[data-result="${key}"]`).textContent = text; };
      const d = scoring.decimals;
      set("kpi", result.kpi.on5 === null ? "—" : `${format(result.kpi.on5, d + 1)} / ${high}（${format(result.kpi.on100, d)} / 100）`);
      set("ability", result.ability.on5 === null ? "—" : `${format(result.ability.on5, d + 1)} / ${high}（${format(result.ability.on100, d)} / 100）`);
      for (const g of GROUPS) if (position.competencies[g].length) set(`group-${g}`, format(result.groups[g], d));
      set("overall", result.overall === null ? "—" : `${format(result.overall, d)}${result.complete ? "" : "（不完整）"}`);
      set("grade", result.grade || (result.complete ? "—" : "不完整，暂不评定"));
      const warnings = result.warnings.map((w) => WARNINGS[w]);
      if (!result.complete && !result.warnings.includes("draft")) warnings.push("评分不完整：请补全或更正标出的项目。");
      document.getElementById("pc-result-warnings").replaceChildren(...warnings.map((w) =>
        h("p", { class: "pc-warning" }, w)));
      this.drawChart();
      this.saveState();
    }

    drawChart() {
      const entries = Object.entries(this.ratingInputs).map(([id, { input }]) =>
        [this.data.competencies[id].name, Number(input.value)]);
      const box = document.getElementById("pc-chart");
      const high = this.data.scoring.points.max;
      if (!entries.length) { box.replaceChildren(); return; }
      const ns = "http://www.w3.org/2000/svg";
      const svg = document.createElementNS(ns, "svg");
      const rowHeight = 22;
      svg.setAttribute("viewBox", `0 0 400 ${entries.length * rowHeight + 4}`);
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", "能力与态度评分图：" + entries.map(([n, v]) =>
        `${n} ${Number.isInteger(v) && v >= 1 && v <= high ? v : "未评"}`).join("，"));
      entries.forEach(([name, value], i) => {
        const valid = Number.isInteger(value) && value >= 1 && value <= high;
        const label = document.createElementNS(ns, "text");
        label.setAttribute("x", "0"); label.setAttribute("y", String(i * rowHeight + 15));
        label.textContent = name;
        const bar = document.createElementNS(ns, "rect");
        bar.setAttribute("x", "150"); bar.setAttribute("y", String(i * rowHeight + 4));
        bar.setAttribute("height", "14"); bar.setAttribute("width", String(valid ? value / high * 220 : 0));
        bar.setAttribute("class", "pc-bar");
        const number = document.createElementNS(ns, "text");
        number.setAttribute("x", String(valid ? 155 + value / high * 220 : 155));
        number.setAttribute("y", String(i * rowHeight + 15));
        number.textContent = valid ? String(value) : "—";
        svg.append(label, bar, number);
      });
      box.replaceChildren(svg);
    }

    collectState() {
      const state = emptyState(this.data.position.id, this.data.version);
      for (const key of ["employee", "rater", "period", "monthly"]) state[key] = this.state[key];
      const { min: low, max: high } = this.data.scoring.points;
      const whole = (text) => /^\d+$/.test(text) && Number(text) >= low && Number(text) <= high;
      this.data.position.kpis.forEach((kpi, index) => {
        const { points, extra } = this.kpiInputs[index];
        const entry = {};
        if (whole(points.value.trim())) entry.points = points.value.trim();
        const actual = extra && extra.querySelector ? extra.querySelector("input") : null;
        if (actual && /^-?\d+(\.\d+)?$/.test(actual.value.trim())) entry.actual = actual.value.trim();
        if (extra && extra.tagName === "SELECT" && extra.value) entry.level = extra.value;
        state.kpis[index] = entry;
      });
      for (const [id, { input }] of Object.entries(this.ratingInputs)) {
        if (whole(input.value.trim())) state.ratings[id] = input.value.trim();
      }
      if (!/^\d+(\.\d+)?$/.test(state.monthly || "")) state.monthly = "";
      return state;
    }

    saveState() {
      const query = encodeState(this.collectState());
      const url = `${window.location.pathname}?${query}`;
      window.history.replaceState(window.history.state, "", url);
      saveLocal(query);
    }

    record() {
      const { position } = this.data;
      const state = this.collectState();
      return {
        format: "position-appraisal/1", version: this.data.version,
        position: position.id, title: position.title, department: this.data.department,
        employee: state.employee, rater: state.rater, period: state.period,
        monthly: state.monthly === "" ? null : Number(state.monthly),
        kpis: position.kpis.map((kpi, i) => state.kpis[i].points ? { points: Number(state.kpis[i].points) } : null),
        ratings: Object.fromEntries(Object.entries(state.ratings).map(([k, v]) => [k, Number(v)])),
        result: this.result,
      };
    }

    downloadJson() {
      const record = this.record();
      download(`考核表-${record.title}-${record.employee || "未填"}.json`, "application/json",
               JSON.stringify(record, null, 2));
    }

    downloadCsv() {
      const record = this.record();
      const { position, competencies } = this.data;
      const rows = [["项目", "名称", "权重", "得分", "加权得分"]];
      rows.push(["岗位", record.title, "", "", ""], ["被考核人", record.employee, "", "", ""],
                ["考核人", record.rater, "", "", ""], ["考核期间", record.period, "", "", ""]);
      position.kpis.forEach((kpi, i) => rows.push([`KPI ${i + 1}`, kpi.name, kpi.weight,
        record.kpis[i] ? record.kpis[i].points : "", this.result.kpis[i].weighted ?? ""]));
      for (const [id, value] of Object.entries(record.ratings)) {
        rows.push([competencies[id].kind, competencies[id].name, "", value, ""]);
      }
      rows.push(["KPI 结果", "", "", this.result.kpi.on100 ?? "", ""],
                ["能力结果", "", "", this.result.ability.on100 ?? "", ""],
                ["总分", "", "", this.result.overall ?? "", ""],
                ["等级", this.result.grade || "不完整", "", "", ""]);
      const text = "\ufeff" + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
      download(`考核表-${record.title}-${record.employee || "未填"}.csv`, "text/csv", text);
    }

    async copyLink() {
      try {
        await navigator.clipboard.writeText(window.location.href);
        this.notice(["链接已复制。打开这个链接即可看到本次评分。"], "info");
      } catch (error) {
        this.notice([`请手动复制地址栏中的链接：${window.location.href}`], "info");
      }
    }

    reset() {
      if (!window.confirm("清空本岗位的全部评分和填写内容？此操作无法撤销。")) return;
      clearLocal();
      this.state = emptyState(this.data.position.id, this.data.version);
      this.renderSheet();
      this.update();
    }
  }

  function describeTier(tier, unit) {
    return `${tier.op}${tier.value}${unit}`;
  }

  function start() {
    const root = document.getElementById("pc-calculator");
    if (!root || root.dataset.started) return;
    root.dataset.started = "true";
    new Calculator(root).start().catch((error) => {
      root.append(h("p", { class: "pc-warning" }, `计算器加载失败：${error.message}`));
    });
  }

  // Material's document$ announces each page of instant navigation; it does not emit from
  // file://, so start on the page as loaded too (start() runs once per page).
  if (window.document$) window.document$.subscribe(start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
