"""A build replaces the site whole or not at all: errors, --strict and kills keep the old one."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REAL_CATALOG
from processes import Output, mkdocs, stop, with_faults
from sitebuild import build, site_config

from generator.__main__ import main
from generator.site.atomic import AtomicDirectory


def fingerprint(folder: Path) -> str:
    """A hash of every file's path and bytes under `folder`."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}."))


def test_commit_replaces_the_target_and_abort_keeps_it(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old")
    failed = AtomicDirectory(target)
    (failed.begin() / "new.html").write_text("half")
    failed.abort()
    assert [p.name for p in target.iterdir()] == ["old.html"] and leftovers(target) == []
    done = AtomicDirectory(target)
    (done.begin() / "new.html").write_text("new")
    done.commit()
    assert [p.name for p in target.iterdir()] == ["new.html"] and leftovers(target) == []


def test_begin_recovers_from_a_kill_between_the_two_renames(tmp_path):
    target = tmp_path / "site"
    previous = tmp_path / ".site.previous"
    previous.mkdir()
    (previous / "index.html").write_text("old site")
    (tmp_path / ".site.building-12345").mkdir()  # left by a killed build
    build = AtomicDirectory(target)
    build.begin()
    assert (target / "index.html").read_text() == "old site"
    assert ".site.building-12345" not in leftovers(target)
    build.abort()
    assert leftovers(target) == []


def test_begin_removes_what_killed_builds_left_and_abort_leaves_nothing(tmp_path):
    target = tmp_path / "site"
    for name in (".site.building-12345", ".site.scratch-12345"):
        (tmp_path / name / "part").mkdir(parents=True)
    (tmp_path / ".site.lock").write_text("12345\n")  # a killed build's lock: nobody holds it
    build = AtomicDirectory(target)
    assert build.begin() == tmp_path / f".site.building-{os.getpid()}"
    pid = os.getpid()
    assert leftovers(target) == [f".site.building-{pid}", ".site.lock", f".site.scratch-{pid}"]
    build.abort()
    assert leftovers(target) == []


def test_a_failed_swap_puts_the_previous_site_back(tmp_path, monkeypatch):
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old")
    build = AtomicDirectory(target)
    (build.begin() / "new.html").write_text("new")
    real_rename = Path.rename

    def rename(self, destination):
        if self == build.building:  # the second rename of the swap fails
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(self))
        return real_rename(self, destination)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError):
        build.commit()
    build.abort()
    assert [p.name for p in target.iterdir()] == ["old.html"] and leftovers(target) == []


def test_a_broken_catalogue_leaves_the_previous_site_as_it_was(mini, tmp_path):
    config = site_config(tmp_path, mini.root)
    site = tmp_path / "site"
    assert build(config, site).returncode == 0
    before = fingerprint(site)
    mini.replace("departments/sales/sales-manager.yaml", "weight: 60", "weight: 二十")
    result = build(config, site)
    assert result.returncode != 0 and "expected a number" in result.stderr
    assert fingerprint(site) == before and leftovers(site) == []


def test_a_strict_warning_leaves_the_previous_site_as_it_was(mini, tmp_path):
    config = site_config(tmp_path, mini.root)
    site = tmp_path / "site"
    assert build(config, site).returncode == 0
    before = fingerprint(site)
    mini.replace("departments/sales/sales-rep.yaml", "销售部销售代表", "销售部高级销售代表")
    path = mini.path("departments/sales/sales-rep.yaml")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # a BOM: a warning, fatal in --strict
    result = build(config, site, strict=True)
    assert result.returncode != 0 and "byte order mark" in result.stderr
    assert fingerprint(site) == before and leftovers(site) == []
    assert build(config, site, strict=False).returncode == 0  # without --strict it is published
    page = site / "departments" / "sales" / "sales-rep" / "index.html"
    assert "销售部高级销售代表" in page.read_text(encoding="utf-8")


def test_a_build_killed_in_the_middle_leaves_the_previous_site_as_it_was(tmp_path):
    config = site_config(tmp_path, REAL_CATALOG)
    site = tmp_path / "site"
    assert build(config, site).returncode == 0
    before = fingerprint(site)
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    building = tmp_path / f".site.building-{process.pid}"
    deadline = time.monotonic() + 60
    while not (building.exists() and any(building.iterdir())) and process.poll() is None:
        assert time.monotonic() < deadline, "the build never started writing"
        time.sleep(0.01)
    assert process.poll() is None, "the build finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert fingerprint(site) == before
    assert build(config, site).returncode == 0  # the next build tidies up after the killed one
    assert leftovers(site) == []


# A build in progress, as far as other builds can see: it holds the site and writes a folder.
LIVE_BUILD = """
import sys, time
from generator.site.atomic import AtomicDirectory
build = AtomicDirectory(sys.argv[1])
building = build.begin()
(building / "index.html").write_text("half built")
print("building", flush=True)
time.sleep(120)
"""


def test_a_second_build_waits_for_a_live_one_and_leaves_its_folder_alone(mini, tmp_path):
    config = site_config(tmp_path, mini.root)
    site = tmp_path / "site"
    live = subprocess.Popen(
        [sys.executable, "-c", LIVE_BUILD, str(site)], stdout=subprocess.PIPE, text=True
    )
    second = None
    try:
        assert live.stdout.readline() == "building\n"
        live_folder = tmp_path / f".site.building-{live.pid}"
        second = mkdocs(
            "build",
            "--strict",
            "-d",
            str(site),
            config=config,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        output = Output(second.stderr)
        waiting = f"another build of {site.resolve()} is running (pid {live.pid}); waiting…"
        assert output.wait_for(waiting, timeout=60), output.text
        time.sleep(0.5)
        assert second.poll() is None, "the second build did not wait"
        assert (live_folder / "index.html").read_text() == "half built"
        live.kill()  # a lock held by a dead process does not block
        live.wait()
        assert second.wait(timeout=60) == 0, output.text
    finally:
        stop(live)
        if second is not None:
            stop(second)
    assert output.count(f"INFO    -  {waiting}") == 1
    assert ".building-" not in output.text
    page = site / "departments" / "sales" / "sales-rep" / "index.html"
    assert "销售部销售代表" in page.read_text(encoding="utf-8")
    assert leftovers(site) == []  # the killed build's folder is gone too


def test_two_builds_started_together_both_publish_a_whole_site(mini, tmp_path):
    config = site_config(tmp_path, mini.root)
    site = tmp_path / "site"
    builds = [
        mkdocs(
            "build",
            "--strict",
            "-d",
            str(site),
            config=config,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    try:
        outputs = [process.communicate(timeout=120) for process in builds]
    finally:
        for process in builds:
            stop(process)
    assert [process.returncode for process in builds] == [0, 0], outputs
    assert (site / "departments" / "sales" / "sales-rep" / "index.html").is_file()
    assert (site / "downloads" / "catalog.xlsx").is_file()
    assert leftovers(site) == []


@pytest.mark.parametrize(
    "failing",
    [
        "*/departments/sales/sales-rep/index.html",  # a page, written by MkDocs
        "*/.site.building-*/search/*",  # the search index: another plugin, after the pages
        "*.xlsx*",  # the Excel download, written by a second process
    ],
    ids=["page", "search-index", "workbook"],
)
def test_a_full_disk_keeps_the_previous_site_and_says_so_in_one_line(
    mini, tmp_path, monkeypatch, failing
):
    config = site_config(tmp_path, mini.root)
    site = tmp_path / "site"
    first = build(config, site)
    assert first.returncode == 0 and ".building-" not in first.stderr
    before = fingerprint(site)
    mini.replace("departments/sales/sales-rep.yaml", "销售部销售代表", "销售部高级销售代表")
    with_faults(monkeypatch, full_disk=failing)
    result = build(config, site)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    message = f"cannot write the site to {site.resolve()}: No space left on device"
    assert errors == [f"ERROR   -  {message}"]
    assert "Traceback" not in result.stderr + result.stdout
    assert fingerprint(site) == before and leftovers(site) == []


def test_render_on_a_full_disk_changes_no_page_and_says_so_in_one_line(
    mini, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "pages"
    assert main(["render", str(mini.root), "--out", str(out)]) == 0
    before = fingerprint(out)
    mini.replace("departments/sales/sales-rep.yaml", "销售部销售代表", "销售部高级销售代表")
    with_faults(monkeypatch, full_disk="*/data/calculator/*index.js*")  # the last page fails
    result = subprocess.run(
        [sys.executable, "-m", "generator", "render", str(mini.root), "--out", str(out)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"cannot write the pages to {out}: No space left on device\n"
    assert fingerprint(out) == before
    assert [p.name for p in out.rglob(".*")] == []  # no temporary file is left either
