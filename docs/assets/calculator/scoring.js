// Scoring an appraisal: the same rules, step by step (the same functions), as
// generator/scoring/score.py. Both read the JSON of a position and the company scoring settings and
// return plain data, so one set of test vectors (tests/vectors/scoring.json) checks both.
// The fixed rules (weight total, groups) arrive as `rules` with the calculator's data.
// Pure: no page, no storage.

(function (root) {
  "use strict";

  function tierPoints(scale, actual) {
    let passedUnknown = false;
    for (let index = 0; index < scale.tiers.length; index++) {
      const tier = scale.tiers[index];
      if (tier.value === null) {
        passedUnknown = true;
      } else if (compare(actual, tier.op, tier.value)) {
        if (passedUnknown) break;
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

  function isEmpty(entry) {
    return entry === null || entry === undefined ||
      (typeof entry === "object" && !Array.isArray(entry) && Object.keys(entry).length === 0);
  }

  // Read one KPI entry: {points: n} | {actual: x} | {level: label} | null.
  function kpiPoints(kpi, entry, low, high) {
    if (isEmpty(entry)) return { points: null, error: "missing" };
    if (typeof entry !== "object" || Array.isArray(entry)) return { points: null, error: "invalid" };
    const kind = kpi.scale ? kpi.scale.kind : null;
    if ("points" in entry) return wholePoints(entry.points, low, high);
    if ("actual" in entry && kind === "tiers") return actualPoints(kpi.scale, entry.actual);
    if ("level" in entry && kind === "named") return levelPoints(kpi.scale, entry.level);
    return { points: null, error: "invalid" };
  }

  function actualPoints(scale, actual) {
    if (!isNumber(actual)) return { points: null, error: "not-a-number" };
    const result = tierPoints(scale, actual);
    if (result.points === null) return { points: null, error: result.reason };
    return result;
  }

  function levelPoints(scale, label) {
    const index = scale.levels.findIndex((level) => level.label === label);
    if (index < 0) return { points: null, error: "unknown-level" };
    return { points: scale.levels[index].points, tier: index };
  }

  function wholePoints(value, low, high) {
    if (!isNumber(value)) return { points: null, error: "not-a-number" };
    if (!Number.isInteger(value)) return { points: null, error: "not-whole" };
    if (value < low || value > high) return { points: null, error: "out-of-range" };
    return { points: value };
  }

  function score(position, scoring, appraisal, rules) {
    const decimals = scoring.decimals;
    const to100 = 100 / scoring.points.max;
    const groups = rules.groups.map((group) => group.id);
    const warnings = warningsOf(position, rules.weight_total);
    const [kpis, kpiOn5] = kpiResult(position.kpis, (appraisal && appraisal.kpis) || [], scoring);
    const [means, competencyErrors] = groupMeans(groups, position.competencies,
                                                 (appraisal && appraisal.ratings) || {}, scoring);
    const abilityOn5 = abilityResult(groups, means, scoring.ability_groups);
    const overall = overallResult(scoring.combination, kpiOn5, abilityOn5, to100);
    const complete = !warnings.includes("draft") && kpis.every((row) => row.points !== null) &&
      Object.keys(competencyErrors).length === 0;
    const kpiErrors = {};
    kpis.forEach((row, index) => { if ("error" in row) kpiErrors[String(index)] = row.error; });
    return {
      kpis,
      kpi: pair(kpiOn5, to100, decimals),
      groups: Object.fromEntries(groups.map((g) => [g, round(means[g], decimals)])),
      ability: pair(abilityOn5, to100, decimals),
      overall: round(overall, decimals),
      grade: complete ? gradeOf(scoring, overall) : null,
      complete,
      errors: { kpis: kpiErrors, competencies: competencyErrors },
      warnings,
    };
  }

  function warningsOf(position, weightTotal) {
    const warnings = [];
    if (position.status === "draft" || position.kpis.length === 0) warnings.push("draft");
    if (position.kpis.length && weightSum(position.kpis) !== weightTotal) warnings.push("weights-not-100");
    return warnings;
  }

  function weightSum(kpis) {
    let total = 0;
    for (const kpi of kpis) total += kpi.weight;
    return total;
  }

  // One row per KPI, and the weighted mean of the points entered (not rescaled).
  function kpiResult(kpis, entries, scoring) {
    const { min: low, max: high } = scoring.points;
    const total = weightSum(kpis);
    const rows = [];
    let weighted = 0;
    let enteredWeight = 0;
    kpis.forEach((kpi, index) => {
      const read = kpiPoints(kpi, index < entries.length ? entries[index] : null, low, high);
      const row = { ...read, weight: kpi.weight, weighted: null };
      if (read.points !== null) {
        row.weighted = round(kpi.weight * read.points / total, scoring.decimals + 1);
        weighted += kpi.weight * read.points;
        enteredWeight += kpi.weight;
      }
      rows.push(row);
    });
    return [rows, enteredWeight ? weighted / enteredWeight : null];
  }

  // Each group's mean rating (null if it has none), and the ratings that cannot count.
  function groupMeans(groups, competencies, ratings, scoring) {
    const { min: low, max: high } = scoring.points;
    const means = {};
    const errors = {};
    for (const group of groups) {
      const values = [];
      for (const id of competencies[group]) {
        const read = Object.prototype.hasOwnProperty.call(ratings, id)
          ? wholePoints(ratings[id], low, high) : { points: null, error: "missing" };
        if (read.points === null) errors[id] = read.error;
        else values.push(read.points);
      }
      let sum = 0;
      for (const value of values) sum += value;
      means[group] = values.length ? sum / values.length : null;
    }
    return [means, errors];
  }

  // The weighted mean of the group means; a group without ratings is left out.
  function abilityResult(groups, means, weights) {
    let weightTotal = 0;
    let abilityTotal = 0;
    for (const group of groups) {
      if (means[group] === null) continue;
      weightTotal += weights[group];
      abilityTotal += weights[group] * means[group];
    }
    return weightTotal ? abilityTotal / weightTotal : null;
  }

  // KPI and ability results on 100 combined by weight; a missing part is left out.
  function overallResult(combination, kpiOn5, abilityOn5, to100) {
    let top = 0;
    let bottom = 0;
    for (const [weight, value] of [[combination.kpi, kpiOn5], [combination.ability, abilityOn5]]) {
      if (value === null || !weight) continue;
      top += weight * value * to100;
      bottom += weight;
    }
    return bottom ? top / bottom : null;
  }

  // The first grade band the overall result, as shown (rounded), reaches.
  function gradeOf(scoring, overall) {
    if (overall === null) return null;
    const shown = roundHalfUp(overall, scoring.decimals);
    const band = scoring.grades.find((g) => shown >= g.min);
    return band ? band.name : null;
  }

  function pair(on5, to100, decimals) {
    return { on5: round(on5, decimals + 1), on100: round(on5 === null ? null : on5 * to100, decimals) };
  }

  function round(value, decimals) {
    return value === null ? null : roundHalfUp(value, decimals);
  }

  function roundHalfUp(value, decimals) {
    // Round half away from zero on the shortest decimal form of the number, as Python's
    // Decimal(repr(x)) does, so both implementations agree digit for digit.
    const sign = value < 0 ? -1 : 1;
    const shifted = Math.round(Number(`${Math.abs(value)}e${decimals}`));
    return sign * Number(`${shifted}e-${decimals}`);
  }

  // ------------------------------------------------------------------------------ what-if

  // The middle of the point scale (3 on 1–5): what an open item counts as by default.
  function middlePoints(scoring) {
    return Math.floor((scoring.points.min + scoring.points.max) / 2);
  }

  // What an appraisal would come to, and what it takes to reach the next grade band, as
  // generator/scoring/score.py what_if. Items are named as in the link: "k0" (the first
  // KPI), "c.<competency id>". Open items (no valid points yet) count as `fill` (default:
  // the middle of the scale): that is the projection. `needed` is the fewest whole points to
  // add to the `chosen` items (default: the open ones, or every item when none is open), one
  // point at a time where a point adds most, until the projection reaches the band above its
  // own. null for a position that cannot be scored (a draft).
  function whatIf(position, scoring, appraisal, rules, options = {}) {
    const high = scoring.points.max;
    const fill = options.fill ?? middlePoints(scoring);
    const base = score(position, scoring, appraisal, rules);
    if (base.warnings.includes("draft")) return null;
    const items = itemsOf(position, base, (appraisal && appraisal.ratings) || {}, rules);
    const names = [...items.keys()];
    const points = new Map(names.map((item) => [item, items.get(item) ?? fill]));
    const open = names.filter((item) => items.get(item) === null);
    const wanted = options.chosen ?? (open.length ? open : names);
    const chosen = names.filter((item) => wanted.includes(item));
    const projected = projection(position, scoring, points, rules);
    const target = bandAbove(scoring, projected.grade);
    const out = { fill, open, chosen, projected: summary(projected), target, needed: null };
    if (target === null) return out;
    const gains = gainsOf(position, scoring, rules);
    const start = new Map(points);
    let added = 0;
    let reached = projected;
    while (rank(scoring, reached.grade) > rank(scoring, target.grade)) {
      const candidates = chosen.filter((item) => points.get(item) < high);
      if (!candidates.length) break;
      let best = candidates[0];
      for (const item of candidates.slice(1)) if (gains.get(item) > gains.get(best)) best = item;
      points.set(best, points.get(best) + 1);
      added += 1;
      reached = projection(position, scoring, points, rules);
    }
    const reachable = rank(scoring, reached.grade) <= rank(scoring, target.grade);
    out.needed = {
      reachable,
      points: reachable ? added : null,
      raise: names.filter((item) => points.get(item) !== start.get(item))
        .map((item) => ({ item, from: start.get(item), to: points.get(item) })),
      ...summary(reached),
    };
    return out;
  }

  // Every item of the position in order (name -> valid points or null): KPIs, then each
  // rated competency once, in group order.
  function itemsOf(position, base, ratings, rules) {
    const items = new Map(base.kpis.map((row, index) => [`k${index}`, row.points]));
    const errors = base.errors.competencies;
    for (const group of rules.groups) {
      for (const id of position.competencies[group.id]) {
        const item = `c.${id}`;
        if (!items.has(item)) items.set(item, id in errors ? null : ratings[id]);
      }
    }
    return items;
  }

  function projection(position, scoring, points, rules) {
    const kpis = position.kpis.map((kpi, index) => ({ points: points.get(`k${index}`) }));
    const ratings = {};
    for (const [item, value] of points) if (item.startsWith("c.")) ratings[item.slice(2)] = value;
    return score(position, scoring, { kpis, ratings }, rules);
  }

  function summary(result) {
    return { kpi: result.kpi, ability: result.ability, overall: result.overall, grade: result.grade };
  }

  // A grade's place among the bands, 0 the highest; no grade ranks below every band.
  function rank(scoring, grade) {
    const index = scoring.grades.findIndex((band) => band.name === grade);
    return index < 0 ? scoring.grades.length : index;
  }

  function bandAbove(scoring, grade) {
    const place = rank(scoring, grade);
    if (place === 0) return null;
    const band = scoring.grades[place - 1];
    return { grade: band.name, min: band.min };
  }

  // What one more point on each item adds to the overall result on 100, with every item
  // counted (as in a projection): the same for every point, so the fewest points go where
  // this is highest. The same arithmetic, in the same order, as score.py _gains.
  function gainsOf(position, scoring, rules) {
    const to100 = 100 / scoring.points.max;
    const { combination, ability_groups: weights } = scoring;
    const competencies = position.competencies;
    const used = rules.groups.map((group) => group.id).filter((id) => competencies[id].length);
    const total = weightSum(position.kpis);
    const kpiPart = position.kpis.length && total ? combination.kpi : 0;
    const abilityPart = used.length ? combination.ability : 0;
    const bottom = kpiPart + abilityPart;
    const gains = new Map();
    position.kpis.forEach((kpi, index) => {
      gains.set(`k${index}`, kpiPart ? kpiPart * to100 * kpi.weight / total / bottom : 0);
    });
    let groupTotal = 0;
    for (const group of used) groupTotal += weights[group];
    for (const group of used) {
      const share = groupTotal ? weights[group] / groupTotal / competencies[group].length : 0;
      for (const id of competencies[group]) {
        const item = `c.${id}`;
        const gain = abilityPart ? abilityPart * to100 * share / bottom : 0;
        gains.set(item, (gains.get(item) ?? 0) + gain);
      }
    }
    return gains;
  }

  const scoring = { tierPoints, kpiPoints, roundHalfUp, score, middlePoints, whatIf };
  (root.PositionCalculator ??= {}).scoring = scoring;
  if (typeof module !== "undefined") module.exports = scoring;
})(globalThis);
