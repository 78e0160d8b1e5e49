"""The Excel download, written by another process while MkDocs renders the pages.

openpyxl takes about as long per position as MkDocs does; on a machine with a second core
that time is hidden instead of added to the build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError


class WorkbookJob:
    """`python -m generator export --format xlsx` of a catalogue, running in the background."""

    def __init__(self, catalog_dir: Path):
        fd, name = tempfile.mkstemp(prefix="catalog-", suffix=".xlsx")
        os.close(fd)
        self.output = Path(name)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "export", str(catalog_dir), "--format", "xlsx",
             "-o", str(self.output)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def finish(self, destination: Path) -> None:
        """Wait for the workbook and move it to `destination`; PluginError if it failed."""
        _, errors = self.process.communicate()
        try:
            if self.process.returncode != 0:
                raise PluginError(f"the Excel download could not be written: {errors.strip()}")
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(self.output, destination)
            os.chmod(destination, 0o644)
        finally:
            self.output.unlink(missing_ok=True)

    def cancel(self) -> None:
        self.process.kill()
        self.process.wait()
        self.output.unlink(missing_ok=True)
