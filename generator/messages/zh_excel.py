"""Chinese of the messages of excel/, scales.py and numbers.py (the Excel round trip):
English template -> Chinese template, with the same placeholders."""

from __future__ import annotations

MESSAGES: dict[str, str] = {}
