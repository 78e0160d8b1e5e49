"""The alternative that was measured: Pagefind, fed the same records, as issue 12 proposed.

    python -m bench.pagefind_probe [--scales 1,10] [--pagefind-python PYTHON] [--out FILE]

For each scale: the records the site's search indexes (generator/search/records.py) are given
to Pagefind's Python API (`add_custom_record`) in two ways: the text segmented by jieba with
the catalogue's search dictionary, words separated by spaces (an index of `en`, so Pagefind
splits on the spaces), and the raw text with `zh` (Pagefind's own Chinese segmentation). Then
in Chromium each query of QUERIES runs through Pagefind's own pagefind.js in a fresh page:
the hits, the bytes fetched (its code, wasm and index chunks) and the milliseconds to the first
result's data. Pagefind is not a dependency of the site: install it anywhere
(`pip install 'pagefind[extended]'`) and name that interpreter with --pagefind-python.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from generator.catalog import load_catalog
from generator.search import catalog_records, page_url

from .measure import ROOT
from .synthetic import make_catalog

QUERIES = ["掉线率", "掉线", "控制客户掉线率", "出纳", "收入出纳", "财务部收入出纳", "团队合作"]
_BUILD = """
import asyncio, json, sys
from pagefind.index import IndexConfig, PagefindIndex
records, out, language = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
async def main():
    async with PagefindIndex(IndexConfig(force_language=language)) as index:
        for r in records:
            await index.add_custom_record(url="/" + r["url"], content=r["content"],
                                          language=language, meta={"title": r["title"]})
        await index.write_files(output_path=out)
asyncio.run(main())
"""
_PAGE = """<!doctype html><meta charset="utf-8"><script type="module">
import * as pagefind from "./pagefind/pagefind.js";
window.run = async (query) => {
  const start = performance.now();
  const search = await pagefind.search(query);
  const first = search.results.length ? await search.results[0].data() : null;
  return {hits: search.results.length, ms: performance.now() - start,
          first: first && first.meta.title};
};
window.ready = true;
</script>"""


def segmented(text: str) -> str:
    import jieba

    return " ".join(w for w in jieba.cut(text) if w.strip())


def build(records: list, folder: Path, language: str, python: str) -> dict:
    """A Pagefind index of `records` in folder/pagefind; its build seconds and size."""
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "records.json"
    data.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([python, "-c", _BUILD, str(data), str(folder / "pagefind"), language],
                   check=True, capture_output=True)
    seconds = time.perf_counter() - start
    files = [p for p in (folder / "pagefind").rglob("*") if p.is_file()]
    (folder / "index.html").write_text(_PAGE, encoding="utf-8")
    return {"build_seconds": round(seconds, 2), "files": len(files),
            "bytes": sum(p.stat().st_size for p in files)}


def query_in_browser(folder: Path, queries: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    out = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=["--no-sandbox", "--disable-gpu"])
            for query in queries:
                context = browser.new_context()
                page = context.new_page()
                page.goto(origin + "/index.html")
                page.wait_for_function("window.ready")
                sizes: list[int] = []
                page.on("response", lambda r, sizes=sizes: sizes.append(len(r.body())))
                answer = page.evaluate("(q) => window.run(q)", query)
                page.wait_for_load_state("networkidle")
                out.append({"query": query, "hits": answer["hits"], "first": answer["first"],
                            "ms": round(answer["ms"]), "bytes": sum(sizes)})
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pagefind_probe")
    parser.add_argument("--scales", default="1,10")
    parser.add_argument("--pagefind-python", default=sys.executable,
                        help="a Python with pagefind[extended] installed")
    parser.add_argument("--out", type=Path, default=Path("bench/pagefind.json"))
    args = parser.parse_args(argv)
    import jieba

    jieba.load_userdict(str(ROOT / "catalog" / "search-dictionary.txt"))
    work = Path(tempfile.mkdtemp(prefix="pagefind-probe-"))
    results = []
    try:
        for scale in [int(s) for s in args.scales.split(",")]:
            catalog_dir = ROOT / "catalog"
            if scale > 1:
                catalog_dir = work / f"catalog-{scale}"
                make_catalog(ROOT / "catalog", catalog_dir, scale)
            records = catalog_records(load_catalog(catalog_dir), page_url)
            for variant, language, cut in (("jieba", "en", segmented),
                                           ("own zh", "zh", lambda t: t)):
                data = [{"url": r.url, "title": r.title,
                         "content": "\n".join(cut(line.text) for line in r.lines)}
                        for r in records]
                folder = work / f"{scale}-{language}"
                index = build(data, folder, language, args.pagefind_python)
                results.append({"scale": scale, "variant": variant, "index": index,
                                "queries": query_in_browser(folder, QUERIES)})
                print(json.dumps(results[-1], ensure_ascii=False), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
