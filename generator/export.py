"""The catalogue as plain JSON-ready data: the public download and the calculator's input."""

from __future__ import annotations

import json
from typing import Any

from .model import (
    GROUPS,
    Catalog,
    Competency,
    Goal,
    Grade,
    Kpi,
    NamedScale,
    Position,
    Scoring,
    TierScale,
)

FORMAT = "position-standards/1"


def catalog_to_data(catalog: Catalog) -> dict[str, Any]:
    """The whole catalogue, departments and positions in source order."""
    company = catalog.company
    return {
        "format": FORMAT,
        "company": {
            "name": company.name,
            "document": company.document,
            "version": company.version,
            "effective_date": company.effective_date,
            "goal_categories": list(company.goal_categories),
            "scoring": scoring_to_data(company.scoring),
        },
        "departments": [
            {"id": d.id, "name": d.name, "positions": [position_to_data(p) for p in d.positions]}
            for d in catalog.departments
        ],
        "competencies": [competency_to_data(c) for c in catalog.competencies],
    }


def position_to_data(position: Position) -> dict[str, Any]:
    """One position; also the per-position download."""
    data: dict[str, Any] = {
        "id": position.id,
        "department": position.department_id,
        "title": position.title,
        "status": position.status,
        "source_line": position.source_line,
    }
    _optional(data, title_inferred=position.title_inferred, source_title=position.source_title)
    data["goals"] = {
        category: [goal_to_data(g) for g in goals] for category, goals in position.goals.items()
    }
    monthly = position.monthly
    data["monthly"] = (
        []
        if monthly is None
        else [
            _item(
                {
                    "indicator": monthly.indicator,
                    "target": monthly.target,
                    "method": monthly.method,
                },
                monthly.seed,
                monthly.unclear,
            )
        ]
    )
    data["kpis"] = [kpi_to_data(k) for k in position.kpis]
    data["weight_total"] = position.weight_total
    _optional(data, weights_total_note=position.weights_total_note)
    data["competencies"] = {g: list(position.competencies[g]) for g in GROUPS}
    slots = slots_to_data(position)
    if slots:
        data["competency_slots"] = slots
    if position.notes:
        data["notes"] = list(position.notes)
    return data


def goal_to_data(goal: Goal) -> dict[str, Any]:
    """A goal; its sub-items only where it has some."""
    data = _item({"goal": goal.goal, "target": goal.target}, goal.seed, goal.unclear)
    if goal.items:
        data["items"] = [goal_to_data(item) for item in goal.items]
    return data


def slots_to_data(position: Position) -> dict[str, list[dict[str, Any]]]:
    """Per group, each competency's slot on the source's form and its spelling there; empty
    if the position records no spelling and no slot after an empty one (nothing to add to
    `competencies`)."""
    numbered = {g: position.numbered_slots(g) for g in GROUPS}
    if not any(s.seed is not None or s.slot is not None for g in GROUPS for _, s in numbered[g]):
        return {}
    out: dict[str, list[dict[str, Any]]] = {}
    for group, slots in numbered.items():
        for number, slot in slots:
            item = {"id": slot.id, "slot": number}
            _optional(item, seed=slot.seed)
            out.setdefault(group, []).append(item)
    return out


def kpi_to_data(kpi: Kpi) -> dict[str, Any]:
    data = {
        "name": kpi.name,
        "weight": kpi.weight,
        "standard": kpi.standard,
        "method": kpi.method,
        "scale": scale_to_data(kpi.scale),
    }
    return _item(data, kpi.seed, kpi.unclear)


def scale_to_data(scale: TierScale | NamedScale | None) -> dict[str, Any] | None:
    if scale is None:
        return None
    if isinstance(scale, NamedScale):
        return {
            "kind": "named",
            "id": scale.id,
            "name": scale.name,
            "levels": [{"label": lv.label, "points": lv.points} for lv in scale.levels],
        }
    return {
        "kind": "tiers",
        "unit": scale.unit,
        "otherwise": scale.otherwise,
        "tiers": [{"op": t.op, "value": t.value, "points": t.points} for t in scale.tiers],
    }


def scoring_to_data(scoring: Scoring) -> dict[str, Any]:
    return {
        "points": {"min": scoring.points_min, "max": scoring.points_max},
        "scales": {k: scale_to_data(v) for k, v in scoring.scales.items()},
        "ability_groups": scoring.ability_groups,
        "combination": scoring.combination,
        "decimals": scoring.decimals,
        "grades": [grade_to_data(g) for g in scoring.grades],
    }


def grade_to_data(grade: Grade) -> dict[str, Any]:
    """A grade band; its distribution guidance only where company.yaml sets one."""
    data: dict[str, Any] = {"name": grade.name, "min": grade.min}
    if grade.max_percent is not None:
        data["max_percent"] = grade.max_percent
    return data


def competency_to_data(competency: Competency) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": competency.id,
        "name": competency.name,
        "kind": competency.kind,
        "definition": competency.definition,
        "anchors": [{"rating": r, "text": t} for r, t in competency.anchors.items()],
    }
    if competency.seed:
        data["seed"] = list(competency.seed)
    _optional(data, unclear=competency.unclear)
    return data


def to_json(data: Any, compact: bool = False) -> str:
    """Stable JSON (Chinese kept as is): indented to read, or compact, which Python's C
    encoder writes many times faster (the site's downloads)."""
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _item(data: dict[str, Any], seed: dict[str, str], unclear: str | None) -> dict[str, Any]:
    if seed:
        data["seed"] = dict(seed)
    _optional(data, unclear=unclear)
    return data


def _optional(data: dict[str, Any], **values: Any) -> None:
    data.update({k: v for k, v in values.items() if v is not None})
