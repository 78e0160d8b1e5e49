"""The calculator's JavaScript modules, unit-tested with Node's own runner (tests/js/)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed (CI installs it)")
def test_calculator_modules_pass_their_node_tests():
    result = subprocess.run(
        [NODE, "--test", "tests/js"],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
