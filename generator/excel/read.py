"""Workbook -> each position's data as its YAML file would hold it, checked as YAML is."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from ..catalog import display_path, load_catalog
from ..errors import CatalogError, Problem
from ..messages import _
from ..model import Catalog
from ..source.schema import check_schema
from ..source.validate import Checker, build_position
from ..source.yamlsrc import Source
from .assemble import Assembly
from .gather import Gatherer
from .layout import (
    COMPETENCIES,
    DATA_SHEETS,
    FINGERPRINT,
    GOALS,
    GUIDE,
    KPIS,
    MONTHLY,
    POSITIONS,
    SHEET_ORDER,
    VOCABULARY,
    fingerprint,
)
from .package import WorkbookFileError, open_workbook
from .rows import Report, SheetReader


def _hidden_sheet(state: str) -> str:
    """Why a hidden data sheet is refused: what an import reads must be what the person
    checking the workbook sees (hidden rows and columns, common with filters, are only
    warned about)."""
    if state == "veryHidden":
        return _(
            "the sheet is very hidden (by a macro or another program: Excel's menus "
            "cannot show it); an import reads hidden sheets too, so export a fresh "
            "workbook and make the edits there"
        )
    return _(
        "the sheet is hidden; an import reads hidden sheets too, so show it "
        "(右键点击工作表标签 → 取消隐藏) and check what it holds, then import again"
    )


def _column_words() -> dict[str, str]:
    """Validation messages name YAML keys; these few are columns of the workbook."""
    return {
        "weights_total_note": _("权重合计说明 (weights_total_note)"),
        "`status: draft`": _("状态 待补充"),
    }


_WIDE_PUNCTUATION = "“”‘’（）《》：；，。"  # no space is needed beside these


@dataclass
class PositionImport:
    """One position of the workbook: its department and the data of its YAML file."""

    id: str
    department: str
    data: dict[str, Any]
    row: int


@dataclass
class WorkbookImport:
    """A workbook read against a catalogue: each position's new data, and every problem."""

    workbook: Path
    catalog_dir: Path
    catalog: Catalog | None = None
    positions: list[PositionImport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]


def read_workbook(path: str | os.PathLike, catalog_dir: str | os.PathLike) -> WorkbookImport:
    """Read and check the workbook at `path` against the catalogue in `catalog_dir`.

    Nothing is written; `problems` lists every problem as `sheet!cell: message`.
    """
    result = WorkbookImport(Path(path), Path(catalog_dir))
    try:
        result.catalog = load_catalog(catalog_dir)
    except CatalogError as exc:
        result.problems = [
            *exc.problems,
            Problem(
                display_path(Path(catalog_dir)),
                0,
                "",
                _("the catalogue has errors; fix them before importing a workbook"),
            ),
        ]
        return result
    try:
        book = open_workbook(Path(path))
    except WorkbookFileError as exc:
        result.problems = [Problem(display_path(Path(path)), 0, exc.where, exc.message)]
        return result
    report = Report()
    stamp = {p.name: p.value for p in book.custom_doc_props}.get(FINGERPRINT)
    if stamp and stamp != fingerprint(result.catalog):
        report.warning(
            display_path(Path(path)),
            _(
                "the catalogue has changed since this workbook "
                "was exported (a YAML edit or an earlier import); check that the changes "
                "listed below undo nothing you want to keep"
            ),
        )
    result.positions = read_sheets(book, result.catalog, report)
    result.problems = _sorted(report.problems, display_path(Path(path)))
    return result


def _sorted(problems: list[Problem], workbook: str) -> list[Problem]:
    """The workbook's own first, then sheet by sheet in workbook order, by row and column."""

    def key(item: tuple[int, Problem]) -> tuple:
        index, problem = item
        sheet, _bang, cell = problem.file.partition("!")
        order = (
            -1
            if problem.file == workbook
            else SHEET_ORDER.index(sheet)
            if sheet in SHEET_ORDER
            else len(SHEET_ORDER)
        )
        row = column = 0
        if cell:
            letters, row = coordinate_from_string(cell.split(":")[0])
            column = column_index_from_string(letters)
        return (order, row, column, index)

    return [p for _index, p in sorted(enumerate(problems), key=key)]


def read_sheets(book: Workbook, catalog: Catalog, report: Report) -> list[PositionImport]:
    """The positions of `book`, in 岗位 order; every problem goes to `report`."""
    readers = _sheet_readers(book, report)
    if readers is None:
        return []
    importer = Gatherer(catalog, report)
    positions = readers[POSITIONS.name].rows()
    if not positions:  # every other row would only be "unknown position"
        report.error(
            POSITIONS.name,
            _(
                "no positions below the header row: importing it would "
                "delete every position, so nothing was read (were the rows deleted? export "
                "a fresh workbook)"
            ),
        )
        return []
    importer.read_positions(positions)
    importer.read_goals(readers[GOALS.name].rows())
    importer.read_monthly(readers[MONTHLY.name].rows())
    importer.read_kpis(readers[KPIS.name].rows())
    importer.read_competencies(readers[COMPETENCIES.name].rows())
    return _checked(importer, catalog, report)


def _sheet_readers(book: Workbook, report: Report) -> dict[str, SheetReader] | None:
    """A reader per data sheet, or None if a sheet or column is missing (then rows are not
    read: every row would only repeat that problem)."""
    names = [spec.name for spec in DATA_SHEETS]
    extra = [s for s in book.sheetnames if s not in (*names, GUIDE, VOCABULARY.name)]
    readers, ok = {}, True
    for spec in DATA_SHEETS:
        if spec.name not in book.sheetnames:
            close = difflib.get_close_matches(spec.name, extra, 1, 0.5) or (
                extra if len(extra) == 1 else []
            )
            sheets = ", ".join(names)
            report.error(
                spec.name,
                _(
                    "missing sheet (was it renamed to '{name}'?); the workbook needs the "
                    "sheets {sheets}",
                    name=close[0],
                    sheets=sheets,
                )
                if close
                else _("missing sheet; the workbook needs the sheets {sheets}", sheets=sheets),
            )
            ok = False
            continue
        sheet = book[spec.name]
        if sheet.sheet_state != "visible":
            report.error(spec.name, _hidden_sheet(sheet.sheet_state))
            ok = False
        reader = SheetReader(sheet, spec, report)
        ok = reader.check_bounds() and reader.check_headers() and ok
        readers[spec.name] = reader
    for name in extra:
        report.warning(name, _("sheet is not part of the workbook; it was ignored"))
    return readers if ok else None


def _checked(gathered: Gatherer, catalog: Catalog, report: Report) -> list[PositionImport]:
    """Each position's data, checked by the schema and the checks of the YAML files."""
    company = catalog.company
    vocabulary = {c.id: c for c in catalog.competencies}
    out = []
    for position_id, draft in gathered.drafts.items():
        data, cells = Assembly(draft, company.goal_categories, report).build()
        src = Source(f"{POSITIONS.name}:{position_id}", data, cells.lines)
        check = Checker()
        check.problems = check_schema(src, "position")
        if not any(not p.warning for p in check.problems):
            build_position(src, position_id, draft.department, company, vocabulary, check)
        for problem in check.problems:
            where = cells.refs[problem.line]
            if where not in report.cells:  # a cell already reported says it better
                report.add(where, _in_column_words(problem), problem.level)
        out.append(PositionImport(position_id, draft.department, data, draft.row.number))
    return out


def _in_column_words(problem: Problem) -> str:
    """The message with the YAML keys it names as the workbook's columns."""
    message = problem.message
    for word, column in _column_words().items():
        message = re.sub(f"( ?){re.escape(word)}( ?)", _spaced(column), message)
    return message


def _spaced(column: str) -> Callable[[re.Match[str]], str]:
    """`column` for a key matched with the spaces beside it: a space stays, unless the
    column's words start or end on that side with Chinese punctuation, which needs none
    (`请在 weights_total_note 中` becomes `请在“权重合计说明”（weights_total_note）中`)."""

    def replace(match: re.Match[str]) -> str:
        before = "" if column[:1] in _WIDE_PUNCTUATION else match[1]
        after = "" if column[-1:] in _WIDE_PUNCTUATION else match[2]
        return f"{before}{column}{after}"

    return replace
