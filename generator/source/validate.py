"""Parsed catalogue files -> the model, collecting every problem on the way.

Each check runs on the parts of a file that are well-formed, even when other parts are not
(`Source.shaped`), so one run reports every problem. The model is built only from a file
without errors; for the cross-checks of other files a company or vocabulary with broken parts
is given with stand-ins for those parts (the catalogue is never built from it).

The checks live in one module per file kind: company.py, vocabulary.py, position.py (with
slots.py), on the shared helpers of checker.py; this module names what the others use.
"""

from __future__ import annotations

from .checker import RESERVED_NAMES, SAFE_ID, Checker, did_you_mean, reserved_name_problem, value
from .company import build_company
from .position import WEIGHT_TOTAL, build_position
from .vocabulary import build_vocabulary

__all__ = [
    "RESERVED_NAMES",
    "SAFE_ID",
    "WEIGHT_TOTAL",
    "Checker",
    "build_company",
    "build_position",
    "build_vocabulary",
    "did_you_mean",
    "reserved_name_problem",
    "value",
]
