"""import: check a workbook edited by HR, show the changes it makes to the YAML, write them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import CatalogError
from ..messages import _
from .common import DEFAULT_CATALOG, cannot_write, print_problems

NAME = "import"
HELP = (
    "check a workbook edited by HR and show the changes it makes to the YAML; --write writes them"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workbook", help="the .xlsx file (as exported, then edited)")
    parser.add_argument("--catalog", default=DEFAULT_CATALOG)
    parser.add_argument(
        "--write", action="store_true", help="write the changes (default: only show them)"
    )
    parser.add_argument(
        "--delete",
        action="store_true",
        help="with --write: also delete the positions the workbook no longer has (never more "
        "than half of the catalogue)",
    )


def run(args: argparse.Namespace) -> int:
    return import_workbook(Path(args.workbook), args.catalog, args.write, args.delete)


def import_workbook(workbook: Path, catalog_dir: str, write: bool, delete: bool = False) -> int:
    """Check `workbook` against the catalogue; show the changes, and write them if `write`.

    Positions are deleted only with `delete` as well, and never more than half of them.
    """
    from ..excel.apply import apply_import
    from ..excel.plan import (
        deleted_positions,
        describe_changes,
        id_list,
        plan_import,
        too_many_deletions,
    )
    from ..excel.read import read_workbook

    imported = read_workbook(workbook, catalog_dir)
    if print_problems(imported.problems):
        return 1
    try:
        changes = plan_import(imported)
    except CatalogError as exc:  # the result would not load: a bug, but still write nothing
        return print_problems(exc.problems) or 1
    if not changes:
        print(_("no changes: the catalogue already matches the workbook"))
        return 0
    sys.stdout.write(describe_changes(changes))
    deleted = deleted_positions(changes)
    refusal = too_many_deletions(deleted, imported.catalog)
    if refusal:
        print(refusal, file=sys.stderr)
        return 1
    if write and deleted and not delete:
        print(
            _(
                "refused: this import deletes {count} position(s): {ids}; nothing was "
                "written. Run again with --write --delete if they are meant to go.",
                count=len(deleted),
                ids=id_list(deleted),
            ),
            file=sys.stderr,
        )
        return 1
    if write:
        try:
            apply_import(changes)
        except OSError as exc:
            return cannot_write(_("{path}: cannot write", path=exc.filename or catalog_dir), exc)
        print(_("wrote {count} file(s)", count=len(changes)))
    elif deleted:
        print(
            _(
                "dry run: {count} file(s) would change, deleting {deleted} position(s): "
                "{ids}; nothing was written. Run again with --write --delete to write them.",
                count=len(changes),
                deleted=len(deleted),
                ids=id_list(deleted),
            )
        )
    else:
        print(
            _(
                "dry run: {count} file(s) would change; nothing was written. "
                "Run again with --write to write them.",
                count=len(changes),
            )
        )
    return 0
