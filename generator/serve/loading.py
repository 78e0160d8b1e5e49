"""The catalogue loaded again after an edit, reading only the files that changed.

`mkdocs serve` makes a new configuration for every rebuild, so what is kept lives here, one
`SourceCache` per catalogue folder (and working directory: problems name files relative to
it). A file is read again when its size, modification time, inode or change time differ
from when it was read, or when it was written so shortly before it was read that a second
write could have kept its modification time (as git does for its index: "racy" entries).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..source.yamlsrc import Source

# A write this close to the read may share its modification time with a later write (the
# file system's clock ticks coarsely: 2 s on FAT): such a file is read again next time.
RACY_NANOSECONDS = 2_000_000_000


@dataclass
class _Kept:
    signature: tuple
    src: Source | None
    problems: tuple[Problem, ...]


@dataclass
class _Built:
    inputs: tuple
    result: Any
    problems: tuple[Problem, ...]


def file_signature(path: Path) -> tuple | None:
    """What changes when a file is written or replaced, or None if it cannot be stat'ed."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def _same(a: tuple, b: tuple) -> bool:
    """The same inputs: the same objects (a model built from them is the same), or equal
    plain values."""
    return len(a) == len(b) and all(
        x is y or (type(x) in (str, int, bool, float) and type(x) is type(y) and x == y)
        for x, y in zip(a, b)
    )


class SourceCache:
    """What loading made of each file (generator.catalog.LoadCache): the parsed,
    schema-checked file, what was built from it, and the model objects it gave."""

    def __init__(self) -> None:
        self.sources: dict[tuple[str, str], _Kept] = {}
        self.made: dict[tuple, _Built] = {}
        self.interned: dict[tuple, Any] = {}
        self.used: set[tuple] = set()  # slots used by the load under way
        self.reads = 0  # files read (not taken from here) by the last load

    def signature(self, path: Path) -> tuple | None:
        signature = file_signature(path)
        if signature is not None and time.time_ns() - signature[1] < RACY_NANOSECONDS:
            return None  # never trusted: read again next time
        return signature

    def source(self, path: Path, kind: str) -> tuple[Source | None, list[Problem]] | None:
        key = (str(path), kind)
        kept = self.sources.get(key)
        if kept is None or kept.signature is None or file_signature(path) != kept.signature:
            return None
        self.used.add(key)
        return kept.src, list(kept.problems)

    def keep_source(
        self,
        path: Path,
        kind: str,
        signature: tuple | None,
        src: Source | None,
        problems: list[Problem],
    ) -> None:
        key = (str(path), kind)
        self.reads += 1
        self.used.add(key)
        self.sources[key] = _Kept(signature, src, tuple(problems))

    def built(
        self, slot: tuple, inputs: tuple, make: Callable[[], Any], problems: list[Problem]
    ) -> Any:
        self.used.add(slot)
        kept = self.made.get(slot)
        if kept is not None and _same(kept.inputs, inputs):
            problems.extend(kept.problems)
            return kept.result
        start = len(problems)
        result = make()
        self.made[slot] = _Built(inputs, result, tuple(problems[start:]))
        return result

    def intern(self, slot: tuple, value: Any) -> Any:
        self.used.add(slot)
        kept = self.interned.get(slot)
        if kept is not None and type(kept) is type(value) and kept == value:
            return kept
        self.interned[slot] = value
        return value

    def prune(self) -> None:
        """Forget what the last load did not use (files removed, positions gone)."""
        for table in (self.sources, self.made, self.interned):
            for key in [k for k in table if k not in self.used]:
                del table[key]
        self.used = set()


_CACHES: dict[tuple[str, str], SourceCache] = {}


def source_cache(catalog_dir: Path) -> SourceCache:
    """The cache of the catalogue in `catalog_dir`, as seen from the working directory."""
    key = (str(Path(catalog_dir).resolve()), os.getcwd())
    cache = _CACHES.get(key)
    if cache is None:
        cache = _CACHES[key] = SourceCache()
    cache.reads = 0
    return cache


def forget(catalog_dir: Path) -> None:
    """Drop the cache of `catalog_dir` (its memory, and every file is read again)."""
    _CACHES.pop((str(Path(catalog_dir).resolve()), os.getcwd()), None)
