"""Pairing the items of an old and a new version: keys in order, edited items found again."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")


def union(first: Iterable[T], second: Iterable[T]) -> list[T]:
    """The keys of `first` in order, then those only in `second`."""
    keys = list(first)
    return keys + [k for k in second if k not in keys]


def match(
    old: Sequence[T],
    new: Sequence[T],
    same: Callable[[T, T], bool],
    counterpart: Callable[[int, T, int, T], bool],
) -> dict[int, int]:
    """Old index -> new index: items that are `same` first (in order), then, among the rest,
    pairs that are `counterpart`s (the same item, edited)."""
    pairs: dict[int, int] = {}
    for stage in (lambda i, a, j, b: same(a, b), counterpart):
        for i, a in enumerate(old):
            if i in pairs:
                continue
            taken = set(pairs.values())
            j = next((j for j, b in enumerate(new) if j not in taken and stage(i, a, j, b)), None)
            if j is not None:
                pairs[i] = j
    return pairs
