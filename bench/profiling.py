"""A cProfile of a build, summed by package."""

from __future__ import annotations

import os
import pstats
from pathlib import Path
from typing import Any

from .measure import ROOT

PACKAGES = {"generator": f"{os.sep}generator{os.sep}", "material": f"{os.sep}material{os.sep}",
            "mkdocs": f"{os.sep}mkdocs{os.sep}", "markdown": f"{os.sep}markdown{os.sep}",
            "pymdownx": f"{os.sep}pymdownx{os.sep}", "jinja2": f"{os.sep}jinja2{os.sep}",
            "jieba": f"{os.sep}jieba{os.sep}", "yaml": f"{os.sep}yaml{os.sep}",
            "jsonschema": f"{os.sep}jsonschema", "<templates>": "<template>"}


def package_of(filename: str) -> str:
    for name, marker in PACKAGES.items():
        if marker in filename:
            return name
    if filename.startswith(("~", "<")):
        return "builtins"
    return "python stdlib / other"


def profile_summary(path: Path, top: int = 15) -> dict[str, Any]:
    """Self time by package, and the top cumulative entries overall and of our code."""
    stats = pstats.Stats(str(path))
    total = stats.total_tt  # type: ignore[attr-defined]
    by_package: dict[str, float] = {}
    entries = []
    for (filename, line, function), (_, calls, self_time, cumulative, _) in \
            stats.stats.items():  # type: ignore[attr-defined]
        package = package_of(filename)
        by_package[package] = by_package.get(package, 0.0) + self_time
        entries.append({"function": f"{_short(filename)}:{line}({function})", "package": package,
                        "calls": calls, "self_seconds": round(self_time, 3),
                        "cumulative_seconds": round(cumulative, 3)})
    entries.sort(key=lambda e: -e["cumulative_seconds"])
    return {
        "total_seconds": round(total, 3),
        "self_seconds_by_package": {k: round(v, 3) for k, v in
                                    sorted(by_package.items(), key=lambda kv: -kv[1])},
        "top_cumulative": entries[:top],
        "top_cumulative_generator": [e for e in entries if e["package"] == "generator"][:top],
        "top_self": sorted(entries, key=lambda e: -e["self_seconds"])[:top],
    }


def _short(filename: str) -> str:
    for marker in ("site-packages" + os.sep, str(ROOT) + os.sep):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename
