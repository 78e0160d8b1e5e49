"""The rows of every sheet -> each position's data as its YAML file holds it, as layout.py says."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from ..messages import _
from ..source.schema import SCHEMA_DIR
from .gather import Draft
from .layout import (
    COMPETENCIES,
    GOALS,
    KPIS,
    MONTHLY,
    OMIT,
    POSITIONS,
    SUB_ITEM,
    SheetSpec,
)
from .rows import Report, Row


class Cells:
    """Where each path of a position's data is: a fake 'line' per cell for the checkers."""

    def __init__(self, root: str):
        self.refs = ["", root]
        self.lines: dict[tuple, int] = {(): 1}

    def put(self, path: tuple, ref: str) -> None:
        self.refs.append(ref)
        self.lines[path] = len(self.refs) - 1


class Assembly:
    """A draft's rows -> the data of its position file, keys in the files' order."""

    def __init__(self, draft: Draft, categories: tuple[str, ...], report: Report):
        self.draft, self.categories, self.report = draft, categories, report
        self.cells = Cells(draft.row.ref("id"))

    def build(self) -> tuple[dict[str, Any], Cells]:
        row = self.draft.row
        data = self.fields(POSITIONS, row, ())
        goals = self.goals()
        if goals:
            data["goals"] = goals
        if self.draft.monthly:
            data["monthly"] = self.item(MONTHLY, self.draft.monthly, ("monthly",))
        self.cells.put(("kpis",), row.ref("weight_total"))
        ordered = sorted(self.draft.kpis, key=lambda k: (k[0], k[1].number))
        kpis = [
            self.item(KPIS, kpi_row, ("kpis", i)) for i, (_order, kpi_row) in enumerate(ordered)
        ]
        if kpis:
            data["kpis"] = kpis
        competencies = self.competencies()
        if competencies:
            data["competencies"] = competencies
        return in_file_order(data, _position_schema()), self.cells

    def item(self, spec: SheetSpec, row: Row, path: tuple) -> dict[str, Any]:
        """A goal, monthly indicator or KPI at `path` of the position's data."""
        self.cells.put(path, row.ref("id"))
        return self.fields(spec, row, path)

    def fields(self, spec: SheetSpec, row: Row, path: tuple) -> dict[str, Any]:
        """What `row` says of the item at `path`: each column with a `to`, in its place."""
        data: dict[str, Any] = {}
        for column in spec.columns:
            if column.to is None:
                continue
            where, ref = (*path, *column.to), row.ref(column.key)
            for end in range(1, len(column.to)):  # a mapping such as seed: at its first cell
                if (*path, *column.to[:end]) not in self.cells.lines:
                    self.cells.put((*path, *column.to[:end]), ref)
            self.cells.put(where, ref)
            value = row[column.key]
            if value is None:
                if column.empty == OMIT:
                    continue
                value = column.empty
            elif column.read is not None:
                try:
                    value = column.read(value)
                except ValueError as exc:
                    self.report.error(ref, str(exc))
                    continue
            if isinstance(value, list):
                for i in range(len(value)):
                    self.cells.put((*where, i), ref)
            target = data
            for key in column.to[:-1]:
                target = target.setdefault(key, {})
            target[column.to[-1]] = value
        return data

    def goals(self) -> dict[str, list[dict[str, Any]]]:
        by_category: dict[str, list[Row]] = {}
        for row in self.draft.goals:
            by_category.setdefault(row["category"] or "", []).append(row)
        order = [c for c in self.categories if c in by_category]
        order += [c for c in by_category if c not in order]
        goals = {}
        for category in order:
            rows = by_category[category]
            self.cells.put(("goals", category), rows[0].ref("category"))
            goals[category] = self.category_goals(category, rows)
        return goals

    def category_goals(self, category: str, rows: list[Row]) -> list[dict[str, Any]]:
        """A category's goals, each sub-item row (层级 子项) under the goal on a row above it."""
        goals: list[dict[str, Any]] = []
        for row in rows:
            if row["level"] != SUB_ITEM or not goals:
                if row["level"] == SUB_ITEM:
                    self.report.error(
                        row.ref("level"),
                        _(
                            "a sub-item needs its goal on a row above it (the same position "
                            "and category)"
                        ),
                    )
                goals.append(self.item(GOALS, row, ("goals", category, len(goals))))
                continue
            path = ("goals", category, len(goals) - 1, "items")
            items = goals[-1].setdefault("items", [])
            if not items:
                self.cells.put(path, row.ref("level"))
            items.append(self.item(GOALS, row, (*path, len(items))))
        return goals

    def competencies(self) -> dict[str, list[str | dict[str, Any]]]:
        out = {}
        for group, items in self.draft.competencies.items():
            items = sorted(items, key=lambda item: (item[0], item[2].number))
            if not items:
                continue
            self.cells.put(("competencies", group), items[0][2].ref("group"))
            out[group] = []
            for i, (_order, competency_id, row) in enumerate(items):
                path = ("competencies", group, i)
                self.cells.put(path, row.ref("name"))
                source = self.fields(COMPETENCIES, row, path)  # its spelling and slot there
                if source:
                    self.cells.put((*path, "id"), row.ref("name"))
                out[group].append({"id": competency_id, **source} if source else competency_id)
        return out


@cache
def _position_schema() -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / "position.schema.json").read_text(encoding="utf-8"))


def in_file_order(data: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """`data` with the keys of each mapping in the order `schema` lists them (the order the
    catalogue's files are written in); keys the schema does not list keep theirs, last."""
    properties = schema.get("properties", {})
    place = {key: i for i, key in enumerate(properties)}
    out: dict[str, Any] = {}
    for key in sorted(data, key=lambda k: place.get(k, len(place))):
        value, below = data[key], properties.get(key, schema.get("additionalProperties"))
        below = below if isinstance(below, dict) else {}
        if isinstance(value, dict):
            value = in_file_order(value, below)
        elif isinstance(value, list):
            items = below.get("items", {})
            value = [in_file_order(v, items) if isinstance(v, dict) else v for v in value]
        out[key] = value
    return out
