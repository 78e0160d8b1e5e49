"""SearchPlugin: MkDocs glue only. Collects the pages' records and writes the sharded index
(generator/search/) into the site's `search/` folder; the browser side is docs/assets/search/."""

from __future__ import annotations

import fnmatch
import logging
import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from .messages import _
from .model import Catalog
from .search import build_index, catalog_records, html_record, page_url, write_index
from .search.records import GUIDE, OTHER, Record
from .site.background import Part

log = logging.getLogger("mkdocs.plugins.position-search")
CATALOG_PLUGIN = "position-catalog"
FOLDER = "search"  # under site_dir; site_templates/theme/partials/search.html names it too
# `mkdocs serve`: each page's record by source path, per site folder, kept between rebuilds
# (a rebuild renders only the pages that changed; the others' records are these).
_SERVED: dict[str, dict[str, Record]] = {}


class SearchPluginConfig(Config):
    enabled = c.Type(bool, default=True)
    # Pages not indexed at all (their text would only be noise): patterns of source paths.
    exclude = c.ListOfItems(
        c.Type(str),
        default=[
            "matrix/*",
            "downloads.md",
            "departments/index.md",
            "departments/page-*.md",
            "glossary/index.md",
            "glossary/page-*.md",
        ],
    )
    # Pages ranked after everything else: their examples mention every kind of term.
    last = c.ListOfItems(c.Type(str), default=["index.md", "guide.md"])


class SearchPlugin(BasePlugin[SearchPluginConfig]):
    """Indexes positions, glossary entries and departments from the catalogue model, and
    every other page from its HTML; writes the index after the build."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if "material/search" in config.plugins or "search" in config.plugins:
            log.warning(
                _(
                    "position-search replaces Material's search plugin: remove `search` "
                    "from the plugins in mkdocs.yml"
                )
            )
        self.pages: dict[str, Record] = {}
        self.rendered: set[str] = set()  # pages this build rendered (indexed or not)
        self.sources: set[str] = set()
        return config

    def on_files(self, files, *, config: MkDocsConfig):
        self.sources = {f.src_uri for f in files.documentation_pages()}
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files) -> str:
        if not self.config.enabled:
            return html
        source = page.file.src_uri
        self.rendered.add(source)
        meta = page.meta.get("search") or {}
        if meta.get("exclude") or self._matches(source, self.config.exclude):
            return html
        if page.file.generated_by == CATALOG_PLUGIN and source.startswith(
            ("departments/", "glossary/")
        ):
            return html  # positions, glossary and departments come from the model
        kind = GUIDE if self._matches(source, self.config.last) else OTHER
        self.pages[source] = html_record(page.url, page.title or "", html, kind)
        return html

    def on_env(self, env, *, config: MkDocsConfig, files):
        """Every page has been read: the index is made (by another process, while MkDocs
        writes the pages; `mkdocs serve`: once the edits settle)."""
        if not self.config.enabled:
            return env
        catalog_plugin = config.plugins.get(CATALOG_PLUGIN)
        catalog = getattr(catalog_plugin, "catalog", None)
        rebuild = getattr(catalog_plugin, "rebuild", None)
        if catalog is None and rebuild is None or not hasattr(catalog_plugin, "later"):
            raise PluginError(
                _("position-search needs the {plugin} plugin before it", plugin=CATALOG_PLUGIN)
            )
        if rebuild is not None:  # the records of the pages a rebuild did not render are kept
            if catalog is not None:  # (else the site only shows why the catalogue did not load)
                catalog_plugin.later(self._served_index(config), config)
            return env
        options = {
            "pages": list(self.pages.values()),
            "use_directory_urls": config.use_directory_urls,
        }
        catalog_plugin.later(Part(write_search_index, options, whole=(FOLDER,)), config)
        return env

    def _served_index(self, config: MkDocsConfig):
        """The index as the settle job of `mkdocs serve` writes it, with the records of the
        pages this rebuild did not render kept from the builds that did."""
        kept = _SERVED.setdefault(config.site_dir, {})
        for source in [s for s in kept if s not in self.sources or s in self.rendered]:
            del kept[source]
        kept.update(self.pages)
        options = {"pages": list(kept.values()), "use_directory_urls": config.use_directory_urls}
        return Part(write_search_index, options, whole=(FOLDER,))

    @staticmethod
    def _matches(source: str, patterns: list[str]) -> bool:
        return any(fnmatch.fnmatchcase(source, pattern) for pattern in patterns)


def write_search_index(
    catalog: Catalog, site_dir: Path, pages: list[Record], use_directory_urls: bool
) -> str:
    """Write the index of the catalogue and of the pages' records into the site's search
    folder; the line that says what it wrote."""
    start = time.perf_counter()

    def url_of(src_uri: str) -> str:
        return page_url(src_uri, use_directory_urls)

    records = catalog_records(catalog, url_of)
    records += sorted(pages, key=lambda r: r.url)
    files = build_index(records)
    size = write_index(files, Path(site_dir) / FOLDER)
    return _(
        "search index: {pages} pages, {files} files, {size} KB in {seconds} s",
        pages=len(records),
        files=len(files),
        size=f"{size / 1024:.0f}",
        seconds=f"{time.perf_counter() - start:.1f}",
    )
