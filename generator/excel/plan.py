"""The import plan: the files a workbook's positions create, change, move, rename and delete."""

from __future__ import annotations

import difflib
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..catalog import DEPARTMENT_FILE, DEPARTMENTS_DIR, display_path, load_catalog
from ..errors import CatalogError, Problem
from ..messages import _
from ..model import Catalog, Position
from .read import PositionImport, WorkbookImport
from .yamledit import file_comments, lost_comments, new_text, update_list, update_text

# The first line of a new position file: the schema the catalogue carries (catalog/schemas/).
POSITION_HEADER = "# yaml-language-server: $schema=../../schemas/position.schema.json\n"


@dataclass
class FileChange:
    """One file an import creates (`old` None), changes, moves or deletes (`new` None)."""

    path: Path
    shown: str
    old: str | None
    new: str | None
    lost_comments: list[str] = field(default_factory=list)
    moved_from: Path | None = None
    moved_from_shown: str = ""
    note: str = ""  # said after the summary, in brackets

    @property
    def action(self) -> str:
        if self.moved_from:
            return "move" if self.moved_from.name == self.path.name else "rename"
        return "create" if self.old is None else "delete" if self.new is None else "change"

    def summary(self) -> str:
        """The change in one line: `change catalog/...yaml`, `move a -> b (note)`."""
        action, path, old = self.action, self.shown, self.moved_from_shown
        if action == "move":
            text = _("move {old} -> {path}", old=old, path=path)
        elif action == "rename":
            text = _("rename {old} -> {path}", old=old, path=path)
        elif action == "create":
            text = _("create {path}", path=path)
        elif action == "delete":
            text = _("delete {path}", path=path)
        else:
            text = _("change {path}", path=path)
        return _("{change} ({note})", change=text, note=self.note) if self.note else text

    def diff(self) -> str:
        old = (self.old or "").splitlines(keepends=True)
        new = (self.new or "").splitlines(keepends=True)
        before = self.moved_from_shown or self.shown
        lines = difflib.unified_diff(
            old,
            new,
            "/dev/null" if self.old is None else f"a/{before}",
            "/dev/null" if self.new is None else f"b/{self.shown}",
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def plan_import(imported: WorkbookImport) -> list[FileChange]:
    """The files an import creates, changes, moves, renames and deletes; checked by loading the
    result. A new id whose title is that of exactly one removed position is that position
    renamed: its file is moved and edited, so its comments are kept.

    Raises CatalogError if the import has errors, or if the resulting catalogue would not load.
    """
    if imported.errors or imported.catalog is None:
        raise CatalogError(imported.errors or imported.problems)
    root = imported.catalog_dir / DEPARTMENTS_DIR
    catalog = imported.catalog
    where = {p.id: p.department_id for p in catalog.positions()}
    kept = {p.id for p in imported.positions}
    gone = [p for p in catalog.positions() if p.id not in kept]
    renamed = _renamed(imported.positions, where, gone)
    changes: list[FileChange] = []
    for position in imported.positions:
        path = root / position.department / f"{position.id}.yaml"
        previous = renamed.get(position.id)
        if position.id in where:
            source = root / where[position.id] / f"{position.id}.yaml"
        elif previous is not None:
            source = root / previous.department_id / f"{previous.id}.yaml"
        else:
            changes.append(_change(path, None, new_text(position.data, POSITION_HEADER)))
            continue
        old = source.read_text(encoding="utf-8")
        text = update_text(old, position.data)
        if source != path:  # moved to another department, or renamed
            note = (
                _("same title {title}: its comments are kept", title=previous.title)
                if previous
                else ""
            )
            changes.append(
                FileChange(
                    path,
                    display_path(path),
                    old,
                    text,
                    lost_comments(old, text),
                    source,
                    display_path(source),
                    note,
                )
            )
        elif text != old:
            changes.append(_change(path, old, text, lost_comments(old, text)))
    renamed_ids = {p.id for p in renamed.values()}
    for position in gone:
        if position.id not in renamed_ids:
            path = root / position.department_id / f"{position.id}.yaml"
            old = path.read_text(encoding="utf-8")
            changes.append(_change(path, old, None, file_comments(old)))
    for department in catalog.departments:
        wanted = [p.id for p in imported.positions if p.department == department.id]
        if wanted != [p.id for p in department.positions]:
            path = root / department.id / DEPARTMENT_FILE
            old = path.read_text(encoding="utf-8")
            text = update_list(old, "positions", wanted)
            changes.append(_change(path, old, text, lost_comments(old, text)))
    _check_result(imported.catalog_dir, changes)
    return sorted(changes, key=lambda c: c.shown)


def _renamed(
    positions: list[PositionImport], where: dict[str, str], gone: list[Position]
) -> dict[str, Position]:
    """New id -> the removed position it renames: the one removed position with its title."""
    new = [p for p in positions if p.id not in where]
    new_titles = Counter(p.data.get("title") for p in new)
    gone_by_title: dict[str, list[Position]] = {}
    for position in gone:
        gone_by_title.setdefault(position.title, []).append(position)
    return {
        p.id: gone_by_title[p.data["title"]][0]
        for p in new
        if p.data.get("title")
        and new_titles[p.data["title"]] == 1
        and len(gone_by_title.get(p.data["title"], [])) == 1
    }


def deleted_positions(changes: list[FileChange]) -> list[str]:
    """The ids of the positions `changes` delete (a moved or renamed one is not deleted)."""
    return [c.path.stem for c in changes if c.action == "delete" and c.path.name != DEPARTMENT_FILE]


def too_many_deletions(deleted: list[str], catalog: Catalog) -> str | None:
    """Why an import that deletes `deleted` is refused even with --delete, or None.

    More than half of the catalogue is never an edit: it is a workbook that lost its rows.
    """
    total = len(catalog.positions())
    if 2 * len(deleted) <= total:
        return None
    return _(
        "refused: this import deletes {count} of the catalogue's {total} positions, "
        "more than half, so nothing was written, not even with --delete; if the workbook "
        "lost rows, export a fresh one; to retire so many positions, delete their YAML "
        "files",
        count=len(deleted),
        total=total,
    )


def id_list(ids: list[str], shown: int = 10) -> str:
    """`a, b, c`, or the first `shown` of them and how many in all."""
    text = ", ".join(ids[:shown])
    if len(ids) <= shown:
        return text
    return _("{first}, … ({count} in all)", first=text, count=len(ids))


def describe_changes(changes: list[FileChange]) -> str:
    """A summary line per file, what comments could not be kept, then a unified diff."""
    lines = []
    for change in changes:
        lines.append(f"{change.summary()}\n")
        lost = "; ".join(change.lost_comments)
        if change.lost_comments and change.new is None:
            said = _(
                "{count} comment(s) are lost with it: {comments} (a renamed position keeps "
                "its file's comments when its title stays the same)",
                count=len(change.lost_comments),
                comments=lost,
            )
            lines.append(f"  {said}\n")
        elif change.lost_comments:
            said = _(
                "{count} comment(s) could not be kept (they belonged to removed or replaced "
                "values): {comments}",
                count=len(change.lost_comments),
                comments=lost,
            )
            lines.append(f"  {said}\n")
    return "".join(lines) + "".join(c.diff() for c in changes)


def _change(
    path: Path, old: str | None, new: str | None, lost: list[str] | None = None
) -> FileChange:
    return FileChange(path, display_path(path), old, new, lost or [])


def _check_result(root: Path, changes: list[FileChange]) -> None:
    """Load the catalogue as it would be after `changes`, from a temporary copy."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "catalog"
        shutil.copytree(root, copy)
        for change in changes:
            target = copy / change.path.relative_to(root)
            if change.moved_from:
                (copy / change.moved_from.relative_to(root)).unlink()
            if change.new is None:
                target.unlink()
            else:
                target.write_text(change.new, encoding="utf-8")
        try:
            load_catalog(copy)
        except CatalogError as exc:
            raise CatalogError(
                [
                    *exc.errors,
                    Problem(
                        display_path(root),
                        0,
                        "",
                        _(
                            "the imported catalogue would not load; nothing was written "
                            "(this is a bug in the import, please report it)"
                        ),
                    ),
                ]
            ) from None
