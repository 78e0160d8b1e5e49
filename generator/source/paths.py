"""A node's path in a file (keys and list indexes) and how messages write it."""

from __future__ import annotations

from typing import Any

from ..errors import shorten

Path_ = tuple  # a node's path: keys (str) and list indexes (int)


def format_path(path: Path_, data: Any = None) -> str:
    """`kpis[2] (收入存行).weight`: keys joined by dots, list items by index and label."""
    out = ""
    node = data
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
            item = node[part] if isinstance(node, list) and part < len(node) else None
            label = _label(item)
            if label:
                out += f" ({label})"
            node = item
        else:
            out += ("." if out else "") + shorten(str(part))
            node = node.get(part) if isinstance(node, dict) else None
    return out


def _label(item: Any) -> str | None:
    if isinstance(item, dict):
        for key in ("id", "name", "goal", "indicator"):
            value = item.get(key)
            if isinstance(value, str) and value:
                return shorten(value, 20)
    return None
