"""The same content built by a second engine: a complete docs folder and its config.

Zensical (Material's successor) reads an mkdocs.yml but runs no MkDocs plugin, so the rendered
pages, the tool's own pages and assets, the nav and everything the plugin adds to a config
are written out in full. What differs from the MkDocs build is listed in the README.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..model import Catalog
from ..render import DEPARTMENTS, department_uri
from ..resources import DOCS, docs_files
from . import assets

CONFIG = "mkdocs.yml"  # Zensical reads MkDocs' configuration file


def engine_files(
    catalog: Catalog, pages: dict[str, str | bytes], site_name: str, out: Path
) -> dict[Path, str | bytes]:
    """{path: content} of a project under `out` that Zensical builds: docs/ and its config."""
    docs = out / "docs"
    files: dict[Path, str | bytes] = {docs / uri: content for uri, content in pages.items()}
    own = []
    for path in docs_files():
        if path not in pages:
            files[docs / path] = (DOCS / path).read_bytes()
            if path.endswith(".md"):
                own.append(path)
    files[out / CONFIG] = engine_config(catalog, set(pages) | set(own), own, site_name)
    return files


def engine_config(catalog: Catalog, pages: set[str], own: list[str], site_name: str) -> str:
    """The configuration text: theme, extensions, CSS/JS and the nav the plugin would add."""
    nav = []
    for item in assets.default_nav(pages, own):
        if isinstance(item, dict) and DEPARTMENTS in item.values():
            (title,) = item
            sections = [{"总览": DEPARTMENTS}] + [
                {d.name: department_uri(d)} for d in catalog.departments
            ]
            item = {title: sections}
        nav.append(item)
    config = {
        "site_name": site_name,
        "docs_dir": "docs",
        "site_dir": "site",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "zh", "font": False},
        "markdown_extensions": [
            {name: options} if options else name
            for name, options in assets.MARKDOWN_EXTENSIONS.items()
        ],
        "extra_css": list(assets.CSS),
        "extra_javascript": list(assets.JAVASCRIPT),
        "nav": nav,
    }
    header = (
        "# Written by `position-standards render --engine zensical`: build with `zensical build`.\n"
    )
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
