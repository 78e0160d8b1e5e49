"""CatalogPlugin: MkDocs glue only. Loads the catalogue once per build and adds its pages."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from .catalog import load_catalog
from .errors import ERROR, NOTE, WARNING, CatalogError, Problem, report_problems
from .messages import _
from .model import Catalog
from .render import (
    CALCULATOR,
    CATALOG_XLSX,
    SiteRenderer,
    expand_departments,
    source_edit_uri,
)
from .resources import DOCS, TEMPLATES, THEME_OVERRIDES, docs_files
from .serve import server as serve_server
from .serve.rebuild import Rebuild
from .serve.server import CatalogueHasErrors
from .serve.session import end_session
from .site import assets
from .site.background import Part, PartJob, WorkbookJob
from .site.build import SiteBuild
from .site.offline import use_own_iframe_worker
from .versions.history import load_history

log = logging.getLogger("mkdocs.plugins.position-catalog")
# Notes are acknowledged facts (shown on the site), so they do not fail `mkdocs build --strict`
# and a clean build does not repeat them: `check` says them, `mkdocs build --verbose` too.
LOG_BY_LEVEL = {ERROR: log.error, WARNING: log.warning, NOTE: log.debug}


def log_problem(problem: Problem) -> None:
    LOG_BY_LEVEL[problem.level](str(problem))


def _add_theme_overrides(config: MkDocsConfig, folders: list[Path]) -> None:
    """Put `folders` (first wins) before the theme's templates, after a site's own
    `custom_dir`, so the site can still override what the plugin overrides."""
    dirs = config.theme.dirs
    custom = config.theme.get("custom_dir")
    at = 1 if custom and dirs and Path(dirs[0]).resolve() == Path(custom).resolve() else 0
    for folder in reversed(folders):
        if folder.is_dir() and str(folder) not in dirs:
            dirs.insert(at, str(folder))


class CatalogPluginConfig(Config):
    catalog = c.Type(str, default="catalog")
    # A folder of the site's own page templates: a file named like one of the package's
    # (position.md.j2, …; theme/ for the theme's) replaces it, the rest come from the package.
    templates = c.Type(str, default="")
    # Add the tool's own pages (calculator, team view, guide) and assets where docs/ has none.
    tool_pages = c.Type(bool, default=True)
    # The nav entry `<title>: departments/index.md` becomes a section listing every department.
    departments_nav_title = c.Type(str, default="部门")
    # Past this many departments the nav shows only the (paginated) overview page: Material
    # renders the nav into every page, so a long one makes every page heavy.
    nav_departments_limit = c.Type(int, default=50)


class CatalogPlugin(BasePlugin[CatalogPluginConfig]):
    """Adds the department, position, glossary, matrix and download pages in memory; the
    build itself (swapped in whole, --strict counted) is a SiteBuild."""

    def __init__(self) -> None:
        super().__init__()
        self.command = "build"
        self.build: SiteBuild | None = None
        self.workbook: WorkbookJob | None = None
        self.beside: list[PartJob] = []  # parts made by other processes during the build
        # `mkdocs serve`: what is kept between its builds, for incremental rebuilds
        self.rebuild: Rebuild | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.build is not None:  # `serve` rebuilding after a build that failed early
            self.build.abandon()
        # warnings count from here on, as --strict counts them; serve builds in its own folder
        self.build = SiteBuild(config.site_dir, swap=self.command != "serve")
        self.__dict__.pop("catalog", None)  # the theme's overrides look for it
        base = Path(config.config_file_path or ".").resolve().parent
        self.catalog_dir = base / self.config.catalog
        serving = self.command == "serve"
        self.rebuild = Rebuild(config.site_dir, self.catalog_dir) if serving else None
        own = [base / self.config.templates] if self.config.templates else []
        self.templates_dirs = [p for p in own if p.resolve() != TEMPLATES.resolve()] + [TEMPLATES]
        for folder in own:
            if not folder.is_dir():
                raise PluginError(
                    _(
                        "templates: {folder} is not a folder (the plugin's option "
                        "`templates` names a folder of the site's own templates)",
                        folder=folder,
                    )
                )
        try:
            catalog = load_catalog(self.catalog_dir, self.rebuild and self.rebuild.cache())
        except CatalogError as exc:
            errors = report_problems(exc.problems, log_problem)
            if self.rebuild is None:
                raise PluginError(
                    _("the catalogue has {count} error(s); see above", count=errors)
                ) from None
            log.error(
                f"the catalogue has {errors} error(s); every page shows them until they are fixed"
            )
            catalog = self.rebuild.cannot_load(exc.problems)  # None, or CatalogueHasErrors
        if catalog is not None:
            self._read_catalog(catalog)
        _add_theme_overrides(config, [d / THEME_OVERRIDES for d in self.templates_dirs])
        assets.add_markdown_extensions(config.markdown_extensions, config.mdx_configs)
        assets.add_missing(config.extra_css, assets.CSS)
        scripts = [str(getattr(s, "path", s)) for s in config.extra_javascript]
        config.extra_javascript.extend(
            ExtraScriptValue(path) for path in assets.JAVASCRIPT if path not in scripts
        )
        use_own_iframe_worker(config)
        config.site_dir = str(self.build.begin(on_wait=log.info))
        return config

    def _read_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        report_problems(self.catalog.warnings, log_problem)
        history = self.rebuild.history if self.rebuild is not None else load_history
        self.history = history(self.catalog, self.catalog_dir)
        for entry in self.history:
            if entry.problem:
                log.warning(
                    _("变更记录 {version}: {problem}", version=entry.version, problem=entry.problem)
                )

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.rebuild is not None and not hasattr(self, "catalog"):
            return self.rebuild.placeholder(files, config)
        if self.config.tool_pages:
            for path in docs_files():
                if files.get_file_from_path(path) is None:
                    files.append(File(path, str(DOCS), config.site_dir, config.use_directory_urls))
        has_calculator = files.get_file_from_path(CALCULATOR) is not None
        renderer = SiteRenderer(
            self.catalog,
            self.templates_dirs,
            calculator=has_calculator,
            history=self.history,
            workbook_inline=False,
            cache=self.rebuild.page_cache(self.templates_dirs) if self.rebuild else None,
            catalog_json_inline=self.rebuild is None,  # serve: written once the edits settle
        )
        self.with_workbook = renderer.workbook
        if self.rebuild is not None:
            self.rebuild.compiled_templates(renderer.env)
        if self.rebuild is None:
            self.workbook = WorkbookJob(self.catalog, self.build.scratch)
        pages = renderer.pages()
        shadowed = [uri for uri in pages if files.get_file_from_path(uri) is not None]
        if shadowed:
            raise PluginError(
                _(
                    "generated pages would replace pages in docs/: {pages}; rename or remove "
                    "those files",
                    pages=", ".join(sorted(shadowed)),
                )
            )
        # Positions, glossary entries and matrix pages are deliberately not in the nav (it
        # would be as long as the catalogue): MkDocs is not to list them as forgotten, while a
        # hand-written page missing from the nav still is.
        if self.rebuild is not None:  # each one modified only if its content changed
            self.rebuild.add_pages(files, pages, config)
        for uri, content in pages.items() if self.rebuild is None else ():
            files.append(
                File.generated(config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
            )
        # "Edit this page" opens the YAML file a page is made from (as mkdocs-gen-files'
        # set_edit_path does): MkDocs joins the path to repo_url and edit_uri.
        catalog = source_edit_uri(self.catalog_dir, config.docs_dir)  # once, not per page
        for uri, source in renderer.sources().items():
            file = files.get_file_from_path(uri)
            if file is not None:
                file.edit_uri = f"{catalog}/{source}"
        if not config.nav:
            own = [f.src_uri for f in files.documentation_pages() if f.src_uri not in pages]
            config.nav = assets.default_nav(set(pages) | set(own), own)
        config.nav = expand_departments(
            config.nav,
            self.config.departments_nav_title,
            self.catalog,
            self.config.nav_departments_limit,
        )
        return files

    @event_priority(-100)  # the nav as the other plugins leave it
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        if self.rebuild is not None:  # what every page shows: if it changed, every page
            theme = [str(d / THEME_OVERRIDES) for d in self.templates_dirs]
            custom = config.theme.get("custom_dir")
            self.rebuild.mark(
                nav, config, getattr(self, "catalog", None), theme + ([custom] if custom else [])
            )
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.rebuild is not None:  # the theme's templates compiled once per serve
            self.rebuild.compiled_templates(env)
        return env

    def later(self, part: Part, config: MkDocsConfig) -> None:
        """Have `part` (the search index) made by another process while MkDocs writes the
        pages, from the catalogue this build loaded; `mkdocs serve`: once the edits settle."""
        if self.rebuild is not None:
            self.rebuild.later(part)
        elif self.workbook is not None:
            self.beside.append(
                PartJob(self.workbook.data, part, Path(config.site_dir), self.workbook.scratch)
            )
        else:  # no second process: made here
            log.debug(part.function(self.catalog, Path(config.site_dir), **part.options))

    @event_priority(-200)  # after every other plugin has written its files (search index, ...)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        while self.beside:  # before the workbook's: they read the catalogue it was handed
            for line in self.beside.pop(0).finish():  # PluginError, OSError if it failed
                log.debug(line)  # a clean build says only MkDocs' summary; --verbose this too
        if self.workbook is not None:
            job, self.workbook = self.workbook, None
            job.finish(Path(config.site_dir) / CATALOG_XLSX)  # PluginError, OSError if it failed
        if self.rebuild is not None:  # the search index and downloads once the edits settle
            self.rebuild.finish(
                config,
                getattr(self, "catalog", None),
                workbook=getattr(self, "with_workbook", True),
            )
        config.site_dir = str(self.build.finish(strict=config.strict))

    @event_priority(-200)  # last: it may end the build with a message of its own
    def on_build_error(self, *, error: Exception) -> None:
        # A system error (a full disk, a read-only folder) is no bug: one line, no traceback.
        # (Jinja's TemplateNotFound is an OSError too, but without an errno.)
        system = isinstance(error, OSError) and error.errno is not None
        message = self.build.describe(error) if system and self.build is not None else None
        if self.rebuild is not None and not isinstance(error, CatalogueHasErrors):
            self.rebuild.failed()  # the site may be half written (a catalogue error leaves it)
        self._clean_up()
        if message is not None:
            log.error(message)
            raise Abort("Aborted with a BuildError!")  # what MkDocs says after a PluginError

    def on_shutdown(self) -> None:
        self._clean_up()  # a build stopped by Ctrl-C has no build_error event
        if self.rebuild is not None:
            end_session(self.rebuild.session.site_dir)

    def _clean_up(self) -> None:
        """Stop the workbook process and throw an unfinished build away."""
        while self.beside:
            self.beside.pop().cancel()
        if self.workbook is not None:
            self.workbook.cancel()
            self.workbook = None
        if self.build is not None:
            self.build.abandon()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        for path in (self.catalog_dir, *self.templates_dirs):
            server.watch(str(path))
        if self.rebuild is not None:  # rebuilds of what changed; problems shown in the browser
            serve_server.install(server, builder, self.rebuild.session)
        return server
