"""render: write the generated site pages to a folder, for inspection or another tool."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import CatalogError
from ..files import write_files
from ..messages import _
from .common import DEFAULT_CATALOG, cannot_write, load, print_problems

NAME = "render"
HELP = "write the generated site pages to a folder"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG)
    parser.add_argument("--out", required=True, help="folder to write the pages into")
    parser.add_argument("--templates", help="the page templates (default: site_templates/)")
    parser.add_argument(
        "--engine",
        choices=["zensical"],
        help="write a whole project another engine builds: OUT/docs/ (every "
        "page and asset) and OUT/mkdocs.yml",
    )
    parser.add_argument(
        "--site-name", default="岗位目标与考核指标", help="with --engine: the site's name"
    )


def run(args: argparse.Namespace) -> int:
    templates = Path(args.templates) if args.templates else None
    return render(args.catalog, Path(args.out), templates, args.engine, args.site_name)


def render(
    catalog_dir: str,
    out: Path,
    templates: Path | None = None,
    engine: str | None = None,
    site_name: str = "",
) -> int:
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
    if engine == "zensical":
        from ..site.zensical import engine_files

        files = engine_files(catalog, pages, site_name, out)
    else:
        files = {out / uri: content for uri, content in pages.items()}
    try:
        write_files(files)
    except OSError as exc:  # a full disk, a read-only folder: no page has changed
        return cannot_write(_("cannot write the pages to {folder}", folder=out), exc)
    print(_("wrote {count} files to {folder}", count=len(files), folder=out))
    return 0
