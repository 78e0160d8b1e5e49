"""Published versions: the 变更记录 page and the change banner on a changed position."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from conftest import MINI_CATALOG
from sitebuild import build, site_config

GIT = [
    "git",
    "-c",
    "user.name=HR",
    "-c",
    "user.email=hr@example.invalid",
    "-c",
    "init.defaultBranch=main",
]


def git(repo, *args):
    subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    """A git repository whose catalogue was published as 1.0 (tag v1.0), then edited to 2.0."""
    repo = tmp_path / "repo"
    shutil.copytree(MINI_CATALOG, repo / "catalog")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "1.0")
    git(repo, "tag", "v1.0")
    manager = repo / "catalog" / "departments" / "sales" / "sales-manager.yaml"
    text = manager.read_text("utf-8")
    text = text.replace("weight: 60", "weight: 70").replace("weight: 40", "weight: 30")
    manager.write_text(text.replace('target: "100%"', 'target: "95%"'), "utf-8")
    publish_version_2(repo)
    return repo


def publish_version_2(repo):
    """company.yaml: version 2.0 in force, 1.0 published from the tag v1.0."""
    company = repo / "catalog" / "company.yaml"
    company.write_text(
        company.read_text("utf-8").replace(
            'catalogue:\n  version: "1.0"\n  effective_date: "2026-12-01"',
            'catalogue:\n  version: "2.0"\n  effective_date: "2027-07-01"\n\n'
            'versions:\n  - {version: "1.0", effective_date: "2026-12-01", revision: v1.0}',
        ),
        "utf-8",
    )


def text_of(page):
    html = page.read_text("utf-8")
    return re.sub(r"<[^>]+>", "", html[html.index("<article") : html.index("</article>")])


def test_changed_position_says_so_at_the_top_and_the_changelog_lists_it(repo, tmp_path):
    result = build(site_config(tmp_path, repo / "catalog"), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = text_of(tmp_path / "site" / "departments" / "sales" / "sales-manager" / "index.html")
    banner = page[: page.index("岗位目标")]
    assert "本岗位在 2.0 版（2027-07-01 起生效）中有变更" in banner
    assert "KPI「部门业绩」权重：60 → 70" in banner
    assert "目标值「100%」→「95%」（目标：客户投诉问题处理）" in banner
    untouched = text_of(tmp_path / "site" / "departments" / "sales" / "sales-rep" / "index.html")
    assert "有变更" not in untouched
    changelog = text_of(tmp_path / "site" / "changelog" / "index.html")
    assert changelog.index("2.0 版（2027-07-01 起生效）") < changelog.index(
        "1.0 版（2026-12-01 起生效）"
    )
    assert "发布自修订 v1.0" in changelog and "KPI「客户满意度」权重：40 → 30" in changelog


def test_an_unreadable_revision_is_a_warning_and_the_page_says_so(repo, tmp_path):
    company = repo / "catalog" / "company.yaml"
    company.write_text(
        company.read_text("utf-8").replace("revision: v1.0", "revision: v0.9"), "utf-8"
    )
    config = site_config(tmp_path, repo / "catalog")
    strict = build(config, tmp_path / "site")
    assert strict.returncode != 0
    assert "变更记录 1.0: v0.9:./: not a folder, nor a git revision" in strict.stderr
    assert "变更记录 2.0: 版本 1.0 无法读取" in strict.stderr
    assert build(config, tmp_path / "site", strict=False).returncode == 0
    assert "无法列出本版变更" in text_of(tmp_path / "site" / "changelog" / "index.html")


def test_hr_edits_the_workbook_and_the_employee_sees_the_change(repo, tmp_path, monkeypatch):
    """Workbook out, one weight pair and one target changed in it, import, diff, publish."""
    from openpyxl import load_workbook

    from generator.__main__ import main

    git(repo, "checkout", "-q", "--", ".")  # back to the published 1.0 catalogue
    monkeypatch.chdir(repo)
    book_path = tmp_path / "catalog.xlsx"
    assert main(["export", "catalog", "--format", "xlsx", "-o", str(book_path)]) == 0
    book = load_workbook(book_path)
    kpis, goals = book["KPI"], book["目标"]
    header = {cell.value: cell.column for cell in kpis[1]}
    for row in kpis.iter_rows(min_row=2):
        if row[header["KPI名称"] - 1].value == "部门业绩":
            row[header["权重"] - 1].value = 70
        if row[header["KPI名称"] - 1].value == "客户满意度":
            row[header["权重"] - 1].value = 30
    header = {cell.value: cell.column for cell in goals[1]}
    for row in goals.iter_rows(min_row=2):
        if row[header["目标"] - 1].value == "客户投诉问题处理":
            row[header["目标值"] - 1].value = "95%"
    book.save(book_path)
    assert main(["import", str(book_path), "--catalog", "catalog", "--write"]) == 0

    diff = subprocess.run(
        [sys.executable, "-m", "generator", "diff", "v1.0", "catalog"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "KPI「部门业绩」权重：60 → 70" in diff
    assert "目标值「100%」→「95%」（目标：客户投诉问题处理）" in diff

    publish_version_2(repo)
    result = build(site_config(tmp_path, repo / "catalog"), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = text_of(tmp_path / "site" / "departments" / "sales" / "sales-manager" / "index.html")
    assert "本岗位在 2.0 版（2027-07-01 起生效）中有变更" in page
    assert "目标值「100%」→「95%」" in page
