"""A build replaces the site whole or not at all: errors, --strict and kills keep the old one."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import REAL_CATALOG
from sitebuild import build, site_config

from generator.atomic import AtomicDirectory


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
    AtomicDirectory(target).begin()
    assert (target / "index.html").read_text() == "old site"
    assert leftovers(target) == [f".site.building-{os.getpid()}"]


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
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
