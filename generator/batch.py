"""Score many appraisals at once (CSV or JSON in, CSV out) for HR."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .export import position_to_data, scoring_to_data
from .model import Catalog
from .scoring import score

ERROR_TEXT = {
    "not-a-number": "is not a number",
    "not-whole": "is not a whole number of points",
    "out-of-range": "is outside the point scale",
    "unknown-level": "is not a level of the satisfaction scale",
    "invalid": "cannot be read",
}
INCOMPLETE_TEXT = {
    "missing": "not entered",
    "lost-threshold": "the source lost this tier's threshold: enter the points by hand",
    "below-tiers": "below the scale's tiers: enter the points by hand",
}
OUTPUT_COLUMNS = ["row", "position", "title", "employee", "rater", "period", "kpi_on5",
                  "kpi_on100", "ability_on5", "ability_on100", "overall", "grade", "complete",
                  "warnings", "problems"]
META = ("position", "employee", "rater", "period")


@dataclass
class Appraisal:
    """One input row: where it came from and what it says."""

    row: int
    data: dict[str, Any]
    problems: list[str] = field(default_factory=list)


def read_appraisals(path: Path, catalog: Catalog) -> list[Appraisal]:
    """The appraisals in a .json or .csv file; unreadable values become row problems."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        return _from_json(text)
    return _from_csv(text, catalog)


def _from_json(text: str) -> list[Appraisal]:
    data = json.loads(text)
    items = data if isinstance(data, list) else [data]
    out = []
    for number, item in enumerate(items, 1):
        if isinstance(item, dict):
            out.append(Appraisal(number, item))
        else:
            out.append(Appraisal(number, {}, ["an appraisal must be a JSON object"]))
    return out


def _from_csv(text: str, catalog: Catalog) -> list[Appraisal]:
    reader = csv.DictReader(io.StringIO(text))
    known = {c.id for c in catalog.competencies}
    out = []
    for number, row in enumerate(reader, 2):  # row 1 is the header
        problems: list[str] = []
        kpis: dict[int, dict[str, Any]] = {}
        ratings: dict[str, Any] = {}
        for column, raw in row.items():
            value = (raw or "").strip() if isinstance(raw, str) else ""
            if column is None:
                problems.append("more cells than header columns")
                continue
            if column in META or value == "":
                continue
            name = column.strip()
            if name.startswith("kpi") and name[3:].split("_")[0].isdigit():
                index = int(name[3:].split("_")[0]) - 1
                entry = kpis.setdefault(index, {})
                if name.endswith("_actual"):
                    number_value = _number(value)
                    if number_value is None:
                        entry["level"] = value
                    else:
                        entry["actual"] = number_value
                else:
                    entry["points"] = _number(value) if _number(value) is not None else value
            elif name in known:
                ratings[name] = _number(value) if _number(value) is not None else value
            else:
                problems.append(f"unknown column '{name}'")
        size = max(kpis, default=-1) + 1
        data = {k: (row.get(k) or "").strip() for k in META}
        data["kpis"] = [kpis.get(i) for i in range(size)]
        data["ratings"] = ratings
        out.append(Appraisal(number, data, problems))
    return out


def _number(text: str) -> float | int | None:
    cleaned = text.rstrip("%‰").strip()
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return int(value) if value.is_integer() and "." not in cleaned else value


def score_appraisals(catalog: Catalog, appraisals: list[Appraisal]) -> list[dict[str, Any]]:
    """One output row per appraisal; bad rows (`bad` set) carry their problems, no result."""
    positions = {p.id: p for p in catalog.positions()}
    scoring = scoring_to_data(catalog.company.scoring)
    rows = []
    for appraisal in appraisals:
        data = appraisal.data
        position = positions.get(str(data.get("position", "")))
        out: dict[str, Any] = {"row": appraisal.row, **{k: data.get(k, "") for k in META}}
        problems = list(appraisal.problems)
        if position is None:
            problems.append(f"unknown position '{data.get('position', '')}'")
        if problems:
            rows.append({**out, "problems": "; ".join(problems), "bad": True})
            continue
        position_data = position_to_data(position)
        result = score(position_data, scoring, data)
        bad, incomplete = _explain(position_data, result)
        out.update(title=position.title, kpi_on5=result["kpi"]["on5"],
                   kpi_on100=result["kpi"]["on100"], ability_on5=result["ability"]["on5"],
                   ability_on100=result["ability"]["on100"], overall=result["overall"],
                   grade=result["grade"], complete=result["complete"],
                   warnings="; ".join(result["warnings"]))
        if bad:
            rows.append({**{k: out[k] for k in ("row", *META)}, "title": position.title,
                         "problems": "; ".join(bad), "bad": True})
            continue
        out["problems"] = "; ".join(incomplete)
        rows.append(out)
    return rows


def _explain(position: dict[str, Any], result: dict[str, Any]) -> tuple[list[str], list[str]]:
    bad, incomplete = [], []
    for index, error in result["errors"]["kpis"].items():
        name = position["kpis"][int(index)]["name"]
        where = f"kpi{int(index) + 1} ({name})"
        (bad if error in ERROR_TEXT else incomplete).append(
            f"{where}: {ERROR_TEXT.get(error) or INCOMPLETE_TEXT.get(error, error)}")
    for competency_id, error in result["errors"]["competencies"].items():
        (bad if error in ERROR_TEXT else incomplete).append(
            f"{competency_id}: {ERROR_TEXT.get(error) or INCOMPLETE_TEXT.get(error, error)}")
    return bad, incomplete


def write_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=OUTPUT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else row.get(k, "") for k in OUTPUT_COLUMNS})
    return buffer.getvalue()

