"""Catalogue -> the .xlsx workbook HR edits and imports again (also the site's download)."""

from __future__ import annotations

import io
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.packaging.custom import StringProperty
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..catalog import COMPANY_FILE, DEPARTMENT_FILE, DEPARTMENTS_DIR, VOCABULARY_FILE
from ..errors import CatalogError, Problem, shorten
from ..export import position_to_data
from ..files import write_file
from ..messages import _
from ..model import GROUPS, WEIGHT_TOTAL, Catalog, Department, Position
from ..source.yamlsrc import format_path
from .guide import exported_from, write_guide
from .layout import (
    COMPETENCIES,
    COMPUTED,
    COMPUTED_FONT,
    DATA_SHEETS,
    FINGERPRINT,
    GOALS,
    GUIDE,
    HEADER_FILL,
    HEADER_FONT,
    KPIS,
    MAX_CELL_CHARS,
    MONTHLY,
    POSITIONS,
    STATUS_LABELS,
    TEXT,
    TOP,
    VOCABULARY,
    WARN_FILL,
    WRAP,
    Column,
    Entry,
    SheetSpec,
    fingerprint,
)


def write_workbook(catalog: Catalog, path: str | os.PathLike) -> None:
    """Write the catalogue as an .xlsx workbook HR can edit and import again."""
    write_file(path, workbook_bytes(catalog))


def workbook_bytes(catalog: Catalog) -> bytes:
    """The catalogue as the bytes of an .xlsx workbook (also the site's download).

    Raises CatalogError naming each text longer than a cell holds (openpyxl would cut it).
    """
    book = Workbook()
    guide = book.active
    guide.title = GUIDE
    writer = _Writer(book, catalog)
    for department in catalog.departments:
        for position in department.positions:
            writer.position(department, position)
    for index, competency in enumerate(catalog.competencies):
        writer.append(VOCABULARY, Entry(item=competency, path=("competencies", index)))
    stamp = fingerprint(catalog)  # hashing the catalogue costs seconds at scale: once
    writer.check_guide(exported_from(catalog, stamp))
    if writer.too_long:
        raise CatalogError(list(writer.too_long.values()))
    lists = write_guide(guide, catalog, stamp)
    _add_lists(writer.sheets, lists, len(catalog.competencies))
    _flag_weight_totals(writer.sheets[POSITIONS.name])
    writer.sheets[VOCABULARY.name].protection.sheet = True
    guide.protection.sheet = True
    book.custom_doc_props.append(StringProperty(name=FINGERPRINT, value=stamp))
    book.calculation.fullCalcOnLoad = True  # the weight totals are formulas
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class _Writer:
    """The data sheets of a workbook being written, a row per Entry as layout.py says."""

    def __init__(self, book: Workbook, catalog: Catalog):
        self.catalog = catalog
        self.sheets = {spec.name: _new_sheet(book, spec) for spec in (*DATA_SHEETS, VOCABULARY)}
        # Rows written so far: openpyxl's max_row scans every cell, which made writing the
        # workbook quadratic in the catalogue's size.
        self.rows = dict.fromkeys(self.sheets, 1)
        self.too_long: dict[tuple[str, str], Problem] = {}
        first = next(iter(catalog.positions()), None)
        # the catalogue folder as messages show it (a position's file is three levels down)
        self.root = Path(first.source_file).parents[2] if first else Path()

    def position(self, department: Department, position: Position) -> None:
        """The rows of `position` on every data sheet."""
        self.append(POSITIONS, Entry(position, department))
        for category, goals in position.goals.items():
            for i, goal in enumerate(goals):
                path = ("goals", category, i)
                self.append(GOALS, Entry(position, item=goal, category=category, path=path))
                for j, item in enumerate(goal.items):  # each sub-item on a row below its goal
                    where = (*path, "items", j)
                    self.append(
                        GOALS,
                        Entry(position, item=item, category=category, path=where, parent=goal),
                    )
        if position.monthly:
            self.append(MONTHLY, Entry(position, item=position.monthly, path=("monthly",)))
        for i, kpi in enumerate(position.kpis):
            self.append(KPIS, Entry(position, item=kpi, number=i + 1, path=("kpis", i)))
        for group in GROUPS:
            for order, (_number, slot) in enumerate(position.numbered_slots(group), 1):
                competency = self.catalog.competency(slot.id)
                path = ("competencies", group, order - 1)
                self.append(
                    COMPETENCIES,
                    Entry(
                        position, item=competency, group=group, number=order, path=path, slot=slot
                    ),
                )

    def append(self, spec: SheetSpec, entry: Entry) -> None:
        """Write `entry` as the next row of its sheet."""
        sheet = self.sheets[spec.name]
        row = self.rows[spec.name] = self.rows[spec.name] + 1
        for index, column in enumerate(spec.columns, 1):
            value = column.value(entry, row)
            cell = sheet.cell(row, index)
            if value is None or value == "":
                cell.value = None
            else:
                if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                    self._too_long(value, *self._origin(spec, column, entry))
                cell.value = value
                if column.kind != COMPUTED and isinstance(value, str):
                    cell.data_type = "s"  # text that starts with '=' is text, not a formula
            cell.alignment = WRAP if column.wrap else TOP
            if column.kind == TEXT:
                cell.number_format = "@"
            if column.kind == COMPUTED:
                cell.font = COMPUTED_FONT

    def check_guide(self, exported_from: str) -> None:
        """The texts of the 说明 sheet (names listed there may be on no data sheet)."""
        company_file = str(self.root / COMPANY_FILE)
        fields = "company.name, company.document, catalogue.version"
        self._too_long(exported_from, company_file, fields)
        for index, category in enumerate(self.catalog.company.goal_categories):
            self._too_long(category, company_file, f"goal_categories[{index}].name")
        for scale in self.catalog.company.scoring.scales.values():
            self._too_long(scale.name, company_file, f"scoring.scales.{scale.id}.name")
        for department in self.catalog.departments:
            self._too_long(department.name, self._department_file(department), "name")

    def _origin(self, spec: SheetSpec, column: Column, entry: Entry) -> tuple[str, str]:
        """The file and field a cell's text comes from, as `check` names them."""
        if column.to is not None:  # the position file's own
            path = (*entry.path, *column.to)
            return entry.position.source_file, format_path(path, position_to_data(entry.position))
        if column.key == "category":
            index = self.catalog.company.goal_categories.index(entry.category)
            return str(self.root / COMPANY_FILE), f"goal_categories[{index}].name"
        if column.key == "department":
            return self._department_file(entry.department), "name"
        # a competency's name or definition (ids, group names and numbers are short)
        index = self.catalog.competency_order()[entry.item.id]
        where = f"competencies[{index}] ({shorten(entry.item.id, 20)}).{column.key}"
        return str(self.root / VOCABULARY_FILE), where

    def _department_file(self, department: Department) -> str:
        return str(self.root / DEPARTMENTS_DIR / department.id / DEPARTMENT_FILE)

    def _too_long(self, text: str, file: str, field: str) -> None:
        if len(text) > MAX_CELL_CHARS:
            message = _(
                "{count:,} characters, more than the {limit:,} an Excel cell holds; "
                "shorten it (the workbook would cut it)",
                count=len(text),
                limit=MAX_CELL_CHARS,
            )
            self.too_long.setdefault((file, field), Problem(file, 0, field, message))


def _new_sheet(book: Workbook, spec: SheetSpec) -> Worksheet:
    sheet = book.create_sheet(spec.name)
    for index, column in enumerate(spec.columns, 1):
        cell = sheet.cell(1, index, column.header)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
        if column.tip:
            cell.comment = Comment(column.tip, "岗位标准目录", width=260, height=90)
        letter = cell.column_letter
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.width
        if column.kind == TEXT:
            dimension.number_format = "@"  # what HR types stays text: 100% is not 1
        dimension.alignment = WRAP if column.wrap else TOP
    sheet.freeze_panes = spec.freeze
    return sheet


def _flag_weight_totals(sheet: Worksheet) -> None:
    """Colour a published position's total when it is not 100 and no note says why."""
    total = POSITIONS.letter("weight_total")
    status, note = POSITIONS.letter("status"), POSITIONS.letter("weights_total_note")
    last = max(sheet.max_row, 2) + 500
    rule = f'AND(${status}2="{STATUS_LABELS["published"]}",${total}2<>{WEIGHT_TOTAL},${note}2="")'
    sheet.conditional_formatting.add(
        f"{total}2:{total}{last}", FormulaRule(formula=[rule], fill=WARN_FILL)
    )


def _add_lists(sheets: dict[str, Worksheet], ranges: dict[str, str], vocabulary: int) -> None:
    """Drop-down lists for the cells that take one of a few values."""
    lists = [
        (POSITIONS, "department", ranges["department"]),
        (POSITIONS, "status", ranges["status"]),
        (GOALS, "category", ranges["category"]),
        (COMPETENCIES, "group", ranges["group"]),
        (COMPETENCIES, "name", f"'{VOCABULARY.name}'!$B$2:$B${vocabulary + 1}"),
    ]
    for spec, key, source in lists:
        sheet = sheets[spec.name]
        letter = spec.letter(key)
        rule = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="请从列表中选择",
            error="请从下拉列表中选择一项。",
        )
        rule.add(f"{letter}2:{letter}{sheet.max_row + 1000}")
        sheet.add_data_validation(rule)
