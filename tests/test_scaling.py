"""The generator's work and output grow linearly with the catalogue: counted, never timed."""

from __future__ import annotations

import shutil

import pytest
from conftest import MINI_CATALOG, CatalogCopy

from generator import load_catalog
from generator import render as render_module
from generator.render import PAGE_SIZE, SiteRenderer, expand_departments


def grown(tmp_path, departments: int, positions: int) -> CatalogCopy:
    """The fixture catalogue with `departments` departments of `positions` positions each,
    and a glossary that grows with them (each department has its own copy of the words)."""
    catalog = CatalogCopy(tmp_path / f"grown-{departments}")
    shutil.copytree(MINI_CATALOG, catalog.root)
    manager = catalog.path("departments/sales/sales-manager.yaml").read_text("utf-8")
    vocabulary = catalog.path("vocabulary.yaml").read_text("utf-8")
    entries = vocabulary.split("\n  - ")[1:]
    words = ["competencies:"]
    names = [f"d{d}" for d in range(departments)]
    for name in names:
        words += [
            f"  - {entry}".replace("id: ", f"id: {name}-")
            .replace("name: ", f"name: {name}")
            .replace("seed: [团队合作, 团合作]", f"seed: [{name}团队合作]")
            for entry in entries
        ]
        ids = [f"{name}-p{i}" for i in range(positions)]
        catalog.write(
            f"departments/{name}/_department.yaml",
            f"name: 部门{name}\npositions:\n" + "".join(f"  - {i}\n" for i in ids),
        )
        text = (
            manager.replace("- teamwork", f"- {name}-teamwork")
            .replace("- accuracy", f"- {name}-accuracy")
            .replace("- efficient", f"- {name}-efficient")
        )
        for i in ids:
            catalog.write(f"departments/{name}/{i}.yaml", text)
    catalog.write("vocabulary.yaml", "\n".join(words) + "\n")
    shutil.rmtree(catalog.path("departments/sales"))
    company = catalog.path("company.yaml")
    company.write_text(
        company.read_text("utf-8").replace("  - sales\n", "".join(f"  - {n}\n" for n in names)),
        encoding="utf-8",
    )
    return catalog


@pytest.fixture(scope="module")
def small_and_large(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scaling")
    return (load_catalog(grown(tmp, 3, 4).root), load_catalog(grown(tmp, 300, 4).root))


def test_each_page_is_rendered_once(small_and_large, monkeypatch):
    for catalog in small_and_large:
        calls = []
        original = SiteRenderer.render

        def counted(self, *a, calls=calls, original=original, **k):
            calls.append(a[1])
            return original(self, *a, **k)

        monkeypatch.setattr(SiteRenderer, "render", counted)
        pages = SiteRenderer(catalog, workbook=False).pages()
        markdown = [uri for uri in pages if uri.endswith(".md")]
        assert sorted(calls) == sorted(markdown)  # one template render per page, no more
        monkeypatch.undo()


def test_output_grows_linearly_and_no_page_grows(small_and_large):
    small, large = (SiteRenderer(c, workbook=False).pages() for c in small_and_large)

    # the published JSON Schemas are the same at any size: a constant, not growth
    def grows(pages):
        return sum(len(v) for k, v in pages.items() if not k.startswith("downloads/schemas/"))

    ratio = grows(large) / grows(small)
    assert 90 <= ratio <= 110  # 100 times the positions and the glossary

    # pages and per-position data stay small; only the whole-catalogue downloads
    # (catalog.json, the calculator's title index and department list) grow, linearly
    def bounded(pages):
        return max(len(v) for k, v in pages.items() if k.endswith(".md") or "/positions/" in k)

    assert bounded(small) < bounded(large) < 60_000  # lists fill their pages, then split


def test_long_lists_are_split_into_pages(small_and_large):
    _, large = small_and_large
    pages = SiteRenderer(large, workbook=False).pages()
    glossary = [uri for uri in pages if uri.startswith("glossary/") and "page-" in uri]
    assert len(glossary) == -(-len(large.competencies) // PAGE_SIZE) - 1
    assert "departments/page-2.md" in pages and "matrix/page-2.md" in pages


def test_the_nav_lists_departments_only_while_they_are_few(small_and_large):
    small, large = small_and_large
    nav = [{"首页": "index.md"}, {"部门": "departments/index.md"}]
    assert len(expand_departments(nav, "部门", small)[1]["部门"]) == 1 + 3
    assert expand_departments(nav, "部门", large) == nav


def test_the_matrix_does_not_scan_the_whole_glossary(small_and_large, monkeypatch):
    _, large = small_and_large
    department = large.departments[0]
    seen = []
    monkeypatch.setattr(
        type(large),
        "competencies",
        property(lambda self: seen.append(1) or self.__dict__["competencies"]),
        raising=False,
    )
    rows = render_module.matrix_rows(large, department)
    assert len(rows) == 3 and seen == []
