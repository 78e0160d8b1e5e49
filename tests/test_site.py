"""The built site: a strict MkDocs build of the real catalogue and of small fixtures."""

from __future__ import annotations

import re
import shutil

from conftest import MINI_CATALOG, REAL_CATALOG, CatalogCopy
from sitebuild import ROOT, build, site_config

from generator import load_catalog


def page_text(path) -> str:
    html = path.read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    return re.sub(r"<[^>]+>", "", article).replace("&gt;", ">").replace("&lt;", "<")


def test_strict_build_of_the_real_catalogue_has_no_warning(real_site):
    _, result = real_site
    assert "WARNING" not in result.stderr


def test_every_position_has_a_page_with_its_title_and_kpis(real_site):
    site, _ = real_site
    catalog = load_catalog(REAL_CATALOG)
    for position in catalog.positions():
        text = page_text(site / "departments" / position.department_id / position.id / "index.html")
        assert position.title in text
        for kpi in position.kpis:
            assert kpi.name in text, (position.id, kpi.name)
        if position.is_draft:
            assert "待补充" in text


def test_every_glossary_entry_has_a_page(real_site):
    site, _ = real_site
    for competency in load_catalog(REAL_CATALOG).competencies:
        text = page_text(site / "glossary" / competency.id / "index.html")
        assert competency.name in text and competency.definition[:10] in text


def test_downloads_are_served(real_site):
    site, _ = real_site
    assert (site / "downloads" / "catalog.json").stat().st_size > 10_000
    assert (site / "downloads" / "positions" / "fin-analyst.json").is_file()


def test_no_page_loads_anything_from_another_host(real_site):
    site, _ = real_site
    # src= of scripts, images, frames; href= of <link> (stylesheets, fonts, preloads)
    pattern = re.compile(r"""(?:\bsrc=|<link\b[^>]*\bhref=)["']?(?:https?:)?//""")
    offenders = [p for p in site.rglob("*.html") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_broken_catalogue_fails_the_build_and_writes_no_site(mini, tmp_path):
    mini.replace("departments/sales/sales-manager.yaml", "weight: 60", "weight: 二十")
    result = build(site_config(tmp_path, mini.root), tmp_path / "site")
    assert result.returncode != 0
    assert (
        "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: "
        "expected a number, got '二十'"
    ) in result.stderr.replace(str(tmp_path) + "/", "")
    assert not (tmp_path / "site").exists()


def test_generated_page_may_not_shadow_a_hand_written_page(mini, tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "scoring.md").write_text("# 手写的评分规则\n", encoding="utf-8")
    result = build(site_config(tmp_path, mini.root, docs_dir=str(docs)), tmp_path / "site")
    assert result.returncode != 0
    assert "generated pages would replace pages in docs/: scoring.md" in result.stderr


def _grow(catalog_copy, departments: int, positions: int) -> None:
    """Make the fixture catalogue `departments` × `positions` big (copies of its manager)."""
    manager = catalog_copy.path("departments/sales/sales-manager.yaml").read_text("utf-8")
    names = ["sales"] + [f"dept-{d}" for d in range(1, departments)]
    company = catalog_copy.path("company.yaml")
    company.write_text(
        company.read_text("utf-8").replace("  - sales\n", "".join(f"  - {n}\n" for n in names)),
        encoding="utf-8",
    )
    for name in names:
        ids = [f"{name}-p{i}" for i in range(positions)]
        catalog_copy.write(
            f"departments/{name}/_department.yaml",
            f"name: 部门{name}\npositions:\n" + "".join(f"  - {i}\n" for i in ids),
        )
        for i in ids:
            catalog_copy.write(f"departments/{name}/{i}.yaml", manager)
    catalog_copy.remove("departments/sales/sales-manager.yaml")
    catalog_copy.remove("departments/sales/sales-rep.yaml")


def test_position_page_size_does_not_grow_with_the_catalogue(tmp_path_factory):
    sizes = {}
    for departments, positions in ((2, 2), (8, 30)):
        tmp = tmp_path_factory.mktemp(f"grow{departments}")
        shutil.copytree(MINI_CATALOG, tmp / "catalog")
        _grow(CatalogCopy(tmp / "catalog"), departments, positions)
        result = build(site_config(tmp, tmp / "catalog"), tmp / "site", strict=False)
        assert result.returncode == 0, result.stderr
        page = tmp / "site" / "departments" / "sales" / "sales-p0" / "index.html"
        sizes[departments * positions] = len(page.read_bytes())
    small, large = sizes[4], sizes[240]
    # 60 times the positions; the page differs only by the department names in the nav
    assert large - small < 2_000, sizes


def test_the_excel_workbook_is_offered_for_download(real_site):
    from openpyxl import load_workbook

    site, _ = real_site
    book = load_workbook(site / "downloads" / "catalog.xlsx")
    assert book.sheetnames == ["说明", "岗位", "目标", "月度指标", "KPI", "能力态度", "词汇"]
    assert book["岗位"].max_row == 1 + 42
    assert "catalog.xlsx" in (site / "downloads" / "index.html").read_text("utf-8")
