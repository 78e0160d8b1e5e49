"""The catalogue as an Excel workbook for HR, and back: export, import, apply to the YAML."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
import weakref
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..catalog import DEPARTMENT_FILE, DEPARTMENTS_DIR, display_path, load_catalog
from ..errors import CatalogError, Problem
from ..export import catalog_to_data, to_json
from ..model import GROUP_NAMES, GROUPS, Catalog, Position
from ..source.validate import WEIGHT_TOTAL
from .layout import (
    COMPETENCIES,
    COMPUTED,
    DATA_SHEETS,
    GOALS,
    GUIDE,
    KPIS,
    MONTHLY,
    POSITIONS,
    SHEET_ORDER,
    STATUS_LABELS,
    TEXT,
    VOCABULARY,
    Report,
    SheetSpec,
)
from .package import WorkbookFileError, open_workbook
from .read import PositionImport, read_sheets
from .scaletext import scale_to_text
from .yamledit import (
    FileChange,
    file_comments,
    lost_comments,
    new_text,
    update_list,
    update_text,
    write_files,
)

POSITION_HEADER = "# yaml-language-server: $schema=../../../generator/schemas/position.schema.json\n"
FINGERPRINT = "catalog-fingerprint"

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_COMPUTED_FONT = Font(italic=True, color="808080")
_WARN_FILL = PatternFill("solid", fgColor="F8CBAD")
_TOP = Alignment(vertical="top")
_WRAP = Alignment(vertical="top", wrap_text=True)

# ----------------------------------------------------------------------------------- export


def fingerprint(catalog: Catalog) -> str:
    """A short hash of the catalogue's content, to tell whether it changed since an export."""
    return hashlib.sha256(to_json(catalog_to_data(catalog)).encode("utf-8")).hexdigest()[:16]


def write_workbook(catalog: Catalog, path: str | os.PathLike) -> None:
    """Write the catalogue as an .xlsx workbook HR can edit and import again."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(workbook_bytes(catalog))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def workbook_bytes(catalog: Catalog) -> bytes:
    """The catalogue as the bytes of an .xlsx workbook (also the site's download)."""
    book = Workbook()
    guide = book.active
    guide.title = GUIDE
    sheets = {spec.name: _new_sheet(book, spec) for spec in (*DATA_SHEETS, VOCABULARY)}
    names = {c.id: c.name for c in catalog.competencies}
    for department in catalog.departments:
        for position in department.positions:
            _write_position(sheets, department.name, position, names)
    for competency in catalog.competencies:
        _append(sheets[VOCABULARY.name], VOCABULARY, {
            "id": competency.id, "name": competency.name, "kind": competency.kind,
            "definition": competency.definition})
    stamp = fingerprint(catalog)  # hashing the catalogue costs seconds at scale: once
    lists = _write_guide(guide, catalog, stamp)
    _add_lists(sheets, lists, len(catalog.competencies))
    _flag_weight_totals(sheets[POSITIONS.name])
    sheets[VOCABULARY.name].protection.sheet = True
    guide.protection.sheet = True
    book.custom_doc_props.append(StringProperty(name=FINGERPRINT, value=stamp))
    book.calculation.fullCalcOnLoad = True  # the weight totals are formulas
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_position(sheets: dict[str, Worksheet], department: str, position: Position,
                    names: dict[str, str]) -> None:
    row = _ROWS_WRITTEN.get(sheets[POSITIONS.name], 1) + 1  # the row _append writes next
    _append(sheets[POSITIONS.name], POSITIONS, {
        "department": department, "id": position.id, "title": position.title,
        "status": STATUS_LABELS[position.status], "source_line": position.source_line,
        "source_title": position.source_title, "title_inferred": position.title_inferred,
        "weight_total": _WEIGHT_TOTAL.format(row=row),
        "weights_total_note": position.weights_total_note,
        "notes": "\n".join(position.notes) or None})
    for category, goals in position.goals.items():
        for goal in goals:
            _append(sheets[GOALS.name], GOALS, {
                "id": position.id, "category": category, "goal": goal.goal,
                "target": goal.target, **_seeds(goal.seed), "unclear": goal.unclear})
    if position.monthly:
        monthly = position.monthly
        _append(sheets[MONTHLY.name], MONTHLY, {
            "id": position.id, "indicator": monthly.indicator, "target": monthly.target,
            "method": monthly.method, **_seeds(monthly.seed), "unclear": monthly.unclear})
    for number, kpi in enumerate(position.kpis, 1):
        _append(sheets[KPIS.name], KPIS, {
            "id": position.id, "number": number, "name": kpi.name, "weight": kpi.weight,
            "standard": kpi.standard, "method": kpi.method, "scale": scale_to_text(kpi.scale),
            **_seeds(kpi.seed), "unclear": kpi.unclear})
    for group in GROUPS:
        for order, competency_id in enumerate(position.competencies[group], 1):
            _append(sheets[COMPETENCIES.name], COMPETENCIES, {
                "id": position.id, "group": GROUP_NAMES[group], "order": order,
                "name": names[competency_id]})


# the KPI weights of the position on the row: shown to HR, never read back
_WEIGHT_TOTAL = (f"=SUMIF({KPIS.name}!${KPIS.letter('id')}:${KPIS.letter('id')},"
                 f"${POSITIONS.letter('id')}{{row}},"
                 f"{KPIS.name}!${KPIS.letter('weight')}:${KPIS.letter('weight')})")


def _seeds(seed: dict[str, str]) -> dict[str, str]:
    return {f"seed.{key}": value for key, value in seed.items()}


def _new_sheet(book: Workbook, spec: SheetSpec) -> Worksheet:
    sheet = book.create_sheet(spec.name)
    for index, column in enumerate(spec.columns, 1):
        cell = sheet.cell(1, index, column.header)
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _WRAP
        if column.tip:
            cell.comment = Comment(column.tip, "岗位标准目录", width=260, height=90)
        letter = cell.column_letter
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.width
        if column.kind == TEXT:
            dimension.number_format = "@"  # what HR types stays text: 100% is not 1
        dimension.alignment = _WRAP if column.wrap else _TOP
    sheet.freeze_panes = spec.freeze
    return sheet


def _append(sheet: Worksheet, spec: SheetSpec, values: dict[str, Any]) -> None:
    row = _next_row(sheet)
    for index, column in enumerate(spec.columns, 1):
        value = values.get(column.key)
        cell = sheet.cell(row, index)
        if value is None or value == "":
            cell.value = None
        else:
            cell.value = value
            if column.kind != COMPUTED and isinstance(value, str):
                cell.data_type = "s"  # text that starts with '=' is text, not a formula
        cell.alignment = _WRAP if column.wrap else _TOP
        if column.kind == TEXT:
            cell.number_format = "@"
        if column.kind == COMPUTED:
            cell.font = _COMPUTED_FONT


# Rows written so far per sheet: openpyxl's max_row scans every cell, which made writing
# the workbook quadratic in the catalogue's size.
_ROWS_WRITTEN: weakref.WeakKeyDictionary[Worksheet, int] = weakref.WeakKeyDictionary()


def _next_row(sheet: Worksheet) -> int:
    """The row to write next (row 1 is the header), counted without scanning the sheet."""
    row = _ROWS_WRITTEN.get(sheet, 1) + 1
    _ROWS_WRITTEN[sheet] = row
    return row


def _flag_weight_totals(sheet: Worksheet) -> None:
    """Colour a published position's total when it is not 100 and no note says why."""
    total = POSITIONS.letter("weight_total")
    status, note = POSITIONS.letter("status"), POSITIONS.letter("weights_total_note")
    last = max(sheet.max_row, 2) + 500
    rule = (f'AND(${status}2="{STATUS_LABELS["published"]}",${total}2<>{WEIGHT_TOTAL},'
            f'${note}2="")')
    sheet.conditional_formatting.add(f"{total}2:{total}{last}",
                                     FormulaRule(formula=[rule], fill=_WARN_FILL))


def _write_guide(sheet: Worksheet, catalog: Catalog, stamp: str) -> dict[str, str]:
    """The 说明 sheet: how to edit, and the lists the drop-downs offer; returns their ranges."""
    company = catalog.company
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 110
    lines: list[tuple[Any, Any]] = [
        ("岗位标准目录 · Excel 编辑表", None),
        ("导出自", (f"{company.name}《{company.document}》 版本 {company.version}，"
                  f"生效日期 {company.effective_date}；目录指纹 {stamp}")),
        (None, None),
        ("怎样编辑", None),
        *((str(i), text) for i, text in enumerate(_HOW_TO, 1)),
        (None, None),
        ("评分档的写法", ("一格写完整个评分档：各档按顺序用分号隔开，每档写「比较符 数值 单位 = 得分」，"
                    "最后写低于各档时的得分，例如 >=100%=5; >?%=4; >99%=3; 否则=1。"
                    "? 表示原文缺失的阈值；「否则手工」表示低于各档时由经理手工评分。"
                    "也可以只写命名评分档的编号（见下表）。留空表示没有可机读的评分档。")),
        (None, None),
    ]
    for row, (label, text) in enumerate(lines, 1):
        sheet.cell(row, 1, label).font = Font(bold=True, size=14 if row == 1 else 11)
        sheet.cell(row, 2, text).alignment = _WRAP
        sheet.cell(row, 1).alignment = _TOP
    ranges: dict[str, str] = {}
    tables = [
        ("department", "部门（在各部门的 _department.yaml 中维护）", "部门编号",
         [(d.name, d.id) for d in catalog.departments]),
        ("category", "目标类别（在 company.yaml 中维护）", "", [(c, None) for c in
                                                       company.goal_categories]),
        ("status", "状态", "YAML 中的写法", [(label, key) for key, label in STATUS_LABELS.items()]),
        ("group", "能力态度组别", "可选的类别", [(GROUP_NAMES[g], "能力" if g != "attitude" else
                                           "态度") for g in GROUPS]),
        ("scale", "命名评分档（在 company.yaml 中维护）", "名称",
         [(s.id, s.name) for s in company.scoring.scales.values()]),
    ]
    row = len(lines) + 1
    for key, title, second, items in tables:
        sheet.cell(row, 1, title).font = _HEADER_FONT
        sheet.cell(row, 2, second or None).font = _HEADER_FONT
        first = row + 1
        for offset, (value, other) in enumerate(items, first):
            sheet.cell(offset, 1, value).data_type = "s"
            sheet.cell(offset, 2, other)
        ranges[key] = f"'{GUIDE}'!$A${first}:$A${max(first, first + len(items) - 1)}"
        row = first + len(items) + 1
    sheet.cell(row, 1, "各列对应的 YAML 字段").font = _HEADER_FONT
    for offset, (column, meaning) in enumerate(_COLUMN_FIELDS, row + 1):
        sheet.cell(offset, 1, column)
        sheet.cell(offset, 2, meaning).alignment = _WRAP
    return ranges


_HOW_TO = [
    "每张表第一行是列标题：不要改名、删除或合并标题。可以调整列宽、筛选；目标表按行的先后排列，不要排序。",
    ("岗位表每行一个岗位。岗位编号是网页地址和 YAML 文件名，只能用小写英文字母、数字和单个连字符，"
     "例如 fin-analyst。新增岗位就新增一行；删除一行即删除该岗位（导入时先列出将删除的岗位，"
     "加 --delete 才会删除；一次不能删除半数以上的岗位）。改岗位编号时保持岗位名称不变，原文件的注释会保留。"),
    "其他各表的每一行用「岗位编号」指向岗位表中的岗位。每个岗位最多一行月度指标。",
    "KPI 按「序号」排列，能力态度在各组别内按「顺序」排列（整数，同一岗位内不可重复）。",
    "空行会被忽略：可以用空行分隔岗位；要删除一条 KPI 或目标，清空或删除整行即可。",
    ("不要合并单元格，不要在数据格中写公式。「KPI权重合计」列是公式，只供查看：导入时不读它，"
     "而是重新计算并检查权重（已发布岗位的权重应合计为 100；原文如此时在「权重合计说明」中写明原因）。"),
    "「原文·…」列保存原文（有缺字的）写法，「存疑说明」说明为何按原文保留；「备注」每行一条。",
    ("能力态度的名称请从下拉列表中选择。「词汇」表只读：能力和态度的定义在 vocabulary.yaml 中编辑。"
     "部门、目标类别和评分规则等公司设置在 company.yaml 中维护，不在本表中修改。"),
    ("导入：python -m generator import 本文件.xlsx 先检查全部内容并列出将要修改的文件，不写入任何文件；"
     "确认无误后加 --write 写入。有任何错误时不会写入；有隐藏的工作表时也不会导入：请先取消隐藏并检查。"),
]

_COLUMN_FIELDS = [
    ("岗位 · 部门 / 岗位编号", "文件 departments/<部门编号>/<岗位编号>.yaml"),
    ("岗位 · 岗位名称 / 状态 / 原文行号", "title / status (已发布 = published, 待补充 = draft) / source_line"),
    ("岗位 · 原文岗位名称 / 岗位名称推断说明", "source_title / title_inferred"),
    ("岗位 · 权重合计说明 / 备注", "weights_total_note / notes"),
    ("目标 · 类别 / 目标 / 目标值", "goals.<类别>[].goal / target"),
    ("月度指标 · 月度指标 / 目标值 / 考核方式", "monthly.indicator / target / method"),
    ("KPI · KPI名称 / 权重 / 考核标准 / 考核方式 / 评分档", "kpis[].name / weight / standard / method / scale"),
    ("能力态度 · 核心能力 / 参考能力 / 态度", "competencies.core / reference / attitude"),
    ("…· 原文·… / 存疑说明", "seed.<字段> / unclear"),
]


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
        rule = DataValidation(type="list", formula1=source, allow_blank=True,
                              showErrorMessage=True, errorTitle="请从列表中选择",
                              error="请从下拉列表中选择一项。")
        rule.add(f"{letter}2:{letter}{sheet.max_row + 1000}")
        sheet.add_data_validation(rule)


# ----------------------------------------------------------------------------------- import


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
        result.problems = [*exc.problems, Problem(display_path(Path(catalog_dir)), 0, "",
                           "the catalogue has errors; fix them before importing a workbook")]
        return result
    try:
        book = open_workbook(Path(path))
    except WorkbookFileError as exc:
        result.problems = [Problem(display_path(Path(path)), 0, exc.where, exc.message)]
        return result
    report = Report()
    stamp = {p.name: p.value for p in book.custom_doc_props}.get(FINGERPRINT)
    if stamp and stamp != fingerprint(result.catalog):
        report.warning(display_path(Path(path)), "the catalogue has changed since this workbook "
                       "was exported (a YAML edit or an earlier import); check that the changes "
                       "listed below undo nothing you want to keep")
    result.positions = read_sheets(book, result.catalog, report)
    result.problems = _sorted(report.problems, display_path(Path(path)))
    return result


def _sorted(problems: list[Problem], workbook: str) -> list[Problem]:
    """The workbook's own first, then sheet by sheet in workbook order, by row and column."""

    def key(item: tuple[int, Problem]) -> tuple:
        index, problem = item
        sheet, _, cell = problem.file.partition("!")
        order = (-1 if problem.file == workbook else SHEET_ORDER.index(sheet)
                 if sheet in SHEET_ORDER else len(SHEET_ORDER))
        row = column = 0
        if cell:
            letters, row = coordinate_from_string(cell.split(":")[0])
            column = column_index_from_string(letters)
        return (order, row, column, index)

    return [p for _, p in sorted(enumerate(problems), key=key)]


# ---------------------------------------------------------------------------- apply to YAML


def plan_import(imported: WorkbookImport) -> list[FileChange]:
    """The files an import creates, changes, moves, renames and deletes; checked by loading the
    result. A new id whose title is that of exactly one removed position is that position
    renamed: its file is moved and edited, so its comments are kept.

    Raises CatalogError if the import has errors, or if the resulting catalogue would not load.
    """
    if imported.errors or imported.catalog is None:
        raise CatalogError(imported.errors or imported.problems)
    root = imported.catalog_dir / DEPARTMENTS_DIR
    catalog = imported.catalog
    where = {p.id: p.department_id for p in catalog.positions()}
    kept = {p.id for p in imported.positions}
    gone = [p for p in catalog.positions() if p.id not in kept]
    renamed = _renamed(imported.positions, where, gone)
    changes: list[FileChange] = []
    for position in imported.positions:
        path = root / position.department / f"{position.id}.yaml"
        previous = renamed.get(position.id)
        if position.id in where:
            source = root / where[position.id] / f"{position.id}.yaml"
        elif previous is not None:
            source = root / previous.department_id / f"{previous.id}.yaml"
        else:
            changes.append(_change(path, None, new_text(position.data, POSITION_HEADER)))
            continue
        old = source.read_text(encoding="utf-8")
        text = update_text(old, position.data)
        if source != path:  # moved to another department, or renamed
            note = (f"same title {previous.title}: its comments are kept" if previous else "")
            changes.append(FileChange(path, display_path(path), old, text,
                                      lost_comments(old, text), source, display_path(source),
                                      note))
        elif text != old:
            changes.append(_change(path, old, text, lost_comments(old, text)))
    renamed_ids = {p.id for p in renamed.values()}
    for position in gone:
        if position.id not in renamed_ids:
            path = root / position.department_id / f"{position.id}.yaml"
            old = path.read_text(encoding="utf-8")
            changes.append(_change(path, old, None, file_comments(old)))
    for department in catalog.departments:
        wanted = [p.id for p in imported.positions if p.department == department.id]
        if wanted != [p.id for p in department.positions]:
            path = root / department.id / DEPARTMENT_FILE
            old = path.read_text(encoding="utf-8")
            text = update_list(old, "positions", wanted)
            changes.append(_change(path, old, text, lost_comments(old, text)))
    _check_result(imported.catalog_dir, changes)
    return sorted(changes, key=lambda c: c.shown)


def _renamed(positions: list[PositionImport], where: dict[str, str],
             gone: list[Position]) -> dict[str, Position]:
    """New id -> the removed position it renames: the one removed position with its title."""
    new = [p for p in positions if p.id not in where]
    new_titles = Counter(p.data.get("title") for p in new)
    gone_by_title: dict[str, list[Position]] = {}
    for position in gone:
        gone_by_title.setdefault(position.title, []).append(position)
    return {p.id: gone_by_title[p.data["title"]][0] for p in new
            if p.data.get("title") and new_titles[p.data["title"]] == 1
            and len(gone_by_title.get(p.data["title"], [])) == 1}


def deleted_positions(changes: list[FileChange]) -> list[str]:
    """The ids of the positions `changes` delete (a moved or renamed one is not deleted)."""
    return [c.path.stem for c in changes if c.action == "delete" and c.path.name != DEPARTMENT_FILE]


def too_many_deletions(deleted: list[str], catalog: Catalog) -> str | None:
    """Why an import that deletes `deleted` is refused even with --delete, or None.

    More than half of the catalogue is never an edit: it is a workbook that lost its rows.
    """
    total = len(catalog.positions())
    if 2 * len(deleted) <= total:
        return None
    return (f"refused: this import deletes {len(deleted)} of the catalogue's {total} positions, "
            "more than half, so nothing was written, not even with --delete; if the workbook "
            "lost rows, export a fresh one; to retire so many positions, delete their YAML "
            "files")


def id_list(ids: list[str], shown: int = 10) -> str:
    """`a, b, c`, or the first `shown` of them and how many in all."""
    text = ", ".join(ids[:shown])
    return f"{text}, … ({len(ids)} in all)" if len(ids) > shown else text


def apply_import(changes: list[FileChange]) -> None:
    """Write the changes of `plan_import` to the catalogue folder."""
    write_files(changes)


def describe_changes(changes: list[FileChange]) -> str:
    """A summary line per file, what comments could not be kept, then a unified diff."""
    lines = []
    for change in changes:
        lines.append(f"{change.summary()}\n")
        lost = "; ".join(change.lost_comments)
        if change.lost_comments and change.new is None:
            lines.append(f"  {len(change.lost_comments)} comment(s) are lost with it: {lost} (a "
                         "renamed position keeps its file's comments when its title stays the "
                         "same)\n")
        elif change.lost_comments:
            lines.append(f"  {len(change.lost_comments)} comment(s) could not be kept "
                         f"(they belonged to removed or replaced values): {lost}\n")
    return "".join(lines) + "".join(c.diff() for c in changes)


def _change(path: Path, old: str | None, new: str | None,
            lost: list[str] | None = None) -> FileChange:
    return FileChange(path, display_path(path), old, new, lost or [])


def _check_result(root: Path, changes: list[FileChange]) -> None:
    """Load the catalogue as it would be after `changes`, from a temporary copy."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "catalog"
        shutil.copytree(root, copy)
        for change in changes:
            target = copy / change.path.relative_to(root)
            if change.moved_from:
                (copy / change.moved_from.relative_to(root)).unlink()
            if change.new is None:
                target.unlink()
            else:
                target.write_text(change.new, encoding="utf-8")
        try:
            load_catalog(copy)
        except CatalogError as exc:
            raise CatalogError([*exc.errors, Problem(display_path(root), 0, "", "the imported "
                                "catalogue would not load; nothing was written (this is a bug "
                                "in the import, please report it)")]) from None
