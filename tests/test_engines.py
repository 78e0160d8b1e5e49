"""A second engine as a canary: the rendered catalogue builds with Zensical, which runs no
MkDocs plugin, and its position pages and calculator work in Chromium."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from browser import serve
from conftest import REAL_CATALOG

RAW_ATTRIBUTES = "() => /\\{\\s*[.:#]/.test(document.querySelector('article').innerText)"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory):
    zensical = shutil.which("zensical") or shutil.which("zensical", path=str(sys.prefix) + "/bin")
    if zensical is None:
        pytest.skip("zensical is not installed (pip install -e '.[test]' installs it)")
    project = tmp_path_factory.mktemp("zensical")
    rendered = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "render",
            str(REAL_CATALOG),
            "--engine",
            "zensical",
            "--out",
            str(project),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert rendered.returncode == 0, rendered.stderr
    built = subprocess.run(
        [zensical, "build"], cwd=project, capture_output=True, text=True, check=False
    )
    assert built.returncode == 0, built.stdout + built.stderr
    return project / "site"


def test_zensical_builds_every_page_of_the_rendered_catalogue(zensical_site):
    for page in (
        "index.html",
        "departments/finance/fin-analyst/index.html",
        "glossary/teamwork/index.html",
        "matrix/finance/index.html",
        "calculator/index.html",
        "changelog/index.html",
    ):
        assert (zensical_site / page).is_file(), page


def test_a_position_page_and_the_calculator_work_when_zensical_built_them(zensical_site, page):
    with serve(zensical_site) as url:
        page.goto(f"{url}/departments/finance/fin-analyst/")
        assert page.locator("article h1").inner_text() == "财务部财务分析师"
        assert page.evaluate(RAW_ATTRIBUTES) is False
        assert page.locator("article table").count() >= 2
        page.goto(f"{url}/calculator/?position=fin-analyst")
        page.locator("[data-result=overall]").wait_for()
        for box in page.locator("[data-kpi]").all():
            box.fill("4")
        assert page.locator("[data-result=kpi]").inner_text().startswith("4.0")
