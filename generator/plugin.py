"""CatalogPlugin: MkDocs glue only. Loads the catalogue once per build and adds its pages."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .catalog import load_catalog
from .errors import ERROR, NOTE, WARNING, CatalogError
from .render import CALCULATOR, SiteRenderer, expand_departments

log = logging.getLogger("mkdocs.plugins.position-catalog")
# Notes are acknowledged facts (shown on the site), so they do not fail `mkdocs build --strict`.
LOG_BY_LEVEL = {ERROR: log.error, WARNING: log.warning, NOTE: log.info}


class CatalogPluginConfig(Config):
    catalog = c.Type(str, default="catalog")
    templates = c.Type(str, default="site_templates")
    # The nav entry `<title>: departments/index.md` becomes a section listing every department.
    departments_nav_title = c.Type(str, default="部门")


class CatalogPlugin(BasePlugin[CatalogPluginConfig]):
    """Adds the department, position, glossary, matrix and download pages in memory."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").resolve().parent
        self.catalog_dir = base / self.config.catalog
        self.templates_dir = base / self.config.templates
        try:
            self.catalog = load_catalog(self.catalog_dir)
        except CatalogError as exc:
            for problem in exc.problems:
                LOG_BY_LEVEL[problem.level](str(problem))
            raise PluginError(f"the catalogue has {len(exc.errors)} error(s); see above") from None
        for finding in self.catalog.warnings:
            LOG_BY_LEVEL[finding.level](str(finding))
        if config.nav:
            config.nav = expand_departments(config.nav, self.config.departments_nav_title,
                                            self.catalog)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        has_calculator = files.get_file_from_path(CALCULATOR) is not None
        renderer = SiteRenderer(self.catalog, self.templates_dir, calculator=has_calculator)
        pages = renderer.pages()
        shadowed = [uri for uri in pages if files.get_file_from_path(uri) is not None]
        if shadowed:
            raise PluginError("generated pages would replace pages in docs/: "
                              + ", ".join(sorted(shadowed)) + "; rename or remove those files")
        for uri, content in pages.items():
            files.append(File.generated(config, uri, content=content))
        return files

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        for path in (self.catalog_dir, self.templates_dir):
            server.watch(str(path))
        return server
