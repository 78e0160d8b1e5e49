"""Scoring an appraisal: the same rules, step by step, as docs/assets/calculator/scoring.js.

Both work on the JSON shapes of export.py (a position, the company scoring settings) and
return plain data, so one set of test vectors (tests/vectors/scoring.json) checks both.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

GROUPS = ("core", "reference", "attitude")


def tier_points(scale: dict[str, Any], actual: float) -> dict[str, Any]:
    """Points a tier scale gives an actual result: {points, tier} or {points: None, reason}."""
    passed_unknown = False
    for index, tier in enumerate(scale["tiers"]):
        if tier["value"] is None:
            passed_unknown = True
            continue
        if _compare(actual, tier["op"], tier["value"]):
            if passed_unknown:
                return {"points": None, "reason": "lost-threshold"}
            return {"points": tier["points"], "tier": index}
    if passed_unknown:
        return {"points": None, "reason": "lost-threshold"}
    if scale["otherwise"] is None:
        return {"points": None, "reason": "below-tiers"}
    return {"points": scale["otherwise"], "tier": "otherwise"}


def _compare(actual: float, op: str, value: float) -> bool:
    return {">": actual > value, ">=": actual >= value, "<": actual < value,
            "<=": actual <= value, "=": actual == value}[op]


def kpi_points(kpi: dict[str, Any], entry: Any, low: int, high: int) -> dict[str, Any]:
    """Read one KPI entry: {"points": n} | {"actual": x} | {"level": label} | None."""
    if entry is None or entry == {}:
        return {"points": None, "error": "missing"}
    if not isinstance(entry, dict):
        return {"points": None, "error": "invalid"}
    scale = kpi.get("scale")
    if "points" in entry:
        return _whole_points(entry["points"], low, high)
    if "actual" in entry and scale and scale["kind"] == "tiers":
        actual = entry["actual"]
        if not _is_number(actual):
            return {"points": None, "error": "not-a-number"}
        result = tier_points(scale, float(actual))
        if result["points"] is None:
            return {"points": None, "error": result["reason"]}
        return result
    if "level" in entry and scale and scale["kind"] == "named":
        for index, level in enumerate(scale["levels"]):
            if level["label"] == entry["level"]:
                return {"points": level["points"], "tier": index}
        return {"points": None, "error": "unknown-level"}
    return {"points": None, "error": "invalid"}


def _whole_points(value: Any, low: int, high: int) -> dict[str, Any]:
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
    return value == value and value not in (float("inf"), float("-inf"))


def score(position: dict[str, Any], scoring: dict[str, Any],
          appraisal: dict[str, Any]) -> dict[str, Any]:
    """Score `appraisal` ({kpis: [entry], ratings: {id: n}}) of `position`."""
    low, high = scoring["points"]["min"], scoring["points"]["max"]
    to_100 = 100 / high
    warnings: list[str] = []
    if position["status"] == "draft" or not position["kpis"]:
        warnings.append("draft")
    total = 0
    for kpi in position["kpis"]:
        total += kpi["weight"]
    if position["kpis"] and total != 100:
        warnings.append("weights-not-100")

    entries = appraisal.get("kpis") or []
    kpis = []
    weighted = 0.0
    entered_weight = 0.0
    for index, kpi in enumerate(position["kpis"]):
        entry = entries[index] if index < len(entries) else None
        read = kpi_points(kpi, entry, low, high)
        row: dict[str, Any] = {**read, "weight": kpi["weight"], "weighted": None}
        if read["points"] is not None:
            row["weighted"] = _round(kpi["weight"] * read["points"] / total,
                                     scoring["decimals"] + 1)
            weighted += kpi["weight"] * read["points"]
            entered_weight += kpi["weight"]
        kpis.append(row)
    kpi_on5 = weighted / entered_weight if entered_weight else None

    ratings = appraisal.get("ratings") or {}
    group_means: dict[str, float | None] = {}
    competency_errors: dict[str, str] = {}
    for group in GROUPS:
        values = []
        for competency_id in position["competencies"][group]:
            read = _whole_points(ratings.get(competency_id), low, high) \
                if competency_id in ratings else {"points": None, "error": "missing"}
            if read["points"] is None:
                competency_errors[competency_id] = read["error"]
            else:
                values.append(read["points"])
        group_means[group] = sum(values) / len(values) if values else None  # whole numbers
    # Plain loops, not sum(): Python 3.12's sum() compensates float error and JavaScript
    # does not, and both sides must add in the same order to give the same digits.
    group_weights = scoring["ability_groups"]
    used = [g for g in GROUPS if group_means[g] is not None]
    weight_sum = ability_sum = 0.0
    for group in used:
        weight_sum += group_weights[group]
        ability_sum += group_weights[group] * group_means[group]
    ability_on5 = ability_sum / weight_sum if used and weight_sum else None

    combination = scoring["combination"]
    parts = [(combination["kpi"], kpi_on5), (combination["ability"], ability_on5)]
    parts = [(w, v) for w, v in parts if v is not None and w]  # a missing part is left out
    overall = None
    if parts:
        top = bottom = 0.0
        for weight, value in parts:
            top += weight * value * to_100
            bottom += weight
        overall = top / bottom

    complete = (not warnings.count("draft") and all(r["points"] is not None for r in kpis)
                and not competency_errors)
    grade = None
    if complete and overall is not None:
        rounded = round_half_up(overall, scoring["decimals"])
        grade = next((g["name"] for g in scoring["grades"] if rounded >= g["min"]), None)
    decimals = scoring["decimals"]
    return {
        "kpis": kpis,
        "kpi": _pair(kpi_on5, to_100, decimals),
        "groups": {g: _round(group_means[g], decimals) for g in GROUPS},
        "ability": _pair(ability_on5, to_100, decimals),
        "overall": _round(overall, decimals),
        "grade": grade,
        "complete": complete,
        "errors": {"kpis": {str(i): r["error"] for i, r in enumerate(kpis) if "error" in r},
                   "competencies": competency_errors},
        "warnings": warnings,
    }


def _pair(on5: float | None, to_100: float, decimals: int) -> dict[str, float | None]:
    return {"on5": _round(on5, decimals + 1),
            "on100": _round(on5 * to_100 if on5 is not None else None, decimals)}


def _round(value: float | None, decimals: int) -> float | None:
    return None if value is None else round_half_up(value, decimals)


def round_half_up(value: float, decimals: int) -> float:
    """Round half away from zero on the shortest decimal form of `value` (as JavaScript's
    Number-to-string gives it), so both implementations agree digit for digit."""
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))
