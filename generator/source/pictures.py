"""The company's pictures (company.yaml `company.logo`, `company.favicon`): files in the
catalogue folder, read and checked when the catalogue loads so a problem has its file and line.

The site serves them under assets/company/ as they are, so a picture must be one: the kind its
name says, of bounded size, and an SVG without anything that could run when it is opened.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path, PurePosixPath

from ..errors import quote
from ..model import Picture

MAX_PICTURE_BYTES = 1024 * 1024
# What each kind of file starts with.
_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".ico": (b"\x00\x00\x01\x00",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
}
# An SVG opened on its own is a page of the site: no scripts, handlers, links to scripts,
# embedded HTML or entity declarations.
_ACTIVE_SVG = re.compile(
    rb"<\s*script|<\s*foreignobject|\son[a-z]+\s*=|javascript\s*:|<!entity", re.IGNORECASE
)


def read_picture(name: str, folder: Path) -> tuple[Picture | None, str | None]:
    """The picture `name` (a relative path) in the catalogue folder `folder`, or the problem."""
    file = folder / name
    try:
        inside = file.resolve().is_relative_to(folder.resolve())
        mode = os.stat(file).st_mode
    except OSError as exc:
        return None, f"cannot read {quote(name)} in the catalogue folder ({exc.strerror})"
    if not inside:
        return None, f"{quote(name)} leads out of the catalogue folder; copy the picture into it"
    if not stat.S_ISREG(mode):
        return None, f"{quote(name)} is not a file"
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_PICTURE_BYTES + 1)
    except OSError as exc:
        return None, f"cannot read {quote(name)} in the catalogue folder ({exc.strerror})"
    if len(data) > MAX_PICTURE_BYTES:
        return None, f"{quote(name)} is larger than {MAX_PICTURE_BYTES // 1024} KiB"
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".svg":
        if b"<svg" not in data.lower():
            return None, f"{quote(name)} is not an SVG picture"
        if _ACTIVE_SVG.search(data):
            return None, (
                f"{quote(name)}: an SVG picture may not hold scripts, event handlers, "
                "javascript: links, embedded HTML or entity declarations"
            )
    elif not data.startswith(_SIGNATURES[suffix]):
        return None, f"{quote(name)} is not a {suffix[1:].upper()} file"
    return Picture(name, data), None
