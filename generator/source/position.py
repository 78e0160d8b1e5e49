"""A position file -> Position: weights, KPIs and references to the vocabulary checked."""

from __future__ import annotations

from typing import Any

from ..errors import NOTE, listing, quote
from ..messages import _
from ..model import (
    GROUP_NAMES,
    GROUPS,
    KIND_OF_GROUP,
    Company,
    Competency,
    Goal,
    Kpi,
    Monthly,
    NamedScale,
    Position,
    Slot,
    Tier,
    TierScale,
    format_number,
)
from .checker import Checker, did_you_mean, outside, value
from .slots import check_slot, check_slot_seed
from .yamlsrc import Source

WEIGHT_TOTAL = 100


def build_position(
    src: Source,
    position_id: str,
    department_id: str,
    company: Company | None,
    vocabulary: dict[str, Competency] | None,
    check: Checker,
    *,
    vocabulary_complete: bool = True,
) -> Position | None:
    """A position file -> Position, checking references and weights; None (after checking
    what is well-formed) if the file has schema errors. Without `vocabulary_complete` (an
    entry of vocabulary.yaml has no readable id) an id it lacks may be meant as that entry,
    so it is not reported."""
    if not src.shaped(()):
        return None
    goals = value(src, ("goals",), {})
    if company:
        categories = company.goal_categories
        for category in goals:
            if category not in categories:
                check.at(
                    src,
                    ("goals", category),
                    _(
                        "unknown goal category {category}{hint}; company.yaml lists {categories}",
                        category=quote(category),
                        hint=did_you_mean(category, categories),
                        categories=listing(categories),
                    ),
                )
    kpis = value(src, ("kpis",), [])
    for i in range(len(kpis)):
        _check_kpi(src, i, company, check)
    if vocabulary is not None:
        _check_references(src, vocabulary, vocabulary_complete, check)
    _check_weights(src, check)
    if src.invalid:
        return None
    return _position(src.data, position_id, department_id, src.file, company)


def _check_weights(src: Source, check: Checker) -> None:
    """A published position has KPIs whose weights add to 100, or a note saying why not."""
    if not src.shaped(("kpis",)):
        return
    status = value(src, ("status",))
    weights = [value(src, ("kpis", i, "weight")) for i in range(len(value(src, ("kpis",), [])))]
    if status == "published" and not weights:
        check.at(
            src,
            ("status",),
            _(
                "a published position needs at least one KPI; mark it "
                "`status: draft` while it is being written"
            ),
        )
    if not weights or None in weights or not src.shaped(("weights_total_note",)):
        return  # the total is not known
    total = sum(weights)
    note = value(src, ("weights_total_note",))
    if status == "published":
        if total != WEIGHT_TOTAL and not note:
            check.at(
                src,
                ("kpis",),
                _(
                    "KPI weights add to {total}, not {expected}; correct them, or if the source "
                    "itself differs say why in weights_total_note",
                    total=format_number(total),
                    expected=WEIGHT_TOTAL,
                ),
            )
        elif total != WEIGHT_TOTAL:
            check.at(
                src,
                ("weights_total_note",),
                _(
                    "KPI weights add to {total}, not {expected} (kept as in the source: {note})",
                    total=format_number(total),
                    expected=WEIGHT_TOTAL,
                    note=note,
                ),
                level=NOTE,
            )
    if note and total == WEIGHT_TOTAL:
        check.at(
            src,
            ("weights_total_note",),
            _("weights add to {expected}; remove weights_total_note", expected=WEIGHT_TOTAL),
        )


def _check_kpi(src: Source, index: int, company: Company | None, check: Checker) -> None:
    path = ("kpis", index)
    raw = value(src, (*path, "scale"))
    if isinstance(raw, str):
        scales = company.scoring.scales if company else None
        if scales is not None and raw not in scales:
            # with one scale the list of them is the suggestion
            hint = did_you_mean(raw, scales) if len(scales) > 1 else ""
            check.at(
                src,
                (*path, "scale"),
                _(
                    "unknown scale {scale}{hint}; company.yaml scoring.scales defines: {known}",
                    scale=quote(raw),
                    hint=hint,
                    known=listing(scales),
                )
                if scales
                else _(
                    "unknown scale {scale}; company.yaml scoring.scales defines: none",
                    scale=quote(raw),
                ),
            )
        return
    if raw is None:
        return
    if company:
        low, high = company.scoring.points_min, company.scoring.points_max
        for i in range(len(value(src, (*path, "scale", "tiers"), []))):
            points = value(src, (*path, "scale", "tiers", i, "points"))
            if points is not None and not low <= points <= high:
                check.at(src, (*path, "scale", "tiers", i, "points"), outside(points, low, high))
        other = value(src, (*path, "scale", "otherwise"))
        if other is not None and not low <= other <= high:
            check.at(src, (*path, "scale", "otherwise"), outside(other, low, high))
    if src.shaped((*path, "standard")) and not value(src, (*path, "standard")):
        check.at(src, (*path, "scale"), _("a scale needs the `standard` text it was read from"))


def _check_references(
    src: Source, vocabulary: dict[str, Competency], complete: bool, check: Checker
) -> None:
    seen: dict[str, str] = {}
    for group in GROUPS:
        number = 0  # the slot of the item before, on the source's form
        for i in range(len(value(src, ("competencies", group), []))):
            path = ("competencies", group, i)
            cid = value(src, path)
            if isinstance(cid, dict):  # {id, seed, slot}
                number = check_slot(src, path, number, check)
                cid = value(src, (*path, "id"))
            else:
                number += 1
            if cid is None:
                continue
            entry = vocabulary.get(cid)
            if entry is not None:
                check_slot_seed(src, path, entry, check)
            if entry is None and complete:
                check.at(
                    src,
                    path,
                    _(
                        "unknown competency {id}: not in vocabulary.yaml{hint}",
                        id=quote(cid),
                        hint=did_you_mean(cid, vocabulary),
                    ),
                )
            if entry is None:
                continue
            if entry.kind and entry.kind != KIND_OF_GROUP[group]:
                check.at(
                    src,
                    path,
                    _(
                        "'{id}' ({name}) is a {kind} item; {group} takes {wanted} items",
                        id=cid,
                        name=entry.name,
                        kind=entry.kind,
                        group=GROUP_NAMES[group],
                        wanted=KIND_OF_GROUP[group],
                    ),
                )
            if cid in seen:
                check.at(
                    src,
                    path,
                    _(
                        "'{id}' is listed twice (also in {group})",
                        id=cid,
                        group=GROUP_NAMES[seen[cid]],
                    ),
                )
            seen[cid] = group


def _position(
    data: dict[str, Any],
    position_id: str,
    department_id: str,
    source_file: str,
    company: Company | None,
) -> Position:
    """The model of a schema-valid position file."""
    goals = {
        category: tuple(_goal(g) for g in items)
        for category, items in (data.get("goals") or {}).items()
    }
    if company:  # keep the company's category order, whatever order the file uses
        goals = {c: goals[c] for c in (*company.goal_categories, *goals) if c in goals}
    monthly = data.get("monthly")
    listed = data.get("competencies") or {}
    slots = {g: tuple(_slot(item) for item in listed.get(g, [])) for g in GROUPS}
    return Position(
        id=position_id,
        department_id=department_id,
        title=data["title"],
        status=data["status"],
        source_file=source_file,
        goals=goals,
        kpis=tuple(_kpi(k, company) for k in data.get("kpis", [])),
        competencies={g: tuple(s.id for s in slots[g]) for g in GROUPS},
        slots=slots,
        monthly=Monthly(
            monthly["indicator"],
            monthly.get("target", ""),
            monthly.get("method", ""),
            dict(monthly.get("seed", {})),
            monthly.get("unclear"),
        )
        if monthly
        else None,
        source_line=data.get("source_line"),
        source_title=data.get("source_title"),
        title_inferred=data.get("title_inferred"),
        weights_total_note=data.get("weights_total_note"),
        notes=tuple(data.get("notes", [])),
    )


def _goal(data: dict[str, Any]) -> Goal:
    return Goal(
        data["goal"],
        data.get("target", ""),
        dict(data.get("seed", {})),
        data.get("unclear"),
        tuple(_goal(item) for item in data.get("items", [])),
    )


def _slot(item: str | dict[str, Any]) -> Slot:
    """A competency of a position file: its id, or {id, seed, slot}."""
    if isinstance(item, str):
        return Slot(item)
    return Slot(item["id"], item.get("seed"), item.get("slot"))


def _kpi(data: dict[str, Any], company: Company | None) -> Kpi:
    raw = data.get("scale")
    scale: TierScale | NamedScale | None = None
    if isinstance(raw, str):
        scale = company.scoring.scales.get(raw) if company else None
    elif raw is not None:
        scale = TierScale(
            tuple(Tier(t["op"], t["value"], t["points"]) for t in raw["tiers"]),
            raw.get("unit", "%"),
            raw.get("otherwise"),
        )
    return Kpi(
        data["name"],
        data["weight"],
        data.get("standard", ""),
        data.get("method", ""),
        scale,
        dict(data.get("seed", {})),
        data.get("unclear"),
    )
