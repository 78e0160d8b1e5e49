"""What changed in one position: title, status, goals, monthly indicator, KPIs, abilities."""

from __future__ import annotations

from ..model import (
    GROUP_NAMES,
    GROUPS,
    Catalog,
    Goal,
    Kpi,
    NamedScale,
    Position,
    TierScale,
    format_number,
)
from .changes import Change, PositionDiff
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
    if old.title != new.title:
        changes.append(Change("retitled", "岗位名称：「{}」→「{}」", (old.title, new.title)))
    if old.status != new.status:
        changes.append(
            Change("status", "状态：{} → {}", (STATUS_NAMES[old.status], STATUS_NAMES[new.status]))
        )
    changes += _goal_changes(old.goals, new.goals)
    changes += _monthly_changes(old, new)
    changes += _kpi_changes(old, new)
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
    # A goal whose exact text left one category and arrived in another has moved.
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
                continue
            if before.target != goal.target:
                changes.append(
                    Change(
                        "goal-target",
                        "目标值「{}」→「{}」（目标：{}）",
                        (before.target, goal.target, goal.goal),
                    )
                )
        for i, goal in enumerate(goals_before):
            if i not in pairs[category] and (category, i) not in moved:
                changes.append(Change("goal-removed", "删除{}目标「{}」", (category, goal.goal)))
    return changes


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
    changes = []
    if a.indicator != b.indicator:
        changes.append(
            Change("monthly-indicator", "月度指标：「{}」→「{}」", (a.indicator, b.indicator))
        )
    if a.target != b.target:
        changes.append(
            Change(
                "monthly-target",
                "月度指标「{}」目标：「{}」→「{}」",
                (b.indicator, a.target, b.target),
            )
        )
    if a.method != b.method:
        changes.append(
            Change(
                "monthly-method",
                "月度指标「{}」考核方法：「{}」→「{}」",
                (b.indicator, a.method, b.method),
            )
        )
    return changes


def _kpi_changes(old: Position, new: Position) -> list[Change]:
    def renamed(i: int, a: Kpi, j: int, b: Kpi) -> bool:
        same_text = (a.standard, a.method) == (b.standard, b.method) and (a.standard or a.method)
        return i == j and (a.weight == b.weight or bool(same_text))

    pairs = match(old.kpis, new.kpis, lambda a, b: a.name == b.name, renamed)
    matched_new = {j: i for i, j in pairs.items()}
    changes = []
    for j, kpi in enumerate(new.kpis):
        if j not in matched_new:
            changes.append(
                Change(
                    "kpi-added", "新增 KPI「{}」（权重 {}）", (kpi.name, format_number(kpi.weight))
                )
            )
            continue
        before = old.kpis[matched_new[j]]
        if before.name != kpi.name:
            changes.append(Change("kpi-renamed", "KPI「{}」改名为「{}」", (before.name, kpi.name)))
        if before.weight != kpi.weight:
            changes.append(
                Change(
                    "kpi-weight",
                    "KPI「{}」权重：{} → {}",
                    (kpi.name, format_number(before.weight), format_number(kpi.weight)),
                )
            )
        if before.standard != kpi.standard:
            changes.append(
                Change(
                    "kpi-standard",
                    "KPI「{}」评分标准：「{}」→「{}」",
                    (kpi.name, before.standard, kpi.standard),
                )
            )
        if before.method != kpi.method:
            changes.append(
                Change(
                    "kpi-method",
                    "KPI「{}」考核方法：「{}」→「{}」",
                    (kpi.name, before.method, kpi.method),
                )
            )
        if _scale_key(before.scale) != _scale_key(kpi.scale):
            changes.append(
                Change(
                    "kpi-scale",
                    "KPI「{}」机读评分：「{}」→「{}」",
                    (kpi.name, _describe_scale(before.scale), _describe_scale(kpi.scale)),
                )
            )
    changes += [
        Change("kpi-removed", "删除 KPI「{}」（权重 {}）", (k.name, format_number(k.weight)))
        for i, k in enumerate(old.kpis)
        if i not in pairs
    ]
    kept = [pairs[i] for i in sorted(pairs)]
    if kept != sorted(kept):
        names = [k.name for k in new.kpis]
        changes.append(
            Change("kpi-order", "KPI 顺序调整为：{}", ("".join(f"「{name}」" for name in names),))
        )
    if old.weight_total != new.weight_total:
        changes.append(
            Change(
                "weight-total",
                "KPI 权重合计：{} → {}",
                (format_number(old.weight_total), format_number(new.weight_total)),
            )
        )
    a, b = old.weights_total_note, new.weights_total_note
    if a != b:
        if a is None:
            changes.append(Change("weights-total-note", "新增权重合计说明：{}", (b,)))
        elif b is None:
            changes.append(Change("weights-total-note", "删除权重合计说明：{}", (a,)))
        else:
            changes.append(Change("weights-total-note", "权重合计说明：「{}」→「{}」", (a, b)))
    return changes


def _scale_key(scale: TierScale | NamedScale | None) -> object:
    # A named scale is compared by id: a change to its levels is a company change.
    return ("named", scale.id) if isinstance(scale, NamedScale) else scale


def _describe_scale(scale: TierScale | NamedScale | None) -> str:
    if scale is None:
        return "无"
    if isinstance(scale, NamedScale):
        return scale.name
    tiers = "、".join(
        f"{t.op}{'?' if t.value is None else format_number(t.value)}{scale.unit}得{t.points}分"
        for t in scale.tiers
    )
    rest = "人工评分" if scale.otherwise is None else f"得{scale.otherwise}分"
    return f"{tiers}，其余{rest}"


def _department_name(catalog: Catalog, department_id: str) -> str:
    return next((d.name for d in catalog.departments if d.id == department_id), department_id)
