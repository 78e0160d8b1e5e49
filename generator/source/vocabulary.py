"""vocabulary.yaml -> the competencies, their anchors checked against the company's grades."""

from __future__ import annotations

from ..errors import listing, quote
from ..messages import _
from ..model import (
    Company,
    Competency,
)
from .checker import Checker, reserved_name_problem, value
from .yamlsrc import Source


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
