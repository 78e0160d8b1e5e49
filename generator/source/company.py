"""company.yaml -> Company: grades, scales, published versions and pictures."""

from __future__ import annotations

import datetime
from pathlib import Path

from ..errors import quote
from ..messages import _
from ..model import (
    Company,
    Grade,
    NamedScale,
    Picture,
    PublishedVersion,
    ScaleLevel,
    Scoring,
)
from .checker import Checker, outside, value
from .pictures import read_picture
from .yamlsrc import Path_, Source


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
                check.at(src, (*where, "points"), outside(points, low, high))
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
