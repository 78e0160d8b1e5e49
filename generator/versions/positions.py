"""What changed in one position: title, status, goals, monthly indicator, KPIs, abilities."""

from __future__ import annotations

from ..model import (
    GROUP_NAMES,
    GROUPS,
    Catalog,
    Goal,
    Position,
)
from .changes import Change, PositionDiff, changed
from .kpis import kpi_changes
from .matching import match, union

STATUS_NAMES = {"draft": "待补充", "published": "已发布"}


def position_diff(
    old_catalog: Catalog, new_catalog: Catalog, old: Position | None, new: Position | None
) -> PositionDiff:
    if old is None:
        template = "新增岗位「{}」（待补充）" if new.is_draft else "新增岗位「{}」"
        change = Change("position-added", template, (new.title,))
        return PositionDiff(new.id, new.title, new.department_id, "added", (change,), None, new)
    if new is None:
        change = Change("position-removed", "删除岗位「{}」", (old.title,))
        return PositionDiff(old.id, old.title, old.department_id, "removed", (change,), old, None)
    changes = []
    if old.department_id != new.department_id:
        changes.append(
            Change(
                "moved",
                "所属部门：「{}」→「{}」",
                (
                    _department_name(old_catalog, old.department_id),
                    _department_name(new_catalog, new.department_id),
                ),
            )
        )
    changes += changed("retitled", "岗位名称：「{}」→「{}」", old.title, new.title)
    changes += changed(
        "status", "状态：{} → {}", old.status, new.status, show=STATUS_NAMES.__getitem__
    )
    changes += _goal_changes(old.goals, new.goals)
    changes += _monthly_changes(old, new)
    changes += kpi_changes(old, new)
    for group in GROUPS:
        before, after = old.competencies[group], new.competencies[group]
        label = GROUP_NAMES[group]
        changes += [
            Change(
                "position-competency-added", "新增{}：{}", (label, new_catalog.competency(c).name)
            )
            for c in after
            if c not in before
        ]
        changes += [
            Change(
                "position-competency-removed", "删除{}：{}", (label, old_catalog.competency(c).name)
            )
            for c in before
            if c not in after
        ]
    return PositionDiff(new.id, new.title, new.department_id, "changed", tuple(changes), old, new)


def _goal_changes(
    old: dict[str, tuple[Goal, ...]], new: dict[str, tuple[Goal, ...]]
) -> list[Change]:
    categories = union(new, old)
    pairs = {
        c: match(
            old.get(c, ()),
            new.get(c, ()),
            lambda a, b: a.goal == b.goal,
            lambda i, a, j, b: i == j and a.target == b.target,
        )
        for c in categories
    }
    moved = _moved_goals(old, new, categories, pairs)
    arrived = {v: k for k, v in moved.items()}
    changes = []
    for category in categories:
        goals_before, goals_after = old.get(category, ()), new.get(category, ())
        matched_new = {j: i for i, j in pairs[category].items()}
        for j, goal in enumerate(goals_after):
            if j in matched_new:
                before = goals_before[matched_new[j]]
                if before.goal != goal.goal:
                    changes.append(
                        Change(
                            "goal-reworded",
                            "{}目标「{}」改为「{}」",
                            (category, before.goal, goal.goal),
                        )
                    )
            elif (category, j) in arrived:
                source, i = arrived[(category, j)]
                before = old[source][i]
                changes.append(
                    Change("goal-moved", "目标「{}」从{}移到{}", (goal.goal, source, category))
                )
            else:
                changes.append(
                    Change(
                        "goal-added",
                        "新增{}目标「{}」（目标值「{}」）",
                        (category, goal.goal, goal.target),
                    )
                )
                changes += _item_changes(goal.goal, (), goal.items)
                continue
            if before.target != goal.target:
                changes.append(
                    Change(
                        "goal-target",
                        "目标值「{}」→「{}」（目标：{}）",
                        (before.target, goal.target, goal.goal),
                    )
                )
            changes += _item_changes(goal.goal, before.items, goal.items)
        for i, goal in enumerate(goals_before):
            if i not in pairs[category] and (category, i) not in moved:
                changes.append(Change("goal-removed", "删除{}目标「{}」", (category, goal.goal)))
    return changes


def _item_changes(goal: str, old: tuple[Goal, ...], new: tuple[Goal, ...]) -> list[Change]:
    """The sub-items of goal `goal` added, removed, reworded or given another target."""
    pairs = match(
        old, new, lambda a, b: a.goal == b.goal, lambda i, a, j, b: i == j and a.target == b.target
    )
    matched_new = {j: i for i, j in pairs.items()}
    changes = []
    for j, item in enumerate(new):
        if j not in matched_new:
            changes.append(
                Change(
                    "goal-item-added",
                    "目标「{}」新增子项「{}」（目标值「{}」）",
                    (goal, item.goal, item.target),
                )
            )
            continue
        before = old[matched_new[j]]
        changes += changed(
            "goal-item-reworded",
            "目标「{}」的子项「{}」改为「{}」",
            before.goal,
            item.goal,
            subject=goal,
        )
        if before.target != item.target:
            changes.append(
                Change(
                    "goal-item-target",
                    "目标「{}」的子项「{}」目标值：「{}」→「{}」",
                    (goal, item.goal, before.target, item.target),
                )
            )
    changes += [
        Change("goal-item-removed", "删除目标「{}」的子项「{}」", (goal, item.goal))
        for i, item in enumerate(old)
        if i not in pairs
    ]
    return changes


def _moved_goals(
    old: dict[str, tuple[Goal, ...]],
    new: dict[str, tuple[Goal, ...]],
    categories: list[str],
    pairs: dict[str, dict[int, int]],
) -> dict[tuple[str, int], tuple[str, int]]:
    """(old category, index) -> (new category, index) of each goal whose exact text left one
    category and arrived in another, among those `pairs` did not match within a category."""
    moved: dict[tuple[str, int], tuple[str, int]] = {}
    for category in categories:
        for j, goal in enumerate(new.get(category, ())):
            if j in pairs[category].values():
                continue
            for source in categories:
                if source == category:
                    continue
                matched = set(pairs[source]) | {v for k, v in moved.items() if k[0] == source}
                hit = next(
                    (
                        i
                        for i, g in enumerate(old.get(source, ()))
                        if i not in matched and g.goal == goal.goal
                    ),
                    None,
                )
                if hit is not None:
                    moved[(source, hit)] = (category, j)
                    break
    return moved


def _monthly_changes(old: Position, new: Position) -> list[Change]:
    a, b = old.monthly, new.monthly
    if a is None and b is None:
        return []
    if a is None:
        return [
            Change(
                "monthly-added",
                "新增月度指标「{}」（目标「{}」，考核方法「{}」）",
                (b.indicator, b.target, b.method),
            )
        ]
    if b is None:
        return [Change("monthly-removed", "删除月度指标「{}」", (a.indicator,))]
    return [
        *changed("monthly-indicator", "月度指标：「{}」→「{}」", a.indicator, b.indicator),
        *changed(
            "monthly-target",
            "月度指标「{}」目标：「{}」→「{}」",
            a.target,
            b.target,
            subject=b.indicator,
        ),
        *changed(
            "monthly-method",
            "月度指标「{}」考核方法：「{}」→「{}」",
            a.method,
            b.method,
            subject=b.indicator,
        ),
    ]


def _department_name(catalog: Catalog, department_id: str) -> str:
    return next((d.name for d in catalog.departments if d.id == department_id), department_id)
