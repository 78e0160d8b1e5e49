"""export: the whole catalogue as one document, JSON (the public download) or a workbook."""

from __future__ import annotations

import argparse
import sys

from ..errors import CatalogError
from ..files import write_file
from ..messages import _
from .common import DEFAULT_CATALOG, UsageError, cannot_write, load, print_problems

NAME = "export"
HELP = "write the whole catalogue as one document"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG)
    parser.add_argument(
        "--format",
        choices=["json", "xlsx"],
        default="json",
        help="json (the public download) or xlsx (the workbook HR edits)",
    )
    parser.add_argument(
        "-o", "--output", help="file to write (default: standard output; xlsx needs it)"
    )


def run(args: argparse.Namespace) -> int:
    if args.format == "xlsx" and not args.output:
        raise UsageError(_("export --format xlsx needs -o FILE"))
    return export(args.catalog, args.format, args.output)


def export(catalog_dir: str, form: str, output: str | None) -> int:
    """Write the catalogue as `form` to `output` (whole or not at all), or standard output."""
    catalog = load(catalog_dir)
    if catalog is None:
        return 1
    if form == "xlsx":
        from ..excel.write import workbook_bytes

        try:
            content: str | bytes = workbook_bytes(catalog)
        except CatalogError as exc:  # a text longer than a cell holds
            return print_problems(exc.problems) or 1
    else:
        from ..export import catalog_to_data, to_json

        content = to_json(catalog_to_data(catalog))
    if output is None:
        sys.stdout.write(content)
        return 0
    try:
        write_file(output, content)
    except OSError as exc:
        if form == "xlsx":
            return cannot_write(_("{file}: cannot write the workbook", file=output), exc)
        return cannot_write(_("{file}: cannot write the catalogue", file=output), exc)
    if form == "xlsx":
        print(
            _("wrote {file}: {count} positions", file=output, count=len(catalog.positions())),
            file=sys.stderr,
        )
    return 0
