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
from ..files import system_reason
from ..messages import _
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
        return None, _cannot_read(name, exc)
    if not inside:
        return None, _(
            "{name} leads out of the catalogue folder; copy the picture into it", name=quote(name)
        )
    if not stat.S_ISREG(mode):
        return None, _("{name} is not a file", name=quote(name))
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_PICTURE_BYTES + 1)
    except OSError as exc:
        return None, _cannot_read(name, exc)
    if len(data) > MAX_PICTURE_BYTES:
        return None, _(
            "{name} is larger than {limit} KiB", name=quote(name), limit=MAX_PICTURE_BYTES // 1024
        )
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".svg":
        if b"<svg" not in data.lower():
            return None, _("{name} is not an SVG picture", name=quote(name))
        if _ACTIVE_SVG.search(data):
            return None, _(
                "{name}: an SVG picture may not hold scripts, event handlers, "
                "javascript: links, embedded HTML or entity declarations",
                name=quote(name),
            )
    elif not data.startswith(_SIGNATURES[suffix]):
        return None, _("{name} is not a {kind} file", name=quote(name), kind=suffix[1:].upper())
    return Picture(name, data), None


def _cannot_read(name: str, exc: OSError) -> str:
    return _(
        "cannot read {name} in the catalogue folder ({reason})",
        name=quote(name),
        reason=system_reason(exc),
    )
