"""A KPI's scale as text: the one-line cell syntax both ways, and the Chinese description.

The cell syntax (`>=100%=5; >?%=4; 否则=1`, or a named scale's id) is what the workbook
holds and reads back; the description (`>=100%得5分，其余得1分`) is what change texts show.
"""

from __future__ import annotations

import re
from typing import Any

from .messages import _
from .model import NamedScale, TierScale
from .numbers import format_number, parse_number_text

HAND = "否则手工"  # below the tiers the manager scores by hand (otherwise: null)
OTHERWISE = "否则"
LOST = "?"  # a threshold the source lost (value: null)

_TIER = re.compile(r"^(>=|<=|>|<|=)\s*(\?|-?\d+(?:\.\d+)?)\s*(%|‰)?\s*=\s*(-?\d+(?:\.\d+)?)$")
_OTHERWISE = re.compile(r"^否则\s*(?:=|为)?\s*(手工|-?\d+(?:\.\d+)?)$")
_NAMED = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_WIDE = str.maketrans(
    {
        "＞": ">",
        "＜": "<",
        "＝": "=",
        "；": ";",
        "？": "?",
        "…": "?",
        "％": "%",
        "\n": ";",
        "－": "-",
    }
)


def scale_to_text(scale: TierScale | NamedScale | None) -> str:
    """`satisfaction-5`, or the tiers in order then what scores below them."""
    if scale is None:
        return ""
    if isinstance(scale, NamedScale):
        return scale.id
    # str(), not format_number: 100.0 stays 100.0, so the value reads back as it was
    parts = [
        f"{t.op}{LOST if t.value is None else str(t.value)}{scale.unit}={t.points}"
        for t in scale.tiers
    ]
    parts.append(HAND if scale.otherwise is None else f"{OTHERWISE}={scale.otherwise}")
    return "; ".join(parts)


def text_to_scale(text: str) -> tuple[Any, str | None]:
    """The `scale:` value of a position file for `text`, or (None, why it cannot be read)."""
    text = text.strip().translate(_WIDE).replace("≥", ">=").replace("≤", "<=")
    if _NAMED.match(text):
        return text, None
    tiers: list[dict[str, Any]] = []
    units: set[str] = set()
    otherwise: int | None = None
    parts = [p.strip() for p in text.split(";") if p.strip()]
    for index, part in enumerate(parts):
        match = _OTHERWISE.match(part)
        if match:
            if index != len(parts) - 1:
                return None, _("'{part}' must come last", part=part)
            if match.group(1) != "手工":
                points = parse_number_text(match.group(1))
                if not isinstance(points, int):
                    return None, _(
                        "points must be whole numbers, got '{points}'", points=match.group(1)
                    )
                otherwise = points
            continue
        match = _TIER.match(part)
        if not match:
            return None, _("'{part}' is not a tier such as '>120%=5'", part=part)
        op, value, unit, points = match.groups()
        parsed_points = parse_number_text(points)
        if not isinstance(parsed_points, int):
            return None, _("points must be whole numbers, got '{points}'", points=points)
        if value != LOST or unit:
            units.add(unit or "")
        threshold = None if value == LOST else parse_number_text(value)
        tiers.append({"op": op, "value": threshold, "points": parsed_points})
    if not tiers:
        return None, _("it has no tier")
    if len(units) > 1:
        shown = ", ".join(sorted(unit or _("none") for unit in units))
        return None, _("the tiers mix units ({units})", units=shown)
    # a lost threshold may leave its unit away; a scale of lost thresholds only has none
    return {"unit": units.pop() if units else "", "tiers": tiers, "otherwise": otherwise}, None


def describe_scale(scale: TierScale | NamedScale | None) -> str:
    """The scale in words for a change text: `>=100%得5分，其余人工评分`, a named scale's name,
    or 无."""
    if scale is None:
        return "无"
    if isinstance(scale, NamedScale):
        return scale.name
    tiers = "、".join(
        f"{t.op}{LOST if t.value is None else format_number(t.value)}{scale.unit}得{t.points}分"
        for t in scale.tiers
    )
    rest = "人工评分" if scale.otherwise is None else f"得{scale.otherwise}分"
    return f"{tiers}，其余{rest}"


def describe_levels(scale: NamedScale) -> str:
    """A named scale's levels in words: `非常满意5、较满意4、…`."""
    return "、".join(f"{level.label}{level.points}" for level in scale.levels)
