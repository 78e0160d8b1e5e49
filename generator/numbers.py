"""Numbers as people read them, and numbers read from what people typed."""

from __future__ import annotations

import math
import re
import unicodedata

# A typed number: 30, -2.5, .5, 5., 1e3, in any script's digits (as float() reads them);
# no thousands separators, no inf or nan.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def format_number(value: float) -> str:
    """A weight or threshold shown to people (pages, messages, change texts): 30, not 30.0;
    12.5 as is."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def number_as_typed(value: float) -> str:
    """The text a spreadsheet turned into the number `value`: 30 as '30', 27.5 as '27.5', the
    float's rounding noise (0.30000000000000004) dropped."""
    value = round(value, 10)
    return str(int(value)) if float(value).is_integer() else str(value)


def parse_number_text(text: str, units: str = "%") -> int | float | None:
    """The number typed in `text` (a cell, a CSV field, a tier of a scale), or None.

    Full-width characters count as their ASCII forms and a trailing unit of `units` is
    dropped (`95%` is 95). Whole numbers typed without a point are ints, others floats:
    `30.0` stays a float, so a value written back reads as it was. A number too large for a
    float (`1e400`) is None.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if units:
        cleaned = cleaned.rstrip(units).strip()
    if not _NUMBER.fullmatch(cleaned):
        return None
    value = float(cleaned)
    if not math.isfinite(value):
        return None
    return int(value) if value.is_integer() and "." not in cleaned else value
