"""Where competencies are used: per competency, the positions that are rated on it; per
department, the matrix of its positions and competencies."""

from __future__ import annotations

from dataclasses import dataclass

from .model import GROUP_NAMES, GROUPS, Catalog, Competency, Department, Position


@dataclass(frozen=True)
class Usage:
    """Where a competency is used: positions per group (core, reference, attitude)."""

    by_group: dict[str, tuple[Position, ...]]

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.by_group.values())


def competency_usage(catalog: Catalog) -> dict[str, Usage]:
    """Every competency's usage, in one pass over the positions."""
    found: dict[str, dict[str, list[Position]]] = {}
    for position in catalog.positions():
        for group in GROUPS:
            for competency_id in position.competencies[group]:
                found.setdefault(competency_id, {g: [] for g in GROUPS})[group].append(position)
    unused = Usage({g: () for g in GROUPS})
    return {
        c.id: Usage({g: tuple(p) for g, p in found[c.id].items()}) if c.id in found else unused
        for c in catalog.competencies
    }


def matrix_rows(catalog: Catalog, department: Department) -> list[tuple[Competency, list[str]]]:
    """The competencies a department's positions use (in glossary order), each with one cell
    per position; the work grows with the department, not with the glossary."""
    cells: dict[str, list[str]] = {}
    for column, position in enumerate(department.positions):
        for group in GROUPS:
            for competency_id in position.competencies[group]:
                row = cells.setdefault(competency_id, [""] * len(department.positions))
                row[column] = GROUP_NAMES[group][:2]
    order = catalog.competency_order()
    return [(catalog.competency(i), cells[i]) for i in sorted(cells, key=order.__getitem__)]
