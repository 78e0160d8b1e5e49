"""Build tests/vectors/scoring.json, the scoring vectors both scorers must pass.

    python tests/vectors/make_scoring_vectors.py

The settings are the company's (catalog/company.yaml scoring: points 1-5, so ×20 gives a
result on 100; groups 50/30/20; KPI 70 + ability 30; one decimal; grades from 90/80/60/40).
Cases in HAND were worked by hand from those settings: their expectations are written out
below with the arithmetic in `worked`, and no scorer produced them. The other cases check
that the two scorers agree on edge inputs; their expectations come from generator.scoring.
tests/test_scoring.py checks that the settings, the rules and the positions' shape are the
ones the site sends to the calculator.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from generator import load_catalog
from generator.export import scoring_to_data
from generator.scoring.score import calculator_rules, score
from generator.scoring.what_if import what_if

OUT = Path(__file__).with_name("scoring.json")

ABOVE_120 = {
    "kind": "tiers",
    "unit": "%",
    "otherwise": None,
    "tiers": [{"op": ">", "value": 120, "points": 5}],
}
# The source lost the thresholds of two tiers (value null): only the known ends decide.
LADDER = {
    "kind": "tiers",
    "unit": "%",
    "otherwise": 1,
    "tiers": [
        {"op": ">=", "value": 100, "points": 5},
        {"op": ">", "value": None, "points": 4},
        {"op": ">", "value": 99, "points": 3},
        {"op": ">", "value": None, "points": 2},
    ],
}
PERMILLE = {
    "kind": "tiers",
    "unit": "‰",
    "otherwise": None,
    "tiers": [{"op": "<", "value": 5, "points": 5}],
}
SATISFACTION = {
    "kind": "named",
    "id": "satisfaction-5",
    "name": "五级满意度",
    "levels": [
        {"label": "非常满意", "points": 5},
        {"label": "较满意", "points": 4},
        {"label": "一般", "points": 3},
        {"label": "不太满意", "points": 2},
        {"label": "非常不满", "points": 1},
    ],
}


def kpi(name: str, weight: int, scale: dict | None = None, standard: str = "") -> dict:
    return {
        "name": name,
        "weight": weight,
        "standard": standard,
        "method": "考核表",
        "scale": scale,
    }


def position(
    position_id: str,
    title: str,
    kpis: list[dict],
    competencies: dict,
    note: str,
    status: str = "published",
    monthly: list | None = None,
) -> dict:
    """A position as generator/export.py position_to_data writes it."""
    total = 0
    for item in kpis:
        total += item["weight"]
    return {
        "id": position_id,
        "department": "vectors",
        "title": title,
        "status": status,
        "source_line": 1,
        "source_title": title,
        "goals": {"内部管理类": [{"goal": "按时完成考核", "target": "100%"}]} if kpis else {},
        "monthly": monthly or [],
        "kpis": kpis,
        "weight_total": total,
        "competencies": competencies,
        "notes": [note],
    }


POSITIONS = {
    "manager": position(
        "manager",
        "经理",
        [
            kpi("部门业绩", 50, ABOVE_120, ">120%为5分"),
            kpi("客户满意度", 20),
            kpi("成本控制", 10),
            kpi("团队建设", 10),
            kpi("制度执行", 10),
        ],
        {"core": ["a", "b"], "reference": ["c"], "attitude": ["d"]},
        "KPIs 50/20/10/10/10, the first scored from an actual result (>120% → 5, nothing below)",
        monthly=[{"indicator": "月度任务完成率", "target": "100%", "method": "月报"}],
    ),
    "ladder": position(
        "ladder",
        "主管",
        [
            kpi("收入达成", 60, LADDER),
            kpi("差错率", 20, PERMILLE),
            kpi("客户评价", 20, SATISFACTION),
        ],
        {"core": ["a"], "reference": [], "attitude": ["d"]},
        "KPIs 60/20/20: a tier ladder with two lost thresholds, a ‰ tier, a satisfaction level",
    ),
    "eighty": position(
        "eighty",
        "专员",
        [kpi("甲", 30), kpi("乙", 30), kpi("丙", 20)],
        {"core": [], "reference": [], "attitude": []},
        "KPI weights add to 80, as in the source; no competencies",
    ),
    "draft": position(
        "draft",
        "待补充岗位",
        [],
        {"core": [], "reference": [], "attitude": []},
        "a blank template of the source",
        status="draft",
    ),
    "halves": position(
        "halves",
        "助理",
        [kpi("甲", 50), kpi("乙", 50)],
        {"core": ["a"], "reference": ["c"], "attitude": []},
        "KPIs 50/50; no attitude items, so that group is left out",
    ),
}


def points(*values: object) -> list[dict]:
    return [{"points": value} for value in values]


def every(rating: int) -> dict:
    return {"a": rating, "b": rating, "c": rating, "d": rating}


# Structure only (no arithmetic): every number below was worked by hand.
def row(
    points: int | None,
    weight: int,
    weighted: float | None,
    tier: object = None,
    error: str | None = None,
) -> dict:
    out: dict = {"points": points, "weight": weight, "weighted": weighted}
    if tier is not None:
        out["tier"] = tier
    if error is not None:
        out["error"] = error
    return out


def result(
    kpis: list[dict],
    kpi: tuple,
    groups: tuple,
    ability: tuple,
    overall: float | None,
    grade: str | None,
    complete: bool,
    kpi_errors: dict | None = None,
    competency_errors: dict | None = None,
    warnings: list | None = None,
) -> dict:
    return {
        "kpis": kpis,
        "kpi": {"on5": kpi[0], "on100": kpi[1]},
        "groups": dict(zip(("core", "reference", "attitude"), groups, strict=True)),
        "ability": {"on5": ability[0], "on100": ability[1]},
        "overall": overall,
        "grade": grade,
        "complete": complete,
        "errors": {"kpis": kpi_errors or {}, "competencies": competency_errors or {}},
        "warnings": warnings or [],
    }


NO_GROUPS = (None, None, None)
HAND = [
    (
        "all-top-marks",
        "manager",
        {"kpis": points(5, 5, 5, 5, 5), "ratings": every(5)},
        [
            "rows: 50×5/100 = 2.50, 20×5/100 = 1.00, 10×5/100 = 0.50 (×3)",
            "kpi = (50×5 + 20×5 + 10×5 + 10×5 + 10×5)/100 = 500/100 = 5.00 → on100 = 5×20 = 100.0",
            "groups: core (5+5)/2 = 5, reference 5, attitude 5",
            "ability = (50×5 + 30×5 + 20×5)/100 = 5.00 → on100 = 100.0",
            "overall = (70×100 + 30×100)/100 = 100.0 → 优秀 (≥ 90)",
        ],
        result(
            [row(5, 50, 2.5), row(5, 20, 1.0), row(5, 10, 0.5), row(5, 10, 0.5), row(5, 10, 0.5)],
            (5.0, 100.0),
            (5.0, 5.0, 5.0),
            (5.0, 100.0),
            100.0,
            "优秀",
            True,
        ),
    ),
    (
        "all-lowest-marks",
        "manager",
        {"kpis": points(1, 1, 1, 1, 1), "ratings": every(1)},
        [
            "rows: 50×1/100 = 0.50, 20×1/100 = 0.20, 10×1/100 = 0.10 (×3)",
            "kpi = (50 + 20 + 10 + 10 + 10)/100 = 1.00 → on100 = 1×20 = 20.0",
            "groups: all 1; ability = (50×1 + 30×1 + 20×1)/100 = 1.00 → on100 = 20.0",
            "overall = (70×20 + 30×20)/100 = 20.0 → 不合格 (< 40)",
        ],
        result(
            [row(1, 50, 0.5), row(1, 20, 0.2), row(1, 10, 0.1), row(1, 10, 0.1), row(1, 10, 0.1)],
            (1.0, 20.0),
            (1.0, 1.0, 1.0),
            (1.0, 20.0),
            20.0,
            "不合格",
            True,
        ),
    ),
    (
        "mixed-marks",
        "manager",
        {"kpis": points(4, 3, 5, 2, 4), "ratings": {"a": 4, "b": 3, "c": 5, "d": 2}},
        [
            "rows: 50×4/100 = 2.00, 20×3/100 = 0.60, 10×5/100 = 0.50, 10×2/100 = 0.20, 10×4/100 = 0.40",
            "kpi = (50×4 + 20×3 + 10×5 + 10×2 + 10×4)/100 = 370/100 = 3.70 → on100 = 74.0",
            "groups: core (4+3)/2 = 3.5, reference 5, attitude 2",
            "ability = (50×3.5 + 30×5 + 20×2)/100 = 365/100 = 3.65 → on100 = 73.0",
            "overall = (70×74 + 30×73)/100 = (5180 + 2190)/100 = 73.7 → 合格 (60 ≤ 73.7 < 80)",
        ],
        result(
            [row(4, 50, 2.0), row(3, 20, 0.6), row(5, 10, 0.5), row(2, 10, 0.2), row(4, 10, 0.4)],
            (3.7, 74.0),
            (3.5, 5.0, 2.0),
            (3.65, 73.0),
            73.7,
            "合格",
            True,
        ),
    ),
    (
        "threshold-met-by-actual",
        "manager",
        {"kpis": [{"actual": 130}, *points(3, 3, 3, 3)], "ratings": every(3)},
        [
            "KPI 1: actual 130 > 120 → tier 0, 5 points",
            "rows: 50×5/100 = 2.50, 20×3/100 = 0.60, 10×3/100 = 0.30 (×3)",
            "kpi = (250 + 60 + 30 + 30 + 30)/100 = 4.00 → on100 = 80.0",
            "groups: all 3; ability = 3.00 → on100 = 60.0",
            "overall = (70×80 + 30×60)/100 = (5600 + 1800)/100 = 74.0 → 合格",
        ],
        result(
            [
                row(5, 50, 2.5, tier=0),
                row(3, 20, 0.6),
                row(3, 10, 0.3),
                row(3, 10, 0.3),
                row(3, 10, 0.3),
            ],
            (4.0, 80.0),
            (3.0, 3.0, 3.0),
            (3.0, 60.0),
            74.0,
            "合格",
            True,
        ),
    ),
    (
        "threshold-missed-manager-must-score",
        "manager",
        {"kpis": [{"actual": 95.5}, *points(3, 3, 3, 3)], "ratings": every(3)},
        [
            "KPI 1: actual 95.5 is not > 120 and the scale has no `otherwise` → below-tiers, no points",
            "kpi over the KPIs entered = (20×3 + 10×3 + 10×3 + 10×3)/(20+10+10+10) = 150/50 = 3.00 → on100 = 60.0",
            "ability = 3.00 → 60.0; overall = (70×60 + 30×60)/100 = 60.0",
            "a KPI has no points → incomplete, no grade",
        ],
        result(
            [
                row(None, 50, None, error="below-tiers"),
                row(3, 20, 0.6),
                row(3, 10, 0.3),
                row(3, 10, 0.3),
                row(3, 10, 0.3),
            ],
            (3.0, 60.0),
            (3.0, 3.0, 3.0),
            (3.0, 60.0),
            60.0,
            None,
            False,
            kpi_errors={"0": "below-tiers"},
        ),
    ),
    (
        "points-above-scale",
        "manager",
        {"kpis": points(6, 3, 3, 3, 3), "ratings": every(3)},
        [
            "KPI 1: 6 > points.max 5 → out-of-range, no points",
            "kpi = (20×3 + 10×3 + 10×3 + 10×3)/50 = 150/50 = 3.00 → 60.0",
            "ability = 3.00 → 60.0; overall = (70×60 + 30×60)/100 = 60.0; incomplete, no grade",
        ],
        result(
            [
                row(None, 50, None, error="out-of-range"),
                row(3, 20, 0.6),
                row(3, 10, 0.3),
                row(3, 10, 0.3),
                row(3, 10, 0.3),
            ],
            (3.0, 60.0),
            (3.0, 3.0, 3.0),
            (3.0, 60.0),
            60.0,
            None,
            False,
            kpi_errors={"0": "out-of-range"},
        ),
    ),
    (
        "grade-boundary-exactly-90",
        "manager",
        {"kpis": points(5, 5, 4, 3, 3), "ratings": {"a": 5, "b": 5, "c": 4, "d": 4}},
        [
            "rows: 50×5/100 = 2.50, 20×5/100 = 1.00, 10×4/100 = 0.40, 10×3/100 = 0.30 (×2)",
            "kpi = (250 + 100 + 40 + 30 + 30)/100 = 450/100 = 4.50 → 90.0",
            "groups: core (5+5)/2 = 5, reference 4, attitude 4",
            "ability = (50×5 + 30×4 + 20×4)/100 = 450/100 = 4.50 → 90.0",
            "overall = (70×90 + 30×90)/100 = 90.0 → 优秀 (90 reaches min 90)",
        ],
        result(
            [row(5, 50, 2.5), row(5, 20, 1.0), row(4, 10, 0.4), row(3, 10, 0.3), row(3, 10, 0.3)],
            (4.5, 90.0),
            (5.0, 4.0, 4.0),
            (4.5, 90.0),
            90.0,
            "优秀",
            True,
        ),
    ),
    (
        "weights-add-to-80-no-rescale",
        "eighty",
        {"kpis": points(5, 4, 3)},
        [
            "weights 30 + 30 + 20 = 80 ≠ 100 → warning weights-not-100; not rescaled",
            "rows: 30×5/80 = 1.875 → 1.88 (half up), 30×4/80 = 1.50, 20×3/80 = 0.75",
            "kpi = (150 + 120 + 60)/80 = 330/80 = 4.125 → on5 4.13 (half up), on100 = 4.125×20 = 82.5",
            "no competencies → no ability part; overall = 70×82.5/70 = 82.5 → 良好",
        ],
        result(
            [row(5, 30, 1.88), row(4, 30, 1.5), row(3, 20, 0.75)],
            (4.13, 82.5),
            NO_GROUPS,
            (None, None),
            82.5,
            "良好",
            True,
            warnings=["weights-not-100"],
        ),
    ),
    (
        "draft-cannot-be-scored",
        "draft",
        {"kpis": points(5)},
        [
            "status draft, no KPIs → warning draft; nothing to score, incomplete",
        ],
        result([], (None, None), NO_GROUPS, (None, None), None, None, False, warnings=["draft"]),
    ),
    (
        "rounding-group-weights-missing-group",
        "halves",
        {"kpis": points(4, 5), "ratings": {"a": 4, "c": 5}},
        [
            "rows: 50×4/100 = 2.00, 50×5/100 = 2.50; kpi = 450/100 = 4.50 → 90.0",
            "groups: core 4, reference 5, attitude none (left out; 50 and 30 keep their ratio)",
            "ability = (50×4 + 30×5)/(50+30) = 350/80 = 4.375 → on5 4.38, on100 = 87.5",
            "overall = (70×90 + 30×87.5)/100 = (6300 + 2625)/100 = 89.25 → 89.3; 良好 (89.3 < 90)",
        ],
        result(
            [row(4, 50, 2.0), row(5, 50, 2.5)],
            (4.5, 90.0),
            (4.0, 5.0, None),
            (4.38, 87.5),
            89.3,
            "良好",
            True,
        ),
    ),
    (
        "grade-boundary-exactly-60",
        "halves",
        {"kpis": points(3, 3), "ratings": {"a": 3, "c": 3}},
        [
            "rows: 50×3/100 = 1.50 (×2); kpi = 300/100 = 3.00 → 60.0",
            "ability = (50×3 + 30×3)/80 = 240/80 = 3.00 → 60.0",
            "overall = (70×60 + 30×60)/100 = 60.0 → 合格 (60 reaches min 60)",
        ],
        result(
            [row(3, 50, 1.5), row(3, 50, 1.5)],
            (3.0, 60.0),
            (3.0, 3.0, None),
            (3.0, 60.0),
            60.0,
            "合格",
            True,
        ),
    ),
    (
        "ladder-top-tier",
        "ladder",
        {
            "kpis": [{"actual": 100}, {"actual": 3}, {"level": "较满意"}],
            "ratings": {"a": 5, "d": 4},
        },
        [
            "KPI 1: 100 ≥ 100 → tier 0, 5; KPI 2: 3‰ < 5 → tier 0, 5; KPI 3: 较满意 → level 1, 4",
            "rows: 60×5/100 = 3.00, 20×5/100 = 1.00, 20×4/100 = 0.80",
            "kpi = (300 + 100 + 80)/100 = 4.80 → 96.0",
            "groups: core 5, attitude 4, reference none; ability = (50×5 + 20×4)/70 = 330/70 = 4.714… → 4.71, on100 = 94.285… → 94.3",
            "overall = (70×96 + 30×94.2857)/100 = (6720 + 2828.57)/100 = 95.49 → 95.5 → 优秀",
        ],
        result(
            [row(5, 60, 3.0, tier=0), row(5, 20, 1.0, tier=0), row(4, 20, 0.8, tier=1)],
            (4.8, 96.0),
            (5.0, None, 4.0),
            (4.71, 94.3),
            95.5,
            "优秀",
            True,
        ),
    ),
    (
        "ladder-known-middle-tier-behind-lost-threshold",
        "ladder",
        {"kpis": [{"actual": 99.5}, {"actual": 3}, {"level": "一般"}], "ratings": {"a": 5, "d": 4}},
        [
            "KPI 1: 99.5 is not ≥ 100; the next tier's threshold is lost, so > 99 cannot be trusted → lost-threshold, no points",
            "KPI 2: 3‰ < 5 → 5; KPI 3: 一般 → level 2, 3",
            "kpi = (20×5 + 20×3)/(20+20) = 160/40 = 4.00 → 80.0",
            "ability = (50×5 + 20×4)/70 = 4.714… → 4.71, 94.3",
            "overall = (70×80 + 30×94.2857)/100 = (5600 + 2828.57)/100 = 84.29 → 84.3; incomplete, no grade",
        ],
        result(
            [
                row(None, 60, None, error="lost-threshold"),
                row(5, 20, 1.0, tier=0),
                row(3, 20, 0.6, tier=2),
            ],
            (4.0, 80.0),
            (5.0, None, 4.0),
            (4.71, 94.3),
            84.3,
            None,
            False,
            kpi_errors={"0": "lost-threshold"},
        ),
    ),
    (
        "satisfaction-lowest",
        "ladder",
        {
            "kpis": [{"points": 1}, {"points": 1}, {"level": "非常不满"}],
            "ratings": {"a": 1, "d": 1},
        },
        [
            "KPI 3: 非常不满 → level 4, 1 point",
            "rows: 60×1/100 = 0.60, 20×1/100 = 0.20, 20×1/100 = 0.20; kpi = 1.00 → 20.0",
            "ability = (50×1 + 20×1)/70 = 1.00 → 20.0; overall = 20.0 → 不合格",
        ],
        result(
            [row(1, 60, 0.6), row(1, 20, 0.2), row(1, 20, 0.2, tier=4)],
            (1.0, 20.0),
            (1.0, None, 1.0),
            (1.0, 20.0),
            20.0,
            "不合格",
            True,
        ),
    ),
]

# Edge inputs: the two scorers must agree (expectations from generator.scoring).
AGREEMENT = [
    (
        "threshold-exactly-120-is-not-above",
        "manager",
        {"kpis": [{"actual": 120}, *points(3, 3, 3, 3)], "ratings": every(3)},
    ),
    (
        "actual-not-a-number",
        "manager",
        {"kpis": [{"actual": "很好"}, *points(3, 3, 3, 3)], "ratings": every(3)},
    ),
    ("points-below-scale", "manager", {"kpis": points(0, 3, 3, 3, 3), "ratings": every(3)}),
    ("points-not-whole", "manager", {"kpis": points(3.5, 3, 3, 3, 3), "ratings": every(3)}),
    ("points-as-text", "manager", {"kpis": points("4", 3, 3, 3, 3), "ratings": every(3)}),
    ("kpi-missing", "manager", {"kpis": points(4, 4, 4, 4), "ratings": every(4)}),
    ("kpi-null-entry", "manager", {"kpis": [None, *points(4, 4, 4, 4)], "ratings": every(4)}),
    ("nothing-entered", "manager", {}),
    (
        "rating-missing",
        "manager",
        {"kpis": points(4, 4, 4, 4, 4), "ratings": {"a": 4, "b": 4, "c": 4}},
    ),
    (
        "rating-out-of-range",
        "manager",
        {"kpis": points(4, 4, 4, 4, 4), "ratings": {"a": 9, "b": 4, "c": 4, "d": 4}},
    ),
    (
        "rating-for-unknown-competency-is-ignored",
        "manager",
        {"kpis": points(4, 4, 4, 4, 4), "ratings": {**every(4), "zzz": 1}},
    ),
    (
        "ladder-below-lost-threshold",
        "ladder",
        {"kpis": [{"actual": 50}, {"points": 2}, {"level": "一般"}], "ratings": {"a": 5, "d": 4}},
    ),
    (
        "permille-not-below-5",
        "ladder",
        {
            "kpis": [{"points": 4}, {"actual": 5}, {"level": "非常满意"}],
            "ratings": {"a": 3, "d": 3},
        },
    ),
    (
        "satisfaction-unknown-level",
        "ladder",
        {"kpis": [{"points": 4}, {"points": 4}, {"level": "满意"}], "ratings": {"a": 3, "d": 3}},
    ),
    ("weights-add-to-80-all-top", "eighty", {"kpis": points(5, 5, 5)}),
    ("no-competencies-overall-is-kpi", "eighty", {"kpis": points(2, 2, 2)}),
    ("rounding-half-up-on5", "eighty", {"kpis": points(5, 4, 4)}),
    (
        "grade-88.5-is-good-not-excellent",
        "halves",
        {"kpis": points(5, 4), "ratings": {"a": 5, "c": 3}},
    ),
    ("grade-77.8-is-pass", "halves", {"kpis": points(4, 4), "ratings": {"a": 4, "c": 3}}),
    (
        "boolean-is-not-a-number",
        "halves",
        {"kpis": [{"points": True}, {"points": 4}], "ratings": {"a": 4, "c": 4}},
    ),
    ("entry-of-wrong-shape", "halves", {"kpis": [[4], {"points": 4}], "ratings": {"a": 4, "c": 4}}),
    (
        "actual-on-kpi-without-scale",
        "halves",
        {"kpis": [{"actual": 130}, {"points": 4}], "ratings": {"a": 4, "c": 4}},
    ),
]


# What-if: the projection (open items counted as `fill`, 3 by default) and the fewest points
# on the chosen items (default: the open ones, else all) to reach the band above it. Items
# are named as in the link: k0 (first KPI), c.<id>. One point on an item adds to the overall
# result: a KPI of weight w, 70 × 20 × w / 100 / 100 (manager: w 50 → 7.0, 20 → 2.8,
# 10 → 1.4); a competency, 30 × 20 × group weight / groups' weight / items in the group / 100
# (manager: core a, b → 1.5 each, reference c → 1.8, attitude d → 1.2).
def summary(kpi: tuple, ability: tuple, overall: float, grade: str) -> dict:
    return {
        "kpi": {"on5": kpi[0], "on100": kpi[1]},
        "ability": {"on5": ability[0], "on100": ability[1]},
        "overall": overall,
        "grade": grade,
    }


def raised(*steps: tuple) -> list[dict]:
    return [{"item": item, "from": low, "to": high} for item, low, high in steps]


WHAT_IF_HAND = [
    (
        "what-if-open-items-count-as-3",
        "manager",
        {"kpis": [*points(4, 3), None, None, {"points": 4}], "ratings": {"a": 4, "b": 3}},
        {},
        [
            "open: k2, k3 (no points), c.c, c.d (no rating) → each counted as 3",
            "kpi = (50×4 + 20×3 + 10×3 + 10×3 + 10×4)/100 = 360/100 = 3.60 → 72.0",
            "groups: core (4+3)/2 = 3.5, reference 3, attitude 3; ability = (175 + 90 + 60)/100 = 3.25 → 65.0",
            "overall = 0.7×72 + 0.3×65 = 50.4 + 19.5 = 69.9 → 合格; the band above: 良好 (≥ 80), 10.1 short",
            "chosen = the open items; gains per point: c.c 1.8, k2 1.4, k3 1.4, c.d 1.2",
            "c.c 3→5 (+3.6 → 73.5), k2 3→5 (+2.8 → 76.3), k3 3→5 (+2.8 → 79.1), c.d 3→4 (+1.2 → 80.3) → 7 points",
            "6 points add at most 3.6 + 2.8 + 2.8 = 9.2 < 10.1, so 7 is the fewest",
            "then kpi = (200 + 60 + 50 + 50 + 40)/100 = 4.00 → 80.0; ability = (175 + 150 + 80)/100 = 4.05 → 81.0",
        ],
        {
            "fill": 3,
            "open": ["k2", "k3", "c.c", "c.d"],
            "chosen": ["k2", "k3", "c.c", "c.d"],
            "projected": summary((3.6, 72.0), (3.25, 65.0), 69.9, "合格"),
            "target": {"grade": "良好", "min": 80},
            "needed": {
                "reachable": True,
                "points": 7,
                "raise": raised(("k2", 3, 5), ("k3", 3, 5), ("c.c", 3, 5), ("c.d", 3, 4)),
                **summary((4.0, 80.0), (4.05, 81.0), 80.3, "良好"),
            },
        },
    ),
    (
        "what-if-complete-one-point-short",
        "manager",
        {"kpis": points(4, 3, 5, 2, 4), "ratings": {"a": 4, "b": 3, "c": 5, "d": 2}},
        {},
        [
            "complete (mixed-marks): 73.7 → 合格; nothing open, so every item is chosen",
            "the band above: 良好 (≥ 80), 6.3 short; k0 (weight 50) adds 7.0 per point, the most",
            "k0 4→5: kpi = 420/100 = 4.20 → 84.0; overall = 0.7×84 + 0.3×73 = 58.8 + 21.9 = 80.7 → 良好, 1 point",
        ],
        {
            "fill": 3,
            "open": [],
            "chosen": ["k0", "k1", "k2", "k3", "k4", "c.a", "c.b", "c.c", "c.d"],
            "projected": summary((3.7, 74.0), (3.65, 73.0), 73.7, "合格"),
            "target": {"grade": "良好", "min": 80},
            "needed": {
                "reachable": True,
                "points": 1,
                "raise": raised(("k0", 4, 5)),
                **summary((4.2, 84.0), (3.65, 73.0), 80.7, "良好"),
            },
        },
    ),
    (
        "what-if-fill-value-4-picked",
        "manager",
        {},
        {"fill": 4},
        [
            "nothing entered: all 9 items open, counted as 4 → kpi 4.00 → 80.0, ability 4.00 → 80.0",
            "overall = 80.0 → 良好; the band above: 优秀 (≥ 90), 10 short",
            "k0 4→5 (+7.0 → 87.0), k1 4→5 (+2.8 → 89.8, shown 89.8 < 90), c.c 4→5 (+1.8 → 91.6) → 3 points",
            "2 points add at most 7.0 + 2.8 = 9.8 < 10",
            "then kpi = (250 + 100 + 40 + 40 + 40)/100 = 4.70 → 94.0; ability = (200 + 150 + 80)/100 = 4.30 → 86.0",
            "overall = 0.7×94 + 0.3×86 = 65.8 + 25.8 = 91.6 → 优秀",
        ],
        {
            "fill": 4,
            "open": ["k0", "k1", "k2", "k3", "k4", "c.a", "c.b", "c.c", "c.d"],
            "chosen": ["k0", "k1", "k2", "k3", "k4", "c.a", "c.b", "c.c", "c.d"],
            "projected": summary((4.0, 80.0), (4.0, 80.0), 80.0, "良好"),
            "target": {"grade": "优秀", "min": 90},
            "needed": {
                "reachable": True,
                "points": 3,
                "raise": raised(("k0", 4, 5), ("k1", 4, 5), ("c.c", 4, 5)),
                **summary((4.7, 94.0), (4.3, 86.0), 91.6, "优秀"),
            },
        },
    ),
    (
        "what-if-top-band-has-nothing-above",
        "manager",
        {"kpis": points(5, 5, 5, 5, 5), "ratings": every(5)},
        {},
        ["complete at 100.0 → 优秀, the top band: no band above, nothing needed"],
        {
            "fill": 3,
            "open": [],
            "chosen": ["k0", "k1", "k2", "k3", "k4", "c.a", "c.b", "c.c", "c.d"],
            "projected": summary((5.0, 100.0), (5.0, 100.0), 100.0, "优秀"),
            "target": None,
            "needed": None,
        },
    ),
    (
        "what-if-chosen-item-cannot-reach",
        "manager",
        {"kpis": points(1, 1, 1, 1, 1), "ratings": every(1)},
        {"chosen": ["k2"]},
        [
            "complete at 20.0 → 不合格; the band above: 待改进 (≥ 40), 20 short",
            "only k2 chosen (weight 10, 1.4 per point): 1→5 adds 5.6 → 25.6 → still 不合格: not reachable",
            "kpi = (50 + 20 + 50 + 10 + 10)/100 = 1.40 → 28.0; overall = 0.7×28 + 0.3×20 = 19.6 + 6 = 25.6",
        ],
        {
            "fill": 3,
            "open": [],
            "chosen": ["k2"],
            "projected": summary((1.0, 20.0), (1.0, 20.0), 20.0, "不合格"),
            "target": {"grade": "待改进", "min": 40},
            "needed": {
                "reachable": False,
                "points": None,
                "raise": raised(("k2", 1, 5)),
                **summary((1.4, 28.0), (1.0, 20.0), 25.6, "不合格"),
            },
        },
    ),
]

# What-if on edge inputs: the two scorers must agree (expectations from generator.scoring).
WHAT_IF_AGREEMENT = [
    (
        "what-if-lost-threshold-and-level",
        "ladder",
        {"kpis": [{"actual": 50}, {"points": 2}, {"level": "一般"}], "ratings": {"a": 5}},
        {},
    ),
    ("what-if-weights-add-to-80-fill-5", "eighty", {"kpis": points(3, None, 4)}, {"fill": 5}),
    ("what-if-draft-is-null", "draft", {"kpis": points(5)}, {}),
    (
        "what-if-invalid-rating-is-open",
        "halves",
        {"kpis": points(3, 3), "ratings": {"a": 9, "c": 3}},
        {"chosen": ["c.a", "k0"]},
    ),
    (
        "what-if-unknown-items-are-ignored",
        "manager",
        {"kpis": points(3, 3, 3, 3, 3), "ratings": every(3)},
        {"chosen": ["k9", "c.zzz", "c.d"]},
    ),
    ("what-if-fill-lowest", "halves", {}, {"fill": 1}),
]


def main() -> None:
    scoring = scoring_to_data(load_catalog(ROOT / "catalog").company.scoring)
    cases = [
        {"name": name, "position": pos, "appraisal": appraisal, "worked": worked, "expect": expect}
        for name, pos, appraisal, worked, expect in HAND
    ]
    cases += [
        {
            "name": name,
            "position": pos,
            "appraisal": appraisal,
            "expect": score(POSITIONS[pos], scoring, appraisal),
        }
        for name, pos, appraisal in AGREEMENT
    ]
    what_ifs = [
        {
            "name": name,
            "position": pos,
            "appraisal": appraisal,
            "options": options,
            "worked": worked,
            "expect": expect,
        }
        for name, pos, appraisal, options, worked, expect in WHAT_IF_HAND
    ]
    what_ifs += [
        {
            "name": name,
            "position": pos,
            "appraisal": appraisal,
            "options": options,
            "expect": what_if(POSITIONS[pos], scoring, appraisal, **options),
        }
        for name, pos, appraisal, options in WHAT_IF_AGREEMENT
    ]
    vectors = {
        "about": "Shared scoring vectors: generator/scoring/score.py and docs/assets/calculator/scoring.js must both give `expect` for each case (`cases`: score; `what_if`: what_if / whatIf with `options`). Cases with `worked` were worked by hand from the company's settings; the others' expectations come from generator/scoring/score.py (agreement on edge inputs). Built by tests/vectors/make_scoring_vectors.py.",
        "scoring": scoring,
        "rules": calculator_rules(),
        "positions": POSITIONS,
        "cases": cases,
        "what_if": what_ifs,
    }
    OUT.write_text(json.dumps(vectors, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for name, pos, appraisal, _, expect in HAND:  # a slip in the hand-working shows here
        if score(POSITIONS[pos], scoring, appraisal) != expect:
            print(f"{name}: the Python scorer disagrees with the worked expectation")
    for name, pos, appraisal, options, _, expect in WHAT_IF_HAND:
        if what_if(POSITIONS[pos], scoring, appraisal, **options) != expect:
            print(f"{name}: the Python what-if disagrees with the worked expectation")


if __name__ == "__main__":
    main()
