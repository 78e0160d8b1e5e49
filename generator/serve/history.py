"""The catalogue's published versions for a rebuild, each read from git once per `mkdocs serve`.

`versions.history.load_history` reads every published version from its git revision on each
call: a whole catalogue each, as long as loading the current one. Here the published ones
are kept (by folder and revision: a tag names one commit) and only the changes of the
version being edited, against the last published one, are worked out again; the result is
the same list (tests/test_incremental_render.py compares them).
"""

from __future__ import annotations

from pathlib import Path

from ..model import Catalog
from ..versions.compare import diff_catalogs
from ..versions.history import VersionChanges, load_history
from ..versions.side import SideError, load_side

_SIDES: dict[tuple[str, str], tuple[Catalog | None, str | None]] = {}
_DIFFS: dict[tuple, VersionChanges] = {}


def _side(catalog_dir: Path, revision: str) -> tuple[Catalog | None, str | None]:
    key = (str(catalog_dir.resolve()), revision)
    if key not in _SIDES:
        try:
            _SIDES[key] = (load_side(f"{revision}:./", cwd=catalog_dir), None)
        except SideError as exc:
            _SIDES[key] = (None, str(exc))
    return _SIDES[key]


def serve_history(catalog: Catalog, catalog_dir: Path) -> list[VersionChanges]:
    """What load_history(catalog, catalog_dir) returns, the published versions read once."""
    company = catalog.company
    if not company.versions:
        return load_history(catalog, catalog_dir)
    published = [(p, *_side(catalog_dir, p.revision)) for p in company.versions]
    history = []
    for index, (version, side, problem) in enumerate(published):
        if index == 0:
            history.append(
                VersionChanges(
                    version.version, version.effective_date, version.revision, problem=problem
                )
            )
            continue
        key = (str(catalog_dir.resolve()), published[index - 1][0], version)
        if key not in _DIFFS:
            _DIFFS[key] = _changes(
                version.version,
                version.effective_date,
                version.revision,
                published[index - 1],
                side,
                problem,
            )
        history.append(_DIFFS[key])
    history.append(
        _changes(company.version, company.effective_date, None, published[-1], catalog, None)
    )
    return history[::-1]


def _changes(
    version: str,
    date: str,
    revision: str | None,
    before: tuple,
    side: Catalog | None,
    problem: str | None,
) -> VersionChanges:
    if side is None or before[1] is None:
        why = problem or f"版本 {before[0].version} 无法读取"
        return VersionChanges(version, date, revision, problem=why)
    return VersionChanges(version, date, revision, diff_catalogs(before[1], side))
