"""Files the user gives us and files we write: bounded reading, all-or-nothing writing."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

from .messages import _, language

# Why the system refused, said in Chinese for the errors HR meets (a name mistyped, a folder
# without permission, a full disk); any other keeps the system's own words.
_REASONS = {
    errno.ENOENT: lambda: _("No such file or directory"),
    errno.EACCES: lambda: _("Permission denied"),
    errno.EPERM: lambda: _("Operation not permitted"),
    errno.ENOSPC: lambda: _("No space left on device"),
    errno.EROFS: lambda: _("Read-only file system"),
    errno.EISDIR: lambda: _("Is a directory"),
    errno.ENOTDIR: lambda: _("Not a directory"),
    errno.EEXIST: lambda: _("File exists"),
    errno.ENAMETOOLONG: lambda: _("File name too long"),
    errno.EIO: lambda: _("Input/output error"),
    errno.EBUSY: lambda: _("Device or resource busy"),
}


def read_at_most(handle: BinaryIO, limit: int) -> bytes | None:
    """All of `handle`, or None if it holds more than `limit` bytes.

    Read in pieces: `read(limit + 1)` would allocate the whole limit at once, whatever the
    file's size (and a pipe or device has no size to check first).
    """
    pieces, size = [], 0
    while piece := handle.read(min(1 << 20, limit + 1 - size)):
        pieces.append(piece)
        size += len(piece)
        if size > limit:
            return None
    return b"".join(pieces)


def system_reason(error: OSError) -> str:
    """Why the system refused `error`'s operation, for a message: the system's own words in
    English (as today), in Chinese for the common errors."""
    said = _REASONS.get(error.errno) if language() == "zh" else None
    return said() if said else (error.strerror or str(error))


def write_file(path: str | os.PathLike, content: str | bytes) -> None:
    """Write `content` (text as UTF-8) to `path` completely or not at all."""
    write_files({Path(path): content})


def write_files(files: Mapping[Path, str | bytes]) -> None:
    """Write every file whole, or (OSError) change none of them.

    Each is written to a temporary file beside it, and all are renamed into place once all
    are written; folders are made as needed (and removed again if the writing fails). Every
    file gets a normal file's mode: 0o666 less the umask, whether it is new or replaces one.
    An OSError names the file that could not be written, never its temporary file.
    """
    made: list[Path] = []
    written: list[tuple[Path, Path]] = []
    try:
        for path, content in files.items():
            _make_folders(path.parent, made)
            temporary = _write_beside(path, content)
            written.append((temporary, path))
        for temporary, path in written:
            try:
                os.replace(temporary, path)
            except OSError as exc:
                raise _naming(path, exc) from exc
    except BaseException:
        for temporary, _ in written:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _make_folders(folder: Path, made: list[Path]) -> None:
    for parent in reversed([folder, *folder.parents]):
        if parent.is_dir():
            continue
        if parent.exists():  # a file: mkdir would say "File exists", which misleads
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(parent))
        parent.mkdir()
        made.append(parent)


def _write_beside(path: Path, content: str | bytes) -> Path:
    """A new file next to `path` holding `content`."""
    if path.is_dir():  # found now, not when the files are renamed into place one by one
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            # open(), not mkstemp: the file gets the umask's mode, as any new file does
            out = open(temporary, "xb")  # noqa: SIM115 (closed below, or removed on failure)
        except FileExistsError:
            continue  # another writer's temporary file: draw another name
        except OSError as exc:
            raise _naming(path, exc) from exc
        break
    try:
        with out:
            out.write(content.encode("utf-8") if isinstance(content, str) else content)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise _naming(path, exc) from exc
        raise
    return temporary


def _naming(path: Path, error: OSError) -> OSError:
    """`error` as if it happened to `path` itself (not to its temporary file)."""
    return OSError(error.errno, error.strerror or str(error), str(path))
