"""The calculator's data: small scripts a page loads as it needs them (also from file://)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .export import competency_to_data, position_to_data, scoring_to_data
from .model import GROUPS, Competency, Department, Position
from .scoring.score import calculator_rules
from .site_paths import _script, calculator_script, script_uri

if TYPE_CHECKING:
    from .render import SiteRenderer


def calculator_files(renderer: SiteRenderer) -> dict[str, str]:
    """The calculator's data: one small script per position (all it needs to score it),
    one per department for choosing, and an index of titles loaded only for search.
    Scripts rather than JSON files, so the calculator also works opened from file://."""
    catalog = renderer.catalog
    company = catalog.company
    # The company's settings and the fixed rules (weight total, groups): the calculator
    # applies these and restates none of them.
    settings = {
        "version": company.version,
        "scoring": scoring_to_data(company.scoring),
        "rules": calculator_rules(),
    }
    departments = [
        {"id": d.id, "name": d.name, "positions": len(d.positions)} for d in catalog.departments
    ]
    out = calculator_script("departments", {"version": company.version, "departments": departments})
    # The settings alone, for the team view (grade bands and their guidance).
    out.update(calculator_script("company", settings))
    index = []
    for department in catalog.departments:
        listing = [{"id": p.id, "title": p.title, "status": p.status} for p in department.positions]
        name = f"departments/{department.id}"
        out[script_uri(name)] = renderer.cached(
            script_uri(name), (department,), _script, name, listing
        )
        index.extend({**item, "department": department.name} for item in listing)
        for position in department.positions:
            used = tuple(catalog.competency(i) for g in GROUPS for i in position.competencies[g])
            name = f"positions/{position.id}"
            out[script_uri(name)] = renderer.cached(
                script_uri(name),
                (department.name, position, used),
                _position_script,
                renderer,
                name,
                settings,
                department,
                position,
                used,
            )
    out.update(calculator_script("index", index))
    return out


def _position_script(
    renderer: SiteRenderer,
    name: str,
    settings: dict,
    department: Department,
    position: Position,
    used: tuple[Competency, ...],
) -> str:
    data = renderer.position_data.get(position.id) or position_to_data(position)
    competencies = {c.id: competency_to_data(c) for c in used}
    return _script(
        name,
        {
            **settings,
            "department": department.name,
            "position": data,
            "competencies": competencies,
        },
    )
