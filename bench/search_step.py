"""The search step, run in its own process by the benchmark:

    python -m bench.search_step CATALOG --out DIR [--query Q ...]

loads the catalogue, builds the site's search index from it (the records of positions,
glossary entries and departments: what the plugin indexes from the model; the few hand-written
pages are left out) and writes it to DIR. Then runs each query through the site's engine in
Node (bench/search_query.js), counting the index bytes it reads. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from generator.catalog import load_catalog
from generator.search import build_index, catalog_records, page_url, write_index

from .measure import ROOT

QUERY_JS = ROOT / "bench" / "search_query.js"
ASSETS = ROOT / "docs" / "assets" / "search"


def code_bytes() -> int:
    """The search's scripts and styles: what the browser fetches besides the index."""
    return sum(p.stat().st_size for p in ASSETS.iterdir() if p.suffix in (".js", ".css"))


def run_queries(index: Path, queries: list[str]) -> list[dict] | None:
    """Each query through engine.js in Node: bytes read, files, milliseconds, top titles."""
    if shutil.which("node") is None:
        return None
    done = subprocess.run(["node", str(QUERY_JS)], input=json.dumps(
        {"index": str(index), "queries": [{"query": q} for q in queries]}),
        capture_output=True, text=True, check=True)
    return [{"query": a["query"], "index_bytes": a["bytes"], "files": a["files"],
             "ms": round(a["ms"], 1), "results": len(a["results"]),
             "first": a["results"][0]["title"] if a["results"] else None}
            for a in json.loads(done.stdout)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_step")
    parser.add_argument("catalog", type=Path)
    parser.add_argument("--out", type=Path, required=True, help="folder for the index")
    parser.add_argument("--query", action="append", default=[], help="a query to run")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    catalog = load_catalog(args.catalog)
    loaded = time.perf_counter()
    files = build_index(catalog_records(catalog, page_url))
    built = time.perf_counter()
    if args.out.exists():
        shutil.rmtree(args.out)
    size = write_index(files, args.out)
    written = time.perf_counter()
    json.dump({"load_seconds": round(loaded - start, 3),
               "build_seconds": round(built - loaded, 3),
               "write_seconds": round(written - built, 3),
               "files": len(files), "bytes": size, "code_bytes": code_bytes(),
               "queries": run_queries(args.out, args.query)}, sys.stdout, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
