"""Faults for tests of whole processes: Python imports this at start-up when this folder is on
PYTHONPATH, in the build and in every process it starts.

FAULT_FULL_DISK=<glob>: opening a matching path for writing fails as on a full disk (ENOSPC).
FAULT_HANG=<glob>: opening a matching path for writing blocks for ten minutes (a stuck disk).
"""

from __future__ import annotations

import builtins
import errno
import fnmatch
import io
import os
import time

FULL_DISK = os.environ.get("FAULT_FULL_DISK")
HANG = os.environ.get("FAULT_HANG")


def _with_faults(real_open):
    def faulty_open(file, mode="r", *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)) and set(mode) & set("wax+"):
            path = os.fsdecode(file)
            if FULL_DISK and fnmatch.fnmatch(path, FULL_DISK):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)
            if HANG and fnmatch.fnmatch(path, HANG):
                time.sleep(600)
        return real_open(file, mode, *args, **kwargs)

    return faulty_open


if FULL_DISK or HANG:
    builtins.open = io.open = _with_faults(io.open)
