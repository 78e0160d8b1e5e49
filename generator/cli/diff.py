"""diff: what changed between two catalogue versions, folders or git revisions."""

from __future__ import annotations

import argparse
import sys

NAME = "diff"
HELP = "what changed between two catalogue versions"
SIDE_HELP = "a catalogue folder, or a git revision (REV or REV:path)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", help=SIDE_HELP)
    parser.add_argument("new", help=SIDE_HELP)
    parser.add_argument("--format", choices=["text", "markdown"], default="text")


def run(args: argparse.Namespace) -> int:
    return diff(args.old, args.new, args.format)


def diff(old: str, new: str, form: str = "text") -> int:
    """Print what changed from side `old` to side `new`; a side that does not load is one
    line (its problems indented below it)."""
    from ..versions.compare import diff_catalogs
    from ..versions.format import format_markdown, format_text
    from ..versions.side import SideError, load_side

    try:
        changes = diff_catalogs(load_side(old), load_side(new))
    except SideError as exc:
        print(exc, file=sys.stderr)
        for problem in exc.problems[1:]:
            print(f"  {problem}", file=sys.stderr)
        return 1
    sys.stdout.write(format_markdown(changes) if form == "markdown" else format_text(changes))
    return 0
