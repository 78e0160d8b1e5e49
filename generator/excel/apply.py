"""The import plan written to the catalogue folder: every new file staged first, then swapped in."""

from __future__ import annotations

from ..files import write_files
from .plan import FileChange


def apply_import(changes: list[FileChange]) -> None:
    """Write the changes of `plan_import`: all new contents go to temporary files first, then
    replace the old ones; moved and deleted files go last."""
    write_files({change.path: change.new for change in changes if change.new is not None})
    for change in changes:
        gone = change.moved_from or (change.path if change.new is None else None)
        if gone is not None and gone.exists():
            gone.unlink()
