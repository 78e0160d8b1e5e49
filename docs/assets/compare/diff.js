// Comparing two positions: which goals, KPIs, monthly indicators and competencies they share
// and how the shared ones differ. Pure functions on the positions' data (the calculator's
// data scripts, made by generator/render.py calculator_data); no page, no document.

(function (root) {
  "use strict";

  const SAME = "same";
  const DIFFERENT = "different";
  const ONLY_A = "only-a";
  const ONLY_B = "only-b";

  // Items are matched by their text with white space ignored: the catalogue keeps the source's
  // wording, so one goal or KPI is spelled alike wherever it occurs.
  function key(text) {
    return String(text ?? "").replace(/\s+/g, "");
  }

  function same(x, y) {
    return typeof x === "number" || typeof y === "number" ? x === y : key(x) === key(y);
  }

  // Pairs the items of two lists by `keyOf`: a's items in a's order, each with the first
  // unused b item of the same key, then b's unmatched items in b's order. Each row says which
  // of `fields` differ and so whether the pair is the same, different, or one side only.
  function pair(listA, listB, keyOf, fields) {
    const used = new Set();
    const rows = listA.map((a) => {
      const at = listB.findIndex((b, i) => !used.has(i) && keyOf(b) === keyOf(a));
      if (at < 0) return { a, b: null, mark: ONLY_A, differs: [] };
      used.add(at);
      const b = listB[at];
      const differs = fields.filter((field) => !same(a[field], b[field]));
      return { a, b, mark: differs.length ? DIFFERENT : SAME, differs };
    });
    listB.forEach((b, i) => {
      if (!used.has(i)) rows.push({ a: null, b, mark: ONLY_B, differs: [] });
    });
    return rows;
  }

  function categoriesOf(a, b) {
    return [...new Set([...Object.keys(a.goals || {}), ...Object.keys(b.goals || {})])];
  }

  // A category's goals, each followed by its sub-items; a sub-item carries its goal's text
  // (`parent`) and pairs only with the same sub-item of the same goal.
  function withItems(goals) {
    return goals.flatMap((goal) =>
      [goal, ...(goal.items || []).map((item) => ({ ...item, parent: goal.goal }))]);
  }

  function goalKey(goal) {
    return goal.parent === undefined ? key(goal.goal) : `${key(goal.parent)}\u0000${key(goal.goal)}`;
  }

  // [{category, rows}] with goals (and their sub-items) paired by their text; the target is
  // what may differ.
  function compareGoals(a, b) {
    return categoriesOf(a, b).map((category) => ({
      category,
      rows: pair(withItems((a.goals || {})[category] || []), withItems((b.goals || {})[category] || []),
                 goalKey, ["target"]),
    }));
  }

  function compareMonthly(a, b) {
    return pair(a.monthly || [], b.monthly || [], (m) => key(m.indicator), ["target", "method"]);
  }

  function compareKpis(a, b) {
    return pair(a.kpis || [], b.kpis || [], (kpi) => key(kpi.name),
                ["weight", "standard", "method"]);
  }

  // Every competency of either position, with its group on each side (null: not rated on it);
  // `groups` is the order of the groups ([{id, name}], from the data's rules). In a's order of
  // groups and items, then b's others.
  function compareCompetencies(a, b, groups) {
    const groupOf = (position) => {
      const found = new Map();
      for (const group of groups) {
        for (const id of (position.competencies || {})[group.id] || []) {
          if (!found.has(id)) found.set(id, group.id);
        }
      }
      return found;
    };
    const inA = groupOf(a);
    const inB = groupOf(b);
    const ids = [...inA.keys(), ...[...inB.keys()].filter((id) => !inA.has(id))];
    return ids.map((id) => {
      const groupA = inA.get(id) ?? null;
      const groupB = inB.get(id) ?? null;
      let mark = groupA === groupB ? SAME : DIFFERENT;
      if (groupB === null) mark = ONLY_A;
      if (groupA === null) mark = ONLY_B;
      return { id, a: groupA, b: groupB, mark, differs: mark === DIFFERENT ? ["group"] : [] };
    });
  }

  // How many rows of each mark.
  function count(rows) {
    const counts = { [SAME]: 0, [DIFFERENT]: 0, [ONLY_A]: 0, [ONLY_B]: 0 };
    for (const row of rows) counts[row.mark] += 1;
    return counts;
  }

  function comparePositions(a, b, groups) {
    const goals = compareGoals(a, b);
    return {
      goals,
      monthly: compareMonthly(a, b),
      kpis: compareKpis(a, b),
      competencies: compareCompetencies(a, b, groups),
      goalCount: count(goals.flatMap((category) => category.rows)),
    };
  }

  const diff = {
    SAME, DIFFERENT, ONLY_A, ONLY_B, key, pair, compareGoals, compareMonthly, compareKpis,
    compareCompetencies, count, comparePositions,
  };
  (root.PositionCompare ??= {}).diff = diff;
  if (typeof module !== "undefined") module.exports = diff;
})(globalThis);
