"""An appraisal as read from a file, and what reading one may raise or report."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from ..escape import plain_text
from ..model import GROUPS

META = ("position", "employee", "rater", "period")
# Columns of the calculator's team export (团队考核 → 导出 CSV) that scoring does not read: the
# position's title and department, the catalogue version, the monthly completion (scored on
# its own), and the results the calculator showed, which are scored again here.
CALCULATOR_COLUMNS = frozenset(
    {
        "title",
        "department",
        "version",
        "monthly",
        "kpi_on5",
        "kpi_on100",
        *(f"{group}_on5" for group in GROUPS),
        "ability_on5",
        "ability_on100",
        "overall",
        "grade",
        "complete",
    }
)


@dataclass
class Appraisal:
    """One input row: where it came from and what it says."""

    row: int
    data: dict[str, Any]
    problems: list[str] = field(default_factory=list)
    kpi_columns: dict[int, dict[str, Any]] | None = None  # CSV: KPI number (from 1) -> entry


class AppraisalFileError(Exception):
    """The file cannot be scored at all; the message is one line naming it (and the row)."""


class _Refused(Exception):
    """A bound was hit or the file is unreadable: at `row`, or (None) the file as a whole."""

    def __init__(self, message: str, row: int | None = None):
        super().__init__(message)
        self.message, self.row = message, row


def _quoted(text: str, limit: int = 60) -> str:
    """`text` in quotes for a one-line message: on one line, and shortened."""
    text = plain_text(text)
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


def _closest(word: str, choices: set[str]) -> str | None:
    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return close[0] if close else None
