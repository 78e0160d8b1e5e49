// Appraisals as files. One appraisal: the JSON record (everything its link carries, every
// result with labels that say the scale, and what `python -m generator score` reads back) and
// the CSV a manager opens in a spreadsheet. A team: one CSV row per appraisal, in the columns
// `python -m generator score` reads, and a JSON backup (a list of records, which it reads
// too). Pure except download(), which hands a file to the browser.

(function (root) {
  "use strict";

  const calculator = root.PositionCalculator ?? {};
  const { encodeState } = calculator.state ?? require("./state.js");
  const texts = calculator.texts ?? require("./texts.js");

  const RECORD_FORMAT = "position-appraisal/2";

  // A spreadsheet reads a cell starting with one of these as a formula (OWASP CSV injection):
  // such text gets a leading apostrophe, as generator/escape.py csv_cell does for `score`.
  // The full-width forms too: a spreadsheet may read them as their ASCII counterparts.
  const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;

  function csvCell(value) {
    const text = value === null || value === undefined ? "" : String(value);
    const safe = typeof value === "string" && FORMULA_START.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  }

  // A byte order mark and CRLF: what a spreadsheet needs to read UTF-8 CSV as such.
  function csvText(rows) {
    return "\ufeff" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }

  const number = (text) => (text === undefined || text === "" ? null : Number(text));

  // Each KPI as entered and as scored: what the standard gives and whether the points typed
  // overrule it.
  function kpiDetails(data, state, result) {
    return data.position.kpis.map((kpi, index) => {
      const entry = state.kpis[index] || {};
      const kind = kpi.scale ? kpi.scale.kind : null;
      const hit = kind === "tiers" && entry.actual ? texts.actualHit(kpi.scale, entry.actual)
        : kind === "named" && entry.level ? texts.levelHit(kpi.scale, entry.level) : null;
      const fromStandard = hit ? hit.points : null;
      const points = number(entry.points);
      return {
        number: index + 1, name: kpi.name, weight: kpi.weight,
        actual: number(entry.actual), unit: kind === "tiers" ? kpi.scale.unit : null,
        level: entry.level || null, points, points_from_standard: fromStandard,
        manual_override: points !== null && fromStandard !== null && points !== fromStandard,
        weighted: result.kpis[index].weighted,
      };
    });
  }

  // Each rated item once, in group order, with its rating and the anchor of that rating.
  function ratingDetails(data, state) {
    const seen = new Set();
    const rows = [];
    for (const group of data.rules.groups) {
      for (const id of data.position.competencies[group.id]) {
        if (seen.has(id)) continue;
        seen.add(id);
        const competency = data.competencies[id];
        const rating = number(state.ratings[id]);
        const anchor = competency.anchors.find((a) => a.rating === rating);
        rows.push({ id, name: competency.name, group: group.name, rating,
                    anchor: anchor ? anchor.text : null });
      }
    }
    return rows;
  }

  function labelledResults(data, result) {
    return Object.fromEntries(texts.resultColumns(data).map((column) =>
      [column.key, { label: column.label, value: column.value(result) }]));
  }

  // state: the valid entries (state.js stateFromForm); result: what scoring.score gave;
  // whatIf: what scoring.whatIf gave (or null).
  function appraisalRecord(data, state, result, whatIf = null) {
    const { position } = data;
    const details = kpiDetails(data, state, result);
    return {
      format: RECORD_FORMAT, version: data.version,
      position: position.id, title: position.title, department: data.department,
      employee: state.employee, rater: state.rater, period: state.period,
      link: `?${encodeState(state)}`,
      monthly: number(state.monthly),
      monthly_indicator: position.monthly.length ? position.monthly[0].indicator : null,
      // What `python -m generator score` reads: points win over an actual result or a level.
      kpis: details.map((row) => {
        const entry = {};
        if (row.points !== null) entry.points = row.points;
        if (row.actual !== null) entry.actual = row.actual;
        if (row.level !== null) entry.level = row.level;
        return Object.keys(entry).length ? entry : null;
      }),
      ratings: Object.fromEntries(Object.entries(state.ratings).map(([id, v]) => [id, Number(v)])),
      points_scale: { ...data.scoring.points },
      kpi_details: details,
      rating_details: ratingDetails(data, state),
      results: labelledResults(data, result),
      result,
      what_if: whatIf,
    };
  }

  function appraisalCsv(record, data) {
    const { min, max } = data.scoring.points;
    const blank = (row) => [...row, ...Array(10 - row.length).fill("")];
    const rows = [["项目", "名称 / 内容", "权重 %", "实际值", "单位", "评价等级", `得分（${min}–${max} 分）`,
                   `按标准应得（${min}–${max} 分）`, `加权得分（${max} 分制）`, "备注"],
      blank(["岗位", record.title]), blank(["部门", record.department]),
      blank(["目录版本", record.version]), blank(["被考核人", record.employee]),
      blank(["考核人", record.rater]), blank(["考核期间", record.period])];
    if (record.monthly_indicator !== null) {
      rows.push(blank(["月度任务完成率", record.monthly_indicator, "", record.monthly, "%"]));
    }
    for (const kpi of record.kpi_details) {
      rows.push([`KPI ${kpi.number}`, kpi.name, kpi.weight, kpi.actual, kpi.unit, kpi.level, kpi.points,
                 kpi.points_from_standard, kpi.weighted,
                 kpi.manual_override ? `手工调整（按标准应为 ${kpi.points_from_standard} 分）` : ""]);
    }
    for (const item of record.rating_details) {
      rows.push(blank([item.group, item.name, "", "", "", "", item.rating]));
    }
    for (const { label, value } of Object.values(record.results)) {
      rows.push(blank([label, typeof value === "boolean" ? (value ? "是" : "否") : value]));
    }
    return csvText(rows);
  }

  function fileName(record, extension) {
    const period = record.period ? `-${record.period}` : "";
    return `考核表-${record.title}-${record.employee || "未填"}${period}.${extension}`;
  }

  // The team's appraisals, one row each: entries [{data, state, result}]. The columns are the
  // ones `python -m generator score` reads (position, employee, rater, period, kpi<n>,
  // kpi<n>_actual: an actual result or a level, competency ids), then what it leaves aside
  // (title, department, version, monthly and the results shown here, which it scores again).
  function teamCsv(entries) {
    const kpiCount = Math.max(0, ...entries.map((e) => e.data.position.kpis.length));
    const ids = [];
    for (const { data } of entries) {
      for (const group of data.rules.groups) {
        for (const id of data.position.competencies[group.id]) if (!ids.includes(id)) ids.push(id);
      }
    }
    const columns = entries.length ? texts.resultColumns(entries[0].data) : [];
    const header = ["position", "title", "department", "employee", "rater", "period", "version",
      "monthly"];
    for (let n = 1; n <= kpiCount; n++) header.push(`kpi${n}`, `kpi${n}_actual`);
    header.push(...ids, ...columns.map((c) => c.key));
    const rows = entries.map(({ data, state, result }) => {
      const row = [data.position.id, data.position.title, data.department, state.employee, state.rater,
        state.period, data.version, number(state.monthly)];
      for (let index = 0; index < kpiCount; index++) {
        const entry = state.kpis[index] || {};
        row.push(number(entry.points), entry.actual ? Number(entry.actual) : entry.level || "");
      }
      for (const id of ids) row.push(number(state.ratings[id]));
      for (const column of texts.resultColumns(data)) {
        const value = column.value(result);
        row.push(typeof value === "boolean" ? (value ? "是" : "否") : value);
      }
      return row;
    });
    return csvText([header, ...rows]);
  }

  // The team's appraisals as one JSON file: a list of records (what the calculator's JSON
  // download holds), which the team view imports and `python -m generator score` reads.
  function teamJson(entries) {
    return JSON.stringify(entries.map(({ data, state, result, whatIf }) =>
      appraisalRecord(data, state, result, whatIf ?? null)), null, 1);
  }

  // Hands `text` to the browser as a file; the link lives for a moment inside `place`.
  function download(place, name, type, text) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type }));
    link.download = name;
    place.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  const downloads = { RECORD_FORMAT, FORMULA_START, csvCell, csvText, appraisalRecord, appraisalCsv, fileName,
                      teamCsv, teamJson, download };
  (root.PositionCalculator ??= {}).downloads = downloads;
  if (typeof module !== "undefined") module.exports = downloads;
})(globalThis);
