"""render: write the generated site pages to a folder, for inspection or another tool."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import CatalogError
from ..files import write_files
from .common import DEFAULT_CATALOG, cannot_write, load, print_problems

NAME = "render"
HELP = "write the generated site pages to a folder"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG)
    parser.add_argument("--out", required=True, help="folder to write the pages into")
    parser.add_argument("--templates", help="the page templates (default: site_templates/)")


def run(args: argparse.Namespace) -> int:
    return render(args.catalog, Path(args.out), Path(args.templates) if args.templates else None)


def render(catalog_dir: str, out: Path, templates: Path | None = None) -> int:
    """Write every generated page under `out`, all or none, replacing only what the render
    produces."""
    from ..render import TEMPLATES_DIR, SiteRenderer
    from ..versions.history import load_history

    catalog = load(catalog_dir)
    if catalog is None:
        return 1
    history = load_history(catalog, Path(catalog_dir))
    try:
        pages = SiteRenderer(catalog, templates or TEMPLATES_DIR, history=history).pages()
    except CatalogError as exc:  # the workbook download: a text longer than a cell holds
        return print_problems(exc.problems) or 1
    try:
        write_files({out / uri: content for uri, content in pages.items()})
    except OSError as exc:  # a full disk, a read-only folder: no page has changed
        return cannot_write(f"cannot write the pages to {out}", exc)
    print(f"wrote {len(pages)} files to {out}")
    return 0
