"""A comparison as text for a terminal or as Markdown for a site page."""

from __future__ import annotations

from collections.abc import Sequence

from ..escape import markdown_inline as escape_markdown
from ..escape import plain_text
from .changes import CatalogDiff, Change

NO_CHANGES = "两个版本的目录没有差别。"


def format_text(diff: CatalogDiff) -> str:
    """The diff for a terminal: sections, then departments and positions, indented."""
    if diff.is_empty:
        return NO_CHANGES + "\n"
    lines: list[str] = []
    for title, changes in _company_sections(diff):
        lines += ["", title] + [f"  - {c.text}" for c in changes]
    for department in diff.departments:
        lines += ["", plain_text(department.name)] + [f"  - {c.text}" for c in department.changes]
        for position in department.positions:
            lines.append(f"  {plain_text(position.title)}（{position.id}）")
            lines += [f"    - {c.text}" for c in position.changes]
    return "\n".join(lines[1:]) + "\n"


def format_markdown(diff: CatalogDiff, heading_level: int = 2) -> str:
    """The diff for a site page: a heading per section, department and position."""
    if diff.is_empty:
        return NO_CHANGES + "\n"
    section, sub = "#" * heading_level, "#" * (heading_level + 1)
    blocks: list[str] = []

    def block(heading: str, changes: Sequence[Change]) -> None:
        blocks.append(heading)
        if changes:
            blocks.append("\n".join(f"- {c.markdown}" for c in changes))

    for title, changes in _company_sections(diff):
        block(f"{section} {title}", changes)
    for department in diff.departments:
        block(f"{section} {escape_markdown(department.name)}", department.changes)
        for position in department.positions:
            block(f"{sub} {escape_markdown(position.title)}", position.changes)
    return "\n\n".join(blocks) + "\n"


def _company_sections(diff: CatalogDiff) -> list[tuple[str, tuple[Change, ...]]]:
    return [
        (title, changes)
        for title, changes in (("公司设置", diff.company), ("能力与态度", diff.vocabulary))
        if changes
    ]
