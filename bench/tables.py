"""The tables `python -m bench` prints from its results (the JSON it writes)."""

from __future__ import annotations

from typing import Any

from . import engines, pairs, serve_step
from .measure import MIB, ok_step


def format_tables(results: dict) -> str:
    machine = results["machine"]
    head = (f"{machine['date']}  {machine['cpu_count']} CPUs  Python {machine['python']}  "
            f"mkdocs {machine['packages']['mkdocs']}  "
            f"material {machine['packages']['mkdocs-material']}")
    rows = []
    for r in results["scales"]:
        c, s = r["catalog"], r["steps"]
        phases = s["render"].get("phases") or {}
        rows.append([
            f"{r['scale']}x", c["positions"], c["competencies"],
            _pages(r), _step(s["check"]),
            _secs(phases.get("render_seconds")) + " / " + _mib(s["render"]),
            pairs.build_cell(r, "full", _step(s["build_full"])),
            pairs.build_cell(r, "bare", _step(s["build_bare"])), pairs.ratio_cell(r),
            pairs.build_cell(r, "bare_no_search", "—"), pairs.ratio_cell(r, "_no_search")])
    time_table = _table(["scale", "positions", "glossary", "pages", "check s / MiB",
                         "render s / MiB", "full build s / MiB", "bare build s / MiB",
                         "full/bare", "bare, no search s / MiB", "full/no search"], rows)
    rows = []
    for r in results["scales"]:
        site, calc = r["site"], r["calculator"]
        if not site:
            rows.append([f"{r['scale']}x"] + ["—"] * 8)
            continue
        kinds = calc["bytes_by_kind"]
        browser = calc.get("browser")
        rows.append([
            f"{r['scale']}x",
            f"{_kb(calc['total_bytes'])} ({_kb(calc['total_gzip_bytes'])} gz)",
            _kb(kinds.get("data", 0)),
            "—" if browser is None else _kb(browser.get("total_bytes")),
            _kb(site["search_index_bytes"]),
            _kb(site["position_page"]["bytes"]),
            _kb(site["department_page"]["bytes"]),
            f"{_kb(site['largest_page']['bytes'])} {site['largest_page']['path']}",
            f"{(site['total_bytes'] or 0) / MIB:,.1f} MB / {site['files']:,}"])
    size_table = _table(["scale", "calculator KB", "of it data KB", "Chromium fetched KB",
                         "search index KB", "position page KB", "department page KB",
                         "largest page KB",
                         "site / files"], rows)
    rows = []
    for r in results["scales"]:
        step = (r["steps"].get("search") or {}).get("phases") or {}
        search = r.get("search") or {}
        ours, material = search.get("ours") or {}, search.get("material") or {}
        browser, theirs = ours.get("browser") or {}, material.get("browser") or {}
        node = (step.get("queries") or [{}])[0]
        rows.append([
            f"{r['scale']}x",
            _secs((step["build_seconds"] + step["write_seconds"]) if step else None),
            _mb(step.get("bytes")) + f" / {step.get('files', 0):,}" if step else "—",
            _kb(browser.get("search_bytes")) if browser else
            (_kb(node.get("index_bytes", 0) + step.get("code_bytes", 0)) + " (node)"
             if node else "—"),
            str(browser.get("first_result_ms", "—")) if browser else "—",
            _mb((material.get("index") or {}).get("bytes")),
            _kb(theirs.get("search_bytes")) if theirs else "—",
            str(theirs.get("first_result_ms", "—")) if theirs else "—"])
    search_table = _table(["scale", "index build s", "index MB / files",
                           "first query KB", "first result ms", "Material index MB",
                           "Material first query KB", "Material first result ms"], rows)
    notes = ("check, builds: wall seconds of the whole process / its peak RSS. render: "
             "SiteRenderer.pages() seconds / peak RSS of a process that also loads the "
             "catalogue.\ncalculator: the page, its CSS/JS and the calculator data for "
             f"/calculator/?position={results['position']} (read from the site). Chromium "
             "fetched: everything a real browser loaded\nopening that link, until idle "
             "(includes Material's search index if the page lets the search start).")
    notes += ("\nsearch: ours = generator/search (the catalogue model's records, indexed "
              "and written by bench.search_step); first query: every search file Chromium "
              "fetched\n(code included) typing "
              f"“{(results['scales'][0].get('search') or {}).get('query', '')}” right after "
              "loading /departments/, and the time from focus to the first result shown "
              "(median of 3). Material: its search on the bare build.")
    notes += ("\nfull, bare build: median of the rounds built after a warm-up pair (largest "
              "peak RSS); full/bare: the rounds' median ratio (min–max); bare, no search: the "
              "bare build without Material's search\n(the site's search is its own), the "
              "floor of MkDocs and Material alone. serve: `mkdocs serve` "
              "of the full site; edit → page served:\nseconds from saving a position's file "
              "to its page served with the change (median, min–max of the saves); rebuild: "
              "what MkDocs logged; error shown / fixed: to the page\nshowing a catalogue "
              "error, and without it again; index + downloads: the settle job once the "
              "edits stop (search index, JSON, Excel).")
    notes += ("\nzensical: `position-standards render --engine zensical` (render s), then "
              "`zensical build --clean` and `zensical build` with its cache: median (min–max) "
              "of the rounds after a warm-up;\nmkdocs build: the full build's median.")
    serve_table = _table(*serve_step.table_rows(results))
    zensical_table = _table(*engines.table_rows(results))
    return (f"{head}\n\n{time_table}\n\n{serve_table}\n\n{zensical_table}\n\n{size_table}"
            f"\n\n{search_table}\n\n{notes}")


def _table(header: list[str], rows: list[list[Any]]) -> str:
    cells = [header] + [[f"{c:,}" if isinstance(c, int) else str(c) for c in row]
                        for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [" | ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in
                        enumerate(zip(row, widths))) for row in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def _pages(result: dict) -> str:
    site = result["site"]
    return f"{site['html_pages']:,}" if site else "—"


def _step(step: dict | None) -> str:
    if step is None:
        return "—"
    if not ok_step(step):
        return "timed out" if step["timed_out"] else f"failed ({step['returncode']})"
    return f"{_secs(step['seconds'])} / {_mib(step)}"


def _secs(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f}"


def _mib(step: dict) -> str:
    return f"{step['peak_rss_mib']:,.0f}"


def _mb(value: int | None) -> str:
    return "—" if value is None else f"{value / MIB:,.1f}"


def _kb(value: int | None) -> str:
    return "—" if value is None else f"{value / 1024:,.0f}"
