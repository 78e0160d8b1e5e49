"""Score many appraisals at once (CSV or JSON in, CSV out) for HR."""

from __future__ import annotations

import csv
import io
from typing import Any

from ..escape import csv_cell
from ..export import position_to_data, scoring_to_data
from ..messages import _
from ..model import Catalog, Position
from .appraisal import META, Appraisal, AppraisalFileError, _quoted
from .appraisal_file import read_appraisals
from .score import score

__all__ = ["Appraisal", "AppraisalFileError", "read_appraisals", "score_appraisals", "write_csv"]


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
