"""The workbook's second process ends with its build, and what it wrote goes with the build."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from processes import mkdocs, stop, with_faults
from sitebuild import build, site_config

from generator import load_catalog
from generator.excel.workbook import workbook_bytes
from generator.site.background import WorkbookJob

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="finds processes in /proc (Linux)"
)


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # it ended while we looked
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def running(pid: int) -> bool:
    """Whether `pid` runs (a zombie waiting for a reaper has ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def command_line(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text().split("\0")
    except OSError:  # it ended while we looked
        return []


def test_a_killed_build_takes_its_workbook_process_and_file_with_it(mini, tmp_path, monkeypatch):
    config = site_config(tmp_path, mini.root)
    site = tmp_path / "site"
    with_faults(monkeypatch, hang="*.xlsx*")  # the workbook process is still writing when killed
    parent = mkdocs(
        "build",
        "-d",
        str(site),
        config=config,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    child = None
    try:
        deadline = time.monotonic() + 60
        while child is None:
            assert time.monotonic() < deadline and parent.poll() is None, "no workbook process"
            child = next(
                (
                    pid
                    for pid in children(parent.pid)
                    if "generator.site.background" in command_line(pid)
                ),
                None,
            )
            time.sleep(0.01)
        workbook = next(Path(arg) for arg in command_line(child) if arg.endswith(".xlsx"))
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while running(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not running(child), "the workbook process outlived its build"
    finally:
        stop(parent)
        if child is not None and running(child):
            os.kill(child, signal.SIGKILL)
    monkeypatch.delenv("FAULT_HANG")
    assert build(config, site).returncode == 0  # the next build tidies up after the killed one
    assert not workbook.exists() and not workbook.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")) == []


def workbook_parts(data: bytes) -> list[tuple[str, bytes]]:
    """The parts of an .xlsx in order, without the times openpyxl stamps it with."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return [
            (name, re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"<time>", book.read(name)))
            for name in book.namelist()
        ]


def test_the_download_is_the_workbook_of_the_catalogue_the_build_loaded(mini, tmp_path):
    config = site_config(tmp_path, mini.root)
    site = tmp_path / "site"
    assert build(config, site).returncode == 0
    download = (site / "downloads" / "catalog.xlsx").read_bytes()
    assert workbook_parts(download) == workbook_parts(workbook_bytes(load_catalog(mini.root)))
    assert (site / "downloads" / "catalog.xlsx").stat().st_mode & 0o777 == 0o666 & ~umask()


def test_the_workbook_process_writes_the_catalogue_it_is_handed_not_the_folder(mini, tmp_path):
    catalog = load_catalog(mini.root)
    mini.replace("departments/sales/sales-rep.yaml", "销售部销售代表", "销售部高级销售代表")
    job = WorkbookJob(catalog)
    scratch = job.scratch
    job.finish(tmp_path / "catalog.xlsx")
    written = (tmp_path / "catalog.xlsx").read_bytes()
    assert workbook_parts(written) == workbook_parts(workbook_bytes(catalog))
    text = b"".join(part for _, part in workbook_parts(written))
    assert "销售部销售代表".encode() in text and "销售部高级销售代表".encode() not in text
    assert not scratch.exists()


def umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def test_a_text_longer_than_a_cell_stops_the_build_with_the_problem(mini, tmp_path):
    mini.replace(
        "departments/sales/sales-manager.yaml", "- goal: 部门销售任务", "- goal: " + "长" * 33_000
    )
    result = build(site_config(tmp_path, mini.root), tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    expected = (
        "ERROR   -  the Excel download could not be written: catalog/departments/sales/"
        f"sales-manager.yaml: goals.财务/业务拓展类[0] ({'长' * 19}…).goal: 33,000 characters, "
        "more than the 32,767 an Excel cell holds; shorten it (the workbook would cut it)"
    )
    assert errors == [expected]
    assert not (tmp_path / "site").exists()
