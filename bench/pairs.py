"""Full and bare builds in rounds: the plugin's cost as a ratio that one noisy run cannot
make.

A single cold pair says little on a shared two-core machine: the first build of a scale pays
bytecode compilation and jieba's dictionary cache, and other work on the machine comes and
goes. So the benchmark's first full and bare builds (whose sites it measures) are the
warm-up, and then it builds full, bare, and bare without search again `count` times, in turn
(in the reverse order every other round, so a slow phase of the machine falls on every side
alike), each in a fresh process. A ratio reported is the median of the rounds' ratios, with
their min and max; the time of each side is its median, the memory its largest peak.

Two floors, because the site's search is its own (generator/search) while the bare build
runs Material's search with jieba, as the site once did: over that bare build the ratio is
the one the project has always reported; over the bare build without any search it is the
plugin's whole cost (catalogue, pages, history, its own search index, the workbook).
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

import yaml

from .config import ConfigDumper, ConfigLoader, build_command
from .measure import run_step

SEARCH = ("search", "material/search")


def without_search(bare_config: Path) -> Path:
    """The bare build's configuration without any search plugin, beside it: the floor of
    MkDocs and Material alone."""
    with bare_config.open(encoding="utf-8") as file:
        config = yaml.load(file, Loader=ConfigLoader)  # a SafeLoader subclass
    config["plugins"] = [
        p
        for p in config.get("plugins", [])
        if (next(iter(p)) if isinstance(p, dict) else p) not in SEARCH
    ]
    path = bare_config.with_name("mkdocs-no-search.yml")
    path.write_text(
        yaml.dump(config, Dumper=ConfigDumper, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return path


def measure_pairs(
    full_config: Path, bare_config: Path, work: Path, logs: Path, count: int, timeout: float | None
) -> dict[str, Any] | None:
    """`count` rounds of a full, a bare and a bare build without search (after the warm-up
    the caller ran), in turn."""
    if count < 1:
        return None
    sides = {
        "full": full_config,
        "bare": bare_config,
        "bare_no_search": without_search(bare_config),
    }
    steps: dict[str, list[dict]] = {name: [] for name in sides}
    for number in range(count):
        names = list(sides) if number % 2 == 0 else list(sides)[::-1]
        for name in names:
            step = run_step(
                build_command(sides[name], work / f"site-pair-{name}"),
                logs / f"pair-{number + 1}-{name}.log",
                timeout,
            )
            steps[name].append(step)
            if step["returncode"] != 0 or step["timed_out"]:
                return {"failed": step, **steps}
    out: dict[str, Any] = {"pairs": count, **steps}
    for suffix, floor in (("", "bare"), ("_no_search", "bare_no_search")):
        ratios = [f["seconds"] / b["seconds"] for f, b in zip(steps["full"], steps[floor])]
        out[f"ratios{suffix}"] = [round(r, 3) for r in ratios]
        out[f"ratio{suffix}_median"] = round(statistics.median(ratios), 3)
        out[f"ratio{suffix}_min"] = round(min(ratios), 3)
        out[f"ratio{suffix}_max"] = round(max(ratios), 3)
    for name, runs in steps.items():
        out[f"{name}_seconds_median"] = round(statistics.median(s["seconds"] for s in runs), 2)
        out[f"{name}_peak_rss_mib"] = max(s["peak_rss_mib"] for s in runs)
    return out


def _usable(result: dict) -> dict | None:
    pairs = result.get("pairs")
    return pairs if pairs and "ratios" in pairs else None


def build_cell(result: dict, side: str, single: str) -> str:
    """The table's `s / MiB` of one side: the rounds' median and largest peak, else `single`
    (the one build, when no rounds were run)."""
    pairs = _usable(result)
    if pairs is None:
        return single
    return f"{pairs[f'{side}_seconds_median']:,.1f} / {pairs[f'{side}_peak_rss_mib']:,.0f}"


def ratio_cell(result: dict, floor: str = "") -> str:
    """The median ratio and its range (`1.05 (1.01–1.09)`) over the bare build (`floor`
    "_no_search": over the bare build without search), else the one cold pair's ratio."""
    pairs = _usable(result)
    if pairs is not None:
        return (
            f"{pairs[f'ratio{floor}_median']:.2f} ({pairs[f'ratio{floor}_min']:.2f}–"
            f"{pairs[f'ratio{floor}_max']:.2f})"
        )
    single = result.get("full_over_bare")
    return "—" if single is None or floor else f"{single:.2f} (1 cold pair)"
