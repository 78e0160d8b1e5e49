"""What a `mkdocs serve` rebuild leaves until the edits settle: the search index and the
whole-catalogue downloads (JSON, Excel), which depend on every position and together take
longer than the rest of a rebuild at 100x (openpyxl alone takes as long per position as
MkDocs does).

After a rebuild, a `SettleJob` waits a moment, then hands the catalogue the build loaded
(pickled, so the files match the pages even if a file is saved meanwhile) to a second,
lower-priority process, which writes each part into a folder of its own and moves it into
the site whole. The next rebuild cancels the job (the process is killed: nothing it had not
moved in is left). A request for a download while the job runs waits for it.

The second process ends with the server however the server ends: it reads its standard
input, a pipe only the server holds (as the build's workbook process does).
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..model import Catalog
from ..render import CATALOG_JSON, CATALOG_XLSX
from ..site.background import Part

log = logging.getLogger("mkdocs.plugins.position-catalog")

# Seconds without a new rebuild before the job starts: saving again soon is common.
SETTLE_SECONDS = 1.0
# The site's files the job writes (MkDocs never does, in `mkdocs serve`).
DOWNLOADS = (CATALOG_JSON, CATALOG_XLSX)


@dataclass
class Job:
    catalog: Catalog
    site_dir: str
    parts: list[Part]


def write_downloads(catalog: Catalog, folder: Path, workbook: bool = True) -> str:
    """The whole-catalogue downloads: JSON, and the Excel workbook."""
    from ..export import catalog_to_data, to_json
    from ..files import write_file

    start = time.perf_counter()
    write_file(folder / CATALOG_JSON, to_json(catalog_to_data(catalog), compact=True))
    if workbook:
        from ..errors import CatalogError
        from ..excel.write import workbook_bytes

        try:
            write_file(folder / CATALOG_XLSX, workbook_bytes(catalog))
        except CatalogError as exc:  # a text longer than a cell holds: the old one stays
            problems = "; ".join(str(p) for p in exc.problems)
            return f"the Excel download could not be written: {problems}"
    return f"downloads written in {time.perf_counter() - start:.1f} s"


class SettleJob:
    """The settle work of one rebuild; `cancel()` it when the next one starts."""

    def __init__(
        self, job: Job, on_done: Callable[[], None] = lambda: None, delay: float = SETTLE_SECONDS
    ) -> None:
        self.job = job
        self.delay = delay
        self.on_done = on_done
        self.cancelled = threading.Event()
        self.done = threading.Event()
        self.lock = threading.Lock()
        self.process: subprocess.Popen | None = None
        self.thread = threading.Thread(target=self._run, name="settle", daemon=True)
        self.thread.start()

    def cancel(self) -> None:
        with self.lock:
            self.cancelled.set()
            if self.process is not None and self.process.poll() is None:
                self.process.kill()
                self.process.wait()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the job has finished or was cancelled; whether it has."""
        return self.done.wait(timeout)

    def _run(self) -> None:
        data = None
        try:
            if self.cancelled.wait(self.delay):
                return
            gc.collect()  # what the rebuilds left (the server's Rebuilder does not collect)
            if self.cancelled.is_set():  # the next rebuild began meanwhile
                return
            start = time.perf_counter()
            fd, name = tempfile.mkstemp(prefix="catalog-settle-", suffix=".pickle")
            data = Path(name)
            with os.fdopen(fd, "wb") as file:
                pickle.dump(self.job, file, protocol=pickle.HIGHEST_PROTOCOL)
            with self.lock:
                if self.cancelled.is_set():
                    return
                for left in Path(self.job.site_dir).glob(".settle-*"):  # by a killed job
                    shutil.rmtree(left, ignore_errors=True)
                self.process = subprocess.Popen(
                    [sys.executable, "-m", "generator.serve.settle", str(data)],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    encoding="utf-8",
                )
            for line in self.process.stdout:  # each part as it is written
                log.info(line.rstrip("\n"))
            errors = self.process.stderr.read()
            self.process.wait()
            if self.cancelled.is_set():
                return
            if self.process.returncode != 0:
                for line in errors.strip().splitlines() or ["(no message)"]:
                    log.error(f"search index and downloads: {line}")
            else:
                log.info(
                    f"search index and downloads updated in {time.perf_counter() - start:.1f} s"
                )
        except Exception:  # a bug: say so, the server goes on
            log.exception("the search index and downloads could not be updated")
        finally:
            if self.process is not None:
                for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                    stream.close()
            if data is not None:
                data.unlink(missing_ok=True)
            self.done.set()
            self.on_done()


def install(built: Path, site: Path, whole: set[str], relative: str = "") -> None:
    """Move what is under `built` into `site`: files replace files; a folder named in `whole`
    (relative to the site) replaces the site's folder whole."""
    for entry in sorted(built.iterdir()):
        name = f"{relative}{entry.name}"
        target = site / entry.name
        if entry.is_dir() and name not in whole and target.is_dir():
            install(entry, target, whole, f"{name}/")
        elif entry.is_dir() and target.exists():
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
            target.rename(old)
            entry.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            site.mkdir(parents=True, exist_ok=True)
            os.replace(entry, target)


def main(argv: list[str] | None = None) -> int:
    """The second process: do the job pickled in file `argv[0]`."""
    from ..site.background import WRITE_FAILED, _exit_when_parent_ends

    (data,) = sys.argv[1:] if argv is None else argv
    _exit_when_parent_ends()
    if hasattr(os, "nice"):
        os.nice(10)  # the next rebuild comes first
    with open(data, "rb") as file:
        job: Job = pickle.load(file)  # written by the server that started this process
    site = Path(job.site_dir)
    try:
        for part in job.parts:
            built = Path(tempfile.mkdtemp(prefix=".settle-", dir=site))
            try:
                line = part.function(job.catalog, built, **part.options)
                install(built, site, set(part.whole))
            finally:
                shutil.rmtree(built, ignore_errors=True)
            print(line, flush=True)
    except OSError as exc:
        print(f"cannot write the site to {site}: {exc.strerror or exc}", file=sys.stderr)
        return WRITE_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
