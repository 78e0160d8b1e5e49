"""The workbook's sheets, and every column as one field: written from the catalogue, read back.

A column says where its value comes from (`source`, read by the writer, write.py) and where a
cell's value goes in the position's YAML data (`to`, read by the reader, assemble.py). Adding a
field to the workbook is one entry here (and its key in the position schema, which also gives
the order of a file's keys).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..export import catalog_to_data, to_json
from ..messages import _
from ..model import GROUP_NAMES, Catalog, Department, Position
from ..scales import scale_to_text, text_to_scale

TEXT, NUMBER, WHOLE, COMPUTED = "text", "number", "whole", "computed"
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell, both ways
OMIT = "omit"  # `empty=OMIT`: an empty cell leaves the key out of the data
FINGERPRINT = "catalog-fingerprint"  # the workbook property holding fingerprint()

# How the sheets look
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
COMPUTED_FONT = Font(italic=True, color="808080")
WARN_FILL = PatternFill("solid", fgColor="F8CBAD")
TOP = Alignment(vertical="top")
WRAP = Alignment(vertical="top", wrap_text=True)


@dataclass(frozen=True)
class Entry:
    """What one row of a sheet shows: a position (or a glossary entry) and a part of it."""

    position: Position | None = None
    department: Department | None = None
    item: Any = None  # the row's goal, monthly indicator, KPI or competency
    category: str = ""  # a goal's category
    group: str = ""  # a competency's group
    number: int = 0  # a KPI's number, a competency's place in its group (from 1)
    path: tuple = ()  # where `item` is in the position's data, e.g. ("kpis", 0)
    parent: Any = None  # a sub-item's goal
    slot: Any = None  # a competency's Slot: the source's spelling and its slot there

    def find(self, source: str) -> Any:
        """The value at the dotted `source`, e.g. `item.seed.goal`; None where a step is."""
        value: Any = self
        for part in source.split("."):
            if value is None:
                return None
            value = value.get(part) if isinstance(value, dict) else getattr(value, part)
        return value


@dataclass(frozen=True)
class Column:
    """A column of a sheet: `key` in the code, `header` in row 1, the kind of value it holds.

    Writing, the cell holds `source` of the row's Entry, through `write` if given (a COMPUTED
    column holds `formula(row)` instead). Reading, the cell's value goes to `to` in the data
    of the row's item, through `read` if given (a ValueError is the cell's problem); an empty
    cell gives `empty` (OMIT: the key is left out). A column with no `to` places the row (the
    position it belongs to, a list and a place in it): assemble.Gatherer reads those itself.
    """

    key: str
    header: str
    kind: str = TEXT
    width: int = 20
    wrap: bool = False
    tip: str = ""  # shown as the header cell's comment
    source: str = ""
    write: Callable[[Any], Any] | None = None
    to: tuple[str, ...] | None = None
    read: Callable[[Any], Any] | None = None
    empty: Any = OMIT
    formula: Callable[[int], str] | None = None

    def value(self, entry: Entry, row: int) -> Any:
        """What the cell of `entry` on sheet row `row` holds."""
        if self.formula is not None:
            return self.formula(row)
        value = entry.find(self.source)
        return self.write(value) if self.write is not None and value is not None else value


@dataclass(frozen=True)
class SheetSpec:
    name: str
    columns: tuple[Column, ...]
    freeze: str = "B2"

    def letter(self, key: str) -> str:
        """The column letter `key` has in an exported workbook."""
        for index, column in enumerate(self.columns, 1):
            if column.key == key:
                return get_column_letter(index)
        raise KeyError(key)


def fingerprint(catalog: Catalog) -> str:
    """A short hash of the catalogue's content, to tell whether it changed since an export."""
    return hashlib.sha256(to_json(catalog_to_data(catalog)).encode("utf-8")).hexdigest()[:16]


# ------------------------------------------------------------------------------ the layout

STATUS_LABELS = {"published": "已发布", "draft": "待补充"}
# 已发布 / 待补充 as the workbook shows the status, or the YAML's own words
STATUS_KEYS = {
    **{label: key for key, label in STATUS_LABELS.items()},
    **{k: k for k in STATUS_LABELS},
}


def _lines(text: str) -> list[str]:
    """One note per line of the cell, blank lines dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _scale(text: str) -> Any:
    scale, problem = text_to_scale(text)
    if problem:
        raise ValueError(
            _(
                "cannot read the scale {text}: {problem}; write tiers such as "
                "'>=100%=5; >?%=4; >99%=3; 否则=1' (否则手工: scored by hand below the tiers), "
                "or a named scale such as satisfaction-5",
                text=quoted(text),
                problem=problem,
            )
        )
    return scale


def quoted(value: Any, limit: int = 60) -> str:
    """A cell's value in quotes for a one-line message: on one line, and shortened."""
    text = " ".join(str(value).split())
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


def _text(key: str, header: str, width: int, required: bool = False, **more: Any) -> Column:
    """A wrapped text field of the row's item, `key` in the model and in the YAML."""
    return Column(
        key,
        header,
        TEXT,
        width,
        True,
        source=f"item.{key}",
        to=(key,),
        empty="" if required else OMIT,
        **more,
    )


def _seed(key: str, header: str, width: int = 30) -> Column:
    """The source document's own wording of field `key`."""
    return Column(
        f"seed.{key}",
        f"原文·{header}",
        TEXT,
        width,
        True,
        source=f"item.seed.{key}",
        to=("seed", key),
    )


def _position(
    key: str, header: str, kind: str = TEXT, width: int = 26, wrap: bool = True, **more: Any
) -> Column:
    """A field of the position itself, `key` in the model and in the YAML."""
    return Column(key, header, kind, width, wrap, source=f"position.{key}", to=(key,), **more)


def _weight_total(row: int) -> str:
    """The KPI weights of the position on `row`: shown to HR, never read back."""
    ids, weights = KPIS.letter("id"), KPIS.letter("weight")
    return (
        f"=SUMIF({KPIS.name}!${ids}:${ids},${POSITIONS.letter('id')}{row},"
        f"{KPIS.name}!${weights}:${weights})"
    )


SUB_ITEM = "子项"  # the 层级 of a goal's sub-item on the goals sheet (a goal's is empty)

# A table, laid out by hand: one line per field.
# fmt: off
UNCLEAR = _text("unclear", "存疑说明", 40)
POSITION_ID = Column("id", "岗位编号", TEXT, 28, source="position.id")

POSITIONS = SheetSpec("岗位", (
    Column("department", "部门", TEXT, 16, source="department.name"),
    Column("id", "岗位编号", TEXT, 28, source="position.id",
           tip="网页地址和 YAML 文件名：小写英文字母、数字和单个连字符，例如 fin-analyst"),
    _position("title", "岗位名称", empty=""),
    _position("status", "状态", width=10, wrap=False, write=STATUS_LABELS.__getitem__,
              read=lambda label: STATUS_KEYS.get(label, label), empty=None),
    _position("source_line", "原文行号", WHOLE, 10, False),
    _position("source_title", "原文岗位名称"),
    _position("title_inferred", "岗位名称推断说明", width=40),
    Column("weight_total", "KPI权重合计", COMPUTED, 12, formula=_weight_total,
           tip="公式，只供查看：导入时不读它，而是重新计算并检查权重"),
    _position("weights_total_note", "权重合计说明", width=36),
    _position("notes", "备注（一行一条）", width=90, write="\n".join, read=_lines,
              tip="一行一条备注（单元格内 Alt+Enter 换行）"),
), freeze="C2")
GOALS = SheetSpec("目标", (
    POSITION_ID,
    Column("category", "类别", TEXT, 18, source="category"),
    _text("goal", "目标", 44, required=True),
    _text("target", "目标值", 36),
    _seed("goal", "目标"), _seed("target", "目标值"), UNCLEAR,
    Column("level", "层级", TEXT, 8, source="parent", write=lambda _goal: SUB_ITEM,
           tip=f"留空：一个目标；{SUB_ITEM}：上方最近一个目标的子项（原文以 ü 标出），"
               "与它同一类别，只有一层"),
))
MONTHLY = SheetSpec("月度指标", (
    POSITION_ID,
    _text("indicator", "月度指标", 24, required=True),
    _text("target", "目标值", 20, required=True),
    _text("method", "考核方式", 30, required=True),
    _seed("indicator", "月度指标"), _seed("target", "目标值"), _seed("method", "考核方式"),
    UNCLEAR,
))
KPIS = SheetSpec("KPI", (
    POSITION_ID,
    Column("number", "序号", WHOLE, 7, source="number", tip="整数，决定该岗位 KPI 的先后顺序"),
    _text("name", "KPI名称", 40, required=True),
    Column("weight", "权重", NUMBER, 8, source="item.weight", to=("weight",), empty=None),
    _text("standard", "考核标准", 36),
    _text("method", "考核方式", 30),
    _text("scale", "评分档", 30, write=scale_to_text, read=_scale,
          tip="例如 >=100%=5; >?%=4; 否则=1（? 为原文缺失的阈值，否则手工 = 低于各档时手工评分），"
              "或命名评分档编号 satisfaction-5；留空表示没有"),
    _seed("name", "KPI名称"), _seed("weight", "权重", 10), _seed("standard", "考核标准"),
    _seed("method", "考核方式"), UNCLEAR,
))
COMPETENCIES = SheetSpec("能力态度", (
    POSITION_ID,
    Column("group", "组别", TEXT, 12, source="group", write=GROUP_NAMES.__getitem__),
    Column("order", "顺序", WHOLE, 7, source="number", tip="整数，决定该组别内的先后顺序"),
    Column("name", "名称", TEXT, 24, source="item.name", tip="从下拉列表（词汇表）中选择"),
    Column("seed", "原文写法", TEXT, 18, source="slot.seed", to=("seed",),
           tip="原文在这一格的写法，须是该项在 vocabulary.yaml 中的原文写法（seed）之一"),
    Column("slot", "原文格号", WHOLE, 9, source="slot.slot", to=("slot",),
           tip="只在原文前一格为空时填写：该项在原文中的格号（整数）；留空表示紧接上一项的下一格"),
))
VOCABULARY = SheetSpec("词汇", (  # written for the drop-down lists; never read back
    Column("id", "编号", TEXT, 26, source="item.id"),
    Column("name", "名称", TEXT, 18, source="item.name"),
    Column("kind", "类别", TEXT, 8, source="item.kind"),
    Column("definition", "定义（在 vocabulary.yaml 中编辑）", TEXT, 90, True,
           source="item.definition"),
))
GUIDE = "说明"
DATA_SHEETS = (POSITIONS, GOALS, MONTHLY, KPIS, COMPETENCIES)
SHEET_ORDER = (GUIDE, *(s.name for s in DATA_SHEETS), VOCABULARY.name)
# fmt: on
