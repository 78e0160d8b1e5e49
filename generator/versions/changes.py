"""What a comparison of two catalogue versions is made of: changes, per position and
department, for the whole catalogue, and per published version."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..escape import markdown_inline as escape_markdown
from ..escape import plain_text
from ..model import Catalog, Position


@dataclass(frozen=True)
class Change:
    """One change. `template` is code: a constant with one `{}` per value; `values` are the
    catalogue's own texts, never parsed (no format specs, fields or markup in them count)."""

    kind: str
    template: str
    values: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.template.count("{}") != len(self.values) or "{" in self.template.replace("{}", ""):
            raise ValueError(
                f"change template {self.template!r} needs exactly "
                f"{len(self.values)} '{{}}' placeholders and no other braces"
            )

    def _fill(self, values: Iterable[str]) -> str:
        parts = self.template.split("{}")
        out = [parts[0]]
        for value, part in zip(values, parts[1:]):
            out += [value, part]
        return "".join(out)

    @property
    def text(self) -> str:
        """The change as one line of plain text."""
        return self._fill(plain_text(v) for v in self.values)

    @property
    def markdown(self) -> str:
        """The change as one line of inline Markdown, catalogue text escaped."""
        return self._fill(escape_markdown(v) for v in self.values)


def changed(
    kind: str,
    template: str,
    before: Any,
    after: Any,
    subject: str | None = None,
    show: Callable[[Any], str] = str,
) -> list[Change]:
    """[the Change from `before` to `after`], or [] if they are equal. The template's values
    are `subject` (when given), then both values as `show` writes them."""
    if before == after:
        return []
    values = (show(before), show(after))
    return [Change(kind, template, values if subject is None else (subject, *values))]


@dataclass(frozen=True)
class PositionDiff:
    """A position that was added, removed or changed; `old`/`new` is None when absent."""

    id: str
    title: str  # the new title (the old one if removed)
    department_id: str  # where it is now (where it was, if removed)
    status: str  # "added" | "removed" | "changed"
    changes: tuple[Change, ...]
    old: Position | None = field(default=None, repr=False, compare=False)
    new: Position | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class DepartmentDiff:
    """A department with changes of its own or changed positions (only those are listed)."""

    id: str
    name: str  # the new name (the old one if removed)
    status: str  # "added" | "removed" | "changed"
    changes: tuple[Change, ...]
    positions: tuple[PositionDiff, ...]


@dataclass(frozen=True)
class CatalogDiff:
    """Everything that changed from `old` to `new`, in the new catalogue's order."""

    company: tuple[Change, ...]
    vocabulary: tuple[Change, ...]
    departments: tuple[DepartmentDiff, ...]
    old: Catalog = field(repr=False, compare=False)
    new: Catalog = field(repr=False, compare=False)

    @property
    def is_empty(self) -> bool:
        return not (self.company or self.vocabulary or self.departments)

    def positions(self) -> list[PositionDiff]:
        return [p for d in self.departments for p in d.positions]

    def position(self, position_id: str) -> PositionDiff | None:
        return next((p for p in self.positions() if p.id == position_id), None)


def position_changes(diff: CatalogDiff, position_id: str) -> list[str]:
    """The plain-text change lines of one position; empty if it did not change."""
    found = diff.position(position_id)
    return [c.text for c in found.changes] if found else []


@dataclass(frozen=True)
class VersionChanges:
    """One version: its changes against the version before it (None for the first)."""

    version: str
    effective_date: str
    revision: str | None  # None: the catalogue being built
    diff: CatalogDiff | None = None
    problem: str | None = None  # why the changes could not be worked out

    @property
    def is_first(self) -> bool:
        return self.diff is None and self.problem is None
