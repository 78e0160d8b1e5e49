"""Problems found in the catalogue, each with the file and line it comes from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One finding: `file:line: path: message`, an error unless `warning` is set."""

    file: str
    line: int
    path: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        prefix = "warning: " if self.warning else ""
        subject = f"{self.path}: " if self.path else ""
        return f"{where}: {prefix}{subject}{self.message}"


class CatalogError(Exception):
    """The catalogue cannot be used; `problems` lists every error (and warning) found."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        errors = [p for p in self.problems if not p.warning]
        super().__init__(f"{len(errors)} error(s) in the catalogue:\n" + "\n".join(map(str, errors)))

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.warning)
