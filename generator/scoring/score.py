"""Scoring an appraisal: the same rules, step by step, as docs/assets/calculator/scoring.js.

Both work on the JSON shapes of export.py (a position, the company scoring settings) and
return plain data, so one set of test vectors (tests/vectors/scoring.json) checks both. The
fixed rules (weight total, groups) are model.py's; the calculator gets them as data
(`calculator_rules`), so neither implementation restates them.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..model import GROUP_NAMES, GROUPS, WEIGHT_TOTAL

Result = dict[str, Any]


def calculator_rules() -> dict[str, Any]:
    """The fixed rules as the calculator receives them: weight total, groups in order."""
    return {
        "weight_total": WEIGHT_TOTAL,
        "groups": [{"id": group, "name": GROUP_NAMES[group]} for group in GROUPS],
    }


def tier_points(scale: dict[str, Any], actual: float) -> Result:
    """Points a tier scale gives an actual result: {points, tier} or {points: None, reason}."""
    passed_unknown = False
    for index, tier in enumerate(scale["tiers"]):
        if tier["value"] is None:
            passed_unknown = True
        elif _compare(actual, tier["op"], tier["value"]):
            if passed_unknown:
                break
            return {"points": tier["points"], "tier": index}
    if passed_unknown:
        return {"points": None, "reason": "lost-threshold"}
    if scale["otherwise"] is None:
        return {"points": None, "reason": "below-tiers"}
    return {"points": scale["otherwise"], "tier": "otherwise"}


def _compare(actual: float, op: str, value: float) -> bool:
    return {
        ">": actual > value,
        ">=": actual >= value,
        "<": actual < value,
        "<=": actual <= value,
        "=": actual == value,
    }[op]


def kpi_points(kpi: dict[str, Any], entry: Any, low: int, high: int) -> Result:
    """Read one KPI entry: {"points": n} | {"actual": x} | {"level": label} | None."""
    if entry is None or entry == {}:
        return {"points": None, "error": "missing"}
    if not isinstance(entry, dict):
        return {"points": None, "error": "invalid"}
    scale = kpi.get("scale") or {}
    if "points" in entry:
        return _whole_points(entry["points"], low, high)
    if "actual" in entry and scale.get("kind") == "tiers":
        return _actual_points(scale, entry["actual"])
    if "level" in entry and scale.get("kind") == "named":
        return _level_points(scale, entry["level"])
    return {"points": None, "error": "invalid"}


def _actual_points(scale: dict[str, Any], actual: Any) -> Result:
    if not _is_number(actual):
        return {"points": None, "error": "not-a-number"}
    result = tier_points(scale, float(actual))
    if result["points"] is None:
        return {"points": None, "error": result["reason"]}
    return result


def _level_points(scale: dict[str, Any], label: Any) -> Result:
    for index, level in enumerate(scale["levels"]):
        if level["label"] == label:
            return {"points": level["points"], "tier": index}
    return {"points": None, "error": "unknown-level"}


def _whole_points(value: Any, low: int, high: int) -> Result:
    if not _is_number(value):
        return {"points": None, "error": "not-a-number"}
    if float(value) != int(value):
        return {"points": None, "error": "not-whole"}
    if not low <= int(value) <= high:
        return {"points": None, "error": "out-of-range"}
    return {"points": int(value)}


def _is_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return isinstance(value, int) or math.isfinite(value)


def score(position: dict[str, Any], scoring: dict[str, Any], appraisal: dict[str, Any]) -> Result:
    """Score `appraisal` ({kpis: [entry], ratings: {id: n}}) of `position`."""
    decimals = scoring["decimals"]
    to_100 = 100 / scoring["points"]["max"]
    warnings = _warnings(position)
    kpis, kpi_on5 = _kpi_result(position["kpis"], appraisal.get("kpis") or [], scoring)
    group_means, competency_errors = _group_means(
        position["competencies"], appraisal.get("ratings") or {}, scoring
    )
    ability_on5 = _ability_result(group_means, scoring["ability_groups"])
    overall = _overall(scoring["combination"], kpi_on5, ability_on5, to_100)
    complete = (
        "draft" not in warnings
        and all(row["points"] is not None for row in kpis)
        and not competency_errors
    )
    return {
        "kpis": kpis,
        "kpi": _pair(kpi_on5, to_100, decimals),
        "groups": {g: _round(group_means[g], decimals) for g in GROUPS},
        "ability": _pair(ability_on5, to_100, decimals),
        "overall": _round(overall, decimals),
        "grade": _grade(scoring, overall) if complete else None,
        "complete": complete,
        "errors": {
            "kpis": {str(i): r["error"] for i, r in enumerate(kpis) if "error" in r},
            "competencies": competency_errors,
        },
        "warnings": warnings,
    }


def _warnings(position: dict[str, Any]) -> list[str]:
    warnings = []
    if position["status"] == "draft" or not position["kpis"]:
        warnings.append("draft")
    if position["kpis"] and _weight_total(position["kpis"]) != WEIGHT_TOTAL:
        warnings.append("weights-not-100")
    return warnings


def _weight_total(kpis: list[dict[str, Any]]) -> float:
    # Plain loops, not sum(), here and below: Python 3.12's sum() compensates float error and
    # JavaScript does not, and both sides must add in the same order to give the same digits.
    total = 0
    for kpi in kpis:
        total += kpi["weight"]
    return total


def _kpi_result(
    kpis: list[dict[str, Any]], entries: list[Any], scoring: dict[str, Any]
) -> tuple[list[Result], float | None]:
    """One row per KPI, and the weighted mean of the points entered (not rescaled)."""
    low, high = scoring["points"]["min"], scoring["points"]["max"]
    total = _weight_total(kpis)
    rows = []
    weighted = entered_weight = 0.0
    for index, kpi in enumerate(kpis):
        read = kpi_points(kpi, entries[index] if index < len(entries) else None, low, high)
        row: Result = {**read, "weight": kpi["weight"], "weighted": None}
        if read["points"] is not None:
            row["weighted"] = _round(
                kpi["weight"] * read["points"] / total, scoring["decimals"] + 1
            )
            weighted += kpi["weight"] * read["points"]
            entered_weight += kpi["weight"]
        rows.append(row)
    return rows, (weighted / entered_weight if entered_weight else None)


def _group_means(
    competencies: dict[str, list[str]], ratings: dict[str, Any], scoring: dict[str, Any]
) -> tuple[dict[str, float | None], dict[str, str]]:
    """Each group's mean rating (None if it has none), and the ratings that cannot count."""
    low, high = scoring["points"]["min"], scoring["points"]["max"]
    means: dict[str, float | None] = {}
    errors: dict[str, str] = {}
    for group in GROUPS:
        values = []
        for competency_id in competencies[group]:
            read = (
                _whole_points(ratings[competency_id], low, high)
                if competency_id in ratings
                else {"points": None, "error": "missing"}
            )
            if read["points"] is None:
                errors[competency_id] = read["error"]
            else:
                values.append(read["points"])
        means[group] = sum(values) / len(values) if values else None  # whole numbers
    return means, errors


def _ability_result(
    group_means: dict[str, float | None], weights: dict[str, float]
) -> float | None:
    """The weighted mean of the group means; a group without ratings is left out."""
    weight_sum = ability_sum = 0.0
    for group in GROUPS:
        mean = group_means[group]
        if mean is not None:
            weight_sum += weights[group]
            ability_sum += weights[group] * mean
    return ability_sum / weight_sum if weight_sum else None


def _overall(
    combination: dict[str, float], kpi_on5: float | None, ability_on5: float | None, to_100: float
) -> float | None:
    """KPI and ability results on 100 combined by weight; a missing part is left out."""
    parts = [(combination["kpi"], kpi_on5), (combination["ability"], ability_on5)]
    top = bottom = 0.0
    for weight, value in parts:
        if value is not None and weight:
            top += weight * value * to_100
            bottom += weight
    return top / bottom if bottom else None


def _grade(scoring: dict[str, Any], overall: float | None) -> str | None:
    """The first grade band the overall result, as shown (rounded), reaches."""
    if overall is None:
        return None
    shown = round_half_up(overall, scoring["decimals"])
    return next((g["name"] for g in scoring["grades"] if shown >= g["min"]), None)


def _pair(on5: float | None, to_100: float, decimals: int) -> dict[str, float | None]:
    return {
        "on5": _round(on5, decimals + 1),
        "on100": _round(on5 * to_100 if on5 is not None else None, decimals),
    }


def _round(value: float | None, decimals: int) -> float | None:
    return None if value is None else round_half_up(value, decimals)


def round_half_up(value: float, decimals: int) -> float:
    """Round half away from zero on the shortest decimal form of `value` (as JavaScript's
    Number-to-string gives it), so both implementations agree digit for digit."""
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


# ------------------------------------------------------------------------------- what-if
