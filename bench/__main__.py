"""python -m bench [--scales 1,10,100] [--out bench/results.json] [--skip-build] ...

For each scale: make a synthetic catalogue, then in fresh processes time (wall, CPU) and
peak memory of `python -m generator check`, of rendering the pages (SiteRenderer.pages()),
of the full `mkdocs build`, and of a bare `mkdocs build` of the same pages written to disk
beforehand (MkDocs + Material with no catalogue plugin: the floor of our stack), then full,
bare and bare-without-search builds in rounds for the ratio (bench/pairs.py), and the serve
loop: seconds from saving a position to its page served (bench/serve_step.py), and the same
project built by Zensical, clean and cached, when it is installed (bench/engines.py). Then the
sizes of the built site: what a browser fetches to open the calculator on one position, the
search index, one position page, the largest page, the whole site. Prints tables and writes
JSON (rewritten after every scale, so a long run keeps what it measured).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.catalog import load_catalog

from . import browser, engines, pairs, sites
from .config import build_command, project_config, write_config
from .measure import ROOT, ok_step, run_step
from .profiling import profile_summary
from .synthetic import make_catalog
from .tables import format_tables

FORMAT = "position-standards-bench/1"
DEFAULT_SCALES = "1,10,100"
SEARCH_QUERIES = ["掉线率", "财务部收入出纳", "部门经理"]  # the first is the one timed in Chromium


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Scaling benchmark: check, render and build "
        "synthetic catalogues N times the size of the real one.")
    parser.add_argument("--scales", default=DEFAULT_SCALES,
                        help=f"comma-separated multiples of the source catalogue (default "
                        f"{DEFAULT_SCALES}; 1000 takes long, so only when asked)")
    parser.add_argument("--out", type=Path, default=Path("bench/results.json"),
                        help="JSON file to write (default: bench/results.json)")
    parser.add_argument("--catalog", type=Path, default=ROOT / "catalog",
                        help="the source catalogue (default: catalog/)")
    parser.add_argument("--position", help="the position whose calculator and page are "
                        "measured (default: the source's first published position)")
    parser.add_argument("--skip-build", action="store_true",
                        help="only check and render: no mkdocs builds, no site sizes")
    parser.add_argument("--skip-bare", action="store_true", help="no bare build")
    parser.add_argument("--pairs", type=int, default=3,
                        help="full and bare builds measured in pairs after the first two (the "
                        "warm-up): the ratio is their median (default 3; 0: the first only)")
    parser.add_argument("--serve-edits", type=int, default=5,
                        help="saves of a position timed in `mkdocs serve` (default 5; 0: no "
                        "serve loop)")
    parser.add_argument("--zensical", choices=["auto", "no"], default="auto",
                        help="also build the rendered project with Zensical, clean and "
                        "cached, --pairs times each after a warm-up: auto (default) does "
                        "when it is installed")
    parser.add_argument("--browser", choices=["auto", "yes", "no"], default="auto",
                        help="also open the calculator in Chromium (Playwright) and record "
                        "what it fetches: auto (default) does when both are installed")
    parser.add_argument("--profile", action="store_true",
                        help="also run the full build of the largest scale under cProfile "
                        "(a .prof file next to --out, a summary in the JSON)")
    parser.add_argument("--search-query", action="append", dest="search_queries",
                        help="a query for the search measurements (repeatable; default: "
                        + ", ".join(SEARCH_QUERIES) + "; the first is timed in Chromium)")
    parser.add_argument("--workdir", type=Path,
                        help="where catalogues and sites go (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true",
                        help="keep each scale's catalogue and sites (default: removed)")
    parser.add_argument("--step-timeout", type=float, default=3600,
                        help="seconds before a step is killed (default 3600)")
    args = parser.parse_args(argv)
    try:
        scales = sorted({int(s) for s in args.scales.split(",") if s.strip()})
    except ValueError:
        parser.error(f"--scales: expected numbers like 1,10,100, got {args.scales!r}")
    if not scales or scales[0] < 1:
        parser.error("--scales: every scale must be at least 1")

    source = load_catalog(args.catalog)
    position = (next(p for p in source.positions() if p.id == args.position) if args.position
                else next(p for p in source.positions() if not p.is_draft and p.kpis))
    args.search_queries = args.search_queries or SEARCH_QUERIES
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="position-bench-"))
    args.pages_site = workdir / "pages-site"  # the first full site's pages, for search runs
    results: dict[str, Any] = {
        "format": FORMAT, "machine": machine_info(), "source_catalog": str(args.catalog),
        "position": position.id, "scales": []}
    try:
        for scale in scales:
            print(f"scale {scale}x: ...", file=sys.stderr, flush=True)
            profile = args.profile and scale == scales[-1]
            result = run_scale(scale, args, workdir / f"scale-{scale}", position, profile)
            results["scales"].append(result)
            write_results(args.out, results)
            print(f"scale {scale}x: done", file=sys.stderr, flush=True)
    finally:
        if not args.workdir and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(format_tables(results))
    print(f"\nwrote {args.out}")
    return 0 if all(ok(r) for r in results["scales"]) else 1


def run_scale(scale: int, args: argparse.Namespace, work: Path, position,
              profile: bool) -> dict[str, Any]:
    """Every measurement of one scale; the scale's folder is removed unless --keep."""
    if work.exists():
        shutil.rmtree(work)
    catalog = work / "catalog"
    start = time.perf_counter()
    counts = make_catalog(args.catalog, catalog, scale)
    counts["generate_seconds"] = round(time.perf_counter() - start, 3)
    logs = work / "logs"
    python = sys.executable
    timeout = args.step_timeout
    steps: dict[str, Any] = {
        "check": run_step([python, "-m", "generator", "check", str(catalog)],
                          logs / "check.log", timeout),
        "render": run_step([python, "-m", "bench.render_step", str(catalog),
                            "--bare", str(work / "bare")], logs / "render.log", timeout),
        "build_full": None, "build_bare": None}
    steps["render"]["phases"] = last_json_line(logs / "render.log")
    search_index = work / "search-index"
    steps["search"] = run_step([python, "-m", "bench.search_step", str(catalog), "--out",
                                str(search_index)] + [a for q in args.search_queries
                                                      for a in ("--query", q)],
                               logs / "search.log", timeout)
    steps["search"]["phases"] = last_json_line(logs / "search.log")
    result: dict[str, Any] = {"scale": scale, "catalog": counts, "steps": steps,
                              "full_over_bare": None, "site": None, "bare_site": None,
                              "calculator": None, "search": None, "profile": None,
                              "pairs": None, "zensical": None}
    position_uri = f"departments/{position.department_id}/{position.id}/"
    department_uri = f"departments/{position.department_id}/"
    try:
        if not args.skip_build:
            docs = ROOT / project_config().get("docs_dir", "docs")
            full_config = write_config(work / "full" / "mkdocs.yml", docs, catalog)
            site = work / "site-full"
            steps["build_full"] = run_step(build_command(full_config, site),
                                           logs / "build_full.log", timeout)
            bare_config = work / "bare" / "mkdocs.yml"
            if not args.skip_bare and bare_config.is_file():
                steps["build_bare"] = run_step(build_command(bare_config, work / "site-bare"),
                                               logs / "build_bare.log", timeout)
                if ok_step(steps["build_bare"]):
                    result["bare_site"] = sites.site_sizes(work / "site-bare", position_uri,
                                                              department_uri)
            full, bare = steps["build_full"], steps["build_bare"]
            if ok_step(full) and ok_step(bare):
                result["full_over_bare"] = round(full["seconds"] / bare["seconds"], 2)
                result["pairs"] = pairs.measure_pairs(full_config, bare_config, work, logs,
                                                      args.pairs, timeout)
            if ok_step(full):
                result["site"] = sites.site_sizes(site, position_uri, department_uri)
                calculator = sites.calculator_files(site, position.id, position.department_id)
                calculator["bytes_by_kind"] = bytes_by_kind(calculator["files"])
                calculator["browser"] = (browser.browser_fetches(site, position.id)
                                         if args.browser != "no" else None)
                if args.browser == "yes" and calculator["browser"] is None:
                    print("--browser yes: Playwright or Chromium is not installed",
                          file=sys.stderr)
                result["calculator"] = calculator
            result["search"] = measure_search(args, work, site, steps, search_index)
            if args.zensical != "no":
                result["zensical"] = engines.measure_zensical(catalog, work, logs, args.pairs,
                                                              timeout)
            if profile:
                result["profile"] = run_profile(full_config, work, args, scale)
        if args.serve_edits > 0 and not args.skip_build:
            steps["serve"] = run_step([python, "-m", "bench.serve_step", str(catalog),
                                       "--position", position.id, "--work", str(work / "serve"),
                                       "--edits", str(args.serve_edits)],
                                      logs / "serve.log", timeout)
            steps["serve"]["phases"] = last_json_line(logs / "serve.log")
    finally:
        failed = {name: step for name, step in
                  [*steps.items(), ("profile", (result["profile"] or {}).get("step")),
                   ("zensical", (result["zensical"] or {}).get("failed"))]
                  if step and not ok_step(step)}
        for name, step in failed.items():  # the log outlives the work folder
            kept = args.out.with_name(f"{args.out.stem}.scale{scale}.{name}.log")
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(step["log"], kept)
            step["log"] = str(kept)
            print(f"scale {scale}x: {name} failed (exit {step['returncode']}"
                  f"{', timed out' if step['timed_out'] else ''}); see {kept}", file=sys.stderr)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return result


def measure_search(args: argparse.Namespace, work: Path, site: Path, steps: dict,
                   search_index: Path) -> dict[str, Any]:
    """Our search beside Material's: index build time and size, bytes and milliseconds of a
    first query in Chromium. Ours is measured with this scale's index behind the pages of
    the first full site built (the pages and code are the same at every scale), so it is
    measured even where a full build fails; Material's on the bare build, when there is one."""
    query = args.search_queries[0]
    full, bare = steps["build_full"], steps["build_bare"]
    if ok_step(full) and not args.pages_site.exists():
        shutil.copytree(site, args.pages_site,  # not the index: each scale brings its own
                        ignore=lambda folder, names: ["search"] if Path(folder) == site else [])
    ours: dict[str, Any] = {
        "index": sites.search_index_size(site) if ok_step(full) else None, "browser": None}
    if args.browser != "no" and args.pages_site.exists() and ok_step(steps["search"]):
        ours["browser"] = browser.search_in_browser(args.pages_site, query, material=False,
                                                    index=search_index)
    material: dict[str, Any] = {"index": None, "browser": None}
    bare_site = work / "site-bare"
    if ok_step(bare):
        material["index"] = sites.search_index_size(bare_site)
        if args.browser != "no":
            material["browser"] = browser.search_in_browser(bare_site, query, material=True)
    return {"query": query, "ours": ours, "material": material}


def run_profile(config: Path, work: Path, args: argparse.Namespace, scale: int) -> dict:
    """The full build once more under cProfile (slower: not the timed build)."""
    prof = args.out.with_name(f"{args.out.stem}.scale{scale}.prof")
    prof.parent.mkdir(parents=True, exist_ok=True)
    command = build_command(config, work / "site-profile")
    command[1:2] = ["-m", "cProfile", "-o", str(prof.resolve()), "-m"]
    step = run_step(command, work / "logs" / "profile.log", args.step_timeout)
    summary = profile_summary(prof) if ok_step(step) else None
    return {"file": str(prof), "step": step, "summary": summary}


def ok(result: dict) -> bool:
    return all(s is None or ok_step(s) for s in result["steps"].values())


def last_json_line(log: Path) -> dict | None:
    """The JSON a step printed last (the render step's phase times), if any."""
    lines = [line for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
             if line.startswith("{")] if log.is_file() else []
    try:
        return json.loads(lines[-1]) if lines else None
    except json.JSONDecodeError:
        return None


def bytes_by_kind(files: list[dict]) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in files:
        out[f["kind"]] = out.get(f["kind"], 0) + (f["bytes"] or 0)
    return out


def machine_info() -> dict[str, Any]:
    def version(package: str) -> str | None:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return None

    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        memory = None
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "memory_bytes": memory,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "packages": {p: version(p) for p in ("mkdocs", "mkdocs-material", "jieba", "Jinja2",
                                             "Markdown", "PyYAML", "jsonschema")},
        "git": git_state(),
    }


def git_state() -> dict[str, Any] | None:
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        status = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT,
                                capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return {"commit": commit, "dirty": bool(status.strip())}


def write_results(path: Path, results: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


if __name__ == "__main__":
    sys.exit(main())
