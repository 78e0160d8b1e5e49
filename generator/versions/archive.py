"""A git archive of a catalogue folder, extracted safely: every member is checked first."""

from __future__ import annotations

import posixpath
import tarfile
from pathlib import Path

from ..catalog import LARGEST_FILE_BYTES
from ..messages import _


def extract_archive(archive: Path, target: Path, shown_as: str) -> str | None:
    """Extract a git archive of `shown_as` into `target`; what makes it unsafe to (nothing is
    extracted then), or None. A file too large for the catalogue becomes an empty file of its
    size (sparse: no disk used), for the loader to refuse as it refuses one in a folder."""
    try:
        with tarfile.open(archive) as tar:
            members = tar.getmembers()
            for member in members:
                problem = unsafe_member(member)
                if problem:
                    return _(
                        "{member} {problem}", member=f"{shown_as}/{member.name}", problem=problem
                    )
            small = [m for m in members if not (m.isfile() and m.size > LARGEST_FILE_BYTES)]
            if hasattr(tarfile, "data_filter"):
                tar.extractall(target, members=small, filter="data")
            else:  # Python without extraction filters: the checks above stand alone
                tar.extractall(target, members=small)
            for member in members:
                if member.isfile() and member.size > LARGEST_FILE_BYTES:
                    with open(target / member.name, "wb") as placeholder:
                        placeholder.truncate(member.size)
    except (tarfile.TarError, OSError) as exc:
        return _(
            "git's archive of {side} cannot be extracted ({reason})", side=shown_as, reason=exc
        )
    return None


def unsafe_member(member: tarfile.TarInfo) -> str | None:
    """Why an archive member must not be extracted, or None."""
    name = member.name
    if posixpath.isabs(name) or ".." in name.split("/"):
        return _("is a path that leaves the catalogue folder")
    if member.issym():
        target = member.linkname
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(name), target))
        if posixpath.isabs(target) or resolved == ".." or resolved.startswith("../"):
            return _("is a link to a place outside the catalogue folder")
        return None
    if not (member.isfile() or member.isdir()):
        return _("is neither a file, a folder nor a link")
    return None
