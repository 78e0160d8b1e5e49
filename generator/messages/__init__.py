"""HR's messages in the language they work in: Chinese by default, English when asked.

Every message a command or the build shows is written once, in English, as a constant
template: `_("unknown competency {id}", id=quote(cid))`. `_` returns it in the current
language, filled with the values (which are never parsed: braces in a value stay text; a
literal brace in a template is written `{{`). The Chinese of each template is in `zh_*.py`
beside this module, one file per part of the package; tests/test_messages.py checks that
every template has its translation with the same placeholders.

The language is English when `--lang en` is given, or the environment asks for it
(`POSITION_STANDARDS_LANG=en`, or a `LANGUAGE` preference list starting with English);
otherwise Chinese. File names, line numbers and field paths are the same in both.
"""

from __future__ import annotations

import os

from .zh_commands import MESSAGES as _COMMANDS
from .zh_excel import MESSAGES as _EXCEL
from .zh_source import MESSAGES as _SOURCE

LANGUAGES = ("zh", "en")
ZH: dict[str, str] = {**_SOURCE, **_EXCEL, **_COMMANDS}
_chosen: str | None = None


def language() -> str:
    """The language messages are shown in: `zh` or `en`."""
    if _chosen is not None:
        return _chosen
    wanted = os.environ.get("POSITION_STANDARDS_LANG", "").strip().lower()
    if wanted[:2] in LANGUAGES:
        return wanted[:2]
    preference = os.environ.get("LANGUAGE", "").split(":")[0].strip().lower()
    return "en" if preference.startswith("en") else "zh"


def set_language(lang: str | None) -> None:
    """Show messages in `lang` from now on (None: as the environment says)."""
    global _chosen
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGUAGES)}")
    _chosen = lang


def _(template: str, /, **values: object) -> str:
    """`template` in the current language, its `{name}` placeholders filled from `values`."""
    text = ZH.get(template, template) if language() == "zh" else template
    return text.format(**values)
