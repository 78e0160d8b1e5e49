"""Chinese of the messages of cli/, scoring/, versions/, site/, the plugins and render.py:
English template -> Chinese template, with the same placeholders."""

from __future__ import annotations

MESSAGES: dict[str, str] = {}
