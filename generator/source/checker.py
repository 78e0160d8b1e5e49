"""What every check of a parsed file uses: the Checker collecting problems, reading a value
where the file has the right form, and the rules for ids and names."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from ..errors import ERROR, Problem, quote
from ..messages import _
from .yamlsrc import Path_, Source, format_path

# `\Z`, not `$`: `$` also matches before a final line break.
SAFE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# Names Windows keeps for devices: a file or folder of that name (any extension) cannot exist.
RESERVED_NAMES = frozenset(
    {
        "con",
        "prn",
        "aux",
        "nul",
        *(f"com{n}" for n in range(1, 10)),
        *(f"lpt{n}" for n in range(1, 10)),
    }
)


def reserved_name_problem(name: str) -> str | None:
    """The message for an id that Windows cannot use as a file or folder name, or None."""
    if name.lower() not in RESERVED_NAMES:
        return None
    return _(
        "'{name}' is a reserved file name on Windows (con, prn, aux, nul, com1–com9, "
        "lpt1–lpt9), so its page could not be saved there; choose another id",
        name=name,
    )


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` (did you mean 'x'?)` for the closest of `choices`, or '' if none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return _(" (did you mean {choice}?)", choice=quote(close[0])) if close else ""


class Checker:
    """Collects problems; `at(src, path, ...)` names the file, line and path of each."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def at(self, src: Source, path: tuple, message: str, level: str = ERROR) -> None:
        self.problems.append(
            Problem(src.file, src.line(path), format_path(path, src.data), message, level)
        )


def value(src: Source, path: Path_, default: Any = None) -> Any:
    """The value at `path` if it has the form the schema asks for, else `default` (also when
    an optional key is absent)."""
    if not src.shaped(path):
        return default
    node = src.data
    for part in path:
        found = (
            part in node
            if isinstance(node, dict)
            else isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        )
        if not found:
            return default
        node = node[part]
    return node


def outside(points: object, low: int, high: int) -> str:
    return _("{points} is outside the point scale {low}–{high}", points=points, low=low, high=high)


# ---------------------------------------------------------------------------- company.yaml
