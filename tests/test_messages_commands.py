"""HR's messages in Chinese: the commands, scoring, diff sides, the starter and the build say
what they say in Chinese when asked (`--lang zh`, POSITION_STANDARDS_LANG=zh), with the same
files, rows, field paths and values as in English."""

from __future__ import annotations

import errno
import fcntl
import io
import os
import shutil
import subprocess
import sys
import tarfile
import threading
from pathlib import Path

import pytest
import yaml
from sitebuild import build, site_config

from generator import messages
from generator.__main__ import main
from generator.site.atomic import SiteLock, describe_os_error
from generator.versions.archive import extract_archive

MANAGER = "departments/sales/sales-manager.yaml"


@pytest.fixture(autouse=True)
def chinese(monkeypatch):
    """Chinese, as a company that works in Chinese has it; the language chosen is forgotten."""
    monkeypatch.setenv("POSITION_STANDARDS_LANG", "zh")
    yield
    messages.set_language(None)


def test_check_says_what_the_catalogue_holds(mini, capsys):
    assert main(["check", "--lang", "zh"]) == 0
    assert capsys.readouterr().out == (
        "catalog: 检查通过：1 个部门，2 个岗位（其中草稿 1 个），3 项能力，0 条警告，0 条提示\n"
    )


def test_english_when_asked_for(mini, capsys):
    assert main(["check", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("catalog: OK: 1 departments, 2 positions")


def test_a_catalogue_that_does_not_load_ends_with_the_count(mini, capsys):
    mini.replace(MANAGER, "weight: 60", "weight: 二十")
    assert main(["export", "-o", "out.json"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("catalog/departments/sales/sales-manager.yaml:")  # file:line kept
    assert err[-1] == "共 1 个错误；没有写入任何文件。"
    assert not Path("out.json").exists()


def test_a_usage_error(mini, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["export", "--format", "xlsx"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "position-standards: error: export --format xlsx 需要用 -o FILE 指定要写入的文件"
    )


def test_export_says_what_it_wrote_and_why_it_could_not(mini, capsys):
    assert main(["export", "--format", "xlsx", "-o", "out.xlsx"]) == 0
    assert capsys.readouterr().err == "已写入 out.xlsx：共 2 个岗位\n"
    Path("afile").write_text("", "utf-8")
    assert main(["export", "-o", "afile/out.json"]) == 1
    assert capsys.readouterr().err == "afile/out.json: 无法写入岗位目录：不是文件夹\n"


def test_render_and_schemas_say_what_they_wrote(mini, capsys):
    assert main(["render", "--out", "pages"]) == 0
    written = sum(path.is_file() for path in Path("pages").rglob("*"))
    assert capsys.readouterr().out == f"已把 {written} 个文件写入 pages\n"
    assert main(["schemas", "--out", "schemas"]) == 0
    schemas = len(list(Path("schemas").glob("*.schema.json")))
    assert capsys.readouterr().out == f"已把 {schemas} 个 JSON Schema 写入 schemas\n"


def test_new_writes_a_project_once(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "project"]) == 0
    assert capsys.readouterr().out == (
        "已在 project 创建新项目。下一步：cd project && mkdocs serve\n"
    )
    assert main(["new", "project"]) == 1
    assert capsys.readouterr().err == (
        "project: 文件夹不是空的；`new` 只在新的或空的文件夹中创建项目，因此没有写入任何文件\n"
    )


def test_score_names_each_bad_row_and_counts(mini, capsys):
    Path("appraisals.csv").write_text(
        "position,employee,kpi1,kpi2,kpi7,bogus\n"
        "sales-manager,张三,x,4,,\n"
        "sales-manager,李四,4,9,,\n"
        "sales-manager,王五,4,4,3,\n"
        "nobody,赵六,,,,1\n",
        "utf-8",
    )
    assert main(["score", "appraisals.csv", "-o", "scored.csv"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "appraisals.csv: 第 2 行：kpi1 (部门业绩): 不是数字",
        "appraisals.csv: 第 3 行：kpi2 (客户满意度): 超出了评分分值范围",
        "appraisals.csv: 第 4 行：kpi7: 没有这项 KPI，销售部经理共有 2 项（kpi1 至 kpi2）",
        "appraisals.csv: 第 5 行：未知的列 'bogus'；未知的岗位 'nobody'",
        "共 4 份考核，已评分 0 份",
    ]


def test_score_json_problems_and_a_file_it_cannot_read(mini, capsys):
    Path("appraisals.json").write_text(
        '[{"position": "sales-manager", "kpis": {"a": 1}, "ratings": {"teamwrk": 4}}, 3]', "utf-8"
    )
    assert main(["score", "appraisals.json"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        (
            'appraisals.json: 第 1 行：kpis: 应为列表，例如 [{"points": 4}]，实际为：对象；'
            "ratings: 未知的能力 'teamwrk'（是不是 'teamwork'？）"
        ),
        "appraisals.json: 第 2 行：每份考核必须是一个 JSON 对象",
        "共 2 份考核，已评分 0 份",
    ]
    assert main(["score", "nothere.csv"]) == 1
    assert capsys.readouterr().err == "nothere.csv: 无法读取考核数据：文件不存在\n"
    Path("latin1.csv").write_bytes("position\nsales-manager,é\n".encode("latin-1"))
    assert main(["score", "latin1.csv"]) == 1
    assert capsys.readouterr().err == (
        "latin1.csv: 无法读取考核数据：不是 UTF-8 文本（第 2 行的字节 0xe9）；"
        "请把文件另存为 UTF-8（Excel 中选“CSV UTF-8”）\n"
    )


def test_diff_says_which_side_is_not_a_catalogue(mini, capsys):
    assert main(["diff", "nowhere:", "catalog"]) == 1
    assert capsys.readouterr().err == "nowhere:: 既不是文件夹，也不是 git 修订版本\n"
    shutil.copytree("catalog", "broken")
    Path("broken", MANAGER).write_text(
        Path("broken", MANAGER).read_text("utf-8").replace("weight: 60", "weight: 二十"), "utf-8"
    )
    assert main(["diff", "catalog", "broken"]) == 1
    assert capsys.readouterr().err.startswith(
        "broken: 岗位目录无法加载：broken/departments/sales/sales-manager.yaml:"
    )


def test_an_archive_member_that_leaves_the_folder(tmp_path):
    archive = tmp_path / "side.tar"
    with tarfile.open(archive, "w") as tar:
        tar.addfile(tarfile.TarInfo("../company.yaml"), io.BytesIO(b""))
    assert extract_archive(archive, tmp_path / "side", "v1.0:catalog") == (
        "v1.0:catalog/../company.yaml 是一个指向岗位目录文件夹之外的路径"
    )


def test_a_second_build_says_it_waits(tmp_path):
    site = tmp_path / "site"
    lock = SiteLock(site)
    with open(lock.path, "a+", encoding="utf-8") as holder:  # another build holds the lock
        fcntl.flock(holder, fcntl.LOCK_EX)
        holder.write("4242\n")
        holder.flush()
        said: list[str] = []
        waiter = threading.Thread(target=lock.acquire, args=(said.append,))
        waiter.start()
        while not said and waiter.is_alive():
            waiter.join(0.05)
        fcntl.flock(holder, fcntl.LOCK_UN)
    waiter.join(10)
    lock.release()
    assert said == [f"{site} 的另一个构建正在进行（进程号 4242），等待它结束…"]


def test_a_system_error_of_the_build(tmp_path):
    site = tmp_path / "site"
    refused = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(site / "index.html"))
    assert describe_os_error(refused, site) == f"无法把网站写入 {site}：磁盘空间已满"
    elsewhere = OSError(errno.EACCES, os.strerror(errno.EACCES), "/etc/shadow")
    assert describe_os_error(elsewhere, site) == "无法构建网站：/etc/shadow: 没有权限"


def bare_build(project: Path, plugins: list) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a bare mkdocs.yml in `project`, in Chinese."""
    config = {"site_name": "示例", "theme": {"name": "material", "language": "zh"}}
    config["plugins"] = plugins
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    (project / "docs").mkdir(exist_ok=True)
    (project / "docs" / "index.md").write_text("# 首页\n", "utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        check=False,
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_the_plugin_says_its_option_names_no_folder(mini):
    result = bare_build(mini.root.parent, [{"position-catalog": {"templates": "nowhere"}}])
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("ERROR")] == [
        (
            f"ERROR   -  templates: {mini.root.parent / 'nowhere'} 不是文件夹"
            "（插件选项 `templates` 应指向存放本站自有模板的文件夹）"
        )
    ]


def test_the_search_plugin_says_what_it_needs(tmp_path):
    result = bare_build(tmp_path, ["position-search"])
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("ERROR")] == [
        "ERROR   -  position-search 需要在它之前启用 position-catalog 插件"
    ]


def test_the_workbook_that_cannot_be_written_stops_the_build(mini, tmp_path):
    mini.replace(MANAGER, "- goal: 部门销售任务", "- goal: " + "长" * 33_000)
    result = build(site_config(tmp_path, mini.root), tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors[0].startswith(
        "ERROR   -  无法写出 Excel 下载文件：catalog/departments/sales/sales-manager.yaml:"
    )
