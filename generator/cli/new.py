"""new: write a new company's project, ready to build."""

from __future__ import annotations

import argparse
import sys

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
        print(f"{args.folder}: cannot write the project: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote a new project to {folder}. Next: cd {args.folder} && mkdocs serve")
    return 0
