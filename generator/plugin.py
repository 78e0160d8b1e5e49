"""CatalogPlugin: MkDocs glue only. Loads the catalogue once per build and adds its pages."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .catalog import load_catalog
from .errors import ERROR, NOTE, WARNING, CatalogError
from .render import CALCULATOR, CATALOG_XLSX, SiteRenderer, expand_departments
from .site.atomic import AtomicDirectory, describe_os_error
from .site.background import WorkbookJob
from .versions.history import load_history

log = logging.getLogger("mkdocs.plugins.position-catalog")
# Notes are acknowledged facts (shown on the site), so they do not fail `mkdocs build --strict`.
LOG_BY_LEVEL = {ERROR: log.error, WARNING: log.warning, NOTE: log.info}
# Material's offline plugin would fetch this shim from unpkg.com; the site serves its own copy.
IFRAME_WORKER = "assets/vendor/iframe-worker/shim.js"


THEME_OVERRIDES = "theme"  # under the templates folder: Jinja overrides of the theme's own


def _add_theme_overrides(config: MkDocsConfig, folder: Path) -> None:
    """Put `folder` before the theme's templates (after a site's own `custom_dir`), so the
    site can still override what the plugin overrides."""
    dirs = config.theme.dirs
    if str(folder) in dirs or not folder.is_dir():
        return
    custom = config.theme.get("custom_dir")
    at = 1 if custom and dirs and Path(dirs[0]).resolve() == Path(custom).resolve() else 0
    dirs.insert(at, str(folder))


class _WarningCounter(logging.Handler):
    """Counts warnings, as `mkdocs build --strict` does, to know whether the build will fail."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _BuildMessages(logging.Filter):
    """MkDocs' messages during a build: the site is named where they would name the temporary
    folder the build writes into, and a system error is said once, by on_build_error."""

    def __init__(self, building: Path | None, site: Path) -> None:
        super().__init__()
        self.building, self.site = (str(building) if building else None), str(site)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Error building page ") and "[Errno " in message:
            return False
        if self.building and self.building in message:
            record.msg, record.args = message.replace(self.building, self.site), ()
        return True


class CatalogPluginConfig(Config):
    catalog = c.Type(str, default="catalog")
    templates = c.Type(str, default="site_templates")
    # The nav entry `<title>: departments/index.md` becomes a section listing every department.
    departments_nav_title = c.Type(str, default="部门")
    # Past this many departments the nav shows only the (paginated) overview page: Material
    # renders the nav into every page, so a long one makes every page heavy.
    nav_departments_limit = c.Type(int, default=50)


class CatalogPlugin(BasePlugin[CatalogPluginConfig]):
    """Adds the department, position, glossary, matrix and download pages in memory, and
    swaps a finished build into site_dir so a failed build never leaves half a site."""

    def __init__(self) -> None:
        super().__init__()
        self.command = "build"
        self.atomic: AtomicDirectory | None = None
        self.workbook: WorkbookJob | None = None
        self.warnings = _WarningCounter()
        self.site_dir = Path("site")
        self.messages: _BuildMessages | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.warnings.count = 0  # counted from here on, as --strict counts them
        self.site_dir = Path(config.site_dir).resolve()  # as users know it (we build elsewhere)
        logging.getLogger("mkdocs").addHandler(self.warnings)
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
        self.history = load_history(self.catalog, self.catalog_dir)
        for entry in self.history:
            if entry.problem:
                log.warning(f"变更记录 {entry.version}: {entry.problem}")
        _add_theme_overrides(config, self.templates_dir / THEME_OVERRIDES)
        if config.nav:
            config.nav = expand_departments(config.nav, self.config.departments_nav_title,
                                            self.catalog, self.config.nav_departments_limit)
        offline = config.plugins.get("material/offline")
        if offline is not None and offline.config.enabled:
            polyfills = [url for url in config.extra.get("polyfills", []) if "unpkg.com" not in url]
            config.extra["polyfills"] = [*polyfills, IFRAME_WORKER]
        if self.command != "serve":  # serve builds into its own temporary folder
            self.atomic = AtomicDirectory(config.site_dir)
            config.site_dir = str(self.atomic.begin(on_wait=log.info))
        self._filter_messages(self.atomic.building if self.atomic is not None else None)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        has_calculator = files.get_file_from_path(CALCULATOR) is not None
        renderer = SiteRenderer(self.catalog, self.templates_dir, calculator=has_calculator,
                                history=self.history, workbook_inline=False)
        scratch = self.atomic.scratch if self.atomic is not None else None
        self.workbook = WorkbookJob(self.catalog_dir, scratch)
        pages = renderer.pages()
        shadowed = [uri for uri in pages if files.get_file_from_path(uri) is not None]
        if shadowed:
            raise PluginError("generated pages would replace pages in docs/: "
                              + ", ".join(sorted(shadowed)) + "; rename or remove those files")
        for uri, content in pages.items():
            files.append(File.generated(config, uri, content=content))
        return files

    @event_priority(-200)  # after every other plugin has written its files (search index, ...)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        self._stop_filtering_messages()
        if self.workbook is not None:
            job, self.workbook = self.workbook, None
            job.finish(Path(config.site_dir) / CATALOG_XLSX)  # PluginError, OSError if it failed
        if self.atomic is None:
            return
        if config.strict and self.warnings.count:
            self.atomic.abort()  # MkDocs is about to abort: keep the previous site
        else:
            self.atomic.commit()
        config.site_dir = str(self.atomic.target)  # for commands that go on, e.g. gh-deploy
        self.atomic = None

    @event_priority(-200)  # last: it may end the build with a message of its own
    def on_build_error(self, *, error: Exception) -> None:
        private = self.atomic.private_paths if self.atomic is not None else ()
        self._clean_up()
        if isinstance(error, OSError):  # a full disk, a read-only folder: no bug, no traceback
            log.error(describe_os_error(error, self.site_dir, private))
            raise Abort("Aborted with a BuildError!")  # what MkDocs says after a PluginError

    def on_shutdown(self) -> None:
        self._clean_up()  # a build stopped by Ctrl-C has no build_error event

    def _clean_up(self) -> None:
        """Stop the workbook process and throw an unfinished build away."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        self._stop_filtering_messages()
        if self.workbook is not None:
            self.workbook.cancel()
            self.workbook = None
        if self.atomic is not None:
            self.atomic.abort()
            self.atomic = None

    def _filter_messages(self, building: Path | None) -> None:
        """Filter what MkDocs shows during a build into `building` (see _BuildMessages)."""
        self._stop_filtering_messages()
        self.messages = _BuildMessages(building, self.site_dir)
        for handler in logging.getLogger("mkdocs").handlers:
            handler.addFilter(self.messages)

    def _stop_filtering_messages(self) -> None:
        for handler in logging.getLogger("mkdocs").handlers:
            handler.removeFilter(self.messages)
        self.messages = None

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        for path in (self.catalog_dir, self.templates_dir):
            server.watch(str(path))
        return server
