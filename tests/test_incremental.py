"""`mkdocs serve` rebuilds only what changed, and the site it serves is the site a clean build
makes: after a sequence of edits of every kind, compared file by file (nav, links, search
index and downloads included)."""

from __future__ import annotations

import difflib
import gzip
import zipfile
from pathlib import Path

import yaml
from sitebuild import build
from test_serve import serve_config, serving

NEW_POSITION = """title: 销售部大客户经理
source_line: 30
status: published
goals:
  客户类:
    - goal: 大客户维护
      target: "100%"
kpis:
  - name: 大客户收入
    weight: 100
    standard: ">100%为5"
    method: 根据业绩核算结果
competencies:
  core: [teamwork]
  reference: []
  attitude: [efficient]
"""


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def comparable(path: Path) -> bytes | dict:
    """What of a built file must be the same in both builds: the workbook's parts but its
    timestamps, the sitemap's text but the gzip header's time."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as book:
            return {n: book.read(n) for n in book.namelist() if n != "docProps/core.xml"}
    if path.name.endswith(".gz"):
        return gzip.decompress(path.read_bytes())
    return path.read_bytes()


def differences(served: Path, clean: Path) -> list[str]:
    """Every file that differs between the two sites, or is in one only (a diff of the
    first text file that differs)."""
    files = {p.relative_to(served) for p in served.rglob("*") if p.is_file()}
    others = {p.relative_to(clean) for p in clean.rglob("*") if p.is_file()}
    out = [f"only served: {p}" for p in sorted(files - others)]
    out += [f"only in the clean build: {p}" for p in sorted(others - files)]
    shown = False
    for relative in sorted(files & others):
        a, b = comparable(served / relative), comparable(clean / relative)
        if a == b:
            continue
        out.append(f"differs: {relative}")
        if not shown and isinstance(a, bytes):
            shown = True
            out += difflib.unified_diff(
                b.decode("utf-8", "replace").splitlines(),
                a.decode("utf-8", "replace").splitlines(),
                "clean",
                "served",
                n=1,
                lineterm="",
            )
    return out


def html_times(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def set_plugin_option(config: Path, **options) -> None:
    data = yaml.safe_load(config.read_text("utf-8"))
    for plugin in data["plugins"]:
        if isinstance(plugin, dict) and "position-catalog" in plugin:
            plugin["position-catalog"].update(options)
    config.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


def test_the_served_site_after_a_sequence_of_edits_is_the_clean_build(mini, tmp_path):
    sales = mini.path("departments/sales")
    manager = sales / "sales-manager.yaml"
    # The nav without departments first: a department's name is then on its own pages only.
    config = serve_config(tmp_path, mini.root, nav_departments_limit=0)
    steps = [
        (
            "a KPI weight",
            lambda: (
                edit(manager, "weight: 60", "weight: 55"),
                edit(manager, "weight: 40", "weight: 45"),
            ),
        ),
        ("a position title", lambda: edit(manager, "title: 销售部经理", "title: 销售部总经理")),
        (
            "a department name",
            lambda: edit(sales / "_department.yaml", "name: 销售部", "name: 销售一部"),
        ),
        ("an error", lambda: edit(manager, "weight: 55", "weight: 二十")),
        ("its fix", lambda: edit(manager, "weight: 二十", "weight: 55")),
        (
            "a new position",
            lambda: (
                (sales / "sales-key-account.yaml").write_text(NEW_POSITION, "utf-8"),
                edit(
                    sales / "_department.yaml",
                    "  - sales-rep\n",
                    "  - sales-rep\n  - sales-key-account\n",
                ),
            ),
        ),
        (
            "a position deleted",
            lambda: (
                edit(sales / "_department.yaml", "  - sales-rep\n", ""),
                (sales / "sales-rep.yaml").unlink(),
            ),
        ),
        (
            "a glossary entry",
            lambda: (
                edit(mini.path("vocabulary.yaml"), "name: 团队合作", "name: 团队协作"),
                edit(mini.path("vocabulary.yaml"), "与同事配合完成", "与同事一起完成"),
            ),
        ),
        # mkdocs.yml itself: the nav now lists the departments, on every page
        ("the nav", lambda: set_plugin_option(config, nav_departments_limit=50)),
        (
            "a department name in the nav",
            lambda: edit(sales / "_department.yaml", "name: 销售一部", "name: 销售二部"),
        ),
    ]
    with serving(config, tmp_path) as served:
        served.wait_until_settled()
        for number, (what, change) in enumerate(steps):
            written = html_times(served.site)
            before = served.rebuilds()
            change()
            served.wait_for_rebuild(before)
            problems = served.problems()["problems"]
            assert bool(problems) == (what == "an error"), (what, problems)
            if what == "a KPI weight":  # the one page that shows it (and 404.html, always)
                again = {p for p, t in html_times(served.site).items() if written.get(p) != t}
                assert again == {"departments/sales/sales-manager/index.html", "404.html"}
            if what == "an error":
                continue  # the site stays as it was
            served.wait_until_settled()
            clean = tmp_path / f"clean-{number}"
            result = build(served_config(config, served.url), clean)
            assert result.returncode == 0, result.stderr
            assert differences(served.site, clean) == [], what
        page = served.page("departments/sales/sales-manager/")
        assert "销售部总经理" in page and "销售二部" in page
        text = served.text
    assert "Traceback" not in text, text
    assert "every page is written again" in text  # when the nav changed


def served_config(config: Path, url: str) -> Path:
    """`config` as `mkdocs serve` builds it: its URL the server's."""
    data = yaml.safe_load(config.read_text("utf-8"))
    data["site_url"] = url
    clean = config.with_name("clean.yml")
    clean.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return clean
