"""A quiet build: a clean catalogue builds with MkDocs' own summary and nothing else; a note
(an acknowledged fact such as a source's 80 % weight total) is said by `check` only."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from sitebuild import site_config

from generator.__main__ import main

MANAGER = "departments/sales/sales-manager.yaml"
NOTE = (
    "catalog/departments/sales/sales-manager.yaml:31: note: weights_total_note: KPI weights add "
    "to 80, not 100 (kept as in the source: 原文权重合计为80)"
)


def mkdocs_own_lines(stderr: str, site: Path) -> list[str]:
    """The lines of `stderr` that are not MkDocs' own summary of a build into `site`."""
    own = [
        re.escape("INFO    -  Cleaning site directory"),
        re.escape(f"INFO    -  Building documentation to directory: {site}"),
        r"INFO    -  Documentation built in [0-9.]+ seconds",
    ]
    return [line for line in stderr.splitlines() if not any(re.fullmatch(o, line) for o in own)]


def test_the_real_catalogue_builds_with_mkdocs_summary_only(real_site):
    site, result = real_site
    assert mkdocs_own_lines(result.stderr, site) == []
    assert len(result.stderr.splitlines()) == 3  # the finance manager's 80 % note is not said
    assert result.stdout == ""


def test_a_note_is_said_by_check_and_by_no_other_command(mini, capsys):
    mini.replace(MANAGER, "weight: 60", "weight: 40")
    mini.replace(MANAGER, "competencies:", "weights_total_note: 原文权重合计为80\ncompetencies:")
    Path("appraisals.csv").write_text("position,kpi1,kpi2\nsales-manager,4,5\n", "utf-8")
    assert main(["check"]) == 0
    captured = capsys.readouterr()
    assert captured.err == NOTE + "\n"
    assert captured.out.endswith(", 0 warning(s), 1 note(s)\n")
    for command in (
        ["export", "-o", "catalog.json"],
        ["export", "--format", "xlsx", "-o", "catalog.xlsx"],
        ["render", "--out", "pages"],
        ["score", "appraisals.csv", "-o", "scored.csv"],
    ):
        assert main(command) == 0, command
        assert "note:" not in capsys.readouterr().err, command


def test_the_build_says_a_note_only_when_verbose(mini, tmp_path):
    mini.replace(MANAGER, "weight: 60", "weight: 40")
    mini.replace(MANAGER, "competencies:", "weights_total_note: 原文权重合计为80\ncompetencies:")
    config = site_config(tmp_path, mini.root)
    site = tmp_path / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("POSITION_STANDARDS_LANG", None)  # as a company that works in Chinese builds it
    quiet = subprocess.run(
        [*command, "-d", str(site)], capture_output=True, text=True, env=env, check=False
    )
    assert quiet.returncode == 0, quiet.stderr
    assert mkdocs_own_lines(quiet.stderr, site) == []
    verbose = subprocess.run(
        [*command, "-d", str(site), "--verbose"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert verbose.returncode == 0, verbose.stderr
    debug = [line for line in verbose.stderr.splitlines() if line.startswith("DEBUG")]
    notes = [line for line in debug if "weights_total_note" in line]
    assert len(notes) == 1
    assert notes[0].startswith("DEBUG   -  catalog/departments/sales/sales-manager.yaml:31: ")
    said = "\n".join(line for line in verbose.stderr.splitlines() if not line.startswith("DEBUG"))
    assert mkdocs_own_lines(said, site) == []


def test_a_hand_written_page_missing_from_the_nav_is_still_listed(mini):
    project = mini.root.parent
    config = {
        "site_name": "示例",
        "theme": {"name": "material", "language": "zh"},
        "plugins": [{"position-catalog": {"tool_pages": False}}, "position-search"],
        "nav": [{"首页": "index.md"}, {"部门": "departments/index.md"}, {"关于": "about.md"}],
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    (project / "docs").mkdir()
    (project / "docs" / "about.md").write_text("# 关于\n", "utf-8")
    (project / "docs" / "forgotten.md").write_text("# 忘了放进导航的页面\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[:4] == [
        "INFO    -  Cleaning site directory",
        f"INFO    -  Building documentation to directory: {project / 'site'}",
        (
            "INFO    -  The following pages exist in the docs directory, but are not included in "
            'the "nav" configuration:'
        ),
        "  - forgotten.md",
    ]
    assert [line for line in result.stderr.splitlines() if line.startswith("  - ")] == [
        "  - forgotten.md"  # and none of the generated pages
    ]
    assert (project / "site" / "departments" / "sales" / "sales-manager" / "index.html").is_file()
