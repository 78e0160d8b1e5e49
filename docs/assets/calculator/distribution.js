// A team's grade distribution against the company's guidance (company.yaml: a grade band's
// `max_percent`, the most of a team's graded appraisals it should hold). Pure: results in,
// counts and words out.

(function (root) {
  "use strict";

  // results: the scored appraisals (scoring.score). Only complete ones have a grade.
  function gradeDistribution(scoring, results) {
    const graded = results.filter((result) => result.grade);
    const bands = scoring.grades.map((band) => {
      const count = graded.filter((result) => result.grade === band.name).length;
      const percent = graded.length ? count / graded.length * 100 : 0;
      const limit = band.max_percent ?? null;
      return { name: band.name, min: band.min, limit, count, percent,
               over: limit !== null && graded.length > 0 && percent > limit };
    });
    return { bands, graded: graded.length, incomplete: results.length - graded.length };
  }

  function percentText(value) {
    return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
  }

  // One warning per band above its guidance.
  function distributionWarnings(distribution) {
    return distribution.bands.filter((band) => band.over).map((band) =>
      `「${band.name}」占 ${percentText(band.percent)}（${band.count} / ${distribution.graded} 份），` +
      `超过公司指导的上限 ${percentText(band.limit)}。`);
  }

  function distributionLabel(distribution) {
    const bands = distribution.bands.map((band) => {
      const limit = band.limit === null ? "" : `，上限 ${percentText(band.limit)}`;
      return `${band.name} ${band.count} 份（${percentText(band.percent)}${limit}）`;
    });
    return `等级分布（已评定 ${distribution.graded} 份）：${bands.join("，")}`;
  }

  const distribution = { gradeDistribution, percentText, distributionWarnings, distributionLabel };
  (root.PositionCalculator ??= {}).distribution = distribution;
  if (typeof module !== "undefined") module.exports = distribution;
})(globalThis);
