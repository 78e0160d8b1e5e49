"""The rows of every sheet -> each position's data as its YAML file holds it, as layout.py says."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..messages import _
from ..model import GROUP_NAMES, GROUPS, Catalog
from ..source.schema import SCHEMA_DIR
from ..source.validate import SAFE_ID
from .layout import (
    COMPETENCIES,
    GOALS,
    KPIS,
    MONTHLY,
    OMIT,
    POSITIONS,
    STATUS_KEYS,
    STATUS_LABELS,
    SUB_ITEM,
    VOCABULARY,
    SheetSpec,
    quoted,
)
from .rows import Report, Row, close_match


@dataclass
class Draft:
    """A position being gathered from the rows of every sheet."""

    row: Row
    department: str
    goals: list[Row] = field(default_factory=list)
    monthly: Row | None = None
    kpis: list[tuple[float, Row]] = field(default_factory=list)
    competencies: dict[str, list[tuple[float, str, Row]]] = field(
        default_factory=lambda: {g: [] for g in GROUPS}
    )


class Gatherer:
    """The rows of every sheet -> a Draft per position: the row's position and its place."""

    def __init__(self, catalog: Catalog, report: Report):
        self.catalog, self.report = catalog, report
        self.drafts: dict[str, Draft] = {}
        self.departments = {d.name: d.id for d in catalog.departments}
        self.departments.update({d.id: d.id for d in catalog.departments})
        self.names = {c.name: c.id for c in catalog.competencies}
        self.names.update({c.id: c.id for c in catalog.competencies})
        self.groups = {name: key for key, name in GROUP_NAMES.items()}

    def error(self, row: Row, key: str, message: str) -> None:
        self.report.error(row.ref(key), message)

    # ------------------------------------------------------------------ rows of each sheet

    def read_positions(self, rows: list[Row]) -> None:
        for row in rows:
            position_id, department = row["id"], row["department"]
            if department is None:
                self.error(row, "department", _("missing department"))
            elif department not in self.departments:
                choices = [d.name for d in self.catalog.departments]
                self.error(
                    row,
                    "department",
                    _(
                        "unknown department {department}{hint}; departments (edited in YAML): "
                        "{departments}",
                        department=quoted(department),
                        hint=close_match(department, choices),
                        departments=", ".join(choices),
                    ),
                )
            if position_id is None:
                self.error(row, "id", _("missing position id"))
                continue
            if position_id in self.drafts:
                self.error(
                    row,
                    "id",
                    _(
                        "duplicate position {id} (also on row {row})",
                        id=quoted(position_id),
                        row=self.drafts[position_id].row.number,
                    ),
                )
                continue
            if not SAFE_ID.match(position_id) or len(position_id) > 64:
                self.error(
                    row,
                    "id",
                    _(
                        "{id} is not a safe position id: use lowercase ASCII letters, digits "
                        "and single hyphens, e.g. fin-analyst",
                        id=quoted(position_id),
                    ),
                )
            if row["status"] not in STATUS_KEYS:
                labels = {"published": STATUS_LABELS["published"], "draft": STATUS_LABELS["draft"]}
                self.error(
                    row,
                    "status",
                    _("expected {published} or {draft}, got nothing", **labels)
                    if row["status"] is None
                    else _(
                        "expected {published} or {draft}, got {value}",
                        **labels,
                        value=quoted(row["status"]),
                    ),
                )
            self.drafts[position_id] = Draft(row, self.departments.get(department, ""))

    def owner(self, row: Row) -> Draft | None:
        """The position a row of a child sheet belongs to, or None (reported)."""
        position_id = row["id"]
        if position_id is None:
            self.error(
                row, "id", _("missing position id ({header})", header=POSITIONS.columns[1].header)
            )
            return None
        draft = self.drafts.get(position_id)
        if draft is None:
            self.error(
                row,
                "id",
                _(
                    "unknown position {id}: not on the {sheet} sheet{hint}",
                    id=quoted(position_id),
                    sheet=POSITIONS.name,
                    hint=close_match(position_id, list(self.drafts)),
                ),
            )
        return draft

    def read_goals(self, rows: list[Row]) -> None:
        for row in rows:
            draft = self.owner(row)
            level = row["level"]
            if level is not None and level != SUB_ITEM:
                self.error(
                    row,
                    "level",
                    _(
                        "expected {sub_item} (a sub-item of the goal above) or nothing (a goal), "
                        "got {value}",
                        sub_item=SUB_ITEM,
                        value=quoted(level),
                    ),
                )
            if draft:
                draft.goals.append(row)

    def read_monthly(self, rows: list[Row]) -> None:
        for row in rows:
            draft = self.owner(row)
            if draft is None:
                continue
            if draft.monthly is not None:
                self.error(
                    row,
                    "id",
                    _(
                        "position {id} already has a monthly indicator on row {row}; "
                        "a position has at most one",
                        id=quoted(row["id"]),
                        row=draft.monthly.number,
                    ),
                )
                continue
            draft.monthly = row

    def read_kpis(self, rows: list[Row]) -> None:
        taken: dict[tuple, int] = {}
        for row in rows:
            draft = self.owner(row)
            number = self.place(row, "number", taken, _("the KPI's place in the position's list"))
            if draft:
                draft.kpis.append((number, row))

    def read_competencies(self, rows: list[Row]) -> None:
        taken: dict[tuple, int] = {}
        for row in rows:
            draft = self.owner(row)
            group = self.groups.get(row["group"] or "")
            if group is None:
                groups = ", ".join(GROUP_NAMES.values())
                self.error(
                    row,
                    "group",
                    _("expected {groups}, got nothing", groups=groups)
                    if row["group"] is None
                    else _(
                        "expected {groups}, got {value}", groups=groups, value=quoted(row["group"])
                    ),
                )
            order = self.place(
                row, "order", taken, _("the item's place in its group"), scope=row["group"] or ""
            )
            name = row["name"]
            competency_id = self.names.get(name or "")
            if name is None:
                self.error(
                    row,
                    "name",
                    _("expected a name from the {sheet} sheet, got nothing", sheet=VOCABULARY.name),
                )
            elif competency_id is None:
                self.error(
                    row,
                    "name",
                    _(
                        "unknown competency {name}: not on the {sheet} sheet{hint}",
                        name=quoted(name),
                        sheet=VOCABULARY.name,
                        hint=close_match(name, list(self.names), 0.5),
                    ),
                )
            if draft and group and competency_id:
                draft.competencies[group].append((order, competency_id, row))

    def place(self, row: Row, key: str, taken: dict, what: str, scope: str = "") -> float:
        """A row's whole-number place (1, 2, …) in its position's list; inf if it has none.

        `what` says what the place is, in the language of the messages."""
        value = row[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.error(
                row,
                key,
                _("expected a whole number from 1 ({what}), got nothing", what=what)
                if value is None
                else _(
                    "expected a whole number from 1 ({what}), got {value}",
                    what=what,
                    value=quoted(value) if isinstance(value, str) else value,
                ),
            )
            return float("inf")
        seen = taken.setdefault((row["id"], scope, value), row.number)
        if seen != row.number:
            self.error(
                row,
                key,
                _(
                    "{value} is used twice for position {id} (also on row {row})",
                    value=value,
                    id=quoted(row["id"]),
                    row=seen,
                ),
            )
        return value

    # ---------------------------------------------------------------------- position data


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
