"""Build tests/vectors/scoring.json: inputs chosen by hand, expectations from generator.scoring
(reviewed by hand; tests/test_scoring.py pins the key numbers independently)."""
import json
from generator.scoring import score

SCORING = {"points": {"min": 1, "max": 5}, "ability_groups": {"core": 50, "reference": 30, "attitude": 20},
           "combination": {"kpi": 70, "ability": 30}, "decimals": 1,
           "grades": [{"name": "优秀", "min": 90}, {"name": "良好", "min": 80}, {"name": "合格", "min": 60},
                      {"name": "待改进", "min": 40}, {"name": "不合格", "min": 0}]}
ABOVE_120 = {"kind": "tiers", "unit": "%", "otherwise": None, "tiers": [{"op": ">", "value": 120, "points": 5}]}
LADDER = {"kind": "tiers", "unit": "%", "otherwise": 1, "tiers": [
    {"op": ">=", "value": 100, "points": 5}, {"op": ">", "value": None, "points": 4},
    {"op": ">", "value": 99, "points": 3}, {"op": ">", "value": None, "points": 2}]}
PERMILLE = {"kind": "tiers", "unit": "‰", "otherwise": None, "tiers": [{"op": "<", "value": 5, "points": 5}]}
SATISFACTION = {"kind": "named", "id": "satisfaction-5", "name": "五级满意度", "levels": [
    {"label": "非常满意", "points": 5}, {"label": "较满意", "points": 4}, {"label": "一般", "points": 3},
    {"label": "不太满意", "points": 2}, {"label": "非常不满", "points": 1}]}
def kpi(w, scale=None): return {"weight": w, "scale": scale}
COMP = {"core": ["a", "b"], "reference": ["c"], "attitude": ["d"]}
NONE = {"core": [], "reference": [], "attitude": []}
POS = {
  "manager": {"status": "published", "kpis": [kpi(50, ABOVE_120), kpi(20), kpi(10), kpi(10), kpi(10)], "competencies": COMP},
  "ladder": {"status": "published", "kpis": [kpi(60, LADDER), kpi(20, PERMILLE), kpi(20, SATISFACTION)], "competencies": {"core": ["a"], "reference": [], "attitude": ["d"]}},
  "eighty": {"status": "published", "kpis": [kpi(30), kpi(30), kpi(20)], "competencies": NONE},
  "draft": {"status": "draft", "kpis": [], "competencies": NONE},
  "halves": {"status": "published", "kpis": [kpi(50), kpi(50)], "competencies": {"core": ["a"], "reference": ["c"], "attitude": []}},
}
P = lambda *ps: [{"points": p} for p in ps]
ALL = lambda n: {"a": n, "b": n, "c": n, "d": n}
CASES = [
  ("all-top-marks", "manager", {"kpis": P(5,5,5,5,5), "ratings": ALL(5)}),
  ("all-lowest-marks", "manager", {"kpis": P(1,1,1,1,1), "ratings": ALL(1)}),
  ("mixed-marks", "manager", {"kpis": P(4,3,5,2,4), "ratings": {"a": 4, "b": 3, "c": 5, "d": 2}}),
  ("threshold-met-by-actual", "manager", {"kpis": [{"actual": 130}] + P(3,3,3,3), "ratings": ALL(3)}),
  ("threshold-exactly-120-is-not-above", "manager", {"kpis": [{"actual": 120}] + P(3,3,3,3), "ratings": ALL(3)}),
  ("threshold-missed-manager-must-score", "manager", {"kpis": [{"actual": 95.5}] + P(3,3,3,3), "ratings": ALL(3)}),
  ("actual-not-a-number", "manager", {"kpis": [{"actual": "很好"}] + P(3,3,3,3), "ratings": ALL(3)}),
  ("points-above-scale", "manager", {"kpis": P(6,3,3,3,3), "ratings": ALL(3)}),
  ("points-below-scale", "manager", {"kpis": P(0,3,3,3,3), "ratings": ALL(3)}),
  ("points-not-whole", "manager", {"kpis": P(3.5,3,3,3,3), "ratings": ALL(3)}),
  ("points-as-text", "manager", {"kpis": P("4",3,3,3,3), "ratings": ALL(3)}),
  ("kpi-missing", "manager", {"kpis": P(4,4,4,4), "ratings": ALL(4)}),
  ("kpi-null-entry", "manager", {"kpis": [None] + P(4,4,4,4), "ratings": ALL(4)}),
  ("nothing-entered", "manager", {}),
  ("rating-missing", "manager", {"kpis": P(4,4,4,4,4), "ratings": {"a": 4, "b": 4, "c": 4}}),
  ("rating-out-of-range", "manager", {"kpis": P(4,4,4,4,4), "ratings": {"a": 9, "b": 4, "c": 4, "d": 4}}),
  ("rating-for-unknown-competency-is-ignored", "manager", {"kpis": P(4,4,4,4,4), "ratings": {**ALL(4), "zzz": 1}}),
  ("ladder-top-tier", "ladder", {"kpis": [{"actual": 100}, {"actual": 3}, {"level": "较满意"}], "ratings": {"a": 5, "d": 4}}),
  ("ladder-known-middle-tier-behind-lost-threshold", "ladder", {"kpis": [{"actual": 99.5}, {"actual": 3}, {"level": "一般"}], "ratings": {"a": 5, "d": 4}}),
  ("ladder-below-lost-threshold", "ladder", {"kpis": [{"actual": 50}, {"points": 2}, {"level": "一般"}], "ratings": {"a": 5, "d": 4}}),
  ("permille-not-below-5", "ladder", {"kpis": [{"points": 4}, {"actual": 5}, {"level": "非常满意"}], "ratings": {"a": 3, "d": 3}}),
  ("satisfaction-unknown-level", "ladder", {"kpis": [{"points": 4}, {"points": 4}, {"level": "满意"}], "ratings": {"a": 3, "d": 3}}),
  ("satisfaction-lowest", "ladder", {"kpis": [{"points": 1}, {"points": 1}, {"level": "非常不满"}], "ratings": {"a": 1, "d": 1}}),
  ("weights-add-to-80-no-rescale", "eighty", {"kpis": P(5,4,3)}),
  ("weights-add-to-80-all-top", "eighty", {"kpis": P(5,5,5)}),
  ("no-competencies-overall-is-kpi", "eighty", {"kpis": P(2,2,2)}),
  ("draft-cannot-be-scored", "draft", {"kpis": P(5)}),
  ("rounding-half-up-on5", "eighty", {"kpis": P(5,4,4)}),
  ("rounding-group-weights-missing-group", "halves", {"kpis": P(4,5), "ratings": {"a": 4, "c": 5}}),
  ("grade-boundary-exactly-90", "manager", {"kpis": P(5,5,4,3,3), "ratings": {"a": 5, "b": 5, "c": 4, "d": 4}}),
  ("grade-88.5-is-good-not-excellent", "halves", {"kpis": P(5,4), "ratings": {"a": 5, "c": 3}}),
  ("grade-77.8-is-pass", "halves", {"kpis": P(4,4), "ratings": {"a": 4, "c": 3}}),
  ("grade-boundary-exactly-60", "halves", {"kpis": P(3,3), "ratings": {"a": 3, "c": 3}}),
  ("boolean-is-not-a-number", "halves", {"kpis": [{"points": True}, {"points": 4}], "ratings": {"a": 4, "c": 4}}),
  ("entry-of-wrong-shape", "halves", {"kpis": [[4], {"points": 4}], "ratings": {"a": 4, "c": 4}}),
  ("actual-on-kpi-without-scale", "halves", {"kpis": [{"actual": 130}, {"points": 4}], "ratings": {"a": 4, "c": 4}}),
]
out = {"about": "Shared scoring vectors: generator/scoring.py and docs/assets/calculator/scoring.js must both give `expect` for each case.",
       "scoring": SCORING, "positions": POS, "cases": []}
for name, pos, appraisal in CASES:
    out["cases"].append({"name": name, "position": pos, "appraisal": appraisal,
                         "expect": score(POS[pos], SCORING, appraisal)})
open("tests/vectors/scoring.json", "w").write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
for c in out["cases"]:
    e = c["expect"]; print(f'{c["name"]:50} kpi={e["kpi"]} ab={e["ability"]} overall={e["overall"]} grade={e["grade"]} complete={e["complete"]} err={e["errors"]} w={e["warnings"]}')
