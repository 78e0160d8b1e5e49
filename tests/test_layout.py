"""The code stays in small modules: none over 350 lines, in Python or in the browser's
scripts (the benchmark included), so each can be read whole. Vendored third-party code
(docs/assets/vendor/) is not ours to split."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 350
MODULES = sorted(
    path
    for path in [
        *(ROOT / "generator").rglob("*.py"),
        *(ROOT / "bench").rglob("*.py"),
        *(ROOT / "docs" / "assets").rglob("*.js"),
    ]
    if "vendor" not in path.relative_to(ROOT).parts
)


def test_the_modules_are_found():
    names = {path.relative_to(ROOT).as_posix() for path in MODULES}
    assert {"generator/plugin.py", "bench/__main__.py", "docs/assets/calculator/app.js"} <= names


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_no_module_is_over_the_limit(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= LIMIT, f"{path.relative_to(ROOT)}: {lines} lines"
