"""What the commands share: the catalogue's default folder, loading it with every problem
reported, and a failed write said in one line."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from ..catalog import load_catalog
from ..errors import CatalogError, Problem, report_problems
from ..model import Catalog

DEFAULT_CATALOG = "catalog"


class UsageError(Exception):
    """Arguments argparse accepted that do not go together; `main` reports it as argparse's."""


def print_problems(problems: Iterable[Problem]) -> int:
    """Print every problem on standard error, then, if any is an error,
    "N error(s); nothing was written."; the exit code: 1 if there was an error, else 0."""
    errors = report_problems(problems, lambda problem: print(problem, file=sys.stderr))
    if errors:
        print(f"{errors} error(s); nothing was written.", file=sys.stderr)
    return 1 if errors else 0


def load(catalog_dir: str) -> Catalog | None:
    """The catalogue, its warnings printed; None (its problems printed) if it does not load."""
    try:
        catalog = load_catalog(catalog_dir)
    except CatalogError as exc:
        print_problems(exc.problems)
        return None
    print_problems(catalog.warnings)
    return catalog


def cannot_write(message: str, error: OSError) -> int:
    """Say `message: reason` on standard error for a write the system refused; exit code 1."""
    print(f"{message}: {error.strerror or error}", file=sys.stderr)
    return 1
