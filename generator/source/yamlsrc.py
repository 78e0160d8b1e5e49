"""Read one YAML file into plain data plus the 1-based source line of every node."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import WARNING, Problem, quote, shorten

try:  # the C parser is many times faster; fall back where libyaml is missing
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

# Alias expansion can blow a small file up exponentially ("billion laughs"); a catalogue file
# repeats a few values at most. Only values reached again through an alias count.
MAX_ALIAS_EXPANSION = 100_000

# A catalogue file nests a few levels; deeper nesting is refused before it exhausts the stack.
MAX_DEPTH = 50
# Whole numbers a browser calculates with exactly (2**53 - 1): larger ones are refused.
MAX_INTEGER = 2**53 - 1

# Control characters other than tab and line breaks (YAML's "\0" or "\e" escapes write them).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

Path_ = tuple  # a node's path: keys (str) and list indexes (int)


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


def decode(raw: bytes, file: str, problems: list[Problem]) -> str | None:
    """UTF-8 text of `raw`; a BOM is dropped with a warning, other encodings are errors."""
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(file, 1, "", "file starts with a UTF-8 byte order mark (BOM); "
                                "it was ignored, but save the file as UTF-8 without BOM", WARNING))
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
            guess = f" (it looks like {name}, as some Windows editors save)"
            break
        problems.append(Problem(file, line, "", f"file is not UTF-8 text{guess}: "
                                f"byte 0x{raw[exc.start]:02x} cannot be read; save it as UTF-8"))
        return None


def parse(text: str, file: str) -> Source:
    """Parse YAML text; syntax errors become problems, never exceptions."""
    src = Source(file)
    if "\t" in text:
        for number, content in enumerate(text.splitlines(), 1):
            indent = content[: len(content) - len(content.lstrip(" \t"))]
            if "\t" in indent:
                src.problems.append(Problem(file, number, "", "tab character in indentation; "
                                            "YAML indents with spaces only"))
                return src
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        src.problems.append(_syntax_problem(exc, file))
        return src
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow in a file
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1])
        # The reader's position is in bytes or characters depending on the parser; the first
        # such character is the one it stopped at.
        line = text.count("\n", 0, max(text.find(chr(code)), 0)) + 1
        src.problems.append(Problem(file, line, "", f"the file holds the character U+{code:04X}, "
                                    "which YAML does not allow in a file; remove it"))
        return src
    except yaml.YAMLError as exc:
        src.problems.append(Problem(file, 1, "", f"YAML syntax error: {shorten(str(exc), 200)}"))
        return src
    except RecursionError:  # the pure-Python parser on deep nesting
        src.problems.append(Problem(file, 1, "", f"nested more than {MAX_DEPTH} levels deep; a "
                                    "catalogue file nests a few levels"))
        return src
    if node is None:
        src.problems.append(Problem(file, 1, "", "file is empty"))
        return src
    builder = _Builder(src)
    try:
        src.data = builder.build(node, ())
    except _Abort as exc:
        src.problems.append(exc.problem)
        src.data = None
    else:  # values read on without: named now that the labels of list items are known
        src.problems.extend(Problem(file, line, format_path(path, src.data), message)
                            for line, path, message in builder.refused)
    if src.data is None and not src.problems:
        src.problems.append(Problem(file, 1, "", "file is empty (it holds only null)"))
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


def _syntax_problem(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    what = exc.problem or exc.context or "invalid YAML"
    if "maximum nesting depth" in what:  # libyaml's own limit, deeper than ours
        return Problem(file, line, "", f"nested more than {MAX_DEPTH} levels deep; a catalogue "
                       "file nests a few levels")
    if "another document" in what:
        what = "a file holds one YAML document; remove the second '---' and what follows"
    elif exc.context and exc.problem:
        start = exc.context_mark
        where = f" started on line {start.line + 1}" if start and start.line + 1 != line else ""
        what = f"{exc.problem} ({exc.context}{where})"
    return Problem(file, line, "", f"YAML syntax error: {what}")


# The tags plain YAML data may carry; anything else (!!python/..., custom !tags) is refused.
_STANDARD_TAGS = {f"tag:yaml.org,2002:{t}" for t in
                  ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")}


class _Abort(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


class _Builder:
    """Turn a composed node tree into dicts, lists and scalars, recording lines."""

    def __init__(self, src: Source):
        self.src = src
        self.constructor = yaml.constructor.SafeConstructor()
        self.seen: set[int] = set()
        self.expanded = 0
        self.active: set[int] = set()
        self.refused: list[tuple[int, Path_, str]] = []

    def fail(self, node: yaml.Node, path: Path_, message: str) -> None:
        """Stop reading the file: what follows `node` cannot be trusted."""
        raise _Abort(Problem(self.src.file, node.start_mark.line + 1, format_path(path), message))

    def refuse(self, node: yaml.Node, path: Path_, message: str) -> None:
        """Report the value of `node` and read on without it (it becomes null)."""
        self.refused.append((node.start_mark.line + 1, path, message))
        self.src.invalid.add(path)

    def build(self, node: yaml.Node, path: Path_) -> Any:
        if id(node) in self.seen:
            self.expanded += 1
            if self.expanded > MAX_ALIAS_EXPANSION:
                self.fail(node, path, f"aliases expand to over {MAX_ALIAS_EXPANSION} values; "
                          "write the values out instead")
        self.seen.add(id(node))
        self.src.lines.setdefault(path, node.start_mark.line + 1)
        if len(path) > MAX_DEPTH:
            self.fail(node, (), f"nested more than {MAX_DEPTH} levels deep; a "
                      "catalogue file nests a few levels")
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.fail(node, path, f"unsupported YAML tag '{tag}'; write plain values")
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if id(node) in self.active:
            self.fail(node, path, "recursive alias")
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.fail(key_node, path, "a key must be plain text, not a list or mapping")
                key = key_node.value
                if key in result:
                    first = self.src.lines[(*path, key)]
                    self.fail(key_node, (*path, key),
                              f"duplicate key (first given on line {first})")
                self.src.lines[(*path, key)] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, (*path, key))
            return result
        finally:
            self.active.discard(id(node))

    def scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # dates stay text, as written
        if node.tag == "tag:yaml.org,2002:int" and len(node.value) > 24:
            return self.refuse(node, path, _too_large(node.value))  # int() of it is slow or fails
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError) as exc:
            return self.refuse(node, path, f"cannot read value {quote(node.value)}: "
                               f"{shorten(str(exc), 100)}")
        if isinstance(value, str):
            control = _CONTROL.search(value)
            if control:
                return self.refuse(node, path, f"text holds the control character "
                                   f"U+{ord(control.group()):04X}, which is never meant as text "
                                   "(and Excel refuses it); remove it")
        elif isinstance(value, bool):
            pass
        elif isinstance(value, int) and abs(value) > MAX_INTEGER:
            return self.refuse(node, path, _too_large(node.value))
        elif isinstance(value, float) and not math.isfinite(value):
            return self.refuse(node, path, f"expected a finite number, got {quote(node.value)}")
        return value


def _too_large(written: str) -> str:
    return (f"number too large: {quote(written, 20)} ({len(written)} characters); numbers in the "
            f"catalogue are at most {MAX_INTEGER}")


def format_path(path: Path_, data: Any = None) -> str:
    """`kpis[2] (收入存行).weight`: keys joined by dots, list items by index and label."""
    out = ""
    node = data
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
            item = node[part] if isinstance(node, list) and part < len(node) else None
            label = _label(item)
            if label:
                out += f" ({label})"
            node = item
        else:
            out += ("." if out else "") + shorten(str(part))
            node = node.get(part) if isinstance(node, dict) else None
    return out


def _label(item: Any) -> str | None:
    if isinstance(item, dict):
        for key in ("id", "name", "goal", "indicator"):
            value = item.get(key)
            if isinstance(value, str) and value:
                return shorten(value, 20)
    return None
