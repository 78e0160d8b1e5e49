"""What `mkdocs serve` keeps between rebuilds gives what a fresh load and render give: the
catalogue loaded with the files that did not change taken from the cache, the pages
rendered with the unchanged ones taken from the page cache, the published versions read
once. One edit of each kind, each checked against a fresh load and render."""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import MINI_CATALOG
from test_history import git, publish_version_2

from generator.catalog import load_catalog
from generator.errors import CatalogError
from generator.render import PageCache, SiteRenderer
from generator.resources import TEMPLATES
from generator.serve.history import serve_history
from generator.serve.loading import SourceCache, source_cache
from generator.versions.history import load_history

MANAGER = "departments/sales/sales-manager.yaml"
REP = "departments/sales/sales-rep.yaml"
DEPARTMENT = "departments/sales/_department.yaml"
VOCABULARY = "vocabulary.yaml"
COMPANY = "company.yaml"
NEW_POSITION = """title: 销售部大客户经理
status: draft
"""

EDITS = {
    "position title": [(MANAGER, "title: 销售部经理", "title: 销售部总经理")],
    "position status": [(MANAGER, "status: published", "status: draft")],
    "goal": [(MANAGER, "goal: 部门销售任务", "goal: 部门销售目标")],
    "goal target": [(MANAGER, "target: 100%完成", "target: 95%完成")],
    "KPI weight": [(MANAGER, "weight: 60", "weight: 70"), (MANAGER, "weight: 40", "weight: 30")],
    "KPI weight not 100": [
        (MANAGER, "weight: 60", "weight: 65"),
        (MANAGER, "status: published\n", "status: published\nweights_total_note: 原文合计 105\n"),
    ],
    "KPI name": [(MANAGER, "name: 部门业绩", "name: 部门销售业绩")],
    "KPI standard": [(MANAGER, '">120%为5"', '">110%为5"')],
    "KPI scale": [(MANAGER, "value: 120", "value: 110")],
    "KPI method": [(MANAGER, "method: 定期客户调查", "method: 季度客户调查")],
    "monthly indicator": [(MANAGER, "indicator: 部门业绩", "indicator: 部门月度业绩")],
    "competency used": [
        (
            MANAGER,
            "    - teamwork\n  reference:\n    - accuracy",
            "    - accuracy\n  reference:\n    - teamwork",
        )
    ],
    "competency name": [(VOCABULARY, "name: 团队合作", "name: 团队协作")],
    "competency definition": [(VOCABULARY, "与同事配合完成", "与同事一起完成")],
    "competency anchor": [(VOCABULARY, "能按期完成任务。", "能按时完成任务。")],
    "department name": [(DEPARTMENT, "name: 销售部", "name: 销售一部")],
    "position order": [
        (DEPARTMENT, "  - sales-manager\n  - sales-rep", "  - sales-rep\n  - sales-manager")
    ],
    "company name": [(COMPANY, "name: 某电信公司", "name: 另一电信公司")],
    "catalogue version": [(COMPANY, 'version: "1.0"', 'version: "1.1"')],
    "goal category": [
        (COMPANY, "name: 客户类", "name: 客户服务类"),
        (MANAGER, "  客户类:", "  客户服务类:"),
    ],
    "position added": [(DEPARTMENT, "  - sales-rep\n", "  - sales-rep\n  - sales-new\n")],
    "position removed": [(DEPARTMENT, "  - sales-rep\n", "")],
}


def apply(mini, edits) -> None:
    for relative, old, new in edits:
        if new == "  - sales-rep\n  - sales-new\n":
            mini.write("departments/sales/sales-new.yaml", NEW_POSITION)
        mini.replace(relative, old, new)
    if ("  - sales-rep\n", "") in [(old, new) for _, old, new in edits]:
        mini.remove(REP)


def render(catalog, cache: PageCache | None = None) -> dict:
    return SiteRenderer(catalog, [TEMPLATES], cache=cache, workbook_inline=False).pages()


@pytest.mark.parametrize("kind", EDITS)
def test_an_edit_loaded_and_rendered_again_from_the_caches_is_a_fresh_load_and_render(mini, kind):
    sources, pages = source_cache(mini.root), PageCache()
    before = render(load_catalog(mini.root, sources), pages)
    apply(mini, EDITS[kind])
    sources = source_cache(mini.root)
    catalog = load_catalog(mini.root, sources)
    assert sources.reads <= 3  # the files that changed (the catalogue has 5)
    fresh = load_catalog(mini.root)
    assert catalog == fresh
    assert catalog.warnings == fresh.warnings
    after = render(catalog, pages)
    expected = render(fresh)
    assert [uri for uri in expected if after.get(uri) != expected[uri]] == []
    assert set(after) == set(expected)
    assert pages.made < len(expected) / 2  # most pages were taken from the cache
    assert after != before


def test_unchanged_files_give_the_same_objects_and_nothing_is_rendered_again(mini):
    sources, pages = source_cache(mini.root), PageCache()
    first = load_catalog(mini.root, sources)
    render(first, pages)
    again = load_catalog(mini.root, source_cache(mini.root))
    assert again.departments[0] is first.departments[0] and again.company is first.company
    render(again, pages)
    assert pages.made == 0


def test_problems_of_unchanged_files_are_reported_again(mini):
    mini.replace(MANAGER, "weight: 60", "weight: 二十")
    cache = SourceCache()
    with pytest.raises(CatalogError) as first:
        load_catalog(mini.root, cache)
    with pytest.raises(CatalogError) as again:
        load_catalog(mini.root, cache)
    assert again.value.problems == first.value.problems != ()


def test_a_file_rewritten_with_its_size_and_modification_time_kept_is_read_again(mini):
    cache = SourceCache()
    load_catalog(mini.root, cache)
    path = mini.path(MANAGER)
    stat = path.stat()
    mini.replace(MANAGER, "title: 销售部经理", "title: 销售部总理")  # the same size in bytes...
    assert path.stat().st_size == stat.st_size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # ...and modification time
    assert load_catalog(mini.root, cache).positions()[0].title == "销售部总理"


def test_the_published_versions_read_once_give_the_same_history(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    shutil.copytree(MINI_CATALOG, repo / "catalog")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "1.0")
    git(repo, "tag", "v1.0")
    manager = repo / "catalog" / MANAGER
    manager.write_text(
        manager.read_text("utf-8")
        .replace("weight: 60", "weight: 70")
        .replace("weight: 40", "weight: 30"),
        "utf-8",
    )
    publish_version_2(repo)
    folder = repo / "catalog"
    monkeypatch.chdir(repo)
    catalog = load_catalog(folder)
    assert serve_history(catalog, folder) == load_history(catalog, folder)
    manager.write_text(
        manager.read_text("utf-8").replace("title: 销售部经理", "title: 经理"), "utf-8"
    )
    catalog = load_catalog(folder)
    assert serve_history(catalog, folder) == load_history(catalog, folder)
    assert serve_history(catalog, folder)[0].diff is not None
