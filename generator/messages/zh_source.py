"""Chinese of the messages of catalog.py, errors.py and source/ (reading and checking the files):
English template -> Chinese template, with the same placeholders."""

from __future__ import annotations

MESSAGES: dict[str, str] = {}
