"""schemas: write the catalogue files' JSON Schemas where a project wants them."""

from __future__ import annotations

import argparse
import sys

from ..files import system_reason
from ..messages import _

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
        print(
            _(
                "{folder}: cannot write the schemas: {reason}",
                folder=args.out,
                reason=system_reason(exc),
            ),
            file=sys.stderr,
        )
        return 1
    print(_("wrote {count} schemas to {folder}", count=len(written), folder=args.out))
    return 0
