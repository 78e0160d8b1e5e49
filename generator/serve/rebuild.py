"""The plugin's side of a `mkdocs serve` build: the catalogue loaded from the files that
changed, the pages whose inputs changed rendered again, generated files that say whether
they changed, and what only matters once the edits settle left to settle.py.

Each build of the same `mkdocs serve` finds what the previous ones kept in its session.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from ..errors import Problem
from ..escape import markdown_inline
from ..model import Catalog
from ..render import HOME, PageCache
from .history import serve_history
from .incremental import (
    BuildRecord,
    GeneratedFile,
    SiteState,
    folder_signature,
    mark_for_rebuild,
    nav_outline,
    remove_stale,
)
from .loading import SourceCache, source_cache
from .server import CatalogueHasErrors
from .session import ServeSession, session_for
from .settle import DOWNLOADS, Job, Part, SettleJob, write_downloads

log = logging.getLogger("mkdocs.plugins.position-catalog")


def shown(problems: tuple[Problem, ...]) -> list[str]:
    """The lines the browser shows: errors and warnings as `check` prints them."""
    return [str(p) for p in problems if p.level != "note"]


class Rebuild:
    """One build of `mkdocs serve` (a new one for every rebuild)."""

    def __init__(self, site_dir: str, catalog_dir: Path) -> None:
        self.catalog_dir = catalog_dir
        self.session: ServeSession = session_for(site_dir)
        self.session.later = []
        self.files: Files | None = None
        self.pages: dict[str, str | bytes] = {}
        self.state: SiteState | None = None

    # ------------------------------------------------------------------ on_config

    def cache(self) -> SourceCache:
        """What earlier builds made of the catalogue's files."""
        return source_cache(self.catalog_dir)

    def cannot_load(self, problems: tuple[Problem, ...]) -> None:
        """The catalogue does not load: every page shows its problems. In the first build the
        site is only that (placeholder()); a later one leaves the site as it was: it stops
        here with CatalogueHasErrors, which the server's Rebuilder expects."""
        lines = shown(problems)
        self.session.show(lines)
        if self.session.builder_installed:
            raise CatalogueHasErrors(lines)

    def history(self, catalog: Catalog, catalog_dir: Path) -> list:
        return serve_history(catalog, catalog_dir)

    def page_cache(self, templates_dirs: list[Path]) -> PageCache:
        """The pages kept from the previous build (none if a page template changed)."""
        templates = folder_signature(templates_dirs)
        if templates != self.session.templates:
            self.session.pages = PageCache()
            self.session.templates = templates
        return self.session.pages

    def compiled_templates(self, env) -> None:
        """Have the Jinja environment `env` compile each template once per serve."""
        env.bytecode_cache = self.session.templates_compiled

    # ------------------------------------------------------------------ on_files

    def add_pages(self, files: Files, pages: dict[str, str | bytes], config: MkDocsConfig) -> None:
        """Add the generated files, each modified only if its content changed."""
        record = self.session.record
        for uri, content in pages.items():
            file = GeneratedFile.generated(
                config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV
            )
            file.modified = uri not in DOWNLOADS and record.changed(uri, content)
            files.append(file)
        self.session.pages.keep_only(pages)
        self.files, self.pages = files, pages

    def placeholder(self, files: Files, config: MkDocsConfig) -> Files:
        """The site of a first build whose catalogue does not load: one page saying so (each
        page the server sends shows the problems)."""
        for file in list(files.documentation_pages()):
            files.remove(file)
        text = (
            "# 目录有错误\n\n网站要等目录的错误改正后才能生成，错误列在下面（与 `python -m "
            "generator check` 给出的相同）。改正并保存文件后，本页会自动刷新。\n\n"
            + "".join(f"- {markdown_inline(line)}\n" for line in self.session.problems.lines)
        )
        files.append(File.generated(config, HOME, content=text))
        config.nav = [{"目录有错误": HOME}]
        self.session.record = BuildRecord()  # the next build writes everything
        return files

    # ------------------------------------------------------------------ on_nav

    def mark(
        self, nav: Navigation, config: MkDocsConfig, catalog: Catalog | None, theme_dirs: list[str]
    ) -> None:
        """Mark what this build must write beyond the files whose content changed."""
        if self.files is None:
            return
        try:
            written = Path(config.config_file_path).read_bytes()
        except (OSError, TypeError):
            written = b""
        self.state = SiteState(
            written,
            folder_signature(theme_dirs),
            catalog.company if catalog else None,
            nav_outline(nav),
        )
        everything = mark_for_rebuild(
            self.files, nav, self.session.record, self.state, keep=DOWNLOADS
        )
        if everything and self.session.record.complete:
            log.info("every page is written again (the nav, the company or the theme changed)")

    # ------------------------------------------------------------------ on_post_build

    def later(self, part: Part) -> None:
        """Leave `part` to the settle job (the search plugin leaves its index)."""
        self.session.later.append(part)

    def finish(self, config: MkDocsConfig, catalog: Catalog | None, workbook: bool) -> None:
        """Remove what is gone, keep what this build wrote, and start the settle job."""
        session = self.session
        files = self.files
        if files is None:
            return
        outputs = {f.abs_dest_path for f in files}
        apart = [
            *DOWNLOADS,
            *(f for p in session.later for f in p.whole),
            *config.theme.static_templates,
            "sitemap.xml.gz",
        ]
        removed = remove_stale(config.site_dir, session.record, outputs, keep=apart)
        if removed:
            log.info(f"removed {removed} file(s) of pages that are gone")
        session.record = BuildRecord(
            self.state,
            self.pages,
            outputs,
            frozenset(f.src_uri for f in files.documentation_pages()),
            complete=True,
        )
        self.files, self.pages = None, {}  # this build's objects go when it ends
        if catalog is None:
            return
        parts = [*session.later, Part(write_downloads, {"workbook": workbook})]
        session.cancel_settle()
        session.settle = SettleJob(Job(catalog, config.site_dir, parts))

    def failed(self) -> None:
        self.session.record.complete = False
