"""A scale in the words of a change text (the cell syntax is tested in test_workbook.py)."""

from __future__ import annotations

import pytest

from generator.model import NamedScale, ScaleLevel, Tier, TierScale
from generator.scales import describe_levels, describe_scale

SATISFACTION = NamedScale(
    "satisfaction-5", "五级满意度", (ScaleLevel("非常满意", 5), ScaleLevel("一般", 3))
)


@pytest.mark.parametrize(
    "scale, words",
    [
        (None, "无"),
        (SATISFACTION, "五级满意度"),
        (TierScale((Tier(">", 120, 5),)), ">120%得5分，其余人工评分"),
        (TierScale((Tier(">=", 99.5, 5), Tier(">", None, 3)), "‰", 1),
         ">=99.5‰得5分、>?‰得3分，其余得1分"),
    ],
)  # fmt: skip
def test_describe_scale(scale, words):
    assert describe_scale(scale) == words


def test_describe_levels():
    assert describe_levels(SATISFACTION) == "非常满意5、一般3"
