"""Generated Markdown: golden pages of the real catalogue, escaping, and the page set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import REAL_CATALOG, ROOT

from generator import load_catalog
from generator.escape import markdown_inline as escape_markdown
from generator.render import SiteRenderer, competency_usage

GOLDEN = Path(__file__).parent / "golden"
# Regenerate deliberately with UPDATE_GOLDEN=1 and review the diff like code.
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def renderer():
    return SiteRenderer(load_catalog(REAL_CATALOG), calculator=True)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs; UPDATE_GOLDEN=1 to accept"


def test_position_page_matches_golden(renderer):
    position = next(p for p in renderer.catalog.positions() if p.id == "ld-manager")
    check_golden("position-ld-manager.md", renderer.render_position_page(position))


def test_weights_warning_page_matches_golden(renderer):
    position = next(p for p in renderer.catalog.positions() if p.id == "fin-manager")
    check_golden("position-fin-manager.md", renderer.render_position_page(position))


def test_glossary_page_matches_golden(renderer):
    check_golden(
        "glossary-teamwork.md",
        renderer.render_competency_page(renderer.catalog.competency("teamwork")),
    )


def test_goal_sub_items_page_matches_golden(renderer):
    """人事行政部经理's goal (1) has the source's two ü sub-items, bullets under it."""
    position = next(p for p in renderer.catalog.positions() if p.id == "hra-manager")
    check_golden("position-hra-manager.md", renderer.render_position_page(position))


def test_glossary_page_of_a_guessed_entry_matches_golden(renderer):
    """建立期's meaning is a guess: marked beside its name, the reason in a note."""
    check_golden(
        "glossary-jianliqi.md",
        renderer.render_competency_page(renderer.catalog.competency("jianliqi")),
    )


def test_every_page_and_download_is_generated(renderer):
    pages = renderer.pages()
    catalog = renderer.catalog
    positions = catalog.positions()
    assert (
        sum(
            uri.startswith("departments/") and uri.endswith(".md") and not uri.endswith("index.md")
            for uri in pages
        )
        == len(positions)
        == 42
    )
    assert sum(uri.startswith("glossary/") for uri in pages) == len(catalog.competencies) + 1
    assert sum(uri.startswith("matrix/") for uri in pages) == len(catalog.departments) + 1
    assert sum(uri.startswith("data/calculator/positions/") for uri in pages) == 42
    assert {"index.md", "scoring.md", "downloads.md", "downloads/catalog.json"} <= set(pages)


def test_where_used_lists_each_position_under_its_group(renderer):
    usage = competency_usage(renderer.catalog)
    for position in renderer.catalog.positions():
        for group, ids in position.competencies.items():
            for competency_id in ids:
                assert position in usage[competency_id].by_group[group]
    total = sum(u.count for u in usage.values())
    assert total == sum(
        len(ids) for p in renderer.catalog.positions() for ids in p.competencies.values()
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
        ("a | b", "a \\| b"),
        ("*粗* _斜_ `码`", "\\*粗\\* \\_斜\\_ \\`码\\`"),
        ("[链接](javascript:x)", "\\[链接\\]\\(javascript:x\\)"),
        ("第一行\n# 第二行", "第一行 \\# 第二行"),
        (">120%为5", "&gt;120%为5"),
        ("{: .x}", "\\{: \\.x\\}"),
    ],
)
def test_catalogue_text_is_escaped_as_markdown_data(text, expected):
    assert escape_markdown(text) == expected


def test_the_compare_page_and_the_data_it_reads_come_without_the_calculator():
    pages = SiteRenderer(load_catalog(REAL_CATALOG), calculator=False, workbook=False).pages()
    assert pages["compare.md"].startswith("---\nhide:\n  - toc\n---\n\n# 岗位对比\n")
    assert sum(uri.startswith("data/calculator/positions/") for uri in pages) == 42
    assert "data/calculator/departments.js" in pages
    assert (
        "(../../compare.md?a=fin-manager){ .md-button }"
        in pages["departments/finance/fin-manager.md"]
    )


def test_an_edit_uri_joined_as_mkdocs_joins_it_opens_the_yaml_file():
    from urllib.parse import urljoin

    from generator.render import source_edit_uri

    uri = source_edit_uri(REAL_CATALOG / "departments/finance/fin-manager.yaml", ROOT / "docs")
    assert uri == "../catalog/departments/finance/fin-manager.yaml"
    assert urljoin("https://git.example.com/hr/catalogue/edit/main/docs/", uri) == (
        "https://git.example.com/hr/catalogue/edit/main/catalog/departments/finance/"
        "fin-manager.yaml"
    )
