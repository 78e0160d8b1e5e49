"""Problems found in the catalogue, each with the file and line it comes from."""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING, NOTE = "error", "warning", "note"


@dataclass(frozen=True)
class Problem:
    """One finding: `file:line: path: message`.

    An error stops the catalogue from loading; a warning is something to fix (the build's
    --strict mode fails on it); a note is an acknowledged fact the site shows, such as a
    source whose own weights do not add to 100.
    """

    file: str
    line: int
    path: str
    message: str
    level: str = ERROR

    @property
    def warning(self) -> bool:
        """Not an error: a warning or a note."""
        return self.level != ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        prefix = "" if self.level == ERROR else f"{self.level}: "
        subject = f"{self.path}: " if self.path else ""
        return f"{where}: {prefix}{subject}{self.message}"


class CatalogError(Exception):
    """The catalogue cannot be used; `problems` lists every error (and warning) found."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        errors = [p for p in self.problems if not p.warning]
        summary = f"{len(errors)} error(s) in the catalogue:"
        super().__init__("\n".join([summary, *map(str, errors)]))

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.warning)
