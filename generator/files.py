"""Reading a file the user gives us without holding more of it than a bound."""

from __future__ import annotations

from typing import BinaryIO


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
