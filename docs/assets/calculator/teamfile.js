// Reading a team's appraisals back from a file: the team CSV (downloads.js teamCsv, also what
// `python -m generator score` reads) or a JSON backup (a list of appraisal records, or one
// record). Each appraisal becomes the parameters of its link, so that state.js decodeState
// checks it exactly as it checks a link; every row that is not fit to keep is reported with
// its number (as a spreadsheet numbers rows: the header is row 1). Pure: text in, data out.

(function (root) {
  "use strict";

  const calculator = root.PositionCalculator ?? {};
  const texts = calculator.texts ?? require("./texts.js");
  const { FORMULA_START } = calculator.downloads ?? require("./downloads.js");

  const MAX_FILE_CHARS = 16 * 1024 * 1024;
  const MAX_ROWS = 5000;
  const META = ["position", "employee", "rater", "period"];
  const KPI_COLUMN = /^kpi(\d{1,4})(_actual)?$/;

  // What a formula-neutralising export (csvCell) put before a text: taken off again.
  function unneutralise(text) {
    return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
  }

  // RFC 4180 records of `text`: {records: [{number, cells}], error}.
  function parseCsv(text) {
    const records = [];
    let cells = [];
    let cell = "";
    let quoted = false;
    let number = 1;
    let start = 1; // the line a record starts on, for messages about an open quote
    const source = text.replace(/^\ufeff/, "");
    for (let i = 0; i < source.length; i++) {
      const char = source[i];
      if (quoted) {
        if (char === '"' && source[i + 1] === '"') { cell += '"'; i++; }
        else if (char === '"') quoted = false;
        else cell += char;
      } else if (char === '"' && cell === "") {
        quoted = true;
      } else if (char === ",") {
        cells.push(cell); cell = "";
      } else if (char === "\n" || char === "\r") {
        if (char === "\r" && source[i + 1] === "\n") i++;
        cells.push(cell); cell = "";
        records.push({ number, cells });
        cells = [];
        number++;
        start = number;
      } else {
        cell += char;
      }
    }
    if (quoted) return { records, error: `第 ${start} 行：引号没有闭合` };
    if (cell !== "" || cells.length) { cells.push(cell); records.push({ number, cells }); }
    return { records, error: null };
  }

  // The columns the team CSV carries that are not read back: the calculator's results (scored
  // again from the entries) and the position's title and department.
  function ignoredColumns(settings) {
    return new Set(["title", "department", ...texts.resultColumns(settings).map((c) => c.key)]);
  }

  function fileProblem(message) {
    return { items: [], problems: [message] };
  }

  // {items: [{row, position, version, fields, monthly, kpis: {n: {points, actual}}, ratings,
  // problems}], problems: [file-level]} of a team CSV; settings: {scoring, rules}.
  function fromCsv(text, settings) {
    const { records, error } = parseCsv(text);
    if (error) return fileProblem(`无法读取 CSV：${error}`);
    if (!records.length) return fileProblem("文件是空的");
    const columns = records[0].cells.map((name) => name.trim());
    const seen = new Map();
    for (const [index, name] of columns.entries()) {
      if (name && seen.has(name)) return fileProblem(`第 1 行：“${name}”列出现了两次（第 ${seen.get(name) + 1} 列和第 ${index + 1} 列）`);
      seen.set(name, index);
    }
    if (!seen.has("position")) return fileProblem("第 1 行须是列名：position, employee, rater, period, kpi1, kpi1_actual, …（团队考核导出的 CSV）");
    const ignored = ignoredColumns(settings);
    const items = [];
    for (const { number, cells } of records.slice(1)) {
      if (!cells.some((cell) => cell.trim())) continue; // an empty row, as spreadsheets leave them
      if (items.length >= MAX_ROWS) return fileProblem(`超过 ${MAX_ROWS} 份考核，请分成几个文件导入`);
      const item = emptyItem(number);
      if (cells.slice(columns.length).some((cell) => cell.trim())) item.problems.push("单元格比列名多");
      columns.forEach((column, index) => {
        const value = unneutralise((cells[index] ?? "").trim());
        if (value === "" || ignored.has(column)) return;
        const match = KPI_COLUMN.exec(column);
        if (META.includes(column)) item.fields[column] = value;
        else if (column === "version") item.version = value;
        else if (column === "monthly") item.monthly = value;
        else if (match && Number(match[1]) >= 1) {
          const entry = item.kpis[Number(match[1])] ??= {};
          entry[match[2] ? "actual" : "points"] = value;
        } else if (match || !column) item.problems.push(`无法识别的列“${column || `第 ${index + 1} 列`}”`);
        else item.ratings[column] = value;
      });
      item.position = item.fields.position ?? "";
      items.push(item);
    }
    return { items, problems: [] };
  }

  function emptyItem(row) {
    return { row, position: "", version: null, fields: {}, monthly: "", kpis: {}, ratings: {}, problems: [] };
  }

  // The same from a JSON backup: a list of records, or one record (the calculator's download).
  function fromJson(text) {
    let data;
    try {
      data = JSON.parse(text.replace(/^\ufeff/, ""));
    } catch (error) {
      return fileProblem(`不是有效的 JSON：${error.message}`);
    }
    const list = Array.isArray(data) ? data : [data];
    if (list.length > MAX_ROWS) return fileProblem(`超过 ${MAX_ROWS} 份考核，请分成几个文件导入`);
    const items = list.map((record, index) => {
      const item = emptyItem(index + 1);
      if (!record || typeof record !== "object" || Array.isArray(record)) {
        item.problems.push("不是一份考核（应为 JSON 对象）");
        return item;
      }
      for (const key of META) {
        const value = record[key];
        if (value === undefined || value === null) continue;
        if (typeof value === "string" || typeof value === "number") item.fields[key] = String(value);
        else item.problems.push(`${key} 应为文字`);
      }
      item.position = item.fields.position ?? "";
      if (typeof record.version === "string") item.version = record.version;
      if (record.monthly !== undefined && record.monthly !== null) item.monthly = String(record.monthly);
      if (record.kpis !== undefined && !Array.isArray(record.kpis)) item.problems.push("kpis 应为列表");
      (Array.isArray(record.kpis) ? record.kpis : []).forEach((entry, index) => {
        if (entry === null) return;
        if (typeof entry !== "object" || Array.isArray(entry)) {
          item.problems.push(`kpis 第 ${index + 1} 项应为对象，如 {"points": 4}`);
          return;
        }
        const kept = {};
        if (entry.points !== undefined && entry.points !== null) kept.points = String(entry.points);
        const actual = entry.actual ?? entry.level;
        if (actual !== undefined && actual !== null) kept.actual = String(actual);
        if (Object.keys(kept).length) item.kpis[index + 1] = kept;
      });
      const ratings = record.ratings ?? {};
      if (typeof ratings !== "object" || Array.isArray(ratings)) item.problems.push("ratings 应为对象");
      else for (const [id, value] of Object.entries(ratings)) item.ratings[id] = String(value);
      return item;
    });
    return { items, problems: [] };
  }

  // A file's appraisals, by its name (.json) or its first character.
  function readTeamFile(name, text, settings) {
    if (text.length > MAX_FILE_CHARS) return fileProblem("文件超过 16 MiB");
    const json = /\.json$/i.test(name) || /^\ufeff?\s*[[{]/.test(text);
    return json ? fromJson(text) : fromCsv(text, settings);
  }

  // The link parameters of an item for its position's data (an actual column is an actual
  // result or a level, as the KPI's scale says), for state.js decodeState.
  function itemParams(item, data) {
    const params = new URLSearchParams();
    params.set("position", item.position);
    for (const key of ["employee", "rater", "period"]) if (item.fields[key]) params.set(key, item.fields[key]);
    if (item.monthly) params.set("m", item.monthly);
    for (const [number, entry] of Object.entries(item.kpis)) {
      const index = Number(number) - 1;
      const kpi = data.position.kpis[index];
      if (entry.points !== undefined) params.set(`k${index}`, entry.points);
      if (entry.actual !== undefined) {
        params.set(`${kpi && kpi.scale && kpi.scale.kind === "named" ? "l" : "a"}${index}`, entry.actual);
      }
    }
    for (const [id, value] of Object.entries(item.ratings)) params.set(`c.${id}`, value);
    return params;
  }

  const teamfile = { MAX_ROWS, parseCsv, unneutralise, fromCsv, fromJson, readTeamFile, itemParams };
  (root.PositionCalculator ??= {}).teamfile = teamfile;
  if (typeof module !== "undefined") module.exports = teamfile;
})(globalThis);
