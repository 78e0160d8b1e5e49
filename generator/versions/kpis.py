"""What changed in a position's KPIs: added, removed, renamed, reordered, each field."""

from __future__ import annotations

from ..model import Kpi, NamedScale, Position, TierScale, format_number
from ..scales import describe_scale
from .changes import Change, changed
from .matching import match


def kpi_changes(old: Position, new: Position) -> list[Change]:
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
        changes += _kpi_edits(old.kpis[matched_new[j]], kpi)
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
    changes += changed(
        "weight-total",
        "KPI 权重合计：{} → {}",
        old.weight_total,
        new.weight_total,
        show=format_number,
    )
    return changes + _weight_note_changes(old.weights_total_note, new.weights_total_note)


def _scale_key(scale: TierScale | NamedScale | None) -> object:
    # A named scale is compared by id: a change to its levels is a company change.
    return ("named", scale.id) if isinstance(scale, NamedScale) else scale


def _kpi_edits(before: Kpi, kpi: Kpi) -> list[Change]:
    """What changed in one KPI found in both versions (`before`, now `kpi`)."""
    name = kpi.name
    changes = changed("kpi-renamed", "KPI「{}」改名为「{}」", before.name, name)
    changes += changed(
        "kpi-weight", "KPI「{}」权重：{} → {}", before.weight, kpi.weight, name, format_number
    )
    changes += changed(
        "kpi-standard", "KPI「{}」评分标准：「{}」→「{}」", before.standard, kpi.standard, name
    )
    changes += changed(
        "kpi-method", "KPI「{}」考核方法：「{}」→「{}」", before.method, kpi.method, name
    )
    if _scale_key(before.scale) != _scale_key(kpi.scale):
        changes.append(
            Change(
                "kpi-scale",
                "KPI「{}」机读评分：「{}」→「{}」",
                (kpi.name, describe_scale(before.scale), describe_scale(kpi.scale)),
            )
        )
    return changes


def _weight_note_changes(a: str | None, b: str | None) -> list[Change]:
    if a == b:
        return []
    if a is None:
        return [Change("weights-total-note", "新增权重合计说明：{}", (b,))]
    if b is None:
        return [Change("weights-total-note", "删除权重合计说明：{}", (a,))]
    return [Change("weights-total-note", "权重合计说明：「{}」→「{}」", (a, b))]
