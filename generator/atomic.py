"""Build into a temporary folder and swap it into place only when the build is complete.

An error, a --strict failure or a killed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


class AtomicDirectory:
    """`target` is replaced by a complete new tree, or not at all."""

    def __init__(self, target: str | os.PathLike):
        self.target = Path(target).resolve()
        self.building = self.target.with_name(f".{self.target.name}.building-{os.getpid()}")
        self.previous = self.target.with_name(f".{self.target.name}.previous")

    def begin(self) -> Path:
        """Tidy up after an earlier interrupted build; return the empty folder to build in."""
        self.target.parent.mkdir(parents=True, exist_ok=True)
        if self.previous.exists():
            if self.target.exists():
                shutil.rmtree(self.previous)
            else:  # killed between the two renames of a swap: the old site is still whole
                self.previous.rename(self.target)
        for stale in self.target.parent.glob(f".{self.target.name}.building-*"):
            shutil.rmtree(stale, ignore_errors=True)
        self.building.mkdir()
        return self.building

    def commit(self) -> None:
        """Put the finished build in place of the target (two renames, no copying)."""
        if self.target.exists():
            self.target.rename(self.previous)
        self.building.rename(self.target)
        if self.previous.exists():
            shutil.rmtree(self.previous)

    def abort(self) -> None:
        """Throw the unfinished build away."""
        shutil.rmtree(self.building, ignore_errors=True)
