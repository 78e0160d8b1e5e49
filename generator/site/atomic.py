"""Build into a temporary folder and swap it into place only when the build is complete.

An error, a --strict failure or a killed build leaves the previous site exactly as it was.
One build of a site runs at a time: a second one waits for the lock file next to the site,
which the operating system frees when its holder ends, however it ends. Whoever holds the
lock may therefore remove every other build folder of the site: it was left by a killed build.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from ..files import system_reason
from ..messages import _

try:
    import fcntl
except ImportError:  # not POSIX (Windows): builds of one site are not kept apart
    fcntl = None


class SiteLock:
    """`.<site>.lock` next to the site, held while a build runs; it holds the holder's pid."""

    def __init__(self, target: Path):
        self.target = target
        self.path = target.with_name(f".{target.name}.lock")
        self.file: IO[str] | None = None

    def acquire(self, on_wait: Callable[[str], object]) -> None:
        """Take the lock; if another build holds it, tell `on_wait` once and wait for it."""
        if fcntl is None or self.file is not None:
            return
        told = False
        while True:
            # "a+" never empties the holder's pid; the file stays open: it is the lock
            file = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115
            try:
                try:
                    fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    if not told:
                        on_wait(self._waiting_message(file))
                        told = True
                    fcntl.flock(file, fcntl.LOCK_EX)
                if self._is_current(file):
                    break
            except BaseException:
                file.close()
                raise
            file.close()  # its holder removed this file while we waited: lock the new one
        file.seek(0)
        file.truncate()
        file.write(f"{os.getpid()}\n")
        file.flush()
        self.file = file

    def release(self) -> None:
        """Let the next build go; the lock file goes too (a waiter then locks a new one)."""
        if self.file is None:
            return
        try:
            self.path.unlink()
        except OSError:
            pass
        self.file.close()
        self.file = None

    def _is_current(self, file: IO[str]) -> bool:
        """Whether `file` is still the one at `self.path` (a releaser unlinks it)."""
        try:
            here, held = self.path.stat(), os.fstat(file.fileno())
        except FileNotFoundError:
            return False
        return (here.st_dev, here.st_ino) == (held.st_dev, held.st_ino)

    def _waiting_message(self, file: IO[str]) -> str:
        file.seek(0)
        pid = file.read().strip()
        if pid.isdigit():
            return _(
                "another build of {site} is running (pid {pid}); waiting…",
                site=self.target,
                pid=pid,
            )
        return _("another build of {site} is running; waiting…", site=self.target)


class AtomicDirectory:
    """`target` is replaced by a complete new tree, or not at all."""

    def __init__(self, target: str | os.PathLike):
        self.target = Path(target).resolve()
        name = self.target.name
        self.building = self.target.with_name(f".{name}.building-{os.getpid()}")
        # Files the build makes on the way (the workbook before it is complete): outside the
        # site, so no other plugin sees them, and removed with the build however it ends.
        self.scratch = self.target.with_name(f".{name}.scratch-{os.getpid()}")
        self.previous = self.target.with_name(f".{name}.previous")
        self.lock = SiteLock(self.target)

    @property
    def private_paths(self) -> tuple[Path, ...]:
        """The folders and files of the build that users should not need to know about."""
        return self.building, self.scratch, self.previous, self.lock.path

    def begin(self, on_wait: Callable[[str], object] = lambda message: None) -> Path:
        """Wait for any other build of the site and tidy up after killed ones; return the
        empty folder to build in. `on_wait` hears if and why it has to wait."""
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.lock.acquire(on_wait)
        try:
            if self.previous.exists():
                if self.target.exists():
                    shutil.rmtree(self.previous)
                else:  # killed between the two renames of a swap: the old site is still whole
                    self.previous.rename(self.target)
            for stale in self._left_by_killed_builds():
                shutil.rmtree(stale, ignore_errors=True)
            self.building.mkdir()
            self.scratch.mkdir()
        except BaseException:
            self.abort()
            raise
        return self.building

    def commit(self) -> None:
        """Put the finished build in place of the target (two renames, no copying)."""
        if self.target.exists():
            self.target.rename(self.previous)
        try:
            self.building.rename(self.target)
        except BaseException:
            if self.previous.exists() and not self.target.exists():
                self.previous.rename(self.target)
            raise
        shutil.rmtree(self.previous, ignore_errors=True)  # what stays, the next build removes
        self._end()

    def abort(self) -> None:
        """Throw the unfinished build away."""
        shutil.rmtree(self.building, ignore_errors=True)
        self._end()

    def _end(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)
        self.lock.release()

    def _left_by_killed_builds(self) -> Iterable[Path]:
        if fcntl is None:  # without the lock another build may be alive: only our pid's are sure
            return [self.building, self.scratch]
        kinds = (f".{self.target.name}.building-", f".{self.target.name}.scratch-")
        return [entry for entry in self.target.parent.iterdir() if entry.name.startswith(kinds)]


def describe_os_error(error: OSError, site: Path, private: Iterable[Path] = ()) -> str:
    """One line for an OSError of a build, naming the site rather than a private folder."""
    reason = system_reason(error)
    ours = (site, *private)
    for name in (error.filename, error.filename2):
        if isinstance(name, (str, bytes, os.PathLike)):
            path = Path(os.path.abspath(os.fsdecode(name)))
            if not any(path == folder or folder in path.parents for folder in ours):
                return _("cannot build the site: {path}: {reason}", path=path, reason=reason)
    return _("cannot write the site to {site}: {reason}", site=site, reason=reason)
