"""Parsed catalogue files -> the model, collecting every problem on the way."""

from __future__ import annotations

import re
from typing import Any

from .errors import ERROR, NOTE, Problem
from .model import (
    GROUP_NAMES,
    GROUPS,
    KIND_OF_GROUP,
    Company,
    Competency,
    Goal,
    Grade,
    Kpi,
    Monthly,
    NamedScale,
    Position,
    PublishedVersion,
    ScaleLevel,
    Scoring,
    Tier,
    TierScale,
    format_number,
)
from .yamlsrc import Source, format_path

SAFE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WEIGHT_TOTAL = 100


class Checker:
    """Collects problems; `at(src, path, ...)` names the file, line and path of each."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def at(self, src: Source, path: tuple, message: str, level: str = ERROR) -> None:
        self.problems.append(
            Problem(src.file, src.line(path), format_path(path, src.data), message, level))


def build_company(src: Source, check: Checker) -> Company | None:
    """company.yaml (schema-valid) -> Company, or None if its settings contradict each other."""
    found = len(check.problems)
    data = src.data
    scoring = data["scoring"]
    low, high = scoring["points"]["min"], scoring["points"]["max"]
    if low >= high:
        check.at(src, ("scoring", "points"), f"min ({low}) must be below max ({high})")
        return None
    scales = {}
    for scale_id, scale in scoring.get("scales", {}).items():
        for i, level in enumerate(scale["levels"]):
            if not low <= level["points"] <= high:
                check.at(src, ("scoring", "scales", scale_id, "levels", i, "points"),
                         f"{level['points']} is outside the point scale {low}–{high}")
        levels = tuple(ScaleLevel(lv["label"], lv["points"]) for lv in scale["levels"])
        scales[scale_id] = NamedScale(scale_id, scale["name"], levels)
    for key in ("ability_groups", "combination"):
        if sum(scoring[key].values()) <= 0:
            check.at(src, ("scoring", key), "the weights must not all be 0")
    grades = scoring["grades"]
    mins = [g["min"] for g in grades]
    if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
        check.at(src, ("scoring", "grades"), "grades must be listed from the highest `min` down, "
                 "each `min` different")
    if mins and mins[-1] > 0:
        check.at(src, ("scoring", "grades", len(grades) - 1, "min"),
                 f"the lowest grade must start at 0 so every result gets a grade, got {mins[-1]}")
    names = [c["name"] for c in data["goal_categories"]]
    for i, name in enumerate(names):
        if name in names[:i]:
            check.at(src, ("goal_categories", i, "name"), f"duplicate goal category '{name}'")
    versions = tuple(PublishedVersion(v["version"], v["effective_date"], v["revision"])
                     for v in data.get("versions", []))
    seen = {data["catalogue"]["version"]: "catalogue.version"}
    for i, published in enumerate(versions):
        if published.version in seen:
            check.at(src, ("versions", i, "version"), f"version '{published.version}' is "
                     f"already listed ({seen[published.version]})")
        seen[published.version] = f"versions[{i}]"
    dates = [v.effective_date for v in versions] + [data["catalogue"]["effective_date"]]
    if dates != sorted(dates):
        check.at(src, ("versions",), "versions must be listed oldest first, each effective "
                 "before the next and before catalogue.effective_date")
    if len(check.problems) > found:
        return None
    return Company(
        name=data["company"]["name"],
        document=data["company"].get("document", ""),
        version=data["catalogue"]["version"],
        effective_date=data["catalogue"]["effective_date"],
        goal_categories=tuple(names),
        scoring=Scoring(low, high, scales, dict(scoring["ability_groups"]),
                        dict(scoring["combination"]), scoring["decimals"],
                        tuple(Grade(g["name"], g["min"]) for g in grades)),
        versions=versions,
    )


def build_vocabulary(src: Source, company: Company | None, check: Checker) -> list[Competency]:
    """vocabulary.yaml (schema-valid) -> competencies; ids and seed spellings are unique."""
    out: list[Competency] = []
    first_line: dict[str, int] = {}
    seed_owner: dict[str, str] = {}
    for i, item in enumerate(src.data["competencies"]):
        path = ("competencies", i)
        cid = item["id"]
        if cid in first_line:
            check.at(src, (*path, "id"), f"duplicate id '{cid}' (first defined on line "
                     f"{first_line[cid]})")
            continue
        first_line[cid] = src.line((*path, "id"))
        for seed in item.get("seed", []):
            if seed in seed_owner:
                check.at(src, (*path, "seed"), f"source spelling '{seed}' is already listed "
                         f"under '{seed_owner[seed]}'")
            seed_owner[seed] = cid
        anchors = {int(k): v for k, v in item["anchors"].items()}
        if company:
            _check_anchors(src, (*path, "anchors"), anchors, company, check)
        out.append(Competency(cid, item["name"], item["kind"], item["definition"].strip(),
                              dict(sorted(anchors.items(), reverse=True)),
                              tuple(item.get("seed", [])), item.get("unclear")))
    return out


def _check_anchors(src: Source, path: tuple, anchors: dict[int, str], company: Company,
                   check: Checker) -> None:
    low, high = company.scoring.points_min, company.scoring.points_max
    for rating in anchors:
        if not low <= rating <= high:
            check.at(src, (*path, str(rating)), f"rating {rating} is outside the point scale "
                     f"{low}–{high}")
    needed = sorted({high, (low + high + 1) // 2, low}, reverse=True)
    missing = [str(r) for r in needed if r not in anchors]
    if missing:
        check.at(src, path, f"needs anchors for ratings {', '.join(map(str, needed))}; "
                 f"missing {', '.join(missing)}")


def build_position(src: Source, position_id: str, department_id: str, company: Company | None,
                   vocabulary: dict[str, Competency] | None, check: Checker) -> Position:
    """A position file (schema-valid) -> Position, checking references and weights."""
    data = src.data
    goals: dict[str, tuple[Goal, ...]] = {}
    for category, items in (data.get("goals") or {}).items():
        if company and category not in company.goal_categories:
            check.at(src, ("goals", category), f"unknown goal category '{category}'; company.yaml "
                     f"lists {', '.join(company.goal_categories)}")
        goals[category] = tuple(Goal(g["goal"], g.get("target", ""), dict(g.get("seed", {})),
                                     g.get("unclear")) for g in items)
    if company:  # keep the company's category order, whatever order the file uses
        goals = {c: goals[c] for c in (*company.goal_categories, *goals) if c in goals}
    kpis = tuple(_build_kpi(src, i, k, company, check) for i, k in enumerate(data.get("kpis", [])))
    status = data["status"]
    competencies = {g: tuple((data.get("competencies") or {}).get(g, [])) for g in GROUPS}
    if vocabulary is not None:
        _check_references(src, competencies, vocabulary, check)
    note = data.get("weights_total_note")
    total = sum(k.weight for k in kpis)
    if status == "published":
        if not kpis:
            check.at(src, ("status",), "a published position needs at least one KPI; "
                     "mark it `status: draft` while it is being written")
        elif total != WEIGHT_TOTAL and not note:
            check.at(src, ("kpis",), f"KPI weights add to {format_number(total)}, not "
                     f"{WEIGHT_TOTAL}; correct them, or if the source itself differs say why "
                     "in weights_total_note")
        elif total != WEIGHT_TOTAL:
            check.at(src, ("weights_total_note",), f"KPI weights add to "
                     f"{format_number(total)}, not {WEIGHT_TOTAL} (kept as in the source: {note})",
                     level=NOTE)
    if note and total == WEIGHT_TOTAL:
        check.at(src, ("weights_total_note",), f"weights add to {WEIGHT_TOTAL}; remove "
                 "weights_total_note")
    monthly = data.get("monthly")
    return Position(
        id=position_id, department_id=department_id, title=data["title"], status=status,
        source_file=src.file, goals=goals, kpis=kpis, competencies=competencies,
        monthly=Monthly(monthly["indicator"], monthly.get("target", ""),
                        monthly.get("method", ""), dict(monthly.get("seed", {})),
                        monthly.get("unclear")) if monthly else None,
        source_line=data.get("source_line"), source_title=data.get("source_title"),
        title_inferred=data.get("title_inferred"), weights_total_note=note,
        notes=tuple(data.get("notes", [])),
    )


def _build_kpi(src: Source, index: int, data: dict[str, Any], company: Company | None,
               check: Checker) -> Kpi:
    path = ("kpis", index)
    scale: TierScale | NamedScale | None = None
    raw = data.get("scale")
    if isinstance(raw, str):
        if company and raw not in company.scoring.scales:
            known = ", ".join(company.scoring.scales) or "none"
            check.at(src, (*path, "scale"), f"unknown scale '{raw}'; company.yaml "
                     f"scoring.scales defines: {known}")
        elif company:
            scale = company.scoring.scales[raw]
    elif raw is not None:
        tiers = tuple(Tier(t["op"], t["value"], t["points"]) for t in raw["tiers"])
        scale = TierScale(tiers, raw.get("unit", "%"), raw.get("otherwise"))
        if company:
            low, high = company.scoring.points_min, company.scoring.points_max
            for i, tier in enumerate(tiers):
                if not low <= tier.points <= high:
                    check.at(src, (*path, "scale", "tiers", i, "points"),
                             f"{tier.points} is outside the point scale {low}–{high}")
            other = scale.otherwise
            if other is not None and not low <= other <= high:
                check.at(src, (*path, "scale", "otherwise"),
                         f"{other} is outside the point scale {low}–{high}")
        if raw is not None and not data.get("standard"):
            check.at(src, (*path, "scale"), "a scale needs the `standard` text it was read from")
    return Kpi(data["name"], data["weight"], data.get("standard", ""), data.get("method", ""),
               scale, dict(data.get("seed", {})), data.get("unclear"))


def _check_references(src: Source, competencies: dict[str, tuple[str, ...]],
                      vocabulary: dict[str, Competency], check: Checker) -> None:
    seen: dict[str, str] = {}
    for group, ids in competencies.items():
        for i, cid in enumerate(ids):
            path = ("competencies", group, i)
            entry = vocabulary.get(cid)
            if entry is None:
                check.at(src, path, f"unknown competency '{cid}': not in vocabulary.yaml")
                continue
            if entry.kind != KIND_OF_GROUP[group]:
                check.at(src, path, f"'{cid}' ({entry.name}) is a {entry.kind} item; "
                         f"{GROUP_NAMES[group]} takes {KIND_OF_GROUP[group]} items")
            if cid in seen:
                check.at(src, path, f"'{cid}' is listed twice (also in {GROUP_NAMES[seen[cid]]})")
            seen[cid] = group

