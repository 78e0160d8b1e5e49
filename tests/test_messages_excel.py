"""The Excel round trip's messages in Chinese (the rest of the suite pins the English): the
workbook file, its sheets, columns and cells, each row's position, scale cells, the export,
the import plan and the import command; sheet!cell references, paths and values unchanged."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REAL_CATALOG, ROOT
from openpyxl import load_workbook
from test_import_safety import KPI_PART, remove_positions, rewrite
from test_workbook import cell, copy_row, delete_column, edit, everywhere, export, merge, tree

from generator import load_catalog, messages
from generator.__main__ import main
from generator.catalog import display_path
from generator.errors import CatalogError
from generator.excel import apply, package
from generator.excel.plan import describe_changes, id_list, plan_import, too_many_deletions
from generator.excel.read import read_workbook
from generator.excel.write import write_workbook

M = "departments/sales/sales-manager.yaml"


@pytest.fixture(autouse=True)
def zh(monkeypatch):
    """Messages in Chinese, as the environment of an HR officer asks by default."""
    monkeypatch.setenv("POSITION_STANDARDS_LANG", "zh")
    messages.set_language(None)
    yield
    messages.set_language(None)  # `--lang` given to main() chooses for the whole process


@pytest.fixture
def book(mini, tmp_path) -> Path:
    return export("catalog", tmp_path / "hr.xlsx")


def errors(path: Path) -> list[str]:
    """The workbook's errors as the import prints them (warnings: see `warnings`)."""
    return [str(p) for p in read_workbook(path, "catalog").errors]


def warnings(path: Path) -> list[tuple[str, str]]:
    """(where, message) of each warning: the `warning:` word is not this module's."""
    return [(p.file, p.message) for p in read_workbook(path, "catalog").problems if p.warning]


def run_import(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    code = main(["import", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


def date(sheet: str, where: str):
    def step(book):
        book[sheet][where].value = datetime.date(2026, 3, 1)

    return step


def formula_error(sheet: str, where: str):
    def step(book):
        book[sheet][where].value = "#DIV/0!"  # openpyxl stores it as an error value

    return step


def hide_sheet(name: str, state: str):
    def step(book):
        book[name].sheet_state = state

    return step


def case(name, *steps, expect):
    return pytest.param(steps, expect, id=name)


# ---------------------------------------------------------------- cells, columns and rows

BROKEN = [
    # excel/rows.py: columns by header, cells by value
    case(
        "renamed-column",
        cell("KPI", "D1", "权重%"),
        expect=["KPI!D1: 缺少列 '权重'（这个位置的列标题是 '权重%'）"],
    ),
    case("deleted-column", delete_column("KPI", 4), expect=["KPI: 缺少列 '权重'"]),
    case(
        "column-twice",
        cell("KPI", "M1", "权重"),
        expect=["KPI!M1: 列 '权重' 出现了两次（另一次在 D1）"],
    ),
    case(
        "merged-cells",
        merge("KPI", "A2:A3"),
        expect=["KPI!A2:A3: 合并单元格：请取消合并单元格，并在每个单元格中填写内容"],
    ),
    case(
        "formula",
        cell("KPI", "D2", "=30+30"),
        expect=["KPI!D2: 这里应填值，却是公式（=30+30）；请直接填写值本身"],
    ),
    case(
        "error-value",
        formula_error("目标", "D2"),
        expect=["目标!D2: 单元格显示错误 #DIV/0!；请直接填写值本身"],
    ),
    case(
        "date-for-a-number",
        date("KPI", "D2"),
        expect=["KPI!D2: 应填数字，却是日期或时间；请把单元格格式设为“文本”，再重新输入"],
    ),
    case(
        "date-for-a-text",
        date("目标", "D2"),
        expect=["目标!D2: 应填文本，却是日期或时间；请把单元格格式设为“文本”，再重新输入"],
    ),
    case(
        "sheet-too-long",
        cell("KPI", "A250001", "sales-manager"),
        expect=["KPI: 工作表用到了第 250,001 行，超过了 200,000 行的上限；请删除数据下方的行"],
    ),
    case(
        "sheet-too-wide",
        cell("KPI", "CW2", "x"),
        expect=["KPI: 工作表用到了 CW 列，超过了 100 列的上限；请删除数据右侧的列"],
    ),
    # excel/read.py: the sheets
    case(
        "missing-sheet",
        lambda b: b.remove(b["目标"]),
        expect=["目标: 缺少这张工作表；工作簿需要这些工作表：岗位, 目标, 月度指标, KPI, 能力态度"],
    ),
    case(
        "renamed-sheet",
        lambda b: setattr(b["KPI"], "title", "KPI指标"),
        expect=[
            (
                "KPI: 缺少这张工作表（是不是改名为 'KPI指标' 了？）；"
                "工作簿需要这些工作表：岗位, 目标, 月度指标, KPI, 能力态度"
            )
        ],
    ),
    case(
        "hidden-sheet",
        hide_sheet("KPI", "hidden"),
        expect=[
            (
                "KPI: 工作表被隐藏了；导入时隐藏的工作表也会读取，请先显示它"
                "（右键点击工作表标签 → 取消隐藏），检查其中的内容，再重新导入"
            )
        ],
    ),
    case(
        "very-hidden-sheet",
        hide_sheet("KPI", "veryHidden"),
        expect=[
            (
                "KPI: 工作表被深度隐藏了（由宏或其他程序设置，Excel 的菜单无法让它显示）；"
                "导入时隐藏的工作表也会读取，请重新导出一份工作簿，在新工作簿中修改"
            )
        ],
    ),
    case(
        "no-positions",
        lambda b: b["岗位"].delete_rows(2, b["岗位"].max_row),
        expect=[
            (
                "岗位: 表头下面没有任何岗位：导入它会删除所有岗位，因此没有读取任何内容"
                "（是不是删掉了这些行？请重新导出一份工作簿）"
            )
        ],
    ),
    # excel/assemble.py: each row's position and place
    case(
        "unknown-department",
        cell("岗位", "A2", "销售"),
        expect=[
            "岗位!A2: 未知部门 '销售'（是不是 '销售部'？）；现有部门（在 YAML 中维护）：销售部"
        ],
    ),
    case("missing-department", cell("岗位", "A2", None), expect=["岗位!A2: 缺少部门"]),
    case(
        "duplicate-position",
        copy_row("岗位", 3, 4),
        expect=["岗位!B4: 岗位 'sales-rep' 重复（第 3 行也有）"],
    ),
    case(
        "unsafe-position-id",
        everywhere("sales-manager", "Sales Manager"),
        expect=[
            (
                "岗位!B2: 'Sales Manager' 不能用作岗位编号：只能用小写英文字母、数字和单个连字符，"
                "例如 fin-analyst"
            )
        ],
    ),
    case(
        "unknown-status",
        cell("岗位", "D2", "发布"),
        expect=["岗位!D2: 应填“已发布”或“待补充”，实际为 '发布'"],
    ),
    case(
        "empty-status",
        cell("岗位", "D2", None),
        expect=["岗位!D2: 应填“已发布”或“待补充”，但单元格是空的"],
    ),
    case(
        "missing-position-id-in-goals",
        cell("目标", "A3", None),
        expect=["目标!A3: 缺少岗位编号（“岗位编号”列）"],
    ),
    case(
        "unknown-position-in-kpis",
        cell("KPI", "A3", "sales-mgr"),
        cell("KPI", "D2", 100),
        expect=["KPI!A3: 未知岗位 'sales-mgr'：岗位表中没有这个岗位（是不是 'sales-manager'？）"],
    ),
    case(
        "second-monthly-indicator",
        copy_row("月度指标", 2, 3),
        expect=[
            "月度指标!A3: 岗位 'sales-manager' 在第 2 行已有月度指标；每个岗位最多一行月度指标"
        ],
    ),
    case(
        "kpi-number-twice",
        cell("KPI", "B3", 1),
        expect=["KPI!B3: 1 在岗位 'sales-manager' 中用了两次（另一次在第 2 行）"],
    ),
    case(
        "kpi-number-text",
        cell("KPI", "B3", "第二"),
        expect=["KPI!B3: 应填从 1 开始的整数（KPI 在本岗位中的排序），实际为 '第二'"],
    ),
    case(
        "competency-order-empty",
        cell("能力态度", "C2", None),
        expect=["能力态度!C2: 应填从 1 开始的整数（该项在所属组别中的排序），但单元格是空的"],
    ),
    case(
        "unknown-group",
        cell("能力态度", "B2", "核心"),
        expect=["能力态度!B2: 应填以下一项：核心能力, 参考能力, 态度；实际为 '核心'"],
    ),
    case(
        "unknown-competency",
        cell("能力态度", "D2", "团队精神"),
        expect=[
            "能力态度!D2: 未知的能力态度名称 '团队精神'：词汇表中没有这一项（是不是 '团队合作'？）"
        ],
    ),
    case(
        "empty-competency",
        cell("能力态度", "D2", None),
        expect=["能力态度!D2: 应填词汇表中的名称，但单元格是空的"],
    ),
    # excel/layout.py and scales.py: a scale cell
    case(
        "scale-not-a-tier",
        cell("KPI", "G2", ">120%5"),
        expect=[
            (
                "KPI!G2: 无法识别评分档 '>120%5'：'>120%5' 不是有效的一档，应写成 '>120%=5' 这样；"
                "请逐档填写，例如 '>=100%=5; >?%=4; >99%=3; 否则=1'（写“否则手工”表示低于各档时"
                "手工评分），或填写命名评分档的编号，例如 satisfaction-5"
            )
        ],
    ),
    case(
        "scale-otherwise-first",
        cell("KPI", "G2", "否则=1; >120%=5"),
        expect=[
            (
                "KPI!G2: 无法识别评分档 '否则=1; >120%=5'：'否则=1' 必须写在最后；"
                "请逐档填写，例如 '>=100%=5; >?%=4; >99%=3; 否则=1'（写“否则手工”表示低于各档时"
                "手工评分），或填写命名评分档的编号，例如 satisfaction-5"
            )
        ],
    ),
    case(
        "scale-points-not-whole",
        cell("KPI", "G2", ">120%=4.5"),
        expect=[
            (
                "KPI!G2: 无法识别评分档 '>120%=4.5'：得分必须是整数，实际为 '4.5'；"
                "请逐档填写，例如 '>=100%=5; >?%=4; >99%=3; 否则=1'（写“否则手工”表示低于各档时"
                "手工评分），或填写命名评分档的编号，例如 satisfaction-5"
            )
        ],
    ),
    case(
        "scale-units-mixed",
        cell("KPI", "G2", ">120%=5; >100=3"),
        expect=[
            (
                "KPI!G2: 无法识别评分档 '>120%=5; >100=3'：各档的单位不一致（%, 无单位）；"
                "请逐档填写，例如 '>=100%=5; >?%=4; >99%=3; 否则=1'（写“否则手工”表示低于各档时"
                "手工评分），或填写命名评分档的编号，例如 satisfaction-5"
            )
        ],
    ),
    case(
        "scale-without-tiers",
        cell("KPI", "G2", "否则=1"),
        expect=[
            (
                "KPI!G2: 无法识别评分档 '否则=1'：其中没有任何一档；"
                "请逐档填写，例如 '>=100%=5; >?%=4; >99%=3; 否则=1'（写“否则手工”表示低于各档时"
                "手工评分），或填写命名评分档的编号，例如 satisfaction-5"
            )
        ],
    ),
]


@pytest.mark.parametrize("steps, expect", BROKEN)
def test_broken_workbook(book, steps, expect):
    edit(book, *steps)
    assert errors(book) == expect


@pytest.mark.parametrize(
    "steps, where, column",
    [
        ([cell("KPI", "D2", 50)], "岗位!H2", "“权重合计说明”（weights_total_note）"),
        ([cell("岗位", "D3", "已发布")], "岗位!D3", "“待补充”状态"),
    ],
    ids=["weights-total-note", "status-draft"],
)
def test_checks_of_the_yaml_files_name_the_workbook_columns(book, steps, where, column):
    """The checks' own messages (source/) name YAML keys; the workbook's columns replace them,
    with no space beside Chinese punctuation."""
    edit(book, *steps)
    [problem] = read_workbook(book, "catalog").errors
    assert problem.file == where
    assert column in problem.message
    assert f" {column[0]}" not in problem.message and f"{column[-1]} " not in problem.message
    assert "status: draft" not in problem.message


def test_warnings_on_what_is_imported_or_ignored(book):
    def careless(book):
        book["KPI"]["M1"].value = "我的备注"
        book["KPI"]["D2"].value, book["KPI"]["D3"].value = 70, 30
        book["KPI"].row_dimensions[3].hidden = True
        book["KPI"].column_dimensions["D"].hidden = True
        book.create_sheet("备份")

    edit(book, careless)
    assert errors(book) == []
    assert warnings(book) == [
        (
            "KPI",
            "隐藏的行和被筛选掉的行同样会导入（行号：3）；请显示这些行（取消隐藏、清除筛选）并检查",
        ),
        ("KPI", "隐藏的列同样会导入：D (权重)；请显示这些列（取消隐藏）并检查"),
        ("KPI!M1", "列 '我的备注' 不是本工作簿应有的列，已忽略"),
        ("备份", "这张工作表不是本工作簿应有的，已忽略"),
    ]


def test_many_hidden_rows_are_counted(book):
    def hide(book):
        for row in range(2, 14):
            book["目标"].row_dimensions[row].hidden = True
            book["目标"].cell(row, 1).value = "sales-rep"
            book["目标"].cell(row, 2).value = "客户类"
            book["目标"].cell(row, 3).value = f"目标{row}"

    edit(book, hide)
    assert warnings(book)[0] == (
        "目标",
        (
            "隐藏的行和被筛选掉的行同样会导入（行号：2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …（共 12 个））；"
            "请显示这些行（取消隐藏、清除筛选）并检查"
        ),
    )


def test_catalogue_changed_since_the_export(book, mini):
    mini.replace(M, "target: 100%完成", "target: 110%完成")
    assert warnings(book) == [
        (
            "hr.xlsx",
            (
                "导出这份工作簿之后，目录又有了改动（编辑过 YAML 文件，或之前导入过）；"
                "请检查下面列出的修改，确认没有撤销您想保留的内容"
            ),
        )
    ]


def test_broken_catalogue_is_fixed_first(book, mini):
    mini.replace(M, "weight: 60", "weight: 二十")
    assert errors(book)[-1] == "catalog: 目录有错误；请先改正，再导入工作簿"


# ------------------------------------------------------------------------ the file itself


@pytest.mark.parametrize(
    "make, expect",
    [
        pytest.param(
            lambda p: p.write_text("position,title\n", encoding="utf-8"),
            "hr.xlsx: 不是 .xlsx 工作簿（文件不是 zip 压缩包）；请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”",
            id="not-a-zip",
        ),
        pytest.param(
            lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
            "hr.xlsx: 这是旧版 .xls 工作簿，或设置了密码的工作簿；"
            "请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”，不要设置密码",
            id="old-xls-or-encrypted",
        ),
        pytest.param(
            lambda p: (p.unlink(), p.mkdir()),
            "hr.xlsx: 这是一个文件夹，不是工作簿文件",
            id="folder",
        ),
        pytest.param(lambda p: p.unlink(), "hr.xlsx: 文件不存在", id="missing"),
        pytest.param(
            lambda p: p.open("r+b").truncate(32 * 2**20 + 1),
            "hr.xlsx: 文件有 33,554,433 字节，超过了工作簿 33,554,432 字节（32 MiB）的大小上限",
            id="too-large",
        ),
        pytest.param(
            lambda p: rewrite(
                p, "xl/styles.xml", lambda d: b"<styleSheet><cellXfs count='1'/></styleSheet>"
            ),
            "hr.xlsx: 无法读取工作簿：单元格样式 xl/styles.xml 无法读取"
            "（IndexError: list index out of range）；请在 Excel 中重新保存，或重新导出一份",
            id="styles-nonsense",
        ),
        pytest.param(
            lambda p: rewrite(p, KPI_PART, lambda d: b'<!DOCTYPE x [<!ENTITY a "a">]>' + d),
            "hr.xlsx: KPI: 工作表声明了 XML 实体（<!DOCTYPE>），正常的 .xlsx 文件不会这样；"
            "请重新导出一份工作簿",
            id="entity-declaration",
        ),
        pytest.param(
            lambda p: rewrite(
                p,
                KPI_PART,
                lambda d: d.replace(
                    b"</sheetData>",
                    b'</sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>',
                ),
            ),
            "hr.xlsx: KPI!A1:XFD1048576: 合并单元格覆盖了 17,179,869,184 个单元格，"
            "超过了一个工作簿中合并单元格和超链接区域合计 100,000 个单元格的上限；请取消合并单元格",
            id="merged-range-bomb",
        ),
        pytest.param(
            lambda p: rewrite(p, KPI_PART, lambda d: d + b" " * 4 * 2**20),
            f"hr.xlsx: KPI: {KPI_PART} 解压后超过压缩后大小的 100 倍，超出了单个部分的上限；"
            "请重新导出一份工作簿",
            id="packing-ratio",
        ),
    ],
)
def test_file_that_cannot_be_read(book, make, expect):
    make(book)
    assert errors(book) == [expect]


def test_truncated_sheet_names_the_last_cell_read(book):
    rewrite(book, KPI_PART, lambda d: d[: d.index(b'<c r="C3"') + 5])
    [problem] = errors(book)
    before, _, after = problem.partition("unclosed token: line 1, column ")
    assert before == f"hr.xlsx: KPI!B3: 工作表在此单元格或其后已损坏（{KPI_PART}："
    assert after.split("）", 1)[1] == "；请在 Excel 中重新保存，或重新导出一份"


def test_file_the_system_refuses_to_read(book, monkeypatch):
    def refuse(handle, limit):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(package, "read_at_most", refuse)
    assert errors(book) == ["hr.xlsx: 无法读取文件：没有权限"]


def test_too_many_cells(book, monkeypatch):
    monkeypatch.setattr(package, "MAX_CELLS", 100)
    assert errors(book) == [
        "hr.xlsx: 岗位: 工作簿的单元格超过了 100 个的上限；请重新导出一份工作簿"
    ]


def test_cell_longer_than_excel_allows(book):
    rewrite(book, KPI_PART, lambda d: d.replace("部门业绩".encode(), ("长" * 40_000).encode(), 1))
    assert errors(book) == ["KPI!C2: 有 40,000 个字符，超过了单元格 32,767 个字符的上限"]


# ----------------------------------------------------------------------------- the export


def test_export_refuses_text_longer_than_a_cell(mini, tmp_path):
    mini.replace(M, 'standard: ">120%为5"', f"standard: {'长' * 32_768}")
    with pytest.raises(CatalogError) as refused:
        write_workbook(load_catalog("catalog"), tmp_path / "hr.xlsx")
    assert [str(p) for p in refused.value.problems] == [
        (
            "catalog/departments/sales/sales-manager.yaml: kpis[0] (部门业绩).standard: "
            "有 32,768 个字符，超过了 Excel 单元格最多能容纳的 32,767 个；请缩短（否则工作簿会截断它）"
        )
    ]


# ------------------------------------------------------------------------ the import plan


def test_the_plan_says_each_change(book, mini):
    mini.replace(M, "weight: 60", "weight: 60  # agreed with sales")
    mini.replace(M, "    - accuracy\n", "    - accuracy  # 参考\n")
    path = export("catalog", book)
    edit(
        path,
        everywhere("sales-manager", "sales-head"),
        lambda b: b["能力态度"].delete_rows(3),  # accuracy, with its comment
        lambda b: b["岗位"].delete_rows(3),  # sales-rep
    )
    changes = plan_import(read_workbook(path, "catalog"))
    assert describe_changes(changes).split("--- ")[0].splitlines() == [
        "修改 catalog/departments/sales/_department.yaml",
        (
            "改名 catalog/departments/sales/sales-manager.yaml -> "
            "catalog/departments/sales/sales-head.yaml（岗位名称同为“销售部经理”，原文件的注释会保留）"
        ),
        "  1 条注释无法保留（它们属于已删除或已替换的值）：# 参考",
        "删除 catalog/departments/sales/sales-rep.yaml",
    ]


def test_the_plan_says_the_comments_a_deleted_file_takes_along(book, mini):
    mini.replace(M, "weight: 60", "weight: 60  # agreed with sales")
    path = export("catalog", book)
    edit(path, everywhere("sales-manager", "sales-head"), cell("岗位", "C2", "销售部主管"))
    lines = describe_changes(plan_import(read_workbook(path, "catalog"))).splitlines()
    assert lines[:4] == [
        "修改 catalog/departments/sales/_department.yaml",
        "新建 catalog/departments/sales/sales-head.yaml",
        "删除 catalog/departments/sales/sales-manager.yaml",
        "  1 条注释会随之丢失：# agreed with sales（改岗位编号时，只要岗位名称不变，原文件的注释就会保留）",
    ]


def test_a_position_moved_to_another_department(tmp_path):
    copy = tmp_path / "catalog"
    shutil.copytree(REAL_CATALOG, copy)
    path = export(copy, tmp_path / "hr.xlsx")
    book = load_workbook(path)
    row = next(r for r in book["岗位"].iter_rows(min_row=2) if r[1].value == "fin-analyst")
    row[0].value = "人事行政部"
    book.save(path)
    [moved] = [c for c in plan_import(read_workbook(path, copy)) if c.moved_from]
    assert moved.summary().replace(display_path(copy), "catalog") == (
        "移动 catalog/departments/finance/fin-analyst.yaml -> "
        "catalog/departments/hr-admin/fin-analyst.yaml"
    )


def test_too_many_deletions_and_long_id_lists():
    catalog = load_catalog(REAL_CATALOG)
    ids = [p.id for p in catalog.positions()]
    assert too_many_deletions(ids[:22], catalog) == (
        "已拒绝：本次导入会删除目录全部 42 个岗位中的 22 个，超过一半，因此没有写入任何文件，"
        "加 --delete 也不行；如果是工作簿丢失了行，请重新导出一份；"
        "如果确实要撤销这么多岗位，请直接删除它们的 YAML 文件"
    )
    assert id_list([f"p{i}" for i in range(12)]) == (
        "p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, …（共 12 个）"
    )


# --------------------------------------------------------------------- the import command


def test_dry_run_then_write(book, mini, capsys):
    edit(book, cell("KPI", "D2", 70), cell("KPI", "D3", 30))
    before = tree(mini.root)
    code, out, err = run_import(capsys, str(book), "--lang", "zh")
    assert (code, err) == (0, [])
    assert out[0] == "修改 catalog/departments/sales/sales-manager.yaml"
    assert (
        out[1] == "--- a/catalog/departments/sales/sales-manager.yaml"
    )  # a diff as diff writes it
    assert out[-1] == "试运行：将修改 1 个文件；没有写入任何文件。要写入，请加 --write 重新运行。"
    assert tree(mini.root) == before
    code, out, err = run_import(capsys, str(book), "--write")
    assert (code, err, out[-1]) == (0, [], "已写入 1 个文件")
    code, out, _ = run_import(capsys, str(book))  # (and a warning: the catalogue has changed)
    assert (code, out) == (0, ["没有修改：目录已与工作簿一致"])


def test_deleting_positions(book, mini, capsys):
    edit(book, lambda b: b["岗位"].delete_rows(3))  # sales-rep
    code, out, err = run_import(capsys, str(book))
    assert (code, err) == (0, [])
    assert out[-1] == (
        "试运行：将修改 2 个文件，其中删除 1 个岗位：sales-rep；没有写入任何文件。"
        "要写入，请加 --write --delete 重新运行。"
    )
    code, out, err = run_import(capsys, str(book), "--write")
    assert code == 1
    assert err == [
        (
            "已拒绝：本次导入会删除 1 个岗位：sales-rep；没有写入任何文件。"
            "如果确实要删除，请加 --write --delete 重新运行。"
        )
    ]


def test_deleting_most_of_the_catalogue_is_refused(tmp_path, capsys):
    copy = tmp_path / "catalog"
    shutil.copytree(REAL_CATALOG, copy)
    path = export(copy, tmp_path / "hr.xlsx")
    ids = [row[1].value for row in load_workbook(path)["岗位"].iter_rows(min_row=2)]
    edit(path, remove_positions(set(ids[:22])))
    code, _, err = run_import(capsys, str(path), "--catalog", str(copy), "--write", "--delete")
    assert code == 1
    assert err[-1].startswith("已拒绝：本次导入会删除目录全部 42 个岗位中的 22 个，超过一半，")


def test_errors_are_printed_in_chinese_then_the_count(book, capsys):
    edit(book, cell("KPI", "B3", "第二"), cell("岗位", "D2", "发布"))
    code, out, err = run_import(capsys, str(book), "--write")
    assert (code, out) == (1, [])
    assert err[:2] == [
        "岗位!D2: 应填“已发布”或“待补充”，实际为 '发布'",
        "KPI!B3: 应填从 1 开始的整数（KPI 在本岗位中的排序），实际为 '第二'",
    ]
    assert err[2:] == ["共 2 个错误；没有写入任何文件。"]  # the command line's own message


def test_a_file_that_cannot_be_written(book, mini, capsys, monkeypatch):
    def refuse(changes):
        raise PermissionError(13, "Permission denied", "catalog/departments/sales/x.yaml")

    monkeypatch.setattr(apply, "apply_import", refuse)
    edit(book, cell("KPI", "D2", 70), cell("KPI", "D3", 30))
    code, _, err = run_import(capsys, str(book), "--write")
    assert (code, err) == (1, ["catalog/departments/sales/x.yaml: 无法写入：没有权限"])


def test_the_real_entry_point_in_both_languages(book, mini):
    edit(book, cell("KPI", "D2", "=30+30"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(*args: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-m", "generator", "import", str(book), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            check=False,
        )
        assert (done.returncode, done.stdout) == (1, "")
        return done.stderr.splitlines()[:-1]

    env.pop("POSITION_STANDARDS_LANG")
    assert run() == ["KPI!D2: 这里应填值，却是公式（=30+30）；请直接填写值本身"]  # the default
    assert run("--lang", "en") == [
        "KPI!D2: a formula where a value belongs (=30+30); type the value itself"
    ]
    env["LANGUAGE"] = "en_US:en"
    assert run() == ["KPI!D2: a formula where a value belongs (=30+30); type the value itself"]
    assert run("--lang", "zh") == ["KPI!D2: 这里应填值，却是公式（=30+30）；请直接填写值本身"]
