"""One build of the site as the plugin runs it: swapped into place when complete, its
warnings counted as `mkdocs build --strict` counts them, MkDocs' messages naming the site."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from .atomic import AtomicDirectory, describe_os_error

MKDOCS = logging.getLogger("mkdocs")


class WarningCounter(logging.Handler):
    """Counts warnings, as `mkdocs build --strict` does, to know whether the build will fail."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class BuildMessages(logging.Filter):
    """MkDocs' messages during a build: the site is named where they would name the temporary
    folder the build writes into, and a system error is said once, by the plugin."""

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


class SiteBuild:
    """A build of the site at `site_dir`, from its creation (when counting warnings starts)
    to `finish` or `abandon`.

    With `swap`, MkDocs builds into a private folder that replaces the site only when the build
    is complete and --strict has nothing to fail on (see AtomicDirectory). Without it (`mkdocs
    serve`, which builds into a temporary folder of its own) MkDocs builds in place.
    """

    def __init__(self, site_dir: str, swap: bool) -> None:
        self.site_dir = Path(site_dir)
        self.site = self.site_dir.resolve()  # as users know it: MkDocs is told another folder
        self.swap = swap
        self.atomic = AtomicDirectory(self.site) if swap else None
        self.warnings = WarningCounter()
        self.messages: BuildMessages | None = None
        MKDOCS.addHandler(self.warnings)

    def begin(self, on_wait: Callable[[str], object]) -> Path:
        """The folder MkDocs is to build into; waits (telling `on_wait`) while another build
        of the site runs."""
        building = self.atomic.begin(on_wait=on_wait) if self.atomic is not None else None
        self.messages = BuildMessages(building, self.site)
        for handler in MKDOCS.handlers:
            handler.addFilter(self.messages)
        return building or self.site_dir

    @property
    def scratch(self) -> Path | None:
        """A folder of this build's own for files made on the way, or None (make one)."""
        return self.atomic.scratch if self.atomic is not None else None

    def finish(self, strict: bool) -> Path:
        """Put the build in place, unless `strict` and a warning was counted (then MkDocs is
        about to abort: the previous site stays); the folder to tell MkDocs again, for
        commands that go on (gh-deploy)."""
        self._stop_listening()
        if self.atomic is not None:
            if strict and self.warnings.count:
                self.atomic.abort()
            else:
                self.atomic.commit()
            self.atomic = None
        return self.site if self.swap else self.site_dir

    def abandon(self) -> None:
        """Throw an unfinished build away; nothing if it has finished."""
        self._stop_listening()
        if self.atomic is not None:
            self.atomic.abort()
            self.atomic = None

    def describe(self, error: OSError) -> str:
        """One line for a system error of this build, naming the site, not a private folder."""
        private = self.atomic.private_paths if self.atomic is not None else ()
        return describe_os_error(error, self.site, private)

    def _stop_listening(self) -> None:
        MKDOCS.removeHandler(self.warnings)
        for handler in MKDOCS.handlers:
            handler.removeFilter(self.messages)
        self.messages = None
