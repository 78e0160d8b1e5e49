"""A side of a comparison: a catalogue folder, or a git revision of one."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..catalog import display_path, load_catalog
from ..errors import CatalogError, Problem, one_line
from ..messages import _
from ..model import Catalog
from .archive import extract_archive

DEFAULT_FOLDER = "catalog"


class SideError(Exception):
    """A side of the comparison cannot be loaded; str() is a one-line message naming it.

    `problems` holds every error of a side whose catalogue does not load, files named as the
    side names them (e.g. `HEAD~1:catalog/departments/sales/sales-manager.yaml`).
    """

    def __init__(self, message: str, problems: Sequence[Problem] = ()):
        super().__init__(one_line(message))
        self.problems = tuple(problems)


def load_side(spec: str, cwd: Path | None = None) -> Catalog:
    """A catalogue folder, or `REV` / `REV:path` of the git repository at `cwd` (default: the
    working directory).

    An existing folder wins over a revision of the same name. Without `:path` a revision's
    catalogue is its `catalog` folder; `path` is read as git reads `REV:path`.
    """
    base = Path(cwd) if cwd is not None else Path(".")
    if (base / spec).is_dir():
        return _load_folder(spec, base / spec, None)
    is_file = (base / spec).exists()

    def not_a_side(message: str) -> SideError:
        """`message`, or, for a file, that it is one."""
        if is_file:
            return SideError(
                _("{side}: a file, not a catalogue folder (nor a git revision)", side=spec)
            )
        return SideError(message)

    git = functools.partial(_git, cwd=cwd)
    revision, colon, folder = spec.partition(":")
    folder = folder if colon else DEFAULT_FOLDER
    if not revision or revision.startswith("-") or not folder:
        raise not_a_side(_("{side}: not a folder, nor a git revision", side=spec))
    if shutil.which("git") is None:
        raise not_a_side(
            _(
                "{side}: not a folder, and git is not installed to read it as a revision",
                side=spec,
            )
        )
    top = git("rev-parse", "--show-toplevel")
    if top is None:
        raise not_a_side(
            _(
                "{side}: not a folder, and the working directory is not in a git repository",
                side=spec,
            )
        )
    top_folder = Path(top.decode().strip())
    if git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}") is None:
        raise not_a_side(_("{side}: not a folder, nor a git revision", side=spec))
    found = git("rev-parse", "--verify", "--quiet", f"{revision}:{folder}")
    tree = found.decode().strip() if found else ""
    if not tree or (git("cat-file", "-t", tree) or b"").strip() != b"tree":
        raise SideError(
            _(
                "{side}: revision {revision} has no folder '{folder}' (name the catalogue's "
                "folder as {revision}:path/to/catalog)",
                side=spec,
                revision=revision,
                folder=folder,
            )
        )
    with tempfile.TemporaryDirectory(prefix="catalog-diff-") as tmp:
        # A tree's archive holds the catalogue's files at its root, wherever `folder` is; it
        # goes to a file, so a large revision is not held in memory.
        archive = Path(tmp, "side.tar")
        if git("-C", str(top_folder), "archive", "--format=tar", "-o", str(archive), tree) is None:
            raise SideError(
                _(
                    "{side}: git could not read '{folder}' of revision {revision}",
                    side=spec,
                    folder=folder,
                    revision=revision,
                )
            )
        side = Path(tmp, "side")
        shown_as = f"{revision}:{folder.rstrip('/')}"
        problem = extract_archive(archive, side, shown_as)
        if problem:
            raise SideError(
                _("{side}: {problem}; the revision was not read", side=spec, problem=problem)
            )
        return _load_folder(spec, side, shown_as)


def _load_folder(spec: str, folder: Path, shown_as: str | None) -> Catalog:
    """load_catalog, with a broken catalogue reported as a SideError naming the side."""
    try:
        return load_catalog(folder)
    except CatalogError as exc:
        errors = exc.errors
        if shown_as is not None:
            prefix = display_path(folder)
            errors = tuple(_rename_file(p, prefix, shown_as) for p in errors)
        if len(errors) > 1:
            message = _(
                "{side}: the catalogue does not load: {error} (and {more} more)",
                side=spec,
                error=errors[0],
                more=len(errors) - 1,
            )
        elif errors:
            message = _("{side}: the catalogue does not load: {error}", side=spec, error=errors[0])
        else:
            message = _("{side}: the catalogue does not load", side=spec)
        raise SideError(message, errors) from None


def _rename_file(problem: Problem, prefix: str, shown_as: str) -> Problem:
    if problem.file == prefix or problem.file.startswith(prefix + os.sep):
        rest = problem.file[len(prefix) :].replace(os.sep, "/")
        return replace(problem, file=shown_as.rstrip("/") + rest)
    return problem


def _git(*args: str, cwd: Path | None = None) -> bytes | None:
    """git's standard output, or None if it failed."""
    try:
        done = subprocess.run(["git", *args], capture_output=True, check=False, cwd=cwd)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None
