"""The catalogue's published versions and what changed in each (for the 变更记录 page)."""

from __future__ import annotations

from pathlib import Path

from ..model import Catalog
from .changes import VersionChanges
from .compare import diff_catalogs
from .side import SideError, load_side

__all__ = ["VersionChanges", "load_history"]


def load_history(catalog: Catalog, catalog_dir: Path) -> list[VersionChanges]:
    """Every version, newest (the current one) first; each earlier version is read from its
    git revision once, with git run in `catalog_dir`."""
    company = catalog.company
    sides: list[tuple[str, str, str | None, Catalog | None, str | None]] = []
    for published in company.versions:
        try:
            side = load_side(f"{published.revision}:./", cwd=catalog_dir)
            sides.append(
                (published.version, published.effective_date, published.revision, side, None)
            )
        except SideError as exc:
            sides.append(
                (published.version, published.effective_date, published.revision, None, str(exc))
            )
    sides.append((company.version, company.effective_date, None, catalog, None))
    history = []
    for index, (version, date, revision, side, problem) in enumerate(sides):
        if index == 0:
            history.append(VersionChanges(version, date, revision, problem=problem))
            continue
        before = sides[index - 1][3]
        if side is None or before is None:
            why = problem or f"版本 {sides[index - 1][0]} 无法读取"
            history.append(VersionChanges(version, date, revision, problem=why))
        else:
            history.append(VersionChanges(version, date, revision, diff_catalogs(before, side)))
    return history[::-1]
