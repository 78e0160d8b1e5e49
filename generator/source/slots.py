"""A position's competency slot and its seed spelling, on the form the source writes them."""

from __future__ import annotations

from ..errors import listing, quote
from ..messages import _
from ..model import (
    Competency,
)
from .checker import Checker, value
from .yamlsrc import Path_, Source


def check_slot(src: Source, path: Path_, previous: int, check: Checker) -> int:
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


def check_slot_seed(src: Source, path: Path_, entry: Competency, check: Checker) -> None:
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
