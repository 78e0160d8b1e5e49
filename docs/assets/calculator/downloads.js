// The appraisal as a file: the JSON record (what `python -m generator score` reads back) and
// the CSV a manager opens in a spreadsheet. Pure except download(), which hands a file to the
// browser.

(function (root) {
  "use strict";

  const RECORD_FORMAT = "position-appraisal/1";

  // A spreadsheet reads a cell starting with one of these as a formula (OWASP CSV injection):
  // such text gets a leading apostrophe, as generator/escape.py csv_cell does for `score`.
  // The full-width forms too: a spreadsheet may read them as their ASCII counterparts.
  const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;

  function csvCell(value) {
    const text = value === null || value === undefined ? "" : String(value);
    const safe = typeof value === "string" && FORMULA_START.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  }

  // state: the valid entries (state.js stateFromForm); result: what scoring.score gave.
  function appraisalRecord(data, state, result) {
    const { position } = data;
    return {
      format: RECORD_FORMAT, version: data.version,
      position: position.id, title: position.title, department: data.department,
      employee: state.employee, rater: state.rater, period: state.period,
      monthly: state.monthly === "" ? null : Number(state.monthly),
      kpis: position.kpis.map((kpi, i) => {
        const points = (state.kpis[i] || {}).points;
        return points ? { points: Number(points) } : null;
      }),
      ratings: Object.fromEntries(Object.entries(state.ratings).map(([id, v]) => [id, Number(v)])),
      result,
    };
  }

  function appraisalCsv(record, data) {
    const { position, competencies } = data;
    const result = record.result;
    const rows = [["项目", "名称", "权重", "得分", "加权得分"],
      ["岗位", record.title, "", "", ""], ["被考核人", record.employee, "", "", ""],
      ["考核人", record.rater, "", "", ""], ["考核期间", record.period, "", "", ""]];
    position.kpis.forEach((kpi, i) => rows.push([`KPI ${i + 1}`, kpi.name, kpi.weight,
      record.kpis[i] ? record.kpis[i].points : "", result.kpis[i].weighted ?? ""]));
    for (const [id, value] of Object.entries(record.ratings)) {
      rows.push([competencies[id].kind, competencies[id].name, "", value, ""]);
    }
    rows.push(["KPI 结果", "", "", result.kpi.on100 ?? "", ""],
              ["能力结果", "", "", result.ability.on100 ?? "", ""],
              ["总分", "", "", result.overall ?? "", ""],
              ["等级", result.grade || "不完整", "", "", ""]);
    // A byte order mark and CRLF: what a spreadsheet needs to read UTF-8 CSV as such.
    return "\ufeff" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }

  function fileName(record, extension) {
    return `考核表-${record.title}-${record.employee || "未填"}.${extension}`;
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

  const downloads = { csvCell, appraisalRecord, appraisalCsv, fileName, download };
  (root.PositionCalculator ??= {}).downloads = downloads;
  if (typeof module !== "undefined") module.exports = downloads;
})(globalThis);
