"""schemas: write the catalogue files' JSON Schemas where a project wants them."""

from __future__ import annotations

import argparse
import sys

NAME = "schemas"
HELP = "write the JSON Schemas of the catalogue files into a folder (for editors)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        default="catalog/schemas",
        help="folder to write them into (default: catalog/schemas)",
    )


def run(args: argparse.Namespace) -> int:
    from ..starter import write_schemas

    try:
        written = write_schemas(args.out)
    except OSError as exc:
        print(f"{args.out}: cannot write the schemas: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} schemas to {args.out}")
    return 0
