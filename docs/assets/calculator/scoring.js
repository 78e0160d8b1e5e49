// Scoring an appraisal: the same rules, step by step, as generator/scoring.py.
// Both read the JSON of a position and the company scoring settings and return plain data,
// so one set of test vectors (tests/vectors/scoring.json) checks both.
// A classic script (not a module), so it also runs from file://.

(function (root) {
  "use strict";

  const GROUPS = ["core", "reference", "attitude"];

  function tierPoints(scale, actual) {
    let passedUnknown = false;
    for (let index = 0; index < scale.tiers.length; index++) {
      const tier = scale.tiers[index];
      if (tier.value === null) {
        passedUnknown = true;
        continue;
      }
      if (compare(actual, tier.op, tier.value)) {
        if (passedUnknown) return { points: null, reason: "lost-threshold" };
        return { points: tier.points, tier: index };
      }
    }
    if (passedUnknown) return { points: null, reason: "lost-threshold" };
    if (scale.otherwise === null) return { points: null, reason: "below-tiers" };
    return { points: scale.otherwise, tier: "otherwise" };
  }

  function compare(actual, op, value) {
    switch (op) {
      case ">": return actual > value;
      case ">=": return actual >= value;
      case "<": return actual < value;
      case "<=": return actual <= value;
      case "=": return actual === value;
      default: return false;
    }
  }

  function isNumber(value) {
    return typeof value === "number" && Number.isFinite(value);
  }

  function wholePoints(value, low, high) {
    if (!isNumber(value)) return { points: null, error: "not-a-number" };
    if (!Number.isInteger(value)) return { points: null, error: "not-whole" };
    if (value < low || value > high) return { points: null, error: "out-of-range" };
    return { points: value };
  }

  function isEmpty(entry) {
    return entry === null || entry === undefined ||
      (typeof entry === "object" && !Array.isArray(entry) && Object.keys(entry).length === 0);
  }

  function kpiPoints(kpi, entry, low, high) {
    if (isEmpty(entry)) return { points: null, error: "missing" };
    if (typeof entry !== "object" || Array.isArray(entry)) return { points: null, error: "invalid" };
    const scale = kpi.scale;
    if ("points" in entry) return wholePoints(entry.points, low, high);
    if ("actual" in entry && scale && scale.kind === "tiers") {
      if (!isNumber(entry.actual)) return { points: null, error: "not-a-number" };
      const result = tierPoints(scale, entry.actual);
      if (result.points === null) return { points: null, error: result.reason };
      return result;
    }
    if ("level" in entry && scale && scale.kind === "named") {
      const index = scale.levels.findIndex((level) => level.label === entry.level);
      if (index < 0) return { points: null, error: "unknown-level" };
      return { points: scale.levels[index].points, tier: index };
    }
    return { points: null, error: "invalid" };
  }

  function roundHalfUp(value, decimals) {
    // Round half away from zero on the shortest decimal form of the number, as Python's
    // Decimal(repr(x)) does, so both implementations agree digit for digit.
    const sign = value < 0 ? -1 : 1;
    const shifted = Math.round(Number(`${Math.abs(value)}e${decimals}`));
    return sign * Number(`${shifted}e-${decimals}`);
  }

  function round(value, decimals) {
    return value === null ? null : roundHalfUp(value, decimals);
  }

  function pair(on5, to100, decimals) {
    return { on5: round(on5, decimals + 1), on100: round(on5 === null ? null : on5 * to100, decimals) };
  }

  function score(position, scoring, appraisal) {
    const low = scoring.points.min;
    const high = scoring.points.max;
    const to100 = 100 / high;
    const decimals = scoring.decimals;
    const warnings = [];
    if (position.status === "draft" || position.kpis.length === 0) warnings.push("draft");
    let total = 0;
    for (const kpi of position.kpis) total += kpi.weight;
    if (position.kpis.length && total !== 100) warnings.push("weights-not-100");

    const entries = (appraisal && appraisal.kpis) || [];
    const kpis = [];
    let weighted = 0;
    let enteredWeight = 0;
    position.kpis.forEach((kpi, index) => {
      const entry = index < entries.length ? entries[index] : null;
      const read = kpiPoints(kpi, entry, low, high);
      const row = { ...read, weight: kpi.weight, weighted: null };
      if (read.points !== null) {
        row.weighted = round(kpi.weight * read.points / total, decimals + 1);
        weighted += kpi.weight * read.points;
        enteredWeight += kpi.weight;
      }
      kpis.push(row);
    });
    const kpiOn5 = enteredWeight ? weighted / enteredWeight : null;

    const ratings = (appraisal && appraisal.ratings) || {};
    const groupMeans = {};
    const competencyErrors = {};
    for (const group of GROUPS) {
      const values = [];
      for (const id of position.competencies[group]) {
        const read = Object.prototype.hasOwnProperty.call(ratings, id)
          ? wholePoints(ratings[id], low, high) : { points: null, error: "missing" };
        if (read.points === null) competencyErrors[id] = read.error;
        else values.push(read.points);
      }
      let sum = 0;
      for (const value of values) sum += value;
      groupMeans[group] = values.length ? sum / values.length : null;
    }
    const groupWeights = scoring.ability_groups;
    const used = GROUPS.filter((group) => groupMeans[group] !== null);
    let weightSum = 0;
    let abilitySum = 0;
    for (const group of used) {
      weightSum += groupWeights[group];
      abilitySum += groupWeights[group] * groupMeans[group];
    }
    const abilityOn5 = used.length && weightSum ? abilitySum / weightSum : null;

    const combination = scoring.combination;
    const parts = [[combination.kpi, kpiOn5], [combination.ability, abilityOn5]]
      .filter(([weight, value]) => value !== null && weight);
    let overall = null;
    if (parts.length) {
      let top = 0;
      let bottom = 0;
      for (const [weight, value] of parts) {
        top += weight * value * to100;
        bottom += weight;
      }
      overall = top / bottom;
    }

    const complete = !warnings.includes("draft") && kpis.every((row) => row.points !== null) &&
      Object.keys(competencyErrors).length === 0;
    let grade = null;
    if (complete && overall !== null) {
      const rounded = roundHalfUp(overall, decimals);
      const band = scoring.grades.find((g) => rounded >= g.min);
      grade = band ? band.name : null;
    }
    const kpiErrors = {};
    kpis.forEach((row, index) => { if ("error" in row) kpiErrors[String(index)] = row.error; });
    return {
      kpis,
      kpi: pair(kpiOn5, to100, decimals),
      groups: Object.fromEntries(GROUPS.map((g) => [g, round(groupMeans[g], decimals)])),
      ability: pair(abilityOn5, to100, decimals),
      overall: round(overall, decimals),
      grade,
      complete,
      errors: { kpis: kpiErrors, competencies: competencyErrors },
      warnings,
    };
  }

  root.PositionScoring = { GROUPS, tierPoints, kpiPoints, roundHalfUp, score };
})(globalThis);
