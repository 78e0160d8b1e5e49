"""`mkdocs serve`: while the catalogue has errors every page it serves shows them (as `check`
prints them) and reloads itself once they are fixed; the server never holds a request; the
terminal has the same lines and never a traceback. `Served` drives a real `mkdocs serve` for
these tests and tests/test_incremental*.py."""

from __future__ import annotations

import html
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from processes import Output, stop
from sitebuild import ROOT, site_config

BROKEN = "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: "
REBUILT = "Reloading browsers"
SETTLED = "search index and downloads updated"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 10) -> str:
    """The page at `url` (an error page too); a server that holds the request fails here."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")


def serve_config(tmp: Path, catalog: Path, **plugin_options) -> Path:
    """site_config with a copy of docs/ (an edit elsewhere in the checkout cannot reach the
    served site) and the catalogue plugin's `plugin_options`."""
    docs = tmp / "docs"
    if not docs.exists():
        shutil.copytree(ROOT / "docs", docs)
    config = site_config(tmp, catalog, docs_dir=str(docs))
    data = yaml.safe_load(config.read_text("utf-8"))
    for plugin in data["plugins"]:
        if isinstance(plugin, dict) and "position-catalog" in plugin:
            plugin["position-catalog"].update(plugin_options)
    config.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return config


class Served:
    """`mkdocs serve` of `config` on a free port; its temporary site folder in `tmp`."""

    def __init__(self, config: Path, tmp: Path, wait: bool = True) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.temp = tmp / "serve-tmp"
        self.temp.mkdir(exist_ok=True)
        # `mkdocs serve` builds into a temporary folder of its own: here, to be compared
        environment = {**os.environ, "TMPDIR": str(self.temp), "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "-a",
                f"127.0.0.1:{self.port}",
                "-f",
                str(config),
            ],
            cwd=config.parent,
            env=environment,
            text=True,
            encoding="utf-8",
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.output = Output(self.process.stderr)
        if wait:
            assert self.output.wait_for(f"Serving on {self.url}", timeout=120), self.text

    @property
    def text(self) -> str:
        return self.output.text

    @property
    def site(self) -> Path:
        """The folder `mkdocs serve` builds into and serves."""
        (site,) = self.temp.glob("mkdocs_*")
        return site

    def rebuilds(self) -> int:
        return self.output.count(REBUILT)

    def wait_for_rebuild(self, after: int, timeout: float = 120) -> None:
        assert self.output.wait_for(REBUILT, timeout=timeout, times=after + 1), self.text

    def wait_until_settled(self, timeout: float = 120) -> None:
        """Until the settle job of the last rebuild has written the index and downloads."""
        rebuilt = self.rebuilds()
        deadline = time.monotonic() + timeout
        while True:
            lines = self.output.lines
            last = max(i for i, line in enumerate(lines) if REBUILT in line or "Serving on" in line)
            if any(SETTLED in line for line in lines[last:]) and self.rebuilds() == rebuilt:
                return
            assert time.monotonic() < deadline, self.text
            time.sleep(0.05)

    def page(self, path: str) -> str:
        return fetch(self.url + path)

    def problems(self) -> dict:
        return json.loads(fetch(self.url + ".position-catalog/problems.json"))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            finally:
                stop(self.process)
        self.output.ended.wait(timeout=10)


@contextmanager
def serving(config: Path, tmp: Path, wait: bool = True) -> Iterator[Served]:
    """A `Served` of `config`, stopped at the end."""
    server = Served(config, tmp, wait)
    try:
        yield server
    finally:
        server.stop()


def test_a_catalogue_error_shows_on_every_page_until_it_is_fixed(mini, tmp_path):
    with serving(serve_config(tmp_path, mini.root), tmp_path) as served:
        assert "销售部经理" in served.page("departments/sales/sales-manager/")
        assert served.problems()["problems"] == []
        before = served.rebuilds()
        mini.replace("departments/sales/sales-manager.yaml", "weight: 60", "weight: 二十")
        served.wait_for_rebuild(before)
        [line] = [line for line in served.output.lines if BROKEN in line]
        problem = line[line.index(BROKEN) :]
        assert line.startswith("ERROR") and served.output.count(BROKEN) == 1
        for path in ("departments/sales/sales-manager/", "", "glossary/", "no-such-page/"):
            page = served.page(path)  # answered at once, the problem on it
            assert 'id="position-catalog-problems"' in page, path
            assert problem in html.unescape(page), path
        assert "销售部经理" in served.page("departments/sales/sales-manager/")  # the last site
        assert served.problems()["problems"] == [problem]

        before = served.rebuilds()
        mini.replace("departments/sales/sales-manager.yaml", "weight: 二十", "weight: 60")
        mini.replace(
            "departments/sales/sales-manager.yaml", "title: 销售部经理", "title: 销售部总经理"
        )
        served.wait_for_rebuild(before)
        page = served.page("departments/sales/sales-manager/")
        assert "销售部总经理" in page and "position-catalog-problems" not in page
        assert served.problems()["problems"] == []
    assert "Traceback" not in served.text, served.text


def test_serve_of_a_broken_catalogue_shows_its_problems_and_the_site_once_fixed(mini, tmp_path):
    mini.replace("departments/sales/sales-manager.yaml", "weight: 60", "weight: 二十")
    with serving(serve_config(tmp_path, mini.root), tmp_path) as served:
        assert served.output.count(BROKEN) == 1, served.text
        home = served.page("")
        assert "目录有错误" in home and BROKEN in html.unescape(home)
        assert "position-catalog-problems" in served.page("departments/sales/sales-manager/")
        before = served.rebuilds()
        mini.replace("departments/sales/sales-manager.yaml", "weight: 二十", "weight: 60")
        served.wait_for_rebuild(before)
        page = served.page("departments/sales/sales-manager/")
        assert "销售部经理" in page and "position-catalog-problems" not in page
        assert "目录有错误" not in served.page("")
    assert "Traceback" not in served.text, served.text


def test_a_broken_page_template_is_shown_and_the_server_goes_on(mini, tmp_path):
    own = tmp_path / "templates"
    own.mkdir()
    template = (ROOT / "site_templates" / "department.md.j2").read_text("utf-8")
    (own / "department.md.j2").write_text(template, "utf-8")
    config = serve_config(tmp_path, mini.root, templates=str(own))
    with serving(config, tmp_path) as served:
        before = served.rebuilds()
        (own / "department.md.j2").write_text(template + "{% if %}", "utf-8")
        served.wait_for_rebuild(before)
        page = served.page("departments/sales/")
        assert "position-catalog-problems" in page and "department.md.j2" in page
        before = served.rebuilds()
        (own / "department.md.j2").write_text(template.replace("本部门共有", "本部门有"), "utf-8")
        served.wait_for_rebuild(before)
        page = served.page("departments/sales/")
        assert "本部门有" in page and "position-catalog-problems" not in page


def test_in_chromium_the_open_page_shows_the_error_and_the_fix_by_itself(mini, tmp_path, page):
    with serving(serve_config(tmp_path, mini.root), tmp_path) as served:
        page.goto(served.url + "departments/sales/sales-manager/")
        assert page.locator("h1").inner_text() == "销售部经理"
        other = page.context.new_page()  # a page the server does not have shows it too
        other.goto(served.url + "no-such-page/")
        mini.replace("departments/sales/sales-manager.yaml", "weight: 60", "weight: 二十")
        for shown in (page, other):  # each reloads by itself (when it is in front)
            shown.bring_to_front()
            panel = shown.locator("#position-catalog-problems")
            panel.wait_for(timeout=60_000)
            text = panel.inner_text()
            assert "网站无法按当前的目录生成" in text and BROKEN in text, text
        assert page.locator("h1").inner_text() == "销售部经理"  # the last good site below it
        mini.replace("departments/sales/sales-manager.yaml", "weight: 二十", "weight: 60")
        mini.replace(
            "departments/sales/sales-manager.yaml", "title: 销售部经理", "title: 销售部总经理"
        )
        for shown in (page, other):
            shown.bring_to_front()
            shown.locator("#position-catalog-problems").wait_for(state="detached", timeout=60_000)
        page.locator("h1", has_text="销售部总经理").wait_for(timeout=60_000)
