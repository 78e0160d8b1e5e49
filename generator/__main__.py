"""Command line: python -m generator check | export."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from .catalog import load_catalog
from .errors import CatalogError
from .export import catalog_to_data, to_json

DEFAULT_CATALOG = "catalog"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Position standards catalogue tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the catalogue; report every problem")
    check.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG)
    export = commands.add_parser("export", help="write the whole catalogue as one document")
    export.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG)
    export.add_argument("--format", choices=["json"], default="json")
    export.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    try:
        catalog = load_catalog(args.catalog)
    except CatalogError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.errors)} error(s); nothing was written.", file=sys.stderr)
        return 1
    for warning in catalog.warnings:
        print(warning, file=sys.stderr)
    if args.command == "check":
        positions = catalog.positions()
        drafts = sum(p.is_draft for p in positions)
        print(f"{args.catalog}: OK: {len(catalog.departments)} departments, {len(positions)} "
              f"positions ({drafts} drafts), {len(catalog.competencies)} competencies, "
              f"{len(catalog.warnings)} warning(s)")
        return 0
    text = to_json(catalog_to_data(catalog))
    if args.output:
        write_atomically(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` completely or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


if __name__ == "__main__":
    sys.exit(main())
