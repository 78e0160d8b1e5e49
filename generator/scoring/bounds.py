"""The bounds on an appraisals file that `score` reads, and the messages naming the one hit."""

from __future__ import annotations

from ..messages import _

# What `score` reads is bounded, so that a broken or hostile file costs little: each bound is
# checked before what it bounds is held in memory, and the message names the one hit.
MAX_FILE_BYTES = 16 * 1024 * 1024  # ~20,000 calculator downloads as saved (indented JSON)
MAX_ROWS = 100_000  # appraisals in one file
MAX_COLUMNS = 10_000  # columns of a CSV; values in one JSON list or object
MAX_CELL_CHARS = 10_000  # characters of one CSV cell or one JSON text
MAX_NUMBER_CHARS = 32  # characters of one number
MAX_NESTING = 20  # levels of JSON brackets (the calculator's download has 5)


def _too_long(column: str = "") -> str:
    limit = f"{MAX_CELL_CHARS:,}"
    if column:
        return _(
            "{column}: a cell longer than the limit of {limit} characters",
            column=column,
            limit=limit,
        )
    return _("a cell longer than the limit of {limit} characters", limit=limit)


def _too_many_rows() -> str:
    return _(
        "more than the limit of {limit} appraisals in one file; split the file",
        limit=f"{MAX_ROWS:,}",
    )
