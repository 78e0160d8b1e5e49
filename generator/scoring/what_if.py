"""What-if for an appraisal, complete or not: the overall if every open item scored a chosen
value (the middle of the scale by default), and the fewest points on open or chosen items
that reach the next grade band. The same steps as scoring.js `whatIf`."""

from __future__ import annotations

from typing import Any

from ..model import GROUPS
from .score import Result, _weight_total, score


def middle_points(scoring: dict[str, Any]) -> int:
    """The middle of the point scale (3 on 1–5): what an open item counts as by default."""
    return (scoring["points"]["min"] + scoring["points"]["max"]) // 2


def what_if(
    position: dict[str, Any],
    scoring: dict[str, Any],
    appraisal: dict[str, Any],
    fill: int | None = None,
    chosen: list[str] | None = None,
) -> Result | None:
    """What an appraisal would come to, and what it takes to reach the next grade band.

    Items are named as in the calculator's link: `k0` (the first KPI), `c.<competency id>`.
    Open items (no valid points yet) count as `fill` (default: the middle of the scale): that
    is the projection. `needed` is the fewest whole points to add to the `chosen` items
    (default: the open ones, or every item when none is open), one point at a time where a
    point adds most to the overall result, until the projection reaches the band above its
    own. None for a position that cannot be scored (a draft).
    """
    high = scoring["points"]["max"]
    fill = middle_points(scoring) if fill is None else fill
    base = score(position, scoring, appraisal)
    if "draft" in base["warnings"]:
        return None
    items = _items(position, base, appraisal.get("ratings") or {})
    points = {item: (fill if value is None else value) for item, value in items.items()}
    open_items = [item for item, value in items.items() if value is None]
    if chosen is None:
        chosen = open_items or list(items)
    chosen = [item for item in items if item in chosen]
    projected = _projection(position, scoring, points)
    target = _band_above(scoring, projected["grade"])
    out: Result = {
        "fill": fill,
        "open": open_items,
        "chosen": chosen,
        "projected": _summary(projected),
        "target": target,
        "needed": None,
    }
    if target is None:
        return out
    gains = _gains(position, scoring)
    start = dict(points)
    added = 0
    reached = projected
    while _rank(scoring, reached["grade"]) > _rank(scoring, target["grade"]):
        open_to_raise = [item for item in chosen if points[item] < high]
        if not open_to_raise:
            break
        best = open_to_raise[0]
        for item in open_to_raise[1:]:
            if gains[item] > gains[best]:
                best = item
        points[best] += 1
        added += 1
        reached = _projection(position, scoring, points)
    reachable = _rank(scoring, reached["grade"]) <= _rank(scoring, target["grade"])
    out["needed"] = {
        "reachable": reachable,
        "points": added if reachable else None,
        "raise": [
            {"item": item, "from": start[item], "to": points[item]}
            for item in items
            if points[item] != start[item]
        ],
        **_summary(reached),
    }
    return out


def _items(
    position: dict[str, Any], base: Result, ratings: dict[str, Any]
) -> dict[str, int | None]:
    """Every item of the position in order ({name: valid points or None}): KPIs, then each
    rated competency once, in group order."""
    items: dict[str, int | None] = {f"k{i}": row["points"] for i, row in enumerate(base["kpis"])}
    errors = base["errors"]["competencies"]
    for group in GROUPS:
        for competency_id in position["competencies"][group]:
            valid = competency_id not in errors
            items.setdefault(f"c.{competency_id}", int(ratings[competency_id]) if valid else None)
    return items


def _projection(
    position: dict[str, Any], scoring: dict[str, Any], points: dict[str, int]
) -> Result:
    kpis = [{"points": points[f"k{i}"]} for i in range(len(position["kpis"]))]
    ratings = {item[2:]: value for item, value in points.items() if item.startswith("c.")}
    return score(position, scoring, {"kpis": kpis, "ratings": ratings})


def _summary(result: Result) -> Result:
    return {
        "kpi": result["kpi"],
        "ability": result["ability"],
        "overall": result["overall"],
        "grade": result["grade"],
    }


def _rank(scoring: dict[str, Any], grade: str | None) -> int:
    """A grade's place among the bands, 0 the highest; no grade ranks below every band."""
    names = [g["name"] for g in scoring["grades"]]
    return names.index(grade) if grade in names else len(names)


def _band_above(scoring: dict[str, Any], grade: str | None) -> Result | None:
    rank = _rank(scoring, grade)
    if rank == 0:
        return None
    band = scoring["grades"][rank - 1]
    return {"grade": band["name"], "min": band["min"]}


def _gains(position: dict[str, Any], scoring: dict[str, Any]) -> dict[str, float]:
    """What one more point on each item adds to the overall result on 100, with every item
    counted (as in a projection): the same for every point, so the fewest points go where
    this is highest."""
    to_100 = 100 / scoring["points"]["max"]
    combination = scoring["combination"]
    weights = scoring["ability_groups"]
    competencies = position["competencies"]
    used = [g for g in GROUPS if competencies[g]]
    total = _weight_total(position["kpis"])
    # The parts of the overall result that count, as _overall counts them.
    kpi_part = combination["kpi"] if position["kpis"] and total else 0
    ability_part = combination["ability"] if used else 0
    bottom = kpi_part + ability_part
    gains: dict[str, float] = {}
    for index, kpi in enumerate(position["kpis"]):
        gains[f"k{index}"] = kpi_part * to_100 * kpi["weight"] / total / bottom if kpi_part else 0.0
    group_total = 0.0
    for group in used:
        group_total += weights[group]
    for group in used:
        share = weights[group] / group_total / len(competencies[group]) if group_total else 0.0
        for competency_id in competencies[group]:
            item = f"c.{competency_id}"
            gain = ability_part * to_100 * share / bottom if ability_part else 0.0
            gains[item] = gains.get(item, 0.0) + gain
    return gains
