"""Command line: position-standards (or python -m generator) check | export | import | render |
score | diff | new | schemas.

One module per command, each with its `NAME`, `HELP`, `add_arguments(parser)` and
`run(args) -> exit code`; `main` only builds the parser and dispatches. Commands import what
they need when they run, so `check` stays fast (no Jinja, openpyxl, git, ...).
"""

from __future__ import annotations

import argparse

from ..messages import LANGUAGES, set_language
from . import check, diff, export, import_workbook, new, render, schemas, score
from .common import UsageError

COMMANDS = {
    command.NAME: command
    for command in (check, export, import_workbook, render, score, diff, new, schemas)
}


def main(argv: list[str] | None = None, prog: str = "position-standards") -> int:
    """Run the command `argv` names (default: the process's arguments); its exit code."""
    parser = argparse.ArgumentParser(prog=prog, description="Position standards catalogue tools.")
    language = argparse.ArgumentParser(add_help=False)
    language.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help="the language of the messages (default: zh, or en where the environment asks for it)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS.values():
        command.add_arguments(
            commands.add_parser(command.NAME, help=command.HELP, parents=[language])
        )
    args = parser.parse_args(argv)
    set_language(args.lang)
    try:
        return COMMANDS[args.command].run(args)
    except UsageError as exc:
        parser.error(str(exc))  # exits with status 2, as argparse does for its own errors
