"""The tool as another company gets it: a wheel installed in a fresh environment, a starter
project built with --strict and used in Chromium, its commits checked by pre-commit, and the
same content built by a second engine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from browser import serve
from sitebuild import ROOT

from generator.resources import docs_files

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": ""}
ENV.pop("VIRTUAL_ENV", None)
RAW_ATTRIBUTES = "() => /\\{\\s*[.:#]/.test(document.querySelector('article').innerText)"


def run(*command, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(c) for c in command],
        check=False,
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> tuple[Path, str]:
    """The wheel `pip wheel .` builds from this checkout, and what the build printed."""
    out = tmp_path_factory.mktemp("wheel")
    result = run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "-w",
        out,
        ROOT,
        cwd=out,
    )
    (path,) = out.glob("position_standards-*.whl")
    return path, result.stdout + result.stderr


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment outside the repository with only the wheel installed."""
    home = tmp_path_factory.mktemp("company")
    venv.create(home / "venv", with_pip=True)
    run(home / "venv" / "bin" / "python", "-m", "pip", "install", "-q", wheel[0], cwd=home)
    return home


def test_the_wheel_builds_without_warnings_and_carries_templates_assets_and_schemas(wheel):
    path, output = wheel
    assert "Warning" not in output and "warning" not in output, output
    names = set(zipfile.ZipFile(path).namelist())
    templates = {p.name for p in (ROOT / "site_templates").rglob("*") if p.is_file()}
    assert templates <= {Path(n).name for n in names if n.startswith("generator/site_templates/")}
    assert {f"generator/docs/{p}" for p in docs_files()} <= names
    assert {
        f"generator/schemas/{p.name}" for p in (ROOT / "generator" / "schemas").glob("*")
    } <= names
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "generator").rglob("*.py")}
    assert modules <= names


def test_a_new_company_gets_its_site_in_three_commands(installed, browser):
    home = installed
    bin_ = home / "venv" / "bin"
    run(bin_ / "position-standards", "new", "site-project", cwd=home)
    project = home / "site-project"
    assert run(bin_ / "position-standards", "check", cwd=project).stdout.startswith(
        "catalog: OK: 1 departments, 1 positions"
    )
    build = run(bin_ / "mkdocs", "build", "--strict", cwd=project)
    assert "ERROR" not in build.stderr and "WARNING" not in build.stderr, build.stderr
    where = run(bin_ / "python", "-c", "import generator; print(generator.__file__)", cwd=project)
    assert str(home / "venv") in where.stdout  # the installed package, not this checkout
    refused = run(bin_ / "position-standards", "new", "site-project", cwd=home, check=False)
    assert refused.returncode == 1 and "the folder is not empty" in refused.stderr
    page = browser.new_page()
    try:
        with serve(project / "site") as url:
            page.goto(f"{url}/departments/sales/sales-manager/")
            assert page.locator("article h1").inner_text() == "销售部经理"
            assert page.evaluate(RAW_ATTRIBUTES) is False
            assert page.locator("a.md-button", has_text="打开考核计算器").count() == 1
            page.goto(f"{url}/calculator/?position=sales-manager")
            page.locator("[data-result=overall]").wait_for()
            page.locator("[data-kpi='0']").fill("5")
            page.locator("[data-kpi='1']").fill("4")
            for box in page.locator("[data-competency]").all():
                box.fill("4")
            assert page.locator("[data-result=kpi]").inner_text().startswith("4.6")
            assert page.locator("[data-result=grade]").inner_text() != ""
    finally:
        page.close()


def test_a_starter_projects_schema_headers_resolve_and_validate(installed):
    from test_schemas import assert_every_file_validates

    bin_ = installed / "venv" / "bin"
    run(bin_ / "position-standards", "new", "editor-project", cwd=installed)
    assert_every_file_validates(installed / "editor-project" / "catalog")
    out = installed / "schemas-out"
    run(bin_ / "position-standards", "schemas", "--out", out, cwd=installed)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        p.name for p in (ROOT / "generator" / "schemas").glob("*.schema.json")
    )


def test_pre_commit_runs_the_check_on_a_starter_project(installed):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    bin_ = installed / "venv" / "bin"
    run(bin_ / "position-standards", "new", "hooked", cwd=installed)
    project = installed / "hooked"
    git = ["git", "-c", "user.name=HR", "-c", "user.email=hr@example.invalid"]
    run(*git, "init", "-q", cwd=project)
    run(*git, "add", ".", cwd=project)
    try_repo = [
        sys.executable,
        "-m",
        "pre_commit",
        "try-repo",
        ROOT,
        "position-standards-check",
        "--all-files",
    ]
    assert "Passed" in run(*try_repo, cwd=project).stdout
    position = project / "catalog" / "departments" / "sales" / "sales-manager.yaml"
    position.write_text(position.read_text("utf-8").replace("weight: 60", "weight: 二十"), "utf-8")
    run(*git, "add", ".", cwd=project)
    failed = run(*try_repo, cwd=project, check=False)
    assert failed.returncode == 1
    assert "kpis[0] (部门销售额完成率).weight: expected a number, got '二十'" in failed.stdout
