"""The theme overrides (site_templates/theme/): the nav shows where a page belongs, the footer
names the company, version and date, the company's pictures, the Chinese 404 page, and the
edit link to a page's YAML file."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import material
import pytest
from conftest import MINI_CATALOG, REAL_CATALOG, CatalogCopy
from sitebuild import ROOT, build, site_config
from test_site import _grow

from generator import load_catalog
from generator.render import SiteRenderer

THEME = ROOT / "site_templates" / "theme"
MATERIAL = Path(material.__file__).parent / "templates"
FOOTER = "某电信公司 · 岗位目标与考核指标 1.0 版，2026-12-01 起生效 · 变更记录"


def nav_of(html: str) -> str:
    start = html.index('<nav class="md-nav md-nav--primary"')
    return html[start : html.index("md-sidebar--secondary", start)]


def located(html: str) -> list[str]:
    """The nav links marked as where the page belongs (not the page itself)."""
    return re.findall(
        r'class="md-nav__link md-nav__link--active" aria-current="location">\s*'
        r'<span class="md-ellipsis">\s*(.*?)\s*</span>',
        nav_of(html),
        re.DOTALL,
    )


def test_nav_item_is_materials_apart_from_the_trail():
    """When Material changes partials/nav-item.html, copy it again and redo the change."""
    ours = (THEME / "partials" / "nav-item.html").read_text("utf-8")
    start = ours.index("{#-\n  This file was automatically generated")
    trail = ours.index("{% elif nav_item == pc.found %}")
    back = ours[start:trail] + ours[ours.index("{% else %}", trail) :]
    for material_line, our_line in [
        (
            "{% if nav_item.active %}",
            "{% set active = nav_item.active or nav_item in pc.trail %}\n  {% if active %}",
        ),
        ("{% if level == 1 and nav_item.active %}", "{% if level == 1 and active %}"),
        (
            "{% if level == 2 and parent.active %}",
            "{% if level == 2 and (parent.active or parent in pc.trail) %}",
        ),
        (
            "{% if not is_section and not nav_item.active %}",
            "{% if not is_section and not active %}",
        ),
        (
            '{% set checked = "checked" if nav_item.active %}',
            '{% set checked = "checked" if active %}',
        ),
        ('aria-expanded="{{ nav_item.active | tojson }}"', 'aria-expanded="{{ active | tojson }}"'),
    ]:
        assert back.count(our_line) == 1, our_line
        back = back.replace(our_line, material_line)
    assert back == (MATERIAL / "partials" / "nav-item.html").read_text("utf-8")


def test_a_position_page_shows_its_department_in_the_nav(real_site):
    site, _ = real_site
    html = (site / "departments" / "finance" / "fin-manager" / "index.html").read_text("utf-8")
    assert located(html) == ["财务部"]
    nav = nav_of(html)
    section = re.search(
        r'<input class="md-nav__toggle md-toggle " type="checkbox" id="(__nav_\d+)"'
        r' checked>\s*<label class="md-nav__link" for="\1" id="\1_label"',
        nav,
    )
    assert section, "the 部门 section is open"
    assert 'aria-labelledby="' + section.group(1) + '_label" aria-expanded="true"' in nav
    # The department page itself is marked as the page, as Material marks it.
    own = (site / "departments" / "finance" / "index.html").read_text("utf-8")
    assert located(own) == [] and 'md-nav__link md-nav__link--active">' in nav_of(own)


@pytest.mark.parametrize(
    "page, where",
    [
        ("glossary/teamwork/index.html", "能力词典"),
        ("matrix/finance/index.html", "能力矩阵"),
        ("scoring/index.html", None),
        ("index.html", None),
    ],
)
def test_other_pages_out_of_the_nav_show_their_section(real_site, page, where):
    site, _ = real_site
    assert located((site / page).read_text("utf-8")) == ([where] if where else [])


def test_past_the_nav_limit_a_position_shows_the_departments_overview(tmp_path):
    shutil.copytree(MINI_CATALOG, tmp_path / "catalog")
    _grow(CatalogCopy(tmp_path / "catalog"), 60, 1)  # more departments than the nav lists
    result = build(site_config(tmp_path, tmp_path / "catalog"), tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "departments" / "dept-7" / "dept-7-p0" / "index.html").read_text()
    assert located(html) == ["部门"]
    assert nav_of(html).count('class="md-nav__link') < 20  # the nav stays small


def all_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_every_page_has_the_footer_the_favicon_and_the_logo(real_site):
    site, _ = real_site
    catalog = load_catalog(REAL_CATALOG)
    for page in all_pages(site):
        html = page.read_text("utf-8")
        footer = re.sub(r"<[^>]+>|\s+", " ", html[html.index('<div class="md-copyright">') :])
        assert " ".join(FOOTER.split()) in " ".join(footer.split()), page
        assert "Made with" not in footer
        icons = re.findall(r'<link rel="icon" href="([^"]+)">', html)
        assert len(icons) == 1 and icons[0].endswith("assets/company/pictures/favicon.svg"), page
        logos = re.findall(r'<img src="([^"]+)" alt="">', html)
        assert len(logos) == 2 and all(
            s.endswith("assets/company/pictures/logo.svg") for s in logos
        )
    for picture in (catalog.company.logo, catalog.company.favicon):
        assert (site / "assets" / "company" / picture.path).read_bytes() == picture.data


def test_a_company_without_pictures_keeps_the_themes(tmp_path):
    result = build(site_config(tmp_path, MINI_CATALOG), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert re.findall(r'<link rel="icon" href="([^"]+)">', html) == ["assets/images/favicon.png"]
    assert 'class="md-header__button md-logo"' in html and "assets/company" not in html


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Answers a missing path with the site's 404.html, as web servers are set up to."""

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_with_404(directory: Path):
    handler = functools.partial(_NotFoundHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_missing_page_says_so_in_chinese_with_search_and_the_way_home(page, real_site):
    with serve_with_404(real_site[0]) as url:
        response = page.goto(url + "/departments/finance/no-such-position/")
        assert response.status == 404
        assert page.title() == "页面不存在 - 岗位目标与考核指标"
        assert page.locator("article h1").inner_text() == "页面不存在"
        assert page.locator("html").get_attribute("lang") == "zh"
        page.get_by_role("button", name="搜索本站").click()
        assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
        page.keyboard.press("Escape")
        page.get_by_role("link", name="部门列表").click()
        page.wait_for_url(url + "/departments/")
        page.go_back()
        page.get_by_role("link", name="返回首页").click()
        page.wait_for_url(url + "/")
        assert page.locator("article h1").inner_text().endswith("岗位目标与考核指标")


def test_each_page_names_the_catalogue_file_it_is_made_from():
    sources = SiteRenderer(load_catalog(REAL_CATALOG), workbook=False).sources()
    assert sources["departments/finance/fin-manager.md"] == "departments/finance/fin-manager.yaml"
    assert sources["departments/finance/index.md"] == "departments/finance/_department.yaml"
    assert sources["glossary/teamwork.md"] == "vocabulary.yaml"
    for page, source in sources.items():
        assert (REAL_CATALOG / source).is_file(), page


def test_with_a_repository_a_position_page_links_to_its_yaml(tmp_path):
    config = site_config(
        tmp_path,
        REAL_CATALOG,
        repo_url="https://git.example.com/hr/catalogue",
        edit_uri="edit/main/docs/",
    )
    result = build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (
        tmp_path / "site" / "departments" / "finance" / "fin-manager" / "index.html"
    ).read_text()
    edit = re.findall(
        r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon" '
        r'rel="edit">',
        html,
    )
    assert edit == [
        (
            "https://git.example.com/hr/catalogue/edit/main/catalog/departments/finance/"
            "fin-manager.yaml"
        )
    ]
