"""Long lists split into pages of a fixed size, and the line that moves between them."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class Pager:
    """One page of a long list: its items and the links to the other pages."""

    items: tuple
    number: int
    uris: tuple[str, ...]  # every page's uri, page 1 first

    @property
    def uri(self) -> str:
        return self.uris[self.number - 1]


def pager_links(pager: Pager, link) -> str:
    """The Markdown line that moves between the pages of a long list (empty for one page)."""
    if len(pager.uris) == 1:
        return ""
    parts = [f"第 {pager.number} / {len(pager.uris)} 页："]
    for number, uri in enumerate(pager.uris, 1):
        parts.append(f"**{number}**" if number == pager.number else f"[{number}]({link(uri)})")
    return " ".join(parts)


def paginate(first_uri: str, items: list, size: int) -> list[Pager]:
    """Split `items` into pages of `size`: `x/index.md`, then `x/page-2.md`, ..."""
    chunks = [tuple(items[i : i + size]) for i in range(0, len(items), size)] or [()]
    folder = posixpath.dirname(first_uri)
    uris = tuple(
        [first_uri] + [posixpath.join(folder, f"page-{n}.md") for n in range(2, len(chunks) + 1)]
    )
    return [Pager(chunk, n, uris) for n, chunk in enumerate(chunks, 1)]
