"""The render step, run in its own process by the benchmark:

    python -m bench.render_step CATALOG --bare DIR

loads the catalogue, renders every generated file as CatalogPlugin.on_files does
(SiteRenderer(...).pages()), and writes the bare site: DIR/docs (the project's docs/ plus the rendered pages) and DIR/mkdocs.yml (the
project's configuration without the catalogue plugin, its nav expanded as the plugin does).
Prints the time of each phase as JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

from generator.catalog import load_catalog
from generator.render import CALCULATOR, SiteRenderer, expand_departments
from generator.versions.history import load_history

from .config import CATALOG_PLUGIN, project_config, write_config
from .measure import ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.render_step")
    parser.add_argument("catalog", type=Path)
    parser.add_argument("--bare", type=Path, required=True, help="folder for the bare site")
    args = parser.parse_args(argv)
    config = project_config()
    docs = ROOT / config.get("docs_dir", "docs")
    options = next((p[CATALOG_PLUGIN] for p in config.get("plugins", [])
                    if isinstance(p, dict) and CATALOG_PLUGIN in p), None) or {}

    start = time.perf_counter()
    catalog = load_catalog(args.catalog)
    history = load_history(catalog, args.catalog)
    loaded = time.perf_counter()
    renderer = SiteRenderer(catalog, ROOT / options.get("templates", "site_templates"),
                            calculator=(docs / CALCULATOR).is_file(), history=history)
    pages = renderer.pages()
    rendered = time.perf_counter()

    bare_docs = args.bare / "docs"
    if bare_docs.exists():
        shutil.rmtree(bare_docs)
    shutil.copytree(docs, bare_docs)
    size = 0
    for uri, content in pages.items():
        path = bare_docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        size += path.write_bytes(data)
    nav = config.get("nav")
    if nav:
        nav = expand_departments(nav, options.get("departments_nav_title", "部门"), catalog)
    write_config(args.bare / "mkdocs.yml", bare_docs, nav=nav)
    written = time.perf_counter()

    json.dump({"load_seconds": round(loaded - start, 3),
               "render_seconds": round(rendered - loaded, 3),
               "write_seconds": round(written - rendered, 3),
               "files": len(pages), "bytes": size}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
