"""The workbook's 说明 sheet: how to edit it, and the lists its drop-downs offer."""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ..model import GROUP_NAMES, GROUPS, Catalog
from .layout import GUIDE, HEADER_FONT, STATUS_LABELS, SUB_ITEM, TOP, WRAP


def write_guide(sheet: Worksheet, catalog: Catalog, stamp: str) -> dict[str, str]:
    """The 说明 sheet: how to edit, and the lists the drop-downs offer; returns their ranges."""
    company = catalog.company
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 110
    lines: list[tuple[Any, Any]] = [
        ("岗位标准目录 · Excel 编辑表", None),
        ("导出自", exported_from(catalog, stamp)),
        (None, None),
        ("怎样编辑", None),
        *((str(i), text) for i, text in enumerate(_HOW_TO, 1)),
        (None, None),
        (
            "评分档的写法",
            (
                "一格写完整个评分档：各档按顺序用分号隔开，每档写「比较符 数值 单位 = 得分」，"
                "最后写低于各档时的得分，例如 >=100%=5; >?%=4; >99%=3; 否则=1。"
                "? 表示原文缺失的阈值；「否则手工」表示低于各档时由经理手工评分。"
                "也可以只写命名评分档的编号（见下表）。留空表示没有可机读的评分档。"
            ),
        ),
        (None, None),
    ]
    for row, (label, text) in enumerate(lines, 1):
        sheet.cell(row, 1, label).font = Font(bold=True, size=14 if row == 1 else 11)
        sheet.cell(row, 2, text).alignment = WRAP
        sheet.cell(row, 1).alignment = TOP
    ranges: dict[str, str] = {}
    tables = [
        (
            "department",
            "部门（在各部门的 _department.yaml 中维护）",
            "部门编号",
            [(d.name, d.id) for d in catalog.departments],
        ),
        (
            "category",
            "目标类别（在 company.yaml 中维护）",
            "",
            [(c, None) for c in company.goal_categories],
        ),
        ("status", "状态", "YAML 中的写法", [(label, key) for key, label in STATUS_LABELS.items()]),
        (
            "group",
            "能力态度组别",
            "可选的类别",
            [(GROUP_NAMES[g], "能力" if g != "attitude" else "态度") for g in GROUPS],
        ),
        (
            "scale",
            "命名评分档（在 company.yaml 中维护）",
            "名称",
            [(s.id, s.name) for s in company.scoring.scales.values()],
        ),
    ]
    row = len(lines) + 1
    for key, title, second, items in tables:
        sheet.cell(row, 1, title).font = HEADER_FONT
        sheet.cell(row, 2, second or None).font = HEADER_FONT
        first = row + 1
        for offset, (value, other) in enumerate(items, first):
            sheet.cell(offset, 1, value).data_type = "s"
            sheet.cell(offset, 2, other)
        ranges[key] = f"'{GUIDE}'!$A${first}:$A${max(first, first + len(items) - 1)}"
        row = first + len(items) + 1
    sheet.cell(row, 1, "各列对应的 YAML 字段").font = HEADER_FONT
    for offset, (column, meaning) in enumerate(_COLUMN_FIELDS, row + 1):
        sheet.cell(offset, 1, column)
        sheet.cell(offset, 2, meaning).alignment = WRAP
    return ranges


def exported_from(catalog: Catalog, stamp: str) -> str:
    """The guide's line saying which catalogue the workbook holds."""
    company = catalog.company
    return (
        f"{company.name}《{company.document}》 版本 {company.version}，"
        f"生效日期 {company.effective_date}；目录指纹 {stamp}"
    )


_HOW_TO = [
    "每张表第一行是列标题：不要改名、删除或合并标题。可以调整列宽、筛选；目标表按行的先后排列，不要排序。",
    (
        "岗位表每行一个岗位。岗位编号是网页地址和 YAML 文件名，只能用小写英文字母、数字和单个连字符，"
        "例如 fin-analyst。新增岗位就新增一行；删除一行即删除该岗位（导入时先列出将删除的岗位，"
        "加 --delete 才会删除；一次不能删除半数以上的岗位）。改岗位编号时保持岗位名称不变，原文件的注释会保留。"
    ),
    "其他各表的每一行用「岗位编号」指向岗位表中的岗位。每个岗位最多一行月度指标。",
    (
        f"目标表的「层级」留空表示一个目标；填「{SUB_ITEM}」表示它是上方最近一个目标（同一岗位、同一类别）"
        "的子项（原文以 ü 标出），子项下面不能再有子项。"
    ),
    "KPI 按「序号」排列，能力态度在各组别内按「顺序」排列（整数，同一岗位内不可重复）。",
    "空行会被忽略：可以用空行分隔岗位；要删除一条 KPI 或目标，清空或删除整行即可。",
    (
        "不要合并单元格，不要在数据格中写公式。「KPI权重合计」列是公式，只供查看：导入时不读它，"
        "而是重新计算并检查权重（已发布岗位的权重应合计为 100；原文如此时在「权重合计说明」中写明原因）。"
    ),
    "「原文·…」列保存原文（有缺字的）写法，「存疑说明」说明为何按原文保留；「备注」每行一条。",
    (
        "能力态度表的「原文写法」是原文在这一格的写法，须是该项在 vocabulary.yaml 中的原文写法之一；"
        "「原文格号」只在原文前一格为空时填写，留空表示紧接上一项的下一格。"
    ),
    (
        "能力态度的名称请从下拉列表中选择。「词汇」表只读：能力和态度的定义在 vocabulary.yaml 中编辑。"
        "部门、目标类别和评分规则等公司设置在 company.yaml 中维护，不在本表中修改。"
    ),
    (
        "导入：python -m generator import 本文件.xlsx 先检查全部内容并列出将要修改的文件，不写入任何文件；"
        "确认无误后加 --write 写入。有任何错误时不会写入；有隐藏的工作表时也不会导入：请先取消隐藏并检查。"
    ),
]

_COLUMN_FIELDS = [
    ("岗位 · 部门 / 岗位编号", "文件 departments/<部门编号>/<岗位编号>.yaml"),
    (
        "岗位 · 岗位名称 / 状态 / 原文行号",
        "title / status (已发布 = published, 待补充 = draft) / source_line",
    ),
    ("岗位 · 原文岗位名称 / 岗位名称推断说明", "source_title / title_inferred"),
    ("岗位 · 权重合计说明 / 备注", "weights_total_note / notes"),
    ("目标 · 类别 / 目标 / 目标值", "goals.<类别>[].goal / target"),
    (f"目标 · 层级 {SUB_ITEM}", "goals.<类别>[].items[]（其余各列同目标）"),
    ("月度指标 · 月度指标 / 目标值 / 考核方式", "monthly.indicator / target / method"),
    (
        "KPI · KPI名称 / 权重 / 考核标准 / 考核方式 / 评分档",
        "kpis[].name / weight / standard / method / scale",
    ),
    ("能力态度 · 核心能力 / 参考能力 / 态度", "competencies.core / reference / attitude"),
    ("能力态度 · 原文写法 / 原文格号", "competencies.<组别>[].seed / slot"),
    ("…· 原文·… / 存疑说明", "seed.<字段> / unclear"),
]
