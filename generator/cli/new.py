"""new: write a new company's project, ready to build."""

from __future__ import annotations

import argparse
import sys

from ..files import system_reason
from ..messages import _

NAME = "new"
HELP = "write a new project (mkdocs.yml, a starter catalogue, editor and pre-commit settings)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", help="where to write it: a new or empty folder")


def run(args: argparse.Namespace) -> int:
    from ..starter import StarterError, write_project

    try:
        folder = write_project(args.folder)
    except StarterError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(
            _(
                "{folder}: cannot write the project: {reason}",
                folder=args.folder,
                reason=system_reason(exc),
            ),
            file=sys.stderr,
        )
        return 1
    print(
        _(
            "wrote a new project to {folder}. Next: cd {cd} && mkdocs serve",
            folder=folder,
            cd=args.folder,
        )
    )
    return 0
