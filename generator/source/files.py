"""The catalogue's files and folders: their names, the largest file read, and the rules a
file must pass before it is read (a regular file inside the catalogue folder, not too big)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import Problem
from ..files import system_reason
from ..messages import _
from .validate import (
    Checker,
)

COMPANY_FILE = "company.yaml"
VOCABULARY_FILE = "vocabulary.yaml"
DEPARTMENTS_DIR = "departments"
DEPARTMENT_FILE = "_department.yaml"
# The search build's user dictionary for jieba (mkdocs.yml `jieba_dict_user`), if present.
SEARCH_DICTIONARY_FILE = "search-dictionary.txt"

# The largest file the catalogue reads (the real files are a few kB): a bigger one is refused
# before it is read. The vocabulary lists every competency of the company and grows with it:
# its limit holds some 2,000 times the real one (the benchmark's 1000x catalogue is 62 MB).
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_VOCABULARY_BYTES = 128 * 1024 * 1024
LARGEST_FILE_BYTES = max(MAX_FILE_BYTES, MAX_VOCABULARY_BYTES)


def display_path(path: Path) -> str:
    """`path` as messages show it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link loop: read as a file, and refused as one
        return False


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _file_kind(kind: str) -> str:
    """The catalogue file of `kind`, as a message names it."""
    words = {
        "company": _("company file"),
        "vocabulary": _("vocabulary file"),
        "department": _("department file"),
        "position": _("position file"),
        "search dictionary": _("search dictionary file"),
    }
    return words.get(kind, kind)


class CatalogFiles:
    """Reading the files and folders of the catalogue at `root`, problems collected in
    `check`."""

    def __init__(self, root: Path):
        self.root = root
        self.check = Checker()
        self.verified = {root}  # folders known to be in the catalogue, as they are named
        try:
            self.real_root: Path | None = root.resolve()
        except (OSError, RuntimeError):  # a link loop
            self.real_root = None

    def problem(self, path: Path, message: str, line: int = 0, level: str = "error") -> None:
        self.check.problems.append(Problem(display_path(path), line, "", message, level))

    def inside(self, path: Path, what: str) -> bool:
        """Whether `path` (a link followed) is in the catalogue folder; reported if not."""
        if path.parent in self.verified and not os.path.islink(path):
            return True
        try:
            real = path.resolve()
        except (OSError, RuntimeError):
            self.problem(
                path,
                _(
                    "is a link that cannot be followed (a loop?); the catalogue "
                    "reads only its own files"
                )
                if what == "file"
                else _(
                    "is a link that cannot be followed (a loop?); the catalogue reads "
                    "only its own folders"
                ),
            )
            return False
        if self.real_root is not None and (
            real == self.real_root or self.real_root in real.parents
        ):
            return True
        self.problem(
            path,
            _(
                "is a link to a file outside the catalogue folder; it was not read "
                "(put the file itself into the catalogue)"
            )
            if what == "file"
            else _(
                "is a link to a folder outside the catalogue folder; it was not read "
                "(put the folder itself into the catalogue)"
            ),
        )
        return False

    def read_bytes(self, path: Path, kind: str, limit: int = MAX_FILE_BYTES) -> bytes | None:
        """The bytes of a catalogue file, or None (reported): it must be a regular file in the
        catalogue folder, of at most `limit` bytes."""
        if not self.inside(path, "file"):
            return None
        try:
            info = os.stat(path)
        except FileNotFoundError:
            self.problem(
                path,
                _("missing file: a catalogue needs its {file} here", file=_file_kind(kind))
                if not os.path.islink(path)
                else _("is a link to a file that does not exist"),
            )
            return None
        except OSError as exc:
            self.problem(path, _("cannot be read: {reason}", reason=system_reason(exc)))
            return None
        if stat.S_ISDIR(info.st_mode):
            self.problem(
                path, _("is a folder; a catalogue needs its {file} here", file=_file_kind(kind))
            )
            return None
        if not stat.S_ISREG(info.st_mode):
            self.problem(
                path,
                _(
                    "is not a regular file (a pipe, device or socket); a catalogue "
                    "file is plain text"
                ),
            )
            return None
        if info.st_size > limit:
            self.problem(
                path,
                _(
                    "file is {size}; a catalogue file is at most {limit}, so it was not read",
                    size=_size(info.st_size),
                    limit=_size(limit),
                ),
            )
            return None
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(path, flags)
            with os.fdopen(fd, "rb") as file:
                if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):  # replaced meanwhile
                    self.problem(path, _("is not a regular file; a catalogue file is plain text"))
                    return None
                raw = file.read(limit + 1)
        except PermissionError:
            self.problem(
                path,
                _(
                    "cannot be read: permission denied (let the account that runs "
                    "the check read it)"
                ),
            )
            return None
        except OSError as exc:
            self.problem(path, _("cannot be read: {reason}", reason=system_reason(exc)))
            return None
        if len(raw) > limit:
            self.problem(
                path,
                _(
                    "file is over {limit}; a catalogue file is at most that, so it was not read",
                    limit=_size(limit),
                ),
            )
            return None
        return raw

    def entries(self, folder: Path) -> list[os.DirEntry] | None:
        """The entries of a catalogue folder, sorted by name, or None (reported)."""
        if not self.inside(folder, "folder"):
            return None
        try:
            with os.scandir(folder) as found:
                entries = sorted(found, key=lambda e: e.name)
            self.verified.add(folder)
            return entries
        except NotADirectoryError:
            self.problem(folder, _("is a file; the catalogue needs a folder here"))
        except PermissionError:
            self.problem(folder, _("cannot be read: permission denied"))
        except OSError as exc:
            self.problem(folder, _("cannot be read: {reason}", reason=system_reason(exc)))
        return None
