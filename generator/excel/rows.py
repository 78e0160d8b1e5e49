"""Reading one sheet of an imported workbook: its columns by header, its rows by cell."""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import ERROR, WARNING, Problem
from ..messages import _
from ..numbers import number_as_typed, parse_number_text
from .layout import COMPUTED, MAX_CELL_CHARS, TEXT, Column, SheetSpec, quoted

# Bounds of a sheet an import reads (the file's own are in package.py).
MAX_SHEET_ROWS = 200_000  # the KPI sheet of 100x the source catalogue has ~20,000
MAX_SHEET_COLUMNS = 100  # a sheet has at most 12 columns; others are ignored with a warning


class Report:
    """The problems of an import, in `sheet!cell: message` form, and the cells they name."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.cells: set[str] = set()

    def error(self, where: str, message: str) -> None:
        self.add(where, message, ERROR)

    def warning(self, where: str, message: str) -> None:
        self.add(where, message, WARNING)

    def add(self, where: str, message: str, level: str) -> None:
        self.problems.append(Problem(where, 0, "", message, level))
        if level == ERROR:
            self.cells.add(where)


@dataclass
class Row:
    """One non-empty row: each column's value (None when empty) and where each cell is."""

    sheet: str
    number: int
    values: dict[str, Any]
    letters: dict[str, str] = field(repr=False)

    def ref(self, key: str) -> str:
        return f"{self.sheet}!{self.letters[key]}{self.number}"

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)


class SheetReader:
    """The data rows of `sheet`, read by its header row; problems go to `report`."""

    def __init__(self, sheet: Worksheet, spec: SheetSpec, report: Report):
        self.sheet, self.spec, self.report = sheet, spec, report
        self.letters: dict[str, str] = {}
        self.merged: dict[tuple[int, int], Any] = {}

    def check_bounds(self) -> bool:
        """False (reported) if the sheet reaches beyond MAX_SHEET_ROWS or MAX_SHEET_COLUMNS."""
        name, sheet = self.spec.name, self.sheet
        if sheet.max_row > MAX_SHEET_ROWS:
            self.report.error(
                name,
                _(
                    "the sheet reaches row {row:,}, beyond the limit of {limit:,} rows; "
                    "delete the rows below the data",
                    row=sheet.max_row,
                    limit=MAX_SHEET_ROWS,
                ),
            )
            return False
        if sheet.max_column > MAX_SHEET_COLUMNS:
            self.report.error(
                name,
                _(
                    "the sheet reaches column {column}, beyond the limit of {limit} columns; "
                    "delete the columns right of the data",
                    column=get_column_letter(sheet.max_column),
                    limit=MAX_SHEET_COLUMNS,
                ),
            )
            return False
        return True

    def check_headers(self) -> bool:
        """Find each column by its header; False if one is missing or given twice."""
        self._check_merged()
        name = self.spec.name
        found: dict[str, int] = {}
        ok = True
        for index in range(1, self.sheet.max_column + 1):
            value = self._value(1, index)
            header = str(value).strip() if value is not None else ""
            if not header:
                continue
            if header in found:
                self.report.error(
                    f"{name}!{get_column_letter(index)}1",
                    _(
                        "column {header} appears twice (also in {cell})",
                        header=quoted(header),
                        cell=f"{get_column_letter(found[header])}1",
                    ),
                )
                ok = False
            else:
                found[header] = index
        known = {c.header for c in self.spec.columns}
        unknown = {i: h for h, i in found.items() if h not in known}
        for position, column in enumerate(self.spec.columns, 1):
            if column.header in found:
                self.letters[column.key] = get_column_letter(found[column.header])
                continue
            ok = False
            there = unknown.pop(position, None)
            if there is None:  # the header may have been renamed and moved
                close = difflib.get_close_matches(column.header, unknown.values(), 1, 0.5)
                position = next((i for i, h in unknown.items() if close and h == close[0]), 0)
                there = unknown.pop(position, None)
            if there is None:
                self.report.error(name, _("missing column '{header}'", header=column.header))
            else:
                self.report.error(
                    f"{name}!{get_column_letter(position)}1",
                    _(
                        "missing column '{header}' (this header reads {found})",
                        header=column.header,
                        found=quoted(there),
                    ),
                )
        for index, header in unknown.items():
            self.report.warning(
                f"{name}!{get_column_letter(index)}1",
                _(
                    "column {header} is not part of the workbook; it was ignored",
                    header=quoted(header),
                ),
            )
        return ok

    def rows(self) -> list[Row]:
        """Every row below the header that has a value; empty rows are skipped."""
        columns = [c for c in self.spec.columns if c.kind != COMPUTED]
        read = {column_index_from_string(self.letters[c.key]) for c in columns}
        # Only the rows that have cells: openpyxl's own iteration would create every cell up
        # to the last row and column, and one stray cell far out makes that millions.
        numbers = {r for r, c in self.sheet._cells if r > 1 and c in read}
        numbers.update(r for r, c in self.merged if r > 1 and c in read)
        out = []
        for number in sorted(numbers):
            row = Row(self.spec.name, number, {}, self.letters)
            for column in columns:
                row.values[column.key] = self._read(row, column)
            if any(v is not None for v in row.values.values()):
                out.append(row)
        if out:
            self._warn_hidden(out, columns)
        return out

    def _warn_hidden(self, rows: list[Row], columns: list[Column]) -> None:
        """Hidden rows and columns are imported like the others: say so, once per sheet."""
        hidden_rows = [
            str(row.number)
            for row in rows
            if getattr(self.sheet.row_dimensions.get(row.number), "hidden", False)
        ]
        if hidden_rows:
            self.report.warning(
                self.spec.name,
                _(
                    "hidden or filtered-out rows are imported all the same: {rows}; "
                    "show them (取消隐藏, 清除筛选) to check them",
                    rows=_first(hidden_rows),
                ),
            )
        hidden: set[int] = set()
        for key, dimension in self.sheet.column_dimensions.items():
            if dimension.hidden:
                low = dimension.min or column_index_from_string(key)
                hidden.update(range(low, (dimension.max or low) + 1))
        hidden_columns = [
            f"{self.letters[c.key]} ({c.header})"
            for c in columns
            if column_index_from_string(self.letters[c.key]) in hidden
        ]
        if hidden_columns:
            self.report.warning(
                self.spec.name,
                _(
                    "hidden columns are imported all the same: {columns}; "
                    "show them (取消隐藏) to check them",
                    columns=_first(hidden_columns),
                ),
            )

    def _check_merged(self) -> None:
        for merged in self.sheet.merged_cells.ranges:
            self.report.error(
                f"{self.spec.name}!{merged.coord}",
                _("merged cells: unmerge them (取消合并单元格) and fill in every cell"),
            )
            anchor = self.sheet.cell(merged.min_row, merged.min_col)
            # bounded: workbook_file refuses merged ranges over MAX_RANGE_CELLS cells
            for row in range(merged.min_row, merged.max_row + 1):
                for col in range(merged.min_col, merged.max_col + 1):
                    self.merged[row, col] = anchor

    def _value(self, row: int, col: int) -> Any:
        return self._cell(row, col).value

    def _cell(self, row: int, col: int) -> Any:
        return self.merged.get((row, col)) or self.sheet.cell(row, col)

    def _read(self, row: Row, column: Column) -> Any:
        """The cell's value for the position data; a bad cell is reported and passed on."""
        letter = self.letters[column.key]
        cell = self._cell(row.number, column_index_from_string(letter))
        value, where = cell.value, row.ref(column.key)
        if isinstance(value, (ArrayFormula, DataTableFormula)) or cell.data_type == "f":
            text = value.text if isinstance(value, ArrayFormula) else str(value)
            self.report.error(
                where,
                _(
                    "a formula where a value belongs ({formula}); type the value itself",
                    formula=text,
                ),
            )
            return text
        if cell.data_type == "e":
            self.report.error(
                where, _("the cell shows the error {error}; type the value itself", error=value)
            )
            return str(value)
        if isinstance(value, str):
            if len(value) > MAX_CELL_CHARS:
                self.report.error(
                    where,
                    _(
                        "{count:,} characters, more than the limit of {limit:,} for a cell",
                        count=len(value),
                        limit=MAX_CELL_CHARS,
                    ),
                )
                value = value[:MAX_CELL_CHARS]
            value = value.strip()
            if not value:
                return None
        if value is None:
            return None
        if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
            self.report.error(
                where,
                _(
                    "expected text, got a date or time; format the cell as text (文本) and "
                    "type the value again"
                )
                if column.kind == TEXT
                else _(
                    "expected a number, got a date or time; format the cell as text (文本) "
                    "and type the value again"
                ),
            )
            return str(value)
        percent = "%" in (cell.number_format or "")
        if column.kind == TEXT:
            if isinstance(value, bool):
                return "TRUE" if value else "FALSE"
            if isinstance(value, (int, float)):  # Excel turned typed text into a number
                return f"{number_as_typed(value * 100)}%" if percent else number_as_typed(value)
            return value
        return _cell_number(value, percent)


def _cell_number(value: Any, percent: bool) -> Any:
    """A number cell: 30, 30.0, '30', '30%' and 30% (0.3 shown as a percentage) are all 30;
    text that is no number is passed on, for the checks to report."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        number = parse_number_text(value)
        if number is None:
            return value
        number = float(number)
    else:
        number = float(value)
        if percent:
            number = round(number * 100, 10)
    return int(number) if number.is_integer() else number


def _first(items: list[str], shown: int = 10) -> str:
    text = ", ".join(items[:shown])
    if len(items) <= shown:
        return text
    return _("{first}, … ({count} in all)", first=text, count=len(items))


def close_match(word: str, choices: list[str], cutoff: float = 0.6) -> str:
    """` (did you mean 'x'?)` for the closest of `choices`, or nothing."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    return _(" (did you mean '{name}'?)", name=close[0]) if close else ""
