"""Problems found in the catalogue, each with the file and line it comes from."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .messages import _

ERROR, WARNING, NOTE = "error", "warning", "note"

# Characters that would end or reorder a line of a message: shown, never printed as they are.
_LINE_BREAKS = {"\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"}
QUOTE_LIMIT = 40


def one_line(text: str) -> str:
    """`text` as it can stand in a one-line message: line breaks as ⏎, tabs as \\t, other
    control and invisible formatting characters (bidi overrides, zero-width) as \\uXXXX."""
    if text.isprintable():
        return text
    out = []
    for i, char in enumerate(text):
        if char in _LINE_BREAKS:
            if not (char == "\n" and i and text[i - 1] == "\r"):
                out.append("⏎")
        elif char == "\t":
            out.append("\\t")
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """`text` on one line, cut to `limit` characters with … when longer."""
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A value from a file, quoted for a message: 'text' on one line, long text cut with …."""
    return f"'{shorten(str(value), limit)}'"


def listing(items: Iterable[object]) -> str:
    """`a, b, c`: items of a message joined as the current language lists them."""
    return _(", ").join(map(str, items))


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

    def __post_init__(self) -> None:
        # Names and values from files can hold line breaks: a message stays one line.
        for name in ("file", "path", "message"):
            object.__setattr__(self, name, one_line(getattr(self, name)))

    @property
    def warning(self) -> bool:
        """Not an error: a warning or a note."""
        return self.level != ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        prefix = {WARNING: _("warning: "), NOTE: _("note: ")}.get(self.level, "")
        subject = f"{self.path}: " if self.path else ""
        return f"{where}: {prefix}{subject}{self.message}"


class CatalogError(Exception):
    """The catalogue cannot be used; `problems` lists every error (and warning) found."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        errors = [p for p in self.problems if not p.warning]
        summary = _("{count} error(s) in the catalogue:", count=len(errors))
        super().__init__("\n".join([summary, *map(str, errors)]))

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.warning)


def report_problems(problems: Iterable[Problem], emit: Callable[[Problem], object]) -> int:
    """Hand every problem to `emit`, in order (errors, warnings and notes alike); return how
    many of them are errors. The one loop of the commands and the plugin: each says what it
    does with the problems (print, log) and what it says after them."""
    errors = 0
    for problem in problems:
        emit(problem)
        errors += not problem.warning
    return errors
