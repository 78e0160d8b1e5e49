// What the calculator page shows of the appraisals saved in this browser: the box listing
// every one (to reopen or delete), the offer to continue one of the open position's, and, for
// the open form, the summary bar's word on whether it is kept and the alert when it is not
// (it would replace another saved appraisal, or storage failed). Only what is shown: app.js
// decides when each appears and what its buttons do.

(function (root) {
  "use strict";

  const { h } = root.PositionCalculator.dom;
  const texts = root.PositionCalculator.texts;
  const { FAILURES, describe, describeResult } = root.PositionCalculator.records;

  // The saved box's children for storage.list()'s `records` and `error`. actions: open(record),
  // remove(record), and team, the team view's address.
  function savedList({ records, error }, actions) {
    const rows = records.map((record) => h("tr", {},
      h("th", { scope: "row" }, record.employee || "（未填姓名）"), h("td", {}, record.period || "—"),
      h("td", {}, record.title), h("td", {}, record.summary ? describeResult(record.summary) : "—"),
      h("td", {}, texts.savedAt(record.saved)),
      h("td", { class: "pc-row-actions" },
        h("button", { type: "button", class: "md-button pc-small", onclick: () => actions.open(record),
                      "aria-label": `打开 ${record.title} ${texts.appraisalName(record)}` }, "打开"),
        h("button", { type: "button", class: "md-button pc-small", onclick: () => actions.remove(record),
                      "aria-label": `删除 ${record.title} ${texts.appraisalName(record)}` }, "删除"))));
    return [
      h("summary", {}, `本浏览器中已保存的考核（${records.length}）`),
      error ? h("p", { class: "pc-warning" }, `${FAILURES[error]}：无法读取或保存考核。`) : null,
      records.length ? h("div", { class: "pc-table-wrap" }, h("table", { class: "pc-saved-table" },
        h("thead", {}, h("tr", {}, ["被考核人", "考核期间", "岗位", "结果（保存时）", "保存时间", "操作"]
          .map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, rows))) : h("p", {}, "还没有保存的考核。"),
      h("p", {}, h("a", { href: actions.team }, "团队考核"), "：按考核期间查看全部考核的结果和等级分布，导出、导入、打印全部。"),
    ].filter(Boolean);
  }

  // The offer of the appraisals saved for the position just opened: open(record) continues one.
  function savedOffer(saved, open) {
    return h("div", { class: "admonition info pc-offer" },
      h("p", { class: "admonition-title" }, `本岗位在本浏览器中已保存 ${saved.length} 份考核`),
      h("ul", { class: "pc-offer-list" }, saved.map((record) => h("li", {}, h("button", {
        type: "button", class: "md-button", onclick: () => open(record),
      }, `继续：${texts.appraisalName(record)}`), " ", h("span", { class: "pc-note" }, describe(record))))),
      h("p", {}, "或在下面填写，开始一份新的考核。"));
  }

  // Whether the open form is kept (storage.js outcome), for the summary bar.
  function saveStatus(outcome) {
    return {
      empty: "填写后自动保存在本浏览器",
      saved: `已保存 ${texts.savedAt(outcome.record && outcome.record.saved)}`,
      conflict: "未保存：与已保存的考核重名",
      failed: "未能保存到本浏览器",
    }[outcome.state];
  }

  // Above the form when the Keeper did not keep it (storage.js outcome), else null. actions:
  // open(record) opens the saved one it clashes with, replace(name) replaces that one.
  function outcomeAlert(outcome, actions) {
    if (outcome.state === "conflict") {
      const other = outcome.other;
      const name = texts.appraisalName(other);
      return h("div", { class: "admonition warning" },
        h("p", { class: "admonition-title" }, "当前内容尚未保存"),
        h("p", {}, `本浏览器中已保存的本岗位「${name}」考核（${texts.savedAt(other.saved)} 保存）与当前内容不同，` +
          "没有被替换。请修改被考核人或考核期间，或："),
        h("div", { class: "pc-actions" },
          h("button", { type: "button", class: "md-button", onclick: () => actions.open(other) },
            "打开已保存的那份"),
          h("button", { type: "button", class: "md-button", onclick: () => actions.replace(name) },
            "用当前内容替换它")));
    }
    if (outcome.state === "failed") {
      return h("div", { class: "admonition failure" },
        h("p", { class: "admonition-title" }, "无法保存到本浏览器"),
        h("p", {}, `${FAILURES[outcome.reason]}。本次评分仍在本页的链接中：请复制链接或下载 JSON 保存，` +
          "以免关闭页面后丢失。"));
    }
    return null;
  }

  root.PositionCalculator.saved = { savedList, savedOffer, saveStatus, outcomeAlert };
})(globalThis);
