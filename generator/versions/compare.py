"""Comparing two catalogues: company settings, vocabulary, departments and their positions."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import (
    GROUP_NAMES,
    Catalog,
    Company,
    Competency,
    Grade,
    NamedScale,
    Scoring,
    format_number,
)
from ..scales import describe_levels
from .changes import CatalogDiff, Change, DepartmentDiff, changed
from .matching import union
from .positions import position_diff

COMBINATION_NAMES = {"kpi": "KPI", "ability": "能力"}


def diff_catalogs(old: Catalog, new: Catalog) -> CatalogDiff:
    """What changed from `old` to `new`: company, vocabulary, departments and positions."""
    return CatalogDiff(
        _company_changes(old.company, new.company),
        _vocabulary_changes(old.competencies, new.competencies),
        _department_diffs(old, new),
        old,
        new,
    )


def _company_changes(old: Company, new: Company) -> tuple[Change, ...]:
    changes = []
    for kind, label, before, after in (
        ("version", "版本", old.version, new.version),
        ("effective-date", "生效日期", old.effective_date, new.effective_date),
        ("company-name", "公司名称", old.name, new.name),
        ("document", "文件名称", old.document, new.document),
    ):
        changes += changed(kind, label + "：{} → {}", before, after)
    changes += changed(
        "goal-categories",
        "目标类别：「{}」→「{}」",
        old.goal_categories,
        new.goal_categories,
        show="、".join,
    )
    return tuple(changes + _scoring_changes(old.scoring, new.scoring))


def _scoring_changes(a: Scoring, b: Scoring) -> list[Change]:
    changes = []
    if (a.points_min, a.points_max) != (b.points_min, b.points_max):
        changes.append(
            Change(
                "points",
                "评分分值：{}–{} → {}–{}",
                tuple(map(format_number, (a.points_min, a.points_max, b.points_min, b.points_max))),
            )
        )
    changes += _scale_changes(a.scales, b.scales)
    for kind, label, names, before, after in (
        (
            "ability-group-weight",
            "能力组权重（{}）",
            GROUP_NAMES,
            a.ability_groups,
            b.ability_groups,
        ),
        ("combination", "总分构成权重（{}）", COMBINATION_NAMES, a.combination, b.combination),
    ):
        for key in union(before, after):
            changes += changed(
                kind,
                label + "：{} → {}",
                before.get(key),
                after.get(key),
                subject=names.get(key, key),
                show=_number,
            )
    changes += changed(
        "decimals", "结果保留小数位数：{} → {}", a.decimals, b.decimals, show=_number
    )
    return changes + _grade_changes(a.grades, b.grades)


def _scale_changes(old: dict[str, NamedScale], new: dict[str, NamedScale]) -> list[Change]:
    changes = []
    for scale_id in union(old, new):
        before, after = old.get(scale_id), new.get(scale_id)
        if before is None:
            changes.append(
                Change(
                    "scale-added", "新增评分量表「{}」：{}", (after.name, describe_levels(after))
                )
            )
        elif after is None:
            changes.append(Change("scale-removed", "删除评分量表「{}」", (before.name,)))
        else:
            changes += changed(
                "scale-renamed", "评分量表「{}」改名为「{}」", before.name, after.name
            )
            if before.levels != after.levels:
                changes.append(
                    Change(
                        "scale-levels",
                        "评分量表「{}」档位：「{}」→「{}」",
                        (after.name, describe_levels(before), describe_levels(after)),
                    )
                )
    return changes


def _grade_changes(old: Sequence[Grade], new: Sequence[Grade]) -> list[Change]:
    changes = []
    old_grades = {g.name: g.min for g in old}
    new_grades = {g.name: g.min for g in new}
    for name in union(old_grades, new_grades):
        if name not in old_grades:
            changes.append(
                Change(
                    "grade-added",
                    "新增等级「{}」（最低分 {}）",
                    (name, format_number(new_grades[name])),
                )
            )
        elif name not in new_grades:
            changes.append(Change("grade-removed", "删除等级「{}」", (name,)))
        else:
            changes += changed(
                "grade-min",
                "等级「{}」最低分：{} → {}",
                old_grades[name],
                new_grades[name],
                subject=name,
                show=format_number,
            )
    return changes


def _vocabulary_changes(old: Sequence[Competency], new: Sequence[Competency]) -> tuple[Change, ...]:
    before = {c.id: c for c in old}
    after = {c.id: c for c in new}
    changes = []
    for competency_id in union(after, before):
        a, b = before.get(competency_id), after.get(competency_id)
        if a is None:
            changes.append(Change("competency-added", "新增{}「{}」", (b.kind, b.name)))
        elif b is None:
            changes.append(Change("competency-removed", "删除{}「{}」", (a.kind, a.name)))
        else:
            changes += changed(
                "competency-renamed", "{}「{}」改名为「{}」", a.name, b.name, subject=b.kind
            )
            changes += changed(
                "competency-kind", "「{}」类别：{} → {}", a.kind, b.kind, subject=b.name
            )
            if a.definition != b.definition:
                changes.append(
                    Change("competency-definition", "{}「{}」的定义有修改", (b.kind, b.name))
                )
            ratings = [
                r for r in union(b.anchors, a.anchors) if a.anchors.get(r) != b.anchors.get(r)
            ]
            if ratings:
                changes.append(
                    Change(
                        "competency-anchors",
                        "{}「{}」的行为描述有修改（{}）",
                        (
                            b.kind,
                            b.name,
                            "、".join(f"{r}分" for r in sorted(ratings, reverse=True)),
                        ),
                    )
                )
    return tuple(changes)


def _department_diffs(old: Catalog, new: Catalog) -> tuple[DepartmentDiff, ...]:
    old_departments = {d.id: d for d in old.departments}
    new_departments = {d.id: d for d in new.departments}
    old_positions = {p.id: p for p in old.positions()}
    new_ids = {p.id for p in new.positions()}
    result = []
    for department in new.departments:
        before = old_departments.get(department.id)
        changes = []
        if before is None:
            changes.append(Change("department-added", "新增部门「{}」", (department.name,)))
        else:
            changes += changed(
                "department-renamed", "部门名称：「{}」→「{}」", before.name, department.name
            )
        positions = [
            position_diff(old, new, old_positions.get(p.id), p) for p in department.positions
        ]
        if before is not None:
            positions += [
                position_diff(old, new, p, None) for p in before.positions if p.id not in new_ids
            ]
        positions = [p for p in positions if p.changes]
        if changes or positions:
            status = "added" if before is None else "changed"
            result.append(
                DepartmentDiff(
                    department.id, department.name, status, tuple(changes), tuple(positions)
                )
            )
    for before in old.departments:
        if before.id not in new_departments:
            positions = tuple(
                position_diff(old, new, p, None) for p in before.positions if p.id not in new_ids
            )
            result.append(
                DepartmentDiff(
                    before.id,
                    before.name,
                    "removed",
                    (Change("department-removed", "删除部门「{}」", (before.name,)),),
                    positions,
                )
            )
    return tuple(result)


def _number(value: float | None) -> str:
    return "—" if value is None else format_number(value)
