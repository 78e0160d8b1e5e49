"""The command line: one module per command behind `main`, one way of reporting problems, and
an output file that cannot be written is one line naming it (no traceback, nothing written)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from processes import with_faults

from generator.__main__ import main
from generator.cli import COMMANDS
from generator.cli.common import print_problems
from generator.errors import ERROR, NOTE, WARNING, Problem
from generator.files import write_file, write_files

APPRAISALS = (
    "position,employee,rater,period,kpi1,kpi2,teamwork,accuracy,efficient\n"
    "sales-manager,张三,李四,2026Q4,4,5,4,5,3\n"
)


def run(*arguments: str) -> subprocess.CompletedProcess:
    """`python -m generator <arguments>` in the working directory, output captured."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *arguments], check=False, capture_output=True, text=True
    )


def test_every_command_is_a_module_of_its_own():
    assert list(COMMANDS) == [
        "check",
        "export",
        "import",
        "render",
        "score",
        "diff",
        "new",
        "schemas",
    ]
    for name, command in COMMANDS.items():
        assert command.__name__.startswith("generator.cli.") and command.NAME == name


def test_python_dash_m_and_main_run_the_same_command(mini, capsys):
    assert main(["check"]) == 0
    in_process = capsys.readouterr().out
    result = run("check")
    assert (result.returncode, result.stdout) == (0, in_process)
    assert in_process.startswith("catalog: OK: 1 departments, 2 positions")


def test_a_command_line_that_does_not_go_together_is_a_usage_error(mini, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["export", "--format", "xlsx"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "position-standards: error: export --format xlsx needs -o FILE"
    )


def test_check_and_rendering_import_only_what_they_need():
    probe = (
        "import sys, generator.cli, generator.render; "
        "print(sorted(m for m in ('subprocess', 'tarfile', 'openpyxl') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    )
    assert result.stdout == "[]\n"  # git and tar are for diff and history, openpyxl for Excel


def test_problems_are_printed_then_counted(capsys):
    problems = [
        Problem("a.yaml", 3, "kpis[0].weight", "expected a number", ERROR),
        Problem("a.yaml", 0, "", "byte order mark", WARNING),
        Problem("b.yaml", 7, "title", "second error", ERROR),
        Problem("c.yaml", 1, "", "kept as in the source", NOTE),
    ]
    assert print_problems(problems) == 1
    assert capsys.readouterr().err.splitlines() == [
        "a.yaml:3: kpis[0].weight: expected a number",
        "a.yaml: warning: byte order mark",
        "b.yaml:7: title: second error",
        "c.yaml:1: note: kept as in the source",
        "2 error(s); nothing was written.",
    ]
    assert print_problems(problems[1:2]) == 0
    assert capsys.readouterr().err == "a.yaml: warning: byte order mark\n"


def test_a_catalogue_that_does_not_load_is_reported_the_same_by_every_command(mini, tmp_path):
    mini.replace("departments/sales/sales-manager.yaml", "weight: 60", "weight: 二十")
    (tmp_path / "appraisals.csv").write_text(APPRAISALS, encoding="utf-8")
    reports = {
        tuple(arguments): run(*arguments)
        for arguments in (
            ["check"],
            ["export", "-o", "out.json"],
            ["export", "--format", "xlsx", "-o", "out.xlsx"],
            ["render", "--out", "pages"],
            ["score", "appraisals.csv", "-o", "scored.csv"],
        )
    }
    for result in reports.values():
        assert result.returncode == 1 and result.stdout == ""
        lines = result.stderr.splitlines()
        assert lines[-1] == "1 error(s); nothing was written."
        assert lines[0].startswith(
            "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: "
        )
    assert len({result.stderr for result in reports.values()}) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["appraisals.csv", "catalog"]


# ------------------------------------------------------------ output files that cannot be written


@pytest.mark.parametrize(
    "arguments, output, message",
    [
        (["export", "-o", "{out}"], "out.json", "{out}: cannot write the catalogue: {reason}"),
        (
            ["export", "--format", "xlsx", "-o", "{out}"],
            "out.xlsx",
            "{out}: cannot write the workbook: {reason}",
        ),
        (
            ["score", "appraisals.csv", "-o", "{out}"],
            "scored.csv",
            "{out}: cannot write the scored appraisals: {reason}",
        ),
        (["render", "--out", "{out}"], "pages", "cannot write the pages to {out}: {reason}"),
    ],
    ids=["export-json", "export-xlsx", "score", "render"],
)
def test_a_full_disk_is_one_line_and_writes_nothing(
    mini, tmp_path, monkeypatch, arguments, output, message
):
    (tmp_path / "appraisals.csv").write_text(APPRAISALS, encoding="utf-8")
    out = tmp_path / "full" / output
    with_faults(monkeypatch, full_disk=f"{tmp_path}/full/*")
    result = run(*(a.format(out=out) for a in arguments))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == message.format(out=out, reason="No space left on device") + "\n"
    assert not (tmp_path / "full").exists()  # the folder made for the output is gone again


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["export", "-o", "{out}"], "{out}: cannot write the catalogue: {reason}"),
        (
            ["export", "--format", "xlsx", "-o", "{out}"],
            "{out}: cannot write the workbook: {reason}",
        ),
        (
            ["score", "appraisals.csv", "-o", "{out}"],
            "{out}: cannot write the scored appraisals: {reason}",
        ),
    ],
    ids=["export-json", "export-xlsx", "score"],
)
@pytest.mark.parametrize(
    "where, reason",
    [
        ("folder", "Is a directory"),  # the output names a folder
        ("in-a-file/out", "Not a directory"),  # the output's folder is a file
    ],
)
def test_an_output_that_is_not_a_file_is_one_line(
    mini, tmp_path, capsys, arguments, message, where, reason
):
    (tmp_path / "appraisals.csv").write_text(APPRAISALS, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "in-a-file").write_text("kept", encoding="utf-8")
    out = tmp_path / where
    assert main([a.format(out=out) for a in arguments]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == message.format(out=out, reason=reason)
    assert list((tmp_path / "folder").iterdir()) == []
    assert (tmp_path / "in-a-file").read_text(encoding="utf-8") == "kept"


def test_render_into_a_file_is_one_line(mini, tmp_path, capsys):
    (tmp_path / "pages").write_text("kept", encoding="utf-8")
    assert main(["render", "--out", str(tmp_path / "pages")]) == 1
    assert capsys.readouterr().err == (
        f"cannot write the pages to {tmp_path / 'pages'}: Not a directory\n"
    )
    assert (tmp_path / "pages").read_text(encoding="utf-8") == "kept"


# ------------------------------------------------------------ the one writer


def test_a_written_file_has_a_normal_mode_from_the_umask(tmp_path):
    old = tmp_path / "old.txt"
    old.write_text("old")
    old.chmod(0o600)
    umask = os.umask(0o027)
    try:
        write_files({old: "new", tmp_path / "new" / "file.bin": b"\x00"})
    finally:
        os.umask(umask)
    assert old.read_text() == "new" and (tmp_path / "new" / "file.bin").read_bytes() == b"\x00"
    assert [p.stat().st_mode & 0o777 for p in (old, tmp_path / "new" / "file.bin")] == [
        0o640,
        0o640,
    ]


def test_a_failed_write_changes_no_file_and_names_the_file(tmp_path):
    kept = tmp_path / "kept.txt"
    kept.write_text("before")
    (tmp_path / "folder").mkdir()
    with pytest.raises(IsADirectoryError) as failed:
        write_files(
            {kept: "after", tmp_path / "made" / "new.txt": "new", tmp_path / "folder": "not a file"}
        )
    assert failed.value.filename == str(tmp_path / "folder")
    assert kept.read_text() == "before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "kept.txt"]
    write_file(tmp_path / "text.txt", "行\n")
    assert (tmp_path / "text.txt").read_bytes() == "行\n".encode()


@pytest.mark.parametrize(
    "arguments, output",
    [
        (["export", "--format", "xlsx", "-o", "out.xlsx"], "out.xlsx"),
        (["render", "--out", "pages"], "pages"),
    ],
    ids=["export-xlsx", "render"],
)
def test_a_text_longer_than_a_cell_is_reported_like_any_problem(
    mini, tmp_path, capsys, arguments, output
):
    mini.replace(
        "departments/sales/sales-manager.yaml", "- goal: 部门销售任务", "- goal: " + "长" * 33_000
    )
    assert main(arguments) == 1
    assert capsys.readouterr().err.splitlines() == [
        (
            "catalog/departments/sales/sales-manager.yaml: goals.财务/业务拓展类[0] "
            f"({'长' * 19}…).goal: 33,000 characters, more than the 32,767 an Excel cell holds; "
            "shorten it (the workbook would cut it)"
        ),
        "1 error(s); nothing was written.",
    ]
    assert not (tmp_path / output).exists()
