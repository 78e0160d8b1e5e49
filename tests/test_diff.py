"""What changed between two catalogue versions: folders and git revisions, text and Markdown."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile

import pytest
from conftest import MINI_CATALOG, REAL_CATALOG, CatalogCopy

from generator import load_catalog
from generator.__main__ import main
from generator.versions.archive import extract_archive, unsafe_member
from generator.versions.changes import position_changes
from generator.versions.compare import diff_catalogs
from generator.versions.format import format_markdown, format_text
from generator.versions.side import SideError, load_side

needs_links = pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")
MANAGER = "departments/sales/sales-manager.yaml"
REP = "departments/sales/sales-rep.yaml"
PUBLISHED_REP = """title: 销售部销售代表
source_line: 40
status: published
kpis:
  - name: 个人业绩
    weight: 100
competencies:
  core: [teamwork]
"""


@pytest.fixture
def new(mini, tmp_path) -> CatalogCopy:
    """A second copy of the mini catalogue (./new) to edit; `mini` (./catalog) is the old."""
    shutil.copytree(MINI_CATALOG, tmp_path / "new")
    return CatalogCopy(tmp_path / "new")


def compare(old: CatalogCopy, new: CatalogCopy):
    return diff_catalogs(load_catalog(old.root), load_catalog(new.root))


def manager_lines(old: CatalogCopy, new: CatalogCopy) -> list[str]:
    return position_changes(compare(old, new), "sales-manager")


def test_identical_catalogues_have_no_changes(mini, new):
    diff = compare(mini, new)
    assert diff.is_empty and diff.departments == () and diff.positions() == []
    assert format_text(diff) == format_markdown(diff) == "两个版本的目录没有差别。\n"
    assert position_changes(diff, "sales-manager") == []


def test_the_real_catalogue_against_itself_is_empty():
    catalog = load_catalog(REAL_CATALOG)
    assert diff_catalogs(catalog, load_catalog(REAL_CATALOG)).is_empty


def test_kpi_weight_standard_method_and_scale(mini, new):
    new.replace(MANAGER, "weight: 60", "weight: 50")
    new.replace(MANAGER, "weight: 40", "weight: 50")
    new.replace(MANAGER, 'standard: ">120%为5"', 'standard: ">110%为5"')
    new.replace(MANAGER, "value: 120", "value: 110")
    new.replace(MANAGER, "method: 定期客户调查", "method: 每季度客户调查")
    assert manager_lines(mini, new) == [
        "KPI「部门业绩」权重：60 → 50",
        "KPI「部门业绩」评分标准：「>120%为5」→「>110%为5」",
        "KPI「部门业绩」机读评分：「>120%得5分，其余人工评分」→「>110%得5分，其余人工评分」",
        "KPI「客户满意度」权重：40 → 50",
        "KPI「客户满意度」考核方法：「定期客户调查」→「每季度客户调查」",
    ]


def test_kpi_added_removed_and_renamed(mini, new):
    new.replace(MANAGER, "weight: 60", "weight: 50")
    new.write(
        MANAGER,
        new.path(MANAGER)
        .read_text(encoding="utf-8")
        .replace("competencies:", "  - name: 回款率\n    weight: 10\ncompetencies:"),
    )
    assert manager_lines(mini, new) == [
        "KPI「部门业绩」权重：60 → 50",
        "新增 KPI「回款率」（权重 10）",
    ]

    # Renamed: the same place and weight, or the same place, standard and method.
    new.replace(MANAGER, "name: 部门业绩", "name: 部门销售额")
    new.replace(MANAGER, "name: 客户满意度", "name: 客户评价")
    new.replace(MANAGER, "weight: 40", "weight: 30")
    new.replace(MANAGER, "weight: 10", "weight: 20")
    assert manager_lines(mini, new) == [
        "KPI「部门业绩」改名为「部门销售额」",
        "KPI「部门销售额」权重：60 → 50",
        "KPI「客户满意度」改名为「客户评价」",
        "KPI「客户评价」权重：40 → 30",
        "新增 KPI「回款率」（权重 20）",
    ]
    # Another place, weight and standard: one KPI replaced by another.
    new.replace(
        MANAGER, "standard: 非常满意5，较满意4，一般3，不太满意2，非常不满1", "standard: 前三名5"
    )
    new.replace(MANAGER, "    scale: satisfaction-5\n", "")
    assert manager_lines(mini, new)[2:] == [
        "新增 KPI「客户评价」（权重 30）",
        "新增 KPI「回款率」（权重 20）",
        "删除 KPI「客户满意度」（权重 40）",
    ]


def test_kpi_order_and_total(mini, new):
    text = new.path(MANAGER).read_text(encoding="utf-8")
    first = text[text.index("  - name: 部门业绩") : text.index("  - name: 客户满意度")]
    second = text[text.index("  - name: 客户满意度") : text.index("competencies:")]
    new.write(MANAGER, text.replace(first + second, second + first.replace("60", "50")))
    new.replace(MANAGER, "status: published", "status: published\nweights_total_note: 原文如此")
    assert manager_lines(mini, new) == [
        "KPI「部门业绩」权重：60 → 50",
        "KPI 顺序调整为：「客户满意度」「部门业绩」",
        "KPI 权重合计：100 → 90",
        "新增权重合计说明：原文如此",
    ]


def test_goals_added_removed_retargeted_reworded_and_moved(mini, new):
    new.replace(MANAGER, 'target: "100%"', 'target: "95%"')
    new.replace(MANAGER, "goal: 部门销售任务", "goal: 部门销售任务完成")
    new.replace(
        MANAGER,
        "monthly:",
        "  内部管理类:\n    - goal: 销售报表\n      target: 每月5日前\nmonthly:",
    )
    assert manager_lines(mini, new) == [
        "财务/业务拓展类目标「部门销售任务」改为「部门销售任务完成」",
        "目标值「100%」→「95%」（目标：客户投诉问题处理）",
        "新增内部管理类目标「销售报表」（目标值「每月5日前」）",
    ]
    new.replace(MANAGER, "  客户类:\n", "  内部管理类:\n")  # the goal moves category
    new.replace(MANAGER, "  内部管理类:\n    - goal: 销售报表", "    - goal: 销售报表")
    new.replace(MANAGER, "goal: 部门销售任务完成", "goal: 部门任务")
    new.replace(MANAGER, "target: 100%完成", "target: 全部完成")
    assert manager_lines(mini, new) == [
        "新增财务/业务拓展类目标「部门任务」（目标值「全部完成」）",
        "删除财务/业务拓展类目标「部门销售任务」",
        "目标「客户投诉问题处理」从客户类移到内部管理类",
        "目标值「100%」→「95%」（目标：客户投诉问题处理）",
        "新增内部管理类目标「销售报表」（目标值「每月5日前」）",
    ]


SUB_ITEMS = '      target: "100%"\n      items:\n' + "".join(
    f"        - goal: {goal}\n          target: {target}\n"
    for goal, target in (("考核", "确保公平"), ("培养", "提升技能"), ("回访", "每月"))
)


def test_goal_sub_items_added_removed_reworded_and_retargeted(mini, new):
    mini.replace(MANAGER, '      target: "100%"\n', SUB_ITEMS)
    new.replace(MANAGER, '      target: "100%"\n', SUB_ITEMS)
    new.replace(MANAGER, "goal: 考核", "goal: 绩效考核")
    new.replace(MANAGER, "target: 提升技能", "target: 提升员工技能")
    new.replace(MANAGER, "        - goal: 回访\n          target: 每月\n", "")
    new.replace(
        MANAGER,
        "    - goal: 部门销售任务\n",
        "    - goal: 部门销售任务\n      items:\n        - goal: 月度复盘\n",
    )
    new.replace(
        MANAGER,
        "monthly:",
        "  内部管理类:\n    - goal: 报表\n      items:\n"
        "        - goal: 月报\n          target: 5日前\nmonthly:",
    )
    assert manager_lines(mini, new) == [
        "目标「部门销售任务」新增子项「月度复盘」（目标值「」）",
        "目标「客户投诉问题处理」的子项「考核」改为「绩效考核」",
        "目标「客户投诉问题处理」的子项「培养」目标值：「提升技能」→「提升员工技能」",
        "删除目标「客户投诉问题处理」的子项「回访」",
        "新增内部管理类目标「报表」（目标值「」）",
        "目标「报表」新增子项「月报」（目标值「5日前」）",
    ]
    assert manager_lines(mini, mini) == []


def test_monthly_indicator(mini, new):
    new.replace(MANAGER, "  target: 100%\n", "  target: 110%\n")
    new.replace(MANAGER, "  indicator: 部门业绩", "  indicator: 部门销售额")
    assert manager_lines(mini, new) == [
        "月度指标：「部门业绩」→「部门销售额」",
        "月度指标「部门销售额」目标：「100%」→「110%」",
    ]
    new.replace(
        MANAGER,
        "monthly:\n  indicator: 部门销售额\n  target: 110%\n  method: 根据业绩核算结果\n",
        "",
    )
    assert manager_lines(mini, new) == ["删除月度指标「部门业绩」"]
    assert manager_lines(new, mini) == [
        "新增月度指标「部门业绩」（目标「100%」，考核方法「根据业绩核算结果」）"
    ]


def test_competencies_per_group_by_vocabulary_name(mini, new):
    new.replace(MANAGER, "  reference:\n    - accuracy\n", "")
    new.replace(MANAGER, "  core:\n    - teamwork\n", "  core:\n    - teamwork\n    - accuracy\n")
    new.replace(MANAGER, "    - efficient", "    []")
    new.replace(MANAGER, "  attitude:\n    []", "  attitude: []")
    assert manager_lines(mini, new) == [
        "新增核心能力：准确性",
        "删除参考能力：准确性",
        "删除态度：效率高",
    ]


def test_status_title_and_an_added_position(mini, new):
    new.write(REP, PUBLISHED_REP.replace("销售部销售代表", "销售部客户代表"))
    new.write("departments/sales/sales-assistant.yaml", "title: 销售助理\nstatus: draft\n")
    new.replace(
        "departments/sales/_department.yaml", "  - sales-rep", "  - sales-assistant\n  - sales-rep"
    )
    assert format_text(compare(mini, new)) == (
        "销售部\n"
        "  销售助理（sales-assistant）\n"
        "    - 新增岗位「销售助理」（待补充）\n"
        "  销售部客户代表（sales-rep）\n"
        "    - 岗位名称：「销售部销售代表」→「销售部客户代表」\n"
        "    - 状态：待补充 → 已发布\n"
        "    - 新增 KPI「个人业绩」（权重 100）\n"
        "    - KPI 权重合计：0 → 100\n"
        "    - 新增核心能力：团队合作\n"
    )


def test_departments_added_removed_renamed_and_positions_moved(mini, new):
    # new: sales is renamed and loses sales-rep to a new department, marketing;
    # old also had a department, support, that new no longer has.
    mini.replace("company.yaml", "  - sales\n", "  - sales\n  - support\n")
    mini.write("departments/support/_department.yaml", "name: 客服部\npositions: [cs-agent]\n")
    mini.write("departments/support/cs-agent.yaml", "title: 客服代表\nstatus: draft\n")
    new.replace("company.yaml", "  - sales\n", "  - marketing\n  - sales\n")
    new.replace("departments/sales/_department.yaml", "name: 销售部", "name: 营销部")
    new.replace("departments/sales/_department.yaml", "  - sales-rep\n", "")
    new.write("departments/marketing/_department.yaml", "name: 市场部\npositions: [sales-rep]\n")
    new.rename(REP, "departments/marketing/sales-rep.yaml")
    new.remove(MANAGER)
    new.replace("departments/sales/_department.yaml", "  - sales-manager\n", "  - sales-lead\n")
    new.write("departments/sales/sales-lead.yaml", "title: 销售主管\nstatus: draft\n")
    diff = compare(mini, new)
    assert [(d.id, d.status, [p.id for p in d.positions]) for d in diff.departments] == [
        ("marketing", "added", ["sales-rep"]),
        ("sales", "changed", ["sales-lead", "sales-manager"]),
        ("support", "removed", ["cs-agent"]),
    ]
    assert format_text(diff) == (
        "市场部\n"
        "  - 新增部门「市场部」\n"
        "  销售部销售代表（sales-rep）\n"
        "    - 所属部门：「销售部」→「市场部」\n"
        "\n"
        "营销部\n"
        "  - 部门名称：「销售部」→「营销部」\n"
        "  销售主管（sales-lead）\n"
        "    - 新增岗位「销售主管」（待补充）\n"
        "  销售部经理（sales-manager）\n"
        "    - 删除岗位「销售部经理」\n"
        "\n"
        "客服部\n"
        "  - 删除部门「客服部」\n"
        "  客服代表（cs-agent）\n"
        "    - 删除岗位「客服代表」\n"
    )
    assert [p.status for p in diff.positions()] == ["changed", "added", "removed", "removed"]


def test_company_settings_and_vocabulary(mini, new):
    new.replace("company.yaml", 'version: "1.0"', 'version: "1.1"')
    new.replace("company.yaml", '"2026-12-01"', '"2027-01-01"')
    new.replace("company.yaml", "kpi: 70\n    ability: 30", "kpi: 60\n    ability: 40")
    new.replace("company.yaml", "{name: 优秀, min: 90}", "{name: 优秀, min: 85}")
    new.replace("company.yaml", "{label: 非常不满, points: 1}", "{label: 很不满意, points: 1}")
    new.replace("vocabulary.yaml", "name: 准确性", "name: 准确")
    new.replace(
        "vocabulary.yaml", "definition: 与同事配合完成共同目标。", "definition: 与同事配合。"
    )
    new.replace("vocabulary.yaml", "      3: 能按期完成任务。", "      3: 基本按期完成任务。")
    new.write(
        "vocabulary.yaml",
        new.path("vocabulary.yaml").read_text(encoding="utf-8")
        + """\
  - id: delegation
    name: 授权
    kind: 能力
    definition: 把工作交给合适的人。
    anchors: {5: 总能交给合适的人。, 3: 多数时候交得合适。, 1: 不会授权。}
""",
    )
    assert format_text(compare(mini, new)) == (
        "公司设置\n"
        "  - 版本：1.0 → 1.1\n"
        "  - 生效日期：2026-12-01 → 2027-01-01\n"
        "  - 评分量表「五级满意度」档位：「非常满意5、较满意4、一般3、不太满意2、非常不满1」→"
        "「非常满意5、较满意4、一般3、不太满意2、很不满意1」\n"
        "  - 总分构成权重（KPI）：70 → 60\n"
        "  - 总分构成权重（能力）：30 → 40\n"
        "  - 等级「优秀」最低分：90 → 85\n"
        "\n"
        "能力与态度\n"
        "  - 能力「团队合作」的定义有修改\n"
        "  - 能力「准确性」改名为「准确」\n"
        "  - 态度「效率高」的行为描述有修改（3分）\n"
        "  - 新增能力「授权」\n"
    )
    assert diff_catalogs(load_catalog(new.root), load_catalog(mini.root)).vocabulary[-1].text == (
        "删除能力「授权」"
    )


def test_markdown_has_headings_and_escapes_catalogue_text(mini, new):
    new.replace(MANAGER, 'target: "100%"', 'target: "*95%* [x]"')
    new.replace(MANAGER, "weight: 60", "weight: 50")
    new.replace(MANAGER, "weight: 40", "weight: 50")
    new.replace("departments/sales/_department.yaml", "name: 销售部", "name: 销售#部")
    assert format_markdown(compare(mini, new)) == (
        "## 销售\\#部\n\n"
        "- 部门名称：「销售部」→「销售\\#部」\n\n"
        "### 销售部经理\n\n"
        "- 目标值「100%」→「\\*95%\\* \\[x\\]」（目标：客户投诉问题处理）\n"
        "- KPI「部门业绩」权重：60 → 50\n"
        "- KPI「客户满意度」权重：40 → 50\n"
    )
    assert format_markdown(compare(mini, new), heading_level=3).startswith("### 销售\\#部\n")
    assert manager_lines(mini, new)[0] == "目标值「100%」→「*95%* [x]」（目标：客户投诉问题处理）"
    change = compare(mini, new).position("sales-manager").changes[1]
    assert (change.kind, change.values) == ("kpi-weight", ("部门业绩", "60", "50"))


def test_a_folder_side_whose_catalogue_is_broken_is_named(mini, new):
    new.replace(MANAGER, "weight: 40", "weight: 二十")
    with pytest.raises(SideError) as caught:
        load_side("new")
    assert str(caught.value) == (
        "new: the catalogue does not load: new/departments/sales/sales-manager.yaml:27: "
        "kpis[1] (客户满意度).weight: expected a number, got '二十'"
    )
    with pytest.raises(SideError, match="^nowhere:: not a folder, nor a git revision$"):
        load_side("nowhere:")


# ---------------------------------------------------------------------------- git revisions


def git(*args: str) -> str:
    done = subprocess.run(
        [
            "git",
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def repository(mini, tmp_path, monkeypatch) -> CatalogCopy:
    """A git repository at the working directory: the mini catalogue, then an edit of it."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    git("init", "-q")
    git("add", "catalog")
    git("commit", "-q", "-m", "first")
    git("tag", "v1")
    mini.replace(MANAGER, "weight: 60", "weight: 70")
    mini.replace(MANAGER, "weight: 40", "weight: 30")
    mini.replace(MANAGER, 'target: "100%"', 'target: "95%"')
    git("commit", "-q", "-am", "second")
    return mini


def test_two_git_revisions(repository):
    expected = (
        "销售部\n"
        "  销售部经理（sales-manager）\n"
        "    - 目标值「100%」→「95%」（目标：客户投诉问题处理）\n"
        "    - KPI「部门业绩」权重：60 → 70\n"
        "    - KPI「客户满意度」权重：40 → 30\n"
    )
    assert format_text(diff_catalogs(load_side("HEAD~1"), load_side("HEAD"))) == expected
    assert format_text(diff_catalogs(load_side("v1:catalog"), load_side("catalog"))) == expected
    assert diff_catalogs(load_side("HEAD"), load_side("catalog")).is_empty


@pytest.mark.parametrize(
    "spec, message",
    [
        ("HEAD~5", "HEAD~5: not a folder, nor a git revision"),
        ("no-such-tag", "no-such-tag: not a folder, nor a git revision"),
        (
            "HEAD:docs",
            (
                "HEAD:docs: revision HEAD has no folder 'docs' (name the catalogue's folder "
                "as HEAD:path/to/catalog)"
            ),
        ),
        (
            "HEAD:catalog/company.yaml",
            (
                "HEAD:catalog/company.yaml: revision HEAD has no folder "
                "'catalog/company.yaml' (name the catalogue's folder as "
                "HEAD:path/to/catalog)"
            ),
        ),
    ],
)
def test_bad_revisions_are_one_line_messages(repository, spec, message):
    with pytest.raises(SideError) as caught:
        load_side(spec)
    assert str(caught.value) == message


def test_a_revision_whose_catalogue_is_broken_is_named(repository):
    repository.replace(MANAGER, "weight: 70", "weight: 七十")
    repository.remove(REP)
    git("commit", "-q", "-am", "broken")
    with pytest.raises(SideError) as caught:
        load_side("HEAD")
    assert str(caught.value) == (
        "HEAD: the catalogue does not load: HEAD:catalog/departments/sales/sales-manager.yaml:18: "
        "kpis[0] (部门业绩).weight: expected a number, got '七十' (and 1 more)"
    )
    assert str(caught.value.problems[1]) == (
        "HEAD:catalog/departments/sales/_department.yaml:5: positions[1]: no file sales-rep.yaml "
        "in this folder"
    )


def test_outside_a_repository_and_without_git(mini, tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    with pytest.raises(SideError) as caught:
        load_side("HEAD~1")
    assert str(caught.value) == (
        "HEAD~1: not a folder, and the working directory is not in a git repository"
    )
    monkeypatch.setattr("generator.versions.side.shutil.which", lambda name: None)
    with pytest.raises(SideError) as caught:
        load_side("HEAD~1")
    assert str(caught.value) == (
        "HEAD~1: not a folder, and git is not installed to read it as a revision"
    )


def commit_link(repository: CatalogCopy, relative: str, target: str) -> None:
    link = repository.path(relative)
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, link)
    git("add", "catalog")
    git("commit", "-q", "-m", "link")


@needs_links
@pytest.mark.parametrize("target", ["/etc/passwd", "../../../../outside.yaml", "../../.."])
def test_a_revision_with_a_link_out_of_the_catalogue_is_refused(repository, capsys, target):
    commit_link(repository, "departments/sales/link.yaml", target)
    message = (
        "HEAD: HEAD:catalog/departments/sales/link.yaml is a link to a place outside the "
        "catalogue folder; the revision was not read"
    )
    with pytest.raises(SideError) as caught:
        load_side("HEAD")
    assert str(caught.value) == message
    assert main(["diff", "HEAD", "catalog"]) == 1
    assert capsys.readouterr().err == message + "\n"


@needs_links
def test_a_revision_with_a_link_inside_the_catalogue_loads(repository):
    repository.remove(REP)
    commit_link(repository, REP, "../../shared/sales-rep.yaml")
    repository.write("shared/sales-rep.yaml", "title: 销售部销售代表\nstatus: draft\n")
    git("add", "catalog")
    git("commit", "-q", "-m", "shared")
    assert load_side("HEAD").positions()[1].title == "销售部销售代表"


@pytest.mark.parametrize("extracted", [True, False])
def test_a_revision_with_a_huge_file_is_refused_as_a_folder_is(repository, monkeypatch, extracted):
    if not extracted:  # larger than any catalogue file: only its size is extracted
        monkeypatch.setattr("generator.versions.archive.LARGEST_FILE_BYTES", 6 * 1024 * 1024)
    with open(repository.path(REP), "a", encoding="utf-8") as file:
        file.write(
            "notes:\n"
            + "  - 很长的备注很长的备注很长的备注很长的备注很长的备注很长的备注\n" * 90_000
        )
    git("commit", "-q", "-am", "huge")
    with pytest.raises(SideError) as caught:
        load_side("HEAD")
    assert str(caught.value) == (
        "HEAD: the catalogue does not load: HEAD:catalog/departments/sales/sales-rep.yaml: file "
        "is 8.2 MB; a catalogue file is at most 5.0 MB, so it was not read"
    )


@pytest.mark.parametrize(
    "spec, message",
    [
        (
            "HEAD:catalog/departments",
            (
                "HEAD:catalog/departments: the catalogue does not load: "
                "HEAD:catalog/departments: not a catalogue: no company.yaml in "
                "this folder"
            ),
        ),
        (
            "catalog/company.yaml",
            ("catalog/company.yaml: a file, not a catalogue folder (nor a git revision)"),
        ),
        ("HEAD\n~1", "HEAD⏎~1: not a folder, nor a git revision"),
    ],
)
def test_sides_that_are_not_catalogues(repository, capsys, spec, message):
    with pytest.raises(SideError) as caught:
        load_side(spec)
    assert str(caught.value) == message
    assert main(["diff", spec, "catalog"]) == 1
    assert capsys.readouterr().err == message + "\n"


def test_a_file_as_a_side_outside_a_repository(mini, tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    with pytest.raises(SideError) as caught:
        load_side("catalog/company.yaml")
    assert str(caught.value) == (
        "catalog/company.yaml: a file, not a catalogue folder (nor a git revision)"
    )


@pytest.mark.parametrize(
    "member, problem",
    [
        ({"name": "/etc/passwd"}, "is a path that leaves the catalogue folder"),
        ({"name": "departments/../../x.yaml"}, "is a path that leaves the catalogue folder"),
        (
            {"name": "x.yaml", "type": tarfile.SYMTYPE, "linkname": "/etc/passwd"},
            "is a link to a place outside the catalogue folder",
        ),
        (
            {"name": "a/x.yaml", "type": tarfile.SYMTYPE, "linkname": "../../x"},
            "is a link to a place outside the catalogue folder",
        ),
        (
            {"name": "a/x.yaml", "type": tarfile.LNKTYPE, "linkname": "company.yaml"},
            "is neither a file, a folder nor a link",
        ),
        ({"name": "fifo", "type": tarfile.FIFOTYPE}, "is neither a file, a folder nor a link"),
        ({"name": "dev", "type": tarfile.CHRTYPE}, "is neither a file, a folder nor a link"),
        ({"name": "a/x.yaml", "type": tarfile.SYMTYPE, "linkname": "../company.yaml"}, None),
        ({"name": "a/x.yaml"}, None),
    ],
)
def test_archive_members_that_are_not_extracted(member, problem):
    info = tarfile.TarInfo(member.pop("name"))
    for key, value in member.items():
        setattr(info, key, value)
    assert unsafe_member(info) == problem


def test_an_archive_that_cannot_be_extracted(tmp_path):
    archive = tmp_path / "side.tar"
    archive.write_bytes(b"not a tar archive" * 100)
    assert extract_archive(archive, tmp_path / "side", "HEAD:catalog").startswith(
        "git's archive of HEAD:catalog cannot be extracted ("
    )


def test_command_line(repository, capsys):
    assert main(["diff", "HEAD~1", "HEAD", "--format", "markdown"]) == 0
    assert capsys.readouterr().out == (
        "## 销售部\n\n"
        "### 销售部经理\n\n"
        "- 目标值「100%」→「95%」（目标：客户投诉问题处理）\n"
        "- KPI「部门业绩」权重：60 → 70\n"
        "- KPI「客户满意度」权重：40 → 30\n"
    )
    assert main(["diff", "HEAD", "catalog"]) == 0
    assert capsys.readouterr().out == "两个版本的目录没有差别。\n"
    assert main(["diff", "HEAD", "nowhere"]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "nowhere: not a folder, nor a git revision\n")
