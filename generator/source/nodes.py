"""A composed YAML node tree -> plain data, recording the line of every node; the limits
on what a catalogue file may hold (aliases, depth, numbers, tags, control characters)."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import Problem, quote, shorten
from ..messages import _
from .paths import Path_, format_path

if TYPE_CHECKING:
    from .yamlsrc import Source

# Alias expansion can blow a small file up exponentially ("billion laughs"); a catalogue file
# repeats a few values at most. Only values reached again through an alias count.
MAX_ALIAS_EXPANSION = 100_000

# A catalogue file nests a few levels; deeper nesting is refused before it exhausts the stack.
MAX_DEPTH = 50
# Whole numbers a browser calculates with exactly (2**53 - 1): larger ones are refused.
MAX_INTEGER = 2**53 - 1

# Control characters other than tab and line breaks (YAML's "\0" or "\e" escapes write them).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def too_deep() -> str:
    return _(
        "nested more than {depth} levels deep; a catalogue file nests a few levels", depth=MAX_DEPTH
    )


_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
}


class Abort(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


class Builder:
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
        raise Abort(Problem(self.src.file, node.start_mark.line + 1, format_path(path), message))

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
            self.fail(node, (), too_deep())
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
