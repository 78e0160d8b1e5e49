"""python -m generator: the command line (one module per command in generator/cli/)."""

from __future__ import annotations

import sys

from .cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main(prog="python -m generator"))
