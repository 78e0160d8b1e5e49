"""Read one YAML file into plain data plus the 1-based source line of every node."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem, shorten
from ..messages import _
from .decoding import decode
from .nodes import Abort, Builder, too_deep
from .paths import Path_, format_path
from .yamlsyntax import syntax_problem

__all__ = ["Path_", "Source", "decode", "format_path", "parse", "parse_bytes", "read_yaml"]

try:  # the C parser is many times faster; fall back where libyaml is missing
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader


@dataclass
class Source:
    """A parsed YAML file: its data, the line of each node path, and what went wrong."""

    file: str
    data: Any = None
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Paths whose value is reported as wrong (unreadable, or against the schema). A missing
    # key counts at its own path, so its siblings stay usable.
    invalid: set[Path_] = field(default_factory=set)

    def line(self, path: Path_) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def shaped(self, path: Path_) -> bool:
        """The value at `path` has the form the schema asks for (what is inside it may not):
        nothing at `path` or above it was reported."""
        if not self.invalid:
            return True
        path = tuple(path)
        return not any(path[:n] in self.invalid for n in range(len(path) + 1))

    def intact(self, path: Path_) -> bool:
        """The value at `path` is well-formed throughout: nothing at, above or below it was
        reported."""
        if not self.invalid:
            return True
        path = tuple(path)
        return self.shaped(path) and not any(bad[: len(path)] == path for bad in self.invalid)


def parse(text: str, file: str) -> Source:
    """Parse YAML text; syntax errors become problems, never exceptions."""
    src = Source(file)
    if "\t" in text:
        for number, content in enumerate(text.splitlines(), 1):
            indent = content[: len(content) - len(content.lstrip(" \t"))]
            if "\t" in indent:
                src.problems.append(
                    Problem(
                        file,
                        number,
                        "",
                        _("tab character in indentation; YAML indents with spaces only"),
                    )
                )
                return src
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        src.problems.append(syntax_problem(exc, file))
        return src
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow in a file
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1])
        # The reader's position is in bytes or characters depending on the parser; the first
        # such character is the one it stopped at.
        line = text.count("\n", 0, max(text.find(chr(code)), 0)) + 1
        src.problems.append(
            Problem(
                file,
                line,
                "",
                _(
                    "the file holds the character U+{code}, which YAML does not allow in a file; "
                    "remove it",
                    code=f"{code:04X}",
                ),
            )
        )
        return src
    except yaml.YAMLError as exc:
        src.problems.append(
            Problem(file, 1, "", _("YAML syntax error: {detail}", detail=shorten(str(exc), 200)))
        )
        return src
    except RecursionError:  # the pure-Python parser on deep nesting
        src.problems.append(Problem(file, 1, "", too_deep()))
        return src
    if node is None:
        src.problems.append(Problem(file, 1, "", _("file is empty")))
        return src
    builder = Builder(src)
    try:
        src.data = builder.build(node, ())
    except Abort as exc:
        src.problems.append(exc.problem)
        src.data = None
    else:  # values read on without: named now that the labels of list items are known
        src.problems.extend(
            Problem(file, line, format_path(path, src.data), message)
            for line, path, message in builder.refused
        )
    if src.data is None and not src.problems:
        src.problems.append(Problem(file, 1, "", _("file is empty (it holds only null)")))
    return src


def read_yaml(path: Path, display: str) -> Source:
    """Read and parse the YAML file at `path`, naming it `display` in problems."""
    return parse_bytes(path.read_bytes(), display)


def parse_bytes(raw: bytes, display: str) -> Source:
    """Decode and parse the bytes of a YAML file, naming it `display` in problems."""
    problems: list[Problem] = []
    text = decode(raw, display, problems)
    if text is None:
        return Source(display, problems=problems)
    src = parse(text, display)
    src.problems[:0] = problems
    return src
