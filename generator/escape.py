"""Catalogue text is data: one function per output context it can land in.

Every value from a catalogue file, a workbook or a calculator link passes through exactly one
of these before it reaches a page, a script, a link or a CSV cell. Templates are code; the
values they are filled with are never parsed as markup, script, a link or a formula.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

# Everything Python-Markdown (with tables) treats as syntax when backslash-escaped; any other
# character keeps a backslash in front of it, visibly.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
# Characters that change how the text around them reads without being visible: bidi
# overrides and isolates (the "Trojan Source" characters), zero-width joiners and spaces.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Control characters other than whitespace: never meant as text, and some end a parser's input.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A spreadsheet reads a cell that starts with one of these as a formula (OWASP CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_SAFE_URL = re.compile(
    r"^(?:https?://|mailto:|[./#?]|[A-Za-z0-9_\-][^:]*(?:[/?#]|$))", re.IGNORECASE
)


def plain_text(text: object) -> str:
    """`text` on one line, without invisible formatting characters."""
    return " ".join(_CONTROL.sub("", INVISIBLE.sub("", str(text))).split())


def html_text(text: object) -> str:
    """`text` as the content of an HTML element."""
    return html.escape(plain_text(text), quote=True)


def html_attribute(text: object) -> str:
    """`text` as the value of a double- or single-quoted HTML attribute."""
    return html.escape(plain_text(text), quote=True)


def nav_title(text: object) -> str:
    """`text` as a nav entry's title: the theme inserts nav titles into pages unescaped."""
    return html_text(text)


def markdown_inline(text: object) -> str:
    """`text` as literal inline Markdown: HTML escaped, Markdown punctuation backslashed,
    line breaks flattened so a value cannot end a table row, start a block or an attr_list."""
    # Quotes stay as they are: an entity here would reach the page title escaped twice.
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(plain_text(text), quote=False))


def script_json(data: Any) -> str:
    """`data` as JSON that is safe inside an inline or classic `<script>`: no `</script>`,
    `<!--` or line separator can end the script or the string it is in."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def safe_url(url: object) -> str:
    """`url` if it is relative or http(s)/mailto, else `#`: no `javascript:` or `data:`."""
    value = plain_text(url).replace(" ", "%20")
    if any(ord(ch) < 32 for ch in value) or not _SAFE_URL.match(value):
        return "#"
    return value


def csv_cell(value: object) -> object:
    """`value` for a CSV cell a spreadsheet will open: text that would start a formula gets a
    leading apostrophe, as OWASP recommends; numbers and empty cells stay as they are."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    return "'" + value
