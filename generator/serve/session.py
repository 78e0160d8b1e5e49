"""What one `mkdocs serve` keeps from one rebuild to the next, found by its site folder.

MkDocs makes a new configuration (and new plugin objects, for plugins without on_startup)
for every rebuild; the server, the builder it calls and this session live as long as the
command does.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from ..render import PageCache
from .incremental import BuildRecord
from .settle import Part, SettleJob


class CompiledTemplates(BytecodeCache):
    """Jinja templates compiled once per `mkdocs serve`: MkDocs makes a new environment for
    every build, which compiles the theme's templates again (half a second). Jinja checks
    each template's source against the one it was compiled from."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


@dataclass
class Problems:
    """What the browser shows while the site cannot be built: lines as the terminal shows
    them. `generation` grows with each change, so a page knows when to reload."""

    lines: tuple[str, ...] = ()
    generation: int = 0


@dataclass
class ServeSession:
    site_dir: str
    pages: PageCache = field(default_factory=PageCache)
    templates: tuple = ()  # the page templates the cached pages were rendered from
    record: BuildRecord = field(default_factory=BuildRecord)
    settle: SettleJob | None = None
    later: list[Part] = field(default_factory=list)  # the settle parts of the build under way
    problems: Problems = field(default_factory=Problems)
    builder_installed: bool = False
    templates_compiled: CompiledTemplates = field(default_factory=CompiledTemplates)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def show(self, lines: list[str] | tuple[str, ...]) -> None:
        """Show `lines` on every page from now on (none: the site is fine again)."""
        with self.changed:
            if tuple(lines) != self.problems.lines:
                self.problems = Problems(tuple(lines), self.problems.generation + 1)
                self.changed.notify_all()

    def problems_after(self, generation: int, timeout: float) -> Problems:
        """The problems once they are no longer those of `generation` (or after `timeout`)."""
        with self.changed:
            self.changed.wait_for(lambda: self.problems.generation != generation, timeout)
            return self.problems

    def cancel_settle(self) -> None:
        if self.settle is not None:
            self.settle.cancel()
            self.settle = None

    def wait_for_downloads(self, timeout: float) -> None:
        job = self.settle
        if job is not None:
            job.wait(timeout)


_SESSIONS: dict[str, ServeSession] = {}


def session_for(site_dir: str) -> ServeSession:
    """The session of the `mkdocs serve` that builds into `site_dir`."""
    session = _SESSIONS.get(site_dir)
    if session is None:
        session = _SESSIONS[site_dir] = ServeSession(site_dir)
    return session


def end_session(site_dir: str) -> None:
    session = _SESSIONS.pop(site_dir, None)
    if session is not None:
        session.cancel_settle()
