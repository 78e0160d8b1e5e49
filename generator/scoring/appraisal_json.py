"""Appraisals from a JSON file (the calculator's download), its bounds checked before parsing."""

from __future__ import annotations

import json
import re
from typing import Any

from ..messages import _
from ..model import Catalog
from . import bounds
from .appraisal import META, Appraisal, _closest, _quoted, _Refused
from .bounds import _too_many_rows

# A JSON text, bracket, comma or number: enough to measure nesting and sizes before parsing.
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{},]|-?[0-9][0-9.eE+-]*')


def _from_json(text: str, catalog: Catalog) -> list[Appraisal]:
    _check_json_bounds(text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Refused(
            _(
                "not valid JSON (line {line}, column {column}: {reason})",
                line=exc.lineno,
                column=exc.colno,
                reason=exc.msg,
            )
        ) from None
    items = data if isinstance(data, list) else [data]
    known = {c.id for c in catalog.competencies}
    return [_json_appraisal(number, item, known) for number, item in enumerate(items, 1)]


def _check_json_bounds(text: str) -> None:
    """Refuse nesting, texts, numbers and lists beyond the bounds; `row` is the appraisal."""
    commas: list[int] = []  # per open bracket, the commas seen in it so far
    top_list = text.lstrip()[:1] == "["
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        kind = token[0]
        row = commas[0] + 1 if top_list and commas else 1
        if kind in "[{":
            commas.append(0)
            if len(commas) > bounds.MAX_NESTING:
                raise _Refused(
                    _(
                        "brackets nested deeper than the limit of {limit} levels",
                        limit=bounds.MAX_NESTING,
                    ),
                    row,
                )
        elif kind in "]}":
            if commas:
                commas.pop()
        elif kind == ",":
            if not commas:
                continue
            commas[-1] += 1
            if top_list and len(commas) == 1:
                if commas[0] + 1 > bounds.MAX_ROWS:
                    raise _Refused(_too_many_rows(), commas[0] + 1)
            elif commas[-1] + 1 > bounds.MAX_COLUMNS:
                raise _Refused(
                    _(
                        "a list or object of more than the limit of {limit} values",
                        limit=f"{bounds.MAX_COLUMNS:,}",
                    ),
                    row,
                )
        elif kind == '"':
            if (
                len(token) - 2 > bounds.MAX_CELL_CHARS
                and _text_length(token) > bounds.MAX_CELL_CHARS
            ):
                raise _Refused(
                    _(
                        "a text longer than the limit of {limit} characters",
                        limit=f"{bounds.MAX_CELL_CHARS:,}",
                    ),
                    row,
                )
        elif len(token) > bounds.MAX_NUMBER_CHARS:
            raise _Refused(
                _(
                    "a number longer than the limit of {limit} characters",
                    limit=bounds.MAX_NUMBER_CHARS,
                ),
                row,
            )


def _text_length(token: str) -> int:
    """The length of a JSON text token once its escapes (`\\u5f20` is one character) are read."""
    try:
        return len(json.loads(token))
    except ValueError:  # a bad escape: json.loads reports it properly later
        return len(token) - 2


def _json_appraisal(number: int, item: Any, known: set[str]) -> Appraisal:
    if not isinstance(item, dict):
        return Appraisal(number, {}, [_("an appraisal must be a JSON object")])
    problems: list[str] = []
    data: dict[str, Any] = {}
    for key in META:
        value = item.get(key)
        if value is None or isinstance(value, str):
            data[key] = (value or "").strip()
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            data[key] = str(value)
        else:
            problems.append(_("{key}: expected text, got {kind}", key=key, kind=_kind(value)))
            data[key] = None  # None: not read, so not also reported as an unknown position
    kpis = item.get("kpis")
    if kpis is not None and not isinstance(kpis, list):
        problems.append(
            _('kpis: expected a list such as [{{"points": 4}}], got {kind}', kind=_kind(kpis))
        )
    data["kpis"] = kpis if isinstance(kpis, list) else []
    ratings = item.get("ratings")
    if ratings is not None and not isinstance(ratings, dict):
        problems.append(
            _(
                'ratings: expected an object such as {{"teamwork": 4}}, got {kind}',
                kind=_kind(ratings),
            )
        )
    data["ratings"] = ratings if isinstance(ratings, dict) else {}
    for competency_id in data["ratings"]:
        if competency_id not in known:
            close = _closest(competency_id, known)
            problems.append(
                _(
                    "ratings: unknown competency {id} (did you mean {close}?)",
                    id=_quoted(competency_id),
                    close=f"'{close}'",
                )
                if close
                else _("ratings: unknown competency {id}", id=_quoted(competency_id))
            )
    return Appraisal(number, data, problems)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"  # JSON's own words, in either language
    return (
        _("an object")
        if isinstance(value, dict)
        else _("a list")
        if isinstance(value, list)
        else _("text")
        if isinstance(value, str)
        else _("a number")
    )
