"""Parsed catalogue files -> the model, collecting every problem on the way.

Each check runs on the parts of a file that are well-formed, even when other parts are not
(`Source.shaped`), so one run reports every problem. The model is built only from a file
without errors; for the cross-checks of other files a company or vocabulary with broken parts
is given with stand-ins for those parts (the catalogue is never built from it).
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import ERROR, NOTE, Problem, listing, quote
from ..messages import _
from ..model import (
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
    Picture,
    Position,
    PublishedVersion,
    ScaleLevel,
    Scoring,
    Slot,
    Tier,
    TierScale,
    format_number,
)
from .pictures import read_picture
from .yamlsrc import Path_, Source, format_path

# `\Z`, not `$`: `$` also matches before a final line break.
SAFE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# Names Windows keeps for devices: a file or folder of that name (any extension) cannot exist.
RESERVED_NAMES = frozenset(
    {
        "con",
        "prn",
        "aux",
        "nul",
        *(f"com{n}" for n in range(1, 10)),
        *(f"lpt{n}" for n in range(1, 10)),
    }
)
WEIGHT_TOTAL = 100


def reserved_name_problem(name: str) -> str | None:
    """The message for an id that Windows cannot use as a file or folder name, or None."""
    if name.lower() not in RESERVED_NAMES:
        return None
    return _(
        "'{name}' is a reserved file name on Windows (con, prn, aux, nul, com1–com9, "
        "lpt1–lpt9), so its page could not be saved there; choose another id",
        name=name,
    )


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` (did you mean 'x'?)` for the closest of `choices`, or '' if none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return _(" (did you mean {choice}?)", choice=quote(close[0])) if close else ""


class Checker:
    """Collects problems; `at(src, path, ...)` names the file, line and path of each."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def at(self, src: Source, path: tuple, message: str, level: str = ERROR) -> None:
        self.problems.append(
            Problem(src.file, src.line(path), format_path(path, src.data), message, level)
        )


def value(src: Source, path: Path_, default: Any = None) -> Any:
    """The value at `path` if it has the form the schema asks for, else `default` (also when
    an optional key is absent)."""
    if not src.shaped(path):
        return default
    node = src.data
    for part in path:
        found = (
            part in node
            if isinstance(node, dict)
            else isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        )
        if not found:
            return default
        node = node[part]
    return node


def _check_date(src: Source, path: Path_, check: Checker) -> str | None:
    """The date at `path` if it is a real YYYY-MM-DD date, else None (reported if not)."""
    text = value(src, path)
    if text is None:
        return None
    try:
        datetime.date.fromisoformat(text)
    except ValueError as exc:
        check.at(
            src,
            path,
            _(
                "{value} is not a date of the calendar ({reason}); write a real date as YYYY-MM-DD",
                value=quote(text),
                reason=_date_words(exc),
            ),
        )
        return None
    return text


def _date_words(exc: ValueError) -> str:
    """Why Python refused a date, in the current language (its common reasons)."""
    words = {
        "month must be in 1..12": _("month must be in 1..12"),
        "day is out of range for month": _("day is out of range for month"),
        "year 0 is out of range": _("year 0 is out of range"),
    }
    return words.get(str(exc), str(exc))


def _outside(points: object, low: int, high: int) -> str:
    return _("{points} is outside the point scale {low}–{high}", points=points, low=low, high=high)


# ---------------------------------------------------------------------------- company.yaml


def build_company(src: Source, check: Checker) -> Company | None:
    """company.yaml -> Company; None if what other files are checked against (the goal
    categories, the point scale, the named scales) is not known or contradicts itself."""
    points = ("scoring", "points")
    low, high = value(src, (*points, "min")), value(src, (*points, "max"))
    points_known = low is not None and high is not None
    if points_known and low >= high:
        check.at(src, points, _("min ({low}) must be below max ({high})", low=low, high=high))
        points_known = False
    scales, scales_known = _named_scales(src, low, high, points_known, check)
    for key in ("ability_groups", "combination"):
        weights = value(src, ("scoring", key))
        if src.intact(("scoring", key)) and weights is not None and sum(weights.values()) <= 0:
            check.at(src, ("scoring", key), _("the weights must not all be 0"))
    grades = _grades(src, check)
    categories = value(src, ("goal_categories",))
    names = [value(src, ("goal_categories", i, "name")) for i in range(len(categories or []))]
    for i, name in enumerate(names):
        if name is not None and name in names[:i]:
            check.at(
                src,
                ("goal_categories", i, "name"),
                _("duplicate goal category {name}", name=quote(name)),
            )
    versions = _versions(src, check)
    pictures = {key: _picture(src, key, check) for key in ("logo", "favicon")}
    if categories is None or None in names or not points_known or not scales_known:
        return None
    return Company(
        name=value(src, ("company", "name"), ""),
        document=value(src, ("company", "document"), ""),
        version=value(src, ("catalogue", "version"), ""),
        effective_date=value(src, ("catalogue", "effective_date"), ""),
        goal_categories=tuple(names),
        scoring=Scoring(
            low,
            high,
            scales,
            dict(value(src, ("scoring", "ability_groups"), {})),
            dict(value(src, ("scoring", "combination"), {})),
            value(src, ("scoring", "decimals"), 0),
            grades,
        ),
        versions=versions,
        **pictures,
    )


def _picture(src: Source, key: str, check: Checker) -> Picture | None:
    """company.<key>: the picture file it names, next to company.yaml (None if not set)."""
    name = value(src, ("company", key))
    if name is None:
        return None
    picture, problem = read_picture(name, Path(src.file).parent)
    if problem:
        check.at(src, ("company", key), problem)
    return picture


def _named_scales(
    src: Source, low: int | None, high: int | None, points_known: bool, check: Checker
) -> tuple[dict[str, NamedScale], bool]:
    """scoring.scales, and whether every scale id is known (a broken level is a stand-in)."""
    path = ("scoring", "scales")
    scales: dict[str, NamedScale] = {}
    known = src.shaped(path)
    for scale_id in value(src, path, {}):
        if not src.shaped((*path, scale_id)):
            known = False
            continue
        levels = []
        for i, _level in enumerate(value(src, (*path, scale_id, "levels"), [])):
            where = (*path, scale_id, "levels", i)
            points = value(src, (*where, "points"))
            if points_known and points is not None and not low <= points <= high:
                check.at(src, (*where, "points"), _outside(points, low, high))
            if src.intact(where):
                levels.append(ScaleLevel(value(src, (*where, "label")), points))
        name = value(src, (*path, scale_id, "name"), "")
        scales[scale_id] = NamedScale(scale_id, name, tuple(levels))
    return scales, known


def _grades(src: Source, check: Checker) -> tuple[Grade, ...]:
    path = ("scoring", "grades")
    if not src.intact(path) or value(src, path) is None:
        return ()
    grades = value(src, path)
    mins = [g["min"] for g in grades]
    if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
        check.at(
            src, path, _("grades must be listed from the highest `min` down, each `min` different")
        )
    if mins and mins[-1] > 0:
        check.at(
            src,
            (*path, len(grades) - 1, "min"),
            _(
                "the lowest grade must start at 0 so every result gets a grade, got {min}",
                min=mins[-1],
            ),
        )
    return tuple(Grade(g["name"], g["min"], g.get("max_percent")) for g in grades)


def _versions(src: Source, check: Checker) -> tuple[PublishedVersion, ...]:
    """The published versions; their dates are real and in order, their names unique."""
    listed = value(src, ("versions",), [])
    current = value(src, ("catalogue", "version"))
    seen = {current: "catalogue.version"} if current is not None else {}
    versions = []
    for i in range(len(listed)):
        name = value(src, ("versions", i, "version"))
        if name is not None and name in seen:
            check.at(
                src,
                ("versions", i, "version"),
                _(
                    "version {version} is already listed ({where})",
                    version=quote(name),
                    where=seen[name],
                ),
            )
        if name is not None:
            seen[name] = f"versions[{i}]"
        if src.intact(("versions", i)):
            item = listed[i]
            versions.append(
                PublishedVersion(item["version"], item["effective_date"], item["revision"])
            )
    dates = [_check_date(src, ("versions", i, "effective_date"), check) for i in range(len(listed))]
    dates.append(_check_date(src, ("catalogue", "effective_date"), check))
    if src.shaped(("versions",)) and None not in dates and dates != sorted(dates):
        check.at(
            src,
            ("versions",),
            _(
                "versions must be listed oldest first, each effective "
                "before the next and before catalogue.effective_date"
            ),
        )
    return tuple(versions)


# ---------------------------------------------------------------------------- vocabulary.yaml


def build_vocabulary(
    src: Source, company: Company | None, check: Checker
) -> list[Competency] | None:
    """vocabulary.yaml -> competencies (ids and seed spellings unique); None if the list itself
    is not readable. An item with broken parts is a stand-in for the position checks."""
    items = value(src, ("competencies",))
    if items is None:
        return None
    out: list[Competency] = []
    first_line: dict[str, int] = {}
    seed_owner: dict[str, str] = {}
    for i, item in enumerate(items):
        path = ("competencies", i)
        cid = value(src, (*path, "id"))
        if cid is None:
            continue
        if cid in first_line:
            check.at(
                src,
                (*path, "id"),
                _(
                    "duplicate id '{id}' (first defined on line {line})",
                    id=cid,
                    line=first_line[cid],
                ),
            )
            continue
        first_line[cid] = src.line((*path, "id"))
        reserved = reserved_name_problem(cid)
        if reserved:
            check.at(src, (*path, "id"), reserved)
        seeds = value(src, (*path, "seed"), [])
        for j, seed in enumerate(seeds):
            if not src.shaped((*path, "seed", j)):
                continue
            if seed in seed_owner:
                check.at(
                    src,
                    (*path, "seed"),
                    _(
                        "source spelling {seed} is already listed under '{id}'",
                        seed=quote(seed),
                        id=seed_owner[seed],
                    ),
                )
            seed_owner[seed] = cid
        anchors = {
            int(k): v
            for k, v in value(src, (*path, "anchors"), {}).items()
            if src.shaped((*path, "anchors", k))
        }
        if company and src.intact((*path, "anchors")):
            _check_anchors(src, (*path, "anchors"), anchors, company, check)
        out.append(
            Competency(
                cid,
                value(src, (*path, "name"), ""),
                value(src, (*path, "kind"), ""),
                value(src, (*path, "definition"), "").strip(),
                dict(sorted(anchors.items(), reverse=True)),
                tuple(s for s in seeds if isinstance(s, str)),
                value(src, (*path, "unclear")),
            )
        )
    return out


def _check_anchors(
    src: Source, path: tuple, anchors: dict[int, str], company: Company, check: Checker
) -> None:
    low, high = company.scoring.points_min, company.scoring.points_max
    for rating in anchors:
        if not low <= rating <= high:
            check.at(
                src,
                (*path, str(rating)),
                _(
                    "rating {rating} is outside the point scale {low}–{high}",
                    rating=rating,
                    low=low,
                    high=high,
                ),
            )
    needed = sorted({high, (low + high + 1) // 2, low}, reverse=True)
    missing = [str(r) for r in needed if r not in anchors]
    if missing:
        check.at(
            src,
            path,
            _(
                "needs anchors for ratings {needed}; missing {missing}",
                needed=listing(needed),
                missing=listing(missing),
            ),
        )


# ---------------------------------------------------------------------------- position files


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
                check.at(src, (*path, "scale", "tiers", i, "points"), _outside(points, low, high))
        other = value(src, (*path, "scale", "otherwise"))
        if other is not None and not low <= other <= high:
            check.at(src, (*path, "scale", "otherwise"), _outside(other, low, high))
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
                number = _check_slot(src, path, number, check)
                cid = value(src, (*path, "id"))
            else:
                number += 1
            if cid is None:
                continue
            entry = vocabulary.get(cid)
            if entry is not None:
                _check_slot_seed(src, path, entry, check)
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


def _check_slot(src: Source, path: Path_, previous: int, check: Checker) -> int:
    """The slot of the competency at `path` (a mapping) on the source's form, the item before
    it being in slot `previous`; a `slot` that is not after an empty slot is reported."""
    slot = value(src, (*path, "slot"))
    if slot is None:
        return previous + 1
    if slot == previous + 1:
        check.at(
            src,
            (*path, "slot"),
            _(
                "slot {slot} is the slot after the previous item's "
                "anyway; write `slot` only where the slot before it is "
                "empty",
                slot=slot,
            ),
        )
    elif slot <= previous:
        check.at(
            src,
            (*path, "slot"),
            _(
                "slot {slot} is not after slot {previous} of the item "
                "before it; list the items in the order of their slots",
                slot=slot,
                previous=previous,
            ),
        )
    return slot


def _check_slot_seed(src: Source, path: Path_, entry: Competency, check: Checker) -> None:
    """The source spelling of a slot is one of the entry's `seed` spellings."""
    seed = value(src, (*path, "seed"))
    if seed is None or seed in entry.seed:
        return
    if entry.seed:
        check.at(
            src,
            (*path, "seed"),
            _(
                "source spelling {seed} is not one of the spellings of "
                "'{id}' ({name}) in vocabulary.yaml: {spellings}",
                seed=quote(seed),
                id=entry.id,
                name=entry.name,
                spellings=listing(map(quote, entry.seed)),
            ),
        )
    else:
        check.at(
            src,
            (*path, "seed"),
            _(
                "source spelling {seed}: '{id}' ({name}) has no `seed` "
                "spellings in vocabulary.yaml; add it there",
                seed=quote(seed),
                id=entry.id,
                name=entry.name,
            ),
        )


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
