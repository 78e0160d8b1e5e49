"""The search build's user dictionary for jieba: each line `word [frequency] [tag]`."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from ..errors import Problem, quote
from ..messages import _
from .files import display_path
from .yamlsrc import decode

# A line of the jieba user dictionary: `word [frequency] [tag]`, separated by single spaces.
_DICTIONARY_LINE = re.compile(r"(\S+)(?: ([0-9]+))?(?: ([a-z]+))?\Z")
_MAX_FREQUENCY_DIGITS = 9


class SearchDictionaryCheck:
    """Checking the search dictionary (a part of the loader: CatalogFiles.read_bytes)."""

    def check_search_dictionary(self, path: Path) -> None:
        """The jieba user dictionary: UTF-8, each line `word [frequency] [tag]` (jieba itself
        stops the build with a traceback on a file it cannot read)."""
        if not os.path.lexists(path):
            return
        raw = self.read_bytes(path, "search dictionary")
        if raw is None:
            return
        shown = display_path(path)
        problems: list[Problem] = []
        text = decode(raw, shown, problems)
        self.check.problems.extend(problems)
        if text is None:
            return
        for number, line in enumerate(text.split("\n"), 1):
            line = line.strip(" \t\r\v\f")
            if not line:
                continue
            message = _dictionary_line_problem(line)
            if message:
                self.check.problems.append(Problem(shown, number, "", message))


def _dictionary_line_problem(line: str) -> str | None:
    if "\t" in line:
        return _("the line holds a tab; separate word, frequency and tag with single spaces")
    invisible = next((c for c in line if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")), None)
    if invisible is not None:
        return _(
            "the line holds the invisible character U+{code}; remove it (jieba cannot use "
            "the line)",
            code=f"{ord(invisible):04X}",
        )
    match = _DICTIONARY_LINE.match(line)
    if not match:
        return _(
            "expected 'word [frequency] [tag]' with single spaces between, e.g. '掉线率 "
            "20000 n' (a lowercase tag), got {line}",
            line=quote(line),
        )
    if match.group(2) and len(match.group(2)) > _MAX_FREQUENCY_DIGITS:
        return _(
            "frequency {value} is too large: at most {digits} digits",
            value=quote(match.group(2), 20),
            digits=_MAX_FREQUENCY_DIGITS,
        )
    return None
