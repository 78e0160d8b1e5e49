"""The serve loop, run in its own process by the benchmark:

    python -m bench.serve_step CATALOG --position ID --work DIR [--edits N]

starts `mkdocs serve` of the full site of CATALOG (the project's mkdocs.yml, as the full
build has it), waits for its first build and for the search index and downloads, then saves
the position's file N times (its title, and every other time two KPI weights too), each
time measuring the seconds from the write to the changed page being served: the page's URL
is fetched until it shows the new title (MkDocs answers once its rebuild is done). Then one
error (a weight that is not a number): seconds until the page shows it; and its fix. Prints
one JSON line: the times, the rebuild and settle times the server logged, its peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from .config import project_config, write_config
from .measure import ROOT

SETTLED = "search index and downloads updated in"
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
PROBLEMS = 'id="position-catalog-problems"'
# How long to let the settle job run between two edits (HR looks at the page meanwhile).
PAUSE_SECONDS = 20


class Server:
    """`mkdocs serve` with its log lines collected (time, line) as they come."""

    def __init__(self, config: Path, log: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.start = time.perf_counter()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "-a",
                f"127.0.0.1:{self.port}",
                "-f",
                str(config),
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        self.lines: list[tuple[float, str]] = []
        self.log = log.open("w", encoding="utf-8")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.append((time.perf_counter(), line.rstrip("\n")))
            self.log.write(line)
            self.log.flush()

    def wait_for(self, text: str, after: int = 0, timeout: float = 7200) -> int | None:
        """The index of the first line from `after` on holding `text` (None: timed out)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for index in range(after, len(self.lines)):
                if text in self.lines[index][1]:
                    return index
            if self.process.poll() is not None:
                return None
            time.sleep(0.02)
        return None

    def fetch(self, path: str) -> str:
        try:
            with urllib.request.urlopen(self.url + path, timeout=600) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.read().decode("utf-8")

    def peak_rss_mib(self) -> float | None:
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return None
        found = re.search(r"VmHWM:\s+(\d+) kB", status)
        return round(int(found.group(1)) / 1024, 1) if found else None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def served_after(server: Server, path: str, text: str, present: bool = True) -> float:
    """Seconds from now until the page at `path` holds `text` (or no longer holds it)."""
    start = time.perf_counter()
    while (text in server.fetch(path)) != present:
        time.sleep(0.02)
    return time.perf_counter() - start


def set_weights(text: str, weights: list[int]) -> str:
    """`text` with its first KPI weights set to `weights`."""
    found = iter(weights)
    return re.sub(
        r"^    weight: \d+$",
        lambda m: f"    weight: {next(found)}",
        text,
        count=len(weights),
        flags=re.MULTILINE,
    )


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    if old not in text:
        raise SystemExit(f"{path}: {old!r} not found")
    path.write_text(text.replace(old, new, 1), "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serve_step")
    parser.add_argument("catalog", type=Path)
    parser.add_argument("--position", required=True, help="the position whose file is saved")
    parser.add_argument("--work", type=Path, required=True, help="folder for mkdocs.yml, log")
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args(argv)

    docs = ROOT / project_config().get("docs_dir", "docs")
    config = write_config(args.work / "serve" / "mkdocs.yml", docs, args.catalog)
    file = next(args.catalog.glob(f"departments/*/{args.position}.yaml"))
    page = f"departments/{file.parent.name}/{args.position}/"
    text = file.read_text("utf-8")
    title = re.search(r"^title: (.+)$", text, re.MULTILINE).group(1)
    weights = [int(w) for w in re.findall(r"^    weight: (\d+)$", text, re.MULTILINE)]
    server = Server(config, args.work / "serve.log")
    result: dict = {"edits": [], "page": page}
    try:
        ready = server.wait_for("Serving on")
        if ready is None:
            raise SystemExit("mkdocs serve did not start; see " + str(args.work / "serve.log"))
        result["first_build_seconds"] = round(server.lines[ready][0] - server.start, 2)
        settled = server.wait_for(SETTLED, ready)
        result["first_settle_seconds"] = (
            round(server.lines[settled][0] - server.lines[ready][0], 2)
            if settled is not None
            else None
        )
        for number in range(1, args.edits + 1):
            seen = len(server.lines)
            new = f"{title}（第{number}次修改）"
            text = re.sub(
                r"^title: .+$",
                f"title: {new}",
                file.read_text("utf-8"),
                count=1,
                flags=re.MULTILINE,
            )
            if number % 2 and len(weights) >= 2 and weights[1] > 5:  # two weights, total kept
                weights = [weights[0] + 5, weights[1] - 5, *weights[2:]]
                text = set_weights(text, weights[:2])
            file.write_text(text, "utf-8")  # one write, as an editor saves
            seconds = served_after(server, page, new)
            built = server.wait_for("Documentation built in", seen, timeout=60)
            rebuild = BUILT.search(server.lines[built][1]) if built is not None else None
            result["edits"].append(
                {
                    "served_seconds": round(seconds, 2),
                    "rebuild_seconds": float(rebuild.group(1)) if rebuild else None,
                }
            )
            server.wait_for(SETTLED, seen, timeout=PAUSE_SECONDS)
        rewrite(file, f"    weight: {weights[0]}", "    weight: 二十")
        result["error_shown_seconds"] = round(served_after(server, page, PROBLEMS), 2)
        rewrite(file, "    weight: 二十", f"    weight: {weights[0]}")
        result["error_fixed_seconds"] = round(served_after(server, page, PROBLEMS, False), 2)
        result["peak_rss_mib"] = server.peak_rss_mib()
        settle_lines = [
            float(m.group(1))
            for _, line in server.lines
            if (m := re.search(re.escape(SETTLED) + r" ([\d.]+) s", line))
        ]
        result["settle_job_seconds"] = settle_lines
    finally:
        server.stop()
    times = [e["served_seconds"] for e in result["edits"]]
    if times:
        result["served_median_seconds"] = round(statistics.median(times), 2)
        result["served_min_seconds"], result["served_max_seconds"] = min(times), max(times)
    json.dump(result, sys.stdout, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())


def table_rows(results: dict) -> tuple[list[str], list[list[str]]]:
    """The serve loop at each scale: the header and rows of its table."""
    header = [
        "scale",
        "first build s",
        "edit → page served s",
        "rebuild s",
        "error shown s",
        "fixed s",
        "index + downloads s",
        "serve peak MiB",
    ]
    rows = []
    for result in results["scales"]:
        step = (result.get("steps") or {}).get("serve") or {}
        serve = step.get("phases") or {}
        if not serve:
            rows.append([f"{result['scale']}x"] + ["—"] * (len(header) - 1))
            continue
        rebuilds = [e["rebuild_seconds"] for e in serve["edits"] if e["rebuild_seconds"]]
        settle = serve.get("settle_job_seconds") or []
        served = (
            f"{serve['served_median_seconds']:.2f} ({serve['served_min_seconds']:.2f}–"
            f"{serve['served_max_seconds']:.2f})"
        )
        rows.append(
            [
                f"{result['scale']}x",
                f"{serve['first_build_seconds']:.1f}",
                served,
                f"{statistics.median(rebuilds):.2f}" if rebuilds else "—",
                f"{serve['error_shown_seconds']:.2f}",
                f"{serve['error_fixed_seconds']:.2f}",
                f"{max(settle):.1f}" if settle else "—",
                f"{serve['peak_rss_mib']:,.0f}" if serve.get("peak_rss_mib") else "—",
            ]
        )
    return header, rows
