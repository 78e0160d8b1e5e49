"""The rows of every sheet -> a Draft per position: each row's position and its place."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..messages import _
from ..model import GROUP_NAMES, GROUPS, Catalog
from ..source.validate import SAFE_ID
from .layout import (
    POSITIONS,
    STATUS_KEYS,
    STATUS_LABELS,
    SUB_ITEM,
    VOCABULARY,
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
