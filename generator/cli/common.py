"""What the commands share: the catalogue's default folder, loading it with every problem
reported, and a failed write said in one line."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from ..catalog import load_catalog
from ..errors import NOTE, CatalogError, Problem, report_problems
from ..files import system_reason
from ..messages import _
from ..model import Catalog

DEFAULT_CATALOG = "catalog"


class UsageError(Exception):
    """Arguments argparse accepted that do not go together; `main` reports it as argparse's."""


def print_problems(problems: Iterable[Problem]) -> int:
    """Print every problem on standard error, then, if any is an error,
    "N error(s); nothing was written."; the exit code: 1 if there was an error, else 0."""
    errors = report_problems(problems, lambda problem: print(problem, file=sys.stderr))
    if errors:
        print(_("{count} error(s); nothing was written.", count=errors), file=sys.stderr)
    return 1 if errors else 0


def load(catalog_dir: str, notes: bool = False) -> Catalog | None:
    """The catalogue, its warnings printed (and its notes, with `notes`: `check` says them,
    every other command only what is to fix); None (its problems printed) if it does not
    load."""
    try:
        catalog = load_catalog(catalog_dir)
    except CatalogError as exc:
        print_problems(exc.problems)
        return None
    print_problems(w for w in catalog.warnings if notes or w.level != NOTE)
    return catalog


def cannot_write(message: str, error: OSError) -> int:
    """Say `message: reason` on standard error for a write the system refused; exit code 1."""
    print(_("{message}: {reason}", message=message, reason=system_reason(error)), file=sys.stderr)
    return 1
