"""`mkdocs serve`: a catalogue error is reported in lines, never a traceback, and the server
goes on; the fixed catalogue is served once it is saved. (While a rebuild has failed, MkDocs
holds page requests until the next good build: that is its design, so none is made then.)"""

from __future__ import annotations

import signal
import socket
import subprocess
import time
import urllib.request

from processes import Output, mkdocs, stop
from sitebuild import site_config

BROKEN = "ERROR   -  catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: "


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def test_serve_reports_a_catalogue_error_without_a_traceback_and_serves_the_fix(mini, tmp_path):
    config = site_config(tmp_path, mini.root)
    port = free_port()
    page = f"http://127.0.0.1:{port}/departments/sales/sales-manager/"
    server = mkdocs(
        "serve",
        "-a",
        f"127.0.0.1:{port}",
        config=config,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    output = Output(server.stderr)
    try:
        assert output.wait_for(f"Serving on http://127.0.0.1:{port}/", timeout=60), output.text
        assert "销售部经理" in fetch(page)
        mini.replace("departments/sales/sales-manager.yaml", "weight: 60", "weight: 二十")
        assert output.wait_for("Aborted with a BuildError!", timeout=60), output.text
        assert output.count(BROKEN) == 1, output.text
        rebuilt = output.count("Reloading browsers")
        mini.replace("departments/sales/sales-manager.yaml", "weight: 二十", "weight: 60")
        mini.replace(
            "departments/sales/sales-manager.yaml", "title: 销售部经理", "title: 销售部总经理"
        )
        assert output.wait_for("Reloading browsers", timeout=60, times=rebuilt + 1), output.text
        deadline = time.monotonic() + 30
        while "销售部总经理" not in fetch(page):
            assert time.monotonic() < deadline, "the fixed catalogue was never served"
            time.sleep(0.2)
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    finally:
        stop(server)
    output.ended.wait(timeout=10)
    assert "Traceback" not in output.text, output.text


def test_serve_of_a_broken_catalogue_stops_with_the_problems_and_no_traceback(mini, tmp_path):
    mini.replace("departments/sales/sales-manager.yaml", "weight: 60", "weight: 二十")
    config = site_config(tmp_path, mini.root)
    server = mkdocs(
        "serve",
        "-a",
        f"127.0.0.1:{free_port()}",
        config=config,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        text, _ = server.communicate(timeout=60)
    finally:
        stop(server)
    assert server.returncode == 1
    assert BROKEN in text and "Aborted with a BuildError!" in text
    assert "Traceback" not in text, text
