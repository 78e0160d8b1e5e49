"""Score many appraisals at once (CSV or JSON in, CSV out) for HR."""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..escape import csv_cell, plain_text
from ..export import position_to_data, scoring_to_data
from ..files import read_at_most, system_reason
from ..messages import _
from ..model import GROUPS, Catalog, Position
from .score import score

# What `score` reads is bounded, so that a broken or hostile file costs little: each bound is
# checked before what it bounds is held in memory, and the message names the one hit.
MAX_FILE_BYTES = 16 * 1024 * 1024  # ~20,000 calculator downloads as saved (indented JSON)
MAX_ROWS = 100_000  # appraisals in one file
MAX_COLUMNS = 10_000  # columns of a CSV; values in one JSON list or object
MAX_CELL_CHARS = 10_000  # characters of one CSV cell or one JSON text
MAX_NUMBER_CHARS = 32  # characters of one number
MAX_NESTING = 20  # levels of JSON brackets (the calculator's download has 5)

# What scoring's error codes say about an entry (`where`: kpi2 (回款率), or a competency id):
# an entry that is wrong, and one that is only not complete.
ERROR_TEXT = {
    "not-a-number": lambda where: _("{where}: is not a number", where=where),
    "not-whole": lambda where: _("{where}: is not a whole number of points", where=where),
    "out-of-range": lambda where: _("{where}: is outside the point scale", where=where),
    "unknown-level": lambda where: _(
        "{where}: is not a level of the satisfaction scale", where=where
    ),
    "invalid": lambda where: _("{where}: cannot be read", where=where),
}
INCOMPLETE_TEXT = {
    "missing": lambda where: _("{where}: not entered", where=where),
    "lost-threshold": lambda where: _(
        "{where}: the source lost this tier's threshold: enter the points by hand", where=where
    ),
    "below-tiers": lambda where: _(
        "{where}: below the scale's tiers: enter the points by hand", where=where
    ),
}
OUTPUT_COLUMNS = [
    "row",
    "position",
    "title",
    "employee",
    "rater",
    "period",
    "kpi_on5",
    "kpi_on100",
    "ability_on5",
    "ability_on100",
    "overall",
    "grade",
    "complete",
    "warnings",
    "problems",
]
META = ("position", "employee", "rater", "period")
# Columns of the calculator's team export (团队考核 → 导出 CSV) that scoring does not read: the
# position's title and department, the catalogue version, the monthly completion (scored on
# its own), and the results the calculator showed, which are scored again here.
CALCULATOR_COLUMNS = frozenset(
    {
        "title",
        "department",
        "version",
        "monthly",
        "kpi_on5",
        "kpi_on100",
        *(f"{group}_on5" for group in GROUPS),
        "ability_on5",
        "ability_on100",
        "overall",
        "grade",
        "complete",
    }
)


@dataclass
class Appraisal:
    """One input row: where it came from and what it says."""

    row: int
    data: dict[str, Any]
    problems: list[str] = field(default_factory=list)
    kpi_columns: dict[int, dict[str, Any]] | None = None  # CSV: KPI number (from 1) -> entry


class AppraisalFileError(Exception):
    """The file cannot be scored at all; the message is one line naming it (and the row)."""


class _Refused(Exception):
    """A bound was hit or the file is unreadable: at `row`, or (None) the file as a whole."""

    def __init__(self, message: str, row: int | None = None):
        super().__init__(message)
        self.message, self.row = message, row


def read_appraisals(path: Path, catalog: Catalog) -> list[Appraisal]:
    """The appraisals in a .json or .csv file; unreadable values become row problems.

    Raises AppraisalFileError if the file cannot be read or exceeds a bound (MAX_...).
    """
    try:
        data = _read_bytes(path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise _Refused(
                _(
                    "not UTF-8 text (byte 0x{byte} on line {line}); save the file as "
                    "UTF-8 (in Excel: CSV UTF-8)",
                    byte=f"{data[exc.start]:02x}",
                    line=line,
                )
            ) from None
        if path.suffix.lower() == ".json":
            return _from_json(text, catalog)
        return _from_csv(text, catalog)
    except _Refused as exc:
        if exc.row is None:
            raise AppraisalFileError(
                _("{file}: cannot read appraisals: {reason}", file=path, reason=exc.message)
            ) from None
        raise AppraisalFileError(
            _(
                "{file}: row {row}: {reason}; nothing was scored",
                file=path,
                row=exc.row,
                reason=exc.message,
            )
        ) from None


def _read_bytes(path: Path) -> bytes:
    limit, mebibytes = f"{MAX_FILE_BYTES:,}", f"{MAX_FILE_BYTES / 2**20:g}"
    try:
        if path.is_dir():
            raise _Refused(_("a folder, not a file"))
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _Refused(
                _(
                    "the file has {size} bytes, more than the limit of {limit} ({mebibytes} MiB)",
                    size=f"{size:,}",
                    limit=limit,
                    mebibytes=mebibytes,
                )
            )
        with path.open("rb") as handle:
            data = read_at_most(handle, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise _Refused(_("no such file")) from None
    except OSError as exc:
        raise _Refused(system_reason(exc)) from None
    if data is None:
        raise _Refused(
            _(
                "the file has more bytes than the limit of {limit} ({mebibytes} MiB)",
                limit=limit,
                mebibytes=mebibytes,
            )
        )
    return data


# ------------------------------------------------------------------------------------ JSON

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
            if len(commas) > MAX_NESTING:
                raise _Refused(
                    _("brackets nested deeper than the limit of {limit} levels", limit=MAX_NESTING),
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
                if commas[0] + 1 > MAX_ROWS:
                    raise _Refused(_too_many_rows(), commas[0] + 1)
            elif commas[-1] + 1 > MAX_COLUMNS:
                raise _Refused(
                    _(
                        "a list or object of more than the limit of {limit} values",
                        limit=f"{MAX_COLUMNS:,}",
                    ),
                    row,
                )
        elif kind == '"':
            if len(token) - 2 > MAX_CELL_CHARS and _text_length(token) > MAX_CELL_CHARS:
                raise _Refused(
                    _(
                        "a text longer than the limit of {limit} characters",
                        limit=f"{MAX_CELL_CHARS:,}",
                    ),
                    row,
                )
        elif len(token) > MAX_NUMBER_CHARS:
            raise _Refused(
                _("a number longer than the limit of {limit} characters", limit=MAX_NUMBER_CHARS),
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


# ------------------------------------------------------------------------------------- CSV

_KPI_COLUMN = re.compile(r"kpi([0-9]{1,18})(_actual)?")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _from_csv(text: str, catalog: Catalog) -> list[Appraisal]:
    records = _csv_records(text)
    header = next(records, None)
    if header is None:
        return []
    columns = [name.strip() for name in header[1]]
    seen: dict[str, int] = {}
    for index, name in enumerate(columns):
        if len(name) > MAX_CELL_CHARS:
            raise _Refused(_too_long(), 1)
        if name and name in seen:
            raise _Refused(
                _(
                    "column {name} appears twice (columns {first} and {second})",
                    name=_quoted(name),
                    first=seen[name] + 1,
                    second=index + 1,
                ),
                1,
            )
        seen.setdefault(name, index)
    if "position" not in seen:
        raise _Refused(
            _(
                "no 'position' column; the first row names the columns: position, "
                "employee, rater, period, kpi1, kpi1_actual, …, then competency ids"
            ),
            1,
        )
    known = {c.id for c in catalog.competencies}
    out: list[Appraisal] = []
    for number, cells in records:
        for index, cell in enumerate(cells):
            if len(cell) > MAX_CELL_CHARS:
                name = columns[index] if index < len(columns) else ""
                raise _Refused(_too_long(name), number)
        if not any(cell.strip() for cell in cells):
            continue  # an empty row, as spreadsheets leave them
        if len(out) >= MAX_ROWS:
            raise _Refused(_too_many_rows(), number)
        out.append(_csv_appraisal(number, columns, seen, cells, known))
    return out


def _too_long(column: str = "") -> str:
    limit = f"{MAX_CELL_CHARS:,}"
    if column:
        return _(
            "{column}: a cell longer than the limit of {limit} characters",
            column=column,
            limit=limit,
        )
    return _("a cell longer than the limit of {limit} characters", limit=limit)


def _too_many_rows() -> str:
    return _(
        "more than the limit of {limit} appraisals in one file; split the file",
        limit=f"{MAX_ROWS:,}",
    )


def _csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of each record; the header is row 1, as in a spreadsheet."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    number = 0
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):  # csv's own bound, above ours
                raise _Refused(_too_long(), number) from None
            raise _Refused(_("cannot read the CSV: {reason}", reason=exc), number) from None
        if len(cells) > MAX_COLUMNS:
            raise _Refused(
                _(
                    "{count} columns, more than the limit of {limit}",
                    count=f"{len(cells):,}",
                    limit=f"{MAX_COLUMNS:,}",
                ),
                number,
            )
        yield number, cells


def _csv_appraisal(
    number: int, columns: list[str], index: dict[str, int], cells: list[str], known: set[str]
) -> Appraisal:
    problems: list[str] = []
    kpis: dict[int, dict[str, Any]] = {}
    ratings: dict[str, Any] = {}
    if any(cell.strip() for cell in cells[len(columns) :]):
        problems.append(_("more cells than header columns"))
    for column, raw in zip(columns, cells):
        value = raw.strip()
        if column in META or column in CALCULATOR_COLUMNS or value == "":
            continue
        match = _KPI_COLUMN.fullmatch(column)
        kpi = int(match[1]) if match else 0
        if match and kpi == 0:
            problems.append(
                _("unknown column {name} (KPIs are numbered from kpi1)", name=_quoted(column))
            )
        elif match:
            entry = kpis.setdefault(kpi, {})
            read = _number(value, column, number)
            if match[2]:
                entry["level" if read is None else "actual"] = value if read is None else read
            else:
                entry["points"] = value if read is None else read
        elif column in known:
            read = _number(value, column, number)
            ratings[column] = value if read is None else read
        else:
            problems.append(_("unknown column {name}", name=_quoted(column)))
    data: dict[str, Any] = {
        key: cells[index[key]].strip() if index.get(key, len(cells)) < len(cells) else ""
        for key in META
    }
    data["ratings"] = ratings
    return Appraisal(number, data, problems, kpis)


def _number(text: str, column: str, row: int) -> float | int | None:
    """A cell's number (`95%` is 95), or None if it is not one; refused if too long."""
    cleaned = unicodedata.normalize("NFKC", text).strip().rstrip("%‰").strip()
    if not _NUMBER.fullmatch(cleaned):
        return None
    if len(cleaned) > MAX_NUMBER_CHARS:
        raise _Refused(
            _(
                "{column}: a number longer than the limit of {limit} characters",
                column=column,
                limit=MAX_NUMBER_CHARS,
            ),
            row,
        )
    value = float(cleaned)
    return int(value) if value.is_integer() and "." not in cleaned else value


def _quoted(text: str, limit: int = 60) -> str:
    """`text` in quotes for a one-line message: on one line, and shortened."""
    text = plain_text(text)
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


def _closest(word: str, choices: set[str]) -> str | None:
    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return close[0] if close else None


def _joined(problems: list[str]) -> str:
    """A row's problems in one cell and one line."""
    return _("; ").join(problems)


# --------------------------------------------------------------------------------- scoring


def score_appraisals(catalog: Catalog, appraisals: list[Appraisal]) -> list[dict[str, Any]]:
    """One output row per appraisal; bad rows (`bad` set) carry their problems, no result."""
    positions = {p.id: p for p in catalog.positions()}
    scoring = scoring_to_data(catalog.company.scoring)
    rows = []
    for appraisal in appraisals:
        data = appraisal.data
        position = positions.get(data.get("position") or "")
        out: dict[str, Any] = {"row": appraisal.row, **{k: data.get(k) for k in META}}
        problems = list(appraisal.problems)
        if position is None and data.get("position") is not None:
            problems.append(
                _("unknown position {id}", id=_quoted(data["position"]))
                if data["position"]
                else _("no position given")
            )
        if position is None:
            rows.append({**out, "problems": _joined(problems), "bad": True})
            continue
        out["title"] = position.title
        entries = _kpi_entries(appraisal, position, problems)
        if problems:
            rows.append({**out, "problems": _joined(problems), "bad": True})
            continue
        position_data = position_to_data(position)
        result = score(position_data, scoring, {"kpis": entries, "ratings": data["ratings"]})
        bad, incomplete = _explain(position_data, result)
        if bad:
            rows.append({**out, "problems": _joined(bad), "bad": True})
            continue
        out.update(
            kpi_on5=result["kpi"]["on5"],
            kpi_on100=result["kpi"]["on100"],
            ability_on5=result["ability"]["on5"],
            ability_on100=result["ability"]["on100"],
            overall=result["overall"],
            grade=result["grade"],
            complete=result["complete"],
            warnings="; ".join(result["warnings"]),
            problems=_joined(incomplete),
        )
        rows.append(out)
    return rows


def _kpi_entries(appraisal: Appraisal, position: Position, problems: list[str]) -> list[Any]:
    """The appraisal's entry for each KPI of `position`; entries beyond its KPIs are problems."""
    count = len(position.kpis)
    if appraisal.kpi_columns is not None:
        for number in sorted(appraisal.kpi_columns):
            if number > count:
                problems.append(_no_such_kpi(number, position.title, count))
        return [appraisal.kpi_columns.get(number) for number in range(1, count + 1)]
    entries = appraisal.data.get("kpis") or []
    if any(entry not in (None, {}) for entry in entries[count:]):
        problems.append(
            _(
                "kpis: {entries} entries, but {title} has 1 KPI",
                entries=len(entries),
                title=position.title,
            )
            if count == 1
            else _(
                "kpis: {entries} entries, but {title} has {count} KPIs",
                entries=len(entries),
                title=position.title,
                count=count,
            )
        )
    return entries[:count]


def _no_such_kpi(number: int, title: str, count: int) -> str:
    if count > 1:
        return _(
            "kpi{number}: no such KPI, {title} has {count} (kpi1 to kpi{count})",
            number=number,
            title=title,
            count=count,
        )
    if count:
        return _("kpi{number}: no such KPI, {title} has 1 (kpi1)", number=number, title=title)
    return _("kpi{number}: no such KPI, {title} has none", number=number, title=title)


def _explain(position: dict[str, Any], result: dict[str, Any]) -> tuple[list[str], list[str]]:
    bad, incomplete = [], []
    for index, error in result["errors"]["kpis"].items():
        name = position["kpis"][int(index)]["name"]
        where = f"kpi{int(index) + 1} ({name})"
        (bad if error in ERROR_TEXT else incomplete).append(_explained(where, error))
    for competency_id, error in result["errors"]["competencies"].items():
        (bad if error in ERROR_TEXT else incomplete).append(_explained(competency_id, error))
    return bad, incomplete


def _explained(where: str, error: str) -> str:
    said = ERROR_TEXT.get(error) or INCOMPLETE_TEXT.get(error)
    return said(where) if said else f"{where}: {error}"  # a code scoring added: shown as is


def write_csv(rows: list[dict[str, Any]]) -> str:
    """The output CSV; text that a spreadsheet would run as a formula is neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=OUTPUT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else csv_cell(row[k]) for k in OUTPUT_COLUMNS})
    return buffer.getvalue()
