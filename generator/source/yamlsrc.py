"""Read one YAML file into plain data plus the 1-based source line of every node."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import WARNING, Problem, quote, shorten
from ..messages import _

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
        src.problems.append(_syntax_problem(exc, file))
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
        src.problems.append(Problem(file, 1, "", _too_deep()))
        return src
    if node is None:
        src.problems.append(Problem(file, 1, "", _("file is empty")))
        return src
    builder = _Builder(src)
    try:
        src.data = builder.build(node, ())
    except _Abort as exc:
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


def _syntax_problem(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    what = exc.problem or exc.context
    if what and "maximum nesting depth" in what:  # libyaml's own limit, deeper than ours
        return Problem(file, line, "", _too_deep())
    if not what:
        what = _("invalid YAML")
    elif "another document" in what:
        what = _("a file holds one YAML document; remove the second '---' and what follows")
    elif exc.context and exc.problem:
        start = exc.context_mark
        where = (
            _(" started on line {line}", line=start.line + 1)
            if start and start.line + 1 != line
            else ""
        )
        what = _(
            "{problem} ({context}{where})",
            problem=_parser_words(exc.problem),
            context=_parser_words(exc.context),
            where=where,
        )
    else:
        what = _parser_words(what)
    return Problem(file, line, "", _("YAML syntax error: {detail}", detail=what))


def _too_deep() -> str:
    return _(
        "nested more than {depth} levels deep; a catalogue file nests a few levels", depth=MAX_DEPTH
    )


def _parser_words(text: str) -> str:
    """A problem or context of libyaml's syntax errors in the current language (the common
    ones; others as libyaml words them)."""
    words = {
        "did not find expected ',' or ']'": _("did not find expected ',' or ']'"),
        "did not find expected ',' or '}'": _("did not find expected ',' or '}}'"),
        "did not find expected key": _("did not find expected key"),
        "did not find expected '-' indicator": _("did not find expected '-' indicator"),
        "did not find expected node content": _("did not find expected node content"),
        "did not find expected comment or line break": _(
            "did not find expected comment or line break"
        ),
        "did not find expected alphabetic or numeric character": _(
            "did not find expected alphabetic or numeric character"
        ),
        "did not find expected <document start>": _("did not find expected <document start>"),
        "could not find expected ':'": _("could not find expected ':'"),
        "mapping values are not allowed in this context": _(
            "mapping values are not allowed in this context"
        ),
        "found character that cannot start any token": _(
            "found character that cannot start any token"
        ),
        "found unexpected end of stream": _("found unexpected end of stream"),
        "found unknown escape character": _("found unknown escape character"),
        "found undefined tag handle": _("found undefined tag handle"),
        "found a tab character that violates indentation": _(
            "found a tab character that violates indentation"
        ),
        "while parsing a flow sequence": _("while parsing a flow sequence"),
        "while parsing a flow mapping": _("while parsing a flow mapping"),
        "while parsing a block mapping": _("while parsing a block mapping"),
        "while parsing a block collection": _("while parsing a block collection"),
        "while parsing a block node": _("while parsing a block node"),
        "while parsing a flow node": _("while parsing a flow node"),
        "while parsing a node": _("while parsing a node"),
        "while parsing a quoted scalar": _("while parsing a quoted scalar"),
        "while scanning a quoted scalar": _("while scanning a quoted scalar"),
        "while scanning a block scalar": _("while scanning a block scalar"),
        "while scanning a plain scalar": _("while scanning a plain scalar"),
        "while scanning a simple key": _("while scanning a simple key"),
        "while scanning an anchor": _("while scanning an anchor"),
        "while scanning an alias": _("while scanning an alias"),
        "while scanning a tag": _("while scanning a tag"),
        "while scanning for the next token": _("while scanning for the next token"),
    }
    return words.get(text, text)


# The tags plain YAML data may carry; anything else (!!python/..., custom !tags) is refused.
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
}


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
                self.fail(
                    node,
                    path,
                    _(
                        "aliases expand to over {limit} values; write the values out instead",
                        limit=MAX_ALIAS_EXPANSION,
                    ),
                )
        self.seen.add(id(node))
        self.src.lines.setdefault(path, node.start_mark.line + 1)
        if len(path) > MAX_DEPTH:
            self.fail(node, (), _too_deep())
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.fail(node, path, _("unsupported YAML tag '{tag}'; write plain values", tag=tag))
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if id(node) in self.active:
            self.fail(node, path, _("recursive alias"))
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.fail(key_node, path, _("a key must be plain text, not a list or mapping"))
                key = key_node.value
                if key in result:
                    first = self.src.lines[(*path, key)]
                    self.fail(
                        key_node,
                        (*path, key),
                        _("duplicate key (first given on line {line})", line=first),
                    )
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
            return self.refuse(
                node,
                path,
                _(
                    "cannot read value {value}: {detail}",
                    value=quote(node.value),
                    detail=shorten(str(exc), 100),
                ),
            )
        if isinstance(value, str):
            control = _CONTROL.search(value)
            if control:
                return self.refuse(
                    node,
                    path,
                    _(
                        "text holds the control character U+{code}, which is never meant as text "
                        "(and Excel refuses it); remove it",
                        code=f"{ord(control.group()):04X}",
                    ),
                )
        elif isinstance(value, bool):
            pass
        elif isinstance(value, int) and abs(value) > MAX_INTEGER:
            return self.refuse(node, path, _too_large(node.value))
        elif isinstance(value, float) and not math.isfinite(value):
            return self.refuse(
                node, path, _("expected a finite number, got {value}", value=quote(node.value))
            )
        return value


def _too_large(written: str) -> str:
    return _(
        "number too large: {value} ({length} characters); numbers in the catalogue are at "
        "most {limit}",
        value=quote(written, 20),
        length=len(written),
        limit=MAX_INTEGER,
    )


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
