"""The bytes of a catalogue file -> its text: UTF-8 only."""

from __future__ import annotations

from ..errors import WARNING, Problem
from ..messages import _


def decode(raw: bytes, file: str, problems: list[Problem]) -> str | None:
    """UTF-8 text of `raw`; a BOM is dropped with a warning, other encodings are errors."""
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(
            Problem(
                file,
                1,
                "",
                _(
                    "file starts with a UTF-8 byte order mark (BOM); "
                    "it was ignored, but save the file as UTF-8 without BOM"
                ),
                WARNING,
            )
        )
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        guess = ""
        for encoding, name in (("gb18030", "GBK/GB18030"), ("utf-16", "UTF-16")):
            try:
                raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            guess = _(" (it looks like {encoding}, as some Windows editors save)", encoding=name)
            break
        problems.append(
            Problem(
                file,
                line,
                "",
                _(
                    "file is not UTF-8 text{guess}: byte 0x{byte} cannot be read; save it as UTF-8",
                    guess=guess,
                    byte=f"{raw[exc.start]:02x}",
                ),
            )
        )
        return None
