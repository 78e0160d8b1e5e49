"""The same catalogue built by Zensical, beside MkDocs: `position-standards render --engine
zensical` writes the whole project (every page rendered, the tool's pages and assets, an
mkdocs.yml), then `zensical build` builds it, from scratch (`--clean`: its cache emptied) and
with its cache, `count` times each after a warm-up of both.

Against the full `mkdocs build` (which renders the pages itself), the fair figure is the
render plus a clean build; the cached build is what a second `zensical build` of an unchanged
project costs. Zensical runs no MkDocs plugin, so its site has Zensical's search instead of
the site's own, and none of the plugin's checks (README, "A second engine").
"""

from __future__ import annotations

import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

from .measure import run_step


def zensical_command() -> str | None:
    """The `zensical` beside this Python (the test extras install it), else one on PATH."""
    beside = Path(sys.executable).with_name("zensical")
    return str(beside) if beside.is_file() else shutil.which("zensical")


def measure_zensical(
    catalog: Path, work: Path, logs: Path, count: int, timeout: float | None
) -> dict[str, Any] | None:
    """Render once, then a clean and a cached build, a warm-up and `count` more of each;
    None when Zensical is not installed."""
    zensical = zensical_command()
    if zensical is None:
        return None
    project = work / "zensical"
    render = run_step(
        [
            sys.executable,
            "-m",
            "generator",
            "render",
            str(catalog),
            "--engine",
            "zensical",
            "--out",
            str(project),
        ],
        logs / "zensical-render.log",
        timeout,
    )
    out: dict[str, Any] = {"render": render, "clean": [], "cached": []}
    if render["returncode"] != 0 or render["timed_out"]:
        out["failed"] = render
        return out
    config = str(project / "mkdocs.yml")
    for number in range(count + 1):  # the first of each is the warm-up
        for kind, extra in (("clean", ["--clean"]), ("cached", [])):
            step = run_step(
                [zensical, "build", "-f", config, *extra],
                logs / f"zensical-{number}-{kind}.log",
                timeout,
            )
            if step["returncode"] != 0 or step["timed_out"]:
                out["failed"] = step
                return out
            out[kind].append(step)
    for kind in ("clean", "cached"):
        runs = out[kind][1:] or out[kind]
        out[f"{kind}_seconds_median"] = round(statistics.median(s["seconds"] for s in runs), 3)
        out[f"{kind}_seconds_min"] = min(s["seconds"] for s in runs)
        out[f"{kind}_seconds_max"] = max(s["seconds"] for s in runs)
        out[f"{kind}_peak_rss_mib"] = max(
            s["peak_tree_rss_mib"] or s["peak_rss_mib"] for s in out[kind]
        )
    out["render_and_clean_seconds"] = round(render["seconds"] + out["clean_seconds_median"], 2)
    out["pages"] = sum(1 for _ in (project / "site").rglob("*.html"))
    return out


def table_rows(results: dict) -> tuple[list[str], list[list[str]]]:
    """Zensical beside `mkdocs build` at each scale: the header and rows of its table."""
    header = [
        "scale",
        "mkdocs build s",
        "render s",
        "zensical clean s",
        "render + clean s",
        "zensical cached s",
        "zensical peak MiB",
        "(render + clean) / mkdocs",
    ]
    rows = []
    for result in results["scales"]:
        zensical = result.get("zensical") or {}
        if "render_and_clean_seconds" not in zensical:
            failed = zensical.get("failed")
            note = "failed" if failed else "—"
            rows.append([f"{result['scale']}x"] + [note] * (len(header) - 1))
            continue
        mkdocs = _mkdocs_seconds(result)
        total = zensical["render_and_clean_seconds"]
        rows.append(
            [
                f"{result['scale']}x",
                "—" if mkdocs is None else f"{mkdocs:,.1f}",
                f"{zensical['render']['seconds']:,.1f}",
                _spread(zensical, "clean"),
                f"{total:,.1f}",
                _spread(zensical, "cached"),
                f"{max(zensical['clean_peak_rss_mib'], zensical['cached_peak_rss_mib']):,.0f}",
                "—" if not mkdocs else f"{total / mkdocs:.2f}",
            ]
        )
    return header, rows


def _mkdocs_seconds(result: dict) -> float | None:
    """The full build's median over the rounds, else its one build."""
    pairs = result.get("pairs") or {}
    if "full_seconds_median" in pairs:
        return pairs["full_seconds_median"]
    step = (result.get("steps") or {}).get("build_full") or {}
    return step.get("seconds") if step.get("returncode") == 0 else None


def _spread(zensical: dict, kind: str) -> str:
    return (
        f"{zensical[f'{kind}_seconds_median']:,.1f} ({zensical[f'{kind}_seconds_min']:,.1f}–"
        f"{zensical[f'{kind}_seconds_max']:,.1f})"
    )
