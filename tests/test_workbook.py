"""The Excel round trip: export, edit in a spreadsheet, import back into the YAML."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest
from conftest import REAL_CATALOG
from openpyxl import load_workbook

from generator import load_catalog
from generator.__main__ import main
from generator.catalog import display_path
from generator.errors import CatalogError
from generator.excel.apply import apply_import
from generator.excel.layout import COMPETENCIES, DATA_SHEETS, GOALS, KPIS, MONTHLY, POSITIONS
from generator.excel.plan import plan_import
from generator.excel.read import read_workbook
from generator.excel.write import write_workbook
from generator.export import catalog_to_data, to_json
from generator.model import NamedScale, Tier, TierScale
from generator.scales import scale_to_text, text_to_scale
from generator.source.schema import SCHEMA_DIR

WEIGHTS_NOTE = (
    "KPI weights add to 90, not 100; correct them, or if the source itself differs "
    "say why in 权重合计说明 (weights_total_note)"
)


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` with its content, to show that nothing was written."""
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def export(catalog_dir: Path | str, path: Path) -> Path:
    write_workbook(load_catalog(catalog_dir), path)
    return path


def edit(path: Path, *steps) -> None:
    """Change the workbook at `path` as someone in Excel would."""
    book = load_workbook(path)
    for step in steps:
        step(book)
    book.save(path)


def cell(sheet: str, where: str, value):
    def step(book):
        book[sheet][where].value = value

    return step


def problems(path: Path, catalog_dir: Path | str = "catalog") -> list[str]:
    return [str(p) for p in read_workbook(path, catalog_dir).problems]


@pytest.fixture
def book(mini, tmp_path) -> Path:
    """The mini catalogue exported to a workbook next to it."""
    return export("catalog", tmp_path / "hr.xlsx")


# --------------------------------------------------------------------------- the round trip


def test_real_catalogue_round_trip_is_lossless(tmp_path):
    """Export -> import into a catalogue whose positions were emptied -> the same catalogue."""
    original = load_catalog(REAL_CATALOG)
    path = export(REAL_CATALOG, tmp_path / "hr.xlsx")
    copy = tmp_path / "catalog"
    shutil.copytree(REAL_CATALOG, copy)
    assert plan_import(read_workbook(path, copy)) == []  # unchanged: no file is touched
    for position in copy.glob("departments/*/*.yaml"):
        if position.name != "_department.yaml":
            position.write_text("title: 待定\nstatus: draft\n", encoding="utf-8")
    imported = read_workbook(path, copy)
    assert [str(p) for p in imported.errors] == []
    changes = plan_import(imported)
    assert len(changes) == len(original.positions())
    apply_import(changes)
    again = load_catalog(copy)
    assert to_json(catalog_to_data(again)) == to_json(catalog_to_data(original))
    write_workbook(again, tmp_path / "again.xlsx")
    assert plan_import(read_workbook(tmp_path / "again.xlsx", REAL_CATALOG)) == []


def test_unchanged_workbook_changes_nothing(book, mini):
    before = tree(mini.root)
    assert main(["import", str(book), "--write"]) == 0
    assert tree(mini.root) == before


def test_layout(book):
    sheets = load_workbook(book)
    assert sheets.sheetnames == ["说明", "岗位", "目标", "月度指标", "KPI", "能力态度", "词汇"]
    kpis = sheets["KPI"]
    assert [c.value for c in kpis[1]] == [
        "岗位编号",
        "序号",
        "KPI名称",
        "权重",
        "考核标准",
        "考核方式",
        "评分档",
        "原文·KPI名称",
        "原文·权重",
        "原文·考核标准",
        "原文·考核方式",
        "存疑说明",
    ]
    assert kpis.freeze_panes == "B2" and sheets["岗位"].freeze_panes == "C2"
    # the columns added for sub-items and slot spellings come last: the others keep their place
    assert [c.value for c in sheets["目标"][1]][-2:] == ["存疑说明", "层级"]
    assert [c.value for c in sheets["能力态度"][1]] == [
        "岗位编号",
        "组别",
        "顺序",
        "名称",
        "原文写法",
        "原文格号",
    ]
    assert [c.value for c in kpis[2]][:7] == [
        "sales-manager",
        1,
        "部门业绩",
        60,
        ">120%为5",
        "根据业绩核算结果",
        ">120%=5; 否则手工",
    ]
    assert sheets["岗位"]["H2"].value == "=SUMIF(KPI!$A:$A,$B2,KPI!$D:$D)"
    names = [v.formula1 for v in sheets["能力态度"].data_validations.dataValidation]
    assert "'词汇'!$B$2:$B$4" in names
    assert sheets["词汇"].protection.sheet


def test_every_field_read_back_has_its_place_in_the_position_schema():
    """The reader orders a file's keys by the schema, and the checks know only its fields."""
    schema = json.loads((SCHEMA_DIR / "position.schema.json").read_text(encoding="utf-8"))
    items = {
        POSITIONS.name: schema,
        MONTHLY.name: schema["properties"]["monthly"],
        GOALS.name: schema["properties"]["goals"]["additionalProperties"]["items"],
        KPIS.name: schema["properties"]["kpis"]["items"],
        COMPETENCIES.name: schema["$defs"]["competency"]["oneOf"][1],  # {id, seed, slot}
    }
    for spec in DATA_SHEETS:
        for column in spec.columns:
            if column.to is None:
                continue
            node = items[spec.name]
            for key in column.to:
                assert key in node.get("properties", {}), f"{spec.name}: {column.header}"
                node = node["properties"][key]


def test_text_longer_than_a_cell_holds_is_refused_not_cut(mini, tmp_path):
    mini.replace(
        "departments/sales/sales-manager.yaml", 'standard: ">120%为5"', f"standard: {'长' * 32_768}"
    )
    mini.replace(
        "vocabulary.yaml", "definition: 与同事配合完成共同目标。", f"definition: {'义' * 40_000}"
    )
    mini.replace(
        "departments/sales/sales-rep.yaml", "title: 销售部销售代表", f"title: {'名' * 32_767}"
    )
    catalog = load_catalog("catalog")
    with pytest.raises(CatalogError) as refused:
        write_workbook(catalog, tmp_path / "hr.xlsx")
    assert [str(p) for p in refused.value.problems] == [
        "catalog/departments/sales/sales-manager.yaml: kpis[0] (部门业绩).standard: 32,768 characters, more than the 32,767 an Excel cell holds; shorten it (the workbook would cut it)",
        "catalog/vocabulary.yaml: competencies[0] (teamwork).definition: 40,000 characters, more than the 32,767 an Excel cell holds; shorten it (the workbook would cut it)",
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["catalog"]  # nothing written, not even in part
    mini.replace("departments/sales/sales-manager.yaml", "长" * 32_768, "长" * 32_767)
    mini.replace("vocabulary.yaml", "义" * 40_000, "义")
    book = load_workbook(export("catalog", tmp_path / "hr.xlsx"))  # the limit itself is fine
    assert len(book["KPI"]["E2"].value) == len(book["岗位"]["C3"].value) == 32_767


# ------------------------------------------------------------------------ broken workbooks


def delete_sheet(name):
    def step(book):
        del book[name]

    return step


def rename_sheet(name, new):
    def step(book):
        book[name].title = new

    return step


def merge(sheet, cells):
    def step(book):
        book[sheet].merge_cells(cells)

    return step


def delete_column(sheet, index):
    def step(book):
        book[sheet].delete_cols(index)

    return step


def copy_row(sheet, source, target):
    def step(book):
        ws = book[sheet]
        for column in range(1, ws.max_column + 1):
            ws.cell(target, column).value = ws.cell(source, column).value

    return step


def everywhere(old, new):
    """Rename a position id on every sheet."""

    def step(book):
        for name in ("岗位", "目标", "月度指标", "KPI", "能力态度"):
            for row in book[name].iter_rows():
                for c in row:
                    if c.value == old:
                        c.value = new

    return step


def case(name, *steps, expect):
    return pytest.param(steps, expect, id=name)


BROKEN = [
    case(
        "weight-is-chinese-text",
        cell("KPI", "D2", "二十"),
        expect=[
            "KPI!D2: expected a number, got '二十'",
        ],
    ),
    case(
        "weight-negative",
        cell("KPI", "D2", -60),
        expect=[
            "KPI!D2: must be more than 0, got -60",
        ],
    ),
    case(
        "weights-do-not-add-up",
        cell("KPI", "D2", 50),
        expect=[
            f"岗位!H2: {WEIGHTS_NOTE}",
        ],
    ),
    case(
        "formula-for-a-weight",
        cell("KPI", "D2", "=30+30"),
        expect=[
            "KPI!D2: a formula where a value belongs (=30+30); type the value itself",
        ],
    ),
    case(
        "formula-for-a-text",
        cell("目标", "D3", '="100"&"%"'),
        expect=[
            '目标!D3: a formula where a value belongs (="100"&"%"); type the value itself',
        ],
    ),
    case(
        "merged-cells",
        merge("KPI", "A2:A3"),
        expect=[
            "KPI!A2:A3: merged cells: unmerge them (取消合并单元格) and fill in every cell",
        ],
    ),
    case(
        "missing-sheet",
        delete_sheet("目标"),
        expect=[
            "目标: missing sheet; the workbook needs the sheets 岗位, 目标, 月度指标, KPI, 能力态度",
        ],
    ),
    case(
        "renamed-sheet",
        rename_sheet("KPI", "KPI指标"),
        expect=[
            "KPI: missing sheet (was it renamed to 'KPI指标'?); the workbook needs the sheets 岗位, 目标, 月度指标, KPI, 能力态度",
            "KPI指标: warning: sheet is not part of the workbook; it was ignored",
        ],
    ),
    case(
        "renamed-column",
        cell("KPI", "D1", "权重%"),
        expect=[
            "KPI!D1: missing column '权重' (this header reads '权重%')",
        ],
    ),
    case(
        "deleted-column",
        delete_column("KPI", 4),
        expect=[
            "KPI: missing column '权重'",
        ],
    ),
    case(
        "unknown-competency-name",
        cell("能力态度", "D2", "团队精神"),
        expect=[
            "能力态度!D2: unknown competency '团队精神': not on the 词汇 sheet (did you mean '团队合作'?)",
        ],
    ),
    case(
        "attitude-in-core-abilities",
        cell("能力态度", "D2", "效率高"),
        expect=[
            "能力态度!D2: 'efficient' (效率高) is a 态度 item; 核心能力 takes 能力 items",
            "能力态度!D4: 'efficient' is listed twice (also in 核心能力)",
        ],
    ),
    case(
        "duplicate-position",
        copy_row("岗位", 3, 4),
        expect=[
            "岗位!B4: duplicate position 'sales-rep' (also on row 3)",
        ],
    ),
    case(
        "unknown-position-in-kpis",
        cell("KPI", "A3", "sales-mgr"),
        expect=[
            f"岗位!H2: {WEIGHTS_NOTE.replace('90', '60')}",
            "KPI!A3: unknown position 'sales-mgr': not on the 岗位 sheet (did you mean 'sales-manager'?)",
        ],
    ),
    case(
        "missing-position-id-in-goals",
        cell("目标", "A3", None),
        expect=[
            "目标!A3: missing position id (岗位编号)",
        ],
    ),
    case(
        "unknown-department",
        cell("岗位", "A2", "财物部"),
        expect=[
            "岗位!A2: unknown department '财物部'; departments (edited in YAML): 销售部",
        ],
    ),
    case(
        "unsafe-position-id",
        everywhere("sales-manager", "Sales Manager"),
        expect=[
            "岗位!B2: 'Sales Manager' is not a safe position id: use lowercase ASCII letters, digits and single hyphens, e.g. fin-analyst",
        ],
    ),
    case(
        "unknown-goal-category",
        cell("目标", "B2", "财务类"),
        expect=[
            "目标!B2: unknown goal category '财务类'; company.yaml lists 财务/业务拓展类, 客户类, 内部管理类, 学习与创新类",
        ],
    ),
    case(
        "unknown-status",
        cell("岗位", "D2", "发布"),
        expect=[
            "岗位!D2: expected 已发布 or 待补充, got '发布'",
        ],
    ),
    case(
        "empty-title",
        cell("岗位", "C3", None),
        expect=[
            "岗位!C3: must not be empty",
        ],
    ),
    case(
        "text-in-source-line",
        cell("岗位", "E2", "第12行"),
        expect=[
            "岗位!E2: expected a whole number, got '第12行'",
        ],
    ),
    case(
        "unreadable-scale",
        cell("KPI", "G2", ">120%5"),
        expect=[
            "KPI!G2: cannot read the scale '>120%5': '>120%5' is not a tier such as '>120%=5'; write tiers such as '>=100%=5; >?%=4; >99%=3; 否则=1' (否则手工: scored by hand below the tiers), or a named scale such as satisfaction-5",
        ],
    ),
    case(
        "unknown-named-scale",
        cell("KPI", "G3", "satisfaction-7"),
        expect=[
            "KPI!G3: unknown scale 'satisfaction-7'; company.yaml scoring.scales defines: satisfaction-5",
        ],
    ),
    case(
        "kpi-number-twice",
        cell("KPI", "B3", 1),
        expect=[
            "KPI!B3: 1 is used twice for position 'sales-manager' (also on row 2)",
        ],
    ),
    case(
        "second-monthly-indicator",
        copy_row("月度指标", 2, 3),
        expect=[
            "月度指标!A3: position 'sales-manager' already has a monthly indicator on row 2; a position has at most one",
        ],
    ),
    case(
        "published-without-kpis",
        cell("岗位", "D3", "已发布"),
        expect=[
            "岗位!D3: a published position needs at least one KPI; mark it 状态 待补充 while it is being written",
        ],
    ),
    case(
        "many-problems-at-once",
        cell("KPI", "D2", "二十"),
        cell("能力态度", "D3", "细心"),
        cell("岗位", "A3", "市场部"),
        merge("目标", "C2:D2"),
        expect=[
            "岗位!A3: unknown department '市场部'; departments (edited in YAML): 销售部",
            "目标!C2:D2: merged cells: unmerge them (取消合并单元格) and fill in every cell",
            "KPI!D2: expected a number, got '二十'",
            "能力态度!D3: unknown competency '细心': not on the 词汇 sheet",
        ],
    ),
]


BROKEN += [
    case(
        "sub-item-without-its-goal",
        cell("目标", "H2", "子项"),
        expect=[
            "目标!H2: a sub-item needs its goal on a row above it (the same position and category)"
        ],
    ),
    case(
        "level-neither-empty-nor-sub-item",
        cell("目标", "H3", "子目标"),
        expect=[
            "目标!H3: expected 子项 (a sub-item of the goal above) or nothing (a goal), got '子目标'"
        ],
    ),
    case(
        "slot-spelling-not-the-entrys",
        cell("能力态度", "E2", "团队"),
        expect=[
            "能力态度!E2: source spelling '团队' is not one of the spellings of 'teamwork' (团队合作) in vocabulary.yaml: '团队合作', '团合作'"
        ],
    ),
    case(
        "slot-one",
        cell("能力态度", "F2", 1),
        expect=["能力态度!F2: must be at least 2, got 1"],
    ),
]


@pytest.mark.parametrize("steps, expect", BROKEN)
def test_broken_workbook(book, mini, capsys, steps, expect):
    edit(book, *steps)
    before = tree(mini.root)
    assert problems(book) == expect
    assert main(["import", str(book), "--write"]) == 1
    errors = sum(" warning: " not in line for line in expect)
    assert capsys.readouterr().err.splitlines() == [
        *expect,
        f"{errors} error(s); nothing was written.",
    ]
    assert tree(mini.root) == before


def test_not_a_workbook(mini, tmp_path):
    path = tmp_path / "hr.xlsx"
    path.write_text("not a spreadsheet", encoding="utf-8")
    assert problems(path) == [
        "hr.xlsx: not an .xlsx workbook (the file is not a zip archive); save it in Excel as Excel 工作簿 (*.xlsx)"
    ]


def test_broken_catalogue_is_reported_first(book, mini):
    mini.replace("departments/sales/sales-manager.yaml", "weight: 60", "weight: 二十")
    assert problems(book) == [
        "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: expected a number, got '二十'",
        "catalog: the catalogue has errors; fix them before importing a workbook",
    ]


# ------------------------------------------------------------------- what HR may well do


def test_empty_rows_are_skipped(book, mini):
    def spread_out(book):
        book["KPI"].insert_rows(3, 2)  # two empty rows between the KPIs
        book["岗位"].insert_rows(3)

    edit(book, spread_out)
    imported = read_workbook(book, "catalog")
    assert imported.errors == []
    assert plan_import(imported) == []


def test_percentages_and_numbers_typed_as_text_are_read(book, mini):
    def typed(book):
        book["KPI"]["D2"].value = 0.6
        book["KPI"]["D2"].number_format = "0%"  # Excel's 60%
        book["KPI"]["D3"].value = "40"  # a number in a text cell
        book["月度指标"]["C2"].value = 1
        book["月度指标"]["C2"].number_format = "0%"  # 100% typed into a number cell

    edit(book, typed)
    assert plan_import(read_workbook(book, "catalog")) == []


def test_extra_column_is_ignored_with_a_warning(book, mini):
    edit(book, cell("KPI", "M1", "我的备注"), cell("KPI", "M2", "随便写"))
    imported = read_workbook(book, "catalog")
    assert [str(p) for p in imported.problems] == [
        "KPI!M1: warning: column '我的备注' is not part of the workbook; it was ignored"
    ]
    assert plan_import(imported) == []


# -------------------------------------------------------------------------- writing YAML


def test_dry_run_shows_the_change_and_writes_nothing(book, mini, capsys):
    edit(book, cell("KPI", "D2", 70), cell("KPI", "D3", 30))
    before = tree(mini.root)
    assert main(["import", str(book)]) == 0
    out = capsys.readouterr().out
    assert (
        out
        == """\
change catalog/departments/sales/sales-manager.yaml
--- a/catalog/departments/sales/sales-manager.yaml
+++ b/catalog/departments/sales/sales-manager.yaml
@@ -15,7 +15,7 @@
   method: 根据业绩核算结果
 kpis:
   - name: 部门业绩
-    weight: 60
+    weight: 70
     standard: ">120%为5"
     scale:
       unit: "%"
@@ -24,7 +24,7 @@
       otherwise: null
     method: 根据业绩核算结果
   - name: 客户满意度
-    weight: 40
+    weight: 30
     standard: 非常满意5，较满意4，一般3，不太满意2，非常不满1
     scale: satisfaction-5
     method: 定期客户调查
dry run: 1 file(s) would change; nothing was written. Run again with --write to write them.
"""
    )
    assert tree(mini.root) == before


def real_copy(tmp_path) -> Path:
    copy = tmp_path / "catalog"
    shutil.copytree(REAL_CATALOG, copy)
    return copy


def test_one_weight_and_one_target_become_exactly_that_change(tmp_path, capsys):
    copy = real_copy(tmp_path)
    path = export(copy, tmp_path / "hr.xlsx")
    target = copy / "departments/finance/fin-manager.yaml"
    before = target.read_text(encoding="utf-8")
    book = load_workbook(path)
    kpi = next(r for r in book["KPI"].iter_rows(min_row=2) if r[0].value == "fin-manager")
    goal = next(r for r in book["目标"].iter_rows(min_row=2) if r[0].value == "fin-manager")
    old_weight, old_target = kpi[3].value, goal[3].value
    kpi[3].value, goal[3].value = old_weight + 5, "新的目标值"
    book.save(path)
    others = {k: v for k, v in tree(copy).items() if k != "departments/finance/fin-manager.yaml"}

    assert main(["import", str(path), "--catalog", str(copy), "--write"]) == 0
    after = target.read_text(encoding="utf-8")
    diff = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
        if line[:1] in "+-"
    ][2:]
    assert [line.strip() for line in diff] == [
        f"-      target: {old_target}",
        "+      target: 新的目标值",
        f"-    weight: {old_weight}",
        f"+    weight: {old_weight + 5}",
    ]
    assert len(after.splitlines()) == len(before.splitlines())
    assert after.startswith("# yaml-language-server: $schema=../../schemas/")  # kept as it was
    assert after.count("# line ") == before.count("# line ")  # the comments are kept
    assert {k: v for k, v in tree(copy).items() if k in others} == others
    assert "wrote 1 file(s)" in capsys.readouterr().out


def test_removed_kpi_reports_the_comment_it_takes_along(tmp_path, capsys):
    copy = real_copy(tmp_path)
    path = export(copy, tmp_path / "hr.xlsx")
    book = load_workbook(path)
    rows = [r for r in book["KPI"].iter_rows(min_row=2) if r[0].value == "fin-analyst"]
    book["KPI"].delete_rows(rows[2][0].row)  # 提供管理报表及时性、有效性, weight 30
    rows[1][3].value = 40
    book.save(path)
    assert main(["import", str(path), "--catalog", str(copy)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:2] == [
        f"change {display_path(copy / 'departments/finance/fin-analyst.yaml')}",
        "  1 comment(s) could not be kept (they belonged to removed or replaced values): # line 3033",
    ]


def test_text_that_yaml_would_misread_stays_text(book, mini):
    edit(book, cell("目标", "D2", "1:20"), cell("目标", "D3", "yes"), cell("KPI", "K2", ":统计"))
    apply_import(plan_import(read_workbook(book, "catalog")))
    text = mini.path("departments/sales/sales-manager.yaml").read_text(encoding="utf-8")
    assert 'target: "1:20"' in text and 'target: "yes"' in text
    position = load_catalog("catalog").positions()[0]
    assert [g.target for goals in position.goals.values() for g in goals] == ["1:20", "yes"]
    assert position.kpis[0].seed == {"method": ":统计"}


def test_new_position_is_written_in_the_catalogue_style(book, mini):
    def add(book):
        book["岗位"].append(
            [
                "销售部",
                "sales-assistant",
                "销售部助理",
                "已发布",
                None,
                None,
                "原文缺失，推断: 助理",
                None,
                None,
                "第一条\n第二条",
            ]
        )
        book["目标"].append(["sales-assistant", "客户类", "客户回访", "", None, "回访", None])
        book["KPI"].append(
            [
                "sales-assistant",
                1,
                "回访率",
                100,
                ">=95%为5",
                "统计",
                ">=95%=5; >?%=3; 否则=1",
                None,
                "100%",
            ]
        )
        book["能力态度"].append(["sales-assistant", "态度", 1, "效率高"])

    edit(book, add)
    imported = read_workbook(book, "catalog")
    assert imported.errors == []
    changes = plan_import(imported)
    assert [(c.action, c.shown) for c in changes] == [
        ("change", "catalog/departments/sales/_department.yaml"),
        ("create", "catalog/departments/sales/sales-assistant.yaml"),
    ]
    apply_import(changes)
    assert (
        mini.path("departments/sales/sales-assistant.yaml").read_text(encoding="utf-8")
        == """\
# yaml-language-server: $schema=../../schemas/position.schema.json
title: 销售部助理
title_inferred: "原文缺失，推断: 助理"
status: published
notes:
  - 第一条
  - 第二条
goals:
  客户类:
    - goal: 客户回访
      seed: {target: 回访}
kpis:
  - name: 回访率
    weight: 100
    standard: ">=95%为5"
    scale:
      unit: "%"
      tiers:
        - {op: ">=", value: 95, points: 5}
        - {op: ">", value: null, points: 3}
      otherwise: 1
    method: 统计
    seed: {weight: 100%}
competencies:
  attitude:
    - efficient
"""
    )
    assert mini.path("departments/sales/_department.yaml").read_text(encoding="utf-8") == (
        "name: 销售部\nsource_line: 10\npositions:\n  - sales-manager\n  - sales-rep\n"
        "  - sales-assistant\n"
    )
    assert [p.id for p in load_catalog("catalog").positions()] == [
        "sales-manager",
        "sales-rep",
        "sales-assistant",
    ]


def test_sub_item_and_slot_spelling_are_written_in_the_catalogue_style(book, mini):
    def add(book):
        book["目标"].append(
            ["sales-manager", "客户类", "回访", "每月回访", None, "月回访", None, "子项"]
        )
        book["能力态度"]["E2"].value, book["能力态度"]["F2"].value = "团合作", 2

    edit(book, add)
    [change] = plan_import(read_workbook(book, "catalog"))
    assert [line for line in change.diff().splitlines() if line[:1] in "+-"][2:] == [
        "+      items:",
        "+        - goal: 回访",
        "+          target: 每月回访",
        "+          seed: {target: 月回访}",
        "-    - teamwork",
        "+    - {id: teamwork, seed: 团合作, slot: 2}",
    ]
    apply_import([change])
    manager = load_catalog("catalog").positions()[0]
    assert [g.goal for g in manager.goals["客户类"][0].items] == ["回访"]
    assert manager.numbered_slots("core")[0][0] == 2
    assert plan_import(read_workbook(export("catalog", book), "catalog")) == []


def test_removed_position_deletes_its_file(book, mini):
    edit(book, lambda b: b["岗位"].delete_rows(3))
    changes = plan_import(read_workbook(book, "catalog"))
    assert [(c.action, c.shown) for c in changes] == [
        ("change", "catalog/departments/sales/_department.yaml"),
        ("delete", "catalog/departments/sales/sales-rep.yaml"),
    ]
    apply_import(changes)
    assert not mini.path("departments/sales/sales-rep.yaml").exists()
    assert [p.id for p in load_catalog("catalog").positions()] == ["sales-manager"]


def test_position_moved_to_another_department(tmp_path, capsys):
    copy = real_copy(tmp_path)
    path = export(copy, tmp_path / "hr.xlsx")
    book = load_workbook(path)
    row = next(r for r in book["岗位"].iter_rows(min_row=2) if r[1].value == "fin-analyst")
    row[0].value = "人事行政部"
    book.save(path)
    old = (copy / "departments/finance/fin-analyst.yaml").read_text(encoding="utf-8")
    changes = plan_import(read_workbook(path, copy))
    assert [c.summary().replace(display_path(copy), "catalog") for c in changes] == [
        "change catalog/departments/finance/_department.yaml",
        "change catalog/departments/hr-admin/_department.yaml",
        "move catalog/departments/finance/fin-analyst.yaml -> catalog/departments/hr-admin/fin-analyst.yaml",
    ]
    apply_import(changes)
    assert not (copy / "departments/finance/fin-analyst.yaml").exists()
    assert (copy / "departments/hr-admin/fin-analyst.yaml").read_text(encoding="utf-8") == old
    catalog = load_catalog(copy)
    assert [p.id for p in catalog.departments[4].positions][-1] == "fin-analyst"


def test_catalogue_changed_since_the_export_is_flagged(book, mini, capsys):
    mini.replace("departments/sales/sales-manager.yaml", "target: 100%完成", "target: 110%完成")
    assert main(["import", str(book)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "hr.xlsx: warning: the catalogue has changed since this workbook was exported (a YAML edit or an earlier import); check that the changes listed below undo nothing you want to keep"
    ]
    assert "-      target: 110%完成\n+      target: 100%完成\n" in captured.out


def test_export_xlsx_needs_an_output_file(mini, capsys):
    with pytest.raises(SystemExit):
        main(["export", "--format", "xlsx"])
    assert "export --format xlsx needs -o FILE" in capsys.readouterr().err


# ------------------------------------------------------------------------------ scale text


@pytest.mark.parametrize(
    "scale, text",
    [
        (TierScale((Tier(">", 120, 5),)), ">120%=5; 否则手工"),
        (
            TierScale((Tier(">=", 100, 5), Tier(">", None, 4), Tier(">", 99.5, 3)), "%", 1),
            ">=100%=5; >?%=4; >99.5%=3; 否则=1",
        ),
        (TierScale((Tier("<", 5, 5),), "‰"), "<5‰=5; 否则手工"),
        (TierScale((Tier(">", None, 4),), ""), ">?=4; 否则手工"),
        (NamedScale("satisfaction-5", "五级满意度", ()), "satisfaction-5"),
    ],
)
def test_scale_text_round_trip(scale, text):
    assert scale_to_text(scale) == text
    data, problem = text_to_scale(text)
    assert problem is None
    if isinstance(scale, NamedScale):
        assert data == scale.id
    else:
        assert data == {
            "unit": scale.unit,
            "otherwise": scale.otherwise,
            "tiers": [{"op": t.op, "value": t.value, "points": t.points} for t in scale.tiers],
        }
