"""The names generator/__main__.py imports from here; the round trip lives in its own modules.

Kept until the command line imports them from where they live: write.py (write_workbook),
read.py (read_workbook), plan.py (plan_import and what reports on it), apply.py (apply_import).
"""

from __future__ import annotations

from .apply import apply_import
from .plan import deleted_positions, describe_changes, id_list, plan_import, too_many_deletions
from .read import read_workbook
from .write import workbook_bytes, write_workbook

__all__ = [
    "apply_import",
    "deleted_positions",
    "describe_changes",
    "id_list",
    "plan_import",
    "read_workbook",
    "too_many_deletions",
    "workbook_bytes",
    "write_workbook",
]
