"""Workbook rows -> each position's data as its YAML file would hold it, checked as YAML is."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook

from ..errors import Problem
from ..model import GROUP_NAMES, GROUPS, Catalog
from ..source.schema import check_schema
from ..source.validate import SAFE_ID, Checker, build_position
from ..source.yamlsrc import Source
from .layout import (
    COMPETENCIES,
    DATA_SHEETS,
    GOALS,
    GUIDE,
    KPIS,
    MONTHLY,
    POSITIONS,
    STATUS_LABELS,
    VOCABULARY,
    Report,
    Row,
    SheetReader,
    close_match,
    quoted,
)
from .scaletext import EXAMPLE, text_to_scale

# 已发布 / 待补充 as the workbook shows the status, or the YAML's own words
_STATUS = {**{label: key for key, label in STATUS_LABELS.items()}, **{k: k for k in STATUS_LABELS}}
# A hidden data sheet is refused: what an import reads must be what the person checking the
# workbook sees (hidden rows and columns, common with filters, are only warned about).
_HIDDEN = {
    "hidden": "the sheet is hidden; an import reads hidden sheets too, so show it "
              "(右键点击工作表标签 → 取消隐藏) and check what it holds, then import again",
    "veryHidden": "the sheet is very hidden (by a macro or another program: Excel's menus "
                  "cannot show it); an import reads hidden sheets too, so export a fresh "
                  "workbook and make the edits there",
}
# Validation messages name YAML keys; these few are columns of the workbook.
_COLUMN_WORDS = {"weights_total_note": "权重合计说明 (weights_total_note)",
                 "`status: draft`": "状态 待补充"}


@dataclass
class PositionImport:
    """One position of the workbook: its department and the data of its YAML file."""

    id: str
    department: str
    data: dict[str, Any]
    row: int


@dataclass
class _Draft:
    """A position being gathered from the rows of every sheet."""

    row: Row
    department: str
    goals: list[Row] = field(default_factory=list)
    monthly: Row | None = None
    kpis: list[tuple[float, Row]] = field(default_factory=list)
    competencies: dict[str, list[tuple[float, str, Row]]] = field(
        default_factory=lambda: {g: [] for g in GROUPS})


def read_sheets(book: Workbook, catalog: Catalog, report: Report) -> list[PositionImport]:
    """The positions of `book`, in 岗位 order; every problem goes to `report`."""
    readers = _sheet_readers(book, report)
    if readers is None:
        return []
    importer = _Importer(catalog, report)
    positions = readers[POSITIONS.name].rows()
    if not positions:  # every other row would only be "unknown position"
        report.error(POSITIONS.name, "no positions below the header row: importing it would "
                     "delete every position, so nothing was read (were the rows deleted? export "
                     "a fresh workbook)")
        return []
    importer.read_positions(positions)
    importer.read_goals(readers[GOALS.name].rows())
    importer.read_monthly(readers[MONTHLY.name].rows())
    importer.read_kpis(readers[KPIS.name].rows())
    importer.read_competencies(readers[COMPETENCIES.name].rows())
    return importer.validate()


def _sheet_readers(book: Workbook, report: Report) -> dict[str, SheetReader] | None:
    """A reader per data sheet, or None if a sheet or column is missing (then rows are not
    read: every row would only repeat that problem)."""
    names = [spec.name for spec in DATA_SHEETS]
    extra = [s for s in book.sheetnames if s not in (*names, GUIDE, VOCABULARY.name)]
    readers, ok = {}, True
    for spec in DATA_SHEETS:
        if spec.name not in book.sheetnames:
            close = difflib.get_close_matches(spec.name, extra, 1, 0.5) or (
                extra if len(extra) == 1 else [])
            hint = f" (was it renamed to '{close[0]}'?)" if close else ""
            report.error(spec.name, f"missing sheet{hint}; the workbook needs the sheets "
                         f"{', '.join(names)}")
            ok = False
            continue
        sheet = book[spec.name]
        if sheet.sheet_state != "visible":
            report.error(spec.name, _HIDDEN.get(sheet.sheet_state, _HIDDEN["hidden"]))
            ok = False
        reader = SheetReader(sheet, spec, report)
        ok = reader.check_bounds() and reader.check_headers() and ok
        readers[spec.name] = reader
    for name in extra:
        report.warning(name, "sheet is not part of the workbook; it was ignored")
    return readers if ok else None


class _Importer:
    def __init__(self, catalog: Catalog, report: Report):
        self.catalog, self.report = catalog, report
        self.drafts: dict[str, _Draft] = {}
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
                self.error(row, "department", "missing department")
            elif department not in self.departments:
                choices = [d.name for d in self.catalog.departments]
                self.error(row, "department", f"unknown department {quoted(department)}"
                           f"{close_match(department, choices)}; departments (edited in YAML): "
                           f"{', '.join(choices)}")
            if position_id is None:
                self.error(row, "id", "missing position id")
                continue
            if position_id in self.drafts:
                self.error(row, "id", f"duplicate position {quoted(position_id)} (also on row "
                           f"{self.drafts[position_id].row.number})")
                continue
            if not SAFE_ID.match(position_id) or len(position_id) > 64:
                self.error(row, "id", f"{quoted(position_id)} is not a safe position id: use "
                           "lowercase ASCII letters, digits and single hyphens, e.g. fin-analyst")
            if row["status"] not in _STATUS:
                got = quoted(row["status"]) if row["status"] is not None else "nothing"
                self.error(row, "status", f"expected {' or '.join(STATUS_LABELS.values())}, "
                           f"got {got}")
            self.drafts[position_id] = _Draft(row, self.departments.get(department, ""))

    def owner(self, row: Row) -> _Draft | None:
        """The position a row of a child sheet belongs to, or None (reported)."""
        position_id = row["id"]
        if position_id is None:
            self.error(row, "id", f"missing position id ({POSITIONS.columns[1].header})")
            return None
        draft = self.drafts.get(position_id)
        if draft is None:
            self.error(row, "id", f"unknown position {quoted(position_id)}: not on the "
                       f"{POSITIONS.name} sheet{close_match(position_id, list(self.drafts))}")
        return draft

    def read_goals(self, rows: list[Row]) -> None:
        for row in rows:
            draft = self.owner(row)
            if draft:
                draft.goals.append(row)

    def read_monthly(self, rows: list[Row]) -> None:
        for row in rows:
            draft = self.owner(row)
            if draft is None:
                continue
            if draft.monthly is not None:
                self.error(row, "id", f"position {quoted(row['id'])} already has a monthly indicator "
                           f"on row {draft.monthly.number}; a position has at most one")
                continue
            draft.monthly = row

    def read_kpis(self, rows: list[Row]) -> None:
        taken: dict[tuple, int] = {}
        for row in rows:
            draft = self.owner(row)
            number = self.place(row, "number", taken, "the KPI's place in the position's list")
            if draft:
                draft.kpis.append((number, row))

    def read_competencies(self, rows: list[Row]) -> None:
        taken: dict[tuple, int] = {}
        for row in rows:
            draft = self.owner(row)
            group = self.groups.get(row["group"] or "")
            if group is None:
                got = quoted(row["group"]) if row["group"] is not None else "nothing"
                self.error(row, "group", f"expected {', '.join(GROUP_NAMES.values())}, got {got}")
            order = self.place(row, "order", taken, "the item's place in its group",
                               scope=row["group"] or "")
            name = row["name"]
            competency_id = self.names.get(name or "")
            if name is None:
                self.error(row, "name", f"expected a name from the {VOCABULARY.name} sheet, "
                           "got nothing")
            elif competency_id is None:
                self.error(row, "name", f"unknown competency {quoted(name)}: not on the "
                           f"{VOCABULARY.name} sheet{close_match(name, list(self.names), 0.5)}")
            if draft and group and competency_id:
                draft.competencies[group].append((order, competency_id, row))

    def place(self, row: Row, key: str, taken: dict, what: str, scope: str = "") -> float:
        """A row's whole-number place (1, 2, …) in its position's list; inf if it has none."""
        value = row[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            got = quoted(value) if isinstance(value, str) else "nothing" if value is None else value
            self.error(row, key, f"expected a whole number from 1 ({what}), got {got}")
            return float("inf")
        seen = taken.setdefault((row["id"], scope, value), row.number)
        if seen != row.number:
            self.error(row, key, f"{value} is used twice for position {quoted(row['id'])} (also on "
                       f"row {seen})")
        return value

    # ---------------------------------------------------------------------- position data

    def validate(self) -> list[PositionImport]:
        """Each position's data, checked by the schema and the checks of the YAML files."""
        company = self.catalog.company
        vocabulary = {c.id: c for c in self.catalog.competencies}
        out = []
        for position_id, draft in self.drafts.items():
            data, cells = _Assembly(draft, company.goal_categories, self.report).build()
            src = Source(f"{POSITIONS.name}:{position_id}", data, cells.lines)
            check = Checker()
            check.problems = check_schema(src, "position")
            if not any(not p.warning for p in check.problems):
                build_position(src, position_id, draft.department, company, vocabulary, check)
            for problem in check.problems:
                where = cells.refs[problem.line]
                if where not in self.report.cells:  # a cell already reported says it better
                    self.report.add(where, _in_column_words(problem), problem.level)
            out.append(PositionImport(position_id, draft.department, data, draft.row.number))
        return out


def _in_column_words(problem: Problem) -> str:
    message = problem.message
    for word, column in _COLUMN_WORDS.items():
        message = message.replace(word, column)
    return message


class _Cells:
    """Where each path of a position's data is: a fake 'line' per cell for the checkers."""

    def __init__(self, root: str):
        self.refs = ["", root]
        self.lines: dict[tuple, int] = {(): 1}

    def put(self, path: tuple, ref: str) -> None:
        self.refs.append(ref)
        self.lines[path] = len(self.refs) - 1


class _Assembly:
    """One position's rows -> the data of its YAML file, in the files' key order."""

    def __init__(self, draft: _Draft, categories: tuple[str, ...], report: Report):
        self.draft, self.categories, self.report = draft, categories, report
        self.cells = _Cells(draft.row.ref("id"))

    def build(self) -> tuple[dict[str, Any], _Cells]:
        row = self.draft.row
        data: dict[str, Any] = {}
        self.text(data, ("title",), row, "title", required=True)
        self.text(data, ("title_inferred",), row, "title_inferred")
        self.text(data, ("source_title",), row, "source_title")
        self.value(data, ("source_line",), row, "source_line")
        data["status"] = _STATUS.get(row["status"] or "", row["status"])
        self.cells.put(("status",), row.ref("status"))
        notes = [line.strip() for line in (row["notes"] or "").splitlines() if line.strip()]
        self.cells.put(("notes",), row.ref("notes"))
        if notes:
            data["notes"] = notes
            for i in range(len(notes)):
                self.cells.put(("notes", i), row.ref("notes"))
        goals = self.goals()
        if goals:
            data["goals"] = goals
        if self.draft.monthly:
            data["monthly"] = self.monthly(self.draft.monthly)
        self.cells.put(("kpis",), row.ref("weight_total"))
        kpis = [self.kpi(i, kpi_row) for i, (_, kpi_row) in
                enumerate(sorted(self.draft.kpis, key=lambda k: (k[0], k[1].number)))]
        if kpis:
            data["kpis"] = kpis
        self.text(data, ("weights_total_note",), row, "weights_total_note")
        competencies = self.competencies()
        if competencies:
            data["competencies"] = competencies
        return data, self.cells

    def text(self, data: dict, path: tuple, row: Row, key: str, required: bool = False) -> None:
        """Copy a text cell; an empty optional one is left out, an empty required one is ''."""
        self.cells.put(path, row.ref(key))
        value = row[key]
        if value is not None or required:
            data[path[-1]] = value if value is not None else ""

    def value(self, data: dict, path: tuple, row: Row, key: str) -> None:
        self.cells.put(path, row.ref(key))
        if row[key] is not None:
            data[path[-1]] = row[key]

    def item(self, path: tuple, row: Row, fields: list[tuple[str, bool]],
             seeds: list[str]) -> dict[str, Any]:
        """A goal, monthly indicator or KPI: its fields, then seed and unclear."""
        self.cells.put(path, row.ref("id"))
        data: dict[str, Any] = {}
        for key, required in fields:
            self.text(data, (*path, key), row, key, required=required)
        seed: dict[str, Any] = {}
        self.cells.put((*path, "seed"), row.ref(f"seed.{seeds[0]}"))
        for key in seeds:
            self.text(seed, (*path, "seed", key), row, f"seed.{key}")
        if seed:
            data["seed"] = seed
        self.text(data, (*path, "unclear"), row, "unclear")
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
            goals[category] = [
                self.item(("goals", category, i), row, [("goal", True), ("target", False)],
                          ["goal", "target"])
                for i, row in enumerate(rows)]
        return goals

    def monthly(self, row: Row) -> dict[str, Any]:
        return self.item(("monthly",), row, [("indicator", True), ("target", True),
                                             ("method", True)], ["indicator", "target", "method"])

    def kpi(self, index: int, row: Row) -> dict[str, Any]:
        path = ("kpis", index)
        data = self.item(path, row, [("name", True)], ["name", "weight", "standard", "method"])
        self.cells.put((*path, "weight"), row.ref("weight"))
        out: dict[str, Any] = {"name": data.pop("name"), "weight": row["weight"]}
        self.text(out, (*path, "standard"), row, "standard")
        self.cells.put((*path, "scale"), row.ref("scale"))
        if row["scale"] is not None:
            scale, problem = text_to_scale(row["scale"])
            if problem:
                self.report.error(row.ref("scale"), f"cannot read the scale {quoted(row['scale'])}: "
                                 f"{problem}; write tiers such as {EXAMPLE}, or a named scale "
                                 "such as satisfaction-5")
            else:
                out["scale"] = scale
        self.text(out, (*path, "method"), row, "method")
        out.update(data)  # seed and unclear last
        return out

    def competencies(self) -> dict[str, list[str]]:
        out = {}
        for group, items in self.draft.competencies.items():
            items = sorted(items, key=lambda item: (item[0], item[2].number))
            if not items:
                continue
            self.cells.put(("competencies", group), items[0][2].ref("group"))
            out[group] = []
            for i, (_, competency_id, row) in enumerate(items):
                self.cells.put(("competencies", group, i), row.ref("name"))
                out[group].append(competency_id)
        return out
