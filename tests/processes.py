"""Helpers for tests that start processes: mkdocs commands, their output as it comes, faults."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

FAULTS = Path(__file__).resolve().parent / "faults"


def with_faults(monkeypatch, **faults: str) -> None:
    """Processes started from here on load tests/faults/sitecustomize.py with `faults` set."""
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(p for p in (str(FAULTS), os.environ.get("PYTHONPATH")) if p)
    )
    for name, value in faults.items():
        monkeypatch.setenv(f"FAULT_{name.upper()}", value)


def mkdocs(*arguments: str, config: Path, **popen) -> subprocess.Popen:
    """`mkdocs <arguments> -f <config>` started in the config's folder, text pipes."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", *arguments, "-f", str(config)],
        cwd=config.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        text=True,
        encoding="utf-8",
        **popen,
    )


class Output:
    """The lines a process writes to a pipe, collected by a thread as they come."""

    def __init__(self, stream) -> None:
        self.lines: list[str] = []
        self.ended = threading.Event()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.append(line.rstrip("\n"))
        self.ended.set()

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def count(self, text: str) -> int:
        return sum(text in line for line in list(self.lines))

    def wait_for(self, text: str, timeout: float, times: int = 1) -> bool:
        """Whether `text` appears in `times` lines within `timeout` seconds (False at the
        end of the output)."""
        deadline = time.monotonic() + timeout
        while self.count(text) < times:
            if self.ended.is_set() or time.monotonic() > deadline:
                return self.count(text) >= times
            time.sleep(0.02)
        return True


def stop(process: subprocess.Popen) -> None:
    """Kill `process` if it still runs, and reap it."""
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)
