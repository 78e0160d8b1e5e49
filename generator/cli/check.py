"""check: validate the catalogue and report every problem."""

from __future__ import annotations

import argparse

from ..errors import NOTE
from ..messages import _
from .common import DEFAULT_CATALOG, load

NAME = "check"
HELP = "validate the catalogue; report every problem"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG)


def run(args: argparse.Namespace) -> int:
    return check(args.catalog)


def check(catalog_dir: str) -> int:
    """Load the catalogue; print its problems, or a summary of what it holds."""
    catalog = load(catalog_dir, notes=True)
    if catalog is None:
        return 1
    positions = catalog.positions()
    drafts = sum(p.is_draft for p in positions)
    notes = sum(w.level == NOTE for w in catalog.warnings)
    print(
        _(
            "{catalog}: OK: {departments} departments, {positions} positions ({drafts} drafts), "
            "{competencies} competencies, {warnings} warning(s), {notes} note(s)",
            catalog=catalog_dir,
            departments=len(catalog.departments),
            positions=len(positions),
            drafts=drafts,
            competencies=len(catalog.competencies),
            warnings=len(catalog.warnings) - notes,
            notes=notes,
        )
    )
    return 0
