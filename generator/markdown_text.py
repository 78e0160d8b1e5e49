"""Catalogue text inside generated Markdown: always data, never markup."""

from __future__ import annotations

import html
import re

# Everything Python-Markdown (with tables) treats as syntax when backslash-escaped.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def escape_markdown(text: object) -> str:
    """`text` as literal inline Markdown: HTML escaped, Markdown punctuation backslashed,
    line breaks flattened so a value cannot end a table row or start a block."""
    value = html.escape(str(text), quote=True)
    value = _MARKDOWN_PUNCTUATION.sub(r"\\\1", value)
    return " ".join(value.split())
