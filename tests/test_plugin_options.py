"""The plugin with a bare mkdocs.yml: it adds what the pages need; a site's own templates
folder overrides the package's by name."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import MINI_CATALOG

BARE = {
    "site_name": "示例",
    "theme": {"name": "material", "language": "zh", "font": False},
    "plugins": ["position-catalog", "position-search"],
}


def build(project: Path, **plugin_options) -> subprocess.CompletedProcess:
    config = dict(BARE)
    if plugin_options:
        config["plugins"] = [{"position-catalog": plugin_options}, "position-search"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    (project / "docs").mkdir(exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        # a clean environment, but English messages, as the suite pins them (conftest.py)
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "POSITION_STANDARDS_LANG": "en"},
    )


def test_a_bare_config_gets_extensions_assets_tool_pages_and_a_nav_in_catalogue_order(tmp_path):
    shutil.copytree(MINI_CATALOG, tmp_path / "catalog")
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    position = (site / "departments/sales/sales-manager/index.html").read_text("utf-8")
    assert "{ .pc-breadcrumb }" not in position and "{ .md-button" not in position
    assert 'class="md-button' in position  # attr_list applied
    for asset in (
        "assets/catalog.css",
        "assets/calculator/app.js",
        "calculator/index.html",
        "team/index.html",
        "guide/index.html",
    ):
        assert (site / asset).is_file(), asset
    assert 'src="../../../assets/calculator/app.js"' in position
    home = (site / "index.html").read_text("utf-8")
    order = [
        home.index(f'href="{link}"')
        for link in ("departments/", "departments/sales/", "glossary/", "calculator/", "guide/")
    ]
    assert order == sorted(order)


def test_a_sites_own_template_replaces_the_packages_of_the_same_name(tmp_path):
    shutil.copytree(MINI_CATALOG, tmp_path / "catalog")
    own = tmp_path / "my_templates"
    (own / "theme" / "partials").mkdir(parents=True)
    (own / "scoring.md.j2").write_text("# 本公司评分规则\n\n由人力资源部另行发布。\n", "utf-8")
    (own / "theme" / "partials" / "copyright.html").write_text(
        '<div class="own-footer">本公司自己的页脚</div>\n', "utf-8"
    )
    result = build(tmp_path, templates="my_templates")
    assert result.returncode == 0, result.stderr
    scoring = (tmp_path / "site" / "scoring" / "index.html").read_text("utf-8")
    assert "由人力资源部另行发布。" in scoring and "本公司自己的页脚" in scoring
    position = (tmp_path / "site/departments/sales/sales-manager/index.html").read_text("utf-8")
    assert "季度考核 KPI 指标" in position  # every other template still from the package


def test_a_templates_option_naming_no_folder_is_one_clear_error(tmp_path):
    shutil.copytree(MINI_CATALOG, tmp_path / "catalog")
    result = build(tmp_path, templates="missing")
    assert result.returncode == 1
    assert f"templates: {tmp_path / 'missing'} is not a folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_this_repositorys_mkdocs_yml_spells_out_exactly_what_the_plugin_would_add():
    """mkdocs.yml lists the extensions, CSS, scripts and nav in full (the benchmark's bare
    build reads them there); they must be what generator/site/assets.py adds by itself."""
    from generator.site import assets

    text = (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text("utf-8")
    config = yaml.safe_load(text.replace("!ENV", ""))
    assert config["extra_css"] == list(assets.CSS)
    assert config["extra_javascript"] == list(assets.JAVASCRIPT)
    assert config["nav"] == [{title: page} for title, page in assets.NAV]
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert names == list(assets.MARKDOWN_EXTENSIONS)
