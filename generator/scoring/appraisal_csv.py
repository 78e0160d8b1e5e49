"""Appraisals from a CSV file (one row each, as a spreadsheet or the calculator exports)."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ..messages import _
from ..model import Catalog
from . import bounds
from .appraisal import CALCULATOR_COLUMNS, META, Appraisal, _quoted, _Refused
from .bounds import _too_long, _too_many_rows

_KPI_COLUMN = re.compile(r"kpi([0-9]{1,18})(_actual)?")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _from_csv(text: str, catalog: Catalog) -> list[Appraisal]:
    records = _csv_records(text)
    header = next(records, None)
    if header is None:
        return []
    columns = [name.strip() for name in header[1]]
    seen: dict[str, int] = {}
    for index, name in enumerate(columns):
        if len(name) > bounds.MAX_CELL_CHARS:
            raise _Refused(_too_long(), 1)
        if name and name in seen:
            raise _Refused(
                _(
                    "column {name} appears twice (columns {first} and {second})",
                    name=_quoted(name),
                    first=seen[name] + 1,
                    second=index + 1,
                ),
                1,
            )
        seen.setdefault(name, index)
    if "position" not in seen:
        raise _Refused(
            _(
                "no 'position' column; the first row names the columns: position, "
                "employee, rater, period, kpi1, kpi1_actual, …, then competency ids"
            ),
            1,
        )
    known = {c.id for c in catalog.competencies}
    out: list[Appraisal] = []
    for number, cells in records:
        for index, cell in enumerate(cells):
            if len(cell) > bounds.MAX_CELL_CHARS:
                name = columns[index] if index < len(columns) else ""
                raise _Refused(_too_long(name), number)
        if not any(cell.strip() for cell in cells):
            continue  # an empty row, as spreadsheets leave them
        if len(out) >= bounds.MAX_ROWS:
            raise _Refused(_too_many_rows(), number)
        out.append(_csv_appraisal(number, columns, seen, cells, known))
    return out


def _csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of each record; the header is row 1, as in a spreadsheet."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    number = 0
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):  # csv's own bound, above ours
                raise _Refused(_too_long(), number) from None
            raise _Refused(_("cannot read the CSV: {reason}", reason=exc), number) from None
        if len(cells) > bounds.MAX_COLUMNS:
            raise _Refused(
                _(
                    "{count} columns, more than the limit of {limit}",
                    count=f"{len(cells):,}",
                    limit=f"{bounds.MAX_COLUMNS:,}",
                ),
                number,
            )
        yield number, cells


def _csv_appraisal(
    number: int, columns: list[str], index: dict[str, int], cells: list[str], known: set[str]
) -> Appraisal:
    problems: list[str] = []
    kpis: dict[int, dict[str, Any]] = {}
    ratings: dict[str, Any] = {}
    if any(cell.strip() for cell in cells[len(columns) :]):
        problems.append(_("more cells than header columns"))
    for column, raw in zip(columns, cells):
        value = raw.strip()
        if column in META or column in CALCULATOR_COLUMNS or value == "":
            continue
        match = _KPI_COLUMN.fullmatch(column)
        kpi = int(match[1]) if match else 0
        if match and kpi == 0:
            problems.append(
                _("unknown column {name} (KPIs are numbered from kpi1)", name=_quoted(column))
            )
        elif match:
            entry = kpis.setdefault(kpi, {})
            read = _number(value, column, number)
            if match[2]:
                entry["level" if read is None else "actual"] = value if read is None else read
            else:
                entry["points"] = value if read is None else read
        elif column in known:
            read = _number(value, column, number)
            ratings[column] = value if read is None else read
        else:
            problems.append(_("unknown column {name}", name=_quoted(column)))
    data: dict[str, Any] = {
        key: cells[index[key]].strip() if index.get(key, len(cells)) < len(cells) else ""
        for key in META
    }
    data["ratings"] = ratings
    return Appraisal(number, data, problems, kpis)


def _number(text: str, column: str, row: int) -> float | int | None:
    """A cell's number (`95%` is 95), or None if it is not one; refused if too long."""
    cleaned = unicodedata.normalize("NFKC", text).strip().rstrip("%‰").strip()
    if not _NUMBER.fullmatch(cleaned):
        return None
    if len(cleaned) > bounds.MAX_NUMBER_CHARS:
        raise _Refused(
            _(
                "{column}: a number longer than the limit of {limit} characters",
                column=column,
                limit=bounds.MAX_NUMBER_CHARS,
            ),
            row,
        )
    value = float(cleaned)
    return int(value) if value.is_integer() and "." not in cleaned else value
