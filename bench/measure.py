"""Measuring one step in a fresh process: wall time, CPU time, peak memory (its own and of
all its processes together)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024

_RSS_UNIT = 1 if sys.platform == "darwin" else 1024

def run_step(command: list[str], log: Path, timeout: float | None = None,
             env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run `command` from the repo root in a fresh process; its wall and CPU seconds, its
    peak resident memory (ru_maxrss from wait4: the largest of it and the processes it
    waited for, the build's workbook process among them), and on Linux the peak of all its
    processes' memory together (sampled twice a second). Output goes to `log`."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            process.kill()

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        tree = _TreeMemory(process.pid)
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            tree.stop()
            if timer:
                timer.cancel()
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return {
        "command": [Path(a).name if a == sys.executable else a for a in command],
        "returncode": process.returncode,
        "timed_out": timed_out.is_set(),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_mib": round(usage.ru_maxrss * _RSS_UNIT / MIB, 1),
        "peak_tree_rss_mib": tree.peak_mib(),
        "log": str(log),
    }

class _TreeMemory:
    """The largest sum of the resident memory of a process and its descendants, sampled
    from /proc (None where there is no /proc)."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        if Path("/proc/self/stat").exists():
            self.thread.start()

    def _sample(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self.done.wait(self.interval):
            parents: dict[int, int] = {}
            pages: dict[int, int] = {}
            for entry in Path("/proc").iterdir():
                if not entry.name.isdigit():
                    continue
                try:
                    stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                    pages[int(entry.name)] = int((entry / "statm").read_text().split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                parents[int(entry.name)] = int(stat[1])
            tree, found = {self.pid}, True
            while found:
                found = False
                for pid, parent in parents.items():
                    if parent in tree and pid not in tree:
                        tree.add(pid)
                        found = True
            self.peak = max(self.peak, sum(pages.get(pid, 0) for pid in tree) * page)

    def stop(self) -> None:
        self.done.set()

    def peak_mib(self) -> float | None:
        return round(self.peak / MIB, 1) if self.thread.is_alive() or self.peak else None


def ok_step(step: dict | None) -> bool:
    """Whether a step ran to the end and succeeded."""
    return bool(step) and step["returncode"] == 0 and not step["timed_out"]
