"""The import plan written to the catalogue folder: every new file staged first, then swapped in."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .plan import FileChange


def apply_import(changes: list[FileChange]) -> None:
    """Write the changes of `plan_import`: all new contents go to temporary files first, then
    replace the old ones; moved and deleted files go last."""
    staged: list[tuple[str, Path]] = []
    try:
        for change in changes:
            if change.new is None:
                continue
            change.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=change.path.parent, prefix=f".{change.path.name}.")
            staged.append((tmp, change.path))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                out.write(change.new)
            os.chmod(tmp, change.path.stat().st_mode if change.path.exists() else _new_file_mode())
    except BaseException:
        for tmp, _ in staged:
            os.unlink(tmp)
        raise
    for tmp, path in staged:
        os.replace(tmp, path)
    for change in changes:
        gone = change.moved_from or (change.path if change.new is None else None)
        if gone is not None and gone.exists():
            gone.unlink()


def _new_file_mode() -> int:
    """What a new file's permissions would be: 0o666 less the process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
