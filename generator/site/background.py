"""The Excel download, and other whole-catalogue parts of the site (the search index),
written by other processes while MkDocs renders the pages.

openpyxl takes about as long per position as MkDocs does, and the search index half as
long; on a machine with a second core that time is hidden instead of added to the build.
The workbook's process starts when the pages are made; a `PartJob` (the search index)
starts when MkDocs has read every page and goes on while MkDocs writes them.

The second process is handed the catalogue the build loaded (pickled to a file of the
build's own), never the catalogue folder: loading it again could see a file edited in
between, and the download would then not match the pages.

It ends with the build however the build ends: it reads its standard input, a pipe only the
build holds, and exits when that pipe closes, which the operating system does when the build
dies, even by SIGKILL. (A pipe works on every platform; Linux's PR_SET_PDEATHSIG would follow
the thread that started the process rather than the process.)
"""

from __future__ import annotations

import errno
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from ..errors import CatalogError, report_problems
from ..files import write_file
from ..messages import _
from ..model import Catalog

# The second process's exit status when the system refused a write; its stderr holds the errno.
WRITE_FAILED = 3
# Its exit status when the build that started it is gone.
PARENT_GONE = 4


@dataclass
class Part:
    """A part of the site made from the whole catalogue: `function(catalog, folder,
    **options)` writes it under the site folder `folder` and returns a line saying what it
    wrote. `whole` names the folders it writes whole (`mkdocs serve` swaps them in whole)."""

    function: Callable[..., str]
    options: dict[str, Any] = field(default_factory=dict)
    whole: tuple[str, ...] = ()


class WorkbookJob:
    """`python -m generator.site.background` writing the workbook of `catalog`.

    It works in `scratch`, a folder of the build's own (by default a new temporary one).
    """

    def __init__(self, catalog: Catalog, scratch: Path | None = None):
        self.own_scratch = scratch is None
        if scratch is None:
            scratch = Path(tempfile.mkdtemp(prefix="catalog-workbook-"))
        self.scratch = scratch
        self.data = self.scratch / "catalog.pickle"
        self.output = self.scratch / "catalog.xlsx"
        try:
            write_file(self.data, pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "generator.site.background",
                    str(self.data),
                    str(self.output),
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
        except BaseException:
            self._remove_files()
            raise

    def finish(self, destination: Path) -> None:
        """Wait for the workbook and move it to `destination`; PluginError if it failed,
        OSError if the system refused a write."""
        errors = self.process.stderr.read()  # not communicate(): it would close our stdin pipe
        self.process.wait()
        try:
            if self.process.returncode == WRITE_FAILED:
                code = _errno(errors)
                raise OSError(code, os.strerror(code))
            if self.process.returncode != 0:
                raise PluginError(
                    _("the Excel download could not be written: {errors}", errors=errors.strip())
                )
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(self.output, destination)
        finally:
            self._close()

    def cancel(self) -> None:
        """Stop the process and remove what it wrote."""
        self.process.kill()
        self.process.wait()
        self._close()

    def _close(self) -> None:
        self.process.stdin.close()
        self.process.stderr.close()
        self._remove_files()

    def _remove_files(self) -> None:
        if self.own_scratch:
            shutil.rmtree(self.scratch, ignore_errors=True)
        else:
            self.data.unlink(missing_ok=True)
            self.output.unlink(missing_ok=True)


class PartJob:
    """`python -m generator.site.background --part` making `part` from the catalogue the
    workbook's process was handed (`data`), into the site folder `site_dir`."""

    def __init__(self, data: Path, part: Part, site_dir: Path, scratch: Path) -> None:
        fd, name = tempfile.mkstemp(prefix="part-", suffix=".pickle", dir=scratch)
        self.job = Path(name)
        try:
            with os.fdopen(fd, "wb") as file:
                pickle.dump((part, str(site_dir)), file, protocol=pickle.HIGHEST_PROTOCOL)
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "generator.site.background",
                    "--part",
                    str(data),
                    str(self.job),
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        except BaseException:
            self.job.unlink(missing_ok=True)
            raise

    def finish(self) -> list[str]:
        """Wait for the part; the lines it said. PluginError if it failed, OSError if the
        system refused a write."""
        try:
            lines = self.process.stdout.read().splitlines()
            errors = self.process.stderr.read()
            self.process.wait()
            if self.process.returncode == WRITE_FAILED:
                code = _errno(errors)
                raise OSError(code, os.strerror(code))
            if self.process.returncode != 0:
                raise PluginError(errors.strip() or f"exit status {self.process.returncode}")
            return lines
        finally:
            self._close()

    def cancel(self) -> None:
        self.process.kill()
        self.process.wait()
        self._close()

    def _close(self) -> None:
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            stream.close()
        self.job.unlink(missing_ok=True)


def make_part(data: str, job: str) -> int:
    """The part process: the part pickled in file `job`, from the catalogue in file `data`."""
    with open(data, "rb") as file:
        catalog = pickle.load(file)  # written by the build that started this process
    with open(job, "rb") as file:
        part, site_dir = pickle.load(file)
    try:
        print(part.function(catalog, Path(site_dir), **part.options), flush=True)
    except OSError as exc:
        print(exc.errno or errno.EIO, exc.strerror or exc, file=sys.stderr)
        return WRITE_FAILED
    return 0


def _errno(errors: str) -> int:
    """The errno the second process reported as the last line of its stderr."""
    try:
        return int(errors.strip().splitlines()[-1].split()[0])
    except (IndexError, ValueError):
        return errno.EIO


def _exit_when_parent_ends() -> None:
    def watch() -> None:
        # os.read, not sys.stdin: a thread blocked in a buffered read stops Python's shutdown
        while os.read(sys.stdin.fileno(), 4096):
            pass  # the build writes nothing: this returns when its end of the pipe closes
        os._exit(PARENT_GONE)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    """The second process: write the workbook of the catalogue pickled in file `argv[0]` to
    file `argv[1]`."""
    arguments = sys.argv[1:] if argv is None else argv
    _exit_when_parent_ends()
    if arguments[0] == "--part":
        return make_part(*arguments[1:])
    data, output = arguments
    from ..excel.write import workbook_bytes

    with open(data, "rb") as file:
        catalog = pickle.load(file)  # written by the build that started this process
    try:
        write_file(output, workbook_bytes(catalog))
    except CatalogError as exc:  # a text longer than a cell holds: one line each
        report_problems(exc.problems, lambda problem: print(problem, file=sys.stderr))
        return 1
    except OSError as exc:
        print(exc.errno or errno.EIO, exc.strerror or exc, file=sys.stderr)
        return WRITE_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
